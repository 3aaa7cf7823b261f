/**
 * campaign-consistency below the fixtures: the facts read from Chinese and English copy in their
 * many forms, the comparison's near misses, the cross-post phase and the per-post cache, and
 * the facts of other files (peers) with related locations.
 */
import * as assert from 'node:assert/strict';
import { compareVariants, extractFacts, lint, LintCache, normalizeLink, resolveConfig, setLanguage, type Fact, type VariantFacts } from '../../server/src/engine';

const values = (text: string, kind: string) => extractFacts(text).filter((f) => f.kind === kind).map((f) => f.value);

describe('campaign facts', () => {
	it('reads one price in every form it is written in', () => {
		for (const t of ['¥6,999', '￥6999', '6999 元', '6,999元起', '6,999 RMB', 'RMB 6,999', 'CNY6999', '0.6999 万元']) {
			assert.deepEqual(values(t, 'price'), ['CNY 6999'], t);
		}
		assert.deepEqual(values('$999 (US$999)', 'price'), ['USD 999', 'USD 999']);
		assert.deepEqual(values('HK$7,999 港币', 'price'), ['HKD 7999']);
	});

	it('reads one date in Chinese and English forms, and no date in relative words', () => {
		for (const t of ['3月15日', '3 月 15 日', '2026年3月15日', '3月15号', 'March 15', '15 March', 'Mar 15, 2026', '2026-03-15', 'on 3/15', 'the 15th of March', '三月十五日']) {
			assert.deepEqual(values(t, 'date'), ['3-15'], t);
		}
		for (const t of ['tomorrow', 'in 14 days', '下周一', 'Monday', '5G', 'May I help?']) {
			assert.deepEqual(values(t, 'date'), [], t);
		}
		assert.equal(extractFacts('2026-03-15').find((f) => f.kind === 'date')?.year, 2026);
	});

	it('reads one time of day in Chinese and English forms; 8 点 alone is am or pm', () => {
		for (const t of ['晚 8 点', '晚上8点', '晚上 8:00', '20:00', '8 pm', '8pm', '8:00 PM', '下午 8 点', '20 时']) {
			assert.deepEqual(values(t, 'time'), ['20:00'], t);
		}
		assert.deepEqual(values('中午 1 点', 'time'), ['13:00']);
		assert.deepEqual(values('下午 3 点半', 'time'), ['15:30']);
		const bare = extractFacts('8 点开售').find((f) => f.kind === 'time');
		assert.equal(bare?.value, '08:00');
		assert.equal(bare?.ambiguous, true);
	});

	it('reads numbers with units, percentages and links; a unit is a word of its own', () => {
		assert.deepEqual(extractFacts('续航 14 天 / 14-day / 14 days').filter((f) => f.kind === 'quantity').map((f) => `${f.group}=${f.value}`), ['quantity:day=14', 'quantity:day=14', 'quantity:day=14']);
		assert.deepEqual(values('1.2 万人到场', 'quantity'), ['12000']);
		assert.deepEqual(values('5G phone, 15 hotels, 24h', 'quantity'), ['24']);
		assert.deepEqual(values('20% · 20 % · 20 percent', 'percent'), ['20', '20', '20']);
		assert.deepEqual(normalizeLink('https://www.Dell.com.cn/xps/?utm_source=weibo&utm_medium=social&color=red&spm=a.b'), { site: 'dell.com.cn', value: 'dell.com.cn/xps?color=red' });
		assert.equal(normalizeLink('dell.com.cn/xps')?.value, normalizeLink('http://dell.com.cn/xps?fbclid=1#top')?.value);
	});

	it('reads topics by their name, so a space inside a Weibo topic makes another topic', () => {
		const weibo = { hashtag: 'weibo', mention: 'full', handle: 'nickname' } as const;
		const a = extractFacts('#爱心2010# 开始', { platform: weibo }).find((f) => f.kind === 'hashtag')!;
		const b = extractFacts('#爱心 2010# 开始', { platform: weibo }).find((f) => f.kind === 'hashtag')!;
		const x = extractFacts('Start #爱心2010 now', { platform: { hashtag: 'x', mention: 'full', handle: 'x' } }).find((f) => f.kind === 'hashtag')!;
		assert.equal(a.group, b.group);
		assert.notEqual(a.value, b.value);
		assert.equal(a.value, x.value);
	});

	it('anchors a number to the product named before it in its sentence', () => {
		const products = [{ name: 'XPS 13', variants: [] }, { name: 'XPS 15', variants: ['xps15'] }];
		const f = extractFacts('XPS 13 售价 ¥6,999，xps15 售价 ¥9,999。', { products }).filter((x) => x.kind === 'price');
		assert.deepEqual(f.map((x) => [x.value, x.anchor]), [['CNY 6999', 'XPS 13'], ['CNY 9999', 'XPS 15']]);
	});

	it('reads a long run of digits or dates in linear time (no quadratic parser run)', () => {
		// Not a timing assertion: a regression here makes this test time out (20 s), not fail by a margin.
		extractFacts('1'.repeat(19_000));
		extractFacts('3/15 '.repeat(3_800));
	});
});

