/**
 * Properties of fix-all (what `check --fix` and fix-on-save write) on seeded campaign drafts: several
 * posts, one or several platforms per post (shared bodies), sponsored posts, mixed Chinese and English
 * copy with links, mentions, topics and prices, some posts padded up to their platform's limit.
 *  (a) no post and platform gets a warning or error of a rule it did not have (per post, target, rule
 *      and severity; when content fixes split a shared body, no rule and severity that was not there);
 *  (b) no field within its limit is pushed over it;
 *  (c) fixing the result again changes nothing.
 * For the default kinds (typography, syntax) and for every kind. The seed is COPYDESK_FUZZ_SEED.
 */
import * as assert from 'node:assert/strict';
import { builtinPlatforms, countText, FIX_KINDS, fixText, isValidCount, lint, resolveConfig, setLanguage, type FixKind, type LintResult } from '../../server/src/engine';
import { draftBody } from '../helpers/drafts';
import { postBody } from '../../bench/corpus';
import { int, pick, random, replayable, scaled, type Rand } from '../fuzz/gen';

const PLATFORM_SETS = [['weibo'], ['weibo'], ['x'], ['wechat'], ['xiaohongshu'], ['weibo', 'x'], ['weibo', 'wechat'], ['x', 'linkedin'], ['douyin', 'weibo'], ['threads', 'bluesky']];
const SALES = ['限时优惠，到手价７９８８元', '到手价7988元，点击链接立即购买 https://dell.com/xps', '今晚8点开抢!!', 'Limited offer: $999, buy now at https://dell.com/xps', '全网最低价，史上最强', '你每捐10元，我们配捐10元'];

function campaign(r: Rand): string {
	const posts: string[] = [];
	const n = 1 + int(r, 3);
	for (let i = 0; i < n; i++) {
		const ps = pick(r, PLATFORM_SETS);
		const attrs = [ps.length > 1 ? `platforms="${ps.join(', ')}"` : `platform=${ps[0]}`];
		if (r() < 0.3) {
			attrs.push('sponsored=true');
		}
		if (r() < 0.2) {
			attrs.push(`locale=${pick(r, ['zh-CN', 'zh-TW', 'en'])}`);
		}
		let body = r() < 0.6 ? draftBody(r, 6 + int(r, 14)) : postBody(r, ps[0]);
		if (r() < 0.4) {
			body += pick(r, SALES);
		}
		if (r() < 0.25 && ps.includes('weibo')) {
			// Just under Weibo's 140 with spacing to fix (each space counts a half): the fixes may have no room.
			const weibo = builtinPlatforms().weibo;
			const PAD = ['我们', 'XPS', '今天', 'AI', '上线了', 'PC', '，'];
			const target = 134 + int(r, 7);
			while (countText(body, weibo).count < target) {
				body += pick(r, PAD);
			}
		}
		posts.push(`<!-- post ${attrs.join(' ')} -->\n${body}\n`);
	}
	return `---\nindustry: general\n---\n${posts.join('\n')}`;
}

type Key = string;

/**
 * Warnings and errors per post, platform, rule and severity; after a split (posts numbered anew, and a
 * finding two platforms of one body shared is now reported once per section) each rule and severity
 * counts once.
 */
function bad(result: LintResult, byPost: boolean): Map<Key, number> {
	const m = new Map<Key, number>();
	for (const f of result.findings) {
		if (f.severity === 'warning' || f.severity === 'error') {
			const k = byPost ? `post ${f.post} ${f.platform} ${f.rule} ${f.severity}` : `${f.rule} ${f.severity}`;
			m.set(k, byPost ? (m.get(k) ?? 0) + 1 : 1);
		}
	}
	return m;
}

describe('fix-all: properties on generated campaign drafts', function () {
	this.timeout(300000);
	before(() => setLanguage('en'));
	const config = resolveConfig([]);

	for (const [label, kinds, count] of [['typography and syntax', undefined, 150], ['every kind', FIX_KINDS, 80]] as const) {
		it(`(${label}) never a new warning or error, never over a limit, and fixing again changes nothing`, () => {
			const r = random(kinds ? 1102 : 1101);
			let changed = 0;
			let split = 0;
			let heldForLimit = 0;
			for (let i = 0; i < scaled(count); i++) {
				const text = campaign(r);
				replayable(`fix-all property (${label})`, i, text, () => {
					const before = lint({ text, config });
					const fixed = fixText(text, config, { kinds: kinds as FixKind[] | undefined });
					const after = lint({ text: fixed.text, config });
					const byPost = !fixed.split.length;
					const was = bad(before, byPost);
					for (const [k, n] of bad(after, byPost)) {
						assert.ok(n <= (was.get(k) ?? 0), `new ${k} (${was.get(k) ?? 0} → ${n}):\n${text}\n→\n${fixed.text}`);
					}
					if (byPost) {
						const within = new Set(before.targets.filter((t) => t.counts.every(isValidCount)).map((t) => `${t.post.index} ${t.platform.id}`));
						for (const t of after.targets) {
							assert.ok(!within.has(`${t.post.index} ${t.platform.id}`) || t.counts.every(isValidCount), `post ${t.post.index} over its limit on ${t.platform.id}:\n${fixed.text}`);
						}
					}
					assert.equal(fixText(fixed.text, config, { kinds: kinds as FixKind[] | undefined }).text, fixed.text, 'fixing again changed the text');
					changed += fixed.text === text ? 0 : 1;
					split += fixed.split.length ? 1 : 0;
					heldForLimit += fixed.notes.length ? 1 : 0;
				});
			}
			// The generator exercises what is checked: most drafts change, some are kept within a limit.
			assert.ok(changed > scaled(count) / 2, `only ${changed} drafts changed`);
			assert.ok(heldForLimit > 0, 'no draft had fixes left out to stay within its limit');
			if (kinds) {
				assert.ok(split > 0, 'no shared body was split');
			}
		});
	}
});
