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

export const CommandIds = {
	fixAll: 'copydesk.fixAll',
	applyFixes: 'copydesk.applyFixes',
	openRuleDocs: 'copydesk.openRuleDocs',
	showOutput: 'copydesk.showOutput',
	restartServer: 'copydesk.restartServer',
} as const;

/** The code action kind of "fix all Copydesk problems" (for editor.codeActionsOnSave). */
export const FIX_ALL_KIND = 'source.fixAll.copydesk';
