import * as assert from 'node:assert/strict';
import twitter from 'twitter-text';
import { builtinPlatforms, countText, findProtected } from '../../server/src/engine';
import { findHashtags, findLinkedMentions, findMentions, findSeparatedMentions, type HashtagStyle } from '../../server/src/engine/social';
import { Reading } from '../../server/src/engine/reading';
import { findTokens } from '../../server/src/preview/model';
import { itWithReference, readReferenceYaml } from '../helpers/reference';

const P = builtinPlatforms();
const EXTRACT = 'twitter-text/conformance/extract.yml';
const tags = (text: string, style: HashtagStyle) => findHashtags(text, style).map((t) => `${t.kind}:${t.text}`);
const kinds = (text: string) => findProtected(text).map((s) => `${s.kind}:${s.text}`);

describe('social: one parser of hashtags, topics and mentions', () => {
	it('a topic never swallows a link: the # in a URL fragment is no topic mark (regression)', () => {
		const text = '颜色 #FF0000，详情见 https://example.com/p#faq';
		assert.deepEqual(kinds(text), ['hashtag:#FF0000', 'url:https://example.com/p#faq']);
		assert.deepEqual(tags(text, 'weibo'), []);
		assert.deepEqual(tags(text, 'any'), ['hashtag:#FF0000']);
		// Two hashes around a link are no topic either.
		assert.deepEqual(tags('#看 https://example.com 这里#', 'weibo'), []);
		assert.deepEqual(kinds('#看 https://example.com 这里#').filter((k) => k.startsWith('topic')), []);
	});

	it('a topic never spans a line', () => {
		assert.deepEqual(tags('#新品\n发布#', 'weibo'), []);
		assert.deepEqual(tags('#新品\n发布#', 'any'), ['hashtag:#新品']);
	});

	it('the preview, the protected spans and the rule read the same topics', () => {
		const text = '#新品发布# 今天 #第二个话题# 见 https://example.com/a#b';
		const preview = findTokens(text, P.weibo).filter((t) => t.kind === 'hashtag').map((t) => text.slice(t.start, t.end));
		const protectedTopics = findProtected(text).filter((s) => s.kind === 'topic').map((s) => s.text);
		assert.deepEqual(preview, ['#新品发布#', '#第二个话题#']);
		assert.deepEqual(protectedTopics, preview);
	});

	it('X-style hashtags agree with twitter-text on a hand-written corpus', () => {
		const corpus = [
			'New #Watch and #智能手表 today', '开始#launch', '开始 #launch', '开始，#launch', '。#tag', '「#tag」',
			'a#tag', '#123 &#39;', '#新品发布# on X', '#tag_1 and #_x', 'C# and F#', 'see https://x.com/p#frag #ok',
			'cafe\u0301#tag', 'ok_#tag', '😀#tag', '١#tag', '#a#b #c',
		];
		for (const text of corpus) {
			const ours = findHashtags(text, 'x').map((t) => [t.start, t.end]);
			const theirs = twitter.extractHashtagsWithIndices(text).map((h) => h.indices);
			assert.deepEqual(ours, theirs, text);
		}
	});

	itWithReference('X-style hashtags pass twitter-text\'s hashtag conformance cases (extract.yml)', EXTRACT, () => {
		const tests = readReferenceYaml<{ tests: Record<string, { description: string; text: string; expected: (string | { hashtag: string })[] }[]> }>(EXTRACT).tests;
		let n = 0;
		for (const group of ['hashtags', 'hashtags_from_astral', 'hashtags_with_indices']) {
			for (const t of tests[group]) {
				const expected = t.expected.map((e) => (typeof e === 'string' ? e : e.hashtag));
				assert.deepEqual(findHashtags(t.text, 'x').map((h) => h.text.slice(1)), expected, `${group}: ${t.description}`);
				n++;
			}
		}
		assert.ok(n > 60, `only ${n} cases`);
	});

	itWithReference('X: the mentions the preview links pass twitter-text\'s mention conformance cases', EXTRACT, () => {
		const tests = readReferenceYaml<{ tests: Record<string, { description: string; text: string; expected: (string | { screen_name: string })[] }[]> }>(EXTRACT).tests;
		for (const group of ['mentions', 'mentions_with_indices']) {
			for (const t of tests[group]) {
				const expected = t.expected.map((e) => (typeof e === 'string' ? e : e.screen_name));
				const linked = findTokens(t.text, P.x).filter((x) => x.kind === 'mention').map((m) => t.text.slice(m.start + 1, m.end));
				assert.deepEqual(linked, expected, `${group}: ${t.description}`);
			}
		}
	});

	it('X: a handle longer than 15 is no mention; WeChat links none', () => {
		assert.deepEqual(findLinkedMentions('hi @abcdefghijklmnop and @acme', P.x).map((m) => m.text), ['@acme']);
		assert.deepEqual(findLinkedMentions('关注@小明', P.wechat), []);
	});

	it('mentions: an @ right after a Han character is one (关注@小明), except where the platform needs a separator', () => {
		assert.deepEqual(findMentions('关注@小明').map((m) => m.text), ['@小明']);
		assert.deepEqual(findMentions('关注@小明', P.weibo).map((m) => m.text), ['@小明']);
		assert.deepEqual(findMentions('关注@alice@example.com', P.mastodon), []);
		assert.deepEqual(findMentions('关注@alice.bsky.social', P.bluesky), []);
		assert.deepEqual(findMentions('关注 @alice@example.com', P.mastodon).map((m) => [m.text, m.localLength]), [['@alice@example.com', 6]]);
		// Still never part of an e-mail address or a word.
		assert.deepEqual(findMentions('mail me@example.com or x.@y'), []);
	});

	it('X: a mention after a Han character is one for twitter-text too', () => {
		const text = '关注@xiaoming';
		assert.deepEqual(findMentions(text, P.x).map((m) => [m.start, m.end]), twitter.extractMentionsWithIndices(text).map((m) => m.indices));
		assert.deepEqual(findTokens(text, P.x).map((t) => t.kind), ['mention']);
	});
});

