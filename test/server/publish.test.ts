/**
 * Publishing diagnostics (issue 15): the diagnostics of the findings after an edit reused from the last
 * publish (lsp/published.ts), and the publish message written from each diagnostic's cached JSON
 * (lsp/encoder.ts) on the transport the client starts the server with (lsp/transport.ts).
 */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Message } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { campaignFile, rng } from '../../bench/corpus';
import { lint, LintCache, resolveConfig, setLanguage, type Finding } from '../../server/src/engine';
import { summarize } from '../../server/src/engine';
import { toDiagnostic } from '../../server/src/lsp/diagnostics';
import { publishEncoder } from '../../server/src/lsp/encoder';
import { publishedDiagnostics, type Published } from '../../server/src/lsp/published';
import { transportOf } from '../../server/src/lsp/transport';
import { buildPreview, previewImages } from '../../server/src/preview/model';

const URI = 'file:///work/campaign.md';
const config = resolveConfig([]);

/** An editor buffer, its engine cache and what was last published for it. */
class Buffer_ {
	doc: TextDocument;
	readonly cache = new LintCache();
	published: Published | undefined;
	findings: Finding[] = [];
	posts: { start: number; end: number }[] = [];
	positionAtCalls = 0;

	constructor(text: string) {
		this.doc = TextDocument.create(URI, 'markdown', 1, text);
		this.publish();
	}

	/** Replaces `len` characters at `at` with `insert` (an incremental change, as an editor sends it), lints and publishes. */
	edit(at: number, len: number, insert: string): Diagnostic[] {
		TextDocument.update(this.doc, [{ range: { start: this.doc.positionAt(at), end: this.doc.positionAt(at + len) }, text: insert }], this.doc.version + 1);
		return this.publish();
	}

	publish(): Diagnostic[] {
		const result = lint({ text: this.doc.getText(), config, variants: 'compared' }, this.cache);
		this.findings = result.findings;
		this.posts = result.draft.posts;
		const positionAt = this.doc.positionAt.bind(this.doc);
		this.positionAtCalls = 0;
		const counted = Object.create(this.doc, { positionAt: { value: (o: number) => (this.positionAtCalls++, positionAt(o)) } }) as TextDocument;
		this.published = publishedDiagnostics(counted, this.findings, this.published);
		return this.published.diagnostics as Diagnostic[];
	}

	/** How many findings a publish after an edit at `at` may convert: those of the post it is in, and those with related locations. */
	convertible(at: number): number {
		const post = this.posts.find((p) => p.start <= at && at <= p.end)!;
		return this.findings.filter((f) => (f.end >= post.start && f.start <= post.end) || f.related?.length).length;
	}

	/** The diagnostics of the same text opened fresh. */
	fresh(): Diagnostic[] {
		const doc = TextDocument.create(URI, 'markdown', 1, this.doc.getText());
		return this.findings.map((f) => toDiagnostic(doc, f));
	}
}

const text = (crlf = false): string => {
	const t = `---\ntitle: 新品发布\n---\n${campaignFile(20261203, 30)}`;
	return crlf ? t.replace(/\n/g, '\r\n') : t;
};

/** The offset of the start of the body of the `n`th post (the line after its marker). */
const bodyOf = (t: string, n: number): number => {
	let at = -1;
	for (let i = 0; i <= n; i++) {
		at = t.indexOf('-->', at + 1);
	}
	return t.indexOf('\n', at) + 1;
};

