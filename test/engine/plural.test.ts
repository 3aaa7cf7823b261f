import * as assert from 'node:assert/strict';
import { catalog, msg, registerMessages } from '../../server/src/engine/messages';

describe('messages: a word for the number ({name|one|other})', () => {
	it('counts in English pick the singular only for one', () => {
		assert.equal(msg('cli.clean', { files: 1 }, 'en'), '✔ 1 draft checked, no problems');
		assert.equal(msg('cli.clean', { files: 0 }, 'en'), '✔ 0 drafts checked, no problems');
		assert.equal(
			msg('cli.summary', { problems: 1, errors: 1, warnings: 0, infos: 2, files: 1 }, 'en'),
			'✖ 1 problem (1 error, 0 warnings, 2 notes) in 1 draft',
		);
	});

	it('Chinese has no plural words: the Chinese catalog says it its own way', () => {
		assert.doesNotMatch(msg('cli.clean', { files: 1 }, 'zh-cn'), /\|/);
	});

	after(() => {
		// The key registered below is the test's own: the catalogs go back as they were.
		delete (catalog('en') as Record<string, string>)['test.plural'];
	});

	it('a key missing from a catalog falls back to English with English plurals; without the number the placeholder stays', () => {
		registerMessages({ en: { 'test.plural': '{n} {n|post|posts}' }, 'zh-cn': {} });
		assert.equal(msg('test.plural', { n: 1 }, 'zh-cn'), '1 post');
		assert.equal(msg('test.plural', { n: 2 }, 'zh-cn'), '2 posts');
		assert.equal(msg('test.plural', {}, 'en'), '{n} {n|post|posts}');
	});
});
