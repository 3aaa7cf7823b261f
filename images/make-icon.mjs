// Draws images/icon.png (128×128, the Marketplace icon): a speech bubble with lines of copy and a
// count bar under them, on a rounded square. Run `node images/make-icon.mjs` after changing it;
// the PNG is committed. Shapes are drawn at 4× and averaged down for smooth edges.
import { deflateSync } from 'node:zlib';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const SIZE = 128;
const SS = 4;
const N = SIZE * SS;

const BG = [31, 78, 121];
const BUBBLE = [255, 255, 255];
const INK = [31, 78, 121];
const ACCENT = [230, 57, 70];

/** Inside a rounded rectangle (coordinates in icon pixels). */
function inRoundRect(x, y, x0, y0, x1, y1, r) {
	if (x < x0 || x > x1 || y < y0 || y > y1) {
		return false;
	}
	const cx = Math.min(Math.max(x, x0 + r), x1 - r);
	const cy = Math.min(Math.max(y, y0 + r), y1 - r);
	return (x - cx) ** 2 + (y - cy) ** 2 <= r * r;
}

/** Inside the triangle a, b, c. */
function inTriangle(x, y, [ax, ay], [bx, by], [cx, cy]) {
	const d1 = (x - bx) * (ay - by) - (ax - bx) * (y - by);
	const d2 = (x - cx) * (by - cy) - (bx - cx) * (y - cy);
	const d3 = (x - ax) * (cy - ay) - (cx - ax) * (y - ay);
	const neg = d1 < 0 || d2 < 0 || d3 < 0;
	const pos = d1 > 0 || d2 > 0 || d3 > 0;
	return !(neg && pos);
}

/** The colour at (x, y), or undefined outside the icon (transparent). */
function colour(x, y) {
	if (!inRoundRect(x, y, 2, 2, 126, 126, 24)) {
		return undefined;
	}
	const bubble = inRoundRect(x, y, 20, 24, 108, 86, 14) || inTriangle(x, y, [34, 82], [58, 82], [30, 104]);
	if (!bubble) {
		return BG;
	}
	// Three lines of copy; the last one shorter.
	for (const [y0, x1] of [[38, 94], [51, 94], [64, 72]]) {
		if (inRoundRect(x, y, 34, y0, x1, y0 + 6, 3)) {
			return INK;
		}
	}
	// The count: a red dot where the copy reaches its limit.
	if ((x - 88) ** 2 + (y - 67) ** 2 <= 7 * 7) {
		return ACCENT;
	}
	return BUBBLE;
}

const rgba = Buffer.alloc(SIZE * SIZE * 4);
for (let py = 0; py < SIZE; py++) {
	for (let px = 0; px < SIZE; px++) {
		let r = 0, g = 0, b = 0, a = 0;
		for (let sy = 0; sy < SS; sy++) {
			for (let sx = 0; sx < SS; sx++) {
				const c = colour(px + (sx + 0.5) / SS, py + (sy + 0.5) / SS);
				if (c) {
					r += c[0]; g += c[1]; b += c[2]; a++;
				}
			}
		}
		const o = (py * SIZE + px) * 4;
		if (a) {
			rgba[o] = Math.round(r / a);
			rgba[o + 1] = Math.round(g / a);
			rgba[o + 2] = Math.round(b / a);
		}
		rgba[o + 3] = Math.round((a / (SS * SS)) * 255);
	}
}

// PNG: signature, IHDR, one IDAT (filter 0 per row), IEND.
const crcTable = Array.from({ length: 256 }, (_, n) => {
	let c = n;
	for (let k = 0; k < 8; k++) {
		c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
	}
	return c >>> 0;
});
function crc32(buf) {
	let c = 0xffffffff;
	for (const byte of buf) {
		c = crcTable[(c ^ byte) & 0xff] ^ (c >>> 8);
	}
	return (c ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
	const len = Buffer.alloc(4);
	len.writeUInt32BE(data.length);
	const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
	const crc = Buffer.alloc(4);
	crc.writeUInt32BE(crc32(body));
	return Buffer.concat([len, body, crc]);
}
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(SIZE, 0);
ihdr.writeUInt32BE(SIZE, 4);
ihdr[8] = 8; // bit depth
ihdr[9] = 6; // RGBA
const raw = Buffer.alloc(SIZE * (SIZE * 4 + 1));
for (let y = 0; y < SIZE; y++) {
	rgba.copy(raw, y * (SIZE * 4 + 1) + 1, y * SIZE * 4, (y + 1) * SIZE * 4);
}
const png = Buffer.concat([
	Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
	chunk('IHDR', ihdr),
	chunk('IDAT', deflateSync(raw, { level: 9 })),
	chunk('IEND', Buffer.alloc(0)),
]);
writeFileSync(fileURLToPath(new URL('./icon.png', import.meta.url)), png);
