/**
 * A reader for VS Code's snippet syntax, enough to expand a snippet with its defaults: the
 * text a writer gets when they accept every placeholder as it is. Used to check that shipped
 * and pack snippets pass their own platform's rules, to find the platforms a snippet declares,
 * and to preview a snippet. Supported: tab stops (`$1`, `${1}`), placeholders (`${1:text}`,
 * nested), choices (`${1|a,b|}`), variables (`$NAME`, `${NAME}`, `${NAME:default}`) and the
 * escapes `\$`, `\}`, `\\` (plus `\,` and `\|` inside choices). Transforms
 * (`${1/re/fmt/}`) are refused: they would run a regular expression from a workspace file.
 */

export type SnippetNode =
	| { type: 'text'; value: string }
	| { type: 'tabstop'; index: number; children?: SnippetNode[]; choices?: string[] }
	| { type: 'variable'; name: string; children?: SnippetNode[] };

/** A syntax problem at an offset into the snippet body. */
export interface SnippetSyntaxError {
	offset: number;
	code: 'unclosed' | 'transform' | 'choice';
}

export interface ParsedSnippet {
	nodes: SnippetNode[];
	errors: SnippetSyntaxError[];
}

const DIGITS = /^[0-9]+/;
const VAR_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

class Reader {
	pos = 0;
	errors: SnippetSyntaxError[] = [];
	constructor(readonly src: string) { }

	/** Reads nodes until the end, or until an unescaped `}` when inside a placeholder. */
	nodes(inside: boolean): SnippetNode[] {
		const out: SnippetNode[] = [];
		let text = '';
		const flush = () => {
			if (text) {
				out.push({ type: 'text', value: text });
				text = '';
			}
		};
		while (this.pos < this.src.length) {
			const c = this.src[this.pos];
			if (c === '\\') {
				const next = this.src[this.pos + 1];
				// Only $, } and \ are escapable in text; any other backslash is literal.
				if (next === '$' || next === '}' || next === '\\') {
					text += next;
					this.pos += 2;
				} else {
					text += c;
					this.pos++;
				}
				continue;
			}
			if (c === '}' && inside) {
				break;
			}
			if (c === '$') {
				const node = this.dollar();
				if (node) {
					flush();
					out.push(node);
					continue;
				}
				text += c;
				this.pos++;
				continue;
			}
			text += c;
			this.pos++;
		}
		flush();
		return out;
	}

	/** A construct starting at `$`, or undefined (then the `$` is literal text). */
	private dollar(): SnippetNode | undefined {
		const start = this.pos;
		const rest = this.src.slice(start + 1);
		const digits = DIGITS.exec(rest);
		if (digits) {
			this.pos = start + 1 + digits[0].length;
			return { type: 'tabstop', index: Number(digits[0]) };
		}
		const name = VAR_NAME.exec(rest);
		if (name) {
			this.pos = start + 1 + name[0].length;
			return { type: 'variable', name: name[0] };
		}
		if (rest[0] !== '{') {
			return undefined;
		}
		const inner = rest.slice(1);
		const id = DIGITS.exec(inner) ?? VAR_NAME.exec(inner);
		if (!id) {
			return undefined;
		}
		const isTab = /^[0-9]/.test(id[0]);
		this.pos = start + 2 + id[0].length;
		const after = this.src[this.pos];
		const node: SnippetNode = isTab ? { type: 'tabstop', index: Number(id[0]) } : { type: 'variable', name: id[0] };
		if (after === '}') {
			this.pos++;
			return node;
		}
		if (after === ':') {
			this.pos++;
			node.children = this.nodes(true);
			return this.close(node, start);
		}
		if (after === '|' && node.type === 'tabstop') {
			this.pos++;
			node.choices = this.choices(start);
			return node;
		}
		if (after === '/') {
			this.errors.push({ offset: start, code: 'transform' });
			this.skipTo('}');
			return { type: 'text', value: '' };
		}
		// `${1x` or `${NAME-…`: not a construct; VS Code shows it as typed.
		this.pos = start;
		return undefined;
	}

	private close(node: SnippetNode, start: number): SnippetNode {
		if (this.src[this.pos] === '}') {
			this.pos++;
		} else {
			this.errors.push({ offset: start, code: 'unclosed' });
		}
		return node;
	}