describe('social: counting with 关注@小明', () => {
	it('Weibo counts every character whatever the mention', () => {
		assert.equal(countText('关注@小明', P.weibo).count, 5); // 4 Han characters + @ as 0.5, rounded up
	});
	it('Mastodon: a mention glued to Chinese is not one, so its domain counts; after a space only the local part does', () => {
		assert.equal(countText('关注@小明', P.mastodon).count, 5);
		assert.equal(countText('关注@alice@example.com', P.mastodon).count, '关注@alice@example.com'.length);
		assert.equal(countText('关注 @alice@example.com', P.mastodon).count, '关注 @alice'.length);
	});
	it('X counting stays twitter-text\'s', () => {
		for (const text of ['关注@小明', '关注@xiaoming 好']) {
			assert.equal(countText(text, P.x).count, twitter.parseTweet(text).weightedLength);
		}
	});
});

describe('social: mentions found once per post reading', () => {
	it('with a reading: the same mentions as without, for each reading of @, and a fresh array each time', () => {
		const text = '关注@小明 和 @Acme_CN，邮件 a@b.com，Hi @bob.';
		const r = new Reading(text);
		const weibo = builtinPlatforms().weibo;
		const bluesky = builtinPlatforms().bluesky;
		assert.deepEqual(findMentions(text, undefined, r), findMentions(text));
		assert.deepEqual(findMentions(text, bluesky, r), findMentions(text, bluesky));
		assert.deepEqual(findMentions(text, weibo, r), findMentions(text, weibo));
		assert.deepEqual(findSeparatedMentions(text, r), findSeparatedMentions(text));
		// The two readings differ here (关注@小明 is a mention only after Han), and neither is served for the other.
		assert.notDeepEqual(findMentions(text, undefined, r), findSeparatedMentions(text, r));
		const first = findMentions(text, undefined, r);
		first.length = 0;
		assert.ok(findMentions(text, undefined, r).length > 0, 'a caller emptying its array leaves the reading\'s alone');
		// A reading of another text is not used for this one.
		assert.deepEqual(findMentions('@x hi', undefined, r), findMentions('@x hi'));
	});
});