describe('publishing diagnostics: reused after an edit', () => {
	before(() => setLanguage('en'));

	it('keeps the diagnostic objects of the findings on the lines after an edit that adds no line', () => {
		const b = new Buffer_(text());
		const before = new Set(b.published!.diagnostics);
		const at = bodyOf(b.doc.getText(), 10);
		const after = b.edit(at, 0, '新');
		assert.deepEqual(after, b.fresh());
		const line = b.doc.positionAt(at).line;
		const later = after.filter((d) => d.range.start.line > line);
		const reused = later.filter((d) => before.has(d)).length;
		assert.ok(later.length > 20, `${later.length} diagnostics after the edit`);
		// Every diagnostic on a later line is the one published before, but those of the edited post and those with related locations.
		assert.ok(reused >= later.length - b.convertible(at), `${reused} of ${later.length} reused`);
		// positionAt only for those.
		assert.ok(b.positionAtCalls <= 2 * b.convertible(at), `${b.positionAtCalls} positionAt calls for ${b.convertible(at)} of ${after.length} findings`);
	});

	it('moves the diagnostics after an edit that adds or removes lines, without positionAt', () => {
		const b = new Buffer_(text());
		const at = bodyOf(b.doc.getText(), 12);
		for (const [len, insert] of [[0, '新\n品\n'], [4, ''], [0, '\n'], [1, '']] as const) {
			const before = b.published!.diagnostics.length;
			const after = b.edit(at, len, insert);
			assert.deepEqual(after, b.fresh());
			assert.ok(b.positionAtCalls <= 2 * b.convertible(at), `${b.positionAtCalls} positionAt calls for ${b.convertible(at)} of ${before} findings`);
		}
	});

	it('publishes what a fresh conversion gives after seeded random edits, with \\n and \\r\\n line ends', () => {
		for (const crlf of [false, true]) {
			const next = rng(crlf ? 7 : 11);
			const b = new Buffer_(text(crlf));
			const typed = ['新', '\n', '\r', '\r\n', 'App', '，', '！！！', ' '];
			for (let k = 0; k < 60; k++) {
				const t = b.doc.getText();
				// Next to a line end now and then: between a \r and its \n, just before or after it.
				const nl = t.indexOf('\n', Math.floor(next() * t.length));
				const at = next() < 0.4 && nl > 0 ? nl + Math.floor(next() * 3) - 1 : Math.floor(next() * t.length);
				const len = next() < 0.5 ? 0 : Math.floor(next() * 3);
				const after = b.edit(at, Math.min(len, t.length - at), typed[Math.floor(next() * typed.length)]);
				assert.deepEqual(after, b.fresh(), `${crlf ? 'CRLF' : 'LF'} edit ${k}`);
			}
		}
	});

	it('converts a finding that starts inside the \\r\\n ending the edited line (it is still on that line)', () => {
		const f = (start: number): Finding => ({ rule: 'zh-spacing', severity: 'warning', message: 'm', start, end: start + 1 });
		const doc = TextDocument.create(URI, 'markdown', 1, 'ab\r\ncd\r\nef');
		const before = publishedDiagnostics(doc, [f(3), f(8)], undefined);
		TextDocument.update(doc, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }], 2);
		const after = publishedDiagnostics(doc, [f(4), f(9)], before);
		const fresh = TextDocument.create(URI, 'markdown', 2, doc.getText());
		assert.deepEqual(after.diagnostics, [toDiagnostic(fresh, f(4)), toDiagnostic(fresh, f(9))]);
		assert.equal(after.diagnostics[1], before.diagnostics[1]);
	});

	it('converts a finding whose message, severity or rule changed, and a finding with related locations', () => {
		const b = new Buffer_(text());
		const related = b.findings.filter((f) => f.related?.length);
		assert.ok(related.length, 'the campaign file has campaign-consistency findings with related locations');
		const old = b.published!;
		// The same findings with one message changed past the edit: its diagnostic is made anew.
		const t = b.doc.getText();
		const i = b.findings.findIndex((f) => f.start > t.length / 2 && !f.related);
		const changed = b.findings.map((f, k) => (k === i ? { ...f, message: `${f.message} (changed)` } : f));
		const again = publishedDiagnostics(b.doc, changed, old);
		assert.equal(again.diagnostics[i].message, `${b.findings[i].message} (changed)`);
		assert.notEqual(again.diagnostics[i], old.diagnostics[i]);
		b.findings.forEach((f, k) => {
			if (f.related?.length) {
				assert.notEqual(again.diagnostics[k], old.diagnostics[k], 'a finding with related locations is converted');
				assert.deepEqual(again.diagnostics[k], old.diagnostics[k]);
			} else if (k !== i) {
				assert.equal(again.diagnostics[k], old.diagnostics[k]);
			}
		});
	});

	it('freezes every diagnostic all the way down', () => {
		const b = new Buffer_(text());
		b.edit(bodyOf(b.doc.getText(), 3), 0, '\n\n');
		const frozen = (x: unknown): boolean => typeof x !== 'object' || x === null || (Object.isFrozen(x) && Object.values(x).every(frozen));
		assert.ok(b.published!.diagnostics.some((d) => d.relatedInformation));
		assert.ok(b.published!.diagnostics.every(frozen));
	});
});

