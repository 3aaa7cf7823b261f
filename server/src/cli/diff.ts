/**
 * A unified diff of two texts by lines (what `copydesk check --fix --dry-run` prints), with
 * three lines of context, in the format `patch` and `git apply` read. The diff itself is jsdiff's
 * (the `diff` package: Myers' algorithm, linear in memory for large files).
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';

/** The patch from `oldText` to `newText` (no trailing newline), or '' when they are equal. */
export function unifiedDiff(oldText: string, newText: string, oldName: string, newName: string, context = 3): string {
	if (oldText === newText) {
		return '';
	}
	return createTwoFilesPatch(oldName, newName, oldText, newText, undefined, undefined, { context, headerOptions: FILE_HEADERS_ONLY }).replace(/\n$/, '');
}
