import * as assert from 'node:assert/strict';
import { memo2 } from '../../server/src/engine/memo';

describe('memo2 (two-level memo tables)', () => {
	it('makes a value once per (object, key), keeps keys and objects apart, and remembers undefined too', () => {
		const table = new WeakMap<object, Map<string, unknown>>();
		const a = {};
		const b = {};
		let made = 0;
		const make = (v: unknown) => () => {
			made++;
			return v;
		};
		const first = memo2(table, a, 'x', make({ n: 1 }));
		assert.equal(memo2(table, a, 'x', make({ n: 2 })), first);
		assert.notEqual(memo2(table, a, 'y', make({ n: 3 })), first);
		assert.notEqual(memo2(table, b, 'x', make({ n: 4 })), first);
		assert.equal(memo2(table, a, 'u', make(undefined)), undefined);
		assert.equal(memo2(table, a, 'u', make('again')), undefined);
		assert.equal(made, 4);
	});
});
