/**
 * Offsets to lines and columns, for the CLI and the tests (the language server uses
 * TextDocument.positionAt). Lines and columns here are 0-based; columns count UTF-16 code
 * units, as LSP and SARIF do. The line model is the engine's (`lineStarts`, `lineOf` in
 * engine/text.ts: lines end with \n, \r\n or a lone \r); this only wraps it.
 */
import { lineOf, lineStarts } from './engine/text';

export class LineIndex {
	private readonly starts: number[];

	constructor(readonly text: string) {
		this.starts = lineStarts(text);
	}

	position(offset: number): { line: number; character: number } {
		const o = Math.max(0, Math.min(offset, this.text.length));
		const line = lineOf(this.starts, o);
		return { line, character: o - this.starts[line] };
	}

	offset(line: number, character: number): number {
		if (line >= this.starts.length) {
			return this.text.length;
		}
		return Math.min(this.starts[line] + character, line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length);
	}
}
