/**
 * Protected copy (issue 11, point 1): the drafts of test/fixtures/protected-copy/ through the
 * whole of `check --fix` (fixText: every rule, to a fixed point) give exactly their `.fixed.md`,
 * and fixing again changes nothing. Links, repost and reply marks, abbreviations and names of the
 * draft come out character for character; a full-width topic only loses the width of its marks.
 * The counters still read links their own way: an IRI's protection changes no count.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	builtinPlatforms, countText, findProtected, fixText, lint, parseConfigLayer, parsePackManifest, resolveConfig, rules, setLanguage,
} from '../../server/src/engine';
import { FIXTURES } from '../helpers/paths';

const DIR = path.join(FIXTURES, 'protected-copy');
const KEPT = new Set(['url', 'reply', 'abbreviation', 'name', 'word']);

describe('protected copy: check --fix keeps links, repost chains, topics, abbreviations and names', () => {
	const config = resolveConfig([]);
	before(() => setLanguage('en'));
	const drafts = fs.readdirSync(DIR).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md') && f !== 'README.md');
	it('has drafts', () => assert.ok(drafts.length >= 7));
	for (const f of drafts) {
		it(f, () => {
			const text = fs.readFileSync(path.join(DIR, f), 'utf8');
			const expected = fs.readFileSync(path.join(DIR, f.replace(/\.md$/, '.fixed.md')), 'utf8');
			const once = fixText(text, config).text;
			assert.equal(once, expected);
			assert.equal(fixText(once, config).text, once, 'fixing twice changes nothing');
			for (const s of findProtected(text).filter((x) => KEPT.has(x.kind))) {
				assert.ok(once.includes(s.text), `${s.kind} "${s.text}" changed`);
			}
		});
	}

	it('a full-width topic is one protected topic; its only fix makes both marks half-width', () => {
		const body = '＃618狂欢＃今晚 8 点';
		assert.deepEqual(findProtected(body).filter((s) => s.kind === 'topic').map((s) => s.text), ['＃618狂欢＃']);
		const text = `---\nplatform: weibo\n---\n${body}\n`;
		const fixes = lint({ text, config }).findings.flatMap((x) => x.fixes ?? []);
		assert.equal(fixes.length, 1, JSON.stringify(fixes));
		const start = text.indexOf('＃');
		let out = text;
		for (const e of [...fixes[0].edits].sort((a, b) => b.start - a.start)) {
			assert.ok(e.start >= start && e.end <= start + 7, 'the fix stays inside the topic');
			out = out.slice(0, e.start) + e.newText + out.slice(e.end);
		}
		assert.equal(out, text.replace('＃618狂欢＃', '#618狂欢#'));
	});

	it('no rule reads a link\'s Chinese path as copy: no claim found, no rewording offered inside it', () => {
		const text = '---\nplatform: weibo\n---\n报名https://example.com/活动/最佳方案.html今天截止\n';
		const url = 'https://example.com/活动/最佳方案.html';
		const [u0, u1] = [text.indexOf(url), text.indexOf(url) + url.length];
		const findings = lint({ text, config }).findings;
		assert.deepEqual(findings.filter((f) => f.start >= u0 && f.end <= u1).map((f) => f.rule), []);
		const edits = findings.flatMap((f) => f.fixes ?? []).flatMap((x) => x.edits);
		assert.deepEqual(edits.filter((e) => e.end > u0 && e.start < u1), [], 'no fix edits inside the link');
		assert.ok(fixText(text, config).text.includes(` ${url} 今天截止`));
	});

	it('repost and reply marks carry no zh-punctuation finding', () => {
		const text = '---\nplatform: weibo\n---\n太赞了//@戴尔中国:周五见\n回复@小王:已私信你\n回复 @小王：好的\n';
		assert.deepEqual(lint({ text, config }).findings.filter((x) => x.rule === 'zh-punctuation' || x.rule === 'zh-spacing'), []);
	});

	it('copydesk.json and packs add abbreviations and names (protect), kept whole and spaced as one word', () => {
		const known = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
		const pack = parsePackManifest('{ "name": "acme", "version": "1.0.0", "protect": { "names": ["Acme!"] } }', 'packs/acme', known);
		const file = parseConfigLayer('{ "protect": { "abbreviations": ["Bhd."] } }', 'copydesk.json', known);
		assert.deepEqual([...pack.problems, ...file.problems], []);
		const both = resolveConfig([pack.value!.layer!, file.layer!]);
		assert.deepEqual(both.extra.protect, { abbreviations: ['Bhd.'], names: ['Acme!'] });
		const text = '---\nplatform: weibo\n---\nAcme Bhd.发布了Acme!的新品。\n';
		assert.equal(fixText(text, both).text, '---\nplatform: weibo\n---\nAcme Bhd. 发布了 Acme! 的新品。\n');
		assert.equal(fixText(text, config).text, '---\nplatform: weibo\n---\nAcme Bhd。发布了 Acme！的新品。\n');
	});

	it('a malformed protect list is a problem at its offset, and its good entries still apply', () => {
		const known = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
		const src = '{ "protect": { "names": ["Acme!Go", 3], "brands": [] } }';
		const parsed = parseConfigLayer(src, 'copydesk.json', known);
		assert.deepEqual(parsed.problems.map((p) => [src.slice(p.start, p.end), p.severity]), [['3', 'error'], ['"brands"', 'warning']]);
		assert.deepEqual(parsed.layer?.extra?.protect, { names: ['Acme!Go'] });
	});

	it('counting is unchanged: Weibo counts a link up to its first Chinese character (findUrls), as before', () => {
		const P = builtinPlatforms();
		const iri = 'https://example.com/活动';
		// 10 for the link as the counter reads it (https://example.com/), 1 per Chinese character.
		assert.equal(countText(iri, P.weibo).count, 12);
		assert.equal(countText(`报名${iri}`, P.weibo).count, 14);
	});
});
