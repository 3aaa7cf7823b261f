/** Writes the registry-derived parts of the manifest (see manifest.ts). Run: npx tsx test/meta/sync.ts */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ROOT } from '../helpers/paths';
import { configSchema, nlsRuleEntries, packSchema, settingsRulesProperties, teamRulesSchema } from './manifest';

const write = (f: string, v: unknown) => fs.writeFileSync(path.join(ROOT, f), JSON.stringify(v, null, 2) + '\n');
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
pkg.contributes.configuration.properties['copydesk.rules'].properties = settingsRulesProperties();
write('package.json', pkg);
write('server/schemas/copydesk.schema.json', configSchema());
write('server/schemas/copydesk-pack.schema.json', packSchema());
write('server/schemas/copydesk-rules.schema.json', teamRulesSchema());
for (const [file, lang] of [['package.nls.json', 'en'], ['package.nls.zh-cn.json', 'zh-cn']] as const) {
	const nls = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
	for (const k of Object.keys(nls)) {
		if (k.startsWith('rule.')) {
			delete nls[k];
		}
	}
	write(file, { ...nls, ...nlsRuleEntries(lang) });
}
console.log('manifest synced');