const publish = (diagnostics: unknown[], params: Record<string, unknown> = {}): Message =>
	({ jsonrpc: '2.0', method: 'textDocument/publishDiagnostics', params: { uri: URI, version: 3, diagnostics, ...params } }) as Message;

async function encoded(enc: ReturnType<typeof publishEncoder>, msg: Message): Promise<string> {
	return Buffer.from(await enc.encode(msg, { charset: 'utf-8' })).toString('utf8');
}

describe('publishing diagnostics: the encoder', () => {
	before(() => setLanguage('zh-cn'));
	after(() => setLanguage('en'));

	it('writes the bytes of JSON.stringify for real diagnostics (Chinese messages, related locations), edit after edit', async () => {
		const enc = publishEncoder();
		const b = new Buffer_(text());
		assert.ok(b.published!.diagnostics.some((d) => d.relatedInformation) && b.published!.diagnostics.some((d) => /[\u4e00-\u9fff]/.test(JSON.stringify(d.message))));
		const next = rng(3);
		for (let k = 0; k < 8; k++) {
			const msg = publish([...b.published!.diagnostics]);
			assert.equal(await encoded(enc, msg), JSON.stringify(msg), `publish ${k}`);
			b.edit(Math.floor(next() * b.doc.getText().length), 0, k % 2 ? '新\n' : '最好');
		}
	});

	it('takes the diagnostics an edit left in place from the document\'s last publish, and writes the same bytes', async () => {
		const enc = publishEncoder();
		const d = (i: number) => Object.freeze({ range: Object.freeze({ start: Object.freeze({ line: i, character: 0 }), end: Object.freeze({ line: i, character: 1 }) }), severity: 2, message: `第 ${i} 条` });
		const base = Array.from({ length: 50 }, (_, i) => d(i));
		const check = async (ds: unknown[], uri = URI) => {
			const msg = publish(ds, { uri });
			assert.equal(await encoded(enc, msg), JSON.stringify(msg));
		};
		await check(base);
		assert.equal(enc.stats.fromLast, 0);
		// One diagnostic replaced in the middle: the 49 around it come from the last publish.
		const one = [...base.slice(0, 20), d(100), ...base.slice(21)];
		await check(one);
		assert.equal(enc.stats.fromLast, 49);
		// Removed, added at both ends, everything new, nothing: each as JSON.stringify writes it.
		await check(one.slice(5, 40));
		await check([d(-1), ...one.slice(5, 40), d(200)]);
		await check(base.map((_, i) => d(i + 1)));
		await check([]);
		await check(base.slice(0, 3));
		// Another document's publish takes nothing from this one's.
		const before = enc.stats.fromLast;
		await check(base.slice(0, 3), 'file:///other.md');
		assert.equal(enc.stats.fromLast, before);
		// A diagnostic that could change breaks the run: written as it is now, and the next publish starts afresh.
		const open = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'before' };
		await check([...base.slice(0, 3), open]);
		open.message = 'after';
		await check([...base.slice(0, 3), open]);
	});

	it('keeps every key order and leaves out what JSON leaves out', async () => {
		const enc = publishEncoder();
		const d = Object.freeze({ message: '价格不一致', range: Object.freeze({ end: Object.freeze({ character: 2, line: 1 }), start: Object.freeze({ line: 1, character: 0 }) }), severity: 2, extra: undefined });
		const messages: Message[] = [
			publish([d, d]),
			publish([d], { version: undefined }),
			{ method: 'textDocument/publishDiagnostics', params: { diagnostics: [d], uri: URI }, jsonrpc: '2.0' } as Message,
			publish([]),
			publish([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'not frozen' }]),
			{ jsonrpc: '2.0', id: 7, result: { diagnostics: [d] } } as Message,
			{ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: '你好' } } as Message,
			// Not plain: left to JSON.stringify whole.
			publish([{ toJSON: (key: string) => `element ${key}` }]),
			publish([null]),
		];
		for (const msg of messages) {
			assert.equal(await encoded(enc, msg), JSON.stringify(msg));
		}
	});

	it('encodes a frozen diagnostic once, and one that could change every time', async () => {
		const enc = publishEncoder();
		let reads = 0;
		const make = () => ({ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, get message() {
			reads++;
			return `read ${reads}`;
		} });
		const kept = Object.freeze(make());
		const first = await encoded(enc, publish([kept]));
		assert.equal(await encoded(enc, publish([kept, kept])), `{"jsonrpc":"2.0","method":"textDocument/publishDiagnostics","params":{"uri":"${URI}","version":3,"diagnostics":[${JSON.stringify(JSON.parse(first).params.diagnostics[0])},${JSON.stringify(JSON.parse(first).params.diagnostics[0])}]}}`);
		assert.equal(reads, 1, 'a frozen diagnostic is encoded once');
		// A mutable diagnostic changed between two publishes is written as it is now.
		const open = { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, message: 'before' };
		assert.match(await encoded(enc, publish([open])), /"before"/);
		open.message = 'after';
		assert.match(await encoded(enc, publish([open])), /"after"/);
		// A new diagnostic (what an edit makes) is not served another's text.
		const other = Object.freeze({ ...kept, message: 'new' });
		assert.match(await encoded(enc, publish([other])), /"new"/);
	});
});

