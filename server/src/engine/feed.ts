/**
 * How platform feeds show a post, from data/feed.json: the label where a feed folds a long
 * post ("…全文", "…see more") and how a link is shown (Weibo: 网页链接). These are the
 * platforms' own words, the same whatever the interface language; the platform-fold rule
 * and the preview both use them.
 */
import feed from './data/feed.json';
import type { PlatformProfile } from './platforms';

/** The label the platform's feed shows where it folds a long post. */
export function foldMarker(p: Pick<PlatformProfile, 'id' | 'locale'>): string {
	const m = feed.foldMarkers;
	return (m.platforms as Record<string, string>)[p.id] ?? (p.locale.toLowerCase().startsWith('zh') ? m.defaults.zh : m.defaults.other);
}

/** What the platform shows instead of a link's address, if anything. */
export function linkLabel(p: Pick<PlatformProfile, 'id'>): string | undefined {
	return (feed.linkLabels as Record<string, string>)[p.id];
}
