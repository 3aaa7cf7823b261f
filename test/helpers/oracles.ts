/**
 * Differential testing against real tools: pangu (spacing) and zhlint (punctuation), both dev
 * dependencies used as oracles. Both are ES modules; `nativeImport` keeps a real dynamic import
 * (tsx would turn `import()` into `require()` in this CommonJS test build).
 *
 * The comparison is by decisions, not by whole texts, so one disagreement never hides another:
 * - spacing: the texts without spaces must be identical; then each gap between two non-space
 *   characters either has a space or not, in Copydesk's output and in pangu's;
 * - punctuation: the texts without white space are aligned character by character (when a fix
 *   changed their length, the case is compared as a whole).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from './paths';
import { findProtected, fixAll, lint, resolveConfig, type ProtectedSpan, type ResolvedConfig } from '../../server/src/engine';

const nativeImport = new Function('s', 'return import(s)') as (s: string) => Promise<any>;

export interface Oracles {
	pangu(text: string): string;
	/** undefined when zhlint throws on the text (it does on a few inputs; the test counts them). */
	zhlint(text: string): string | undefined;
	versions: { pangu: string; zhlint: string };
}

/** zhlint's default preset with only the punctuation-width rule left on: no spacing, no quote or bracket changes. */
export const ZHLINT_RULES = {
	preset: 'default',
	halfwidthPunctuation: '',
	fullwidthPunctuation: '，。：；？！',
	unifiedPunctuation: undefined, spaceBetweenHalfwidthContent: undefined, noSpaceBetweenFullwidthContent: undefined,
	spaceBetweenMixedwidthContent: undefined, noSpaceBeforePauseOrStop: undefined, spaceAfterHalfwidthPauseOrStop: undefined,
	noSpaceAfterFullwidthPauseOrStop: undefined, spaceOutsideHalfwidthQuotation: undefined, noSpaceOutsideFullwidthQuotation: undefined,
	noSpaceInsideQuotation: undefined, spaceOutsideHalfwidthBracket: undefined, noSpaceOutsideFullwidthBracket: undefined,
	noSpaceInsideBracket: undefined, spaceOutsideCode: undefined, noSpaceInsideHyperMark: undefined, trimSpace: undefined,
};

