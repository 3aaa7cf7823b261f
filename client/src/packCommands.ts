/**
 * The pack commands: "Insert snippet for platform…", "Create pack from snippets" and
 * "Validate packs". Thin: the server lists snippets, writes packs and validates them; this
 * file only asks the user and shows the answers.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CreatePackRequest, PackCommandIds, SnippetsRequest, ValidatePacksRequest, type SnippetInfo } from '../../server/src/shared/protocol';

type GetClient = () => LanguageClient | undefined;

/** A URI that tells the server which copydesk.json applies: the active file, else the first folder. */
function scopeUri(): string | undefined {
	return vscode.window.activeTextEditor?.document.uri.toString() ?? vscode.workspace.workspaceFolders?.[0]?.uri.toString();
}

function snippetItem(s: SnippetInfo): vscode.QuickPickItem & { snippet: SnippetInfo } {
	return { label: s.prefix, description: `${s.name} · ${s.source}`, detail: s.description || undefined, snippet: s };
}

async function insertSnippet(getClient: GetClient): Promise<void> {
	const client = getClient();
	const editor = vscode.window.activeTextEditor;
	if (!client || !editor) {
		void vscode.window.showInformationMessage(vscode.l10n.t('Open a draft to insert a snippet into.'));
		return;
	}
	const r = await client.sendRequest<SnippetsRequest.Result>(SnippetsRequest.method, {
		uri: editor.document.uri.toString(),
		position: editor.selection.active,
	} satisfies SnippetsRequest.Params);
	const forPlatform = (id: string) => r.snippets.filter((s) => !s.platforms.length || s.platforms.includes(id));
	// The post's own platforms first, then every platform some snippet is for.
	const platforms = r.platforms
		.filter((p) => r.current.includes(p.id) || r.snippets.some((s) => s.platforms.includes(p.id)))
		.sort((a, b) => Number(r.current.includes(b.id)) - Number(r.current.includes(a.id)));
	const platform = await vscode.window.showQuickPick(platforms.map((p) => ({
		label: p.name, description: r.current.includes(p.id) ? vscode.l10n.t('the post under the cursor') : p.id, id: p.id,
	})), { placeHolder: vscode.l10n.t('Insert a snippet for which platform?') });
	if (!platform) {
		return;
	}
	const picked = await vscode.window.showQuickPick(forPlatform(platform.id).map(snippetItem), {
		placeHolder: vscode.l10n.t('Choose a snippet for {0}', platform.label), matchOnDescription: true, matchOnDetail: true,
	});
	if (picked) {
		await editor.insertSnippet(new vscode.SnippetString(picked.snippet.body));
	}
}

async function createPack(getClient: GetClient): Promise<void> {
	const client = getClient();
	if (!client) {
		return;
	}
	const uri = scopeUri();
	const r = await client.sendRequest<SnippetsRequest.Result>(SnippetsRequest.method, { uri } satisfies SnippetsRequest.Params);
	const picked = await vscode.window.showQuickPick(r.snippets.map(snippetItem), {
		canPickMany: true, placeHolder: vscode.l10n.t('Choose the snippets the new pack holds'), matchOnDescription: true,
	});
	if (!picked?.length) {
		return;
	}
	const name = await vscode.window.showInputBox({
		prompt: vscode.l10n.t('Pack name (an npm package name, e.g. acme-brand)'),
		value: 'team-pack',
		validateInput: (v) => (/^[a-z0-9][a-z0-9._~-]*$/.test(v) ? undefined : vscode.l10n.t('Use lower case letters, digits, dots and dashes.')),
	});
	if (!name) {
		return;
	}
	const res = await client.sendRequest<CreatePackRequest.Result>(CreatePackRequest.method, {
		uri, name, snippetIds: picked.map((p) => p.snippet.id),
	} satisfies CreatePackRequest.Params);
	if ('error' in res) {
		void vscode.window.showErrorMessage(res.error);
		return;
	}
	await vscode.window.showTextDocument(vscode.Uri.parse(res.manifestUri));
	void vscode.window.showInformationMessage(res.added
		? vscode.l10n.t('Pack created and added to copydesk.json as {0}.', res.entry)
		: vscode.l10n.t('Pack created. Add {0} to "packs" in copydesk.json to use it.', res.entry));
}

async function validatePacks(getClient: GetClient): Promise<void> {
	const client = getClient();
	if (!client) {
		return;
	}
	const r = await client.sendRequest<ValidatePacksRequest.Result>(ValidatePacksRequest.method, { uri: scopeUri() } satisfies ValidatePacksRequest.Params);
	const bad = r.packs.some((p) => p.errors || p.warnings);
	if (!bad) {
		void vscode.window.showInformationMessage(r.summary);
		return;
	}
	const show = vscode.l10n.t('Show problems');
	if (await vscode.window.showWarningMessage(r.summary, show) === show) {
		await vscode.commands.executeCommand('workbench.actions.view.problems');
	}
}

export function registerPackCommands(context: vscode.ExtensionContext, getClient: GetClient): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(PackCommandIds.insertSnippet, () => insertSnippet(getClient)),
		vscode.commands.registerCommand(PackCommandIds.createPack, () => createPack(getClient)),
		vscode.commands.registerCommand(PackCommandIds.validatePacks, () => validatePacks(getClient)),
	);
}
