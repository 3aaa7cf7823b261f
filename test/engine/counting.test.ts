import * as assert from 'node:assert/strict';
import twitter from 'twitter-text';
import { builtinPlatforms, countText, explainCount, resolveConfig, type PlatformProfile } from '../../server/src/engine';
import { describeWithReference, readReferenceYaml } from '../helpers/reference';

const P = builtinPlatforms();
const VALIDATE = 'twitter-text/conformance/validate.yml';

describe('counting: Weibo', () => {
	it('counts the published Sina vector as 16', () => {
		assert.equal(countText('我司CEO与我司吉祥物...好大一坨！', P.weibo).count, 16);
	});
	it('counts half-width characters as 1/2, rounded up', () => {
		assert.equal(countText('ab', P.weibo).count, 1);
		assert.equal(countText('abc', P.weibo).count, 2);
		assert.equal(countText('中a', P.weibo).count, 2);
	});
	it('counts a URL as 10 whatever its length', () => {
		assert.equal(countText('看 https://example.com/a/very/long/path/that/goes/on?and=on', P.weibo).count, 12);
	});
	it('finds the first character past the limit', () => {
		const text = '好'.repeat(141);
		assert.deepEqual(countText(text, P.weibo, 140), { count: 141, overflowAt: 140 });
		// 280 half-width characters fit exactly; the 281st is over.
		assert.equal(countText('a'.repeat(280), P.weibo, 140).overflowAt, undefined);
		assert.equal(countText('a'.repeat(281), P.weibo, 140).overflowAt, 280);
	});
});

describe('counting: X', () => {
	it('weights CJK 2 and Latin 1', () => {
		assert.equal(countText('中文abc', P.x).count, 7);
	});
	it('counts a ZWJ emoji newer than twitter-text as 2', () => {
		assert.equal(twitter.parseTweet('🐦‍🔥').weightedLength, 5, 'twitter-text itself undercounts: the correction is needed');
		assert.equal(countText('🐦‍🔥', P.x).count, 2);
		assert.equal(countText('我司CEO🐦‍🔥', P.x).count, 9);
	});
	it('places the overflow after corrected emoji', () => {
		const text = '🐦‍🔥'.repeat(140) + 'ab';
		const r = countText(text, P.x, 280);
		assert.equal(r.count, 282);
		assert.equal(r.overflowAt, text.length - 2);
	});

	describeWithReference('twitter-text conformance (WeightedTweetsWithDiscountedEmojiCounterTest)', VALIDATE, () => {
		const doc = readReferenceYaml<{ tests: Record<string, { description: string; text: string; expected: { weightedLength: number; valid: boolean; validRangeEnd: number } }[]> }>(VALIDATE);
		const cases = doc.tests.WeightedTweetsWithDiscountedEmojiCounterTest;
		it('has cases to run', () => assert.ok(cases.length > 10));
		for (const c of cases) {
			it(c.description, () => {
				const r = countText(c.text, P.x, 280);
				assert.equal(r.count, c.expected.weightedLength);
				assert.equal(r.count <= 280 && r.count > 0, c.expected.valid);
				if (!c.expected.valid && r.count > 280) {
					assert.equal(r.overflowAt, c.expected.validRangeEnd + 1);
				}
			});
		}
	});
});

describe('counting: other units', () => {
	it('Bluesky counts graphemes: a family emoji is 1', () => {
		assert.equal(countText('👨‍👩‍👧 hi', P.bluesky).count, 4);
	});
	it('Threads counts an emoji as its UTF-8 bytes', () => {
		assert.equal(countText('😷', P.threads).count, 4);
		assert.equal(countText('ab😷', P.threads).count, 6);
	});
	it('Mastodon counts URLs as 23 and mentions by their local part', () => {
		assert.equal(countText('https://example.com/' + 'x'.repeat(50), P.mastodon).count, 23);
		assert.equal(countText('@alice@example.com hi', P.mastodon).count, '@alice hi'.length);
	});
	it('LinkedIn counts UTF-16 code units', () => {
		assert.equal(countText('😷a', P.linkedin).count, 3);
	});
	it('a custom platform from config uses the same building blocks', () => {
		const config = resolveConfig([{ origin: 'test', platforms: { 'tencent-weibo': { extends: 'weibo', name: '腾讯微博', limit: 100 } } }]);
		const p: PlatformProfile = config.platforms['tencent-weibo'];
		assert.equal(p.unit, 'weibo');
		assert.equal(p.body.limit, 100);
		assert.equal(countText('好'.repeat(101), p, p.body.limit).overflowAt, 100);
	});
	it('explains a count by kind of character', () => {
		const b = explainCount('中文 ab https://example.com', P.weibo);
		assert.equal(b.count, countText('中文 ab https://example.com', P.weibo).count);
		assert.deepEqual(b.rows.map((r) => r.category), ['han', 'ascii', 'url']);
		assert.equal(b.rows.find((r) => r.category === 'url')!.cost, 10);
	});
});

describeWithReference('counting: the explaining walk agrees with the count', VALIDATE, () => {
	const doc = readReferenceYaml<{ tests: Record<string, { text: string; description: string }[]> }>(VALIDATE);
	for (const c of doc.tests.WeightedTweetsWithDiscountedEmojiCounterTest) {
		it(`X: ${c.description}`, () => {
			const rows = explainCount(c.text, P.x).rows;
			assert.equal(rows.reduce((a, r) => a + r.cost, 0), countText(c.text, P.x).count);
		});
	}
});
