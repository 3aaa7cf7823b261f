/**
 * A seeded generator of mixed Chinese/English social drafts: Chinese words, brand names,
 * English phrases, links, mentions, hashtags and topics, numbers with units, code, quotes,
 * half- and full-width punctuation (repeated too), full-width letters and odd spacing. Used by
 * the property tests and the differential tests; the same seed always gives the same drafts.
 */

/** The benchmark corpus's seeded PRNG (mulberry32): one generator for tests and benchmarks. */
export { rng } from '../../bench/corpus';
import { rng } from '../../bench/corpus';

const ZH = ['我们', '今天', '发布了', '新品', '欢迎', '大家', '来体验', '数据存储', '花了', '元', '好开心', '你知道嘛', '是什么原理', '非常有趣', '更新', '上线', '活动', '开始', '用户', '在', '上', '的', '了', '和', '版本', '续航', '时间'];
const BRAND = ['LeanCloud', 'iPhone', 'GitHub', 'MacBook Pro', 'Surface Pro', 'Node.js', 'React', 'AVObject', 'CPU', 'SSD', 'iOS', 'Yahoo!', 'Apple Inc.', 'C++', 'Disney+', 'vs.', '.NET'];
const PHRASE = ['Hello world', 'Stay hungry, stay foolish.', 'see you there', 'how are you', 'Think different'];
const URL = ['https://example.com', 'https://example.com/a?b=1,c=2', 'http://t.cn/A6x', 'https://example.com/活动/报名页面.html', 'dell.com.cn/xps'];
const MENTION = ['@小明', '@LeanCloud', '@alice@mastodon.social', '@user_1', '//@戴尔中国:', '回复@小王:'];
const TAG = ['#新品发布#', '#launch', '#话题#', '#CES2026', '＃618狂欢＃'];
const NUMBER = ['5000', '3.5', '10:30', '15%', '90°', 'v2.0.1', '1,000', '5000mAh', '20 TB', '2026', '-5', '100+'];
const CODE = ['`AVObject`', '`a = f(1, 2);`', '`npm i`'];
const QUOTE = ['「Stay hungry, stay foolish.」', '"Hello, world."', '“Think different.”', '「喵」', '"喵"'];
const FW = ['１０００', 'ＧｉｔＨｕｂ', 'ＡＢＣ'];
const PUNCT_HALF = [',', '.', '!', '?', ':', ';', '...', '!!', '?!'];
const PUNCT_FULL = ['，', '。', '！', '？', '：', '；', '、', '！！', '？？！！', '。。。', '……', '？！'];
const SPACE = ['', '', '', ' ', ' ', '  '];

/** One draft body of about `tokens` pieces. */
export function draftBody(next: () => number, tokens = 14): string {
	const pick = <T>(a: readonly T[]): T => a[Math.floor(next() * a.length)];
	const parts: string[] = [];
	for (let i = 0; i < tokens; i++) {
		const r = next();
		const piece = r < 0.34 ? pick(ZH)
			: r < 0.44 ? pick(BRAND)
				: r < 0.48 ? pick(PHRASE)
					: r < 0.52 ? pick(URL)
						: r < 0.56 ? pick(MENTION)
							: r < 0.6 ? pick(TAG)
								: r < 0.68 ? pick(NUMBER)
									: r < 0.7 ? pick(CODE)
										: r < 0.73 ? pick(QUOTE)
											: r < 0.75 ? pick(FW)
												: r < 0.78 ? `(${pick(next() < 0.5 ? ZH : BRAND)})`
													: r < 0.87 ? pick(PUNCT_HALF)
														: r < 0.97 ? pick(PUNCT_FULL)
															: '\n';
		parts.push(piece, pick(SPACE));
	}
	return parts.join('').trim();
}

/** `count` drafts for a Chinese platform, from `seed`. */
export function generateDrafts(seed: number, count: number, header = '---\nplatform: weibo\n---\n'): string[] {
	const next = rng(seed);
	return Array.from({ length: count }, () => `${header}${draftBody(next, 6 + Math.floor(next() * 16))}\n`);
}
