/**
 * Picks a draft for the "quick fix through the UI" step of the VS Code test: the first fixture
 * of a fixable rule (test/fixtures/<id>/<name>.md beside <name>.fixed.md) that declares its
 * platform and has a finding with a fix, and the text the first fix of that finding gives.
 * Which rules are fixable is the registry's business, so the test follows new rules by itself.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseJsonc } from 'jsonc-parser';
import { applyEdits, lint, rules, setLanguage } from '../../server/src/engine';
import { LineIndex } from '../../server/src/positions';
import { configFor } from '../helpers/fixtures';
import { FIXTURES } from '../helpers/paths';

export interface FixableCase {
	rule: string;
	/** The fixture's file name and text. */
	name: string;
	text: string;
	/** The fixture's copydesk.json (its name.config.json), or an empty object. */
	config: object;
	/** 1-based line and column of the finding, as Ctrl+G takes them. */
	line: number;
	column: number;
	message: string;
	/** The fix the test applies through the UI, and the text it must give. */
	fixTitle: string;
	fixedText: string;
}

export function findFixableCase(): FixableCase | undefined {
	setLanguage('en');
	for (const rule of rules.filter((r) => r.meta.fixable)) {
		const dir = path.join(FIXTURES, rule.meta.id);
		if (!fs.existsSync(dir)) {
			continue;
		}
		for (const name of fs.readdirSync(dir).filter((f) => /\.md$/.test(f) && !/\.fixed\.md$/.test(f)).sort()) {
			const file = path.join(dir, name);
			if (!fs.existsSync(file.replace(/\.md$/, '.fixed.md'))) {
				continue;
			}
			const text = fs.readFileSync(file, 'utf8');
			const config = configFor(file);
			// Declared platform only: in the editor the draft sits beside a copydesk.json without `drafts` globs.
			const result = lint({ text, config, matchedDraftGlob: false });
			const finding = result.findings.find((f) => f.rule === rule.meta.id && f.fixes?.length);
			if (!finding) {
				continue;
			}
			const fix = finding.fixes![0];
			const cfgFile = file.replace(/\.md$/, '.config.json');
			const pos = new LineIndex(text).position(finding.start);
			return {
				rule: rule.meta.id, name, text,
				config: fs.existsSync(cfgFile) ? (parseJsonc(fs.readFileSync(cfgFile, 'utf8')) as object) : {},
				line: pos.line + 1, column: pos.character + 1, message: finding.message,
				fixTitle: fix.title, fixedText: applyEdits(text, fix.edits),
			};
		}
	}
	return undefined;
}
