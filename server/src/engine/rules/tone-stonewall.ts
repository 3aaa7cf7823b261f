/**
 * tone-stonewall: crisis-response red flags: refusing to comment (无可奉告, "no comment"),
 * blaming the customer (用户使用不当, "user error"), and apologising for "inconvenience" in a
 * post that names no action. The hover says what works instead. Lists: data/stonewall.json.
 */
import list from '../data/stonewall.json';
import type { WordList } from '../lexicon';
import type { Rule } from '../rule';
import { listHits, postKind, scanPost } from './judgment';
import { reportHit } from './wordlist';

export const STONEWALL = list as WordList;

/** Kinds of post where these words are not a response to anyone (a news report quoting "no comment"). */
const NOT_RESPONSES: readonly string[] = ['news', 'promotion', 'charity'];

const rule: Rule = {
	meta: {
		id: 'tone-stonewall',
		category: 'tone',
		description: {
			en: 'Stonewalling in a crisis or reply post: refusing ("no comment", 暂不回应), deflecting (此事与我司无关), deferring (以官方通报为准), blaming the customer or apologising for inconvenience, with no action and no time.',
			'zh-cn': '危机或回复帖子中的搪塞：拒绝回应（"no comment"、暂不回应）、推卸（此事与我司无关）、推给他方（以官方通报为准）、归咎用户或只为"不便"致歉，且没有行动和时间。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		messages: {
			en: {
				silence: '"{term}" refuses to answer, and the post {missing}: silence reads as hiding something.',
				deflect: '"{term}" pushes the matter away, and the post {missing}: readers hear "not our problem".',
				defer: '"{term}" leaves the answer to others, and the post {missing}: say what you are doing meanwhile.',
				blame: '"{term}" blames the customer or denies the problem, and the post {missing}: readers side with the customer.',
				'empty-apology': '"{term}": an apology for inconvenience, and the post {missing}: it reads as a form letter.',
				'missing.both': 'names no action and no time',
				'missing.action': 'names no action',
				explain: '**{term}**: {category}.\n\nStonewalling is a shape, not a phrase: these words are reported in a crisis or reply post (or one of no particular kind; never in news, promotion or charity posts, nor inside quotation marks) that names no action. The same words next to an action (已成立调查组, "we have paused the rollout", 已全额退款), ideally with a time, are not.\n\nWhat works instead:\n\n1. **Acknowledge** what happened and who is affected, in plain words.\n2. **Act**: say what you have done and will do (refund, fix, replacement, investigation).\n3. **Give a time** for the next update, and keep it.\n\nExample: "我们已确认部分用户无法登录，工程师正在修复，预计 18:00 前恢复，届时在此更新。" / "We confirmed that some users cannot sign in. Engineers are fixing it; we will post the next update here by 18:00."',
			},
			'zh-cn': {
				silence: '"{term}"拒绝回答，且帖子{missing}：沉默会被理解为隐瞒。',
				deflect: '"{term}"把事情推开，且帖子{missing}：读者听到的是"不关我们的事"。',
				defer: '"{term}"把回答推给他方，且帖子{missing}：请说明在此期间你们在做什么。',
				blame: '"{term}"把问题推给顾客或否认问题，且帖子{missing}：读者会站在顾客一边。',
				'empty-apology': '"{term}"：只为"不便"致歉，且帖子{missing}：读起来像套话。',
				'missing.both': '没有说明行动，也没有给出时间',
				'missing.action': '没有说明行动',
				explain: '**{term}**：{category}。\n\n搪塞看的是整体，而不是某个词：只有在危机或回复帖子（或没有特定类型的帖子；新闻、促销、公益帖子和引号里的话不算）中，且帖子没有说明任何行动时才报告。同样的话旁边写明了行动（已成立调查组、"we have paused the rollout"、已全额退款），最好还有时间，就不报告。\n\n更好的做法：\n\n1. **承认**发生了什么、影响了谁，用平实的话说清楚。\n2. **行动**：说明已经做了和将要做什么（退款、修复、更换、调查）。\n3. **给出时间**：下一次更新的时间，并按时更新。\n\n示例："我们已确认部分用户无法登录，工程师正在修复，预计 18:00 前恢复，届时在此更新。" / "We confirmed that some users cannot sign in. Engineers are fixing it; we will post the next update here by 18:00."',
			},
		},
	},
	check(ctx) {
		const fields = scanPost(ctx);
		const hits = fields.map((fs) => ({ fs, hits: listHits(ctx, fs, 'stonewall', true) }));
		if (!hits.some((h) => h.hits.length)) {
			return;
		}
		const kind = postKind(ctx);
		if (kind && NOT_RESPONSES.includes(kind)) {
			return;
		}
		// The shape: refusing, deflecting or deferring is a red flag when the post names no action;
		// the same words next to one (已成立调查组，12 月 5 日前公布结果; 已全额退款) are not.
		if (fields.some((fs) => fs.scan.has('stonewall:action'))) {
			return;
		}
		const timed = fields.some((fs) => fs.scan.has('@time'));
		const missing = timed ? ctx.t('missing.action') : ctx.t('missing.both');
		for (const { fs, hits: found } of hits) {
			for (const h of found) {
				const item = h.value.item!;
				const args = { term: h.text, category: item.category.label[ctx.lang], missing };
				const id = item.category.id;
				const message = id === 'silence' ? ctx.t('silence', args) : id === 'blame' ? ctx.t('blame', args) : id === 'deflect' ? ctx.t('deflect', args) : id === 'defer' ? ctx.t('defer', args) : ctx.t('empty-apology', args);
				reportHit(ctx, { ...h, value: undefined, field: fs.field, shift: fs.shift, source: fs.source }, { message, explain: ctx.t('explain', args) });
			}
		}
	},
};

export default rule;
