/**
 * How the server's messages become bytes. A publish of a 1 MB file's diagnostics is a message of
 * megabytes, and nearly all of its diagnostics are the objects the last publish sent (published.ts):
 * JSON.stringify of the whole message and its UTF-8 encoding, every edit, cost more than the edit's
 * re-check. This encoder writes a `textDocument/publishDiagnostics` message from the UTF-8 JSON of
 * each diagnostic, kept per diagnostic object, and the rest of the message stringified; any other
 * message is JSON.stringify as vscode-jsonrpc's own encoder does. Only a frozen diagnostic (what
 * diagnostics.ts makes, frozen all the way down) is kept: one that could change is encoded anew every
 * time. The bytes are those of JSON.stringify of the message (test/server/encoder.test.ts).
 */
import type { ContentTypeEncoderOptions, Message } from 'vscode-languageserver/node';

const PUBLISH = 'textDocument/publishDiagnostics';

type Json = Record<string, unknown>;

/** A plain object JSON.stringify writes as its own enumerable keys (no toJSON of its own, no prototype but Object's). */
function plain(x: unknown): x is Json {
	return typeof x === 'object' && x !== null && !Array.isArray(x) && Object.getPrototypeOf(x) === Object.prototype && typeof (x as Json).toJSON !== 'function';
}

/** The members of a plain object as JSON (`"key":value`, a member whose value JSON leaves out left out), one value written by `value`. */
function members(o: Json, parts: (string | Buffer)[], special: string, value: (v: unknown) => void): void {
	let first = true;
	parts.push('{');
	for (const k of Object.keys(o)) {
		const v = o[k];
		const s = k === special ? '' : JSON.stringify(v);
		if (s === undefined) {
			continue;
		}
		parts.push(`${first ? '' : ','}${JSON.stringify(k)}:${s}`);
		first = false;
		if (k === special) {
			value(v);
		}
	}
	parts.push('}');
}

/** The last publish's diagnostics for a document, their JSON each followed by a comma as one buffer, and where each ends in it. */
interface Body {
	ds: readonly unknown[];
	bytes: Buffer;
	ends: number[];
}

/** The publish encoder (a ContentTypeEncoder of vscode-jsonrpc), and how many diagnostics its publishes took from the document's last publish (for tests). */
export interface PublishEncoder {
	name: string;
	encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array>;
	stats: { fromLast: number };
}

