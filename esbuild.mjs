// Bundles the extension client, the language server and the CLI with esbuild.
// `--production` minifies; `--watch` rebuilds on change. Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { createHash } from 'node:crypto';
import { appendFileSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

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

// The OpenCC dictionaries (1.1 MB of the 1.8 MB the server and CLI would be) are files of their own
// beside the bundles, server/out/opencc/<name>.js, required on first use (engine/script.ts): a run
// that checks no Chinese post for its script never reads or parses them, so start-up stays small.
const OPENCC_DICTS = ['STCharacters', 'STPhrases', 'TSCharacters', 'TSPhrases', 'TWPhrases', 'TWPhrasesRev', 'TWVariants', 'TWVariantsPhrases',
	'TWVariantsRev', 'TWVariantsRevPhrases', 'HKPhrases', 'HKPhrasesRev', 'HKVariants', 'HKVariantsPhrases', 'HKVariantsRev', 'HKVariantsRevPhrases'];
// chrono-node (a third of what is left) likewise: server/out/lib/chrono-node.js, required when a post's
// facts are first read for campaign-consistency (engine/lazy.ts).
const openccApart = {
	name: 'libraries-apart',
	setup(build) {
		build.onResolve({ filter: /^opencc-js\/dict\/[A-Za-z]+$/ }, (args) => ({ path: `./opencc/${args.path.split('/').pop()}.js`, external: true }));
		build.onResolve({ filter: /^chrono-node$/ }, () => ({ path: './lib/chrono-node.js', external: true }));
	},
};

const CLI_PROGRAM = 'server/out/cli-program.js';

const builds = [
	{ ...common, entryPoints: ['client/src/extension.ts'], outfile: 'client/out/extension.js', external: ['vscode'] },
	{ ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'server/out/server.js', plugins: [...common.plugins, openccApart] },
	// The CLI: a launcher (the `copydesk` bin) that loads the program through V8's code cache (server/src/node/compileCache.ts).
	{ ...common, entryPoints: ['server/src/cli.ts'], outfile: 'server/out/cli.js' },
	{ ...common, entryPoints: ['server/src/cli/program.ts'], outfile: CLI_PROGRAM, plugins: [...common.plugins, openccApart] },
	{
		...common, entryPoints: Object.fromEntries(OPENCC_DICTS.map((d) => [d, `node_modules/opencc-js/dist/esm-lib/dict/${d}.js`])),
		outdir: 'server/out/opencc', sourcemap: false,
	},
	{ ...common, entryPoints: { 'chrono-node': 'node_modules/chrono-node/dist/esm/index.js' }, outdir: 'server/out/lib' },
];

if (watch) {
	for (const b of builds) {
		const ctx = await esbuild.context(b);
		await ctx.watch();
	}
} else {
	const results = await Promise.all(builds.map((b) => esbuild.build({ ...b, metafile: true })));
	writeNotices(results.map((r) => r.metafile));
	stampBuild(CLI_PROGRAM);
}

/**
 * Appends `//# copydesk-build=<hash of the text>` to a bundle: the launcher names its code cache by it, so a
 * cache is never used with another build's text (V8 itself checks only the length). A watch build has
 * no stamp, and so no cache.
 */
function stampBuild(file) {
	const hash = createHash('sha256').update(readFileSync(file)).digest('hex').slice(0, 32);
	appendFileSync(file, `\n//# copydesk-build=${hash}\n`);
}

/**
 * ThirdPartyNotices.txt: every npm package whose code ends up in a bundle, with its version,
 * its declared license and the license files it ships (opencc-js also ships the Apache-2.0
 * text of the OpenCC dictionaries it embeds). Made from the bundles' own inputs, so it
 * cannot miss a package that a bundle contains. Shipped in the .vsix beside LICENSE.
 */
function writeNotices(metafiles) {
	const dirs = new Set();
	for (const meta of metafiles) {
		for (const input of Object.keys(meta.inputs)) {
			const m = /^(.*?node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.replace(/\\/g, '/'));
			if (m) {
				dirs.add(m[1]);
			}
		}
	}
	const isLicense = (name) => /^(licen[cs]e|copying|notice|third[-_]party)/i.test(name);
	const sections = [...dirs].sort().map((dir) => {
		const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
		const files = [];
		for (const name of readdirSync(dir).filter(isLicense).sort()) {
			const path = join(dir, name);
			const paths = statSync(path).isDirectory() ? readdirSync(path).sort().map((n) => join(path, n)) : [path];
			for (const f of paths) {
				files.push(`--- ${f.slice(dir.length + 1)} ---\n${readFileSync(f, 'utf8').trim()}`);
			}
		}
		const license = typeof pkg.license === 'string' ? pkg.license : 'see the files below';
		return `${pkg.name} ${pkg.version} (${license})\n${files.join('\n\n') || '(no license file in the package)'}`;
	});
	const head = 'Copydesk bundles the following npm packages. Their notices and licenses follow.\n';
	writeFileSync('ThirdPartyNotices.txt', `${head}\n${sections.join(`\n\n${'='.repeat(78)}\n\n`)}\n`);
}
