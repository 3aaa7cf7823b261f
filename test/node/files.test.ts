/**
 * Reading and writing workspace files that may be hostile (server/src/node/files.ts): regular
 * files only and a size cap, encodings decoded by their bytes and written back byte-exact,
 * atomic replacement that leaves the original untouched when a write fails. Links and large
 * files are made here, at test time, in temporary folders.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
	decodeText, encodeText, MAX_DATA_FILE_BYTES, nodeWriteOps, readDataFile, readRegularFile, writeFileAtomic, type WriteOps,
} from '../../server/src/node/files';
import { tempDir } from '../helpers/tmp';

const POST = '---\r\nplatform: weibo\r\n---\r\n在LeanCloud上,数据存储花了5000元!! 😀\r\n';

describe('node/files: bounded reads', () => {
	let dir: string;
	beforeEach(() => {
		dir = tempDir('files-');
	});

	it('refuses a link to /dev/zero at once, without reading it', function () {
		if (!fs.existsSync('/dev/zero')) {
			this.skip();
		}
		const link = path.join(dir, 'copydesk.json');
		fs.symlinkSync('/dev/zero', link);
		const t = process.cpuUsage();
		const r = readRegularFile(link, MAX_DATA_FILE_BYTES);
		const ms = (process.cpuUsage(t).user + process.cpuUsage(t).system) / 1000;
		assert.equal(r.ok, false);
		assert.equal(!r.ok && r.reason, 'notFile');
		assert.ok(ms < 500, `${ms} ms of CPU`);
		const d = readDataFile(link);
		assert.ok('error' in d && /not a regular file/.test(d.error), JSON.stringify(d));
	});

	it('refuses a FIFO without blocking, and a folder', function () {
		const fifo = path.join(dir, 'pipe.md');
		const made = spawnSync('mkfifo', [fifo]);
		if (made.status !== 0) {
			this.skip();
		}
		const r = readRegularFile(fifo, 1000);
		assert.equal(!r.ok && r.reason, 'notFile');
		const f = readRegularFile(dir, 1000);
		assert.equal(!f.ok && f.reason, 'notFile');
	});

	it('reads a file up to the cap and refuses one byte more', () => {
		const file = path.join(dir, 'a.json');
		fs.writeFileSync(file, Buffer.alloc(MAX_DATA_FILE_BYTES, 0x20));
		const ok = readRegularFile(file, MAX_DATA_FILE_BYTES);
		assert.ok(ok.ok && ok.bytes.length === MAX_DATA_FILE_BYTES);
		fs.appendFileSync(file, ' ');
		const big = readRegularFile(file, MAX_DATA_FILE_BYTES);
		assert.equal(!big.ok && big.reason, 'tooLarge');
		const d = readDataFile(file);
		assert.ok('error' in d && /over the limit of 1048576 bytes/.test(d.error), JSON.stringify(d));
	});

	it('says a missing file is missing', () => {
		const d = readDataFile(path.join(dir, 'none.json'));
		assert.ok('error' in d && d.missing);
	});
});

describe('node/files: encodings', () => {
	const cases: [string, Buffer, string][] = [
		['UTF-8', Buffer.from(POST, 'utf8'), 'utf-8'],
		['UTF-8 with BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(POST, 'utf8')]), 'utf-8'],
		['UTF-16LE with BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(POST, 'utf16le')]), 'utf-16le'],
		['UTF-16BE with BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(POST, 'utf16le').swap16()]), 'utf-16be'],
		['UTF-16LE without BOM', Buffer.from(POST, 'utf16le'), 'utf-16le'],
	];
	for (const [name, bytes, encoding] of cases) {
		it(`${name} decodes exactly and encodes back to the same bytes`, () => {
			const d = decodeText(bytes);
			assert.equal(d.encoding, encoding);
			assert.equal(d.exact, true);
			assert.equal(d.text.replace(/^\uFEFF/, ''), POST);
			assert.ok(encodeText(d.text, d.encoding as 'utf-8').equals(bytes), 'byte-exact round trip');
		});
	}

	it('Latin-1 and GBK are "unknown": checked with U+FFFD, never exact', () => {
		const latin1 = Buffer.from('---\nplatform: wechat\n---\ncaf\xe9 全新\n', 'latin1');
		const gbk = Buffer.from([0x2d, 0x2d, 0x2d, 0x0a, 0xc8, 0xab, 0xd0, 0xc2, 0x0a]);
		for (const b of [latin1, gbk]) {
			const d = decodeText(b);
			assert.equal(d.encoding, 'unknown');
			assert.equal(d.exact, false);
			assert.match(d.text, /\uFFFD/);
		}
	});
});

describe('node/files: atomic writes', () => {
	let dir: string;
	beforeEach(() => {
		dir = tempDir('atomic-');
	});
	const entries = () => fs.readdirSync(dir).sort();

	it('replaces the file, keeping its permissions, and leaves no temporary file', () => {
		const file = path.join(dir, 'a.md');
		fs.writeFileSync(file, 'old');
		fs.chmodSync(file, 0o640);
		writeFileAtomic(file, Buffer.from('new'));
		assert.equal(fs.readFileSync(file, 'utf8'), 'new');
		assert.equal(fs.statSync(file).mode & 0o777, 0o640);
		assert.deepEqual(entries(), ['a.md']);
	});

	it('a write that fails half-way (disk full) leaves the original untouched and no temporary file', () => {
		const file = path.join(dir, 'a.md');
		fs.writeFileSync(file, POST);
		let written = 0;
		const full: WriteOps = {
			...nodeWriteOps,
			writeSync: (fd, data, offset, length) => {
				if (written > 0) {
					throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' });
				}
				// Half of it goes through, then the disk is full.
				written = fs.writeSync(fd, data, offset, Math.ceil(length / 2));
				return written;
			},
		};
		assert.throws(() => writeFileAtomic(file, Buffer.from(POST.repeat(4)), full), /ENOSPC/);
		assert.equal(fs.readFileSync(file, 'utf8'), POST);
		assert.deepEqual(entries(), ['a.md']);
	});

	it('a failed rename leaves the original untouched and no temporary file', () => {
		const file = path.join(dir, 'a.md');
		fs.writeFileSync(file, POST);
		const ops: WriteOps = { ...nodeWriteOps, renameSync: () => {
			throw Object.assign(new Error('EIO'), { code: 'EIO' });
		} };
		assert.throws(() => writeFileAtomic(file, Buffer.from('x'), ops), /EIO/);
		assert.equal(fs.readFileSync(file, 'utf8'), POST);
		assert.deepEqual(entries(), ['a.md']);
	});

	it('refuses a read-only file (even for root, who could replace it)', () => {
		const file = path.join(dir, 'a.md');
		fs.writeFileSync(file, POST);
		fs.chmodSync(file, 0o444);
		assert.throws(() => writeFileAtomic(file, Buffer.from('x')), (e: NodeJS.ErrnoException) => e.code === 'EACCES');
		assert.equal(fs.readFileSync(file, 'utf8'), POST);
		assert.deepEqual(entries(), ['a.md']);
	});
});
