/**
 * One reading per post (engine/reading.ts): what the counters and rules derive from a post's text
 * is computed once and shared through the reading, and nothing is remembered at module level —
 * without a reading every call computes afresh.
 */
import * as assert from 'node:assert/strict';
import { lint, resolveConfig, type Rule } from '../../server/src/engine';
import { countText } from '../../server/src/engine/counting/count';
import { Reading, Readings, readingOf } from '../../server/src/engine/reading';
import { findEmoji, findLinks, findUrls } from '../../server/src/engine/text';
import { builtinPlatforms } from '../../server/src/engine/platforms';
import * as registry from '../../server/src/engine/rules';

const TEXT = '新品发布 https://example.com/活动 🎉🎉 @小明 #话题# 售价 ¥3999';

describe('the reading of a post', () => {
	it('computes a value once per text and key', () => {
		const r = new Reading('abc');
		let n = 0;
		assert.equal(r.get('k', () => ++n), 1);
		assert.equal(r.get('k', () => ++n), 1);
		assert.equal(r.get('other', () => ++n), 2);
		// undefined is a value too: computed once.
		let m = 0;
		r.get('u', () => void m++);
		r.get('u', () => void m++);
		assert.equal(m, 1);
	});

	it('Readings give one reading per text; readingOf never hands out a reading of another text', () => {
		const rs = new Readings();
		assert.equal(rs.of('a'), rs.of('a'));
		assert.notEqual(rs.of('a'), rs.of('b'));
		const a = new Reading('a');
		assert.equal(readingOf('a', a), a);
		assert.notEqual(readingOf('b', a), a);
		assert.equal(readingOf('b', a).text, 'b');
	});

	it('finders share their answer through a reading and compute afresh without one', () => {
		const r = new Reading(TEXT);
		assert.equal(findUrls.shared(TEXT, r), findUrls.shared(TEXT, r));
		assert.equal(findLinks.shared(TEXT, r), findLinks.shared(TEXT, r));
		assert.equal(findEmoji.shared(TEXT, r), findEmoji.shared(TEXT, r));
		// No module-level memo: two calls without a reading are two answers (equal, not the same array).
		assert.notEqual(findUrls.shared(TEXT), findUrls.shared(TEXT));
		assert.deepEqual(findUrls.shared(TEXT), findUrls.shared(TEXT, r));
		// A reading of another text is not used for this one.
		assert.deepEqual(findUrls.shared(TEXT, new Reading('other')), findUrls.shared(TEXT));
	});

	it('counts the same with and without a reading, for every platform and limit', () => {
		for (const p of Object.values(builtinPlatforms())) {
			const r = new Reading(TEXT);
			for (const limit of [undefined, 5, 20, 1000]) {
				assert.deepEqual(countText(TEXT, p, limit, r), countText(TEXT, p, limit), `${p.id} ${limit}`);
			}
		}
	});

	it('lint hands every rule of a post the same reading, and each post its own', () => {
		const seen: { post: number; reading: Reading; text: string }[] = [];
		const spy: Rule = {
			meta: { id: 'zh-spacing', category: 'localization', description: { en: '', 'zh-cn': '' }, defaultSeverity: 'warning', fixable: false, messages: { en: {}, 'zh-cn': {} } },
			check(ctx) {
				seen.push({ post: ctx.target.post.index, reading: ctx.reading(), text: ctx.text });
				assert.equal(ctx.reading(ctx.text), ctx.reading());
			},
		};
		const rules = registry.rules as Rule[];
		const i = rules.findIndex((r) => r.meta.id === 'zh-spacing');
		const original = rules[i];
		rules[i] = spy;
		try {
			lint({ text: '---\nplatforms: [weibo, wechat]\n---\n<!-- post -->\n第一条。\n\n<!-- post -->\n第二条。\n', config: resolveConfig([]) });
		} finally {
			rules[i] = original;
		}
		assert.deepEqual(seen.map((s) => s.post), [0, 0, 1, 1]);
		assert.equal(seen[0].reading, seen[1].reading, 'two targets of one post: one reading');
		assert.notEqual(seen[1].reading, seen[2].reading);
		assert.equal(seen[2].reading, seen[3].reading);
		assert.equal(seen[0].reading.text, seen[0].text);
	});
});
