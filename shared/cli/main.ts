/**
 * Command dispatch and flag parsing for `modernize` (DESIGN.md's contract).
 */
import { parseArgs } from 'node:util';
import '#flows/registerFlows.ts';
import { assessCommand, overrideCommand, wavesCommand } from './assessmentCommands.ts';
import {
  approveCommand,
  correctCommand,
  dependenciesCommand,
  discoverCommand,
  flowsCommand,
  inventoryCommand,
  mapCommand,
} from './discoveryCommands.ts';
import { healthCommand } from './healthCommand.ts';
import { type Io, processIo, reportError, UsageError } from './output.ts';
import { reportCommand } from './reportCommand.ts';
import { serveCommand, tokenCommand } from './serveCommand.ts';

const USAGE = `usage: modernize <command> [options]
  map FILE                         propose field mappings for a file
  correct --source H --target F    teach a correction (F a canonical field or "none"); --reject F to forbid one;
                                   with --flow ID it also corrects that flow's mapping before approval
  discover FILE                    run discovery (--engagement E, --as-of YYYY-MM-DD, --auto-approve, --assess)
  approve --flow ID                continue a flow awaiting review
  flows                            the engagement's flows
  inventory                        the engagement's assets with tech debt
  dependencies                     edges and move groups
  assess                           a 7R strategy per application (needs a completed discovery)
  waves                            the latest assessment's migration waves
  override --application A --strategy S --reason R   a user's strategy; re-assesses
  report --out FILE                the engagement report as one self-contained HTML file
  health                           agent health report (model, memory, tools) and performance
  serve                            the embedded platform's API and console (--port N, --example)
  token --role R                   a signed token for the local API (--user U, --engagements a,b)
common: --tenant T (default "default"), --engagement E (default "default"), --json`;

const OPTIONS = {
  tenant: { type: 'string', default: 'default' },
  engagement: { type: 'string', default: 'default' },
  json: { type: 'boolean', default: false },
  source: { type: 'string' },
  target: { type: 'string' },
  reject: { type: 'string' },
  'as-of': { type: 'string' },
  'auto-approve': { type: 'boolean', default: false },
  assess: { type: 'boolean', default: false },
  flow: { type: 'string' },
  port: { type: 'string' },
  example: { type: 'boolean', default: false },
  role: { type: 'string' },
  user: { type: 'string' },
  engagements: { type: 'string' },
  expires: { type: 'string' },
  application: { type: 'string' },
  strategy: { type: 'string' },
  reason: { type: 'string' },
  out: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

/** Runs the command line; returns the exit code. */
export async function main(argv: readonly string[], io: Io = processIo): Promise<number> {
  try {
    let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
    try {
      parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message.split('\n')[0] ?? 'invalid arguments');
    }
    const { values, positionals } = parsed;
    const [command, ...rest] = positionals;
    if (values.help || !command) {
      io.err(USAGE);
      return command || values.help ? 0 : 2;
    }
    const common = { tenant: values.tenant, json: values.json, engagement: values.engagement };
    const file = () => {
      if (rest.length !== 1) throw new UsageError(`${command} needs exactly one FILE`);
      return rest[0] as string;
    };
    switch (command) {
      case 'map':
        return await mapCommand(io, file(), common);
      case 'correct':
        return await correctCommand(
          io,
          { source: values.source, target: values.target, reject: values.reject, flow: values.flow },
          common,
        );
      case 'discover':
        return await discoverCommand(
          io,
          file(),
          { asOf: values['as-of'], autoApprove: values['auto-approve'], assess: values.assess },
          common,
        );
      case 'approve':
        return await approveCommand(io, values.flow, common);
      case 'flows':
        return await flowsCommand(io, common);
      case 'inventory':
        return await inventoryCommand(io, common);
      case 'dependencies':
        return await dependenciesCommand(io, common);
      case 'assess':
        return await assessCommand(io, common);
      case 'waves':
        return await wavesCommand(io, common);
      case 'override':
        return await overrideCommand(
          io,
          { application: values.application, strategy: values.strategy, reason: values.reason },
          common,
        );
      case 'report':
        return await reportCommand(io, { out: values.out }, common);
      case 'health':
        return await healthCommand(io, common);
      case 'serve':
        return await serveCommand(io, { port: values.port, example: values.example }, values.tenant);
      case 'token':
        return await tokenCommand(
          io,
          { role: values.role, user: values.user, engagements: values.engagements, expires: values.expires },
          values.tenant,
          values.json,
        );
      default:
        throw new UsageError(`unknown command "${command}"\n${USAGE}`);
    }
  } catch (error) {
    return reportError(io, error);
  }
}
