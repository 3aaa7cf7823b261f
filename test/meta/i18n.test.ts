/**
 * Every user-facing string exists in English and Simplified Chinese. The catalogs' own
 * consistency is checked in manifest.test.ts; this file checks the code that uses them:
 * every key a source file asks for exists in both languages, no prose is hard-coded in
 * TypeScript past the catalogs, and the CLI really prints each language.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ts from 'typescript';
import { catalog, rules } from '../../server/src/engine';
import * as protocol from '../../server/src/shared/protocol';
import { ensureBundles } from '../helpers/cli';
import { CLI_BUNDLE, ROOT } from '../helpers/paths';

function sources(dir: string): string[] {
	const out: string[] = [];
	for (const e of fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true })) {
		const rel = path.join(dir, e.name);
		if (e.isDirectory()) {
			out.push(...sources(rel));
		} else if (e.name.endsWith('.ts')) {
			out.push(rel);
		}
	}
	return out;
}

interface Call {
	file: string;
	line: number;
	callee: string;
	/** The first argument: a string literal's text, or the static head of a template. */
	key?: string;
	dynamic: boolean;
}

function parse(file: string): ts.SourceFile {
	return ts.createSourceFile(file, fs.readFileSync(path.join(ROOT, file), 'utf8'), ts.ScriptTarget.Latest, true);
}

/** Calls of the given functions (matched on the callee's last name) and their first argument. */
function callsOf(file: string, names: ReadonlySet<string>): Call[] {
	const sf = parse(file);
	const out: Call[] = [];
	const visit = (n: ts.Node): void => {
		if (ts.isCallExpression(n)) {
			const callee = n.expression.getText(sf);
			if ([...names].some((name) => callee === name || callee.endsWith(`.${name}`))) {
				const a = n.arguments[0];
				const line = sf.getLineAndCharacterOfPosition(n.getStart()).line + 1;
				if (a && (ts.isStringLiteral(a) || ts.isNoSubstitutionTemplateLiteral(a))) {
					out.push({ file, line, callee, key: a.text, dynamic: false });
				} else if (a && ts.isTemplateExpression(a)) {
					out.push({ file, line, callee, key: a.head.text, dynamic: true });
				} else {
					out.push({ file, line, callee, dynamic: true });
				}
			}
		}
		ts.forEachChild(n, visit);
	};
	visit(sf);
	return out;
}

const CLIENT = sources('client/src');
const SERVER = sources('server/src');

