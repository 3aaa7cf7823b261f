/**
 * Commands that get a writer started: a new draft, the workspace's copydesk.json.
 */
import * as vscode from 'vscode';

/** "Copydesk: New draft": an untitled Markdown draft with a front matter and two posts to start from. */
export async function newDraft(): Promise<void> {
	const content = [
		'---',
		`title: ${vscode.l10n.t('Product launch')}`,
		'---',
		`<!-- ${vscode.l10n.t('One post per platform. Comments like this one are never counted.')} -->`,
		'',
		'<!-- post platform=weibo -->',
		'#新品发布# ',
		'',
		'<!-- post platform=x locale=en -->',
		'',
		'',
	].join('\n');
	const doc = await vscode.workspace.openTextDocument({ language: 'markdown', content });
	const editor = await vscode.window.showTextDocument(doc);
	// Put the cursor after the Weibo topic, where the writer starts typing.
	const pos = doc.positionAt(content.indexOf('#新品发布# ') + '#新品发布# '.length);
	editor.selection = new vscode.Selection(pos, pos);
}

/** "Copydesk: Open copydesk.json": opens the workspace's file, offering to create one when there is none. */
export async function openConfig(): Promise<void> {
	const folder = vscode.window.activeTextEditor
		? vscode.workspace.getWorkspaceFolder(vscode.window.activeTextEditor.document.uri) ?? vscode.workspace.workspaceFolders?.[0]
		: vscode.workspace.workspaceFolders?.[0];
	if (!folder) {
		void vscode.window.showWarningMessage(vscode.l10n.t('Open a folder first: copydesk.json lives at the root of a workspace folder.'));
		return;
	}
	const found = await vscode.workspace.findFiles(new vscode.RelativePattern(folder, '**/copydesk.json'), '**/node_modules/**', 1);
	let uri = found[0];
	if (!uri) {
		const create = vscode.l10n.t('Create copydesk.json');
		const pick = await vscode.window.showInformationMessage(vscode.l10n.t('This workspace has no copydesk.json yet.'), create);
		if (pick !== create) {
			return;
		}
		uri = vscode.Uri.joinPath(folder.uri, 'copydesk.json');
		const starter = '{\n\t"defaultPlatform": "weibo",\n\t"drafts": ["drafts/**/*.md"],\n\t"rules": {},\n\t"packs": []\n}\n';
		await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starter));
	}
	await vscode.window.showTextDocument(uri);
}
