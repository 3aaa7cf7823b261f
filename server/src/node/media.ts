/**
 * The Node side of image checks: reads what the engine's `media` rules need to know about an
 * image a draft names (found, bytes, pixel size, format) with image-size, from the draft's own
 * folder. Only the head of a file is read (formats keep their size near the start); results are
 * kept while the file's size and modification time stay the same.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { imageSize } from 'image-size';
import { isRemote, type ImageInfo, type ImageReader } from '../engine';

/** Enough for the header of every format image-size reads, even a JPEG with a large EXIF block before its frame. */
const HEAD_BYTES = 512 * 1024;

const known = new Map<string, { size: number; mtimeMs: number; info: ImageInfo }>();

function readHead(file: string, size: number): Uint8Array {
	const fd = fs.openSync(file, 'r');
	try {
		const buf = new Uint8Array(Math.min(size, HEAD_BYTES));
		const n = fs.readSync(fd, buf, 0, buf.length, 0);
		return buf.subarray(0, n);
	} finally {
		fs.closeSync(fd);
	}
}

/** What is known about the image file `file` (absolute). */
export function imageInfo(file: string): ImageInfo {
	let st: fs.Stats;
	try {
		st = fs.statSync(file);
	} catch {
		return { found: false };
	}
	if (!st.isFile()) {
		return { found: false };
	}
	const prev = known.get(file);
	if (prev && prev.size === st.size && prev.mtimeMs === st.mtimeMs) {
		return prev.info;
	}
	let info: ImageInfo;
	try {
		const r = imageSize(readHead(file, st.size));
		// EXIF orientations 5–8 turn the picture a quarter: the reader sees it the other way round.
		const turned = r.orientation !== undefined && r.orientation >= 5;
		info = { found: true, bytes: st.size, width: turned ? r.height : r.width, height: turned ? r.width : r.height, format: r.type };
	} catch {
		info = { found: true, bytes: st.size, unreadable: true };
	}
	if (known.size > 1000) {
		known.clear();
	}
	known.set(file, { size: st.size, mtimeMs: st.mtimeMs, info });
	return info;
}

/** A reader for the images of the draft `draftFile`: paths are relative to its folder; remote images are not read. */
export function imageReaderFor(draftFile: string): ImageReader {
	const dir = path.dirname(draftFile);
	return (src) => {
		if (isRemote(src)) {
			return undefined;
		}
		let clean = src.replace(/[?#].*$/, '');
		try {
			clean = decodeURI(clean);
		} catch {
			// A path with a stray % is read as written.
		}
		return imageInfo(path.resolve(dir, clean));
	};
}
