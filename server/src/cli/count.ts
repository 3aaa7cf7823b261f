/** `copydesk count`: every post and field as each platform counts it, through the one limit model. */
import * as path from 'node:path';
import {
	canonicalPlatformId, countLabel, limitSeverity, limitState, lint, measureRaw, msg, platformName, profileFor, recommendedOf,
	type FieldCount, type LimitState, type PlatformProfile, type Severity,
} from '../engine';
import { decodeText, DEFAULT_MAX_DRAFT_BYTES, readRegularFile } from '../node/files';
import { findConfigFile, loadConfig, matchesDrafts } from '../node/workspace';
import { checkPlatformArg, chooseFormat, IoError, parse, rel, UsageError } from './common';
import { formatsHelp, type OutputFormat } from './formats';
import type { Io } from './io';

interface CountRow {
	file: string;
	post: number;
	platform: string;
	field: string;
	count: number;
	/** The hard limit, and the recommended length below it where the platform has one (engine/limits.ts). */
	limit: number | null;
	recommended: number | null;
	state: LimitState;
	/** Within the hard limits. */
	valid: boolean;
	/** platform-limit's severity for this count, as `check` would report it (null: fits). */
	severity: Severity | null;
	overflowOffset: number | null;
}

/** What `count` prints: the rows, each count's label ("37/32 (max 64)"), the platforms by id. */
interface CountOutput {
	rows: readonly CountRow[];
	labels: readonly string[];
	platforms: Readonly<Record<string, PlatformProfile>>;
}

/** The formats of `count` (its own: counts, not findings), the default first. */
export const COUNT_FORMATS: readonly OutputFormat<CountOutput>[] = [
	{
		name: 'text',
		description: 'format.count.text',
		render: ({ rows, labels, platforms }) => {
			const lang = msg('field.body') === 'body' ? 'en' : 'zh-cn';
			const lines = rows.map((r, i) => {
				const name = platformName(platforms[r.platform], lang);
				const status = r.state === 'over' ? msg('cli.count.over') : r.state === 'over-recommended' ? msg('cli.count.overRecommended') : msg('cli.count.ok');
				return `${rows.some((x) => x.post > 1) ? `#${r.post} ` : ''}${name} ${msg(`field.${r.field}`)}: ${labels[i]} ${status}`;
			});
			return lines.length ? lines.join('\n') : undefined;
		},
	},
	{ name: 'json', description: 'format.count.json', render: ({ rows }) => JSON.stringify({ counts: rows }, null, 2) },
];

export function cmdCount(args: string[], io: Io): number {
	const { values, positionals } = parse(args, { raw: { type: 'boolean' } });
	if (values.help) {
		io.stdout(msg('cli.help.count', { formats: formatsHelp(COUNT_FORMATS, 25) }));
		return 0;
	}
	const format = chooseFormat(values.format, COUNT_FORMATS);
	if (positionals.length > 1) {
		throw new UsageError(msg('cli.oneInput'));
	}
	const input = positionals[0] ?? '-';
	const file = input === '-' ? path.join(io.cwd, '(stdin)') : path.resolve(io.cwd, input);
	let text: string;
	if (input === '-') {
		text = io.readStdin();
	} else {
		const r = readRegularFile(file, DEFAULT_MAX_DRAFT_BYTES);
		if (!r.ok) {
			throw new IoError(msg(r.reason === 'notFile' ? 'cli.notRegular' : 'cli.unreadableFile', { file: input, detail: r.reason === 'tooLarge' ? `> ${r.max} B` : r.detail }));
		}
		text = decodeText(r.bytes).text;
	}
	const configFile = values.config ? path.resolve(io.cwd, values.config as string) : findConfigFile(path.dirname(file));
	const loaded = loadConfig(configFile, path.dirname(file), { after: values.platform ? [{ origin: '--platform', defaultPlatform: values.platform as string }] : [] });
	checkPlatformArg(values.platform as string | undefined, loaded.config);
	const platform = values.platform as string | undefined;
	const rows: CountRow[] = [];
	const labels: string[] = [];
	// The one limit model (engine/limits.ts): the same judgment, display and severity as `check`.
	const configured = loaded.config.rules['platform-limit']?.severity;
	const row = (post: number, platform: string, c: FieldCount): CountRow => {
		const state = limitState(c);
		labels.push(countLabel(c));
		return {
			file: input === '-' ? '-' : rel(io, file), post, platform, field: c.field,
			count: c.count, limit: c.limit ?? null, recommended: recommendedOf(c) ?? null, state, valid: state !== 'over',
			severity: limitSeverity(state, configured) ?? null, overflowOffset: c.overflowAt ?? null,
		};
	};
	if (values.raw) {
		const id = platform ?? loaded.config.defaultPlatform;
		if (!id) {
			throw new UsageError(msg('cli.rawNeedsPlatform'));
		}
		const canon = canonicalPlatformId(id, loaded.config.platforms)!;
		// As given, but for the one line break a shell or an editor ends the input with.
		rows.push(row(1, canon, measureRaw(text.replace(/\r?\n$/, ''), profileFor(loaded.config, canon))));
	} else {
		const config = platform ? { ...loaded.config, defaultPlatform: canonicalPlatformId(platform, loaded.config.platforms) } : loaded.config;
		const result = lint({ text, config, matchedDraftGlob: !!platform || matchesDrafts(loaded, file), only: [] });
		if (!result.isDraft || !result.targets.length) {
			throw new UsageError(msg('cli.notDraft', { file: input }));
		}
		for (const t of result.targets) {
			for (const c of t.counts) {
				rows.push(row(t.post.index + 1, t.platform.id, c));
			}
		}
	}
	const out = format.render({ rows, labels, platforms: loaded.config.platforms });
	if (out !== undefined) {
		io.stdout(out);
	}
	// As `check` exits: 1 when a count is an error (past a hard limit, with platform-limit at its default severity).
	return rows.some((r) => r.severity === 'error') ? 1 : 0;
}
