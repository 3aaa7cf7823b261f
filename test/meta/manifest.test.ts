import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { catalog, LANGS, PSEUDO_RULES, rules } from '../../server/src/engine';
import { ROOT } from '../helpers/paths';
import { configSchema, nlsRuleEntries, packSchema, settingsRulesProperties, teamRulesSchema } from './manifest';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
const SYNC = 'run `npm run generate` to update it';

describe('manifest and metadata', () => {
	const pkg = read('package.json');

	it('the copydesk.rules setting lists every rule', () => {
		assert.deepEqual(pkg.contributes.configuration.properties['copydesk.rules'].properties, settingsRulesProperties(), SYNC);
	});

	it('the copydesk.json schema matches the registry', () => {
		assert.deepEqual(read('server/schemas/copydesk.schema.json'), configSchema(), SYNC);
		assert.deepEqual(read('server/schemas/copydesk-pack.schema.json'), packSchema(), SYNC);
		assert.deepEqual(read('server/schemas/copydesk-rules.schema.json'), teamRulesSchema(), SYNC);
	});

	it('package.nls files describe every rule in both languages', () => {
		for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']] as const) {
			const nls = read(file);
			for (const [k, v] of Object.entries(nlsRuleEntries(lang))) {
				assert.equal(nls[k], v, `${file} ${k}: ${SYNC}`);
			}
		}
	});

	it('every %key% in package.json exists in both package.nls files', () => {
		const keys = [...JSON.stringify(pkg).matchAll(/"%([^"%]+)%"/g)].map((m) => m[1]);
		assert.ok(keys.length > 10);
		for (const file of ['package.nls.json', 'package.nls.zh-cn.json']) {
			const nls = read(file);
			const missing = keys.filter((k) => !(k in nls));
			assert.deepEqual(missing, [], `${file} lacks keys`);
		}
		assert.deepEqual(Object.keys(read('package.nls.json')).sort(), Object.keys(read('package.nls.zh-cn.json')).sort());
	});

	it('the engine catalogs have the same keys in English and Chinese, none empty', () => {
		const [en, zh] = LANGS.map((l) => catalog(l));
		assert.deepEqual(Object.keys(zh).filter((k) => !(k in en)), [], 'keys only in zh-cn');
		assert.deepEqual(Object.keys(en).filter((k) => !(k in zh)), [], 'keys only in en');
		for (const c of [en, zh]) {
			assert.deepEqual(Object.entries(c).filter(([, v]) => !v.trim()).map(([k]) => k), []);
		}
	});

	it('placeholders agree between the languages', () => {
		const en = catalog('en');
		const zh = catalog('zh-cn');
		const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
		for (const k of Object.keys(en)) {
			assert.deepEqual(names(zh[k]), names(en[k]), `placeholders of ${k}`);
		}
	});

	it('every rule has both descriptions, a category and messages in both languages', () => {
		for (const r of rules) {
			assert.ok(r.meta.description.en && r.meta.description['zh-cn'], r.meta.id);
			assert.deepEqual(Object.keys(r.meta.messages.en).sort(), Object.keys(r.meta.messages['zh-cn']).sort(), `${r.meta.id} messages`);
			for (const [name, o] of Object.entries(r.meta.options ?? {})) {
				assert.ok(o.description.en && o.description['zh-cn'], `${r.meta.id}.${name} option descriptions`);
			}
		}
	});

	it('rule ids are kebab-case and the module file is named by the id', () => {
		const dir = path.join(ROOT, 'server', 'src', 'engine', 'rules');
		for (const r of rules) {
			assert.match(r.meta.id, /^[a-z]+(-[a-z]+)*$/);
			assert.ok(fs.existsSync(path.join(dir, `${r.meta.id}.ts`)), `rules/${r.meta.id}.ts`);
		}
	});

	it('every rule and input-problem id has a docs page with examples in both languages', () => {
		for (const id of [...rules.map((r) => r.meta.id), ...PSEUDO_RULES]) {
			const file = path.join(ROOT, 'docs', 'rules', `${id}.md`);
			assert.ok(fs.existsSync(file), `docs/rules/${id}.md`);
			const text = fs.readFileSync(file, 'utf8');
			assert.match(text, new RegExp(`^# ${id}\\b`, 'm'), `${id}: title`);
			assert.match(text, /\p{Script=Han}/u, `${id}: Chinese text`);
		}
	});

	it('engines.vscode accepts VS Code 1.100 (code-server 4.100.3)', () => {
		assert.equal(pkg.engines.vscode, '^1.100.0');
		assert.match(read('node_modules/@types/vscode/package.json').version, /^1\.100\./, '@types/vscode must not be newer than engines.vscode');
	});

	it('the interface bundle for the client has the same keys as the English strings in the source', () => {
		const dir = path.join(ROOT, 'client', 'src');
		const src = fs.readdirSync(dir).filter((f) => f.endsWith('.ts')).map((f) => fs.readFileSync(path.join(dir, f), 'utf8')).join('\n');
		const used = [...src.matchAll(/l10n\.t\('([^']+)'/g)].map((m) => m[1]);
		const bundle = read('client/l10n/bundle.l10n.zh-cn.json');
		assert.deepEqual(used.filter((k) => !(k in bundle)), [], 'strings missing from client/l10n/bundle.l10n.zh-cn.json');
	});
});
