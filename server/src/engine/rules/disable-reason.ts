/**
 * disable-reason: a disable directive must say why, and must name rules that exist. The
 * directives are file-wide (a `disable` may span posts), so the engine checks them once per
 * file in lint.ts (`directiveFindings`) with this rule's severity and strings; `check` has
 * nothing to do per post.
 */
import type { Rule } from '../rule';

const rule: Rule = {
	meta: {
		id: 'disable-reason',
		category: 'meta',
		description: {
			en: 'A copydesk-disable comment gives no reason after "--", or names a rule that does not exist.',
			'zh-cn': 'copydesk-disable 注释没有在“--”后写明理由，或者写了不存在的规则。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		messages: {
			en: {
				noReason: 'This exception gives no reason: write why after "--", e.g. <!-- {directive}{rules} -- quoting the customer -->.',
				unknownRule: 'Unknown rule "{id}" in {directive}: it switches nothing off.',
				explain: 'Exceptions are for reviewers to see and judge. A reason after `--` tells them why the rule does not apply here; `copydesk check --report-disables` lists every exception with its reason.',
			},
			'zh-cn': {
				noReason: '这个例外没有写理由：请在“--”后写明原因，例如 <!-- {directive}{rules} -- 引用用户原话 -->。',
				unknownRule: '{directive} 中的规则“{id}”不存在：它不会关闭任何检查。',
				explain: '例外是给审核者看、由审核者判断的。`--` 后的理由说明这里为什么不适用该规则；`copydesk check --report-disables` 会列出每个例外及其理由。',
			},
		},
	},
	check() {
		// Checked per file in lint.ts: see the module comment.
	},
};

export default rule;
