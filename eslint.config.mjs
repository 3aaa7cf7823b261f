// ESLint: the layers of the project, enforced. The rule set is small on purpose: typescript-eslint's
// recommended checks (no style rules) plus import restrictions per layer (docs/architecture.md):
//   server/src/engine/  pure: imports only itself and libraries (no node/, cli/, lsp/, vscode, LSP
//                       packages, Node built-ins)
//   server/src/node/    Node helpers: nothing from cli/ or the LSP layer (lsp/)
//   client/src/         vscode and vscode-languageclient; from server/ only server/src/shared/ (the
//                       protocol and the preview's HTML)
//   server/src/shared/  what the client and the server share: nothing at runtime from outside itself
//                       (types only), no Node built-ins, no vscode
// test/meta/layers.test.ts shows that a forbidden import fails.
import { builtinModules } from 'node:module';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = builtinModules.filter((m) => !m.startsWith('_'));
// For selectors (esquery regular expressions hold no '/'): the built-ins without a subpath.
const BARE_BUILTINS = NODE_BUILTINS.filter((m) => !m.includes('/') && !m.includes(':')).join('|');
const LSP_PACKAGES = '^(vscode|vscode-languageserver|vscode-languageclient|vscode-jsonrpc)(-[a-z]+)?(/|$)';

/** `../` repeated `n` times, as a regular expression source. */
const up = (n) => `(\\.\\./){${n}}`;

/** The folder depths under a layer's root a source file may sit at (engine/rules/x.ts is depth 1). */
const DEPTHS = [0, 1, 2, 3];
const filesAt = (root, depth) => [`${root}/${'*/'.repeat(depth)}*.ts`];

const ENGINE_MESSAGE = 'The engine is pure (docs/architecture.md): no node/, cli/, LSP layer, vscode, LSP packages or Node built-ins.';
const NODE_MESSAGE = 'server/src/node/ is shared by the server and the CLI: it imports nothing from cli/ or the LSP layer (lsp/).';
const CLIENT_MESSAGE = 'The client takes only server/src/shared/ from server/ (the protocol and the preview HTML).';
const SHARED_MESSAGE = 'server/src/shared/ is bundled into the client: it imports only itself at runtime (types from elsewhere are fine), no Node built-ins, no vscode.';

/** no-restricted-imports for a file `depth` folders below server/src/engine. */
function engineRules(depth) {
	const options = {
		paths: NODE_BUILTINS.map((name) => ({ name, message: ENGINE_MESSAGE })),
		patterns: [
			{ regex: '^node:', message: ENGINE_MESSAGE },
			{ regex: LSP_PACKAGES, message: ENGINE_MESSAGE },
			// Anything that leaves engine/ (node/, cli/, lsp/, settings, protocol…).
			{ regex: `^${up(depth + 1)}`, message: ENGINE_MESSAGE },
		],
	};
	return {
		'no-restricted-imports': 'off',
		'@typescript-eslint/no-restricted-imports': ['error', options],
		// require('fs') and import('node:fs') are imports too.
		'no-restricted-syntax': ['error',
			{ selector: `CallExpression[callee.name='require'] > Literal[value=/^(node:|vscode|(${BARE_BUILTINS})$)/]`, message: ENGINE_MESSAGE },
			{ selector: `ImportExpression > Literal[value=/^(node:|vscode)/]`, message: ENGINE_MESSAGE },
		],
	};
}

/** no-restricted-imports for a file `depth` folders below server/src/node. */
function nodeRules(depth) {
	const options = {
		patterns: [
			{ regex: LSP_PACKAGES, message: NODE_MESSAGE },
			{ regex: `^${up(depth + 1)}(cli|lsp)(/|$)`, message: NODE_MESSAGE },
		],
	};
	return { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': ['error', options] };
}

/** no-restricted-imports for a file `depth` folders below client/src. */
function clientRules(depth) {
	const options = {
		patterns: [
			{ regex: '^vscode-languageserver(-[a-z]+)?(/|$)', message: CLIENT_MESSAGE },
			{ regex: `^${up(depth + 2)}server/(?!src/shared/)`, message: CLIENT_MESSAGE },
		],
	};
	return { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': ['error', options] };
}

/** no-restricted-imports for a file in server/src/shared (one level, no subfolders). */
function sharedRules() {
	const options = {
		paths: NODE_BUILTINS.map((name) => ({ name, message: SHARED_MESSAGE })),
		patterns: [
			{ regex: '^node:', message: SHARED_MESSAGE },
			{ regex: '^vscode(-languageclient)?(/|$)', message: SHARED_MESSAGE },
			// Leaving shared/ at runtime would pull the engine (or the server) into the client bundle.
			{ regex: '^\\.\\./', message: SHARED_MESSAGE, allowTypeImports: true },
		],
	};
	return { 'no-restricted-imports': 'off', '@typescript-eslint/no-restricted-imports': ['error', options] };
}

export default tseslint.config(
	{ ignores: ['**/node_modules/**', '**/out/**', 'bench/results/**', '.tmp/**', 'test-results/**', '**/*.js', '**/*.mjs', '**/*.cjs'] },
	{
		files: ['**/*.ts'],
		extends: [tseslint.configs.recommended],
		rules: {
			// Unused names are the compiler's job (noUnusedLocals, noUnusedParameters).
			'@typescript-eslint/no-unused-vars': 'off',
		},
	},
	// The custom messages follow vscode-languageserver-protocol's own idiom: `namespace XRequest { export const type }`.
	{ files: ['server/src/shared/protocol.ts'], rules: { '@typescript-eslint/no-namespace': 'off' } },
	// Tests read JSON output (CLI reports, LSP messages) without declaring its types.
	{ files: ['test/**/*.ts'], rules: { '@typescript-eslint/no-explicit-any': 'off' } },
	...DEPTHS.map((d) => ({ files: filesAt('server/src/engine', d), rules: engineRules(d) })),
	...DEPTHS.map((d) => ({ files: filesAt('server/src/node', d), rules: nodeRules(d) })),
	...DEPTHS.map((d) => ({ files: filesAt('client/src', d), rules: clientRules(d) })),
	{ files: ['server/src/shared/*.ts'], rules: sharedRules() },
);
