/** `copydesk platforms`: every platform profile with its limits, unit and sources. */
import * as path from 'node:path';
import { limitLabel, msg, platformName, type PlatformProfile } from '../engine';
import { findConfigFile, loadConfig } from '../node/workspace';
import { chooseFormat, parse } from './common';
import { formatsHelp, type OutputFormat } from './formats';
import type { Io } from './io';

/** The profiles as text: a heading line, the limits and unit, then each number's source. */
function platformsText(ps: readonly PlatformProfile[]): string {
	const lang = msg('field.body') === 'body' ? 'en' : 'zh-cn';
	const out: string[] = [];
	for (const p of ps) {
		const fields = (['body', 'title', 'digest', 'author'] as const).filter((f) => p[f]).map((f) => {
			const s = p[f]!;
			const lim = limitLabel(s);
			return `${msg(`field.${f}`)} ${lim}${s.fold ? ` (${msg('cli.fold', { fold: s.fold })})` : ''}${s.byteLimit ? ` + ${s.byteLimit} B` : ''}`;
		});
		out.push(`${p.id.padEnd(12)} ${platformName(p, lang)}${p.custom ? ` (${msg('cli.custom')})` : ''}`);
		out.push(`  ${fields.join(' · ')} · ${msg(`unit.${p.unit}`)}${p.url !== undefined ? ` · URL ${p.url}` : ''}`);
		for (const [k, s] of Object.entries(p.sources)) {
			out.push(`  ${k}: ${s.source} [${msg(`confidence.${s.confidence}`)}]`);
		}
		out.push('');
	}
	return out.join('\n');
}

/** The formats of `platforms` (its own: profiles), the default first. */
export const PLATFORMS_FORMATS: readonly OutputFormat<readonly PlatformProfile[]>[] = [
	{ name: 'text', description: 'format.platforms.text', render: platformsText },
	{ name: 'json', description: 'format.platforms.json', render: (ps) => JSON.stringify({ platforms: ps }, null, 2) },
];

export function cmdPlatforms(args: string[], io: Io): number {
	const { values } = parse(args);
	if (values.help) {
		io.stdout(msg('cli.help.platforms', { formats: formatsHelp(PLATFORMS_FORMATS, 2) }));
		return 0;
	}
	const format = chooseFormat(values.format, PLATFORMS_FORMATS);
	const configFile = values.config ? path.resolve(io.cwd, values.config as string) : findConfigFile(io.cwd);
	const loaded = loadConfig(configFile, io.cwd);
	io.stdout(format.render(Object.values(loaded.config.platforms))!);
	return 0;
}
