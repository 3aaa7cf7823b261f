/** The report's html format: one self-contained page. */
import type { Report } from '../../report/model';
import { renderHtml } from '../../report/render';
import type { OutputFormat } from './types';

export const html: OutputFormat<Report> = {
	name: 'html',
	description: 'format.html',
	render: (report) => renderHtml(report),
};
