/**
 * The peers the benchmark runs on the same corpus, in-process, each through its own public
 * API, and what each of them does — so that a ratio is read for what it is. None of them
 * counts per platform, knows campaign markers or checks compliance; most of them only look at
 * CJK typography (spacing and punctuation), which is a small part of what Copydesk checks.
 */
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

// Peers are loaded with Node's own require (not bundled with the benchmark) so each runs as published.
const load = createRequire(__filename);

export interface Peer {
	name: string;
	version: string;
	/** What it does on each post file, and what it does not. */
	does: string;
	/** Runs the peer on one file's text; returns the number of problems found (or changes made). */
	run(text: string): Promise<number> | number;
}

function versionOf(pkg: string): string {
	// Walk up from the entry point: some packages do not export their package.json.
	try {
		for (let dir = path.dirname(load.resolve(pkg)); dir !== path.dirname(dir); dir = path.dirname(dir)) {
			const f = path.join(dir, 'package.json');
			if (fs.existsSync(f)) {
				const j = JSON.parse(fs.readFileSync(f, 'utf8')) as { name?: string; version?: string };
				if (j.name === pkg && j.version) {
					return j.version;
				}
			}
		}
	} catch {
		// Not installed: the caller reports it.
	}
	return '?';
}

function pangu(): Peer {
	const mod = load('pangu') as { spacingText?: (s: string) => string; default?: { spacingText(s: string): string } };
	const spacing = mod.spacingText ?? mod.default!.spacingText.bind(mod.default);
	return {
		name: 'pangu', version: versionOf('pangu'),
		does: 'typography only: inserts spaces between CJK and half-width characters in the whole text (a formatter: no report, no Markdown parsing, no counting)',
		run: (text) => (spacing(text) === text ? 0 : 1),
	};
}

function autocorrect(): Peer {
	const mod = load('autocorrect-node') as { lintFor(text: string, filename: string): { lines: unknown[] } };
	return {
		name: 'autocorrect-node', version: versionOf('autocorrect-node'),
		does: 'typography only: lints CJK spacing and full/half-width punctuation in Markdown (Rust core, native binding); no counting, no platforms, no compliance',
		run: (text) => mod.lintFor(text, 'post.md').lines.length,
	};
}

function zhlint(): Peer {
	const mod = load('zhlint') as { run(text: string, options: unknown): { validations: unknown[] } };
	return {
		name: 'zhlint', version: versionOf('zhlint'),
		does: 'typography only: Chinese punctuation, spacing and brackets on Markdown (remark parse, default preset); no counting, no platforms, no compliance',
		run: (text) => mod.run(text, { rules: { preset: 'default' } }).validations.length,
	};
}

function textlint(): Peer {
	const { TextlintKernel } = load('@textlint/kernel') as { TextlintKernel: new () => { lintText(text: string, opts: unknown): Promise<{ messages: unknown[] }> } };
	const markdown = (load('@textlint/textlint-plugin-markdown') as { default: unknown }).default;
	const bracket = (load('textlint-rule-zh-half-and-full-width-bracket') as { default: unknown }).default;
	const spacing = load('textlint-rule-ja-space-between-half-and-full-width');
	const kernel = new TextlintKernel();
	const options = {
		ext: '.md', filePath: 'post.md',
		plugins: [{ pluginId: 'markdown', plugin: markdown }],
		rules: [
			{ ruleId: 'zh-half-and-full-width-bracket', rule: bracket },
			{ ruleId: 'ja-space-between-half-and-full-width', rule: spacing, options: { space: 'always' } },
		],
	};
	return {
		name: 'textlint', version: versionOf('textlint'),
		does: 'typography only: textlint kernel + Markdown plugin with the two CJK rules this registry has (zh-half-and-full-width-bracket; '
			+ 'ja-space-between-half-and-full-width, space: always); no Chinese preset is published here (textlint-rule-preset-zh-technical-writing: 404)',
		run: async (text) => (await kernel.lintText(text, options)).messages.length,
	};
}

/** Every peer that loads on this machine; the ones that do not are reported with the reason. */
export function loadPeers(): { peers: Peer[]; missing: { name: string; reason: string }[] } {
	const peers: Peer[] = [];
	const missing: { name: string; reason: string }[] = [];
	for (const [name, make] of [['zhlint', zhlint], ['textlint', textlint], ['pangu', pangu], ['autocorrect-node', autocorrect]] as const) {
		try {
			peers.push(make());
		} catch (e) {
			missing.push({ name, reason: e instanceof Error ? e.message.split('\n')[0] : String(e) });
		}
	}
	return { peers, missing };
}
