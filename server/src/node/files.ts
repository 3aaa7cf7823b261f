/**
 * Reading and writing the files of a workspace that may be hostile, for the CLI and the
 * language server. Reads accept regular files only (a link to /dev/zero, a FIFO or a folder is
 * refused before anything is read) and stop at a size cap. Text is decoded by what its bytes
 * are: UTF-8 (with or without BOM) and UTF-16 (with a BOM, or plainly UTF-16 by its NUL bytes)
 * decode exactly and encode back to the same bytes; anything else is decoded with the invalid
 * bytes replaced and must never be written back. Writes go to a temporary file in the same
 * folder that is then renamed over the original, so a failed write leaves the original as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDecoder } from 'node:util';
import { msg, type InputProblem } from '../engine';

/** Problems found in one file (copydesk.json, a pack manifest…), with offsets into its text. */
export interface FileProblems {
	file: string;
	text: string;
	problems: InputProblem[];
}

/** Cap on copydesk.json, .copydeskignore and every file of a pack (1 MiB). */
export const MAX_DATA_FILE_BYTES = 1024 * 1024;
/** Default cap on a draft (2 MiB: a campaign file of a thousand posts is a tenth of it); `check --max-file-size` changes it. */
export const DEFAULT_MAX_DRAFT_BYTES = 2 * 1024 * 1024;

export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'unknown';

export type ReadFailure =
	| { ok: false; reason: 'notFile'; detail: string }
	| { ok: false; reason: 'tooLarge'; size: number; max: number; detail: string }
	| { ok: false; reason: 'io'; code?: string; detail: string };

export type ReadResult = { ok: true; bytes: Buffer } | ReadFailure;

function describe(e: unknown): { code?: string; detail: string } {
	const err = e as NodeJS.ErrnoException;
	return { code: err?.code, detail: err?.code ?? (err instanceof Error ? err.message : String(e)) };
}

/**
 * Reads a regular file of at most `maxBytes` bytes. Symbolic links are followed, but what
 * they lead to must be a regular file. Never throws.
 */
export function readRegularFile(file: string, maxBytes: number): ReadResult {
	let st: fs.Stats;
	try {
		st = fs.statSync(file);
	} catch (e) {
		return { ok: false, reason: 'io', ...describe(e) };
	}
	if (!st.isFile()) {
		return { ok: false, reason: 'notFile', detail: st.isDirectory() ? 'a folder' : 'not a regular file' };
	}
	if (st.size > maxBytes) {
		return { ok: false, reason: 'tooLarge', size: st.size, max: maxBytes, detail: `${st.size} bytes` };
	}
	let fd: number | undefined;
	try {
		// O_NONBLOCK: should the path have been swapped for a FIFO since the stat, opening it does not hang.
		fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
		const fst = fs.fstatSync(fd);
		if (!fst.isFile()) {
			return { ok: false, reason: 'notFile', detail: 'not a regular file' };
		}
		// Read at most one byte past the cap: a file that grew since the stat is still refused, never read whole.
		return readUpTo(fd, Buffer.allocUnsafe(Math.min(maxBytes + 1, fst.size + 1)), maxBytes);
	} catch (e) {
		return { ok: false, reason: 'io', ...describe(e) };
	} finally {
		if (fd !== undefined) {
			try {
				fs.closeSync(fd);
			} catch {
				// Nothing to do: the file was only read.
			}
		}
	}
}

function readUpTo(fd: number, buf: Buffer, maxBytes: number): ReadResult {
	let n = 0;
	for (;;) {
		if (n === buf.length) {
			if (n > maxBytes) {
				return { ok: false, reason: 'tooLarge', size: n, max: maxBytes, detail: `over ${maxBytes} bytes` };
			}
			const bigger = Buffer.allocUnsafe(Math.min(maxBytes + 1, buf.length * 2));
			buf.copy(bigger, 0, 0, n);
			buf = bigger;
		}
		const r = fs.readSync(fd, buf, n, buf.length - n, null);
		if (r === 0) {
			return { ok: true, bytes: buf.subarray(0, n) };
		}
		n += r;
	}
}

/** Why a read failed, in the interface language. */
function readFailureMessage(file: string, r: ReadFailure): string {
	const name = path.basename(file);
	switch (r.reason) {
		case 'notFile':
			return msg('file.notRegular', { file: name, detail: r.detail });
		case 'tooLarge':
			return msg('file.tooLarge', { file: name, size: r.size, max: r.max });
		default:
			return msg('file.unreadable', { file: name, detail: r.detail });
	}
}

/**
 * Text of a data file (copydesk.json, .copydeskignore, a pack's files), or why there is none:
 * a regular file of at most MAX_DATA_FILE_BYTES. Never throws.
 */
export function readDataFile(file: string): { text: string } | { error: string; missing: boolean } {
	const r = readRegularFile(file, MAX_DATA_FILE_BYTES);
	if (!r.ok) {
		return { error: readFailureMessage(file, r), missing: r.reason === 'io' && r.code === 'ENOENT' };
	}
	return { text: decodeText(r.bytes).text };
}

export interface Decoded {
	text: string;
	encoding: Encoding;
	/** True when `encodeText(text, encoding)` gives back the same bytes (every encoding but 'unknown'). */
	exact: boolean;
}

const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const UTF16LE = new TextDecoder('utf-16le', { fatal: true, ignoreBOM: true });
const UTF16BE = new TextDecoder('utf-16be', { fatal: true, ignoreBOM: true });

