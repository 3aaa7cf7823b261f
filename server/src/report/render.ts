/**
 * The campaign report as Markdown (for a pull request or a preview) and as one
 * self-contained HTML page (inline CSS, no scripts, every piece of user text escaped),
 * in the interface language.
 */
import { countLabel, language, msg, type Severity } from '../engine';
import { htmlEscape, mdEscape } from '../shared/escape';
import type { FactsTable, Report, ReportException, ReportField, ReportFile, ReportFinding, ReportPost, ReportSegment, ReportTarget } from './model';

const SEV_ICON: Record<Severity, string> = { error: '✖', warning: '⚠', info: 'ℹ', hint: '·' };

function fieldLabel(f: ReportField): string {
	return msg(`field.${f.field}`);
}

/** "37/32 (max 64)": the limit model every surface shows (engine/limits.ts). */
function countText(f: ReportField): string {
	return countLabel({ count: f.count, limit: f.limit, warn: f.recommended });
}

/** ✖ over (a hard limit), ⚠ over the recommended length, ✔ fits: the same judgment as `check`. */
function fitText(f: ReportField, html: boolean): string {
	const [cls, icon, text] = f.state === 'over' ? ['over', '✖', msg('report.overLimit')]
		: f.state === 'over-recommended' ? ['warning', '⚠', msg('report.overRecommended')] : ['ok', '✔', msg('report.fits')];
	return html ? `<span class="${cls}">${icon} ${htmlEscape(text)}</span>` : `${icon} ${text}`;
}

/** " (hid 2 findings)", when the engine counted them; " (hid 0 findings; hides nothing: remove it)" when stale. */
function hid(e: ReportException): string {
	if (e.suppressed === undefined) {
		return '';
	}
	// Chinese full-width brackets take no space before them.
	return `${language() === 'zh-cn' ? '' : ' '}${msg(e.stale ? 'report.hidStale' : 'report.hid', { n: e.suppressed })}`;
}

function exceptionRules(e: ReportException): string {
	return e.rules.length ? e.rules.join(', ') : msg('report.allRules');
}

// ---------------------------------------------------------------- Markdown

function mdTable(head: string[], rows: string[][]): string[] {
	return [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function mdFinding(f: ReportFinding): string {
	const where = [msg('report.lineCol', { line: f.line, column: f.column }), f.platform].filter(Boolean).join(' · ');
	return `- ${f.n !== undefined ? `[${f.n}] ` : ''}${SEV_ICON[f.severity]} ${msg(`severity.${f.severity}`)} — ${mdEscape(f.message)} ${msg('report.findingWhere', { rule: `\`${f.rule}\``, where })}`;
}

function mdException(e: ReportException): string {
	const reason = e.reason ? mdEscape(e.reason) : `**${msg('report.noReason')}**`;
	return `- \`${exceptionRules(e)}\` — ${msg('report.fact', { label: msg('report.line', { line: e.line }), value: reason })}${hid(e)}`;
}

function statusText(p: ReportPost): string {
	const status = msg(`report.status.${p.status ?? 'none'}`);
	return p.approvedBy ? msg('report.approvedBy', { status, who: p.approvedBy }) : status;
}

/** The copy as the platform shows it: finding numbers as [n], the fold as its label, text past the limit struck through. */
function mdCopy(t: ReportTarget): string[] {
	let text = '';
	let folded = false;
	for (const s of t.copy) {
		if (s.zone === 'folded' && !folded) {
			text += ` ⟨${t.foldMarker ?? '…'}⟩ `;
			folded = true;
		}
		// A finding's number stands where it starts, before the text it is about.
		if (s.marks?.length) {
			text += s.marks.map((n) => `<sup>[${n}]</sup>`).join('');
		}
		const shown = mdEscape(s.display ?? s.text);
		text += s.zone === 'overflow' && shown.trim() ? `~~${shown}~~` : shown;
	}
	const lines = text.split(/\r?\n/).map((l) => `> ${l}`);
	return [`**${mdEscape(t.name)}**`, '', ...t.shownFields.map((f) => `> ${msg('report.fact', { label: msg(`field.${f.field}`), value: mdEscape(f.text) })}`), ...(t.shownFields.length ? ['>'] : []), ...lines, ''];
}

function mdFacts(t: FactsTable): string[] {
	return [
		`**${msg('report.facts')}** — ${mdEscape(t.name)}`, '',
		...mdTable([msg('report.fact.column'), ...t.columns.map((c) => mdEscape(c.label))], t.rows.map((r) => [mdEscape(r.label), ...r.cells.map((c) => (c.odd ? `⚠ **${mdEscape(c.text)}**` : mdEscape(c.text) || '—'))])),
		'',
	];
}

