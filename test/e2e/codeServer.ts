/**
 * A throwaway code-server for the VS Code end-to-end test: a temporary home, user-data and
 * extensions folder, the freshly packaged .vsix installed into it, a workspace copied from
 * examples/, and code-server on 127.0.0.1 at a free port with auth none. `stop()` ends the
 * server's whole process group (code-server, its extension host and the language server).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import * as net from 'node:net';
import * as path from 'node:path';
import { CODE_SERVER_BIN } from './tools';
import { tempDir } from '../helpers/tmp';

/** User settings that keep the page quiet: no welcome page, trust prompt, telemetry, minimap or walkthrough. */
const SETTINGS = {
	'workbench.startupEditor': 'none',
	'workbench.welcomePage.walkthroughs.openOnInstall': false,
	'workbench.tips.enabled': false,
	'workbench.enableExperiments': false,
	'security.workspace.trust.enabled': false,
	'telemetry.telemetryLevel': 'off',
	'update.mode': 'none',
	'extensions.autoCheckUpdates': false,
	'extensions.autoUpdate': false,
	'extensions.ignoreRecommendations': true,
	'editor.minimap.enabled': false,
	'editor.quickSuggestions': { other: false, comments: false, strings: false },
	'editor.wordWrap': 'off',
	'files.autoSave': 'off',
	'git.enabled': false,
	'window.restoreWindows': 'none',
};

export interface CodeServer {
	url: string;
	port: number;
	root: string;
	workspace: string;
	extensionsDir: string;
	/** Everything code-server printed so far (for failure messages). */
	log(): string;
	stop(): Promise<void>;
}

/** A free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.once('error', reject);
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
	});
}

function env(root: string): NodeJS.ProcessEnv {
	const home = path.join(root, 'home');
	return {
		...process.env,
		HOME: home,
		XDG_CONFIG_HOME: path.join(home, '.config'),
		XDG_DATA_HOME: path.join(home, '.local', 'share'),
		XDG_CACHE_HOME: path.join(home, '.cache'),
		XDG_STATE_HOME: path.join(home, '.local', 'state'),
		TMPDIR: path.join(root, 'tmp'),
		// The test's own shell may be inside VS Code: don't let that leak into the server.
		VSCODE_IPC_HOOK_CLI: '',
		ELECTRON_RUN_AS_NODE: '',
	};
}

function get(url: string): Promise<number> {
	return new Promise((resolve) => {
		const req = http.get(url, (res) => {
			res.resume();
			resolve(res.statusCode ?? 0);
		});
		req.setTimeout(2000, () => req.destroy());
		req.on('error', () => resolve(0));
	});
}

/**
 * Prepares the folders, installs `vsix`, starts code-server on a copy of `examples` (plus
 * `extraFiles`, paths relative to the workspace) and waits (bounded) until it answers on /healthz.
 */
export async function startCodeServer(opts: { vsix: string; examples: string; extraFiles?: Record<string, string>; timeoutMs?: number }): Promise<CodeServer> {
	const root = fs.realpathSync(tempDir('e2e-'));
	const dataDir = path.join(root, 'user-data');
	const extensionsDir = path.join(root, 'extensions');
	const workspace = path.join(root, 'workspace');
	for (const d of ['home', 'tmp', path.join('user-data', 'User'), 'extensions']) {
		fs.mkdirSync(path.join(root, d), { recursive: true });
	}
	fs.writeFileSync(path.join(dataDir, 'User', 'settings.json'), JSON.stringify(SETTINGS, null, 2));
	fs.cpSync(opts.examples, workspace, { recursive: true });
	for (const [rel, text] of Object.entries(opts.extraFiles ?? {})) {
		fs.mkdirSync(path.dirname(path.join(workspace, rel)), { recursive: true });
		fs.writeFileSync(path.join(workspace, rel), text);
	}

	const install = spawnSync(CODE_SERVER_BIN, ['--install-extension', opts.vsix, '--extensions-dir', extensionsDir, '--user-data-dir', dataDir], {
		encoding: 'utf8', env: env(root), timeout: 120000,
	});
	const installOut = `${install.stdout}\n${install.stderr}`;
	if (install.status !== 0 || !/successfully installed/i.test(installOut)) {
		throw new Error(`code-server --install-extension ${opts.vsix} failed (exit ${install.status}):\n${installOut}`);
	}

	const port = await freePort();
	const url = `http://127.0.0.1:${port}`;
	let output = '';
	const proc: ChildProcess = spawn(CODE_SERVER_BIN, [
		'--auth', 'none', '--bind-addr', `127.0.0.1:${port}`,
		'--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
		'--ignore-last-opened', '--user-data-dir', dataDir, '--extensions-dir', extensionsDir, workspace,
	], { env: env(root), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
	proc.stdout!.on('data', (d) => (output += String(d)));
	proc.stderr!.on('data', (d) => (output += String(d)));
	let exited: string | undefined;
	proc.on('exit', (code, signal) => (exited = `exit ${code}, signal ${signal}`));

	const stop = async (): Promise<void> => {
		if (exited === undefined && proc.pid) {
			const gone = new Promise<void>((r) => proc.once('exit', () => r()));
			try {
				process.kill(-proc.pid, 'SIGTERM');
			} catch {
				// already gone
			}
			const timer = setTimeout(() => {
				try {
					process.kill(-proc.pid!, 'SIGKILL');
				} catch {
					// already gone
				}
			}, 5000);
			await gone;
			clearTimeout(timer);
		}
		// The extension host and the language server are in the same process group; make sure none outlives the test.
		try {
			process.kill(-proc.pid!, 'SIGKILL');
		} catch {
			// all gone
		}
		fs.rmSync(root, { recursive: true, force: true });
	};

	const deadline = Date.now() + (opts.timeoutMs ?? 60000);
	let status = 0;
	while (Date.now() < deadline && exited === undefined) {
		status = await get(`${url}/healthz`);
		if (status === 200) {
			return { url, port, root, workspace, extensionsDir, log: () => output, stop };
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	await stop();
	throw new Error(`code-server did not answer 200 on ${url}/healthz (last status ${status}, ${exited ?? 'still running'}):\n${output}`);
}
