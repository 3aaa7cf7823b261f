import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { FIX_KINDS, rules, SEVERITY_SETTINGS, setLanguage, type ConfigLayer } from '../../server/src/engine';
import { DEFAULT_SETTINGS } from '../../server/src/shared/protocol';
import { cleanSettings, DEBOUNCE_RANGE, overriddenSettings, RUN_MODES, SETTINGS_ORIGIN, settingsLayer } from '../../server/src/lsp/settings';
import { ROOT } from '../helpers/paths';

describe('editor settings: cleaned in one place', () => {
	before(() => setLanguage('en'));

	it('nothing set gives the defaults, without problems', () => {
		for (const raw of [undefined, null, {}]) {
			assert.deepEqual(cleanSettings(raw), { settings: DEFAULT_SETTINGS, problems: [] });
		}
	});

	it('keeps every value of the right type', () => {
		const raw = { enable: false, run: 'onSave', debounce: 0, defaultPlatform: ' weibo ', rules: { 'platform-limit': 'warning', 'cjk-density': 'off' } };
		assert.deepEqual(cleanSettings(raw), {
			settings: { enable: false, run: 'onSave', debounce: 0, defaultPlatform: 'weibo', rules: { 'platform-limit': 'warning', 'cjk-density': 'off' }, fix: DEFAULT_SETTINGS.fix },
			problems: [],
		});
	});

	it('replaces each value of the wrong type by its default and says so', () => {
		const { settings, problems } = cleanSettings({
			enable: 'false', run: 'always', debounce: -5, defaultPlatform: 5,
			rules: { 'platform-limit': 'loud', 'no-such-rule': 'off', 'cjk-density': 'info' },
		});
		assert.deepEqual(settings, { ...DEFAULT_SETTINGS, rules: { 'cjk-density': 'info' } });
		assert.deepEqual(problems, [
			'The setting copydesk.enable is "false"; it should be true | false. Copydesk uses true until it is fixed.',
			'The setting copydesk.run is "always"; it should be onType | onSave. Copydesk uses "onType" until it is fixed.',
			'The setting copydesk.debounce is -5; it should be 0–5000. Copydesk uses 200 until it is fixed.',
			'The setting copydesk.defaultPlatform is 5; it should be a platform id in quotes, such as "weibo". Copydesk uses "" until it is fixed.',
			'The setting copydesk.rules.platform-limit is "loud"; it should be off | hint | info | warning | error. Copydesk uses the rule\'s own severity until it is fixed.',
			'The setting copydesk.rules names a rule that does not exist: \'no-such-rule\'. It is ignored.',
		]);
	});

	it('a section or rules that are not objects, and values that are not JSON numbers', () => {
		assert.deepEqual(cleanSettings('weibo').settings, DEFAULT_SETTINGS);
		assert.equal(cleanSettings('weibo').problems.length, 1);
		assert.deepEqual(cleanSettings({ rules: ['platform-limit'] }).settings.rules, {});
		assert.equal(cleanSettings({ debounce: Number.NaN }).settings.debounce, DEFAULT_SETTINGS.debounce);
		assert.equal(cleanSettings({ defaultPlatform: { id: 'weibo' } }).settings.defaultPlatform, '');
	});

	it('copydesk.fix.types: known kinds kept (duplicates dropped), anything else replaced by the default kinds and said', () => {
		assert.deepEqual(cleanSettings({ fix: { types: ['typography', 'content', 'content'] } }), { settings: { ...DEFAULT_SETTINGS, fix: { types: ['typography', 'content'] } }, problems: [] });
		for (const types of ['content', ['typography', 'rewrite'], [1]]) {
			const { settings, problems } = cleanSettings({ fix: { types } });
			assert.deepEqual(settings.fix, DEFAULT_SETTINGS.fix, JSON.stringify(types));
			assert.equal(problems.length, 1);
			assert.match(problems[0], /copydesk\.fix\.types .*typography, syntax, content/);
		}
		assert.deepEqual(cleanSettings({ fix: {} }), { settings: DEFAULT_SETTINGS, problems: [] });
	});

	it('every rule of the registry and every severity is accepted', () => {
		const all = Object.fromEntries(rules.map((r, i) => [r.meta.id, SEVERITY_SETTINGS[i % SEVERITY_SETTINGS.length]]));
		const { settings, problems } = cleanSettings({ rules: all });
		assert.deepEqual(problems, []);
		assert.deepEqual(settings.rules, all);
	});

	it('package.json declares the same settings, defaults, values and bounds', () => {
		const props = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).contributes.configuration.properties;
		// The settings object's leaves, as package.json names them (`fix: { types }` is `copydesk.fix.types`; `rules` is one setting).
		const leaves = new Map<string, unknown>();
		for (const [k, v] of Object.entries(DEFAULT_SETTINGS)) {
			if (k !== 'rules' && typeof v === 'object' && v !== null && !Array.isArray(v)) {
				for (const [k2, v2] of Object.entries(v)) {
					leaves.set(`copydesk.${k}.${k2}`, v2);
				}
			} else {
				leaves.set(`copydesk.${k}`, v);
			}
		}
		const own = Object.keys(props).filter((k) => leaves.has(k));
		assert.deepEqual(own.sort(), [...leaves.keys()].sort());
		for (const k of own) {
			assert.deepEqual(props[k].default, leaves.get(k), k);
		}
		assert.deepEqual(props['copydesk.fix.types'].items.enum, [...FIX_KINDS]);
		assert.deepEqual(props['copydesk.run'].enum, RUN_MODES);
		assert.deepEqual([props['copydesk.debounce'].minimum, props['copydesk.debounce'].maximum], [DEBOUNCE_RANGE.min, DEBOUNCE_RANGE.max]);
		assert.deepEqual(Object.keys(props['copydesk.rules'].properties).sort(), rules.map((r) => r.meta.id).sort());
		for (const p of Object.values(props['copydesk.rules'].properties) as { enum: string[] }[]) {
			assert.deepEqual(p.enum, SEVERITY_SETTINGS);
		}
	});
});

describe('editor settings: which ones a pack or copydesk.json overrides', () => {
	const mine = settingsLayer({ ...DEFAULT_SETTINGS, defaultPlatform: 'x', rules: { 'platform-limit': 'off', 'cjk-density': 'warning', 'zh-spacing': 'info' } });
	const pack: ConfigLayer = { origin: 'pack brand', rules: { 'platform-limit': { severity: 'warning', options: {} }, 'zh-spacing': { options: { exceptions: [] } } } };
	const file: ConfigLayer = { origin: 'copydesk.json', defaultPlatform: 'weibo', rules: { 'platform-limit': { severity: 'error', options: {} }, 'cjk-density': { severity: 'warning', options: {} } } };

	it('the last layer that sets a different severity wins; the same value or options only are no override', () => {
		assert.equal(mine.origin, SETTINGS_ORIGIN);
		assert.deepEqual(overriddenSettings([mine, pack, file]), [
			{ setting: 'rules', rule: 'platform-limit', mine: 'off', theirs: 'error', by: 'copydesk.json' },
			{ setting: 'defaultPlatform', mine: 'x', theirs: 'weibo', by: 'copydesk.json' },
		]);
		assert.deepEqual(overriddenSettings([mine, pack]), [{ setting: 'rules', rule: 'platform-limit', mine: 'off', theirs: 'warning', by: 'pack brand' }]);
	});

	it('layers before the settings (none today) and a run without settings override nothing', () => {
		assert.deepEqual(overriddenSettings([file, mine]), []);
		assert.deepEqual(overriddenSettings([pack, file]), []);
	});
});
