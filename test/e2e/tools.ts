/**
 * What the end-to-end tests need outside the project's own node_modules, installed by name:
 * Debian's chromium, neovim, ripgrep and libkrb5-dev (apt-get, when missing), and the npm
 * package code-server at the version whose VS Code runs on Node 20, into a cache folder.
 *
 * `npx tsx test/e2e/tools.ts` installs everything (`npm run test:e2e` runs it first); the tests
 * import the paths from here and only check that the tools are there.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { tempDir } from '../helpers/tmp';

/** code-server 4.100.3 ships VS Code 1.100.3, the newest code-server that runs on Node 20. */
export const CODE_SERVER_VERSION = '4.100.3';
export const CHROMIUM = '/usr/bin/chromium';
export const NVIM = '/usr/bin/nvim';

/** The cache for code-server: COPYDESK_E2E_CACHE, else $XDG_CACHE_HOME/copydesk-e2e, else ~/.cache/copydesk-e2e. */
export const CACHE = process.env.COPYDESK_E2E_CACHE
	?? path.join(process.env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache'), 'copydesk-e2e');
export const CODE_SERVER_DIR = path.join(CACHE, `code-server-${CODE_SERVER_VERSION}`);
export const CODE_SERVER_BIN = path.join(CODE_SERVER_DIR, 'node_modules', '.bin', 'code-server');
/** Written last by a complete install, so an interrupted one is redone rather than used. */
const COMPLETE = path.join(CODE_SERVER_DIR, '.complete');

// What @vscode/ripgrep (a dependency of the VS Code inside code-server 4.100.3) looks for before it
// tries to download: a tarball holding `rg` in its cache folder under TMPDIR.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_TARBALL = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function log(line: string): void {
	process.stdout.write(`[e2e tools] ${line}\n`);
}

function run(cmd: string, args: string[], opts: { env?: NodeJS.ProcessEnv; cwd?: string } = {}): string {
	const r = spawnSync(cmd, args, { encoding: 'utf8', env: opts.env ?? process.env, cwd: opts.cwd, maxBuffer: 64 * 1024 * 1024 });
	if (r.status !== 0) {
		const out = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.trim().split('\n').slice(-40).join('\n');
		throw new Error(`${cmd} ${args.join(' ')} failed (${r.error?.message ?? `exit ${r.status}`}):\n${out}`);
	}
	return r.stdout;
}

function dpkgInstalled(pkg: string): boolean {
	const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
	return r.status === 0 && r.stdout.includes('install ok installed');
}

/** Installs Debian packages that are missing, non-interactively. */
export function ensureDebianPackages(pkgs: string[]): void {
	const missing = pkgs.filter((p) => !dpkgInstalled(p));
	if (!missing.length) {
		return;
	}
	if (process.getuid?.() !== 0) {
		throw new Error(`missing Debian packages: ${missing.join(' ')}; install them with: sudo apt-get install -y ${missing.join(' ')}`);
	}
	log(`apt-get install ${missing.join(' ')}`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	run('apt-get', ['update', '-q'], { env });
	run('apt-get', ['install', '-y', '-q', '--no-install-recommends', ...missing], { env });
}

function codeServerVersion(): string | undefined {
	if (!fs.existsSync(CODE_SERVER_BIN)) {
		return undefined;
	}
	// code-server writes a default config under $XDG_CONFIG_HOME on any start: keep it out of the user's home.
	const home = tempDir('cs-version-');
	try {
		const r = spawnSync(CODE_SERVER_BIN, ['--version'], { encoding: 'utf8', env: { ...process.env, HOME: home, XDG_CONFIG_HOME: path.join(home, '.config'), XDG_DATA_HOME: path.join(home, '.local', 'share') } });
		return r.status === 0 ? r.stdout : undefined;
	} finally {
		fs.rmSync(home, { recursive: true, force: true });
	}
}

/**
 * Installs code-server from the npm registry into CODE_SERVER_DIR, with the answers to its
 * four offline install pitfalls: root postinstall (npm_config_unsafe_perm), kerberos built from
 * source (libkrb5-dev), node-pty's `npx node-gyp` (npm_config_yes) and @vscode/ripgrep's download
 * (a cached tarball of Debian's rg, the same 13.0.0).
 */
export function ensureCodeServer(): void {
	if (fs.existsSync(COMPLETE) && codeServerVersion()?.includes(CODE_SERVER_VERSION)) {
		log(`code-server ${CODE_SERVER_VERSION} cached in ${CODE_SERVER_DIR}`);
		return;
	}
	const started = Date.now();
	log(`installing code-server@${CODE_SERVER_VERSION} into ${CODE_SERVER_DIR} (about a minute)`);
	fs.rmSync(CODE_SERVER_DIR, { recursive: true, force: true });
	fs.mkdirSync(CODE_SERVER_DIR, { recursive: true });
	const tmp = tempDir('cs-install-');
	try {
		fs.mkdirSync(path.join(tmp, RIPGREP_CACHE));
		run('tar', ['-czf', path.join(tmp, RIPGREP_CACHE, RIPGREP_TARBALL), '-C', path.dirname(fs.realpathSync('/usr/bin/rg')), 'rg']);
		fs.writeFileSync(path.join(CODE_SERVER_DIR, 'package.json'), JSON.stringify({ name: 'copydesk-e2e-code-server', private: true }, null, 2));
		const env = {
			...process.env,
			TMPDIR: tmp,
			npm_config_unsafe_perm: 'true',
			npm_config_yes: 'true',
			// Keep whatever the install writes into a home out of the user's, but keep the user's npm
			// settings and cache (on these machines ~/.npmrc points node-gyp at Node's own headers).
			HOME: path.join(tmp, 'home'),
			npm_config_userconfig: process.env.npm_config_userconfig ?? path.join(os.homedir(), '.npmrc'),
			npm_config_cache: process.env.npm_config_cache ?? path.join(os.homedir(), '.npm'),
		};
		fs.mkdirSync(env.HOME, { recursive: true });
		run('npm', ['install', `code-server@${CODE_SERVER_VERSION}`, '--no-audit', '--no-fund', '--no-save', '--loglevel=error'], { env, cwd: CODE_SERVER_DIR });
	} finally {
		fs.rmSync(tmp, { recursive: true, force: true });
	}
	const version = codeServerVersion();
	if (!version?.includes(CODE_SERVER_VERSION)) {
		throw new Error(`code-server installed but \`code-server --version\` printed ${JSON.stringify(version)}`);
	}
	fs.writeFileSync(COMPLETE, `${new Date().toISOString()}\n`);
	log(`code-server ready in ${Math.round((Date.now() - started) / 1000)} s: ${version.trim().split('\n').pop()}`);
}

/** Everything the e2e tests need; idempotent and quick once installed. */
export function ensureAll(): void {
	// fonts-wqy-zenhei: a CJK font, so the screenshots show the Chinese drafts rather than empty boxes.
	ensureDebianPackages(['chromium', 'fonts-wqy-zenhei', 'neovim', 'ripgrep', 'libkrb5-dev']);
	ensureCodeServer();
}

/** For the tests: a clear error when a tool is missing (run `npm run test:e2e`, which installs them). */
export function requireTool(file: string, what: string): void {
	if (!fs.existsSync(file)) {
		throw new Error(`${what} not found at ${file}: run \`npm run test:e2e\` (or \`npx tsx test/e2e/tools.ts\`) to install it`);
	}
}

if (require.main === module) {
	try {
		ensureAll();
	} catch (e) {
		process.stderr.write(`[e2e tools] ${(e as Error).message}\n`);
		process.exit(1);
	}
}
