/**
 * Every derived file and what it must hold, computed in memory from the registries: the settings schema in
 * package.json, server/schemas/*.json and package.nls*.json (from the rule registry and the platform table,
 * test/meta/manifest.ts), and the README tables between `<!-- generated:NAME -->` … `<!-- /generated:NAME -->`
 * markers (rules from rule metadata, platforms from data/platforms.json, output formats from cli/formats/).
 * `npm run generate` (test/meta/generate.ts) writes them; test/meta/generate.test.ts fails when one drifts.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COUNT_FORMATS } from '../../server/src/cli/count';
import { CHECK_FORMATS, REPORT_FORMATS, type OutputFormat } from '../../server/src/cli/formats';
import { PLATFORMS_FORMATS } from '../../server/src/cli/platforms';
import { builtinPlatforms, catalog, limitLabel, msg, PSEUDO_RULES, rules, setLanguage, type PlatformProfile } from '../../server/src/engine';
import { sourceOf } from '../../server/src/engine/platforms';
import { configSchema, nlsRuleEntries, packSchema, settingsRulesProperties, teamRulesSchema } from './manifest';

export const ROOT = path.resolve(__dirname, '..', '..');

const read = (f: string) => fs.readFileSync(path.join(ROOT, f), 'utf8');
const json = (v: unknown) => JSON.stringify(v, null, 2) + '\n';

/** Markdown table cells: no line breaks, `|` escaped. */
const cell = (s: string) => s.replace(/\r?\n/g, ' ').replace(/\|/g, '\\|');

/** The rules table: every rule (and the input checks) with its docs page, default severity, whether it fixes, its description. */
export function rulesTable(): string {
	const en = catalog('en');
	const rows = rules.map((r) => `| [\`${r.meta.id}\`](docs/rules/${r.meta.id}.md) | ${r.meta.defaultSeverity} | ${r.meta.fixable ? 'yes' : ''} | ${cell(r.meta.description.en)} |`);
	const pseudo = PSEUDO_RULES.filter((id) => `pseudo.${id}` in en).map((id) => `| [\`${id}\`](docs/rules/${id}.md) | error | | ${cell(en[`pseudo.${id}`])} |`);
	return ['| Rule | Default | Fixes | What it checks |', '|---|---|---|---|', ...rows, ...pseudo].join('\n');
}

/** The line of a platform's entry in data/platforms.json, for a link to it. */
function entryLine(id: string): number {
	const lines = read('server/src/engine/data/platforms.json').split('\n');
	return lines.findIndex((l) => l.startsWith(`    "${id}": {`)) + 1;
}

const FIELDS = ['body', 'title', 'digest', 'author'] as const;

function limitsOf(p: PlatformProfile): string {
	const fields = FIELDS.filter((f) => p[f]).map((f) => {
		const s = p[f]!;
		const uncertain = sourceOf(p, `${f}.limit`)?.confidence === 'uncertain' ? ' (uncertain)' : '';
		return `${f} ${limitLabel(s)}${s.byteLimit ? ` and ${s.byteLimit} bytes` : ''}${s.fold ? `, folds at ${s.fold}` : ''}${uncertain}`;
	});
	const modes = Object.entries(p.modes ?? {}).map(([m, spec]) => `\`mode: ${m}\`: ${FIELDS.filter((f) => spec[f]).map((f) => `${f} ${limitLabel(spec[f]!)}${spec[f]!.fold ? `, folds at ${spec[f]!.fold}` : ''}`).join(', ')}`);
	const extra = [p.maxLinks !== undefined ? `at most ${p.maxLinks} link(s)` : '', p.maxHashtags !== undefined ? `at most ${p.maxHashtags} hashtag(s)` : ''].filter(Boolean);
	return [...fields, ...modes, ...extra].join('; ');
}

function countingOf(p: PlatformProfile): string {
	return [
		msg(`unit.${p.unit}`),
		p.url !== undefined ? `a link ${p.url}` : '',
		p.emoji === 'utf8' ? 'an emoji its UTF-8 bytes' : '',
		p.mention === 'local' ? '`@user@host` counts `@user`' : '',
	].filter(Boolean).join('; ');
}

/** The platforms table: each built-in platform, linked to its entry in data/platforms.json. */
export function platformsTable(): string {
	setLanguage('en');
	const rows = Object.values(builtinPlatforms()).map((p) =>
		`| [\`${p.id}\`](server/src/engine/data/platforms.json#L${entryLine(p.id)}) | ${p.name['zh-cn'] === p.name.en ? p.name.en : `${p.name['zh-cn']} ${p.name.en}`} | ${cell(limitsOf(p))} | ${cell(countingOf(p))} |`);
	return ['| id | Platform | Limits | Counting |', '|---|---|---|---|', ...rows].join('\n');
}

/** The output formats: each linked to its module, with the commands that take it and its description. */
export function formatsTable(): string {
	setLanguage('en');
	const as = <In>(list: readonly OutputFormat<In>[]) => list as readonly OutputFormat<unknown>[];
	const lists: [string, readonly OutputFormat<unknown>[], (name: string) => string][] = [
		['check, pack validate', as(CHECK_FORMATS), (name) => `server/src/cli/formats/${name}.ts`],
		['report', as(REPORT_FORMATS), (name) => `server/src/cli/formats/${name}.ts`],
		['count', as(COUNT_FORMATS), () => 'server/src/cli/count.ts'],
		['platforms', as(PLATFORMS_FORMATS), () => 'server/src/cli/platforms.ts'],
	];
	const rows = lists.flatMap(([cmds, list, link]) => list.map((f, i) =>
		`| [\`${f.name}\`](${link(f.name)}) | ${cmds}${i === 0 ? ' (default)' : ''} | ${cell(msg(f.description))} |`));
	return ['| `--format` | Commands | What it writes |', '|---|---|---|', ...rows].join('\n');
}

/** `text` with the part between `<!-- generated:name -->` and `<!-- /generated:name -->` replaced by `body`. */
export function replaceBetweenMarkers(text: string, name: string, body: string, file: string): string {
	const open = `<!-- generated:${name} -->`;
	const close = `<!-- /generated:${name} -->`;
	const a = text.indexOf(open);
	const b = text.indexOf(close);
	if (a < 0 || b < a) {
		throw new Error(`${file}: the markers ${open} … ${close} are missing`);
	}
	return `${text.slice(0, a + open.length)}\n${body}\n${text.slice(b)}`;
}

/** Every derived file (path relative to the root) with the text generate writes. */
export function derivedFiles(): Map<string, string> {
	const out = new Map<string, string>();
	const pkg = JSON.parse(read('package.json'));
	pkg.contributes.configuration.properties['copydesk.rules'].properties = settingsRulesProperties();
	out.set('package.json', json(pkg));
	out.set('server/schemas/copydesk.schema.json', json(configSchema()));
	out.set('server/schemas/copydesk-pack.schema.json', json(packSchema()));
	out.set('server/schemas/copydesk-rules.schema.json', json(teamRulesSchema()));
	for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']] as const) {
		const nls = JSON.parse(read(file));
		for (const k of Object.keys(nls)) {
			if (k.startsWith('rule.')) {
				delete nls[k];
			}
		}
		out.set(file, json({ ...nls, ...nlsRuleEntries(lang) }));
	}
	let readme = read('README.md');
	readme = replaceBetweenMarkers(readme, 'rules', rulesTable(), 'README.md');
	readme = replaceBetweenMarkers(readme, 'platforms', platformsTable(), 'README.md');
	readme = replaceBetweenMarkers(readme, 'formats', formatsTable(), 'README.md');
	out.set('README.md', readme);
	return out;
}
