/** `npm run generate`: writes every derived file (see derived.ts). */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { derivedFiles, ROOT } from './derived';

const changed: string[] = [];
for (const [file, text] of derivedFiles()) {
	const p = path.join(ROOT, file);
	if (fs.readFileSync(p, 'utf8') !== text) {
		fs.writeFileSync(p, text);
		changed.push(file);
	}
}
console.log(changed.length ? `generated: ${changed.join(', ')}` : 'every derived file is up to date');
