import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/paths';

function files(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => e.isDirectory() ? files(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []);
}

describe('engine purity', () => {
	it('imports nothing from vscode, the LSP libraries or node:*', () => {
		const bad: string[] = [];
		for (const f of files(path.join(ROOT, 'server', 'src', 'engine'))) {
			const src = fs.readFileSync(f, 'utf8');
			for (const m of src.matchAll(/(?:from\s+|require\(\s*|import\(\s*)['"]([^'"]+)['"]/g)) {
				if (/^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc|node:|fs$|path$|child_process$)/.test(m[1])) {
					bad.push(`${path.relative(ROOT, f)}: ${m[1]}`);
				}
			}
		}
		assert.deepEqual(bad, []);
	});
});
