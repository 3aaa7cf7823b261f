/**
 * tone-stonewall: crisis-response red flags: refusing to comment (无可奉告, "no comment"),
 * blaming the customer (用户使用不当, "user error"), and apologising for "inconvenience" in a
 * post that names no action. The hover says what works instead. Lists: data/stonewall.json.
 */
import list from '../data/stonewall.json';
import { Lexicon, wordListLexicon, type WordList } from '../lexicon';
import type { Rule } from '../rule';
import { findInPost, postTexts, reportHit } from './wordlist';

export const STONEWALL = list as WordList & { actionMarkers: string[] };
const lexicon = wordListLexicon(STONEWALL);
const actions = new Lexicon(STONEWALL.actionMarkers.map((term) => ({ term, value: true })));

const rule: Rule = {
	meta: {
		id: 'tone-stonewall',
		category: 'tone',
		description: {
			en: 'Crisis-response red flags: "no comment", blaming the customer, apologising for inconvenience without saying what you do.',
			'zh-cn': '危机回应中的危险信号："无可奉告"、归咎用户、只为"不便"致歉却不说采取了什么行动。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		messages: {
			en: {
				silence: '"{term}" refuses to answer: silence reads as hiding something.',
				blame: '"{term}" blames the customer or denies the problem: readers side with the customer.',
				'empty-apology': '"{term}": an apology for inconvenience that names no action reads as a form letter.',
				explain: '**{term}**: {category}.\n\nWhat works instead:\n\n1. **Acknowledge** what happened and who is affected, in plain words.\n2. **Act**: say what you have done and will do (refund, fix, replacement, investigation).\n3. **Give a time** for the next update, and keep it.\n\nExample: "我们已确认部分用户无法登录，工程师正在修复，预计 18:00 前恢复，届时在此更新。" / "We confirmed that some users cannot sign in. Engineers are fixing it; we will post the next update here by 18:00."',
			},
			'zh-cn': {
				silence: '"{term}"拒绝回答：沉默会被理解为隐瞒。',
				blame: '"{term}"把问题推给顾客或否认问题：读者会站在顾客一边。',
				'empty-apology': '"{term}"：只为"不便"致歉、不说采取了什么行动，读起来像套话。',
				explain: '**{term}**：{category}。\n\n更好的做法：\n\n1. **承认**发生了什么、影响了谁，用平实的话说清楚。\n2. **行动**：说明已经做了和将要做什么（退款、修复、更换、调查）。\n3. **给出时间**：下一次更新的时间，并按时更新。\n\n示例："我们已确认部分用户无法登录，工程师正在修复，预计 18:00 前恢复，届时在此更新。" / "We confirmed that some users cannot sign in. Engineers are fixing it; we will post the next update here by 18:00."',
			},
		},
	},
	check(ctx) {
		let acts: boolean | undefined;
		for (const hit of findInPost(ctx, lexicon)) {
			const item = hit.value;
			if (item.category.id === 'empty-apology') {
				acts ??= postTexts(ctx).some((t) => actions.find(t).length > 0);
				if (acts) {
					continue;
				}
			}
			const args = { term: hit.text, category: item.category.label[ctx.lang] };
			const message = item.category.id === 'silence' ? ctx.t('silence', args) : item.category.id === 'blame' ? ctx.t('blame', args) : ctx.t('empty-apology', args);
			reportHit(ctx, hit, { message, explain: ctx.t('explain', args) });
		}
	},
};

export default rule;
