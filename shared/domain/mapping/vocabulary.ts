/**
 * The shape of the matcher's vocabulary: for each canonical field, the token patterns that
 * name it (with how strongly), the modifiers that do not change its meaning,
 * the tokens that turn it into something else, and what its values look like.
 * Tokens are in the canonical form produced by analyzeHeader().
 */
import type { AssetField, CanonicalField } from '#domain/assetSchema.ts';

/** What the values of a field are expected to look like. */
export type ValueExpectation =
  | 'ip'
  | 'mac'
  | 'fqdn'
  | 'hostname'
  | 'name'
  | 'id'
  | 'os'
  | 'version'
  | 'count'
  | 'size'
  | 'pct'
  | 'mhz'
  | 'port'
  | 'protocol'
  | 'date'
  | 'power'
  | 'environment'
  | 'assetType'
  | 'virtualization'
  | 'number'
  | 'text';

/** One way of naming a field: all tokens must be present. */
export interface HeaderPattern {
  readonly tokens: readonly string[];
  /** Strength of the evidence when the header is exactly this pattern (0..1). */
  readonly weight: number;
  /** Only counts when the header names a size unit ("Provisioned MB" but not "Provisioned"). */
  readonly needsUnit: boolean;
}

/** Vocabulary of one canonical field. */
export interface FieldVocabulary {
  readonly field: CanonicalField;
  readonly patterns: readonly HeaderPattern[];
  /** Tokens that may accompany a pattern without changing the meaning. */
  readonly modifiers: ReadonlySet<string>;
  /** Tokens that make the column mean something else ("free memory", "memory usage %"). */
  readonly negatives: ReadonlySet<string>;
  /** Tokens that weaken but do not veto ("max" CPU % when an average may exist). */
  readonly soft: ReadonlySet<string>;
  readonly expect: ValueExpectation;
  /** Every token any pattern needs: a header sharing none of them cannot match (fast pre-filter). */
  readonly anchors: ReadonlySet<string>;
}

/**
 * Modifiers that never change what a column is about, including product names
 * tools prefix their own columns with ("Tanium Client IP Address", "vSphere Tag").
 */
export const BENIGN: ReadonlySet<string> = words(
  'server vm machine asset device computer guest virtual private total primary current configured allocated assigned actual ci node instance main ' +
    'vmware vsphere tanium dynatrace solarwinds orion azure aws nutanix servicenow lansweeper qualys flexera sccm mecm movere cloudamize turbonomic device42 ' +
    // Configuration-management facts and monitoring inventories prefix every key ("ansible_memtotal_mb",
    // "inventory.os"); discovery tools qualify what they found ("Discovered OS Name", "Calculated Location").
    'ansible facter puppet zabbix netbox inventory workstation discovered reported calculated ' +
    // PowerShell remoting adds PSComputerName to every object it returns.
    'ps',
);

/** A set of space-separated words (keeps the vocabulary compact and readable). */
export function words(list: string): Set<string> {
  return new Set(list.split(' ').filter((w) => w.length > 0));
}

/** Declare a field: patterns map space-separated canonical tokens to weight ('!' suffix: needs a size unit). */
export function field(
  name: CanonicalField,
  expect: ValueExpectation,
  patterns: Record<string, number>,
  modifiers = '',
  negatives = '',
  soft = '',
): FieldVocabulary {
  const compiled = Object.entries(patterns).map(([key, weight]) => ({
    tokens: key.replace(/!$/, '').split(' '),
    weight,
    needsUnit: key.endsWith('!'),
  }));
  return {
    field: name,
    expect,
    patterns: compiled,
    anchors: new Set(compiled.flatMap((p) => p.tokens)),
    modifiers: words(modifiers),
    negatives: words(negatives),
    soft: words(soft),
  };
}

/** Asset fields whose values are sizes converted to GB in cleansing. */
export const SIZE_FIELDS: ReadonlySet<AssetField> = new Set<AssetField>([
  'memoryGb',
  'storageGb',
  'storageUsedGb',
  'databaseSizeGb',
]);
