/**
 * tone-hard-sell: pushy, interruptive sales phrases (限时抢购, 赶紧, 错过不再, 手慢无, "Buy now",
 * "Act now", "Don't miss out") counted per post. One is ordinary promotion; from `threshold` on,
 * the post reads as pressure, and one finding lists them all. The list is data: data/hard-sell.json.
 */
import list from '../data/hard-sell.json';
import type { WordList } from '../lexicon';
import type { Rule } from '../rule';
import { listHits, scanPost } from './judgment';
import { reportHit, type PostHit } from './wordlist';

export const HARD_SELL = list as WordList;

const rule: Rule = {
	meta: {
		id: 'tone-hard-sell',
		category: 'tone',
		description: {
			en: 'Too many pushy sales phrases in one post (限时抢购, 赶紧, 手慢无, "Buy now", "Act now").',
			'zh-cn': '一条帖子里催促购买的用语过多（限时抢购、赶紧、手慢无、"Buy now"、"Act now"）。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		options: {
			threshold: {
				default: 3,
				description: {
					en: 'Report a post with at least this many pushy phrases (repeats count).',
					'zh-cn': '催促用语（重复出现也计数）达到此数量时报告。',
				},
			},
		},
		messages: {
			en: {
				many: 'Pushy phrases in this post: {count} (threshold {threshold}): {phrases}.',
				explain: '**Hard sell**: {phrases}.\n\nReaders scroll past, mute or report accounts that pressure them; platforms also limit inducement wording. Give one clear reason to act (the offer, the date it ends) and drop the rest. Claims such as "almost sold out" must also be true (Advertising Law, Art. 4).',
			},
			'zh-cn': {
				many: '这条帖子的催促用语：{count} 处（阈值 {threshold}）：{phrases}。',
				explain: '**强行推销**：{phrases}。\n\n读者会划走、屏蔽或举报给他们施压的账号，平台也限制诱导性用语。给出一个明确的行动理由（优惠内容、截止日期）即可，删掉其余的。"即将售罄"之类的说法也必须属实（《广告法》第四条）。',
			},
		},
	},
	check(ctx) {
		const hits: PostHit<unknown>[] = scanPost(ctx).flatMap((fs) => listHits(ctx, fs, 'hardSell').map((h) => ({ ...h, field: fs.field, shift: fs.shift, source: fs.source })));
		const threshold = Number(ctx.options.threshold);
		if (!hits.length || hits.length < threshold) {
			return;
		}
		const counts = new Map<string, number>();
		for (const h of hits) {
			counts.set(h.text, (counts.get(h.text) ?? 0) + 1);
		}
		const sep = ctx.lang === 'zh-cn' ? '、' : ', ';
		const phrases = [...counts].map(([p, n]) => (n > 1 ? `${p} ×${n}` : p)).join(sep);
		const args = { count: hits.length, threshold, phrases };
		reportHit(ctx, hits[0], { message: ctx.t('many', args), explain: ctx.t('explain', args) });
	},
};

export default rule;
