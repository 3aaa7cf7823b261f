/**
 * copydesk.json and copydesk-pack.json are JSON with comments: Copydesk reads them with
 * jsonc-parser, and VS Code must open them as JSONC (language `jsonc`) and validate them with
 * schemas that allow comments and trailing commas, or every comment shows as an error.
 * test/e2e/vscode.e2e.ts checks the same in a real VS Code.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfigLayer, rules } from '../../server/src/engine';
import { ROOT } from '../helpers/paths';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
const knownRules = Object.fromEntries(rules.map((r) => [r.meta.id, r.meta]));
const FILES = [['copydesk.json', 'server/schemas/copydesk.schema.json'], ['copydesk-pack.json', 'server/schemas/copydesk-pack.schema.json'], ['copydesk-rules.json', 'server/schemas/copydesk-rules.schema.json']] as const;

describe('copydesk.json is JSON with comments in VS Code', () => {
	for (const [name, schema] of FILES) {
		it(`${name}: opened as jsonc and validated by ${path.basename(schema)}, which allows comments and trailing commas`, () => {
			const langs = (pkg.contributes.languages ?? []) as { id: string; filenames?: string[] }[];
			assert.ok(langs.some((l) => l.id === 'jsonc' && l.filenames?.includes(name)), `contributes.languages: ${JSON.stringify(langs)}`);
			const validation = pkg.contributes.jsonValidation as { fileMatch: string; url: string }[];
			assert.deepEqual(validation.filter((v) => v.fileMatch === name).map((v) => v.url), [`./${schema}`]);
			const s = JSON.parse(fs.readFileSync(path.join(ROOT, schema), 'utf8'));
			assert.equal(s.allowComments, true);
			assert.equal(s.allowTrailingCommas, true);
		});
	}

	it('the examples\' copydesk.json has comments, and Copydesk reads it without a problem', () => {
		const text = fs.readFileSync(path.join(ROOT, 'examples', 'copydesk.json'), 'utf8');
		assert.match(text, /^\s*\/\//m);
		assert.throws(() => JSON.parse(text), 'plain JSON would refuse it');
		const parsed = parseConfigLayer(text, 'copydesk.json', knownRules);
		assert.deepEqual(parsed.problems, []);
		assert.equal(parsed.layer?.defaultPlatform, 'weibo');
	});

	it('a block comment and a trailing comma are accepted too', () => {
		const parsed = parseConfigLayer('{\n  /* team rules */\n  "rules": { "platform-fold": "off", },\n}\n', 'copydesk.json', knownRules);
		assert.deepEqual(parsed.problems, []);
		assert.equal(parsed.layer?.rules?.['platform-fold']?.severity, 'off');
	});
});
