/**
 * Renders the preview model as HTML for the VS Code webview: one card per post and
 * platform, the feed's fold as a <details> element (it opens without a script), the text
 * past the limit marked, hashtags, mentions and links styled as the platform shows them.
 * Colours come from the editor theme's --vscode-* variables. Every piece of draft text is
 * escaped; the page loads nothing from outside.
 */
import { htmlEscape as e } from './escape';
import type { PreviewCard, PreviewField, PreviewModel, PreviewSegment } from '../preview/model';

const SEV_ICON = { error: '✖', warning: '⚠', info: 'ℹ', hint: '·' } as const;

function fmt(n: number): string {
	return Number.isInteger(n) ? String(n) : n.toFixed(1);
}

function renderSegment(s: PreviewSegment, model: PreviewModel): string {
	const shown = s.display ?? s.text;
	const title = s.display !== undefined && s.display !== s.text ? ` title="${e(s.text)}"` : '';
	const inner = s.kind === 'text' ? e(shown) : `<span class="tok ${s.kind}"${title}>${e(shown)}</span>`;
	return s.zone === 'overflow' ? `<mark class="overflow" title="${e(model.labels.overflow)}">${inner}</mark>` : inner;
}

function renderCard(c: PreviewCard, model: PreviewModel): string {
	const visible = c.segments.filter((s) => s.zone === 'visible');
	const folded = c.segments.filter((s) => s.zone === 'folded');
	const overflow = c.segments.filter((s) => s.zone === 'overflow');
	const seg = (xs: PreviewSegment[]) => xs.map((s) => renderSegment(s, model)).join('');
	const count = `${fmt(c.count)}/${e(c.limitText)}`;
	// Past the hard limit in the error colour, past only the recommended length in the warning colour.
	const cls = (f: PreviewField) => (f.state === 'over' ? 'over' : f.state === 'over-recommended' ? 'warn' : '');
	const fields = c.fields.map((f) => `<div class="field"><span class="label">${e(f.label)}</span> <span class="${cls(f)}">${e(f.text)}</span> <span class="count ${cls(f)}">${fmt(f.count)}/${e(f.limitText)}</span></div>`).join('');
	let body = seg(visible);
	if (folded.length) {
		// The feed shows the marker where it folds; opening it shows the rest, as tapping does.
		body += `<details class="fold" title="${e(model.labels.folded)}"><summary>${e(c.foldMarker ?? '…')}</summary>${seg(folded)}</details>`;
	}
	body += seg(overflow);
	const findings = c.findings.length
		? `<ul class="findings">${c.findings.map((f) => `<li class="${f.severity}">${SEV_ICON[f.severity]} ${e(f.message)} <code>${e(f.rule)}</code></li>`).join('')}</ul>`
		: `<p class="clean">✔ ${e(model.labels.noFindings)}</p>`;
	const images = c.images.length
		? `<ul class="images" title="${e(model.labels.images ?? '')}">${c.images.map((i) => `<li class="${i.missing ? 'missing' : ''}">🖼 <code>${e(i.src)}</code>${i.file ? ` <span class="meta">${e(i.file)}</span>` : ''} — ${i.alt ? e(i.alt) : `<em class="no-alt">${e(model.labels.noAlt ?? '—')}</em>`}</li>`).join('')}</ul>`
		: '';
	return `<article class="card ${e(c.platform)}${c.topicsLinked ? ' topics-linked' : ''}${c.over ? ' is-over' : ''}" data-offset="${c.offset}" data-key="${c.offset}:${e(c.platform)}" lang="${e(c.locale)}">
<header><span class="platform">${e(c.platformName)}</span><span class="count${c.over ? ' over' : ''}" title="${e(model.labels.countOf)}">${count}</span></header>
${fields}<div class="post">${body}</div>
${images}${findings}
</article>`;
}

/** The cards: what the webview's script swaps in on every update. */
export function renderPreviewBody(model: PreviewModel): string {
	if (!model.cards.length) {
		return `<p class="empty">${e(model.labels.empty)}</p>`;
	}
	return model.cards.map((c) => renderCard(c, model)).join('\n');
}

