/**
 * Libraries loaded on first use: twitter-text (X's counting, hashtags, mentions and links) and
 * chrono-node (dates in campaign facts) run their module code only when a post needs them, so a
 * run that never meets an X post or a date pays nothing for them (start-up of `copydesk check`,
 * of the language server). Literal `require` calls, which esbuild turns into lazy initializers in
 * the bundles; what is kept here is the loaded library, never anything about a post.
 */
import type * as Chrono from 'chrono-node';
import type TwitterText from 'twitter-text';

let twitter: typeof TwitterText | undefined;
let chronoLib: typeof Chrono | undefined;

/** twitter-text, loaded on first use. */
export function twitterText(): typeof TwitterText {
	if (!twitter) {
		// eslint-disable-next-line @typescript-eslint/no-require-imports
		const m = require('twitter-text') as typeof TwitterText & { default?: typeof TwitterText };
		twitter = m.default ?? m;
	}
	return twitter;
}

/** chrono-node, loaded on first use. */
export function chrono(): typeof Chrono {
	// eslint-disable-next-line @typescript-eslint/no-require-imports
	chronoLib ??= require('chrono-node') as typeof Chrono;
	return chronoLib;
}
