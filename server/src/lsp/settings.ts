/**
 * The editor's settings (`copydesk.*`): asked of the client per document, cleaned in one place
 * against the engine's own tables, dropped when the client says they changed, and turned into the
 * configuration layer that sits under packs and copydesk.json. A value of the wrong type is never
 * passed on (a number as `defaultPlatform` used to stop every check): it is replaced by its default
 * and reported once.
 *
 * Change notifications: the server registers for `workspace/didChangeConfiguration` when the
 * client supports dynamic registration (VS Code does); a client that does not pushes the
 * notification itself (vscode-languageclient's `synchronize.configurationSection`, Neovim's
 * `settings`). A client that cannot be asked (no `workspace/configuration`) may send the
 * settings in that notification: they are used as they are sent.
 */
import { DidChangeConfigurationNotification, MessageType, ShowMessageNotification, type ClientCapabilities, type Connection } from 'vscode-languageserver/node';
import { FIX_KINDS, isTeamRuleId, msg, ruleById, SEVERITY_SETTINGS, type ConfigLayer, type RuleSetting, type SeveritySetting } from '../engine';
import { DEFAULT_SETTINGS, type ClientSettings } from '../shared/protocol';

/** The settings section the server reads. */
const SETTINGS_SECTION = 'copydesk';

/** The origin of the editor settings' layer; overriddenSettings finds the layer by it. */
// i18n-exempt: a layer's origin is an identifier; hovers name the overriding layer, never this one.
export const SETTINGS_ORIGIN = 'VS Code settings';

/** The values `copydesk.run` may take (package.json's enum; test/meta/manifest.test.ts compares). */
export const RUN_MODES: readonly ClientSettings['run'][] = ['onType', 'onSave'];
/** `copydesk.debounce` bounds in milliseconds (package.json's minimum and maximum). */
export const DEBOUNCE_RANGE = { min: 0, max: 5000 } as const;

export interface CleanSettings {
	settings: ClientSettings;
	/** One localized line per value that was replaced by its default. */
	problems: string[];
}

