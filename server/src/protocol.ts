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
}

export const DEFAULT_SETTINGS: ClientSettings = { enable: true, run: 'onType', defaultPlatform: '', rules: {}, debounce: 200 };

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
	export type Result = import('./preview/model').PreviewModel | null;
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
	applyFixes: 'copydesk.applyFixes',
	openRuleDocs: 'copydesk.openRuleDocs',
	showOutput: 'copydesk.showOutput',
	restartServer: 'copydesk.restartServer',
} as const;

/** The code action kind of "fix all Copydesk problems" (for editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.copydesk';
