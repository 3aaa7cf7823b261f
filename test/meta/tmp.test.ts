import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ROOT } from '../helpers/paths';
import { liveTempDirs, tempDir } from '../helpers/tmp';

function testFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? (e.name === 'node_modules' ? [] : testFiles(p)) : /\.ts$/.test(e.name) ? [p] : [];
	});
}

describe('temporary folders', () => {
	it('every test makes them with tempDir/makeTree (test/helpers/tmp.ts), which the root hook removes after the run', () => {
		const self = path.join(ROOT, 'test', 'meta', 'tmp.test.ts');
		const direct = testFiles(path.join(ROOT, 'test'))
			.filter((f) => f !== path.join(ROOT, 'test', 'helpers', 'tmp.ts') && f !== self)
			.filter((f) => /mkdtemp|os\.tmpdir\(|\.tmpdir\(\)/.test(fs.readFileSync(f, 'utf8')))
			.map((f) => path.relative(ROOT, f));
		assert.deepEqual(direct, [], 'these make temporary folders the cleanup does not know about');
	});

	it('the cleanup is loaded by every mocha run: unit, fuzz and e2e', () => {
		const unit = JSON.parse(fs.readFileSync(path.join(ROOT, '.mocharc.json'), 'utf8'));
		const e2e = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'e2e', 'mocharc.json'), 'utf8'));
		assert.ok(unit.require.includes('test/helpers/cleanup.ts'));
		assert.ok(e2e.require.includes('test/helpers/cleanup.ts'));
		const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
		assert.match(scripts['test:fuzz'], /-r test\/helpers\/cleanup\.ts/);
	});

	it('tempDir makes a new empty folder copydesk-<prefix>… in the system temp folder and registers it', () => {
		const d = tempDir('meta-');
		assert.equal(path.dirname(d), os.tmpdir());
		assert.match(path.basename(d), /^copydesk-meta-/);
		assert.deepEqual(fs.readdirSync(d), []);
		assert.ok(liveTempDirs().includes(d));
		fs.rmSync(d, { recursive: true });
		assert.equal(liveTempDirs().includes(d), false, 'a folder removed early is not live');
	});
});