describe('publishing diagnostics: the transport', () => {
	it('reads the transport as vscode-languageserver does (the first one named)', () => {
		assert.deepEqual(transportOf(['--stdio']), { kind: 'stdio' });
		assert.deepEqual(transportOf(['--clientProcessId=5', '--socket=6009']), { kind: 'socket', port: 6009 });
		assert.deepEqual(transportOf(['--socket', '6009']), { kind: 'socket', port: 6009 });
		assert.deepEqual(transportOf(['--pipe=/tmp/x.sock', '--stdio']), { kind: 'pipe', name: '/tmp/x.sock' });
		assert.deepEqual(transportOf(['--pipe', '/tmp/x.sock']), { kind: 'pipe', name: '/tmp/x.sock' });
		// Node IPC (VS Code's client) and anything else: the library's own set-up.
		assert.deepEqual(transportOf(['--node-ipc', '--stdio']), { kind: 'library' });
		assert.deepEqual(transportOf([]), { kind: 'library' });
		assert.deepEqual(transportOf(['--socket=x']), { kind: 'library' });
	});
});

describe('publishing diagnostics: what the client asks for after a publish', () => {
	before(() => setLanguage('en'));

	it('CodeLens summaries and preview cards hold each post\'s own targets, findings and images (gathered once per result)', () => {
		const t = `${text()}\n<!-- post platform=x locale=en -->\nNew ![one](a.png) ![two](b.png) best ever!!!\n\n<!-- post platform=weibo -->\n新品 ![图](c.png)\n`;
		const result = lint({ text: t, config, variants: 'compared' });
		assert.ok(result.media?.some((m) => m.images.length === 2));
		const lenses = summarize(result);
		assert.equal(lenses.length, result.draft.posts.filter((p) => result.targets.some((x) => x.post.index === p.index)).length);
		for (const s of lenses) {
			assert.deepEqual(s.platforms.map((p) => p.id), result.targets.filter((x) => x.post.index === s.post).map((x) => x.platform.id));
			assert.equal(s.images, (result.media ?? []).find((m) => m.post === s.post)?.images.length ?? 0);
		}
		const cards = buildPreview(result).cards;
		assert.equal(cards.length, result.targets.length);
		assert.ok(cards.some((c) => c.images.length === 2) && cards.some((c) => c.findings.length > 1));
		for (const c of cards) {
			assert.deepEqual(c.findings, result.findings.filter((f) => f.post === c.post && (!f.platform || f.platform === c.platform)).map((f) => ({ severity: f.severity, rule: f.rule, message: f.message })));
			assert.deepEqual(c.images, previewImages((result.media ?? []).find((m) => m.post === c.post)?.images ?? [], 'en'));
		}
	});
});
