/**
 * Issue 12, point 5, beyond the CPU budgets of test/fuzz/shapes.fuzz.test.ts: the faster paths
 * give the same answers as the plain definitions (byte columns against a rescan of the line),
 * and the language server's snippet self-check is not done again when the configuration is
 * reloaded unchanged (every save or watcher event reloads it), but is when a pack changes.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { RowPositions } from '../../server/src/cli/rows';
import { ruleById, setLanguage } from '../../server/src/engine';
import { loadConfig } from '../../server/src/node/workspace';
import { random, int, pick } from '../fuzz/gen';
import { makeTree } from '../helpers/tmp';

/** The plain definition: the UTF-8 length of the line up to the offset, rescanned. */
function plainByteColumn(text: string, offset: number): number {
	let lineStart = 0;
	for (let i = 0; i < offset; i++) {
		const c = text.charCodeAt(i);
		if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) {
			lineStart = i + 1;
		}
	}
	// A lone surrogate is 3 bytes when Buffer encodes it (as U+FFFD); a pair is 4.
	return Buffer.byteLength(text.slice(lineStart, offset), 'utf8') + 1;
}

describe('linear paths give the plain answers', () => {
	it('byte columns from checkpoints equal a rescan of the line (CR, CRLF, LF, surrogate pairs, lines longer than a checkpoint)', () => {
		const r = random(4101);
		const pieces = ['a', '中', 'é', '😀', '\n', '\r\n', '\r', ' ', 'x'.repeat(300), '汉'.repeat(200)];
		for (let round = 0; round < 20; round++) {
			const parts: string[] = [];
			for (let i = 0; i < 200 + int(r, 400); i++) {
				parts.push(pick(r, pieces));
			}
			const text = parts.join('');
			const pos = new RowPositions(text);
			for (let k = 0; k < 50; k++) {
				let offset = int(r, text.length + 1);
				// Findings never start inside a surrogate pair.
				if ((text.charCodeAt(offset) & 0xfc00) === 0xdc00) {
					offset--;
				}
				assert.equal(pos.at(offset).byteColumn, plainByteColumn(text, offset), `round ${round}, offset ${offset}`);
			}
		}
	});
});

describe('pack snippets: self-checked once per configuration', () => {
	before(() => setLanguage('en'));

	it('a reload of the same configuration runs no rule on the snippets; a changed pack runs them again', () => {
		const root = makeTree({
			'copydesk.json': { packs: ['./p'] },
			'p/copydesk-pack.json': { name: 'p', version: '1.0.0', snippets: ['s.json'] },
			'p/s.json': { launch: { prefix: 'l', body: '---\nplatform: weibo\n---\n新品今天发布，欢迎关注。', platforms: ['weibo'] } },
		});
		const rule = ruleById('zh-spacing')!;
		const original = rule.check;
		let calls = 0;
		rule.check = (ctx) => {
			calls++;
			return original(ctx);
		};
		try {
			const load = () => loadConfig(path.join(root, 'copydesk.json'), root, { checkSnippets: true });
			load();
			assert.ok(calls > 0, 'the snippet was checked');
			calls = 0;
			load();
			assert.equal(calls, 0, 'checked again although nothing changed');
			fs.writeFileSync(path.join(root, 'p', 's.json'), JSON.stringify({ launch: { prefix: 'l', body: '---\nplatform: weibo\n---\n新品今天发布。', platforms: ['weibo'] } }));
			load();
			assert.ok(calls > 0, 'a changed snippet was not checked');
		} finally {
			rule.check = original;
		}
	});
});
