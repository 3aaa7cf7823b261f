/** Temporary project folders for tests that read packs and configs from disk. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** Writes `files` (path → text, or an object written as JSON) under a new temporary folder. */
export function makeTree(files: Record<string, string | object>, base?: string): string {
	const root = base ?? fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'copydesk-')));
	for (const [rel, content] of Object.entries(files)) {
		const p = path.join(root, rel);
		fs.mkdirSync(path.dirname(p), { recursive: true });
		fs.writeFileSync(p, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
	}
	return root;
}

export function removeTree(root: string): void {
	fs.rmSync(root, { recursive: true, force: true });
}
