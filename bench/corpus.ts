/**
 * A seeded corpus of social posts for the benchmarks: Chinese and English, every platform in
 * the registry, with hashtags, mentions, URLs, emoji, mixed punctuation (some of it wrong on
 * purpose, so the typography tools have work to do), front matter and campaign markers.
 * The same seed gives the same corpus byte for byte. The phrases are written for this file.
 */
import { builtinPlatforms } from '../server/src/engine';

/** mulberry32: a small, fast, seeded PRNG. */
export function rng(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

const ZH = [
	'全新一代智能手表今天正式发布', '续航长达 14 天，屏幕更清晰', '健康监测更精准', '下周一起全国门店同步开售',
	'首批用户还可获得专属表带一条', '欢迎到门店试戴', '我们期待你的体验与反馈', '本周我们整理了五条值得关注的新闻',
	'活动时间为 3 月 1 日至 3 月 15 日', '点击链接了解详情', '关注我们第一时间获取新品消息', '感谢每一位到场和在线参与的朋友',
	'大会全部演讲视频将于本周五上线', '会员积分可以抵扣运费', '今天的咖啡拉花是一只小熊', '周末去了趟杭州，西湖边人真多',
	'这款面霜用了两周，皮肤明显更细腻', '新开的书店有一整面墙的旅行书', '早餐吃了豆浆油条', '我们的客服团队全年无休',
	// Mixed script without spaces and half-width punctuation: what pangu, AutoCorrect and zhlint fix.
	'新版App支持iOS和Android', '使用MacBook Pro写代码,效率很高', '下载量突破100万次!', '支持Wi-Fi 6和蓝牙5.3',
	'这是最好的产品', '全网最低价,仅此一天', '限时抢购(数量有限)', '团队在Shenzhen和Munich各有一个办公室',
];
const EN = [
	'Our new smartwatch is here', 'with a 14-day battery life and a brighter screen', 'On sale Monday in every store and online',
	'the first buyers get an extra strap', 'Come try it on and tell us what you think', 'Our team will answer questions all week',
	'We finally got our hands on the new watch', 'Here is what we think after one week of daily use',
	'Today we launch our new smartwatch', 'built by a team of 120 engineers over three years', 'Thanks to everyone who joined us',
	'Registration closes on Friday', 'Read the full story on our blog', 'We are hiring engineers in Shenzhen and Munich',
	'The conference videos go online this week', 'Best. Launch. Ever', 'Limited time only', 'Members get free shipping',
];
const EMOJI = ['🎉', '✨', '😀', '👍', '🔥', '❤️', '👨‍👩‍👧', '🇨🇳', '☕', '📱', '🙌🏽', '🚀'];
const ZH_TAGS = ['新品发布', '智能手表', '周末去哪儿', '好物分享', '开发者大会', '咖啡日常', '读书笔记'];
const EN_TAGS = ['NewWatch', 'LaunchDay', 'DevConf', 'Coffee', 'BookClub', 'Hiring', 'WeekendVibes'];
const HANDLES = ['copydesk', 'acme_official', '小编', 'devteam', 'jane.doe', 'weekly_news'];
const DOMAINS = ['example.com', 'example.cn', 'acme.example.org', 'news.example.net'];

export interface Corpus {
	/** Relative path → file text. */
	files: Map<string, string>;
	posts: number;
	bytes: number;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
	return xs[Math.floor(r() * xs.length)];
}

function isChinese(platform: string): boolean {
	return builtinPlatforms()[platform].locale.startsWith('zh');
}

function url(r: () => number): string {
	return `https://${pick(r, DOMAINS)}/${Math.floor(r() * 1e6).toString(36)}${r() < 0.3 ? `?utm_source=${pick(r, ['weibo', 'x', 'wechat'])}` : ''}`;
}

function hashtag(r: () => number, platform: string, zh: boolean): string {
	const tag = zh ? pick(r, ZH_TAGS) : pick(r, EN_TAGS);
	const style = builtinPlatforms()[platform].hashtag;
	return style === 'weibo' ? `#${tag}#` : style === 'xiaohongshu' ? `#${tag}[话题]#` : `#${tag}`;
}

/** One post body: 1–6 sentences with the platform's furniture mixed in. */
export function postBody(r: () => number, platform: string, zh = isChinese(platform)): string {
	const parts: string[] = [];
	if (r() < 0.4) {
		parts.push(hashtag(r, platform, zh));
	}
	const n = 1 + Math.floor(r() * 6);
	for (let i = 0; i < n; i++) {
		const s = zh ? pick(r, ZH) : pick(r, EN);
		parts.push(zh ? s + pick(r, ['。', '！', '，', '～', '. ', '!']) : s + pick(r, ['.', '!', '?', ' —', ',']));
		const x = r();
		if (x < 0.12) {
			parts.push(pick(r, EMOJI));
		} else if (x < 0.2) {
			parts.push(`@${pick(r, HANDLES)}${zh ? ' ' : ''}`);
		} else if (x < 0.26) {
			parts.push(` ${url(r)} `);
		}
	}
	if (r() < 0.3) {
		parts.push(` ${hashtag(r, platform, zh)}`);
	}
	if (r() < 0.1) {
		parts.push(' <!-- internal note: check the price with legal -->');
	}
	// Now and then a long post, past most limits.
	if (r() < 0.05) {
		parts.push((zh ? pick(r, ZH) + '，' : ' ' + pick(r, EN) + ',').repeat(12 + Math.floor(r() * 20)));
	}
	return parts.join(zh ? '' : ' ').replace(/ {2,}/g, ' ').trim();
}

/** One file: front matter, and either a single post or a campaign of 2–8 posts with markers. */
function file(r: () => number, platforms: readonly string[], maxPosts: number): { text: string; posts: number } {
	const campaign = maxPosts > 1 && r() < 0.5;
	const fm: string[] = ['---'];
	const first = pick(r, platforms);
	if (!campaign) {
		fm.push(`platform: ${first}`);
	}
	if (r() < 0.5) {
		fm.push(`title: ${isChinese(first) ? pick(r, ZH) : pick(r, EN)}`);
	}
	if (r() < 0.2) {
		fm.push(`industry: ${pick(r, ['general', 'medical', 'finance', 'education'])}`);
	}
	if (r() < 0.1) {
		fm.push('sponsored: true');
	}
	if (r() < 0.2) {
		fm.push(`date: 2026-0${1 + Math.floor(r() * 9)}-1${Math.floor(r() * 9)}`, 'tags: [launch, spring]');
	}
	fm.push('---', '');
	if (!campaign) {
		return { text: fm.join('\n') + postBody(r, first) + '\n', posts: 1 };
	}
	const n = Math.min(maxPosts, 2 + Math.floor(r() * 7));
	const out = [fm.join('\n')];
	if (r() < 0.5) {
		out.push('<!-- A campaign file: one launch, one post per platform. -->\n');
	}
	for (let i = 0; i < n; i++) {
		const p = i === 0 ? first : pick(r, platforms);
		const zh = isChinese(p);
		const attrs = [`platform=${p}`];
		if (!zh && r() < 0.5) {
			attrs.push('locale=en');
		}
		if (p === 'wechat' && r() < 0.5) {
			attrs.push(`digest="${pick(r, ZH)}"`);
		}
		if (p === 'xiaohongshu' && r() < 0.5) {
			attrs.push(`title="${pick(r, ZH)}"`);
		}
		out.push(`<!-- post ${attrs.join(' ')} -->\n${postBody(r, p)}\n`);
	}
	return { text: out.join('\n'), posts: n };
}

/** `posts` posts in files of 1–8 posts, over every platform in the registry. */
export function generateCorpus(seed: number, posts: number): Corpus {
	const r = rng(seed);
	const platforms = Object.keys(builtinPlatforms());
	const files = new Map<string, string>();
	let count = 0;
	let bytes = 0;
	for (let i = 0; count < posts; i++) {
		const f = file(r, platforms, posts - count);
		const name = `posts/${String(Math.floor(i / 500)).padStart(2, '0')}/post-${String(i).padStart(5, '0')}.md`;
		files.set(name, f.text);
		count += f.posts;
		bytes += Buffer.byteLength(f.text);
	}
	return { files, posts: count, bytes };
}

/** One campaign file of exactly `posts` posts (the editor-latency and re-check benchmarks). */
export function campaignFile(seed: number, posts: number): string {
	const r = rng(seed);
	const platforms = Object.keys(builtinPlatforms());
	const out = ['---', 'title: 春季发布 Spring launch', 'industry: general', '---', ''];
	for (let i = 0; i < posts; i++) {
		const p = platforms[i % platforms.length];
		out.push(`<!-- post platform=${p}${isChinese(p) ? '' : ' locale=en'} -->\n${postBody(r, p)}\n`);
	}
	return out.join('\n');
}

/** The seed of the bench's corpus and campaign files (`npm run bench -- --seed N` or BENCH_SEED overrides it there). */
export const BENCH_SEED = 20260501;

/** The bench's one-post edit: `text` with one character added at the start of the post body nearest its middle. */
export function withOneEdit(text: string): string {
	const at = text.indexOf('-->\n', Math.floor(text.length / 2)) + 4;
	return text.slice(0, at) + '新' + text.slice(at);
}

/** A campaign file of about `bytes` bytes (UTF-8). */
export function campaignFileOfSize(seed: number, bytes: number): { text: string; posts: number } {
	let posts = Math.max(1, Math.round(bytes / 400));
	for (;;) {
		const text = campaignFile(seed, posts);
		const size = Buffer.byteLength(text);
		if (size >= bytes) {
			return { text, posts };
		}
		posts = Math.ceil(posts * (bytes / size)) + 1;
	}
}
