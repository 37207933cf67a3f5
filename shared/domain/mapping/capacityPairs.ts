/**
 * Capacity pairs: APIs that report a resource twice, as a current value and as its maximum
 * (Proxmox and libvirt "mem"/"maxmem", "disk"/"maxdisk", "cpu"/"maxcpu"). The maximum is the
 * configured capacity (the allocated size); the bare value is what is in use now, which is a
 * used size for disks, a utilisation for CPUs and no canonical field for memory.
 */
import type { CanonicalField } from '#domain/assetSchema.ts';
import type { ContextColumn, MappingDecision } from './tableContext.ts';

interface Resource {
  readonly word: string;
  readonly capacity: CanonicalField;
  /** What the bare current value is, or null when the schema has no field for it. */
  readonly current: CanonicalField | null;
}

const RESOURCES: readonly Resource[] = [
  { word: 'memory', capacity: 'memoryGb', current: null },
  { word: 'disk', capacity: 'storageGb', current: 'storageUsedGb' },
  { word: 'cpu', capacity: 'cpuCores', current: 'cpuUtilizationPct' },
];

function only(prepared: readonly ContextColumn[], tokens: readonly string[]): ContextColumn | undefined {
  const found = prepared.filter(
    (c) =>
      c.values.numeric >= 0.8 &&
      c.analysis.tokens.length === tokens.length &&
      tokens.every((t, i) => c.analysis.tokens[i] === t),
  );
  return found.length === 1 ? found[0] : undefined;
}

/**
 * Read "X" beside "maxX" as current use and configured capacity. Runs after the one-to-one
 * assignment; tenant corrections and columns another field won on stronger evidence stay.
 */
export function readCapacityPairs(
  prepared: readonly ContextColumn[],
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
): void {
  for (const resource of RESOURCES) {
    const max = only(prepared, ['max', resource.word]);
    const bare = only(prepared, [resource.word]);
    if (!max || !bare) continue;
    const learned = (c: ContextColumn) => decisions.get(c.position)?.method === 'learned';
    if (learned(max) || learned(bare) || decisions.get(max.position)?.target) continue;
    const holder = owner.get(resource.capacity);
    if (holder !== undefined && holder !== bare.position) continue;
    if (resource.word === 'cpu' && (max.values.integer < 0.9 || max.values.max > 1024)) continue;
    if (resource.word !== 'cpu' && !(max.values.max > 1)) continue;
    const why = `"${max.profile.header}" beside "${bare.profile.header}": the maximum is the configured capacity`;
    if (holder === bare.position) {
      owner.delete(resource.capacity);
      decisions.delete(bare.position);
    }
    owner.set(resource.capacity, max.position);
    decisions.set(max.position, {
      target: resource.capacity,
      confidence: 0.75,
      method: 'rules',
      reason: why,
    });
    const current = resource.current;
    const fraction = bare.values.min >= 0 && bare.values.max <= 100;
    if (current && !owner.has(current) && (current !== 'cpuUtilizationPct' || fraction)) {
      owner.set(current, bare.position);
      decisions.set(bare.position, {
        target: current,
        confidence: 0.7,
        method: 'rules',
        reason: `${why}, so "${bare.profile.header}" is the current use`,
      });
    }
  }
}
