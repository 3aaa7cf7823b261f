/**
 * Every derived file is what `npm run generate` would write (compared in memory, nothing is written):
 * the settings schema, the JSON schemas, the nls files and the README tables from the registries.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { derivedFiles, replaceBetweenMarkers, ROOT } from './derived';

/** The first line where two texts differ, 1-based, with both versions of it. */
function firstDifference(a: string, b: string): string {
	const [x, y] = [a.split('\n'), b.split('\n')];
	const i = x.findIndex((l, k) => l !== y[k]);
	const n = i < 0 ? x.length : i;
	return `line ${n + 1}: on disk ${JSON.stringify(x[n] ?? '')}, generated ${JSON.stringify(y[n] ?? '')}`;
}

describe('derived files (npm run generate)', () => {
	const files = derivedFiles();

	it('covers the manifest, the schemas, the nls files and the README', () => {
		assert.deepEqual([...files.keys()].sort(), ['README.md', 'package.json', 'package.nls.json', 'package.nls.zh-cn.json', 'server/schemas/copydesk-pack.schema.json', 'server/schemas/copydesk-rules.schema.json', 'server/schemas/copydesk.schema.json']);
	});

	for (const [file, text] of files) {
		it(`${file} is up to date`, () => {
			const disk = fs.readFileSync(path.join(ROOT, file), 'utf8');
			assert.ok(disk === text, `${file} drifts from what generate writes (${firstDifference(disk, text)}): run npm run generate`);
		});
	}

	it('the README tables name every rule, platform and output format', () => {
		const readme = files.get('README.md')!;
		for (const id of ['platform-limit', 'tone-stonewall', 'config']) {
			assert.ok(readme.includes(`[\`${id}\`](docs/rules/${id}.md)`), id);
		}
		assert.ok(readme.includes('[`mastodon`](server/src/engine/data/platforms.json#L'));
		assert.ok(readme.includes('[`rdjson`](server/src/cli/formats/rdjson.ts)'));
		assert.ok(readme.includes('[`html`](server/src/cli/formats/html.ts)'));
	});

	it('a missing marker is an error that names the file, not a silent skip', () => {
		assert.throws(() => replaceBetweenMarkers('no markers', 'rules', 'x', 'README.md'), /README\.md: the markers <!-- generated:rules -->/);
		assert.equal(replaceBetweenMarkers('a\n<!-- generated:x -->\nold\n<!-- /generated:x -->\nb', 'x', 'new', 'f'), 'a\n<!-- generated:x -->\nnew\n<!-- /generated:x -->\nb');
	});
});
