/**
 * The 0..1 quality score of a cleansed record: can the asset be identified, are the fields a
 * migration plan needs present, and were its values valid. Shown to users to rank data to fix.
 */
import type { CanonicalField, FileKind } from '#domain/assetSchema.ts';
import type { FieldValue } from './rowState.ts';

/** The key platform fields (read by name in qualityScore, which runs once per row). */
const ASSET_PLATFORM: readonly CanonicalField[] = ['operatingSystem', 'cpuCores', 'memoryGb', 'storageGb'];
const CONNECTION_PLATFORM: readonly CanonicalField[] = ['destinationPort', 'protocol'];

/** Weights: identity 0.4, key platform fields 0.4, validity 0.2 (each issue costs a fifth of it). */
const IDENTITY_WEIGHT = 0.4;
const PLATFORM_WEIGHT = 0.4;
const VALIDITY_WEIGHT = 0.2;
const ISSUE_COST = 0.2;

function present(value: FieldValue | undefined): boolean {
  if (value === undefined || value === null || value === '') return false;
  return !Array.isArray(value) || value.length > 0;
}

/**
 * Scores a record: for assets, identity = any of name/hostname/FQDN/external id/serial/IP and platform =
 * share of OS, CPU, memory and storage present; for connections, identity = both endpoints known and
 * platform = share of destination port and protocol present. Rounded to two decimals.
 */
export function qualityScore(
  kind: FileKind,
  fields: Partial<Record<CanonicalField, FieldValue>>,
  issueCount: number,
): number {
  // Named reads (not a loop over field names): this runs once per imported row.
  let identity: number;
  let have: number;
  let platformFields: number;
  if (kind === 'connections') {
    const source = present(fields.sourceIp) || present(fields.sourceHost);
    const destination = present(fields.destinationIp) || present(fields.destinationHost);
    identity = (Number(source) + Number(destination)) / 2;
    have = Number(present(fields.destinationPort)) + Number(present(fields.protocol));
    platformFields = CONNECTION_PLATFORM.length;
  } else {
    identity =
      present(fields.name) ||
      present(fields.hostname) ||
      present(fields.fqdn) ||
      present(fields.externalId) ||
      present(fields.serialNumber) ||
      present(fields.ipAddress)
        ? 1
        : 0;
    have =
      Number(present(fields.operatingSystem)) +
      Number(present(fields.cpuCores)) +
      Number(present(fields.memoryGb)) +
      Number(present(fields.storageGb));
    platformFields = ASSET_PLATFORM.length;
  }
  const validity = Math.max(0, 1 - ISSUE_COST * issueCount);
  const score =
    IDENTITY_WEIGHT * identity + PLATFORM_WEIGHT * (have / platformFields) + VALIDITY_WEIGHT * validity;
  return Math.round(score * 100) / 100;
}
