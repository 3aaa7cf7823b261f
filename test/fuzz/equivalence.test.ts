/**
 * The engine's fast paths against their plain definitions on seeded random text: grapheme
 * boundaries against Intl.Segmenter over the whole text, links and emoji against one global
 * regular expression scan, countText against the token walk, the Han share against one match
 * per character, token categories against the Unicode property tests. A fast path that gives a
 * different answer anywhere fails here.
 */
import * as assert from 'node:assert/strict';
import { postBody } from '../../bench/corpus';
import { builtinPlatforms, countText, walkTokens } from '../../server/src/engine';
import { hanShare } from '../../server/src/engine/explain';
import { CJK_OTHER, CJK_PUNCT, EMOJI_SOURCE, HAN, URL_RE, findEmoji, findUrls, graphemeBoundaries } from '../../server/src/engine/text';
import { SEED, int, pick, random, replayable, scaled } from './gen';

// Characters around every rule of UAX #29 and every token the counters know.
const ALPHABET = [
	'a', 'Z', '1', '#', '*', ' ', '\n', '\r', '\r\n', '\t', '\u0000', '.', ',', '@', '/', ':', '?',
	'中', '𠀀', '。', '，', '！', '「', '〪', '゙', 'ﾞ', '\u3000', '〰', '〽', '—', '“', '…', '‼', '©', '™', '\u00ad',
	'\u0301', '\u200d', '\u200c', '\ufe0f', '\u20e3', '👨', '👩', '👧', '🏽', '🇨', '🇳', '🏴', '\u{e0067}', '\u{e007f}',
	'ᄀ', 'ᅡ', 'ᆨ', '가', '각', '\u0600', '\u0915', '\u094d', '\u0937', 'ก', '\u0e33', '\ud800', '\udc00',
	'http://', 'https://', 'HTTPS://', 'httpſ://', 'example.com/', '#话题#', '@名字', '@user@host.social',
];

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

function referenceBoundaries(text: string): number[] {
	return [...[...graphemes.segment(text)].map((s) => s.index), text.length];
}

function referenceUrls(text: string): { start: number; end: number; text: string }[] {
	const out: { start: number; end: number; text: string }[] = [];
	for (const m of text.matchAll(URL_RE)) {
		const url = m[0].replace(/[.,;:!?)\]}'"]+$/u, '');
		if (url.length > 8) {
			out.push({ start: m.index!, end: m.index! + url.length, text: url });
		}
	}
	return out;
}

const EMOJI_G = new RegExp(EMOJI_SOURCE, 'gu');

function referenceEmoji(text: string): { start: number; end: number; text: string }[] {
	return [...text.matchAll(EMOJI_G)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0] }));
}

const HAN_ONE_BY_ONE = /(https?:\/\/\S+|@[\p{L}\p{N}_\-.]+|#[^#\s]+#?)|(\p{Script=Han})|([[\p{L}\p{M}]--\p{Script=Han}]+)/gv;

function referenceShare(text: string): { han: number; otherWords: number; otherLetters: number } {
	let han = 0;
	let otherWords = 0;
	let otherLetters = 0;
	for (const m of text.matchAll(HAN_ONE_BY_ONE)) {
		if (m[2]) {
			han++;
		} else if (m[3]) {
			otherWords++;
			otherLetters += m[3].length;
		}
	}
	return { han, otherWords, otherLetters };
}

function sample(r: () => number, i: number): string {
	let s = '';
	const n = int(r, 24);
	for (let k = 0; k < n; k++) {
		s += pick(r, ALPHABET);
	}
	// Every tenth sample is a real post with the random text around it.
	return i % 10 === 0 ? s + postBody(r, pick(r, Object.keys(builtinPlatforms())), r() < 0.5) + s : s;
}

describe(`fuzz: fast paths give the plain definitions' answers (seed ${SEED})`, function () {
	this.timeout(60_000);

	it('grapheme boundaries', () => {
		const r = random(11);
		for (let i = 0; i < scaled(8000); i++) {
			const s = sample(r, i);
			replayable('grapheme boundaries', i, s, () => assert.deepEqual(graphemeBoundaries(s), referenceBoundaries(s), JSON.stringify(s)));
		}
	});

	it('links, emoji and the Han share', () => {
		const r = random(12);
		for (let i = 0; i < scaled(8000); i++) {
			const s = sample(r, i);
			replayable('finders', i, s, () => {
				assert.deepEqual(findUrls(s), referenceUrls(s), `links in ${JSON.stringify(s)}`);
				assert.deepEqual(findEmoji(s), referenceEmoji(s), `emoji in ${JSON.stringify(s)}`);
				const { han, otherWords, otherLetters } = hanShare(s);
				assert.deepEqual({ han, otherWords, otherLetters }, referenceShare(s), `Han share of ${JSON.stringify(s)}`);
			});
		}
	});

	it('token categories are the Unicode property tests on the token', () => {
		const r = random(14);
		const platforms = Object.values(builtinPlatforms());
		const reference = (ch: string) => (ch.codePointAt(0)! < 0x80 ? 'ascii' : HAN.test(ch) ? 'han' : CJK_OTHER.test(ch) || CJK_PUNCT.test(ch) ? 'cjk' : 'other');
		for (let i = 0; i < scaled(3000); i++) {
			const s = sample(r, i) + String.fromCharCode(0x80 + int(r, 0xff80));
			const p = platforms[i % platforms.length];
			replayable(`token categories on ${p.id}`, i, s, () => walkTokens(s, p, (t) => {
				if (t.category !== 'url' && t.category !== 'mention' && t.category !== 'emoji') {
					assert.equal(t.category, reference(s.slice(t.start, t.end)), `${p.id}: ${JSON.stringify(s.slice(t.start, t.end))}`);
				}
			}));
		}
	});

	it('countText adds up the token walk, with the same overflow point', () => {
		const r = random(13);
		const platforms = Object.values(builtinPlatforms()).filter((p) => p.unit !== 'x');
		for (let i = 0; i < scaled(3000); i++) {
			const s = sample(r, i);
			const p = platforms[i % platforms.length];
			const limit = pick(r, [undefined, 0, 1, 5, 30, 140]);
			replayable(`countText on ${p.id}`, i, s, () => {
				let total = 0;
				let overflowAt: number | undefined;
				walkTokens(s, p, (t) => {
					total += t.cost;
					if (overflowAt === undefined && limit !== undefined && total > limit) {
						overflowAt = t.start;
					}
				});
				const count = p.unit === 'weibo' ? Math.ceil(total) : Math.round(total * 100) / 100;
				assert.deepEqual(countText(s, p, limit), { count, overflowAt }, `${p.id}, limit ${limit}: ${JSON.stringify(s)}`);
			});
		}
	});
});
