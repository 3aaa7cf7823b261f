/**
 * zh-spacing: spacing between Chinese and other text, after the Chinese copywriting
 * guidelines (中文文案排版指北): a space between CJK and Latin letters or digits
 * (`在 LeanCloud 上`, `花了 5000 元`), none between full-width punctuation and anything,
 * none between a number and `%` or `°`. Nothing inside a protected span (links, mentions,
 * hashtags, code, numbers with units, quoted English, configured exceptions) is changed.
 */
import type { Rule } from '../rule';
import { SEPARATED, TERMINATED, ZhText, sharedZhText, cpAfter, cpBefore, isZhLocale, stringList } from '../zh';

// Class indices of ZhText's columns.
const [CJK, LATIN, FWPUNCT, SPACE, NEWLINE] = (['cjk', 'latin', 'fwpunct', 'space', 'newline'] as const).map((c) => ZhText.classIndex(c));

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
		// The atoms' columns (see ZhText): classes compared as indices.
		const { count, starts, ends, lefts, rights, spanOf, spans } = zh;
		const spanAt = (n: number) => (spanOf[n] >= 0 ? spans[spanOf[n]] : undefined);
		// One function per check, not one per run of spaces.
		const remove = (start: number, end: number, message: string) => ctx.report({
			start, end, message, explain: ctx.t('explain'),
			fixes: [{ title: ctx.t('fixRemove'), kind: 'typography', edits: [{ start, end, newText: '' }], preferred: true }],
		});
		for (let n = 0; n + 1 < count; n++) {
			const ar = rights[n];
			const bl = lefts[n + 1];
			if ((ar === CJK && bl === LATIN) || (ar === LATIN && bl === CJK)) {
				ctx.report({
					start: cpBefore(text, ends[n]), end: cpAfter(text, starts[n + 1]), message: ctx.t('add'), explain: ctx.t('explain'),
					fixes: [{ title: ctx.t('fixAdd'), kind: 'typography', edits: [{ start: ends[n], end: ends[n], newText: ' ' }], preferred: true }],
				});
				continue;
			}
			if (ar !== SPACE || (n > 0 && rights[n - 1] === SPACE)) {
				continue;
			}
			// A run of spaces from atom n to m-1, between atom n-1 (before) and atom m (after) on one line.
			let m = n;
			while (m < count && lefts[m] === SPACE) {
				m++;
			}
			if (n === 0 || m >= count || rights[n - 1] === NEWLINE || lefts[m] === NEWLINE) {
				continue;
			}
			const before = n - 1;
			const after = m;
			const start = starts[n];
			const end = ends[m - 1];
			if (rights[before] === FWPUNCT || lefts[after] === FWPUNCT) {
				// A space after a link, mention or hashtag may be what ends it on the platform, and a
				// space before a hashtag or topic what starts it.
				const b = spanAt(before);
				const f = spanAt(after);
				if (!(b && TERMINATED.has(b.kind)) && !(f && SEPARATED.has(f.kind))) {
					remove(start, end, ctx.t('removeFullwidth'));
				}
				continue;
			}
			const u = text.charCodeAt(starts[after]);
			const unit = u === 0x25 ? '%' : u === 0xb0 ? '°' : '';
			// `%` or `°` alone as the atom after the spaces, a digit last in the atom before them.
			if (unit && ends[after] - starts[after] === 1 && /[0-9]$/.test(text.slice(starts[before], ends[before]))) {
				remove(start, end, ctx.t('removeUnit', { unit }));
			}
		}
	},
};

export default rule;