function mdPost(p: ReportPost): string[] {
	const out: string[] = [];
	const names = p.targets.map((t) => t.name).join(' · ') || msg('report.noPlatform');
	out.push(`### ${msg('report.postHeading', { n: p.index + 1, line: p.line })} — ${mdEscape(names)}`, '');
	out.push(msg('report.fact', { label: msg('report.reviewStatus'), value: mdEscape(statusText(p)) }), '');
	for (const t of p.targets) {
		out.push(...mdCopy(t));
	}
	if (p.images.length) {
		out.push(`**${msg('report.images')}**`, '', ...p.images.map((i) => `- \`${mdEscape(i.src)}\`${i.file ? ` — ${mdEscape(i.file)}` : ''} — ${i.alt ? mdEscape(i.alt) : `**${msg('hover.imageNoAlt')}**`}`), '');
	}
	const rows = p.targets.flatMap((t) => t.fields.map((f) => [mdEscape(t.name), fieldLabel(f), countText(f), fitText(f, false)]));
	if (rows.length) {
		out.push(...mdTable([msg('report.platform'), msg('report.field'), msg('report.count'), msg('report.status')], rows), '');
	}
	const facts = [p.locale ? msg('report.fact', { label: msg('report.locale'), value: mdEscape(p.locale) }) : '', p.hanPercent !== undefined ? msg('report.fact', { label: msg('report.han'), value: `${p.hanPercent}%` }) : ''].filter(Boolean);
	if (facts.length) {
		out.push(facts.join(' · '), '');
	}
	out.push(`**${msg('report.findings')}**`, '');
	out.push(...(p.findings.length ? p.findings.map(mdFinding) : [msg('report.noFindings')]), '');
	if (p.exceptions.length) {
		out.push(`**${msg('report.exceptions')}**`, '', ...p.exceptions.map(mdException), '');
	}
	return out;
}

function mdFile(f: ReportFile): string[] {
	const out = [`## ${mdEscape(f.file)}`, ''];
	if (f.facts) {
		out.push(...mdFacts(f.facts));
	}
	if (f.findings.length || f.exceptions.length) {
		out.push(`**${msg('report.outsidePosts')}**`, '', ...f.findings.map(mdFinding), ...f.exceptions.map(mdException), '');
	}
	for (const p of f.posts) {
		out.push(...mdPost(p));
	}
	return out;
}

function summaryCells(r: Report): [string, string][] {
	const s = r.summary;
	return [
		[msg('report.files'), String(s.files)],
		[msg('report.posts'), String(s.posts)],
		[msg('report.targets'), String(s.targets)],
		[msg('report.over'), String(s.over)],
		[msg('report.errors'), String(s.bySeverity.error)],
		[msg('report.warnings'), String(s.bySeverity.warning)],
		[msg('report.notes'), String(s.bySeverity.info + s.bySeverity.hint)],
		[msg('report.exceptions'), String(s.exceptions)],
		[msg('report.unexplained'), String(s.unexplained)],
		[msg('report.approved'), `${s.byStatus?.approved ?? 0}/${s.posts}`],
	];
}

export function renderMarkdown(r: Report): string {
	const s = r.summary;
	const out = [`# ${mdEscape(r.title)}`, '', `## ${msg('report.summary')}`, ''];
	const cells = summaryCells(r);
	out.push(...mdTable(cells.map((c) => c[0]), [cells.map((c) => c[1])]), '');
	if (s.byPlatform.length) {
		out.push(`### ${msg('report.byPlatform')}`, '', ...mdTable([msg('report.platform'), msg('report.posts'), msg('report.over')], s.byPlatform.map((p) => [mdEscape(p.name), String(p.posts), String(p.over)])), '');
	}
	if (s.byRule.length) {
		out.push(`### ${msg('report.byRule')}`, '', ...mdTable([msg('report.rule'), msg('report.findings')], s.byRule.map((x) => [`\`${x.rule}\``, String(x.count)])), '');
	}
	for (const c of r.campaigns ?? []) {
		out.push(...mdFacts(c));
	}
	if (!r.files.length) {
		out.push(msg('report.noDrafts'), '');
	}
	for (const f of r.files) {
		out.push(...mdFile(f));
	}
	return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}

// ---------------------------------------------------------------- HTML

export { htmlEscape, mdEscape };

const e = htmlEscape;

