/**
 * `modernize report --engagement E --out FILE`: writes the engagement report (one self-contained
 * HTML file) from the stored inventory, dependencies and latest assessment.
 */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { NotFoundError } from '#errors/errors.ts';
import { loadEngagementData } from '../reports/engagementData.ts';
import { renderEngagementReport } from '../reports/reportHtml.ts';
import type { CommonOptions } from './discoveryCommands.ts';
import type { Io } from './output.ts';
import { UsageError } from './output.ts';
import { cliTenant, withPlatform } from './platformSession.ts';

/** Renders the report to `out`; prints `{"path": FILE}` with --json, the path otherwise. */
export async function reportCommand(io: Io, args: { out?: string }, opts: CommonOptions): Promise<number> {
  if (!args.out) throw new UsageError('report needs --out FILE');
  const tenant = cliTenant(opts.tenant);
  const data = await withPlatform((platform) =>
    loadEngagementData(platform.services, tenant, opts.engagement),
  );
  if (data.assets.length === 0 && !data.assessment)
    throw new NotFoundError(`data of engagement ${opts.engagement} (run modernize discover first)`);
  const path = resolve(args.out);
  try {
    writeFileSync(path, renderEngagementReport(data), 'utf8');
  } catch (error) {
    throw new UsageError(`cannot write ${args.out}: ${(error as NodeJS.ErrnoException).code ?? 'error'}`);
  }
  io.err(
    `report of engagement ${opts.engagement}: ${data.assets.length} assets, ${data.assessment?.applications.length ?? 0} applications assessed`,
  );
  io.out(opts.json ? JSON.stringify({ path }) : path);
  return 0;
}
