import * as assert from 'node:assert/strict';
import { memo1, memo2, peek2 } from '../../server/src/engine/memo';

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
		// peek2 reads what memo2 made, and makes nothing.
		assert.equal(peek2(table, a, 'x'), first);
		assert.equal(peek2(table, a, 'z'), undefined);
		assert.equal(peek2(table, {}, 'x'), undefined);
		assert.equal(made, 4);
	});
});

describe('memo1 (one-level memo tables)', () => {
	it('makes a value once per key, in a Map or a WeakMap, and remembers undefined too', () => {
		let made = 0;
		const make = (v: unknown) => () => {
			made++;
			return v;
		};
		const map = new Map<string, unknown>();
		const first = memo1(map, 'x', make({ n: 1 }));
		assert.equal(memo1(map, 'x', make({ n: 2 })), first);
		assert.equal(memo1(map, 'u', make(undefined)), undefined);
		assert.equal(memo1(map, 'u', make('again')), undefined);
		const weak = new WeakMap<object, unknown>();
		const key = {};
		const w = memo1(weak, key, make({ n: 3 }));
		assert.equal(memo1(weak, key, make({ n: 4 })), w);
		assert.equal(made, 3);
	});
});
