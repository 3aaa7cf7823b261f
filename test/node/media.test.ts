/**
 * The Node image reader the media rules are given: real (tiny) image files in test/fixtures/media,
 * read with image-size; and the engine's view of a post's images with and without a reader.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imagesOf, lint, LintCache, parseDraft, resolveConfig, setLanguage } from '../../server/src/engine';
import { imageInfo, imageReaderFor } from '../../server/src/node/media';
import { FIXTURES } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

const MEDIA = path.join(FIXTURES, 'media');

describe('image reader (node/media.ts)', () => {
	before(() => setLanguage('en'));

	it('reads pixel size, format and bytes of real files', () => {
		assert.deepEqual(imageInfo(path.join(MEDIA, 'square.png')), { found: true, bytes: fs.statSync(path.join(MEDIA, 'square.png')).size, width: 8, height: 8, format: 'png' });
		assert.deepEqual(imageInfo(path.join(MEDIA, 'tiny.gif')), { found: true, bytes: 35, width: 3, height: 2, format: 'gif' });
		assert.equal(imageInfo(path.join(MEDIA, 'huge.png')).width, 2400);
	});

	it('says what it cannot read: a missing file, a folder, a file that is no image', () => {
		assert.deepEqual(imageInfo(path.join(MEDIA, 'nope.png')), { found: false });
		assert.deepEqual(imageInfo(MEDIA), { found: false });
		assert.equal(imageInfo(path.join(MEDIA, 'broken.png')).unreadable, true);
	});

	it('reads paths relative to the draft, never remote images, and sees a changed file', () => {
		const read = imageReaderFor(path.join(MEDIA, 'x-limits.md'));
		assert.equal(read('square.png')?.width, 8);
		assert.equal(read('./wide.png?v=2')?.width, 40);
		assert.equal(read('https://example.com/a.png'), undefined);
		assert.equal(read('data:image/png;base64,AAAA'), undefined);
		const dir = tempDir('media-');
		const file = path.join(dir, 'a.png');
		fs.copyFileSync(path.join(MEDIA, 'square.png'), file);
		assert.equal(imageInfo(file).width, 8);
		fs.copyFileSync(path.join(MEDIA, 'huge.png'), file);
		assert.equal(imageInfo(file).width, 2400);
	});

	it('the engine lists body and front matter images with their alt text, and reads files only through the reader', () => {
		const text = '---\nplatform: x\nimages:\n  - cover.png\n  - { src: team.png, alt: The team }\n---\nHello ![A watch](square.png) and ![](https://example.com/b.png)\n';
		const post = parseDraft(text).posts[0];
		const seen: string[] = [];
		const images = imagesOf(post, text, (src) => {
			seen.push(src);
			return { found: false };
		});
		assert.deepEqual(images.map((i) => [i.src, i.alt, i.from, text.slice(i.start, i.end)]), [
			['cover.png', undefined, 'front-matter', 'cover.png'],
			['team.png', 'The team', 'front-matter', '{ src: team.png, alt: The team }'],
			['square.png', 'A watch', 'body', '![A watch](square.png)'],
			['https://example.com/b.png', '', 'body', '![](https://example.com/b.png)'],
		]);
		assert.deepEqual(seen, ['cover.png', 'team.png', 'square.png']);
		// Without a reader nothing is read: only count and alt text are checked.
		const r = lint({ text, config: resolveConfig([]) });
		assert.deepEqual(r.findings.filter((f) => f.rule === 'media').map((f) => f.message), []);
		assert.equal(r.findings.filter((f) => f.rule === 'media-alt').length, 2);
		assert.equal(r.media[0].images.length, 4);
	});

	it('a file that changes on disk changes the findings although the post is a cache hit', () => {
		const dir = tempDir('media-');
		const draft = path.join(dir, 'post.md');
		const text = '---\nplatform: bluesky\nlocale: en\n---\n![The venue](venue.png)\n';
		const cache = new LintCache();
		const config = resolveConfig([]);
		const run = () => lint({ text, config, readImage: imageReaderFor(draft) }, cache).findings.filter((f) => f.rule === 'media').map((f) => f.message);
		assert.deepEqual(run(), ['Image not found: venue.png.']);
		fs.copyFileSync(path.join(MEDIA, 'square.png'), path.join(dir, 'venue.png'));
		assert.deepEqual(run(), []);
		assert.ok(cache.hits > 0);
		fs.copyFileSync(path.join(MEDIA, 'huge.png'), path.join(dir, 'venue.png'));
		assert.deepEqual(run(), ['venue.png is 2400 px wide; Bluesky takes up to 2000 px.']);
	});
});
