/** `copydesk platforms`: every platform profile with its limits, unit and sources. */
import * as path from 'node:path';
import { limitLabel, msg, platformName } from '../engine';
import { findConfigFile, loadConfig } from '../node/workspace';
import { formatOption, parse } from './common';
import type { Io } from './io';

export function cmdPlatforms(args: string[], io: Io): number {
	const { values } = parse(args);
	if (values.help) {
		io.stdout(msg('cli.help.platforms'));
		return 0;
	}
	const format = formatOption(values.format, ['text', 'json']);
	const configFile = values.config ? path.resolve(io.cwd, values.config as string) : findConfigFile(io.cwd);
	const loaded = loadConfig(configFile, io.cwd);
	const ps = Object.values(loaded.config.platforms);
	if (format === 'json') {
		io.stdout(JSON.stringify({ platforms: ps }, null, 2));
		return 0;
	}
	const lang = msg('field.body') === 'body' ? 'en' : 'zh-cn';
	for (const p of ps) {
		const fields = (['body', 'title', 'digest', 'author'] as const).filter((f) => p[f]).map((f) => {
			const s = p[f]!;
			const lim = limitLabel(s);
			return `${msg(`field.${f}`)} ${lim}${s.fold ? ` (${msg('cli.fold', { fold: s.fold })})` : ''}${s.byteLimit ? ` + ${s.byteLimit} B` : ''}`;
		});
		io.stdout(`${p.id.padEnd(12)} ${platformName(p, lang)}${p.custom ? ` (${msg('cli.custom')})` : ''}`);
		io.stdout(`  ${fields.join(' · ')} · ${msg(`unit.${p.unit}`)}${p.url !== undefined ? ` · URL ${p.url}` : ''}`);
		for (const [k, s] of Object.entries(p.sources)) {
			io.stdout(`  ${k}: ${s.source} [${msg(`confidence.${s.confidence}`)}]`);
		}
		io.stdout('');
	}
	return 0;
}