	private choices(start: number): string[] {
		const out: string[] = [];
		let cur = '';
		while (this.pos < this.src.length) {
			const c = this.src[this.pos];
			if (c === '\\' && ',|\\$}'.includes(this.src[this.pos + 1] ?? '')) {
				cur += this.src[this.pos + 1];
				this.pos += 2;
				continue;
			}
			if (c === ',') {
				out.push(cur);
				cur = '';
				this.pos++;
				continue;
			}
			if (c === '|' && this.src[this.pos + 1] === '}') {
				out.push(cur);
				this.pos += 2;
				return out;
			}
			cur += c;
			this.pos++;
		}
		this.errors.push({ offset: start, code: 'choice' });
		out.push(cur);
		return out;
	}

	private skipTo(ch: string): void {
		const i = this.src.indexOf(ch, this.pos);
		this.pos = i < 0 ? this.src.length : i + 1;
	}
}

/** Parses a snippet body (a string, or the lines of a snippet file's `body` array). */
export function parseSnippet(body: string | readonly string[]): ParsedSnippet {
	const r = new Reader(typeof body === 'string' ? body : body.join('\n'));
	const nodes = r.nodes(false);
	// A stray `}` at the top level is literal text (nodes(false) never stops on it).
	return { nodes, errors: r.errors };
}

/** Resolves a snippet variable: undefined when unknown (VS Code then inserts the name). */
export type VariableResolver = (name: string) => string | undefined;

const pad = (n: number) => String(n).padStart(2, '0');
const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** VS Code's date and time variables at a given moment, plus the given extra values. */
export function standardVariables(now: Date, extra: Record<string, string> = {}): VariableResolver {
	const table: Record<string, string> = {
		CURRENT_YEAR: String(now.getFullYear()),
		CURRENT_YEAR_SHORT: String(now.getFullYear()).slice(-2),
		CURRENT_MONTH: pad(now.getMonth() + 1),
		CURRENT_MONTH_NAME: MONTHS[now.getMonth()],
		CURRENT_MONTH_NAME_SHORT: MONTHS[now.getMonth()].slice(0, 3),
		CURRENT_DATE: pad(now.getDate()),
		CURRENT_DAY_NAME: DAYS[now.getDay()],
		CURRENT_DAY_NAME_SHORT: DAYS[now.getDay()].slice(0, 3),
		CURRENT_HOUR: pad(now.getHours()),
		CURRENT_MINUTE: pad(now.getMinutes()),
		CURRENT_SECOND: pad(now.getSeconds()),
		CURRENT_SECONDS_UNIX: String(Math.floor(now.getTime() / 1000)),
		TM_SELECTED_TEXT: '',
		TM_CURRENT_WORD: '',
		CLIPBOARD: '',
		...extra,
	};
	return (name) => table[name];
}

export interface Expansion {
	text: string;
	errors: SnippetSyntaxError[];
}

/**
 * The text of a snippet with every placeholder at its default: a placeholder's text, a
 * choice's first option, a variable's value (else its default, else its name, as VS Code
 * does), and a mirror (`$1` after `${1:x}`) the same text as the tab stop it mirrors.
 */
export function expandSnippet(body: string | readonly string[], vars: VariableResolver = standardVariables(new Date())): Expansion {
	const { nodes, errors } = parseSnippet(body);
	// The first tab stop of an index with a default gives that default to all its mirrors.
	const defaults = new Map<number, SnippetNode>();
	const collect = (ns: SnippetNode[]) => {
		for (const n of ns) {
			if (n.type === 'text') {
				continue;
			}
			if (n.type === 'tabstop' && (n.children?.length || n.choices) && !defaults.has(n.index)) {
				defaults.set(n.index, n);
			}
			if (n.children) {
				collect(n.children);
			}
		}
	};
	collect(nodes);
	const render = (ns: SnippetNode[], depth: number): string => ns.map((n) => {
		switch (n.type) {
			case 'text':
				return n.value;
			case 'tabstop': {
				const def = n.children?.length || n.choices ? n : defaults.get(n.index);
				if (!def || def.type !== 'tabstop' || depth > 8) {
					return '';
				}
				return def.choices ? def.choices[0] ?? '' : render(def.children ?? [], depth + 1);
			}
			case 'variable': {
				const v = vars(n.name);
				if (v) {
					return v;
				}
				if (n.children) {
					return render(n.children, depth + 1);
				}
				return v === undefined ? n.name : '';
			}
		}
	}).join('');
	return { text: render(nodes, 0), errors };
}
