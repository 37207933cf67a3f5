/**
 * The CLI's audit lines: every command that changes a tenant's data (correct, approve, discover,
 * assess, override) appends one event to the same audit log the API writes, as `cli:<os user>`.
 */
import { userInfo } from 'node:os';
import { oneLine } from '#errors/errors.ts';
import type { AuditStore } from '#ports/auditStore.ts';
import type { TenantContext } from '#ports/tenant.ts';

/** The operating-system user running the CLI (the actor of its audit events). */
export function osUser(): string {
  try {
    return userInfo().username || process.env.USER || 'operator';
  } catch {
    // No passwd entry (some containers): the environment is the best remaining witness.
    return process.env.USER ?? process.env.USERNAME ?? 'operator';
  }
}

/**
 * Runs `run` and records `cli.<command>` for `tenant` with its outcome. A failed command is
 * recorded as failed (with its one-line reason) and its error rethrown; an audit write that fails
 * after a successful command fails the command, so nothing changes silently unaudited.
 */
export async function auditedCommand<T>(
  audit: AuditStore,
  tenant: TenantContext,
  command: string,
  target: Readonly<Record<string, string>>,
  run: () => Promise<T>,
  resultTarget: (result: T) => Readonly<Record<string, string>> = () => ({}),
): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (error) {
    try {
      await audit.record(tenant, {
        action: `cli.${command}`,
        target,
        outcome: 'failed',
        reason: oneLine(error).slice(0, 300),
      });
    } catch {
      // The command's own error is the one to report.
    }
    throw error;
  }
  await audit.record(tenant, {
    action: `cli.${command}`,
    target: { ...target, ...resultTarget(result) },
    outcome: 'success',
  });
  return result;
}
