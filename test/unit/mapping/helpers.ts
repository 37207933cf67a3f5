/**
 * Test helpers: build column profiles from headers and example values.
 */
import { profileFromSamples } from '#domain/mapping/index.ts';
import type { ColumnProfile, FieldMapping, MappingResult } from '#domain/tableTypes.ts';

/** Profiles for [header, samples] pairs, in order. */
export function columns(spec: ReadonlyArray<readonly [string, readonly string[]]>): ColumnProfile[] {
  return spec.map(([header, samples], i) => profileFromSamples(header, samples, i));
}

/** The mapping of one source header (throws when absent, so a typo fails loudly). */
export function mappingOf(result: MappingResult, header: string): FieldMapping {
  const found = result.mappings.find((m) => m.source === header);
  if (!found) throw new Error(`no mapping for ${header}`);
  return found;
}

/** Header -> target, for compact assertions. */
export function targets(result: MappingResult): Record<string, string | null> {
  return Object.fromEntries(result.mappings.map((m) => [m.source, m.target]));
}