describe('campaign comparison', () => {
	const fact = (kind: Fact['kind'], value: string, extra: Partial<Fact> = {}): Fact => ({ kind, group: kind, value, text: value, start: 0, end: 1, anchor: '', ...extra });
	const v = (post: number, ...facts: Fact[]): VariantFacts => ({ file: '', post, platform: 'weibo', facts });

	it('reports the odd value against the majority, not the first post', () => {
		const m = compareVariants([v(0, fact('date', '3-16')), v(1, fact('date', '3-15')), v(2, fact('date', '3-15'))]);
		assert.deepEqual(m.map((x) => [x.odd.variant.post, x.ref?.variant.post]), [[0, 1]]);
	});

	it('stays quiet on near misses: an omission, two values in one post, two products', () => {
		assert.deepEqual(compareVariants([v(0, fact('date', '3-15')), v(1)]), []);
		assert.deepEqual(compareVariants([v(0, fact('percent', '20'), fact('percent', '30')), v(1, fact('percent', '30'))]), []);
		assert.deepEqual(compareVariants([v(0, fact('price', 'CNY 6999', { currency: 'CNY' }), fact('price', 'CNY 9999', { currency: 'CNY' })), v(1, fact('price', 'CNY 9999', { currency: 'CNY' })), v(2, fact('price', 'CNY 6999', { currency: 'CNY' }))]), []);
		const anchored = (value: string, anchor: string) => fact('price', value, { currency: 'CNY', anchor });
		assert.deepEqual(compareVariants([v(0, anchored('CNY 6999', 'XPS 13')), v(1, anchored('CNY 9999', 'XPS 15'))]), []);
		assert.equal(compareVariants([v(0, anchored('CNY 6999', 'XPS 13')), v(1, anchored('CNY 5999', 'XPS 13'))]).length, 1);
	});

	it('reports another currency only without a conversion', () => {
		const cny = fact('price', 'CNY 6999', { currency: 'CNY' });
		const usd = fact('price', 'USD 999', { currency: 'USD' });
		assert.deepEqual(compareVariants([v(0, cny), v(1, cny), v(2, usd)]).map((m) => [m.odd.variant.post, m.reason]), [[2, 'currency']]);
		assert.deepEqual(compareVariants([v(0, cny), v(1, cny), v(2, usd, cny)]), []);
	});

	it('a time without am/pm agrees with both readings; dates compare years only when both have one', () => {
		assert.deepEqual(compareVariants([v(0, fact('time', '08:00', { ambiguous: true })), v(1, fact('time', '20:00'))]), []);
		assert.deepEqual(compareVariants([v(0, fact('date', '3-15', { year: 2026 })), v(1, fact('date', '3-15'))]), []);
		assert.equal(compareVariants([v(0, fact('date', '3-15', { year: 2026 })), v(1, fact('date', '3-15', { year: 2025 }))]).length, 1);
	});

	it('reports another platform\'s handle from the handle map', () => {
		const handle = (h: string) => fact('handle', h.toLowerCase(), { text: h, group: 'handle' });
		const m = compareVariants([
			{ file: '', post: 0, platform: 'weibo', facts: [handle('@Acme官方微博')] },
			{ file: '', post: 1, platform: 'x', facts: [handle('@Acme官方微博')] },
		], { Acme: { weibo: '@Acme官方微博', x: '@acme' } });
		assert.deepEqual(m.map((x) => [x.odd.variant.post, x.expected, x.account, x.other, x.ref?.variant.post]), [[1, '@acme', 'Acme', 'weibo', 0]]);
	});
});