function isObject(v: unknown): v is Record<string, unknown> {
	return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function show(v: unknown): string {
	try {
		const s = JSON.stringify(v);
		return s === undefined ? String(v) : s.length > 60 ? `${s.slice(0, 57)}…` : s;
	} catch {
		return String(v);
	}
}

/**
 * The one place settings are checked. `raw` is what the client answered for the `copydesk`
 * section (null or undefined: nothing set). Values that do not fit are replaced by their
 * defaults, each with a problem; unknown keys are left alone (a newer or older extension).
 */
export function cleanSettings(raw: unknown): CleanSettings {
	const settings: ClientSettings = { ...DEFAULT_SETTINGS, rules: {} };
	const problems: string[] = [];
	if (raw === null || raw === undefined) {
		return { settings, problems };
	}
	const bad = (key: string, value: unknown, expected: string, fallback: string) =>
		problems.push(msg('settings.invalid', { key: `${SETTINGS_SECTION}.${key}`, value: show(value), expected, fallback }));
	if (!isObject(raw)) {
		bad('*', raw, msg('config.type', { type: 'object' }), show(DEFAULT_SETTINGS));
		return { settings, problems };
	}
	const has = (k: string) => Object.hasOwn(raw, k) && raw[k] !== undefined && raw[k] !== null;
	if (has('enable')) {
		if (typeof raw.enable === 'boolean') {
			settings.enable = raw.enable;
		} else {
			bad('enable', raw.enable, 'true | false', show(DEFAULT_SETTINGS.enable));
		}
	}
	if (has('run')) {
		if ((RUN_MODES as readonly unknown[]).includes(raw.run)) {
			settings.run = raw.run as ClientSettings['run'];
		} else {
			bad('run', raw.run, RUN_MODES.join(' | '), show(DEFAULT_SETTINGS.run));
		}
	}
	if (has('debounce')) {
		const d = raw.debounce;
		if (typeof d === 'number' && Number.isFinite(d) && d >= DEBOUNCE_RANGE.min && d <= DEBOUNCE_RANGE.max) {
			settings.debounce = d;
		} else {
			bad('debounce', d, `${DEBOUNCE_RANGE.min}–${DEBOUNCE_RANGE.max}`, show(DEFAULT_SETTINGS.debounce));
		}
	}
	if (has('defaultPlatform')) {
		// Which ids exist depends on copydesk.json (custom platforms): an unknown id is reported on the post.
		if (typeof raw.defaultPlatform === 'string') {
			settings.defaultPlatform = raw.defaultPlatform.trim();
		} else {
			bad('defaultPlatform', raw.defaultPlatform, msg('settings.platformId'), show(DEFAULT_SETTINGS.defaultPlatform));
		}
	}
	if (has('rules')) {
		if (!isObject(raw.rules)) {
			bad('rules', raw.rules, msg('config.type', { type: 'object' }), '{}');
		} else {
			for (const [id, sev] of Object.entries(raw.rules)) {
				// A team rule (`team/…`, `<pack>/…`) is set by its full id like any rule.
				if (!ruleById(id) && !isTeamRuleId(id)) {
					problems.push(msg('settings.unknownRule', { key: `${SETTINGS_SECTION}.rules`, id }));
				} else if (typeof sev === 'string' && (SEVERITY_SETTINGS as readonly string[]).includes(sev)) {
					settings.rules[id] = sev;
				} else {
					bad(`rules.${id}`, sev, SEVERITY_SETTINGS.join(' | '), msg('settings.ruleDefault'));
				}
			}
		}
	}
	if (has('fix')) {
		const types = isObject(raw.fix) ? raw.fix.types : undefined;
		if (types === undefined || types === null) {
			// `fix` without `types`: the default kinds.
		} else if (Array.isArray(types) && types.every((t) => typeof t === 'string' && (FIX_KINDS as readonly string[]).includes(t))) {
			settings.fix = { types: [...new Set(types as string[])] };
		} else {
			bad('fix.types', types, `[${FIX_KINDS.join(', ')}]`, show(DEFAULT_SETTINGS.fix?.types));
		}
	}
	return { settings, problems };
}

/** Clean settings as a configuration layer: under packs and copydesk.json. */
export function settingsLayer(s: ClientSettings): ConfigLayer {
	const rules: Record<string, RuleSetting> = {};
	for (const [id, sev] of Object.entries(s.rules)) {
		rules[id] = { severity: sev as SeveritySetting, options: {} };
	}
	return { origin: SETTINGS_ORIGIN, defaultPlatform: s.defaultPlatform || undefined, rules };
}

/** A setting a later layer (a pack, copydesk.json) sets otherwise, so the setting has no effect. */
export interface Overridden {
	/** `copydesk.rules` (with `rule`) or `copydesk.defaultPlatform`. */
	setting: 'rules' | 'defaultPlatform';
	rule?: string;
	/** The setting's value and the value that applies instead. */
	mine: string;
	theirs: string;
	/** The layer whose value applies: "copydesk.json" or "pack <name>". */
	by: string;
}

/**
 * The settings that the layers after the editor's (packs, then copydesk.json) set to another
 * value. `layers` are all the layers in order, the settings layer among them.
 */
export function overriddenSettings(layers: readonly ConfigLayer[]): Overridden[] {
	const at = layers.findIndex((l) => l.origin === SETTINGS_ORIGIN);
	if (at < 0) {
		return [];
	}
	const mine = layers[at];
	const later = layers.slice(at + 1);
	const out: Overridden[] = [];
	for (const [rule, s] of Object.entries(mine.rules ?? {})) {
		let last: { by: string; severity: string } | undefined;
		for (const l of later) {
			const sev = l.rules?.[rule]?.severity;
			if (sev) {
				last = { by: l.origin, severity: sev };
			}
		}
		if (last && s.severity && last.severity !== s.severity) {
			out.push({ setting: 'rules', rule, mine: s.severity, theirs: last.severity, by: last.by });
		}
	}
	if (mine.defaultPlatform) {
		const last = later.filter((l) => l.defaultPlatform).pop();
		if (last && last.defaultPlatform !== mine.defaultPlatform) {
			out.push({ setting: 'defaultPlatform', mine: mine.defaultPlatform, theirs: last.defaultPlatform!, by: last.origin });
		}
	}
	return out;
}

/** The hover line for an overridden setting, in the interface language. */
export function overrideNote(o: Overridden): string {
	// Pack layers are named "pack <name>" (see node/packs.ts); copydesk.json by its file name.
	const by = o.by.startsWith('pack ') ? msg('settings.byPack', { name: o.by.slice(5) }) : `\`${o.by}\``;
	return o.setting === 'rules'
		? msg('settings.ruleOverridden', { rule: o.rule!, mine: o.mine, theirs: o.theirs, by })
		: msg('settings.platformOverridden', { mine: o.mine, theirs: o.theirs, by });
}

/**
 * Settings per document for the language server: asked of the client once per document and kept
 * until the client says they changed (then `onChange` re-checks the open drafts).
 */
export class EditorSettings {
	private readonly cache = new Map<string, Promise<ClientSettings>>();
	private canPull = false;
	private canRegister = false;
	/** What a client that cannot be asked sent with its last change notification. */
	private pushed: ClientSettings = DEFAULT_SETTINGS;
	/** Problems already shown since the last change, so each is shown once. */
	private readonly reported = new Set<string>();

	constructor(private readonly connection: Connection, private readonly onChange: () => void) { }

	/** From onInitialize. */
	init(capabilities: ClientCapabilities): void {
		this.canPull = !!capabilities.workspace?.configuration;
		this.canRegister = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
	}

	/** From onInitialized: ask the client to tell us when `copydesk.*` changes. */
	registerForChanges(): void {
		if (this.canRegister) {
			this.connection.client.register(DidChangeConfigurationNotification.type, { section: SETTINGS_SECTION })
				.catch((e: unknown) => this.connection.console.warn(`Copydesk could not register for settings changes: ${String(e)}`));
		}
	}

	listen(): void {
		this.connection.onDidChangeConfiguration((params) => {
			this.cache.clear();
			this.reported.clear();
			if (!this.canPull) {
				const sent = isObject(params?.settings) ? params.settings[SETTINGS_SECTION] : undefined;
				this.pushed = this.cleaned(sent);
			}
			this.onChange();
		});
	}

	/** The settings for a document (or folder) URI. */
	for(uri: string): Promise<ClientSettings> {
		if (!this.canPull) {
			return Promise.resolve(this.pushed);
		}
		let s = this.cache.get(uri);
		if (!s) {
			s = this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION })
				.then((v: unknown) => this.cleaned(v))
				.catch(() => DEFAULT_SETTINGS);
			this.cache.set(uri, s);
		}
		return s;
	}

	/** A closed document's settings are asked again when it is opened again. */
	forget(uri: string): void {
		this.cache.delete(uri);
	}

	private cleaned(raw: unknown): ClientSettings {
		const { settings, problems } = cleanSettings(raw);
		for (const p of problems) {
			if (!this.reported.has(p)) {
				this.reported.add(p);
				this.connection.console.warn(p);
				// A notification, not window/showMessageRequest: nothing to answer, and a client without it loses nothing.
				void this.connection.sendNotification(ShowMessageNotification.type, { type: MessageType.Warning, message: p });
			}
		}
		return settings;
	}
}
