/**
 * A rule that throws is reported as a finding and the other rules still run — for every rule
 * in the registry, in the engine and through the language server. The throwing rule is put
 * in place here, in the test process, by replacing its `check`: nothing in the shipped code
 * can make a rule throw, so the server part runs the server's own startServer in-process
 * over a pair of streams instead of the bundle.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { createConnection } from 'vscode-languageserver/node';
import {
	createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol/node';
import { campaignFile } from '../../bench/corpus';
import { lint, parseConfigLayer, resolveConfig, rules, setLanguage, type Finding, type Rule } from '../../server/src/engine';
import { startServer } from '../../server/src/lsp/server';
import { SEED } from './gen';
import { tempDir } from '../helpers/tmp';

const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
// Every rule on at its default severity, whatever a workspace or a later default might say.
const allOn = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta.defaultSeverity]));
const config = resolveConfig([parseConfigLayer(JSON.stringify({ rules: allOn }), 'test', knownRules).layer!]);
// Posts on every platform, long ones too, so that several rules have something to say.
const text = `${campaignFile(SEED, 24)}\n<!-- post platform=weibo -->\n${'超长的微博正文，English words mixed in。'.repeat(20)}\n`;

/** Runs `body` with `rule.check` throwing `thrown`. */
async function withCrash<T>(rule: Rule, thrown: unknown, body: () => T | Promise<T>): Promise<T> {
	const original = rule.check;
	rule.check = () => {
		throw thrown;
	};
	try {
		return await body();
	} finally {
		rule.check = original;
	}
}

const key = (f: Pick<Finding, 'rule' | 'start' | 'end' | 'message'>) => `${f.rule}@${f.start}-${f.end}: ${f.message}`;

before(() => setLanguage('en'));

describe('a crashing rule', () => {
	const baseline = lint({ text, config });

	it('the draft gives the rules something to report', () => {
		assert.ok(new Set(baseline.findings.map((f) => f.rule)).size >= 2, `findings from ${[...new Set(baseline.findings.map((f) => f.rule))].join(', ')}`);
	});

	for (const rule of rules) {
		for (const [what, thrown] of [['an Error', new Error('boom')], ['a string', 'boom'], ['undefined', undefined]] as const) {
			it(`${rule.meta.id} throwing ${what} becomes a finding on each target and the other rules still run`, async () => {
				const r = await withCrash(rule, thrown, () => lint({ text, config }));
				const crashes = r.findings.filter((f) => f.rule === rule.meta.id);
				assert.equal(crashes.length, r.targets.length, 'one crash finding per post and platform');
				for (const c of crashes) {
					assert.match(c.message, new RegExp(`Rule ${rule.meta.id} failed on this post and was skipped`));
					if (thrown !== undefined) {
						assert.match(c.message, /boom/);
					}
				}
				const others = (fs: readonly Finding[]) => fs.filter((f) => f.rule !== rule.meta.id).map(key);
				assert.deepEqual(others(r.findings), others(baseline.findings));
			});
		}
	}
});

describe('a crashing rule in the language server', function () {
	this.timeout(30_000);
	const dir = tempDir('crash-');
	const toServer = new PassThrough();
	const toClient = new PassThrough();
	const server = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
	const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
	const published = new Map<string, PublishDiagnosticsParams>();
	let wake: (() => void) | undefined;

	before(async () => {
		startServer(server);
		client.onNotification('textDocument/publishDiagnostics', (p: PublishDiagnosticsParams) => {
			published.set(p.uri, p);
			wake?.();
		});
		client.onRequest('workspace/configuration', (p: { items: unknown[] }) => p.items.map(() => ({ debounce: 0, rules: allOn })));
		client.onRequest('client/registerCapability', () => null);
		client.onRequest('window/workDoneProgress/create', () => null);
		client.listen();
		const rootUri = pathToFileURL(dir).toString();
		await client.sendRequest('initialize', {
			processId: null, rootUri, workspaceFolders: [{ uri: rootUri, name: 'crash' }], initializationOptions: { lang: 'en' },
			capabilities: { workspace: { configuration: true }, textDocument: { publishDiagnostics: { versionSupport: true } } },
		});
		await client.sendNotification('initialized', {});
	});

	after(() => {
		client.dispose();
		server.dispose();
		toServer.end();
		toClient.end();
		fs.rmSync(dir, { recursive: true, force: true });
	});

	async function diagnostics(uri: string): Promise<PublishDiagnosticsParams> {
		const deadline = Date.now() + 20_000;
		while (!published.get(uri)?.diagnostics.length) {
			assert.ok(Date.now() < deadline, `no diagnostics for ${uri}`);
			await new Promise<void>((resolve) => {
				wake = resolve;
				setTimeout(resolve, 200);
			});
		}
		return published.get(uri)!;
	}

	for (const rule of rules) {
		it(`${rule.meta.id}: the crash is a diagnostic, the other rules' diagnostics are there`, async () => {
			const uri = pathToFileURL(path.join(dir, `${rule.meta.id}.md`)).toString();
			const d = await withCrash(rule, new Error('boom'), async () => {
				await client.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version: 1, text } });
				return diagnostics(uri);
			});
			const textOf = (m: string | { value: string }) => (typeof m === 'string' ? m : m.value);
			const crashes = d.diagnostics.filter((x) => x.code === rule.meta.id);
			assert.ok(crashes.some((x) => /failed on this post and was skipped: boom/.test(textOf(x.message))), 'the crash is reported');
			const otherRules = new Set(baseline().filter((f) => f.rule !== rule.meta.id).map((f) => f.rule));
			for (const other of otherRules) {
				assert.ok(d.diagnostics.some((x) => x.code === other), `diagnostics of ${other} are still there`);
			}
		});
	}
});

function baseline(): Finding[] {
	return lint({ text, config }).findings;
}
