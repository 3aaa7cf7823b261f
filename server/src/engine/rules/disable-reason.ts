/**
 * disable-reason: a disable directive must say why, must name rules that exist, and must hide
 * something (when every rule it names ran). The
 * directives are file-wide (a `disable` may span posts), so the engine checks them once per
 * file in lint/directiveFindings.ts with this rule's severity and strings; `check` has
 * nothing to do per post.
 */
import type { Rule } from '../rule';

const rule: Rule = {
	meta: {
		id: 'disable-reason',
		category: 'meta',
		description: {
			en: 'A copydesk-disable comment gives no reason after "--", names a rule that does not exist, or hides nothing.',
			'zh-cn': 'copydesk-disable 注释没有在“--”后写明理由、写了不存在的规则，或者没有隐藏任何问题。',
		},
		defaultSeverity: 'warning',
		fixable: false,
		messages: {
			en: {
				noReason: 'This exception gives no reason: write why after "--", e.g. <!-- {directive}{rules} -- quoting the customer -->.',
				unknownRule: 'Unknown rule "{id}" in {directive}: it switches nothing off.',
				unused: 'This exception hides nothing: remove it ({directive}{rules} found nothing to hide here).',
				explainUnused: 'Every rule this exception names ran and found nothing in its range, so the exception only hides future findings nobody has reviewed. Stale exceptions pile up; remove it, and add one back when a finding needs it. Not reported when a named rule is off in the config or when only some rules are run.',
				explain: 'Exceptions are for reviewers to see and judge. A reason after `--` tells them why the rule does not apply here; `copydesk check --report-disables` lists every exception with its reason.',
			},
			'zh-cn': {
				noReason: '这个例外没有写理由：请在“--”后写明原因，例如 <!-- {directive}{rules} -- 引用用户原话 -->。',
				unknownRule: '{directive} 中的规则“{id}”不存在：它不会关闭任何检查。',
				unused: '这个例外没有隐藏任何问题：请删除它（{directive}{rules} 在这里没有可隐藏的问题）。',
				explainUnused: '这个例外写明的规则都已运行，在它的范围内没有发现问题，所以它只会隐藏将来没人审核过的问题。过时的例外会越积越多；请删除它，等确实需要时再加回来。所写规则在配置中关闭，或只运行部分规则时，不报告此问题。',
				explain: '例外是给审核者看、由审核者判断的。`--` 后的理由说明这里为什么不适用该规则；`copydesk check --report-disables` 会列出每个例外及其理由。',
			},
		},
	},
	check() {
		// Checked per file in lint/directiveFindings.ts: see the module comment.
	},
};

export default rule;
