/**
 * Custom messages between the Copydesk client and server, and the settings the client
 * sends. The client imports this file too (it has no runtime dependencies).
 */

/** Settings under `copydesk.*` in VS Code, as the server reads them. */
export interface ClientSettings {
	enable: boolean;
	run: 'onType' | 'onSave';
	/** Platform for drafts matched by globs that name none (copydesk.json's defaultPlatform wins). */
	defaultPlatform: string;
	/** Per-rule severity from the editor: applied under copydesk.json. */
	rules: Record<string, string>;
	/** Milliseconds to wait after typing stops before checking. */
	debounce: number;
	/** `copydesk.fix.types`: the kinds of fix "fix all" and fix-on-save apply (typography, syntax, content). */
	fix?: { types?: string[] };
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, run: 'onType', defaultPlatform: '', rules: {}, debounce: 200, fix: { types: ['typography', 'syntax'] } };

/** Asks the server for the status bar text of the post at a position. */
export namespace StatusRequest {
	export const method = 'copydesk/status';
	export interface Params {
		uri: string;
		position: { line: number; character: number };
	}
	export type Result = { text: string; tooltip: string; over: boolean } | null;
}

/** Sent by the server when a document's results changed, so the client refreshes its status bar. */
export namespace ResultsChangedNotification {
	export const method = 'copydesk/resultsChanged';
	export interface Params {
		uri: string;
	}
}

/** Asks the server for the preview model of a document (see server/src/preview/model.ts). */
export namespace PreviewRequest {
	export const method = 'copydesk/preview';
	export interface Params {
		uri: string;
	}
	/** A PreviewModel; null when the document is not open, not a draft, or Copydesk is off for it. */
	export type Result = import('../preview/model').PreviewModel | null;
}

/** Asks the server for the campaign report of files and folders (unsaved editors included). */
export namespace ReportRequest {
	export const method = 'copydesk/report';
	export interface Params {
		/** file: URIs of drafts or folders. */
		uris: string[];
		format: 'html' | 'md';
		/** A Content-Security-Policy for the HTML (the webview's). */
		csp?: string;
		/** The nonce the policy allows the report's stylesheet by. */
		styleNonce?: string;
	}
	export interface Result {
		content: string;
		/** Posts in the report (0: nothing to show). */
		posts: number;
	}
}

export const CommandIds = {
	openPreview: 'copydesk.openPreview',
	showReport: 'copydesk.showReport',
	newDraft: 'copydesk.newDraft',
	openConfig: 'copydesk.openConfig',
	fixAll: 'copydesk.fixAll',
	openRuleDocs: 'copydesk.openRuleDocs',
	showOutput: 'copydesk.showOutput',
	restartServer: 'copydesk.restartServer',
} as const;

/** The code action kind of "fix all Copydesk problems" (for editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.copydesk';

/** A snippet the client can insert: a built-in one or one from a pack. */
export interface SnippetInfo {
	/** Stable id within one answer: `<source>\u0000<name>`. */
	id: string;
	name: string;
	prefix: string;
	description: string;
	/** VS Code snippet syntax. */
	body: string;
	/** Platform ids it is for; empty: any platform. */
	platforms: string[];
	/** "built-in" or the pack's name. */
	source: string;
}

/** Lists the snippets (built-in and from the packs of the document's copydesk.json) and the platforms. */
export namespace SnippetsRequest {
	export const method = 'copydesk/snippets';
	export interface Params {
		/** A document (or folder) whose copydesk.json decides which packs apply. */
		uri?: string;
		/** With `uri`: also say which platforms the post at this position is for. */
		position?: { line: number; character: number };
	}
	export interface Result {
		platforms: { id: string; name: string }[];
		snippets: SnippetInfo[];
		/** The platforms of the post under `position` in `uri`, when asked. */
		current: string[];
	}
}

/** Writes a new pack folder from chosen snippets and the current rule settings. */
export namespace CreatePackRequest {
	export const method = 'copydesk/createPack';
	export interface Params {
		/** A document or folder in the workspace: its copydesk.json gives the rule settings and gets the pack. */
		uri?: string;
		name: string;
		snippetIds: string[];
	}
	/** `error` is a localized message; otherwise the manifest's URI and whether copydesk.json now lists the pack. */
	export type Result = { manifestUri: string; entry: string; added: boolean } | { error: string };
}

/** Reloads every pack, publishes their problems, and sums them up. */
export namespace ValidatePacksRequest {
	export const method = 'copydesk/validatePacks';
	export interface Params {
		uri?: string;
	}
	export interface Result {
		packs: { spec: string; name?: string; version?: string; errors: number; warnings: number }[];
		/** A localized one-line summary. */
		summary: string;
	}
}

export const PackCommandIds = {
	insertSnippet: 'copydesk.insertSnippet',
	createPack: 'copydesk.createPack',
	validatePacks: 'copydesk.validatePacks',
} as const;
