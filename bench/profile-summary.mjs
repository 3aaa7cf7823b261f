// Summarises a .cpuprofile from `npm run bench -- --profile full|incremental`: self and total time per
// function (a rule's `check` is named by the rule id it belongs to in bench/out/run.js).
// Usage: node bench/profile-summary.mjs [FILE.cpuprofile] [TOP=30]   (default: the newest profile)
import * as fs from 'node:fs';
import * as path from 'node:path';

const dir = 'bench/results/profiles';
const file = process.argv[2] && process.argv[2].endsWith('.cpuprofile') ? process.argv[2]
	: path.join(dir, fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')).sort().pop() ?? '');
const top = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 30);
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const bundleText = fs.existsSync('bench/out/run.js') ? fs.readFileSync('bench/out/run.js', 'utf8') : '';
const lineStarts = [0];
for (let i = bundleText.indexOf('\n'); i >= 0; i = bundleText.indexOf('\n', i + 1)) {
	lineStarts.push(i + 1);
}

const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) {
	for (const c of n.children ?? []) {
		parent.set(c, n.id);
	}
}
const name = (n) => {
	const f = n.callFrame;
	let fn = f.functionName || '(anonymous)';
	if (fn === 'check' && f.url.endsWith('run.js')) {
		// The rule object before `check`: meta:{id:"zh-spacing"…} or meta:{id:ID…} with ID="ad-guarantee" earlier.
		const at = (lineStarts[f.lineNumber] ?? 0) + f.columnNumber;
		const ids = [...bundleText.slice(Math.max(0, at - 30000), at).matchAll(/meta:\{id:(?:"([a-z-]+)"|([\w$]+))/g)];
		const last = ids[ids.length - 1];
		let id = last?.[1];
		if (!id && last?.[2]) {
			const defs = [...bundleText.slice(0, at).matchAll(new RegExp(`\\b${last[2].replace(/\$/g, '\\$')}\\s*=\\s*"([a-z-]+)"`, 'g'))];
			id = defs.length ? defs[defs.length - 1][1] : undefined;
		}
		fn = `check [${id ?? '?'}]`;
	}
	return `${fn} ${path.basename(f.url) || ''}:${f.lineNumber + 1}`;
};
const self = new Map();
const total = new Map();
let all = 0;
profile.samples.forEach((id, i) => {
	const dt = profile.timeDeltas[i] ?? 0;
	all += dt;
	const k = name(nodes.get(id));
	self.set(k, (self.get(k) ?? 0) + dt);
	const seen = new Set();
	for (let c = id; c !== undefined; c = parent.get(c)) {
		const kk = name(nodes.get(c));
		if (!seen.has(kk)) {
			seen.add(kk);
			total.set(kk, (total.get(kk) ?? 0) + dt);
		}
	}
});
const print = (title, m) => {
	console.log(`\n${title} (of ${(all / 1000).toFixed(0)} ms sampled)`);
	for (const [k, t] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
		console.log(`${(t / 1000).toFixed(1).padStart(9)} ms ${((100 * t) / all).toFixed(1).padStart(5)}%  ${k}`);
	}
};
console.log(file);
print('Self time', self);
print('Total time', total);
print('Rules (total time of check)', new Map([...total].filter(([k]) => k.startsWith('check ['))));