describe('interface strings: every key used exists in both languages', () => {
	it('client: every vscode.l10n.t() is a literal in the Chinese bundle, and the bundle has nothing unused', () => {
		const bundle = JSON.parse(fs.readFileSync(path.join(ROOT, 'client/l10n/bundle.l10n.zh-cn.json'), 'utf8')) as Record<string, string>;
		const calls = CLIENT.flatMap((f) => callsOf(f, new Set(['l10n.t'])));
		assert.ok(calls.length >= 10, 'the scanner finds the calls');
		assert.deepEqual(calls.filter((c) => c.dynamic).map((c) => `${c.file}:${c.line}`), [], 'l10n.t needs a literal message');
		const used = new Set(calls.map((c) => c.key!));
		assert.deepEqual([...used].filter((k) => !(k in bundle)), [], 'missing from bundle.l10n.zh-cn.json');
		assert.deepEqual(Object.keys(bundle).filter((k) => !used.has(k)), [], 'unused in bundle.l10n.zh-cn.json');
		const holes = (s: string) => [...s.matchAll(/\{(\d+)\}/g)].map((m) => m[1]).sort();
		for (const k of used) {
			assert.deepEqual(holes(bundle[k]), holes(k), `placeholders of "${k}"`);
			assert.match(bundle[k], /\p{Script=Han}/u, `"${k}" is translated`);
		}
	});

	it('server and CLI: every msg() key exists in en and zh-cn; dynamic keys have a known prefix', () => {
		const [en, zh] = [catalog('en'), catalog('zh-cn')];
		const calls = SERVER.filter((f) => !f.includes(`${path.sep}rules${path.sep}`)).flatMap((f) => callsOf(f, new Set(['msg'])));
		assert.ok(calls.length >= 50, 'the scanner finds the calls');
		const problems: string[] = [];
		for (const c of calls) {
			if (c.key === undefined) {
				// msg(key) with a variable: the engine's own plumbing (front matter problems carry their keys).
				continue;
			}
			const ok = c.dynamic ? Object.keys(en).some((k) => k.startsWith(c.key!)) && Object.keys(zh).some((k) => k.startsWith(c.key!)) : c.key in en && c.key in zh;
			if (!ok) {
				problems.push(`${c.file}:${c.line} ${c.key}${c.dynamic ? '…' : ''}`);
			}
		}
		assert.deepEqual(problems, []);
	});

	it('dynamic keys resolve for every value they are built from', () => {
		const en = catalog('en');
		for (const prefix of ['severity.', 'field.', 'unit.', 'confidence.', 'cat.']) {
			assert.ok(Object.keys(en).some((k) => k.startsWith(prefix)), prefix);
		}
		for (const s of ['error', 'warning', 'info', 'hint']) {
			assert.ok(`severity.${s}` in en && `severity.${s}` in catalog('zh-cn'), s);
		}
	});

	it('rules: every ctx.t() key is in the rule\'s messages in both languages', () => {
		for (const r of rules) {
			// The rule's module, and the folder of the same name its parts live in when it is split (zh-punctuation/).
			const dir = `server/src/engine/rules/${r.meta.id}`;
			const files = [`${dir}.ts`, ...(fs.existsSync(path.join(ROOT, dir)) ? fs.readdirSync(path.join(ROOT, dir)).filter((f) => f.endsWith('.ts')).map((f) => `${dir}/${f}`) : [])];
			for (const file of files) {
				for (const c of callsOf(file, new Set(['ctx.t']))) {
					assert.ok(!c.dynamic, `${file}:${c.line} needs a literal key`);
					assert.ok(c.key! in r.meta.messages.en && c.key! in r.meta.messages['zh-cn'], `${file}:${c.line} ${c.key}`);
				}
			}
		}
	});
});

/**
 * Prose hard-coded in TypeScript: a string of two or more words, or with Chinese in it,
 * that does not go through a catalog. Allowed: the catalogs' own calls, log and error
 * messages for developers (console, connection.console, new Error), import paths, rule
 * metadata (per-language objects checked in manifest.test.ts), and lines marked
 * `// i18n-exempt: <why>`.
 */