export async function loadOracles(): Promise<Oracles> {
	const pangu = (await nativeImport('pangu')).default;
	const zhlint = await nativeImport('zhlint');
	const version = (p: string) => (JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8')) as { version: string }).version;
	return {
		pangu: (t) => pangu.spacingText(t),
		zhlint: (t) => {
			try {
				return zhlint.run(t, { rules: ZHLINT_RULES }).result;
			} catch {
				return undefined;
			}
		},
		versions: { pangu: version('pangu'), zhlint: version('zhlint') },
	};
}

const HEADER = '---\nplatform: weibo\n---\n';

/** Copydesk's fixer for one rule on a body, as a Weibo (zh-CN) post. */
export function copydeskFix(body: string, rule: 'zh-spacing' | 'zh-punctuation', config: ResolvedConfig = resolveConfig([])): string {
	const text = `${HEADER}${body}\n`;
	// The rule's own fixer, unguarded: fix-all's "never worse" check would mix in the other rules' findings.
	const out = fixAll(text, (t) => lint({ text: t, config }).findings, { rules: new Set([rule]), kinds: ['typography'], guard: false }).text;
	return out.slice(HEADER.length, -1);
}

export interface SpacingDisagreement {
	/** Offsets in the input: the end of the character before the gap and the start of the one after. */
	before: number;
	after: number;
	left: string;
	right: string;
	/** Whether the input, Copydesk and pangu have a space in the gap. */
	input: boolean;
	ours: boolean;
	theirs: boolean;
	spans: ProtectedSpan[];
	text: string;
}

const isWs = (c: string) => c === ' ' || c === '\t';

/** Non-space characters of `text` with their offsets, and whether a space precedes each. */
function gaps(text: string): { chars: string[]; offsets: number[]; spaceBefore: boolean[] } {
	const chars: string[] = [];
	const offsets: number[] = [];
	const spaceBefore: boolean[] = [];
	let space = false;
	for (let i = 0; i < text.length; i++) {
		if (isWs(text[i])) {
			space = true;
			continue;
		}
		chars.push(text[i]);
		offsets.push(i);
		spaceBefore.push(space);
		space = false;
	}
	return { chars, offsets, spaceBefore };
}

/** Gaps where Copydesk and pangu decide differently; `undefined` when their non-space texts differ. */
export function spacingDisagreements(input: string, ours: string, theirs: string, exceptions: string[] = []): SpacingDisagreement[] | undefined {
	const gi = gaps(input);
	const go = gaps(ours);
	const gt = gaps(theirs);
	// pangu also turns a few half-width marks after Chinese full-width (发布了:( → 发布了：(); that is
	// zh-punctuation's job in Copydesk, so the width of marks is ignored here.
	const fold = (cs: string[]) => cs.map((c) => (/[\uff01-\uff5e]/.test(c) ? String.fromCharCode(c.charCodeAt(0) - 0xfee0) : c)).join('');
	if (fold(go.chars) !== fold(gi.chars) || fold(gt.chars) !== fold(gi.chars)) {
		return undefined;
	}
	const spans = findProtected(input, { exceptions });
	const out: SpacingDisagreement[] = [];
	for (let k = 1; k < gi.chars.length; k++) {
		if (go.spaceBefore[k] !== gt.spaceBefore[k]) {
			out.push({
				before: gi.offsets[k - 1] + 1, after: gi.offsets[k], left: gi.chars[k - 1], right: gi.chars[k],
				input: gi.spaceBefore[k], ours: go.spaceBefore[k], theirs: gt.spaceBefore[k], spans, text: input,
			});
		}
	}
	return out;
}

export interface PunctuationDisagreement {
	/** Offset, in the input with runs collapsed (`text`), of the character the tools treat differently. */
	at: number;
	char: string;
	ours: string;
	theirs: string;
	spans: ProtectedSpan[];
	text: string;
}

/**
 * Characters Copydesk and zhlint turn into different things, aligned on the texts without white
 * space; `undefined` when Copydesk's output has another length (it collapsed repeated marks).
 */
export function punctuationDisagreements(input: string, ours: string, theirs: string): PunctuationDisagreement[] | undefined {
	const strip = (t: string) => gaps(collapseRuns(t).replace(/\n/g, ' '));
	// Offsets and spans refer to the input with its runs collapsed (same length per line as `gi`).
	input = collapseRuns(input);
	const gi = strip(input);
	const go = strip(ours);
	const gt = strip(theirs);
	if (go.chars.length !== gi.chars.length || gt.chars.length !== gi.chars.length) {
		return undefined;
	}
	const spans = findProtected(input);
	const out: PunctuationDisagreement[] = [];
	for (let k = 0; k < gi.chars.length; k++) {
		if (go.chars[k] !== gt.chars[k]) {
			out.push({ at: gi.offsets[k], char: gi.chars[k], ours: go.chars[k], theirs: gt.chars[k], spans, text: input });
		}
	}
	return out;
}

/**
 * Collapses runs of one family of marks to their first mark, and ellipses to `…`, in any text.
 * Copydesk collapses repeated punctuation and zhlint does not (a documented difference,
 * "repeated"); normalizing both outputs keeps the texts aligned so that the width of each mark
 * is still compared.
 */
export function collapseRuns(text: string): string {
	return text
		.replace(/[.。…](?:[ \t]*[.。…])*/g, (m) => {
			const marks = m.replace(/[ \t]/g, '');
			// An ellipsis; `⋯` when it was all half-width dots, so Chinese context is not read into it.
			return marks.length >= 3 || marks.includes('…') ? (/[。…]/.test(marks) ? '…' : '⋯') : marks[0];
		})
		.replace(/[,，](?:[ \t]*[,，])+|[;；](?:[ \t]*[;；])+|[:：](?:[ \t]*[:：])+|、(?:[ \t]*、)+/g, (m) => m[0])
		// A run of ! and ? reads as its question mark (？！ is one mark for Copydesk).
		.replace(/[!?！？](?:[ \t]*[!?！？])+/g, (m) => m.match(/[?？]/)?.[0] ?? m[0]);
}
