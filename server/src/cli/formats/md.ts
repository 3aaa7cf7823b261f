/** The report's md format: Markdown, for a pull request or a preview. */
import type { Report } from '../../report/model';
import { renderMarkdown } from '../../report/render';
import type { OutputFormat } from './types';

export const md: OutputFormat<Report> = {
	name: 'md',
	description: 'format.md',
	render: (report) => renderMarkdown(report),
};
