/** What the commands share: usage and I/O errors, option parsing, paths as printed, config rows, inputs, output files. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { builtinPlatforms, canonicalPlatformId, msg, type ResolvedConfig } from '../engine';
import { ConfigCache, lintPaths } from '../node/campaign';
import { writeFileAtomic } from '../node/files';
import { unreadableIgnoreFiles } from '../node/workspace';
import { formatNamed, formatNames, type OutputFormat, type Row } from './formats';
import { sizeOption, UsageError } from './options';
import { toRows } from './rows';
import type { Io } from './io';

export { UsageError } from './options';

/** A file that cannot be read or written: reported without the usage hint, exit code 2. */
export class IoError extends Error { }

const COMMON: ParseArgsConfig['options'] = {
	help: { type: 'boolean', short: 'h' },
	lang: { type: 'string' },
	config: { type: 'string', short: 'c' },
	platform: { type: 'string', short: 'p' },
	format: { type: 'string', short: 'f' },
};

export function parse(args: string[], extra: ParseArgsConfig['options'] = {}) {
	try {
		return parseArgs({ args, options: { ...COMMON, ...extra }, allowPositionals: true, strict: true });
	} catch (e) {
		throw new UsageError(e instanceof Error ? e.message : String(e));
	}
}

/** The --format value, checked against what the command can print; the first allowed one is the default. */
export function formatOption(value: unknown, allowed: readonly string[]): string {
	const format = typeof value === 'string' ? value : allowed[0];
	if (!allowed.includes(format)) {
		throw new UsageError(msg('cli.badFormat', { format, allowed: allowed.join(', ') }));
	}
	return format;
}

/** The --format value as a format of the registry (cli/formats/): unknown names are a usage error naming the list. */
export function chooseFormat<In>(value: unknown, list: readonly OutputFormat<In>[]): OutputFormat<In> {
	const name = typeof value === 'string' ? value : list[0].name;
	const format = formatNamed(list, name);
	if (!format) {
		throw new UsageError(msg('cli.badFormat', { format: name, allowed: formatNames(list) }));
	}
	return format;
}

export function rel(io: Io, file: string): string {
	const r = path.relative(io.cwd, file);
	return (r.startsWith('..') ? file : r).split(path.sep).join('/');
}

/** Config problems as rows (they also make the exit code 2 when they are errors). */
export function configRows(io: Io, configs: ConfigCache): Row[] {
	const rows: Row[] = [];
	for (const l of configs.all()) {
		for (const f of l.files) {
			rows.push(...toRows(rel(io, f.file), f.text, f.problems.map((p) => ({ rule: 'config', severity: p.severity ?? 'error', message: p.message, start: p.start, end: p.end }))));
		}
	}
	return rows;
}

export function checkPlatformArg(id: string | undefined, config: ResolvedConfig = { platforms: builtinPlatforms() } as ResolvedConfig): void {
	if (id && !canonicalPlatformId(id, config.platforms)) {
		throw new UsageError(msg('platform.unknown', { id, known: Object.keys(config.platforms).join(', ') }));
	}
}

/** Options and paths shared by `check` and `report`: the config, the platform, the files. */
export function resolveInputs(io: Io, values: Record<string, unknown>, positionals: string[], variants: 'all' | 'compared' = 'all', jobs = { jobs: 1, explicit: false }) {
	const configFile = values.config ? path.resolve(io.cwd, values.config as string) : undefined;
	if (configFile && !fs.existsSync(configFile)) {
		throw new UsageError(msg('cli.noConfig', { file: values.config as string }));
	}
	checkPlatformArg(values.platform as string | undefined);
	const configs = new ConfigCache(io.cwd, configFile, values.platform as string | undefined);
	const pool = jobs.jobs > 1 ? { jobs: jobs.jobs, config: { cwd: io.cwd, explicit: configFile, platform: values.platform as string | undefined }, ...(jobs.explicit ? { minChars: 0 } : {}) } : undefined;
	const maxPostBytes = sizeOption(values['max-post-size'], '--max-post-size');
	const campaign = lintPaths(positionals, { cwd: io.cwd, configs, forcePlatform: !!values.platform, maxBytes: sizeOption(values['max-file-size']), variants, pool, maxPostBytes });
	if (campaign.unmatched.length) {
		throw new UsageError(msg('cli.noMatch', { paths: campaign.unmatched.join(', ') }));
	}
	// Nothing passes silently: every file or folder that could not be read is an I/O error, and the run fails (exit 2).
	for (const f of campaign.unreadable) {
		io.stderr(`copydesk: ${msg(f.folder ? 'cli.unreadableFolder' : 'cli.unreadableFile', { file: rel(io, f.file), detail: f.detail })}`);
	}
	// A .copydeskignore that cannot be read (a link to a device, too large) ignores nothing: said, not hidden.
	for (const u of unreadableIgnoreFiles()) {
		io.stderr(`copydesk: ${u}`);
	}
	return { configs, campaign };
}


/** Exit code 2 for what made the run incomplete: unreadable files or folders, rules that failed. Says why on stderr. */
export function incompleteRun(io: Io, campaign: ReturnType<typeof lintPaths>): boolean {
	let bad = false;
	if (campaign.unreadable.length) {
		io.stderr(msg('cli.readFailures', { count: campaign.unreadable.length }));
		bad = true;
	}
	if (campaign.files.some((f) => f.result.findings.some((x) => x.internal))) {
		io.stderr(msg('cli.internalErrors'));
		bad = true;
	}
	return bad;
}

/**
 * Writes (or appends to) a file the user named with --output or --summary. A written file is
 * replaced atomically (a temporary file renamed over it); a file that cannot be written is an
 * I/O error of this run (exit 2), named in the message, and is left as it was.
 */
export function writeOutput(io: Io, name: string, text: string, how: 'write' | 'append'): void {
	const target = path.resolve(io.cwd, name);
	try {
		if (how === 'append') {
			// A job summary file collects every step's output: appended to, never replaced.
			fs.appendFileSync(target, text);
		} else {
			(io.writeFile ?? ((file: string, data: Uint8Array) => writeFileAtomic(file, data)))(target, Buffer.from(text, 'utf8'));
		}
	} catch (e) {
		throw new IoError(msg('cli.writeFailed', { file: name, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
	}
}
