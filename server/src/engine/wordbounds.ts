/** ICU word boundaries for word-list terms marked `word` (lexicon/index.ts). */

let segmenter: Intl.Segmenter | undefined;

/**
 * ICU word boundaries (Intl.Segmenter, dictionary segmentation for Chinese) around a range, computed
 * on a window of the text (a clause's worth on each side) only when a `word` term is found. ICU's
 * dictionary is not a grammar: it joins 第一次 and 折叠 into words (so 第一 and 三折 are not words
 * there), but also splits 友商 into 友|商 and reads 全场三折起 as 全|场|三|折起. So only terms listed
 * with `word: true` ask it, where a listed piece of a longer word is the common mistake.
 */
export class WordBounds {
	constructor(private readonly text: string) {}

	/** True when `start` and `end` both fall on word boundaries. */
	isWord(start: number, end: number): boolean {
		const from = Math.max(0, start - 12);
		const to = Math.min(this.text.length, end + 12);
		segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
		let atStart = start === from;
		for (const seg of segmenter.segment(this.text.slice(from, to))) {
			const at = from + seg.index;
			if (at === start) {
				atStart = true;
			} else if (at === end || (at > end)) {
				return atStart && at === end;
			}
		}
		return atStart && end === to;
	}
}
