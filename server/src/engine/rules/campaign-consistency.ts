/**
 * campaign-consistency: the variants of one announcement (the posts of a campaign file, or of
 * the files of a campaign folder named in copydesk.json) agree on the facts they share:
 * prices, percentages, numbers with units, dates, times, links, topics, product names and
 * @handles (facts.ts reads them, campaign.ts compares them). The comparison needs every post,
 * so the engine runs it once per file after the per-post rules (lint/campaignFindings.ts),
 * with this rule's severity, options and strings; `check` has nothing to do per post.
 */
import { FACT_KINDS } from '../facts';
import type { Rule } from '../rule';

const rule: Rule = {
	meta: {
		id: 'campaign-consistency',
		category: 'localization',
		description: {
			en: 'The variants of one announcement disagree on a shared fact: a price, percentage, number with a unit, date, time, link, topic, product name or @handle.',
			'zh-cn': '同一发布内容的不同版本在共同事实上不一致：价格、百分比、带单位的数字、日期、时间、链接、话题、产品名或 @账号。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		options: {
			facts: {
				default: [...FACT_KINDS],
				description: {
					en: `The kinds of fact to compare: ${FACT_KINDS.join(', ')}.`,
					'zh-cn': `要比较的事实种类：${FACT_KINDS.join('、')}。`,
				},
			},
		},
		messages: {
			en: {
				value: '{kind} differs from the other variants: {odd} here, {ref} in {where}.',
				currency: 'Price in another currency: {odd} here, {ref} in {where}, and this post gives no conversion. Add the price in {currency} or say how it converts.',
				handle: '{odd} is {account}\'s handle on {other}; on {platform} it is {expected}.',
				related: '{where} says {ref}',
				relatedHandle: '{where} mentions {account} as {ref}',
				post: 'post {n} ({platform})',
				postIn: '{file}, post {n} ({platform})',
				file: '{file} ({platform})',
				'kind.price': 'Price',
				'kind.percent': 'Percentage',
				'kind.quantity': 'Number',
				'kind.date': 'Date',
				'kind.time': 'Time',
				'kind.link': 'Link',
				'kind.hashtag': 'Topic',
				'kind.handle': 'Handle',
				'kind.product': 'Product name',
				explain: 'Variants of one announcement (the posts of this campaign file, or of its campaign folder) must state the same facts. The value most variants state is the reference; the post that says otherwise gets this warning, with the other post as related information. If the difference is intended (a local price, a later date in one market), add `<!-- copydesk-disable-next-line campaign-consistency -- reason -->` above the line.',
			},
			'zh-cn': {
				value: '{kind}与其他版本不一致：这里是 {odd}，{where}是 {ref}。',
				currency: '价格使用了另一种货币：这里是 {odd}，{where}是 {ref}，而本帖没有给出换算。请补上以 {currency} 计的价格或说明换算。',
				handle: '{odd} 是 {account} 在{other}上的账号；在{platform}上应为 {expected}。',
				related: '{where}写的是 {ref}',
				relatedHandle: '{where}提到 {account} 时写作 {ref}',
				post: '第 {n} 篇（{platform}）',
				postIn: '{file} 第 {n} 篇（{platform}）',
				file: '{file}（{platform}）',
				'kind.price': '价格',
				'kind.percent': '百分比',
				'kind.quantity': '数字',
				'kind.date': '日期',
				'kind.time': '时间',
				'kind.link': '链接',
				'kind.hashtag': '话题',
				'kind.handle': '账号',
				'kind.product': '产品名',
				explain: '同一发布内容的各个版本（本发布文件中的帖子，或其发布文件夹中的所有帖子）必须写明相同的事实。多数版本写的值为参照；写法不同的帖子会收到此警告，并把另一篇帖子列为相关信息。如果差异是有意的（当地价格、某个市场推迟发布），请在该行上方加 `<!-- copydesk-disable-next-line campaign-consistency -- 理由 -->`。',
			},
		},
	},
	check() {
		// Compared per file in lint/campaignFindings.ts: see the module comment.
	},
};

export default rule;
