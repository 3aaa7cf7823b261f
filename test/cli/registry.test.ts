/**
 * The output formats registry (server/src/cli/formats/index.ts): every format is one module, and what
 * `--format` accepts, the "unknown format" message and the `--help` text all come from the list.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { COUNT_FORMATS } from '../../server/src/cli/count';
import { CHECK_FORMATS, formatNamed, REPORT_FORMATS, type OutputFormat } from '../../server/src/cli/formats';
import { PLATFORMS_FORMATS } from '../../server/src/cli/platforms';
import { msg, setLanguage } from '../../server/src/engine';
import { runCli } from '../helpers/cli';
import { ROOT } from '../helpers/paths';
import { tempDir } from '../helpers/tmp';

const FORMATS_DIR = path.join(ROOT, 'server', 'src', 'cli', 'formats');

function draftDir(): string {
	const dir = tempDir('formats-');
	fs.mkdirSync(path.join(dir, '.git'));
	fs.writeFileSync(path.join(dir, 'a.md'), `---\nplatform: weibo\n---\n${'测'.repeat(150)}\n`);
	return dir;
}

describe('output formats registry', () => {
	const lists: [string, readonly OutputFormat<unknown>[]][] = [['check', CHECK_FORMATS as readonly OutputFormat<unknown>[]], ['report', REPORT_FORMATS as readonly OutputFormat<unknown>[]]];

	it('each format is its own module, named after it, with a description in English and Chinese', () => {
		for (const [, list] of lists) {
			for (const f of list) {
				assert.ok(fs.existsSync(path.join(FORMATS_DIR, `${f.name}.ts`)), `cli/formats/${f.name}.ts`);
				assert.equal(formatNamed(list, f.name), f);
				for (const lang of ['en', 'zh-cn'] as const) {
					setLanguage(lang);
					assert.notEqual(msg(f.description), f.description, `${f.description} in ${lang}`);
				}
				setLanguage('en');
			}
		}
	});

	// count and platforms print their own data (counts, profiles), each with its own small list.
	const commands: [string, readonly OutputFormat<unknown>[]][] = [
		...lists, ['count', COUNT_FORMATS as readonly OutputFormat<unknown>[]], ['platforms', PLATFORMS_FORMATS as readonly OutputFormat<unknown>[]],
	];

	for (const [cmd, list] of commands) {
		it(`${cmd}: accepts every registered format and lists each in --help (en and zh-CN)`, () => {
			const dir = draftDir();
			for (const f of list) {
				const r = runCli([cmd, 'a.md', '--format', f.name], dir);
				assert.ok(r.code === 0 || r.code === 1, `${cmd} --format ${f.name}: ${r.stderr}`);
			}
			for (const lang of ['en', 'zh-CN']) {
				const help = runCli([cmd, '--help', '--lang', lang], dir).stdout;
				setLanguage(lang === 'en' ? 'en' : 'zh-cn');
				for (const f of list) {
					assert.match(help, new RegExp(`^ +${f.name} +${msg(f.description).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm'), `${cmd} --help (${lang}) lists ${f.name}`);
				}
				setLanguage('en');
			}
		});

		it(`${cmd}: an unknown format is a usage error that names every registered one`, () => {
			const r = runCli([cmd, 'a.md', '--format', 'xml'], draftDir());
			assert.equal(r.code, 2);
			assert.ok(r.stderr.includes(list.map((f) => f.name).join(', ')), r.stderr);
		});
	}

	it('--report-disables is refused exactly by the formats that cannot show it, naming those that can', () => {
		const dir = draftDir();
		const can = CHECK_FORMATS.filter((f) => f.reportsDisables).map((f) => f.name).join(', ');
		for (const f of CHECK_FORMATS) {
			const r = runCli(['check', 'a.md', '--format', f.name, '--report-disables'], dir);
			assert.equal(r.code === 2, !f.reportsDisables, f.name);
			if (!f.reportsDisables) {
				assert.ok(r.stderr.includes(can), r.stderr);
			}
		}
	});

	it('no other source lists the format names (the registry is the one list)', () => {
		const names = CHECK_FORMATS.map((f) => f.name).filter((n) => !['text', 'json'].includes(n));
		const re = new RegExp(`['"](${names.join('|')})['"]`);
		const hits: string[] = [];
		const walk = (dir: string) => {
			for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
				const p = path.join(dir, e.name);
				if (e.isDirectory()) {
					if (p !== FORMATS_DIR) {
						walk(p);
					}
				} else if (e.name.endsWith('.ts') && re.test(fs.readFileSync(p, 'utf8'))) {
					hits.push(path.relative(ROOT, p));
				}
			}
		};
		walk(path.join(ROOT, 'server', 'src', 'cli'));
		assert.deepEqual(hits, []);
	});
});