// Colours follow VS Code's theme inside a webview (--vscode-* variables) and fall back to
// a light or dark palette in a browser.
const REPORT_CSS = `
:root { color-scheme: light dark; --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #59636e); --border: var(--vscode-panel-border, #d1d9e0);
  --err: var(--vscode-editorError-foreground, #cf222e); --warn: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da); --ok: var(--vscode-testing-iconPassed, #1a7f37);
  --card: var(--vscode-editorWidget-background, #f6f8fa); }
@media (prefers-color-scheme: dark) { :root { --fg: var(--vscode-foreground, #e6edf3); --bg: var(--vscode-editor-background, #0d1117);
  --muted: var(--vscode-descriptionForeground, #9198a1); --border: var(--vscode-panel-border, #3d444d); --card: var(--vscode-editorWidget-background, #151b23);
  --err: var(--vscode-editorError-foreground, #f85149); --warn: var(--vscode-editorWarning-foreground, #d29922); --info: var(--vscode-editorInfo-foreground, #4493f8); --ok: var(--vscode-testing-iconPassed, #3fb950); } }
body { font-family: var(--vscode-font-family, system-ui, -apple-system, "PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", sans-serif);
  color: var(--fg); background: var(--bg); margin: 0 auto; padding: 1.5rem; max-width: 60rem; line-height: 1.55; }
h1 { font-size: 1.5rem; margin-top: 0; } h2 { font-size: 1.2rem; border-bottom: 1px solid var(--border); padding-bottom: .25rem; margin-top: 2rem; }
h3 { font-size: 1rem; margin-bottom: .4rem; }
.summary { display: grid; grid-template-columns: repeat(auto-fill, minmax(9rem, 1fr)); gap: .5rem; margin: 1rem 0; }
.stat { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: .5rem .75rem; }
.stat b { display: block; font-size: 1.4rem; } .stat span { color: var(--muted); font-size: .85rem; }
.stat.bad b { color: var(--err); }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid var(--border); padding: .25rem .6rem; text-align: left; }
th { background: var(--card); font-weight: 600; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.post { border: 1px solid var(--border); border-radius: 6px; padding: .25rem 1rem .75rem; margin: 1rem 0; }
.meta { color: var(--muted); font-size: .9rem; }
.ok { color: var(--ok); } .over, .error { color: var(--err); } .warning { color: var(--warn); } .info, .hint { color: var(--info); }
ul { padding-left: 1.2rem; } li { margin: .15rem 0; } code { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); font-size: .9em; }
.noreason { color: var(--err); font-weight: 600; }
.variants { display: grid; grid-template-columns: repeat(auto-fill, minmax(18rem, 1fr)); gap: .75rem; align-items: start; }
.variants .post { margin: 0; min-width: 0; }
.variants table { display: block; overflow-x: auto; max-width: 100%; font-size: .85em; }
.copy { background: var(--card); border: 1px solid var(--border); border-radius: 6px; padding: .5rem .75rem; margin: .4rem 0; white-space: pre-wrap; overflow-wrap: anywhere; }
.copy .platform { display: block; font-weight: 600; font-size: .85rem; color: var(--muted); white-space: normal; }
.copy .tok { color: var(--info); } .copy .folded { color: var(--muted); } .copy .foldmark { color: var(--info); font-weight: 600; }
.copy mark.overflow { background: color-mix(in srgb, var(--err) 20%, transparent); color: inherit; text-decoration: line-through; }
sup.mark { font-size: .7em; font-weight: 700; margin: 0 .1em; } sup.mark.error { color: var(--err); } sup.mark.warning { color: var(--warn); } sup.mark.info, sup.mark.hint { color: var(--info); }
.badge { display: inline-block; border-radius: 1em; padding: 0 .6em; font-size: .8rem; font-weight: 600; border: 1px solid var(--border); }
.badge.approved { color: var(--ok); border-color: var(--ok); } .badge.review { color: var(--warn); border-color: var(--warn); } .badge.draft, .badge.none { color: var(--muted); }
td.odd { color: var(--warn); font-weight: 600; }
.images { list-style: none; padding-left: 0; } .images .noalt, .images .missing { color: var(--warn); }
`;