function tryDecode(d: TextDecoder, bytes: Uint8Array): string | undefined {
	try {
		return d.decode(bytes);
	} catch {
		return undefined;
	}
}

/**
 * Which UTF-16 a text without a BOM is in, judged by its NUL bytes: text in UTF-16 has a NUL
 * in (nearly) every other byte when it is mostly ASCII, which UTF-8 text never has.
 */
function utf16WithoutBom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
	if (bytes.length < 2 || bytes.length % 2) {
		return undefined;
	}
	const n = Math.min(bytes.length, 4096);
	let even = 0;
	let odd = 0;
	for (let i = 0; i < n; i++) {
		if (bytes[i] === 0) {
			if (i % 2) {
				odd++;
			} else {
				even++;
			}
		}
	}
	// Mostly on one side (an emoji's low surrogate DC00 puts a NUL on the other side now and then).
	const pairs = n / 2;
	if (odd >= pairs / 4 && even * 8 <= odd) {
		return 'utf-16le';
	}
	if (even >= pairs / 4 && odd * 8 <= even) {
		return 'utf-16be';
	}
	return undefined;
}

/**
 * Decodes a file's bytes. A BOM stays in the text as U+FEFF (offsets and rewrites keep it).
 * 'unknown' text (Latin-1, GBK…) has every invalid byte replaced by U+FFFD: fine to check,
 * never to write back.
 */
export function decodeText(bytes: Uint8Array): Decoded {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) {
		const t = tryDecode(UTF16LE, bytes);
		if (t !== undefined) {
			return { text: t, encoding: 'utf-16le', exact: true };
		}
	} else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
		const t = tryDecode(UTF16BE, bytes);
		if (t !== undefined) {
			return { text: t, encoding: 'utf-16be', exact: true };
		}
	}
	const wide = utf16WithoutBom(bytes);
	if (wide) {
		const t = tryDecode(wide === 'utf-16le' ? UTF16LE : UTF16BE, bytes);
		if (t !== undefined) {
			return { text: t, encoding: wide, exact: true };
		}
	}
	const t = tryDecode(UTF8, bytes);
	if (t !== undefined) {
		return { text: t, encoding: 'utf-8', exact: true };
	}
	return { text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'), encoding: 'unknown', exact: false };
}

/** The bytes of `text` in `encoding` (UTF-8 or UTF-16; a BOM in the text is written as one). */
export function encodeText(text: string, encoding: Exclude<Encoding, 'unknown'>): Buffer {
	if (encoding === 'utf-8') {
		return Buffer.from(text, 'utf8');
	}
	const le = Buffer.from(text, 'utf16le');
	return encoding === 'utf-16le' ? le : le.swap16();
}

/** The file operations an atomic write uses (tests inject failures). */
export interface WriteOps {
	openSync: typeof fs.openSync;
	writeSync: (fd: number, data: Uint8Array, offset: number, length: number) => number;
	fsyncSync: typeof fs.fsyncSync;
	closeSync: typeof fs.closeSync;
	renameSync: typeof fs.renameSync;
	unlinkSync: typeof fs.unlinkSync;
	statSync: (p: string) => fs.Stats;
}

export const nodeWriteOps: WriteOps = {
	openSync: fs.openSync, writeSync: (fd, data, offset, length) => fs.writeSync(fd, data, offset, length), fsyncSync: fs.fsyncSync,
	closeSync: fs.closeSync, renameSync: fs.renameSync, unlinkSync: fs.unlinkSync, statSync: (p) => fs.statSync(p),
};

let tempCounter = 0;

/**
 * Replaces `file` with `data`: written to a new file beside it (same folder, so the rename
 * stays on one file system), flushed, given the original's permissions, then renamed over
 * it. On any failure the temporary file is removed and the error thrown; the original is
 * untouched. A file without write permission for anyone is refused (EACCES) rather than
 * replaced: the writer locked it.
 */
export function writeFileAtomic(file: string, data: Uint8Array, ops: WriteOps = nodeWriteOps): void {
	let mode = 0o644;
	try {
		const st = ops.statSync(file);
		mode = st.mode & 0o7777;
		if (!(mode & 0o222)) {
			throw Object.assign(new Error(`EACCES: the file is read-only: ${file}`), { code: 'EACCES' });
		}
	} catch (e) {
		if ((e as NodeJS.ErrnoException).code !== 'ENOENT') {
			throw e;
		}
	}
	const tmp = path.join(path.dirname(file), `.${path.basename(file)}.copydesk-${process.pid}-${++tempCounter}.tmp`);
	let fd: number | undefined;
	let created = false;
	try {
		fd = ops.openSync(tmp, 'wx', mode);
		created = true;
		let off = 0;
		while (off < data.length) {
			off += ops.writeSync(fd, data, off, data.length - off);
		}
		ops.fsyncSync(fd);
		ops.closeSync(fd);
		fd = undefined;
		ops.renameSync(tmp, file);
		created = false;
	} finally {
		if (fd !== undefined) {
			try {
				ops.closeSync(fd);
			} catch {
				// Already failing: the first error is the one reported.
			}
		}
		if (created) {
			try {
				ops.unlinkSync(tmp);
			} catch {
				// A temporary file that cannot be removed is left; the original is untouched either way.
			}
		}
	}
}
