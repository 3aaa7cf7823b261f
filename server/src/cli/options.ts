/**
 * The options of `copydesk check` that take a value to read: sizes, thread counts, fix kinds, rule
 * ids. A value that cannot be read is a UsageError naming the option (exit code 2, with the usage hint).
 */
import { FIX_KINDS, isTeamRuleId, msg, ruleById, rules as allRules, type FixKind } from '../engine';
import { defaultJobs } from '../node/pool';

/** A mistake in the command line: reported with the usage hint, exit code 2. */
export class UsageError extends Error { }


/** `--max-file-size`, `--max-post-size`: bytes, or with a k or m suffix (KiB, MiB); a whole number > 0. */
export function parseSize(value: unknown): number | undefined {
	const m = /^(\d+)([km]?)b?$/i.exec(String(value).trim());
	const n = m ? Number(m[1]) * (m[2].toLowerCase() === 'k' ? 1024 : m[2].toLowerCase() === 'm' ? 1024 * 1024 : 1) : NaN;
	return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}

/**
 * `--jobs N`: threads to lint on, a whole number ≥ 1. The output is the same for every N; without
 * --jobs one thread per core on machines of more than two cores (defaultJobs), and a run with little
 * text stays on one thread (starting a worker costs more than it saves); with it N threads are used
 * whenever there is work enough. Fixing (`--fix`, `--dry-run`) runs on the main thread after the check.
 */
export function parseJobs(value: unknown): number | undefined {
	const n = Number(value);
	return /^\d+$/.test(String(value)) && Number.isSafeInteger(n) && n >= 1 ? n : undefined;
}

/** `--max-file-size`, `--max-post-size`: bytes, or with a k/m suffix (KiB, MiB). */
export function sizeOption(value: unknown, option = '--max-file-size'): number | undefined {
	return numberOption(value, option, parseSize);
}

/** A numeric option's value, or a usage error naming it. */
function numberOption<T>(value: unknown, option: string, read: (v: unknown) => T | undefined): T | undefined {
	const n = value === undefined ? undefined : read(value);
	if (value !== undefined && n === undefined) {
		throw new UsageError(msg('cli.badNumber', { option, value: String(value) }));
	}
	return n;
}

/** `--jobs N` (parseJobs); when not given, defaultJobs(): one per core with more than two cores, else one. */
export function jobsOption(value: unknown): { jobs: number; explicit: boolean } {
	return { jobs: numberOption(value, '--jobs', parseJobs) ?? defaultJobs(), explicit: value !== undefined };
}

/** `--fix-type a,b`: the kinds of fix to apply (typography and syntax when not given). */
export function fixKindsOption(value: unknown): FixKind[] | undefined {
	if (value === undefined) {
		return undefined;
	}
	const parts = String(value).split(',').map((x) => x.trim().toLowerCase()).filter(Boolean);
	const bad = parts.find((x) => !(FIX_KINDS as readonly string[]).includes(x)) ?? (parts.length ? undefined : String(value));
	if (bad !== undefined) {
		throw new UsageError(msg('cli.badFixType', { value: bad, allowed: FIX_KINDS.join(', ') }));
	}
	return parts as FixKind[];
}

/** `--rule a,b` (repeatable): rule ids that exist. */
export function rulesOption(value: unknown): Set<string> | undefined {
	if (value === undefined) {
		return undefined;
	}
	const ids = (Array.isArray(value) ? value : [value]).flatMap((v) => String(v).split(',')).map((x) => x.trim()).filter(Boolean);
	for (const id of ids.length ? ids : ['']) {
		if (!ruleById(id) && !isTeamRuleId(id)) { // a team rule (`team/…`, `<pack>/…`) is a rule of the configuration
			throw new UsageError(msg('cli.badRule', { id, known: allRules.map((r) => r.meta.id).join(', ') }));
		}
	}
	return new Set(ids);
}
