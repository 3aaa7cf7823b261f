/**
 * What the editor asks about a document: hover, CodeLens, and the custom status bar, preview and
 * campaign report requests. Each answers from the document's lint result (validation.ts).
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hoverAt, msg, statusAt, summarize } from '../engine';
import { lintPaths } from '../node/campaign';
import { buildPreview } from '../preview/model';
import { PreviewRequest, ReportRequest, StatusRequest } from '../shared/protocol';
import { buildReport } from '../report/model';
import { renderHtml, renderMarkdown } from '../report/render';
import { uriToPath } from './diagnostics';
import { overriddenSettings, overrideNote } from './settings';
import type { Validation } from './validation';

export function registerRequests(connection: Connection, documents: TextDocuments<TextDocument>, v: Validation): void {
	connection.onHover(async (params) => {
		const doc = documents.get(params.textDocument.uri);
		const result = doc && (await v.resultFor(doc));
		if (!doc || !result) {
			return null;
		}
		// Where a pack or copydesk.json overrides one of the editor's settings, the hover says which.
		const overridden = overriddenSettings(v.configFor(uriToPath(doc.uri), await v.settingsFor(doc.uri)).layers);
		const h = hoverAt(result, doc.offsetAt(params.position), {
			rule: (id) => overridden.filter((o) => o.rule === id).map(overrideNote)[0],
			defaultPlatform: overridden.filter((o) => o.setting === 'defaultPlatform').map(overrideNote)[0],
		});
		return h ? { contents: { kind: 'markdown', value: h.markdown }, range: { start: doc.positionAt(h.start), end: doc.positionAt(h.end) } } : null;
	});

	connection.onCodeLens(async (params) => {
		const doc = documents.get(params.textDocument.uri);
		const result = doc && (await v.resultFor(doc));
		if (!doc || !result) {
			return [];
		}
		return summarize(result).map((s) => {
			const pos = doc.positionAt(s.anchor);
			return { range: { start: { line: pos.line, character: 0 }, end: { line: pos.line, character: 0 } }, command: { title: s.title, command: '' } };
		});
	});

	connection.onRequest(StatusRequest.method, async (params: StatusRequest.Params): Promise<StatusRequest.Result> => {
		const doc = documents.get(params.uri);
		const result = doc && (await v.resultFor(doc));
		if (!doc || !result) {
			return null;
		}
		return statusAt(result, doc.offsetAt(params.position)) ?? null;
	});

	connection.onRequest(PreviewRequest.method, async (params: PreviewRequest.Params): Promise<PreviewRequest.Result> => {
		const doc = documents.get(params.uri);
		const result = doc && (await v.resultFor(doc));
		return result?.isDraft ? buildPreview(result) : null;
	});

	connection.onRequest(ReportRequest.method, async (params: ReportRequest.Params): Promise<ReportRequest.Result> => {
		const paths = params.uris.map(uriToPath).filter((p): p is string => !!p);
		const settings = await v.settingsFor(params.uris[0] ?? '');
		const base = v.folderOf(paths[0]) ?? (paths[0] ? path.dirname(paths[0]) : process.cwd());
		const campaign = paths.length ? lintPaths(paths, {
			cwd: base,
			configs: { for: (file: string) => v.configFor(file, settings) },
			stopAt: v.folderOf(paths[0]),
			// Unsaved edits count: the report shows what the writer sees.
			readText: (file) => documents.get(pathToFileURL(file).toString())?.getText(),
		}) : undefined;
		const show = (p: string) => path.relative(base, p).split(path.sep).join('/') || path.basename(p);
		const inputs = (campaign?.files ?? []).map((f) => ({ file: show(f.file), text: f.text, result: f.result, ...(f.campaign ? { campaign: show(f.campaign) } : {}) }));
		const report = buildReport(inputs, msg('report.title'));
		return {
			content: params.format === 'md' ? renderMarkdown(report) : renderHtml(report, { csp: params.csp, styleNonce: params.styleNonce }),
			posts: report.summary.posts,
		};
	});
}
