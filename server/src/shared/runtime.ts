import flags from './server-node-flags.json';

/**
 * How the language server's Node process is started, shared by the VS Code client (which forks it),
 * the benchmarks (which measure what the server does) and the docs for other editors.
 *
 * A larger young generation: a re-check after an edit moves every later post's findings and counts
 * (new objects, as results are never changed once returned), and the last re-check's copies die at
 * the next one. With Node's default young generation (up to 16 MB per semi-space) nearly every
 * keystroke in a large draft ran a scavenge that copied the live copies; with 16–64 MB the copies
 * of an edit are mostly dead before the next scavenge. Measured on the bench's 1 MB file (4,527
 * posts), a one-post edit: ~30 ms → ~11 ms CPU median; memory: ~25 MB more resident with 100 drafts
 * open (bench/results). Only V8 heap sizes: no flag here changes what the server does. The list is
 * data (server-node-flags.json) so that bench/build.mjs, plain JavaScript, starts the bench with it too.
 */
export const SERVER_NODE_FLAGS: readonly string[] = flags;
