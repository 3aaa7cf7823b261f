import * as assert from 'node:assert/strict';
import { expandSnippet, parseSnippet, standardVariables } from '../../server/src/engine';

const noVars = () => undefined;
const at = new Date(2026, 4, 7, 9, 5, 3);

describe('snippet syntax: expansion with defaults', () => {
	it('keeps plain text and drops bare tab stops', () => {
		assert.equal(expandSnippet('a $1 b ${2} c$0', noVars).text, 'a  b  c');
	});
	it('fills placeholders with their text, nested ones too', () => {
		assert.equal(expandSnippet('Hi ${1:dear ${2:friend}}!', noVars).text, 'Hi dear friend!');
	});
	it('takes the first option of a choice, with escaped commas and pipes', () => {
		assert.equal(expandSnippet('${1|微博,微信|}', noVars).text, '微博');
		assert.equal(expandSnippet('${1|a\\,b,c|} ${2|x\\|y,z|}', noVars).text, 'a,b x|y');
	});
	it('gives mirrors the default of the tab stop they mirror, before or after it', () => {
		assert.equal(expandSnippet('$1 / ${1:Acme} / $1', noVars).text, 'Acme / Acme / Acme');
		assert.equal(expandSnippet('${2|one,two|} $2', noVars).text, 'one one');
	});
	it('resolves variables, falls back to the default, then to the name', () => {
		const vars = standardVariables(at);
		assert.equal(expandSnippet('$CURRENT_YEAR-${CURRENT_MONTH}-$CURRENT_DATE $CURRENT_HOUR:$CURRENT_MINUTE', vars).text, '2026-05-07 09:05');
		assert.equal(expandSnippet('${TM_SELECTED_TEXT:正文}', vars).text, '正文');
		assert.equal(expandSnippet('${NOT_A_VAR:fallback} $NOT_A_VAR', vars).text, 'fallback NOT_A_VAR');
	});
	it('reads escapes: \\$ \\} \\\\ and leaves other backslashes alone', () => {
		assert.equal(expandSnippet('save \\$30 ${1:a\\}b} c\\\\d \\n', noVars).text, 'save $30 a}b c\\d \\n');
	});
	it('treats a $ that starts nothing as text, and a stray } at the top level as text', () => {
		assert.equal(expandSnippet('cost $ 5, ${ x } and }', noVars).text, 'cost $ 5, ${ x } and }');
	});
	it('joins the lines of an array body with newlines', () => {
		assert.equal(expandSnippet(['---', 'platform: ${1:weibo}', '---'], noVars).text, '---\nplatform: weibo\n---');
	});
	it('reports an unclosed placeholder and an unclosed choice with their offsets', () => {
		assert.deepEqual(parseSnippet('ok ${1:never closed').errors, [{ offset: 3, code: 'unclosed' }]);
		assert.deepEqual(parseSnippet('${2|a,b').errors, [{ offset: 0, code: 'choice' }]);
	});
	it('refuses transforms (they would run a regular expression from a file)', () => {
		const r = expandSnippet('x ${1/(.*)/${1:/upcase}/} y', noVars);
		assert.deepEqual(r.errors.map((e) => e.code), ['transform']);
	});
	it('parses into typed nodes', () => {
		assert.deepEqual(parseSnippet('a${1:b}$X').nodes, [
			{ type: 'text', value: 'a' },
			{ type: 'tabstop', index: 1, children: [{ type: 'text', value: 'b' }] },
			{ type: 'variable', name: 'X' },
		]);
	});
	it('never loops on a placeholder that mirrors itself', () => {
		assert.ok(expandSnippet('${1:a$1}', noVars).text.startsWith('a'));
	});
});
