/** Escaping for the HTML the report and the preview write (no dependencies: the client bundles it). */

/** Escapes text for HTML element content and quoted attribute values. */
export function htmlEscape(s: string): string {
	return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Escapes text for a Markdown paragraph or table cell: no markup, no HTML, no line breaks. */
export function mdEscape(s: string): string {
	return s.replace(/[\\`*_[\]<>|~]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
}
