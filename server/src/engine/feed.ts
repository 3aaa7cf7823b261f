/**
 * How platform feeds show a post, from each platform's `presentation` (data/platforms.json,
 * or a custom platform in copydesk.json): the label where a feed folds a long post ("…全文",
 * "…see more") and how a link is shown (Weibo: 网页链接); data/feed.json holds the fold label
 * of a platform that names none, by locale. These are the platforms' own words, the same
 * whatever the interface language; the platform-fold rule and the preview both use them.
 */
import feed from './data/feed.json';
import type { PlatformProfile } from './platforms';

/** The label the platform's feed shows where it folds a long post. */
export function foldMarker(p: Pick<PlatformProfile, 'locale' | 'presentation'>): string {
	const d = feed.foldMarkers;
	return p.presentation?.foldMarker ?? (p.locale.toLowerCase().startsWith('zh') ? d.zh : d.other);
}

/** What the platform shows instead of a link's address, if anything. */
export function linkLabel(p: Pick<PlatformProfile, 'presentation'>): string | undefined {
	return p.presentation?.linkLabel;
}

/** How the feed shows a link's address: its label, cut after `linkShortened` characters, or whole (undefined). */
export function linkDisplay(p: Pick<PlatformProfile, 'presentation'>, bare: string): string | undefined {
	const label = linkLabel(p);
	if (label !== undefined) {
		return label;
	}
	const cut = p.presentation?.linkShortened;
	return cut !== undefined && bare.length > cut + 1 ? `${bare.slice(0, cut)}…` : undefined;
}