describe('interface strings: nothing user-facing is hard-coded', () => {
	const PROSE = /(?:[A-Za-z]{2,}[,.:;!?']?\s+){2,}[A-Za-z]{2,}|\p{Script=Han}/u;
	const CODEISH = /[{};=<>$]|--|^\s*[.#@]|\/\*|\b(?:var|const|return)\b|^[a-z-]+:/;
	const CATALOG_CALLS = new Set(['msg', 't', 'l10n.t', 'vscode.l10n.t', 'ctx.t']);

	function offending(file: string): string[] {
		const sf = parse(file);
		const text = sf.getFullText();
		const lines = text.split('\n');
		const out: string[] = [];
		const exempt = (line: number) => /i18n-exempt:\s*\S/.test(lines[line] ?? '') || /i18n-exempt:\s*\S/.test(lines[line - 1] ?? '');
		const allowedParent = (n: ts.Node): boolean => {
			for (let p: ts.Node | undefined = n.parent; p; p = p.parent) {
				if (ts.isCallExpression(p)) {
					const callee = p.expression.getText(sf);
					const last = callee.split('.').pop()!;
					if (CATALOG_CALLS.has(callee) || CATALOG_CALLS.has(last) || /(^|\.)console\./.test(callee)) {
						return true;
					}
				}
				if (ts.isNewExpression(p) && /Error$/.test(p.expression.getText(sf))) {
					return true;
				}
				if (ts.isImportDeclaration(p) || ts.isExportDeclaration(p)) {
					return true;
				}
				// Per-language objects ({ en: '…', 'zh-cn': '…' }) are catalogs.
				if (ts.isPropertyAssignment(p) && ['en', "'zh-cn'", 'zh-cn', '"zh-cn"'].includes(p.name.getText(sf))) {
					return true;
				}
			}
			return false;
		};
		const visit = (n: ts.Node): void => {
			let value: string | undefined;
			if (ts.isStringLiteral(n) || ts.isNoSubstitutionTemplateLiteral(n)) {
				value = n.text;
			} else if (ts.isTemplateExpression(n)) {
				value = [n.head.text, ...n.templateSpans.map((s) => s.literal.text)].join(' ');
			}
			// Property names ({ '微博': 'weibo' }) are keys, not text.
			const isKey = !!n.parent && (ts.isPropertyAssignment(n.parent) || ts.isElementAccessExpression(n.parent)) && (n.parent as ts.PropertyAssignment).name === n;
			if (value !== undefined && !isKey && PROSE.test(value) && !CODEISH.test(value) && !allowedParent(n)) {
				const line = sf.getLineAndCharacterOfPosition(n.getStart()).line;
				if (!exempt(line)) {
					out.push(`${file}:${line + 1}: ${value.slice(0, 60)}`);
				}
			}
			if (!ts.isTemplateExpression(n)) {
				ts.forEachChild(n, visit);
			}
		};
		visit(sf);
		return out;
	}

	it('the scanner catches a hard-coded message', () => {
		const probe = path.join('test', 'meta', '.i18n-probe.ts');
		fs.writeFileSync(path.join(ROOT, probe), "window.showWarningMessage('Open a draft first please');\nconst ok = msg('cli.clean');\nconsole.log('dev only message here');\nthrow new Error('for developers only here');\n");
		try {
			assert.deepEqual(offending(probe).map((s) => s.split(': ')[0]), [`${probe}:1`]);
		} finally {
			fs.rmSync(path.join(ROOT, probe));
		}
	});

	it('client and server sources', () => {
		const files = [...CLIENT, ...SERVER].filter((f) => !f.includes(`${path.sep}l10n${path.sep}`));
		assert.deepEqual(files.flatMap(offending), []);
	});
});

describe('the CLI prints the interface language', function () {
	this.timeout(30000);
	before(() => ensureBundles());
	const run = (args: string[], env: Record<string, string>) => spawnSync(process.execPath, [CLI_BUNDLE, ...args], {
		cwd: path.join(ROOT, 'examples'), encoding: 'utf8',
		// A clean environment: only the locale variables under test.
		env: { PATH: process.env.PATH ?? '', ...env },
	});

	it('English by default', () => {
		const r = run(['--help'], {});
		assert.match(r.stdout, /^Usage: copydesk <command>/);
		assert.ok(!/\p{Script=Han}/u.test(r.stdout));
		const c = run(['check', 'weibo-long.md'], { LANG: 'C.UTF-8' });
		assert.match(c.stdout, /drafts? checked|problems?/);
	});

	it('Simplified Chinese with --lang zh-CN, in help, results and errors', () => {
		assert.match(run(['--help', '--lang', 'zh-CN'], { LANG: 'en_US.UTF-8' }).stdout, /^用法：copydesk <命令>/);
		const c = run(['check', 'campaign-launch.md', '--lang=zh-CN'], {});
		assert.match(c.stdout, /微博：\d+\/140（超出 \d+）/);
		assert.match(c.stdout, /篇草稿中有 \d+ 个问题/);
		const e = run(['frobnicate', '--lang', 'zh-CN'], {});
		assert.equal(e.status, 2);
		assert.match(e.stderr, /未知命令“frobnicate”/);
	});

	it('follows the environment: COPYDESK_LANG, then LC_ALL, LC_MESSAGES, LANG (empty ones skipped)', () => {
		assert.match(run(['--help'], { LANG: 'zh_CN.UTF-8' }).stdout, /^用法/);
		assert.match(run(['--help'], { LC_ALL: '', LANG: 'zh_CN.UTF-8' }).stdout, /^用法/);
		assert.match(run(['--help'], { LC_MESSAGES: 'zh_TW.UTF-8', LANG: 'en_US.UTF-8' }).stdout, /^用法/);
		assert.match(run(['--help'], { COPYDESK_LANG: 'en', LC_ALL: 'zh_CN.UTF-8' }).stdout, /^Usage/);
		assert.match(run(['--help', '--lang', 'en'], { COPYDESK_LANG: 'zh-CN' }).stdout, /^Usage/);
	});
});

describe('manifest: commands, menus and the walkthrough in both languages', () => {
	const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const nls = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8')) as Record<string, string>;
	const [en, zh] = [nls('package.nls.json'), nls('package.nls.zh-cn.json')];
	const key = (v: string) => /^%(.+)%$/.exec(v)?.[1];

	it('every command title and setting description is a %key% translated into Chinese', () => {
		for (const c of pkg.contributes.commands) {
			const k = key(c.title);
			assert.ok(k, `${c.command} title is not localized`);
			assert.match(zh[k!], /\p{Script=Han}/u, `${k} in Chinese`);
		}
		for (const [id, p] of Object.entries<any>(pkg.contributes.configuration.properties)) {
			const k = key(p.markdownDescription ?? p.description ?? '');
			assert.ok(k, `${id} description is not localized`);
			assert.match(zh[k!], /\p{Script=Han}/u, `${k} in Chinese`);
		}
	});

	it('every command the client registers is contributed, and every contributed command is registered', () => {
		const ids = Object.entries(protocol).filter(([k]) => k.endsWith('CommandIds')).flatMap(([, v]) => Object.values(v as Record<string, string>));
		const contributed = pkg.contributes.commands.map((c: any) => c.command);
		// openRuleDocs is internal: invoked from a code action with arguments.
		const internal = ['copydesk.openRuleDocs'];
		assert.deepEqual(ids.filter((i) => !internal.includes(i) && !contributed.includes(i)), []);
		const client = CLIENT.map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('\n');
		// Command ids live in protocol.ts objects named *CommandIds; the client registers them by name.
		const named = Object.entries(protocol).filter(([k]) => k.endsWith('CommandIds'))
			.flatMap(([obj, ids]) => Object.entries(ids as Record<string, string>).map(([key, id]) => ({ ref: `${obj}.${key}`, id })));
		for (const c of contributed) {
			const refs = named.filter((n) => n.id === c).map((n) => n.ref);
			assert.ok(refs.some((r) => client.includes(`registerCommand(${r}`)) || client.includes(`registerCommand('${c}'`), `${c} is registered by the client`);
		}
	});

	it('the walkthrough: every title, description and media page exists in both languages', () => {
		const [w] = pkg.contributes.walkthroughs;
		assert.ok(w.steps.length >= 4);
		for (const v of [w.title, w.description, ...w.steps.flatMap((s: any) => [s.title, s.description, s.media.markdown])]) {
			const k = key(v);
			assert.ok(k && en[k] && zh[k], `${v} in both package.nls files`);
		}
		for (const s of w.steps) {
			const k = key(s.media.markdown)!;
			const [enPage, zhPage] = [en[k], zh[k]].map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8'));
			assert.notEqual(en[k], zh[k], `${s.id}: a Chinese page of its own`);
			assert.match(zhPage, /\p{Script=Han}{4}/u, `${zh[k]} is in Chinese`);
			assert.ok(!/\p{Script=Han}{6}/u.test(enPage.replace(/```[\s\S]*?```/g, '').replace(/`[^`]*`/g, '')), `${en[k]} prose is English`);
			for (const cmd of s.completionEvents) {
				const id = cmd.replace('onCommand:', '');
				assert.ok(pkg.contributes.commands.some((c: any) => c.command === id), `${s.id}: ${id} is a command`);
			}
		}
	});

	it('the walkthrough pages ship in the package', () => {
		assert.match(fs.readFileSync(path.join(ROOT, '.vscodeignore'), 'utf8'), /^!walkthrough\/\*\.md$/m);
	});
});
