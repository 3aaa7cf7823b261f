/**
 * No source file in server/src or client/src is over 400 lines (issue 14): a file that long does
 * several jobs. Data (JSON) and the string tables (engine/l10n) are not code and are left out.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/paths';

const MAX_LINES = 400;

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) {
			return e.name === 'l10n' || e.name === 'data' ? [] : sources(p);
		}
		return /\.ts$/.test(e.name) ? [p] : [];
	});
}

function lineCount(file: string): number {
	const text = fs.readFileSync(file, 'utf8');
	return text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
}

describe('source file size', () => {
	const files = [...sources(path.join(ROOT, 'server', 'src')), ...sources(path.join(ROOT, 'client', 'src'))]
		.map((f) => ({ file: path.relative(ROOT, f).split(path.sep).join('/'), lines: lineCount(f) }));

	it(`finds the sources (server/src and client/src)`, () => {
		assert.ok(files.some((f) => f.file === 'server/src/engine/lint/index.ts'));
		assert.ok(files.some((f) => f.file === 'client/src/extension.ts'));
	});

	it(`no source file is over ${MAX_LINES} lines`, () => {
		const over = files.filter((f) => f.lines > MAX_LINES).map((f) => `${f.file}: ${f.lines}`);
		assert.deepEqual(over, []);
	});
});
