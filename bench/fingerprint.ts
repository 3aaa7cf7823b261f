/**
 * Prints a fingerprint (SHA-256) of everything `lint` reports on the bench corpus (its default seed,
 * 10,000 posts) and on the labelled judgment corpus: every finding, and every target's counts. Run it
 * on two trees (`npx tsx bench/fingerprint.ts` here and in a checkout of the commit before a speed
 * change): the same hash is the same output, finding for finding. `--dump FILE` also writes the
 * lines hashed, to diff when the hashes differ.
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BENCH_SEED, generateCorpus } from './corpus';

type Engine = typeof import('../server/src/engine');

function main(): void {
	const root = path.resolve(process.argv.find((a, i) => i > 1 && !a.startsWith('--') && process.argv[i - 1] !== '--dump') ?? path.join(__dirname, '..'));
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	const engine = require(path.join(root, 'server', 'src', 'engine')) as Engine;
	const dumpAt = process.argv.indexOf('--dump');
	const dump: string[] | undefined = dumpAt > 0 ? [] : undefined;
	const config = engine.resolveConfig([]);
	const files: [string, string][] = [...generateCorpus(BENCH_SEED, 10_000).files];
	const judged = path.join(root, 'test', 'corpus', 'judgment');
	for (const name of fs.existsSync(judged) ? fs.readdirSync(judged).filter((n) => n.endsWith('.md')).sort() : []) {
		files.push([`judgment/${name}`, fs.readFileSync(path.join(judged, name), 'utf8')]);
	}
	const h = crypto.createHash('sha256');
	let findings = 0;
	for (const [name, text] of files) {
		const r = engine.lint({ text, config, matchedDraftGlob: true });
		for (const f of r.findings) {
			findings++;
			const line = JSON.stringify([name, f.rule, f.severity, f.start, f.end, f.message, f.post ?? null, f.platform ?? null, f.fixes ?? null, f.related ?? null, f.explain ?? null]);
			h.update(line + '\n');
			dump?.push(line);
		}
		for (const t of r.targets) {
			const line = JSON.stringify([name, t.post.index, t.platform.id, t.counts]);
			h.update(line + '\n');
			dump?.push(line);
		}
	}
	if (dump) {
		fs.writeFileSync(process.argv[dumpAt + 1], dump.join('\n') + '\n');
	}
	console.log(`${files.length} files, ${findings} findings: ${h.digest('hex')}`);
}

main();
