/**
 * Code actions: each finding's fixes as quick fixes, "Split into one post per platform", fix-all for
 * one rule, the source fix-all action (fix-on-save) and the link to a rule's page.
 */
import {
	CodeActionKind, MessageType, ShowMessageNotification,
	type CodeAction, type Connection, type TextDocuments, type TextEdit as LspTextEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import {
	applyEdits, chosenFix, clashesOnSharedBody, DEFAULT_FIX_KINDS, FIX_KINDS, fixAll, lint, LintCache, msg, preferredEdits, splitPostEdit,
	type Finding, type FixAllResult, type FixKind, type LintResult,
} from '../engine';
import { DEFAULT_MAX_DRAFT_BYTES } from '../node/files';
import { matchesDrafts } from '../node/workspace';
import { CommandIds, FIX_ALL_KIND, type ClientSettings } from '../shared/protocol';
import { ruleDocsUri, toDiagnostic, uriToPath } from './diagnostics';
import type { Validation } from './validation';

function lspEdits(doc: TextDocument, edits: readonly { start: number; end: number; newText: string }[]): LspTextEdit[] {
	return edits.map((e) => ({ range: { start: doc.positionAt(e.start), end: doc.positionAt(e.end) }, newText: e.newText }));
}

/** One edit that turns the document into `fixed`: the changed middle, common ends kept. */
function minimalEdit(doc: TextDocument, text: string, fixed: string): LspTextEdit[] {
	if (fixed === text) {
		return [];
	}
	let s = 0;
	while (s < text.length && s < fixed.length && text[s] === fixed[s]) {
		s++;
	}
	let e = 0;
	while (e < text.length - s && e < fixed.length - s && text[text.length - 1 - e] === fixed[fixed.length - 1 - e]) {
		e++;
	}
	return [{ range: { start: doc.positionAt(s), end: doc.positionAt(text.length - e) }, newText: fixed.slice(s, fixed.length - e) }];
}

/** `copydesk.fix.types`, the known kinds only; the default when the setting names none. */
function fixKinds(s: ClientSettings): FixKind[] {
	const kinds = (Array.isArray(s.fix?.types) ? s.fix!.types : []).filter((k): k is FixKind => (FIX_KINDS as readonly string[]).includes(k));
	return kinds.length ? kinds : [...DEFAULT_FIX_KINDS];
}

/** Registers the code action handler; returns what to call when a document closes. */
export function registerCodeActions(connection: Connection, documents: TextDocuments<TextDocument>, v: Validation): { forget(uri: string): void } {
	/** The document with fix-all applied (the kinds of the settings; only `rules` when given), never making a post worse. */
	async function fixedText(doc: TextDocument, rules?: ReadonlySet<string>): Promise<string | undefined> {
		return (await fixedResult(doc, rules)).text;
	}

	async function fixedResult(doc: TextDocument, rules?: ReadonlySet<string>): Promise<FixAllResult> {
		const settings = await v.settingsFor(doc.uri);
		const file = uriToPath(doc.uri);
		const loaded = v.configFor(file, settings);
		const glob = !!file && matchesDrafts(loaded, file);
		const text = doc.getText();
		if (text.length > DEFAULT_MAX_DRAFT_BYTES / 3 && Buffer.byteLength(text, 'utf8') > DEFAULT_MAX_DRAFT_BYTES) {
			// Over the draft size cap: not checked, so not fixed either (the text as it is).
			return { text, passes: 0, applied: [], held: [], split: [], notes: [] };
		}
		const cache = new LintCache();
		return fixAll(text, (t) => lint({ text: t, config: loaded.config, matchedDraftGlob: glob }, cache), { rules, kinds: fixKinds(settings) });
	}

	// Notes fix-all left (a post kept within its limit), shown once per document, post and message, not at every save.
	const shownNotes = new Map<string, Set<string>>();
	function showFixNotes(uri: string, notes: readonly Finding[]): void {
		let shown = shownNotes.get(uri);
		if (!shown) {
			shownNotes.set(uri, (shown = new Set()));
		}
		for (const n of notes) {
			const text = msg('fix.noteOfPost', { post: (n.post ?? 0) + 1, platform: n.platform ?? '', note: n.message });
			if (!shown.has(text)) {
				shown.add(text);
				// A notification (window/showMessage), not a request: nothing waits for the user to close it.
				void connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Info, message: text });
			}
		}
	}

	/**
	 * "Split into one post per platform" for a finding whose fix suits its target and makes another target
	 * of the same body worse (the fixes fix-all leaves out on a shared body).
	 */
	async function splitAction(doc: TextDocument, result: LintResult, f: Finding, cache: LintCache): Promise<LspTextEdit[] | undefined> {
		const fix = f.post !== undefined && f.platform !== undefined ? chosenFix(f) ?? f.fixes?.[0] : undefined;
		const platforms = [...new Set(result.targets.filter((t) => t.post.index === f.post).map((t) => t.platform.id))];
		if (!fix || platforms.length < 2) {
			return undefined;
		}
		const settings = await v.settingsFor(doc.uri);
		const file = uriToPath(doc.uri);
		const loaded = v.configFor(file, settings);
		const glob = !!file && matchesDrafts(loaded, file);
		const text = doc.getText();
		const relint = (t: string) => lint({ text: t, config: loaded.config, matchedDraftGlob: glob }, cache);
		// The document's own result is the "before"; only the text with the fix applied is checked again.
		if (!clashesOnSharedBody(text, result, f, fix, relint)) {
			return undefined;
		}
		const e = splitPostEdit(result.draft, f.post!, platforms);
		return e ? lspEdits(doc, [e]) : undefined;
	}

	connection.onCodeAction(async (params) => {
		const doc = documents.get(params.textDocument.uri);
		const result = doc && (await v.resultFor(doc));
		if (!doc || !result) {
			return [];
		}
		const only = params.context.only;
		const actions: CodeAction[] = [];
		if (only?.some((k) => k === FIX_ALL_KIND || k === CodeActionKind.SourceFixAll || k === CodeActionKind.Source)) {
			const r = await fixedResult(doc);
			showFixNotes(doc.uri, r.notes);
			const edits = minimalEdit(doc, doc.getText(), r.text);
			if (edits.length) {
				actions.push({ title: msg('action.fixAll'), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edits } } });
			}
			return actions;
		}
		const start = doc.offsetAt(params.range.start);
		const end = doc.offsetAt(params.range.end);
		const here = result.findings.filter((f) => f.start <= end && f.end >= start);
		// Two targets' findings of one rule may share a range (a label per platform): the message tells them apart.
		const diagnosticFor = (f: Finding) => params.context.diagnostics.find((d) => d.code === f.rule && d.message === f.message && doc.offsetAt(d.range.start) === f.start && doc.offsetAt(d.range.end) === f.end) ?? toDiagnostic(doc, f);
		const rulesHere = new Set<string>();
		const splitPosts = new Set<number>();
		// One cache for the request's "would this fix break another platform" checks: each re-lints only the post it changes.
		const simulations = new LintCache();
		for (const f of here) {
			rulesHere.add(f.rule);
			// Every fix stays a quick fix, whatever its kind: content fixes are offered here, never applied unasked.
			for (const fx of f.fixes ?? []) {
				actions.push({
					title: fx.title, kind: CodeActionKind.QuickFix, isPreferred: fx.preferred, diagnostics: [diagnosticFor(f)],
					edit: { changes: { [doc.uri]: lspEdits(doc, fx.edits) } },
				});
			}
			if (f.fixes?.length && f.post !== undefined && !splitPosts.has(f.post)) {
				const split = await splitAction(doc, result, f, simulations);
				if (split) {
					splitPosts.add(f.post);
					actions.push({ title: msg('action.split'), kind: CodeActionKind.QuickFix, diagnostics: [diagnosticFor(f)], edit: { changes: { [doc.uri]: split } } });
				}
			}
		}
		const kinds = fixKinds(await v.settingsFor(doc.uri));
		for (const rule of rulesHere) {
			const fixable = result.findings.filter((f) => f.rule === rule && f.fixes?.length);
			if (fixable.length > 1) {
				// To a fixed point, like fix-all (and with its kinds): one rule's fixes may take more than one pass (overlapping edits).
				const fixed = (await fixedText(doc, new Set([rule]))) ?? applyEdits(doc.getText(), preferredEdits(fixable, { rules: new Set([rule]), kinds }));
				const edits = minimalEdit(doc, doc.getText(), fixed);
				if (edits.length) {
					actions.push({ title: msg('action.fixAllRule', { rule }), kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: edits } } });
				}
			}
		}
		if (only === undefined || only.includes(CodeActionKind.QuickFix)) {
			for (const rule of rulesHere) {
				actions.push({ title: msg('action.docs', { rule }), kind: CodeActionKind.QuickFix, command: { title: msg('action.docs', { rule }), command: CommandIds.openRuleDocs, arguments: [rule, ruleDocsUri(rule)] } });
			}
		}
		return actions;
	});

	return { forget: (uri) => void shownNotes.delete(uri) };
}
