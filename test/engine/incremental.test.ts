/**
 * The editor's re-check (issue 15): a lint through a LintCache after an edit reuses the posts the edit
 * did not touch and moves those after it. Over many seeded random edits (typing and deleting inside a
 * post, line breaks, comment fences, markers, front matter), it must give exactly what a fresh lint of
 * the same text gives: findings, targets and their counts, the parsed draft, media, variants.
 */
import * as assert from 'node:assert/strict';
import { campaignFile, rng } from '../../bench/corpus';
import { LintCache, lint, resolveConfig, type LintResult } from '../../server/src/engine';
import { reparse, textEdit } from '../../server/src/engine/lint/incremental';

const config = resolveConfig([]);

/** What a result says, without the object identities a cache may share. */
function view(r: LintResult, variants: 'all' | 'compared') {
	return {
		findings: r.findings,
		hidden: r.hidden,
		exceptions: r.exceptions,
		// With 'compared', facts already read stay when nothing compares them (lint's contract): only 'all' fixes the list.
		variants: variants === 'all' ? r.variants : undefined,
		media: r.media,
		targets: r.targets.map((t) => ({ ...t, post: t.post.index, platform: t.platform.id })),
		draft: {
			text: r.draft.text, frontMatter: r.draft.frontMatter, comments: r.draft.comments, problems: r.draft.problems,
			declaresPlatform: r.draft.declaresPlatform, unreadableFrontMatter: r.draft.unreadableFrontMatter,
			posts: r.draft.posts.map((p) => ({
				index: p.index, start: p.start, end: p.end, marker: p.marker, settings: p.settings, text: p.body.text,
				// The view maps every offset as a fresh parse's does.
				map: Array.from({ length: p.body.text.length + 1 }, (_, i) => p.body.toSource(i)),
			})),
		},
	};
}

const SNIPPETS = ['新', '，', 'App', ' ', '\n', '\r\n', '\n\n', '<!--', '-->', '<!-- post platform=x -->\n', '<!-- copydesk-disable-next-line zh-spacing -- test -->\n', '---\n', '![图](a.png)', '最', '#话题#', '@小明 '];

/** One random edit: mostly small typing inside the text, sometimes a snippet that changes the file's structure. */
function randomEdit(next: () => number, text: string): string {
	const at = Math.floor(next() * (text.length + 1));
	const r = next();
	if (r < 0.45) {
		return text.slice(0, at) + SNIPPETS[Math.floor(next() * 4)] + text.slice(at);
	}
	if (r < 0.75) {
		return text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 6));
	}
	if (r < 0.95) {
		return text.slice(0, at) + SNIPPETS[Math.floor(next() * SNIPPETS.length)] + text.slice(at);
	}
	// A whole line replaced, or a paste of another part of the file.
	const from = Math.floor(next() * text.length);
	return text.slice(0, at) + text.slice(from, from + 40) + text.slice(at + Math.floor(next() * 40));
}

describe('incremental re-check', () => {
	for (const [name, variants, start] of [
		['a 12-post campaign file (facts compared)', 'compared', campaignFile(20260601, 12)],
		['a 16-post campaign file with front matter', 'all', `---\ntitle: 新品发布\nindustry: general\nsponsored: true\n---\n${campaignFile(20260602, 16)}`],
		['a one-post draft', 'all', '---\nplatform: weibo\n---\n新版App今天上线，欢迎大家来体验！最好的产品。\n'],
	] as const) {
		it(`gives what a fresh lint gives after each of 200 seeded random edits: ${name}`, function () {
			this.timeout(60_000);
			const next = rng(name.length * 7919);
			const cache = new LintCache();
			let text: string = start;
			let reused = 0;
			for (let i = 0; i < 200; i++) {
				const before = cache.hits;
				const viaCache = lint({ text, config, variants }, cache);
				reused += cache.hits - before;
				assert.deepEqual(view(viaCache, variants), view(lint({ text, config, variants }), variants), `edit ${i}: ${JSON.stringify(text.slice(0, 200))}…`);
				text = randomEdit(next, text);
			}
			if (name !== 'a one-post draft') {
				assert.ok(reused > 0, 'no post was ever reused');
			}
		});
	}

	it('re-checks only the edited post after typing inside it, in a file of many posts', () => {
		const text = campaignFile(20260603, 60);
		const cache = new LintCache();
		lint({ text, config, variants: 'compared' }, cache);
		const mid = text.indexOf('-->\n', Math.floor(text.length / 2)) + 4;
		const edited = text.slice(0, mid) + '新' + text.slice(mid);
		const misses = cache.misses;
		lint({ text: edited, config, variants: 'compared' }, cache);
		assert.equal(cache.misses - misses, 1);
	});

	it('finds the one changed range of two texts', () => {
		assert.deepEqual(textEdit('abcdef', 'abXdef'), { start: 2, oldEnd: 3, newEnd: 3 });
		assert.deepEqual(textEdit('aaaa', 'aaaaa'), { start: 4, oldEnd: 4, newEnd: 5 });
		assert.deepEqual(textEdit('abc', 'abc'), { start: 3, oldEnd: 3, newEnd: 3 });
		const long = 'x'.repeat(10_000);
		assert.deepEqual(textEdit(long + 'a' + long, long + long), { start: 10_000, oldEnd: 10_001, newEnd: 10_000 });
	});

	it('parses the file again when an edit touches a marker, a comment fence or the front matter', () => {
		const text = '---\nindustry: general\n---\n<!-- post platform=weibo -->\n第一篇\n<!-- post platform=x -->\nSecond\n';
		const old = lint({ text, config }).draft;
		const at = (s: string, e: string) => reparse(old, e, textEdit(s, e));
		assert.ok(at(text, text.replace('第一篇', '第一篇呀')), 'typing inside a post');
		assert.equal(at(text, text.replace('weibo', 'douyin')), undefined, 'in a marker');
		assert.equal(at(text, text.replace('第一篇', '第一篇<!--')), undefined, 'opening a comment');
		assert.equal(at(text, text.replace('第一篇\n', '第一篇')), undefined, 'joining the line of a marker');
		assert.equal(at(text, text.replace('general', 'finance')), undefined, 'in the front matter');
	});
});
