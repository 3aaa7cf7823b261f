import * as assert from 'node:assert/strict';
import { AD_LABEL_SETS, builtinPlatforms, fixText, lint, parseConfigLayer, resolveConfig, rules, setLanguage } from '../../server/src/engine';
import { buildPreview } from '../../server/src/preview/model';
import { renderPreviewBody } from '../../server/src/shared/previewHtml';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const configOf = (json: string) => {
	const parsed = parseConfigLayer(json, 'copydesk.json', knownRules);
	assert.ok(parsed.layer, JSON.stringify(parsed.problems));
	return { config: resolveConfig([parsed.layer]), problems: parsed.problems };
};

// A platform Copydesk does not ship, defined by a team in copydesk.json: its presentation is data like its limits.
const TOUTIAO = `{
	"platforms": {
		"toutiao": {
			"name": { "en": "Toutiao", "zh-cn": "今日头条" }, "locale": "zh-CN", "unit": "char", "hashtag": "weibo",
			"body": { "limit": 60, "fold": 20 },
			"presentation": { "foldMarker": "…展开全文", "linkLabel": "查看链接", "topicsLinked": true, "adLabel": { "extends": "zh", "insert": "（广告）", "at": "end" } }
		}
	}
}`;

describe('platform presentation (platforms.json `presentation`)', () => {
	before(() => setLanguage('en'));

	it('every built-in platform names its ad label, and every presentation key has a source', () => {
		for (const [id, p] of Object.entries(builtinPlatforms())) {
			assert.ok(p.presentation, `${id} has a presentation`);
			const choice = p.presentation.adLabel;
			const set = typeof choice === 'string' ? choice : choice?.extends;
			assert.ok(set !== undefined && AD_LABEL_SETS.includes(set), `${id}: adLabel names a label set (${AD_LABEL_SETS.join(', ')})`);
			for (const key of Object.keys(p.presentation)) {
				assert.ok(p.sources[`presentation.${key}`], `${id}: presentation.${key} has a source`);
			}
		}
	});

	it('a custom platform\'s fold marker, link label and linked topics reach the preview', () => {
		const { config, problems } = configOf(TOUTIAO);
		assert.deepEqual(problems, []);
		const text = `---\nplatform: toutiao\n---\n#新品# 详情 https://example.com/a ${'好'.repeat(40)}\n`;
		const [card] = buildPreview(lint({ text, config })).cards;
		assert.equal(card.foldMarker, '…展开全文');
		assert.equal(card.topicsLinked, true);
		assert.equal(card.segments.find((s) => s.kind === 'url')?.display, '查看链接');
		assert.match(renderPreviewBody(buildPreview(lint({ text, config }))), /class="card toutiao topics-linked/);
	});

	it('a custom platform\'s ad label is the one the fix inserts, where it says', () => {
		const { config } = configOf(TOUTIAO);
		const text = '---\nplatform: toutiao\n---\n智能手表限时优惠，立即购买：https://example.com/shop\n';
		const finding = lint({ text, config }).findings.find((f) => f.rule === 'ad-disclosure');
		assert.ok(finding, 'the sale needs a label');
		const fixed = fixText(text, config, { kinds: ['content'], rules: new Set(['ad-disclosure']) }).text;
		assert.equal(fixed, '---\nplatform: toutiao\n---\n智能手表限时优惠，立即购买：https://example.com/shop（广告）\n');
		// Its own label counts as a label: the fixed post is quiet.
		assert.equal(lint({ text: fixed, config }).findings.filter((f) => f.rule === 'ad-disclosure').length, 0);
	});

	it('an override merges key by key: Weibo with another fold marker keeps its link label and ad label', () => {
		const { config } = configOf('{ "platforms": { "weibo": { "presentation": { "foldMarker": "…展开" } } } }');
		const p = config.platforms.weibo;
		assert.equal(p.presentation?.foldMarker, '…展开');
		assert.equal(p.presentation?.linkLabel, '网页链接');
		assert.equal(p.presentation?.adLabel, 'zh');
		assert.equal(p.sources['presentation.foldMarker'].source, 'copydesk.json');
	});

	it('a platform without presentation takes the fold marker and ad label of its locale', () => {
		const { config } = configOf('{ "platforms": { "forum": { "locale": "en", "limit": 30, "fold": 10 } } }');
		const text = '---\nplatform: forum\n---\nSave 30% today, buy now at https://example.com/shop and more words here\n';
		const [card] = buildPreview(lint({ text, config })).cards;
		assert.equal(card.foldMarker, '…see more');
		const fixed = fixText(text, config, { kinds: ['content'], rules: new Set(['ad-disclosure']) }).text;
		assert.match(fixed, /\n#ad Save 30%/);
	});

	it('bad presentation values are problems at their place; the rest of the platform applies', () => {
		const json = '{ "platforms": { "forum": { "limit": 30, "presentation": { "adLabel": "fr", "foldMarker": 3, "colour": "red", "linkShortened": 0 } } } }';
		const { problems } = parseConfigLayer(json, 'copydesk.json', knownRules);
		const at = (needle: string) => problems.find((p) => json.slice(p.start, p.end).includes(needle));
		assert.equal(at('"fr"')?.severity, 'error');
		assert.match(at('"fr"')!.message, /zh, en/);
		assert.equal(at('3')?.severity, 'error');
		assert.equal(at('"colour"')?.severity, 'warning');
		assert.equal(at('0')?.severity, 'error');
		const bad = parseConfigLayer('{ "platforms": { "forum": { "presentation": { "adLabel": { "insert": "AD", "at": "middle" } } } } }', 'copydesk.json', knownRules).problems;
		assert.ok(bad.some((p) => /extends/.test(p.message)), 'an object adLabel needs `extends`');
		assert.ok(bad.some((p) => /start, end/.test(p.message)), '`at` is start or end');
	});
});