describe('campaign-consistency in lint', () => {
	before(() => setLanguage('en'));
	const config = resolveConfig([]);
	const file = (xDate: string) => [
		'<!-- post platform=weibo -->', '新品 3月15日发布。', '',
		'<!-- post platform=wechat title="新品" -->', '新品 3 月 15 日发布。', '',
		'<!-- post platform=x locale=en -->', `Out ${xDate}.`, '',
	].join('\n');
	const cc = (r: ReturnType<typeof lint>) => r.findings.filter((f) => f.rule === 'campaign-consistency').map((f) => f.message);

	it('gives the odd post the warning with both values and the other post as related information', () => {
		const r = lint({ text: file('March 16'), config });
		const f = r.findings.find((x) => x.rule === 'campaign-consistency')!;
		assert.equal(f.message, 'Date differs from the other variants: March 16 here, 3月15日 in post 1 (Weibo).');
		assert.equal(f.post, 2);
		assert.deepEqual(f.related?.map((x) => [x.file, x.line, x.character, x.message]), [[undefined, 1, 3, 'post 1 (Weibo) says 3月15日']]);
	});

	it('stays right with the per-post cache when only another post changes', () => {
		const cache = new LintCache();
		assert.equal(cc(lint({ text: file('March 16'), config }, cache)).length, 1);
		// Edit the Weibo and WeChat posts so that they agree with X: the X post is a cache hit, its warning must go.
		const edited = file('March 16').replace('3月15日', '3月16日').replace('3 月 15 日', '3 月 16 日');
		const cached = lint({ text: edited, config }, cache);
		assert.ok(cache.hits > 0, 'the X post came from the cache');
		assert.deepEqual(cc(cached), []);
		assert.deepEqual(cached.findings, lint({ text: edited, config }).findings);
		// And back: the warning returns although the X post is again a hit.
		assert.deepEqual(cc(lint({ text: file('March 16'), config }, cache)), cc(lint({ text: file('March 16'), config })));
	});

	it('compares with the posts of other files (peers) and points at them', () => {
		const peerText = '---\nplatform: weibo\n---\n发布日期：3月15日。\n';
		const peer = { file: 'weibo.md', path: '/w/launch/weibo.md', text: peerText, variants: lint({ text: peerText, config }).variants };
		const own = '---\nplatform: x\nlocale: en\n---\nOut March 16.\n';
		const alone = lint({ text: own, config });
		assert.deepEqual(cc(alone), []);
		const r = lint({ text: own, config, peers: [peer], file: 'x.md' });
		const f = r.findings.find((x) => x.rule === 'campaign-consistency')!;
		assert.equal(f.message, 'Date differs from the other variants: March 16 here, 3月15日 in weibo.md (Weibo).');
		assert.deepEqual(f.related?.map((x) => [x.file, x.path, x.line, x.character]), [['weibo.md', '/w/launch/weibo.md', 3, 5]]);
		// The peer's own findings are not reported in this file.
		assert.ok(r.findings.every((x) => x.post === 0 || x.post === undefined));
	});

	it('is switched off per kind by its option, and per line by a disable comment with a reason', () => {
		const off = resolveConfig([{ origin: 't', rules: { 'campaign-consistency': { options: { facts: ['price'] } } } }]);
		assert.deepEqual(cc(lint({ text: file('March 16'), config: off })), []);
		const disabled = file('March 16').replace('Out March 16.', '<!-- copydesk-disable-next-line campaign-consistency -- the US launch is a day later -->\nOut March 16.');
		const r = lint({ text: disabled, config });
		assert.deepEqual(cc(r), []);
		assert.equal(r.hidden.length, 1);
		assert.equal(r.exceptions[0].reason, 'the US launch is a day later');
	});
});

describe('campaign-consistency across files', () => {
	before(() => setLanguage('en'));
	const config = resolveConfig([]);
	const a = '---\nplatform: weibo\n---\n发布日期：3月15日。\n';
	const b = '---\nplatform: x\nlocale: en\n---\nOut March 16.\n';
	const peer = (file: string, text: string) => ({ file, text, variants: lint({ text, config }).variants });

	it('on a tie, the same file is odd whichever file is being linted', () => {
		const fromA = lint({ text: a, config, file: 'a.md', peers: [peer('b.md', b)] }).findings.filter((f) => f.rule === 'campaign-consistency');
		const fromB = lint({ text: b, config, file: 'b.md', peers: [peer('a.md', a)] }).findings.filter((f) => f.rule === 'campaign-consistency');
		assert.equal(fromA.length + fromB.length, 1);
		assert.equal(fromB.length, 1, 'b.md (later by name) is the odd one');
	});
});
