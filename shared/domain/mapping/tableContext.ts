/**
 * Table context: what the whole table is about (memory, databases) decides what
 * a bare column means when its header alone cannot ("Size MiB", "Version").
 * Runs after the one-to-one assignment and only fills fields nobody took.
 */
import type { CanonicalField } from '#domain/assetSchema.ts';
import type { ColumnProfile } from '#domain/tableTypes.ts';
import type { HeaderAnalysis } from './headerNormalizer.ts';
import type { ValueStats } from './valueProfile.ts';

/** A column as the table-context rules see it. */
export interface ContextColumn {
  readonly profile: ColumnProfile;
  readonly position: number;
  readonly analysis: HeaderAnalysis;
  readonly values: ValueStats;
}

/** The mapping decided for one column. */
export interface MappingDecision {
  readonly target: CanonicalField | null;
  readonly confidence: number;
  readonly method: 'rules' | 'learned';
  readonly reason: string;
}

/** Words only a memory table has columns for (RVTools vMemory, hypervisor memory reports). */
const MEMORY_SHEET_WORDS = new Set(['ballooned', 'swapped', 'overhead', 'entitlement']);

/**
 * A bare "Size MiB" in a table about memory (its other columns are ballooned, swapped,
 * overhead, entitlement...) is the configured memory, as no memory column says otherwise.
 */
export function promoteMemorySheetSize(
  prepared: readonly ContextColumn[],
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
): void {
  if (owner.has('memoryGb')) return;
  const memoryWords = new Set(
    prepared.flatMap((c) => c.analysis.tokens.filter((t) => MEMORY_SHEET_WORDS.has(t))),
  );
  if (memoryWords.size < 2) return;
  assignBareSize(prepared, decisions, owner, {
    target: 'memoryGb',
    confidence: 0.75,
    reason: `the table describes memory (columns ${[...memoryWords].join(', ')}), so its size is the memory size`,
  });
}

/**
 * Gives `target` to the table's one unmapped bare "Size"/"Capacity" column with a unit and
 * numeric values; does nothing when there is none or more than one.
 */
function assignBareSize(
  prepared: readonly ContextColumn[],
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
  decision: { target: CanonicalField; confidence: number; reason: string },
): void {
  const size = prepared.filter(
    (c) =>
      !decisions.get(c.position)?.target &&
      c.analysis.unit !== undefined &&
      c.analysis.tokens.length === 1 &&
      (c.analysis.tokens[0] === 'size' || c.analysis.tokens[0] === 'capacity') &&
      c.values.numeric >= 0.8,
  );
  if (size.length !== 1) return;
  const column = size[0] as ContextColumn;
  owner.set(decision.target, column.position);
  decisions.set(column.position, { ...decision, method: 'rules' });
}

/** Words of columns only a database inventory has (DBMS, edition, collation, tablespace...). */
const DATABASE_TABLE_WORDS = new Set(['db', 'dbms', 'sql', 'collation', 'edition', 'tablespace', 'schema']);
const SIZE_WORDS = new Set(['size', 'total', 'allocated']);

/**
 * In a table of database instances, a bare "Version" is the database version and a
 * bare "Total Size (GB)" the database size: the rows are databases, not servers.
 */
export function readAsDatabaseTable(
  prepared: readonly ContextColumn[],
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
): void {
  const words = new Set(
    prepared.flatMap((c) => c.analysis.tokens.filter((t) => DATABASE_TABLE_WORDS.has(t))),
  );
  if (words.size < 2) return;
  const reason = `the table describes databases (columns ${[...words].join(', ')})`;
  const bare = (c: ContextColumn, test: (tokens: readonly string[]) => boolean) =>
    decisions.get(c.position)?.method !== 'learned' && test(c.analysis.tokens);
  if (!owner.has('databaseVersion')) {
    const version = prepared.find((c) => bare(c, (t) => t.length === 1 && t[0] === 'version'));
    const current = version && decisions.get(version.position);
    if (version && (!current?.target || current.target === 'osVersion')) {
      if (current?.target) owner.delete(current.target);
      owner.set('databaseVersion', version.position);
      decisions.set(version.position, {
        target: 'databaseVersion',
        confidence: 0.7,
        method: 'rules',
        reason: `${reason}, so "${version.profile.header}" is the database version`,
      });
    }
  }
  if (owner.has('databaseSizeGb')) return;
  const size = prepared.filter(
    (c) =>
      !decisions.get(c.position)?.target &&
      c.analysis.unit !== undefined &&
      c.values.numeric >= 0.8 &&
      bare(c, (t) => t.includes('size') && t.every((w) => SIZE_WORDS.has(w))),
  );
  if (size.length !== 1) return;
  const column = size[0] as ContextColumn;
  owner.set('databaseSizeGb', column.position);
  decisions.set(column.position, {
    target: 'databaseSizeGb',
    confidence: 0.7,
    method: 'rules',
    reason: `${reason}, so "${column.profile.header}" is the database size`,
  });
}

/** Words of a table about disks, one row per disk (StratoZone diskInfo, RVTools vDisk). */
const DISK_TABLE_WORDS = new Set(['disk', 'drive', 'volume', 'partition']);

/**
 * A bare "SizeInGib" in a table whose other columns are about a disk ("DiskLabel",
 * "StorageTypeLabel") is the disk's allocated size, as no storage column says otherwise.
 * Memory tables are left to promoteMemorySheetSize.
 */
export function promoteDiskTableSize(
  prepared: readonly ContextColumn[],
  decisions: Map<number, MappingDecision>,
  owner: Map<CanonicalField, number>,
): void {
  if (owner.has('storageGb') || owner.has('memoryGb')) return;
  const diskWords = prepared.filter((c) => c.analysis.tokens.some((t) => DISK_TABLE_WORDS.has(t)));
  if (diskWords.length === 0) return;
  assignBareSize(prepared, decisions, owner, {
    target: 'storageGb',
    confidence: 0.72,
    reason: `the table describes disks ("${diskWords[0]?.profile.header}"), so its size is the disk size`,
  });
}
