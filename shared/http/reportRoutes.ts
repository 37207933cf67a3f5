/**
 * Handlers of the report and export routes: the HTML report, CSV and XLSX exports (exceljs on
 * first XLSX) load on the first such request, not at the API's cold start.
 */
import { BadInputError, NotFoundError } from '#errors/errors.ts';
import { toCsv } from '../reports/csv.ts';
import { loadEngagementData } from '../reports/engagementData.ts';
import { EXPORT_DATASETS, type ExportDataset, exportTable } from '../reports/exportTables.ts';
import { renderEngagementReport } from '../reports/reportHtml.ts';
import { storeReport } from '../reports/reportLink.ts';
import { toXlsx } from '../reports/xlsx.ts';
import type { RouteContext, RouteResult } from './apiTypes.ts';
import { engagementParam, XLSX_TYPE } from './baseRoutes.ts';

const EXPORT_FILE = new RegExp(`^(${EXPORT_DATASETS.join('|')})\\.(csv|xlsx)$`);

/** GET /engagements/{engagementId}/report: the HTML report, or with ?format=url a stored report's link. */
export async function engagementReport(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = engagementParam(ctx);
  const format = ctx.query.format;
  if (format !== undefined && format !== 'url' && format !== 'html')
    throw new BadInputError('format must be html or url');
  const data = await loadEngagementData(ctx.services, ctx.caller, engagementId);
  const html = renderEngagementReport(data);
  if (format === 'url')
    return {
      status: 200,
      body: await storeReport(ctx.services, ctx.caller, engagementId, html, data.generatedAt),
    };
  return { status: 200, body: html, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

/** GET /engagements/{engagementId}/exports/{fileName}: one dataset as CSV or XLSX. */
export async function exportDataset(ctx: RouteContext): Promise<RouteResult> {
  const engagementId = engagementParam(ctx);
  const m = EXPORT_FILE.exec(ctx.params.fileName ?? '');
  if (!m) throw new NotFoundError(`export ${String(ctx.params.fileName).slice(0, 60)}`);
  const dataset = m[1] as ExportDataset;
  const format = m[2] as 'csv' | 'xlsx';
  const table = exportTable(dataset, await loadEngagementData(ctx.services, ctx.caller, engagementId));
  const disposition = `attachment; filename="${engagementId}-${dataset}.${format}"`;
  return format === 'csv'
    ? {
        status: 200,
        body: toCsv(table),
        headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': disposition },
      }
    : {
        status: 200,
        body: await toXlsx([table]),
        headers: { 'content-type': XLSX_TYPE, 'content-disposition': disposition },
      };
}
