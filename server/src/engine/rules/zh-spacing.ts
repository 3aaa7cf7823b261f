/**
 * zh-spacing: spacing between Chinese and other text, after the Chinese copywriting
 * guidelines (中文文案排版指北): a space between CJK and Latin letters or digits
 * (`在 LeanCloud 上`, `花了 5000 元`), none between full-width punctuation and anything,
 * none between a number and `%` or `°`. Nothing inside a protected span (links, mentions,
 * hashtags, code, numbers with units, quoted English, configured exceptions) is changed.
 */
import type { Rule } from '../rule';
import { SEPARATED, TERMINATED, sharedZhText, cpAfter, cpBefore, isZhLocale, stringList } from '../zh';

const rule: Rule = {
	meta: {
		id: 'zh-spacing',
		category: 'localization',
		description: {
			en: 'Spacing in Chinese copy: a space between Chinese and Latin letters or digits, none beside full-width punctuation, none before % and °.',
			'zh-cn': '中文排版的空格：中文与英文字母、数字之间加空格，全角标点两侧不加空格，% 和 ° 前不加空格。',
		},
		defaultSeverity: 'info',
		fixable: true,
		options: {
			exceptions: {
				default: [],
				description: {
					en: 'Strings written exactly as given, never spaced inside (product names such as "豆瓣FM").',
					'zh-cn': '按原样书写、内部不加空格的字符串（如产品名“豆瓣FM”）。',
				},
			},
		},
		messages: {
			en: {
				add: 'Put a space between Chinese and Latin letters or digits.',
				removeFullwidth: 'No space beside full-width punctuation.',
				removeUnit: 'No space between a number and "{unit}".',
				fixAdd: 'Add a space',
				fixRemove: 'Remove the space',
				explain: 'From the Chinese copywriting guidelines (中文文案排版指北): a space between Chinese and English and between Chinese and digits; no space beside full-width punctuation; no space between a number and % or °. Links, mentions, hashtags, code, numbers with units and the exceptions option are left as written.',
			},
			'zh-cn': {
				add: '中文与英文字母、数字之间需要加空格。',
				removeFullwidth: '全角标点两侧不加空格。',
				removeUnit: '数字与“{unit}”之间不加空格。',
				fixAdd: '加一个空格',
				fixRemove: '删除空格',
				explain: '依据《中文文案排版指北》：中英文之间、中文与数字之间需要增加空格；全角标点与其他字符之间不加空格；度数、百分比与数字之间不加空格。链接、提及、话题、代码、带单位的数字和 exceptions 选项中的词保持原样。',
			},
		},
	},
	check(ctx) {
		if (!isZhLocale(ctx.target.locale)) {
			return;
		}
		const text = ctx.text;
		const zh = sharedZhText(ctx, stringList(ctx.options.exceptions));
		const atoms = zh.atoms;
		for (let n = 0; n + 1 < atoms.length; n++) {
			const a = atoms[n];
			const b = atoms[n + 1];
			if ((a.right === 'cjk' && b.left === 'latin') || (a.right === 'latin' && b.left === 'cjk')) {
				ctx.report({
					start: cpBefore(text, a.end), end: cpAfter(text, b.start), message: ctx.t('add'), explain: ctx.t('explain'),
					fixes: [{ title: ctx.t('fixAdd'), kind: 'typography', edits: [{ start: a.end, end: a.end, newText: ' ' }], preferred: true }],
				});
				continue;
			}
			if (a.right !== 'space' || (n > 0 && atoms[n - 1].right === 'space')) {
				continue;
			}
			// A run of spaces from atom n to m-1, between `before` and `after` on one line.
			let m = n;
			while (m < atoms.length && atoms[m].left === 'space') {
				m++;
			}
			const before = atoms[n - 1];
			const after = atoms[m];
			if (!before || !after || before.right === 'newline' || after.left === 'newline') {
				continue;
			}
			const start = a.start;
			const end = atoms[m - 1].end;
			const remove = (message: string) => ctx.report({
				start, end, message, explain: ctx.t('explain'),
				fixes: [{ title: ctx.t('fixRemove'), kind: 'typography', edits: [{ start, end, newText: '' }], preferred: true }],
			});
			if (before.right === 'fwpunct' || after.left === 'fwpunct') {
				// A space after a link, mention or hashtag may be what ends it on the platform, and a
				// space before a hashtag or topic what starts it.
				if (!(before.span && TERMINATED.has(before.span.kind)) && !(after.span && SEPARATED.has(after.span.kind))) {
					remove(ctx.t('removeFullwidth'));
				}
				continue;
			}
			const unit = text.slice(after.start, after.end);
			if ((unit === '%' || unit === '°') && /[0-9]$/.test(text.slice(before.start, before.end))) {
				remove(ctx.t('removeUnit', { unit }));
			}
		}
	},
};

export default rule;
