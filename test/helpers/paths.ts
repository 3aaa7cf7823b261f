import * as path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '..', '..');
/** ../shared beside the repository: the research notes and reference texts. */
export const SHARED = path.resolve(ROOT, '..', 'shared');
export const FIXTURES = path.join(ROOT, 'test', 'fixtures');
export const SERVER_BUNDLE = path.join(ROOT, 'server', 'out', 'server.js');
export const CLI_BUNDLE = path.join(ROOT, 'server', 'out', 'cli.js');
