/**
 * The campaign report as Markdown (for a pull request or a preview) and as one
 * self-contained HTML page (inline CSS, no scripts, every piece of user text escaped),
 * in the interface language.
 */
import { countLabel, language, msg, type Severity } from '../engine';
import { htmlEscape, mdEscape } from './escape';
import type { Report, ReportException, ReportField, ReportFile, ReportFinding, ReportPost } from './model';

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
	return `- ${SEV_ICON[f.severity]} ${msg(`severity.${f.severity}`)} — ${mdEscape(f.message)} ${msg('report.findingWhere', { rule: `\`${f.rule}\``, where })}`;
}

function mdException(e: ReportException): string {
	const reason = e.reason ? mdEscape(e.reason) : `**${msg('report.noReason')}**`;
	return `- \`${exceptionRules(e)}\` — ${msg('report.fact', { label: msg('report.line', { line: e.line }), value: reason })}${hid(e)}`;
}

function mdPost(p: ReportPost): string[] {
	const out: string[] = [];
	const names = p.targets.map((t) => t.name).join(' · ') || msg('report.noPlatform');
	out.push(`### ${msg('report.postHeading', { n: p.index + 1, line: p.line })} — ${mdEscape(names)}`, '');
	if (p.title) {
		out.push(msg('report.fact', { label: msg('field.title'), value: mdEscape(p.title) }), '');
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
export const REPORT_CSS = `
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
`;

function htmlTable(head: string[], rows: string[][], numeric: number[] = []): string {
	return `<table><thead><tr>${head.map((h) => `<th>${h}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c, i) => `<td${numeric.includes(i) ? ' class="num"' : ''}>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

function htmlFinding(f: ReportFinding): string {
	const where = [msg('report.lineCol', { line: f.line, column: f.column }), f.platform].filter(Boolean).join(' · ');
	return `<li><span class="${f.severity}">${SEV_ICON[f.severity]} ${e(msg(`severity.${f.severity}`))}</span> ${e(f.message)} <span class="meta">${msg('report.findingWhere', { rule: `<code>${e(f.rule)}</code>`, where: e(where) })}</span></li>`;
}

function htmlException(x: ReportException): string {
	const reason = x.reason ? e(x.reason) : `<span class="noreason">${e(msg('report.noReason'))}</span>`;
	return `<li><code>${e(exceptionRules(x))}</code> ${msg('report.fact', { label: `<span class="meta">${e(msg('report.line', { line: x.line }))}</span>`, value: reason })}${x.suppressed !== undefined ? ` <span class="meta">${e(hid(x).trim())}</span>` : ''}</li>`;
}

function htmlPost(p: ReportPost): string {
	const names = p.targets.map((t) => t.name).join(' · ') || msg('report.noPlatform');
	const parts = [`<section class="post"><h3>${e(msg('report.postHeading', { n: p.index + 1, line: p.line }))} — ${e(names)}</h3>`];
	if (p.title) {
		parts.push(`<p>${e(msg('report.fact', { label: msg('field.title'), value: p.title }))}</p>`);
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
		const bad = (i === 3 || i === 4 || i === 8) && value !== '0';
		return `<div class="stat${bad ? ' bad' : ''}"><b>${e(value)}</b><span>${e(label)}</span></div>`;
	}).join('');
	const body: string[] = [`<h1>${e(r.title)}</h1>`, `<h2>${e(msg('report.summary'))}</h2>`, `<div class="summary">${stats}</div>`];
	if (s.byPlatform.length) {
		body.push(`<h3>${e(msg('report.byPlatform'))}</h3>`, htmlTable([msg('report.platform'), msg('report.posts'), msg('report.over')].map(e), s.byPlatform.map((p) => [e(p.name), String(p.posts), String(p.over)]), [1, 2]));
	}
	if (s.byRule.length) {
		body.push(`<h3>${e(msg('report.byRule'))}</h3>`, htmlTable([msg('report.rule'), msg('report.findings')].map(e), s.byRule.map((x) => [`<code>${e(x.rule)}</code>`, String(x.count)]), [1]));
	}
	if (!r.files.length) {
		body.push(`<p>${e(msg('report.noDrafts'))}</p>`);
	}
	for (const f of r.files) {
		body.push(`<h2>${e(f.file)}</h2>`);
		if (f.findings.length || f.exceptions.length) {
			body.push(`<h4>${e(msg('report.outsidePosts'))}</h4><ul>${f.findings.map(htmlFinding).join('')}${f.exceptions.map(htmlException).join('')}</ul>`);
		}
		body.push(...f.posts.map(htmlPost));
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
