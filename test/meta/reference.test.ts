import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/paths';
import { hasReference } from '../helpers/reference';

function testFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? (e.name === 'node_modules' || e.name === 'fixtures' ? [] : testFiles(p)) : /\.(ts|mjs|js|lua)$/.test(e.name) ? [p] : [];
	});
}

/** A use of ../shared: the SHARED path, or a literal path into shared/reference. */
const READS_SHARED = /\bSHARED\b|shared[\\/]+reference|['"`]shared['"`]\s*,\s*['"`]reference['"`]/;

describe('reference data from ../shared', () => {
	it('every test reaches ../shared only through test/helpers/reference.ts (skipped, named, on a clone without it)', () => {
		const allowed = new Set([
			path.join(ROOT, 'test', 'helpers', 'paths.ts'),
			path.join(ROOT, 'test', 'helpers', 'reference.ts'),
			path.join(ROOT, 'test', 'meta', 'reference.test.ts'),
		]);
		const direct = testFiles(path.join(ROOT, 'test'))
			.filter((f) => !allowed.has(f) && READS_SHARED.test(fs.readFileSync(f, 'utf8')))
			.map((f) => path.relative(ROOT, f));
		assert.deepEqual(direct, [], 'these read ../shared directly: a clone without it stops the whole run (use describeWithReference/itWithReference)');
	});

	it('the pattern catches the ways a test could name ../shared', () => {
		for (const line of [
			"import { SHARED } from '../helpers/paths';",
			"fs.readFileSync('../shared/reference/twitter-text/conformance/validate.yml')",
			"path.join(ROOT, '..', 'shared', 'reference', 'x.yml')",
		]) {
			assert.ok(READS_SHARED.test(line), line);
		}
		assert.equal(READS_SHARED.test("const shared = ctx.shared('key', f);"), false);
	});

	it('hasReference says no for a file that is not there', () => {
		assert.equal(hasReference('no-such-project/none.yml'), false);
	});
});