function htmlTable(head: string[], rows: string[][], numeric: number[] = [], odd?: boolean[][]): string {
	const cls = (r: number, i: number) => [numeric.includes(i) ? 'num' : '', i > 0 && odd?.[r]?.[i - 1] ? 'odd' : ''].filter(Boolean).join(' ');
	return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((row, r) => `<tr>${row.map((c, i) => `<td${cls(r, i) ? ` class="${cls(r, i)}"` : ''}>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function htmlFinding(f: ReportFinding): string {
	const where = [msg('report.lineCol', { line: f.line, column: f.column }), f.platform].filter(Boolean).join(' · ');
	return `<li>${f.n !== undefined ? `<sup class="mark ${f.severity}">[${f.n}]</sup> ` : ''}<span class="${f.severity}">${SEV_ICON[f.severity]} ${e(msg(`severity.${f.severity}`))}</span> ${e(f.message)} <span class="meta">${msg('report.findingWhere', { rule: `<code>${e(f.rule)}</code>`, where: e(where) })}</span></li>`;
}

function htmlException(x: ReportException): string {
	const reason = x.reason ? e(x.reason) : `<span class="noreason">${e(msg('report.noReason'))}</span>`;
	return `<li><code>${e(exceptionRules(x))}</code> ${msg('report.fact', { label: `<span class="meta">${e(msg('report.line', { line: x.line }))}</span>`, value: reason })}${x.suppressed !== undefined ? ` <span class="meta">${e(hid(x).trim())}</span>` : ''}</li>`;
}

function htmlCopy(t: ReportTarget, sev: Map<number, Severity>): string {
	let html = '';
	let folded = false;
	for (const s of t.copy) {
		if (s.zone === 'folded' && !folded) {
			html += `<span class="foldmark" title="${e(msg('preview.folded'))}">${e(t.foldMarker ?? '…')}</span><span class="folded">`;
			folded = true;
		}
		for (const n of s.marks ?? []) {
			html += `<sup class="mark ${sev.get(n) ?? 'info'}">[${n}]</sup>`;
		}
		html += htmlSegment(s);
	}
	if (folded) {
		html += '</span>';
	}
	const fields = t.shownFields.map((f) => `<b>${e(msg(`field.${f.field}`))}</b> ${e(f.text)}\n`).join('');
	return `<div class="copy"><span class="platform">${e(t.name)}</span>${fields}${html}</div>`;
}

function htmlSegment(s: ReportSegment): string {
	const shown = e(s.display ?? s.text);
	const inner = s.kind === 'text' ? shown : `<span class="tok ${s.kind}"${s.display !== undefined && s.display !== s.text ? ` title="${e(s.text)}"` : ''}>${shown}</span>`;
	return s.zone === 'overflow' ? `<mark class="overflow" title="${e(msg('preview.overflow'))}">${inner}</mark>` : inner;
}

function htmlFacts(t: FactsTable): string {
	return `<h3>${e(msg('report.facts'))} — ${e(t.name)}</h3>${htmlTable([msg('report.fact.column'), ...t.columns.map((c) => c.label)].map(e),
		t.rows.map((r) => [e(r.label), ...r.cells.map((c) => (c.odd ? `⚠ ${e(c.text)}` : e(c.text) || '—'))]), [], t.rows.map((r) => r.cells.map((c) => c.odd)))}`;
}

function htmlPost(p: ReportPost, file?: string): string {
	const names = p.targets.map((t) => t.name).join(' · ') || msg('report.noPlatform');
	const badge = `<span class="badge ${e(p.status ?? 'none')}">${e(statusText(p))}</span>`;
	const where = file ? `<span class="meta">${e(file)}</span><br>` : '';
	const parts = [`<section class="post"><h3>${where}${e(msg('report.postHeading', { n: p.index + 1, line: p.line }))} — ${e(names)} ${badge}</h3>`];
	const sev = new Map(p.findings.filter((f) => f.n !== undefined).map((f) => [f.n!, f.severity]));
	parts.push(...p.targets.map((t) => htmlCopy(t, sev)));
	if (p.images.length) {
		parts.push(`<h4>${e(msg('report.images'))}</h4><ul class="images">${p.images.map((i) => `<li class="${i.missing ? 'missing' : ''}">🖼 <code>${e(i.src)}</code>${i.file ? ` <span class="meta">${e(i.file)}</span>` : ''} — ${i.alt ? e(i.alt) : `<span class="noalt">${e(msg('hover.imageNoAlt'))}</span>`}</li>`).join('')}</ul>`);
	}
	const rows = p.targets.flatMap((t) => t.fields.map((f) => [e(t.name), e(fieldLabel(f)), e(countText(f)),
		fitText(f, true)]));
	if (rows.length) {
		parts.push(htmlTable([msg('report.platform'), msg('report.field'), msg('report.count'), msg('report.status')].map(e), rows, [2]));
	}
	const facts = [p.locale ? msg('report.fact', { label: msg('report.locale'), value: p.locale }) : '', p.hanPercent !== undefined ? msg('report.fact', { label: msg('report.han'), value: `${p.hanPercent}%` }) : ''].filter(Boolean);
	if (facts.length) {
		parts.push(`<p class="meta">${e(facts.join(' · '))}</p>`);
	}
	parts.push(`<h4>${e(msg('report.findings'))}</h4>`);
	parts.push(p.findings.length ? `<ul>${p.findings.map(htmlFinding).join('')}</ul>` : `<p class="ok">${e(msg('report.noFindings'))}</p>`);
	if (p.exceptions.length) {
		parts.push(`<h4>${e(msg('report.exceptions'))}</h4><ul>${p.exceptions.map(htmlException).join('')}</ul>`);
	}
	parts.push('</section>');
	return parts.join('\n');
}

export interface HtmlOptions {
	/** A Content-Security-Policy for the page (the VS Code webview sets one). */
	csp?: string;
	/** A nonce for the one inline stylesheet, so the policy needs no 'unsafe-inline'. */
	styleNonce?: string;
}

export function renderHtml(r: Report, opts: HtmlOptions = {}): string {
	const s = r.summary;
	const stats = summaryCells(r).map(([label, value], i) => {
		const bad = ((i === 3 || i === 4 || i === 8) && value !== '0') || (i === 9 && s.posts > 0 && (s.byStatus?.approved ?? 0) < s.posts);
		return `<div class="stat${bad ? ' bad' : ''}"><b>${e(value)}</b><span>${e(label)}</span></div>`;
	}).join('');
	const body: string[] = [`<h1>${e(r.title)}</h1>`, `<h2>${e(msg('report.summary'))}</h2>`, `<div class="summary">${stats}</div>`];
	if (s.byPlatform.length) {
		body.push(`<h3>${e(msg('report.byPlatform'))}</h3>`, htmlTable([msg('report.platform'), msg('report.posts'), msg('report.over')].map(e), s.byPlatform.map((p) => [e(p.name), String(p.posts), String(p.over)]), [1, 2]));
	}
	if (s.byRule.length) {
		body.push(`<h3>${e(msg('report.byRule'))}</h3>`, htmlTable([msg('report.rule'), msg('report.findings')].map(e), s.byRule.map((x) => [`<code>${e(x.rule)}</code>`, String(x.count)]), [1]));
	}
	if (r.campaigns?.length) {
		body.push(`<h2>${e(msg('report.campaigns'))}</h2>`, ...r.campaigns.map(htmlFacts));
	}
	if (!r.files.length) {
		body.push(`<p>${e(msg('report.noDrafts'))}</p>`);
	}
	for (let i = 0; i < r.files.length; i++) {
		const f = r.files[i];
		// The files of one campaign folder: their posts side by side, under the folder's name.
		if (f.campaign) {
			const group = [f];
			while (i + 1 < r.files.length && r.files[i + 1].campaign === f.campaign) {
				group.push(r.files[++i]);
			}
			if (group.length > 1) {
				body.push(`<h2>${e(f.campaign)}</h2>`);
				for (const g of group) {
					if (g.findings.length || g.exceptions.length) {
						body.push(`<h4>${e(g.file)} — ${e(msg('report.outsidePosts'))}</h4><ul>${g.findings.map(htmlFinding).join('')}${g.exceptions.map(htmlException).join('')}</ul>`);
					}
				}
				body.push(`<div class="variants">${group.flatMap((g) => g.posts.map((p) => htmlPost(p, g.file))).join('\n')}</div>`);
				continue;
			}
		}
		body.push(`<h2>${e(f.file)}</h2>`);
		if (f.facts) {
			body.push(htmlFacts(f.facts));
		}
		if (f.findings.length || f.exceptions.length) {
			body.push(`<h4>${e(msg('report.outsidePosts'))}</h4><ul>${f.findings.map(htmlFinding).join('')}${f.exceptions.map(htmlException).join('')}</ul>`);
		}
		// The variants of one announcement side by side.
		body.push(`<div class="variants">${f.posts.map((p) => htmlPost(p)).join('\n')}</div>`);
	}
	const csp = opts.csp ? `\n<meta http-equiv="Content-Security-Policy" content="${e(opts.csp)}">` : '';
	return `<!DOCTYPE html>
<html lang="${r.lang === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="utf-8">${csp}
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${e(r.title)}</title>
<style${opts.styleNonce ? ` nonce="${e(opts.styleNonce)}"` : ''}>${REPORT_CSS}</style>
</head>
<body>
${body.join('\n')}
</body>
</html>
`;
}
