import * as assert from 'node:assert/strict';
import { fixAll, lint, resolveConfig, setLanguage } from '../../server/src/engine';

const config = resolveConfig([]);
const run = (text: string) => lint({ text, config, matchedDraftGlob: true });
const LONG = '好'.repeat(150);

describe('disable directives', () => {
	before(() => setLanguage('en'));

	it('disable-next-line hides the next line only, and counts what it hid', () => {
		const text = `---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line platform-limit -- approved by legal -->\n${LONG}\n`;
		const r = run(text);
		assert.deepEqual(r.findings.map((f) => f.rule), []);
		assert.equal(r.exceptions.length, 1);
		const e = r.exceptions[0];
		assert.deepEqual([e.kind, e.rules, e.reason, e.line, e.post, e.suppressed], ['disable-next-line', ['platform-limit'], 'approved by legal', 4, 0, 1]);
		assert.equal(text.slice(e.start, e.end), '<!-- copydesk-disable-next-line platform-limit -- approved by legal -->');
		assert.deepEqual(r.hidden.map((h) => [h.finding.rule, h.exception === e]), [['platform-limit', true]], 'the hidden finding is kept with its exception');
	});

	it('does not reach past the next line', () => {
		const text = `---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line platform-limit -- why -->\n\n${LONG}\n`;
		const r = run(text);
		assert.deepEqual(r.findings.map((f) => f.rule), ['disable-reason', 'platform-limit'], 'the exception hid nothing: it is reported');
		assert.equal(r.exceptions[0].suppressed, 0);
	});

	it('another rule named does not hide this one', () => {
		const text = `---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line cjk-density -- why -->\n${LONG}\n`;
		assert.deepEqual(run(text).findings.map((f) => [f.rule, f.message.startsWith('This exception hides nothing')]), [['disable-reason', true], ['platform-limit', false]]);
	});

	it('disable … enable covers the range between, across posts; enable closes it', () => {
		const text = [
			'<!-- copydesk-disable platform-limit -- two long posts approved -->',
			'<!-- post platform=weibo -->', LONG,
			'<!-- post platform=weibo -->', LONG,
			'<!-- copydesk-enable platform-limit -->',
			'<!-- post platform=weibo -->', LONG, '',
		].join('\n');
		const r = run(text);
		assert.deepEqual(r.findings.map((f) => [f.rule, f.post]), [['platform-limit', 2]]);
		assert.equal(r.exceptions[0].suppressed, 2);
		assert.equal(r.exceptions[0].post, undefined, 'the comment stands before the first post');
	});

	it('without rule ids: every rule; without enable: to the end of the file', () => {
		const text = `---\nplatform: weibo\n---\n<!-- copydesk-disable -- archive copy -->\n${'We are excited to announce our new smartwatch. '.repeat(8)}\n`;
		assert.deepEqual(run(text.replace(/<!--.*-->\n/, '')).findings.map((f) => f.rule), ['cjk-density', 'platform-limit']);
		const r = run(text);
		assert.deepEqual(r.findings, []);
		assert.equal(r.exceptions[0].suppressed, 2);
		assert.deepEqual(r.exceptions[0].rules, []);
	});

	it('an exception without a reason still applies, and is flagged; disable-reason itself cannot be switched off', () => {
		const text = `---\nplatform: weibo\n---\n<!-- copydesk-disable -->\n${LONG}\n`;
		const r = run(text);
		assert.deepEqual(r.findings.map((f) => f.rule), ['disable-reason']);
		assert.equal(r.exceptions[0].suppressed, 1);
	});

	it('disable-reason severity is configurable, and off means no finding', () => {
		const text = `---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line -->\n短文。\n`;
		const off = lint({ text, config: resolveConfig([{ origin: 't', rules: { 'disable-reason': { severity: 'off', options: {} } } }]), matchedDraftGlob: true });
		assert.deepEqual(off.findings, []);
		const err = lint({ text, config: resolveConfig([{ origin: 't', rules: { 'disable-reason': { severity: 'error', options: {} } } }]), matchedDraftGlob: true });
		assert.deepEqual(err.findings.map((f) => f.severity), ['error']);
	});

	it('a comment that only looks like a directive is not one', () => {
		const text = `---\nplatform: weibo\n---\n<!-- copydesk-disabled platform-limit -->\n<!-- please copydesk-disable -->\n${LONG}\n`;
		const r = run(text);
		assert.deepEqual(r.exceptions, []);
		assert.deepEqual(r.findings.map((f) => f.rule), ['platform-limit']);
	});

	it('an enable without rules closes every open disable; an enable of another rule closes none', () => {
		const text = [
			'<!-- copydesk-disable platform-limit -- a -->',
			'<!-- copydesk-enable cjk-density -->',
			'<!-- post platform=weibo -->', LONG,
			'<!-- copydesk-enable -->',
			'<!-- post platform=weibo -->', LONG, '',
		].join('\n');
		const r = run(text);
		assert.deepEqual(r.findings.map((f) => [f.rule, f.post]), [['platform-limit', 1]]);
		assert.equal(r.exceptions.length, 1);
		assert.equal(r.exceptions[0].suppressed, 1);
		assert.equal(text.slice(r.exceptions[0].scope.end).startsWith('<!-- copydesk-enable -->'), true);
	});

	it('the fix of a hidden finding is not applied either (fix all sees the same findings)', () => {
		// zh-punctuation leaves ！！！ to tone-shouting, so one rule in the comment hides the run.
		const text = '---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line tone-shouting -- 引用用户原话 -->\n用户说：“太好用了！！！”\n';
		assert.deepEqual(run(text).findings, []);
		const relint = (t: string) => run(t).findings;
		assert.equal(fixAll(text, relint, new Set(['tone-shouting'])).text, text);
		const open = text.replace(/<!--.*-->\n/, '');
		assert.equal(fixAll(open, relint, new Set(['tone-shouting'])).text, open.replace('！！！', '！'), 'without the comment the fix applies');
	});

	describe('an exception that hides nothing', () => {
		const STALE = '---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line tone-shouting -- 引用用户原话 -->\n用户说：“挺好用的。”\n';
		const stale = (r: ReturnType<typeof run>) => r.findings.filter((f) => f.rule === 'disable-reason').map((f) => [f.severity, f.message, r.draft.text.slice(f.start, f.end)]);
		const withRules = (rules: Record<string, string>) => resolveConfig([{ origin: 't', rules: Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, { severity: v as 'off', options: {} }])) }]);

		it('is reported at its comment, as a warning, with its own message', () => {
			assert.deepEqual(stale(run(STALE)), [['warning', 'This exception hides nothing: remove it (copydesk-disable-next-line tone-shouting found nothing to hide here).', '<!-- copydesk-disable-next-line tone-shouting -- 引用用户原话 -->']]);
			setLanguage('zh-cn');
			try {
				assert.match(stale(run(STALE))[0][1], /^这个例外没有隐藏任何问题：请删除它/);
			} finally {
				setLanguage('en');
			}
		});

		it('is not reported once it hides something', () => {
			assert.deepEqual(stale(run(STALE.replace('挺好用的。', '太好用了！！！'))), []);
		});

		it('is not reported when a rule it names is off in the config', () => {
			assert.deepEqual(stale(lint({ text: STALE, config: withRules({ 'tone-shouting': 'off' }), matchedDraftGlob: true })), []);
			const two = STALE.replace('tone-shouting', 'tone-shouting, zh-spacing');
			assert.equal(stale(lint({ text: two, config: withRules({ 'zh-spacing': 'off' }), matchedDraftGlob: true })).length, 0);
			assert.equal(stale(run(two)).length, 1);
		});

		it('is not reported when only some rules run (`only`), even when they include the rule it names', () => {
			for (const only of [['disable-reason'], ['disable-reason', 'tone-shouting'], ['tone-shouting']]) {
				assert.deepEqual(stale(lint({ text: STALE, config, matchedDraftGlob: true, only })), [], only.join());
			}
		});

		it('follows the severity of disable-reason, and off means no report', () => {
			assert.deepEqual(stale(lint({ text: STALE, config: withRules({ 'disable-reason': 'error' }), matchedDraftGlob: true })).map((x) => x[0]), ['error']);
			assert.deepEqual(stale(lint({ text: STALE, config: withRules({ 'disable-reason': 'off' }), matchedDraftGlob: true })), []);
		});

		it('is not reported over text no rule checked (a post without a platform), nor when it names an unknown rule', () => {
			const noPlatform = '<!-- post -->\n<!-- copydesk-disable-next-line tone-shouting -- why -->\n挺好用的。\n';
			assert.deepEqual(lint({ text: noPlatform, config, matchedDraftGlob: true }).findings.filter((f) => f.rule === 'disable-reason'), []);
			const typo = STALE.replace('tone-shouting', 'tone-shoutin');
			assert.deepEqual(stale(run(typo)).map((x) => x[1]), ['Unknown rule "tone-shoutin" in copydesk-disable-next-line: it switches nothing off.']);
		});

		it('without a reason, only the stale report (asking for a reason for it would be noise)', () => {
			const r = run('---\nplatform: weibo\n---\n<!-- copydesk-disable-next-line -->\n挺好用的。\n');
			assert.deepEqual(stale(r).map((x) => x[1]), ['This exception hides nothing: remove it (copydesk-disable-next-line found nothing to hide here).']);
		});

		it('agrees with the count on the exception: reported exactly when it hid 0', () => {
			const text = [
				'---', 'platform: weibo', '---',
				'<!-- copydesk-disable-next-line tone-shouting -- a -->', '太好用了！！！',
				'<!-- copydesk-disable-next-line tone-shouting -- b -->', '挺好用的。',
				'<!-- copydesk-disable zh-spacing -- c -->', 'Bilingual text双语。', '<!-- copydesk-enable -->',
				'<!-- copydesk-disable zh-spacing -- d -->', '挺好用的。', '<!-- copydesk-enable -->', '',
			].join('\n');
			const r = run(text);
			const reported = new Set(r.findings.filter((f) => f.rule === 'disable-reason').map((f) => f.start));
			assert.deepEqual(r.exceptions.map((x) => [x.reason, x.suppressed, reported.has(x.start)]), [['a', 1, false], ['b', 0, true], ['c', 1, false], ['d', 0, true]]);
		});
	});
});
