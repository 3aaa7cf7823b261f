/** `copydesk report`: the campaign report (Markdown or HTML) of the drafts under the paths. */
import * as path from 'node:path';
import { msg } from '../engine';
import { writeFileAtomic } from '../node/files';
import { buildReport } from '../report/model';
import { chooseFormat, configRows, incompleteRun, IoError, parse, rel, resolveInputs } from './common';
import { formatsHelp, REPORT_FORMATS } from './formats';
import type { Io } from './io';

/** `copydesk report`: the campaign report of the drafts under the paths, to stdout or a file. */
export function cmdReport(args: string[], io: Io): number {
	const { values, positionals } = parse(args, { output: { type: 'string', short: 'o' }, title: { type: 'string' } });
	if (values.help) {
		io.stdout(msg('cli.help.report', { formats: formatsHelp(REPORT_FORMATS, 27) }));
		return 0;
	}
	const format = chooseFormat(values.format, REPORT_FORMATS);
	const { configs, campaign } = resolveInputs(io, values, positionals);
	const title = (values.title as string | undefined) ?? msg('report.title');
	const report = buildReport(campaign.files.map((f) => ({ file: rel(io, f.file), text: f.text, result: f.result, ...(f.campaign ? { campaign: rel(io, f.campaign) } : {}) })), title);
	const out = format.render(report) ?? '';
	if (values.output) {
		const target = path.resolve(io.cwd, values.output as string);
		try {
			(io.writeFile ?? ((file: string, data: Uint8Array) => writeFileAtomic(file, data)))(target, Buffer.from(out, 'utf8'));
		} catch (e) {
			throw new IoError(msg('cli.writeFailed', { file: values.output as string, detail: (e as NodeJS.ErrnoException).code ?? String(e) }));
		}
		io.stderr(msg('cli.reportWritten', { file: rel(io, target), posts: report.summary.posts }));
	} else {
		io.stdout(out.trimEnd());
	}
	const incomplete = incompleteRun(io, campaign);
	if (configRows(io, configs).some((r) => r.severity === 'error')) {
		io.stderr(msg('cli.configBroken'));
		return 2;
	}
	return incomplete ? 2 : 0;
}
