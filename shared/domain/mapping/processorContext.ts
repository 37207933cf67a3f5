/**
 * The "CPU count" ambiguity, resolved from the rest of the table: a bare count of
 * CPUs or processors is the socket count when the table also counts cores
 * ("cpu_count" beside "cpu_core_count", "total_cpus" beside "core_per_cpu"),
 * and the vCPU count of a virtual machine when nothing else counts cores
 * (Hyper-V "ProcessorCount" next to "VMName").
 */
import type { CanonicalField } from '#domain/assetSchema.ts';
import type { ContextColumn, MappingDecision } from './tableContext.ts';

/** Tokens a bare processor count may carry besides "cpu". */
const BARE_COUNT = new Set(['cpu', 'count', 'total', 'allocated', 'assigned', 'configured']);
/** Tokens saying a column counts cores, threads or vCPUs. */
const CORE_WORDS = new Set(['core', 'vcpu', 'logical', 'thread', 'threads']);
/** Tokens that say the rows are virtual machines. */
const VM_WORDS = new Set(['vm', 'guest']);

function isBareCpuCount(c: ContextColumn): boolean {
  const t = c.analysis.tokens;
  return t.includes('cpu') && t.every((w) => BARE_COUNT.has(w));
}

/** A column counting cores other than the given one. */
function countsCores(prepared: readonly ContextColumn[], except: number): boolean {
  return prepared.some((c) => c.position !== except && c.analysis.tokens.some((t) => CORE_WORDS.has(t)));
}

/**
 * Move a bare CPU count between cpuCores and cpuSockets according to the table.
 * Only rule decisions move; tenant corrections stay as they are.
 */
export function resolveCpuCount(
  prepared: readonly ContextColumn[],
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
): void {
  const cores = owner.get('cpuCores');
  const coresColumn = cores === undefined ? undefined : prepared[cores];
  if (coresColumn && isBareCpuCount(coresColumn) && !owner.has('cpuSockets')) {
    if (countsCores(prepared, coresColumn.position)) {
      move(
        coresColumn,
        'cpuCores',
        'cpuSockets',
        decisions,
        owner,
        'the table also counts cores, so this counts sockets',
      );
    }
    return;
  }
  const sockets = owner.get('cpuSockets');
  const socketsColumn = sockets === undefined ? undefined : prepared[sockets];
  if (!socketsColumn || owner.has('cpuCores') || socketsColumn.analysis.tokens.includes('socket')) return;
  const bare = socketsColumn.analysis.tokens.every((w) => BARE_COUNT.has(w));
  const virtualRows = prepared.some((c) => c.analysis.tokens.some((t) => VM_WORDS.has(t)));
  if (bare && virtualRows && !countsCores(prepared, socketsColumn.position)) {
    move(
      socketsColumn,
      'cpuSockets',
      'cpuCores',
      decisions,
      owner,
      'the rows are virtual machines and nothing else counts cores, so this counts vCPUs',
    );
  }
}

/** A flattened CPU-topology key ending in cores ("cpu.topology.cores", "spec.domain.cpu.cores"): its prefix. */
const TOPOLOGY_CORES = /^(.*[._])cores$/i;

/**
 * A CPU topology written as sibling keys ("cpu.topology.sockets", "cpu.topology.cores",
 * "cpu.topology.threads", as oVirt, libvirt and KubeVirt do) counts cores per socket, not the
 * machine's cores: the cores key is released rather than read as the total.
 */
export function releasePerSocketCores(
  prepared: readonly ContextColumn[],
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
): void {
  const position = owner.get('cpuCores');
  const column = position === undefined ? undefined : prepared[position];
  const prefix = column ? TOPOLOGY_CORES.exec(column.profile.header.trim())?.[1] : undefined;
  if (!column || prefix === undefined) return;
  const sibling = `${prefix}sockets`.toLowerCase();
  if (!prepared.some((c) => c.profile.header.trim().toLowerCase() === sibling)) return;
  const decision = decisions.get(column.position);
  if (decision?.method !== 'rules') return;
  owner.delete('cpuCores');
  decisions.set(column.position, {
    target: null,
    confidence: 0.7,
    method: 'rules',
    reason: `${decision.reason}; a sibling "${prefix}sockets" key makes this the cores per socket, not the total`,
  });
}

function move(
  column: ContextColumn,
  from: CanonicalField,
  to: CanonicalField,
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
  why: string,
): void {
  const decision = decisions.get(column.position);
  if (decision?.method !== 'rules') return;
  owner.delete(from);
  owner.set(to, column.position);
  decisions.set(column.position, {
    ...decision,
    target: to,
    confidence: Math.min(decision.confidence, 0.8),
    reason: `${decision.reason}; ${why}`,
  });
}