const PREVIEW_CSS = `
body { font-family: var(--vscode-font-family); font-size: var(--vscode-font-size, 13px); color: var(--vscode-foreground); background: var(--vscode-editor-background); padding: 0 1rem 1rem; }
.card { border: 1px solid var(--vscode-panel-border, var(--vscode-widget-border, #8884)); border-radius: 8px; margin: 1rem 0; padding: .75rem 1rem; background: var(--vscode-editorWidget-background); max-width: 36rem; }
.card.is-over { border-color: var(--vscode-inputValidation-errorBorder, var(--vscode-editorError-foreground)); }
header { display: flex; justify-content: space-between; align-items: baseline; margin-bottom: .5rem; font-weight: 600; }
.images { list-style: none; padding: 0; margin: .5rem 0; font-size: .9em; }
.images .meta { color: var(--vscode-descriptionForeground); }
.images .missing, .images .no-alt { color: var(--vscode-editorWarning-foreground); }
.count { font-variant-numeric: tabular-nums; color: var(--vscode-descriptionForeground); font-weight: normal; }
.over { color: var(--vscode-editorError-foreground); }
.warn { color: var(--vscode-editorWarning-foreground); }
.post { white-space: pre-wrap; overflow-wrap: anywhere; line-height: 1.6; }
.field { margin-bottom: .35rem; } .field .label { color: var(--vscode-descriptionForeground); margin-right: .25rem; }
.tok { color: var(--vscode-textLink-foreground); }
.card.topics-linked .hashtag { color: var(--vscode-textLink-activeForeground, var(--vscode-textLink-foreground)); }
.url::before { content: "🔗"; font-size: .85em; margin-right: .1em; }
details.fold { display: inline; } details.fold > summary { display: inline; cursor: pointer; color: var(--vscode-textLink-foreground); list-style: none; }
details.fold > summary::-webkit-details-marker { display: none; }
details.fold[open] > summary { opacity: .6; }
mark.overflow { background: var(--vscode-inputValidation-errorBackground, #f003); color: inherit; text-decoration: line-through wavy var(--vscode-editorError-foreground); }
.findings { margin: .75rem 0 0; padding-left: 1.1rem; font-size: .92em; }
.findings .error { color: var(--vscode-editorError-foreground); } .findings .warning { color: var(--vscode-editorWarning-foreground); }
.findings .info, .findings .hint { color: var(--vscode-editorInfo-foreground); }
.findings code, .clean { color: var(--vscode-descriptionForeground); } .clean { margin: .75rem 0 0; font-size: .92em; }
.empty { color: var(--vscode-descriptionForeground); margin-top: 1rem; }
`;

export interface PreviewPageOptions {
	/** The webview's `cspSource` (the origin of the extension's own resources). */
	cspSource: string;
	/** A fresh random nonce for the one inline script and style. */
	nonce: string;
}

/** The strict Content-Security-Policy of the preview: nothing remote, one nonce'd script and style. */
export function previewCsp(o: PreviewPageOptions): string {
	return `default-src 'none'; img-src ${o.cspSource} data:; style-src 'nonce-${o.nonce}'; script-src 'nonce-${o.nonce}'; font-src ${o.cspSource}; base-uri 'none'; form-action 'none'`;
}

/**
 * The whole page. Its script only swaps in the cards the extension sends (HTML made by
 * renderPreviewBody, all text escaped) and asks to reveal a post when a card is clicked.
 */
export function previewPage(model: PreviewModel, o: PreviewPageOptions): string {
	return `<!DOCTYPE html>
<html lang="${model.lang === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${e(previewCsp(o))}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(model.labels.title)}</title>
<style nonce="${e(o.nonce)}">${PREVIEW_CSS}</style>
</head>
<body>
<main id="root">${renderPreviewBody(model)}</main>
<script nonce="${e(o.nonce)}">
const vscode = acquireVsCodeApi();
const root = document.getElementById('root');
window.addEventListener('message', (ev) => {
	if (ev.data && ev.data.type === 'update' && typeof ev.data.html === 'string') {
		const open = [...root.querySelectorAll('details[open]')].map((d) => d.closest('article')?.dataset.key);
		root.innerHTML = ev.data.html;
		for (const a of root.querySelectorAll('article')) {
			if (open.includes(a.dataset.key)) a.querySelector('details')?.setAttribute('open', '');
		}
	}
});
root.addEventListener('click', (ev) => {
	const card = ev.target instanceof Element ? ev.target.closest('article') : null;
	if (card && !(ev.target instanceof Element && ev.target.closest('summary'))) {
		vscode.postMessage({ type: 'reveal', offset: Number(card.dataset.offset) });
	}
});
</script>
</body>
</html>
`;
}