/** A content type encoder for the server's connection (see transport.ts): application/json, publishes from cached pieces. */
export function publishEncoder(): PublishEncoder {
	const stats = { fromLast: 0 };
	// Per document: the last publish's body. An edit leaves most diagnostics the same objects in the same
	// order (published.ts): those before and after the changed run are copied from it as two slices, not
	// gathered one by one (a 1 MB file publishes ~10,000).
	const bodies = new Map<string, Body>();
	// Each kept diagnostic's JSON and a comma: Buffer.concat copies half as many pieces as with a comma of its own between them.
	// A frozen object's prototype and keys cannot change: once kept, it needs no other check.
	const cache = new WeakMap<object, Buffer>();
	/** The JSON of a diagnostic and a comma, or undefined when it is not a plain object. */
	const bytesOf = (d: unknown): Buffer | string | undefined => {
		let b = cache.get(d as object);
		if (b) {
			return b;
		}
		if (!plain(d)) {
			return undefined;
		}
		const s = JSON.stringify(d) + ',';
		if (!Object.isFrozen(d)) {
			return s;
		}
		// Not from the shared pool: a kept slice would hold its whole 8 KiB slab.
		b = Buffer.allocUnsafeSlow(Buffer.byteLength(s, 'utf8'));
		b.write(s, 'utf8');
		cache.set(d, b);
		return b;
	};
	/**
	 * The diagnostics' JSON, each with its comma, as one buffer, when every one of them is kept (frozen): the
	 * runs they share with the document's last publish (the same objects at its start and at its end) copied
	 * from its body. Undefined (and the document's body forgotten) when one cannot be kept.
	 */
	const bodyOf = (uri: string, ds: readonly unknown[]): Buffer | undefined => {
		const prev = bodies.get(uri);
		bodies.delete(uri);
		const n = ds.length;
		const m = prev ? prev.ds.length : 0;
		let p = 0;
		while (prev && p < n && p < m && ds[p] === prev.ds[p]) {
			p++;
		}
		let q = 0;
		while (prev && q < n - p && q < m - p && ds[n - 1 - q] === prev.ds[m - 1 - q]) {
			q++;
		}
		const middle: Buffer[] = [];
		for (let i = p; i < n - q; i++) {
			const b = bytesOf(ds[i]);
			if (!(b instanceof Buffer)) {
				return undefined;
			}
			middle.push(b);
		}
		const ends = new Array<number>(n);
		const chunks: Buffer[] = [];
		const headEnd = p ? prev!.ends[p - 1] : 0;
		if (p) {
			chunks.push(prev!.bytes.subarray(0, headEnd));
			for (let i = 0; i < p; i++) {
				ends[i] = prev!.ends[i];
			}
		}
		let at = headEnd;
		for (let i = 0; i < middle.length; i++) {
			chunks.push(middle[i]);
			at += middle[i].length;
			ends[p + i] = at;
		}
		if (q) {
			const tailStart = m - q ? prev!.ends[m - q - 1] : 0;
			chunks.push(prev!.bytes.subarray(tailStart));
			for (let i = 0; i < q; i++) {
				ends[n - q + i] = at + prev!.ends[m - q + i] - tailStart;
			}
		}
		stats.fromLast += p + q;
		const bytes = Buffer.concat(chunks);
		if (n) {
			bodies.set(uri, { ds: ds.slice(), bytes, ends });
		}
		return bytes;
	};
	/** The message's JSON in pieces, or undefined when it is not a publish of plain diagnostics. */
	const publishParts = (msg: Message): (string | Buffer)[] | undefined => {
		const m = msg as unknown as Json;
		if (!plain(m) || m.method !== PUBLISH || !plain(m.params) || !Array.isArray(m.params.diagnostics)) {
			return undefined;
		}
		const ds = m.params.diagnostics as unknown[];
		const uri = m.params.uri;
		const body = typeof uri === 'string' ? bodyOf(uri, ds) : undefined;
		if (body) {
			const parts: (string | Buffer)[] = [];
			members(m, parts, 'params', (params) => members(params as Json, parts, 'diagnostics', () => {
				parts.push('[');
				if (body.length) {
					parts.push(body.subarray(0, body.length - 1));
				}
				parts.push(']');
			}));
			return parts;
		}
		const pieces: (string | Buffer)[] = [];
		for (let i = 0; i < ds.length; i++) {
			const p = bytesOf(ds[i]);
			if (p === undefined) {
				return undefined;
			}
			pieces.push(p);
		}
		// The last one without its comma.
		const end = pieces.length - 1;
		if (end >= 0) {
			const p = pieces[end];
			pieces[end] = typeof p === 'string' ? p.slice(0, -1) : p.subarray(0, p.length - 1);
		}
		const parts: (string | Buffer)[] = [];
		members(m, parts, 'params', (params) => members(params as Json, parts, 'diagnostics', () => {
			parts.push('[');
			for (const p of pieces) {
				parts.push(p);
			}
			parts.push(']');
		}));
		return parts;
	};
	return {
		stats,
		name: 'application/json',
		encode(msg: Message, options: ContentTypeEncoderOptions): Promise<Uint8Array> {
			try {
				const parts = options.charset === 'utf-8' ? publishParts(msg) : undefined;
				if (!parts) {
					return Promise.resolve(Buffer.from(JSON.stringify(msg, undefined, 0), options.charset));
				}
				// Neighbouring strings joined first: one Buffer per run of them, the kept diagnostics as they are.
				const chunks: Buffer[] = [];
				let run = '';
				for (const p of parts) {
					if (typeof p === 'string') {
						run += p;
					} else {
						if (run) {
							chunks.push(Buffer.from(run, 'utf8'));
							run = '';
						}
						chunks.push(p);
					}
				}
				if (run) {
					chunks.push(Buffer.from(run, 'utf8'));
				}
				return Promise.resolve(Buffer.concat(chunks));
			} catch (error) {
				return Promise.reject(error);
			}
		},
	};
}
