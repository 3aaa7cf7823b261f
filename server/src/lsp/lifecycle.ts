/**
 * The LSP lifecycle, by the book: before `initialize` every request is answered with
 * ServerNotInitialized and notifications are dropped; after `shutdown` every request is
 * answered with InvalidRequest (only `exit` is still heard); a second `initialize` is an
 * InvalidRequest too. The handlers register as usual: `guardLifecycle` wraps the connection's
 * registration methods once, before anything registers, so no handler can forget the check.
 */
import { ErrorCodes, ResponseError, type Connection } from 'vscode-languageserver/node';

type State = 'new' | 'ready' | 'down';

/** Registration methods whose handlers answer requests (the handler is the last argument). */
const REQUESTS = [
	'onHover', 'onCodeLens', 'onCodeLensResolve', 'onCodeAction', 'onCodeActionResolve', 'onCompletion', 'onCompletionResolve', 'onExecuteCommand',
	'onDocumentSymbol', 'onDefinition', 'onReferences', 'onDocumentFormatting', 'onRenameRequest', 'onSignatureHelp', 'onRequest',
] as const;
/** Registration methods for notifications from the client (dropped outside the ready state). */
const NOTIFICATIONS = [
	'onDidOpenTextDocument', 'onDidChangeTextDocument', 'onDidCloseTextDocument', 'onDidSaveTextDocument', 'onWillSaveTextDocument',
	'onDidChangeConfiguration', 'onDidChangeWatchedFiles', 'onNotification',
] as const;

// i18n-exempt: protocol error messages are read by LSP clients' logs, not by writers.
const NOT_INITIALIZED = 'The server is not initialized: send initialize first.';
// i18n-exempt: as above.
const SHUT_DOWN = 'The server is shutting down: only exit is accepted after shutdown.';

export function guardLifecycle(connection: Connection): { readonly state: State } {
	let state: State = 'new';
	const api = connection as unknown as Record<string, (...args: unknown[]) => unknown>;
	const wrapLast = (args: unknown[], wrap: (h: (...a: unknown[]) => unknown) => (...a: unknown[]) => unknown): unknown[] => {
		const i = args.length - 1;
		return typeof args[i] === 'function' ? [...args.slice(0, i), wrap(args[i] as (...a: unknown[]) => unknown)] : args;
	};
	for (const name of REQUESTS) {
		const original = api[name]?.bind(connection);
		if (!original) {
			continue;
		}
		api[name] = (...args: unknown[]) => original(...wrapLast(args, (h) => (...a: unknown[]) => {
			if (state === 'new') {
				throw new ResponseError(ErrorCodes.ServerNotInitialized, NOT_INITIALIZED);
			}
			if (state === 'down') {
				throw new ResponseError(ErrorCodes.InvalidRequest, SHUT_DOWN);
			}
			return h(...a);
		}));
	}
	for (const name of NOTIFICATIONS) {
		const original = api[name]?.bind(connection);
		if (!original) {
			continue;
		}
		api[name] = (...args: unknown[]) => original(...wrapLast(args, (h) => (...a: unknown[]) => (state === 'ready' ? h(...a) : undefined)));
	}
	const onInitialize = api.onInitialize.bind(connection);
	api.onInitialize = (handler: unknown) => onInitialize((...a: unknown[]) => {
		if (state !== 'new') {
			throw new ResponseError(ErrorCodes.InvalidRequest, state === 'down' ? SHUT_DOWN : 'initialize was already received.');
		}
		const result = (handler as (...x: unknown[]) => unknown)(...a);
		state = 'ready';
		return result;
	});
	connection.onShutdown(() => {
		state = 'down';
	});
	return {
		get state() {
			return state;
		},
	};
}
