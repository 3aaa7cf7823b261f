// Bundles the extension client, the language server and the CLI with esbuild.
// `--production` minifies; `--watch` rebuilds on change. Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');

/** Prints build errors in the form VS Code's esbuild problem matcher reads. */
const problemMatcher = {
	name: 'problem-matcher',
	setup(build) {
		build.onStart(() => console.log('[watch] build started'));
		build.onEnd((result) => {
			for (const { text, location } of result.errors) {
				console.error(`✘ [ERROR] ${text}`);
				if (location) {
					console.error(`    ${location.file}:${location.line}:${location.column}:`);
				}
			}
			console.log('[watch] build finished');
		});
	},
};

const common = {
	bundle: true,
	platform: 'node',
	format: 'cjs',
	// Prefer ESM builds: jsonc-parser's UMD build hides its requires from the bundler.
	mainFields: ['module', 'main'],
	target: 'node20',
	minify: production,
	sourcemap: !production,
	sourcesContent: false,
	// Keep non-ASCII text (the OpenCC dictionaries, Chinese strings) as UTF-8: escaping it as \uXXXX doubles its size.
	charset: 'utf8',
	logLevel: watch ? 'silent' : 'warning',
	plugins: watch ? [problemMatcher] : [],
};

const builds = [
	{ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
	{ ...common, entryPoints: ['server/src/main.ts'], outfile: 'server/out/server.js' },
	{ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
];

if (watch) {
	for (const b of builds) {
		const ctx = await esbuild.context(b);
		await ctx.watch();
	}
} else {
	await Promise.all(builds.map((b) => esbuild.build(b)));
}
