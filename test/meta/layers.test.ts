/**
 * The layer rules of eslint.config.mjs fail on a forbidden import. Probe files are written in a
 * temporary folder laid out like the project (server/src/engine/…, server/src/node/…, client/src/…)
 * and linted with the project's own config through ESLint's API; each probe names the imports the
 * config must refuse and those it must let through.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { ESLint } from 'eslint';
import { ROOT } from '../helpers/paths';
import { makeTree } from '../helpers/tmp';

interface Probe {
	file: string;
	forbidden: string[];
	allowed: string[];
}

const PROBES: Probe[] = [
	{
		file: 'server/src/engine/probe.ts',
		forbidden: ['node:fs', 'fs', 'path', 'os', 'vscode', 'vscode-languageserver/node', 'vscode-languageserver-textdocument', '../node/files', '../cli/main', '../lsp/validation', '../settings', '../protocol'],
		allowed: ['./text', './rules/index', 'yaml', 'jsonc-parser'],
	},
	{
		file: 'server/src/engine/rules/probe.ts',
		forbidden: ['../../node/workspace', '../../lsp/server', 'node:path'],
		allowed: ['../rule', '../lexicon', './wordlist'],
	},
	{
		file: 'server/src/node/probe.ts',
		forbidden: ['../cli/main', '../cli/io', '../lsp/settings', 'vscode-languageserver/node', 'vscode'],
		allowed: ['../engine', './files', 'node:fs', 'picomatch'],
	},
	{
		file: 'client/src/probe.ts',
		forbidden: ['../../server/src/engine', '../../server/src/node/files', '../../server/src/lsp/main', 'vscode-languageserver/node', '../../server/src/preview/model', '../../server/src/report/render'],
		allowed: ['vscode', 'vscode-languageclient/node', '../../server/src/shared/protocol', '../../server/src/shared/previewHtml', '../../server/src/shared/escape', './preview'],
	},
	{
		file: 'server/src/shared/probe.ts',
		forbidden: ['../engine', '../preview/model', '../lsp/server', 'node:fs', 'fs', 'vscode', 'vscode-languageclient/node'],
		allowed: ['./protocol', './escape'],
	},
];

/** One `import … from` line per specifier, so each finding's line names its import. */
function source(specifiers: string[]): string {
	return specifiers.map((s, i) => `import * as m${i} from '${s}';\n`).join('') + `export const all = [${specifiers.map((_, i) => `m${i}`).join(', ')}];\n`;
}

describe('layer rules (eslint.config.mjs)', function () {
	this.timeout(60000);

	it('refuse every forbidden import and let the allowed ones through', async () => {
		const files: Record<string, string> = {};
		const order = new Map<string, string[]>();
		for (const p of PROBES) {
			const specifiers = [...p.forbidden, ...p.allowed];
			files[p.file] = source(specifiers);
			order.set(p.file, specifiers);
		}
		const root = makeTree(files);
		const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(ROOT, 'eslint.config.mjs') });
		const results = await eslint.lintFiles(PROBES.map((p) => path.join(root, p.file)));
		for (const p of PROBES) {
			const result = results.find((r) => r.filePath === path.join(root, p.file));
			assert.ok(result, `${p.file} was linted`);
			const specifiers = order.get(p.file)!;
			const refused = result.messages
				.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')
				.map((m) => specifiers[m.line - 1]);
			assert.deepEqual(refused.sort(), [...p.forbidden].sort(), `${p.file}: the imports the layer rules refuse`);
			for (const m of result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports')) {
				assert.match(m.message, /docs\/architecture\.md|server\/src\/node|server\/src\/shared/);
			}
		}
	});

	it('let server/src/shared take types from elsewhere, but no values', async () => {
		const root = makeTree({
			'server/src/shared/types.ts': "import type { PreviewModel } from '../preview/model';\nimport { buildPreview } from '../preview/model';\nexport type M = PreviewModel;\nexport const b = buildPreview;\n",
		});
		const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(ROOT, 'eslint.config.mjs') });
		const [result] = await eslint.lintFiles([path.join(root, 'server/src/shared/types.ts')]);
		assert.deepEqual(result.messages.filter((m) => m.ruleId === '@typescript-eslint/no-restricted-imports').map((m) => m.line), [2]);
	});

	it('refuse a Node built-in required or imported dynamically in the engine', async () => {
		const root = makeTree({
			'server/src/engine/dynamic.ts': "export const a = require('fs');\nexport const b = import('node:os');\nexport const c = require('opencc-js/core');\n",
		});
		const eslint = new ESLint({ cwd: root, overrideConfigFile: path.join(ROOT, 'eslint.config.mjs') });
		const [result] = await eslint.lintFiles([path.join(root, 'server/src/engine/dynamic.ts')]);
		const lines = result.messages.filter((m) => m.ruleId === 'no-restricted-syntax').map((m) => m.line);
		assert.deepEqual(lines, [1, 2]);
	});
});
