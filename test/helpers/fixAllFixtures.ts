/** Reads the fix-all fixtures (test/fixtures/fix-all/, described in test/engine/fix-all.fixtures.test.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FixKind } from '../../server/src/engine';
import { FIXTURES } from './paths';

const DIR = path.join(FIXTURES, 'fix-all');

export interface FixAllFixture {
	name: string;
	text: string;
	fixed: string;
	kinds?: FixKind[];
	pending?: string;
}

export function fixAllFixtures(): FixAllFixture[] {
	return fs.readdirSync(DIR).filter((f) => f.endsWith('.md') && !f.endsWith('.fixed.md')).sort().map((f) => {
		const base = path.join(DIR, f.slice(0, -3));
		const opt = fs.existsSync(`${base}.options.json`) ? JSON.parse(fs.readFileSync(`${base}.options.json`, 'utf8')) as { kinds?: FixKind[] } : {};
		return {
			name: f.slice(0, -3),
			text: fs.readFileSync(`${base}.md`, 'utf8'),
			fixed: fs.readFileSync(`${base}.fixed.md`, 'utf8'),
			kinds: opt.kinds,
			pending: fs.existsSync(`${base}.pending.txt`) ? fs.readFileSync(`${base}.pending.txt`, 'utf8').trim() : undefined,
		};
	});
}

