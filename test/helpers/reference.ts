/**
 * Other projects' reference data (twitter-text's conformance cases, peer suites…) lives in
 * `../shared/reference` beside the repository and is never copied into it. A plain clone has no
 * `../shared`, and its tests must still run: a test reaches that data only through the helpers
 * here, which run the suite or test when the file is there and otherwise register it as pending,
 * with a title and a printed line that name the suite and the missing file.
 *
 * test/meta/reference.test.ts fails when a test file reads SHARED (or a `shared/reference` path)
 * without these helpers.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { SHARED } from './paths';

const REFERENCE = path.join(SHARED, 'reference');

/** The absolute path of a file under ../shared/reference (it may not exist). */
function referenceFile(relPath: string): string {
	return path.join(REFERENCE, ...relPath.split('/'));
}

/** True when ../shared/reference/<relPath> is there to read. */
export function hasReference(relPath: string): boolean {
	return fs.existsSync(referenceFile(relPath));
}

function noteSkip(title: string, relPath: string): string {
	const note = `skipped "${title}": ../shared/reference/${relPath} is absent (other projects' data, kept beside the repository, not in it)`;
	// Printed while mocha loads the file, so the run's log names every suite it did not run.
	console.warn(`[copydesk tests] ${note}`);
	return note;
}

/** Reads a reference file as text (call it inside a suite or test given by the helpers below). */
export function readReference(relPath: string): string {
	return fs.readFileSync(referenceFile(relPath), 'utf8');
}

/** Reads a YAML reference file (twitter-text's conformance files). */
export function readReferenceYaml<T>(relPath: string): T {
	return parseYaml(readReference(relPath)) as T;
}

/**
 * A suite that reads ../shared/reference/<relPath>. The body runs (and may read the file while
 * mocha loads it) only when the file exists; otherwise the suite holds one pending test that
 * names it and the missing file.
 */
export function describeWithReference(title: string, relPath: string, body: (this: Mocha.Suite) => void): void {
	if (hasReference(relPath)) {
		describe(title, body);
		return;
	}
	const note = noteSkip(title, relPath);
	describe(title, () => {
		it.skip(note);
	});
}

/** One test that reads ../shared/reference/<relPath>: run when the file exists, pending (named) when not. */
export function itWithReference(title: string, relPath: string, test: () => void | Promise<void>): void {
	if (hasReference(relPath)) {
		it(title, test);
		return;
	}
	it.skip(noteSkip(title, relPath));
}
