/**
 * Proof that two same-named virtual machines are different machines: each carries its own hypervisor-issued
 * VM UUID and they run in different places (vCenter, datacenter, cluster or standalone host). A name is
 * unique only within a vCenter folder, so DR copies and restored clones in another vCenter share it; an
 * RVTools 3.x export (no SMBIOS UUID, so no serial) of a powered-off VM (no DNS name, no IP) has nothing else
 * to tell them apart.
 */
import { lowerTrim, shortHostName } from './identity.ts';

/** Where a VM runs, each part lower-cased (null when unknown). */
export interface Placement {
  readonly vCenter: string | null;
  readonly datacenter: string | null;
  readonly cluster: string | null;
  readonly host: string | null;
}

/** The placement fields of a row's scalars or of an asset. */
export interface PlacementFields {
  readonly datacenter?: unknown;
  readonly cluster?: unknown;
  readonly hypervisorHost?: unknown;
}

/**
 * Custom column headers naming the vCenter a row was exported from (RVTools "VI SDK Server", other tools'
 * "vCenter"), compared as lower-case letters and digits alone. There is no canonical field for it.
 */
const VCENTER_HEADERS: ReadonlySet<string> = new Set([
  'visdkserver',
  'vcenter',
  'vcenterserver',
  'vcentername',
  'vcenterhost',
  'vcenterfqdn',
  'vcserver',
]);

function text(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const lowered = lowerTrim(value);
  return lowered === '' ? null : lowered;
}

function vCenterOf(custom: Readonly<Record<string, unknown>> | null | undefined): string | null {
  if (!custom) return null;
  for (const header in custom) {
    if (!VCENTER_HEADERS.has(header.toLowerCase().replace(/[^a-z0-9]/g, ''))) continue;
    const value = text(custom[header]);
    if (value !== null) return value;
  }
  return null;
}

/** The placement of a row (its scalars and custom columns) or of an asset (its fields and attributes). */
export function placementOf(
  fields: PlacementFields,
  custom: Readonly<Record<string, unknown>> | null | undefined,
): Placement {
  const host = text(fields.hypervisorHost);
  return {
    vCenter: vCenterOf(custom),
    datacenter: text(fields.datacenter),
    cluster: text(fields.cluster),
    // Exports name a host by FQDN or short name: only the short name is compared.
    host: host === null ? null : shortHostName(host),
  };
}

function differ(a: string | null, b: string | null): boolean {
  return a !== null && b !== null && a !== b;
}

/**
 * True when two placements are known to differ: another vCenter, datacenter or cluster, or (unless both are
 * in the same cluster, where DRS moves VMs between hosts) another host. Unknown parts never conflict.
 */
export function placementsConflict(a: Placement, b: Placement): boolean {
  if (differ(a.vCenter, b.vCenter) || differ(a.datacenter, b.datacenter) || differ(a.cluster, b.cluster))
    return true;
  const sameCluster = a.cluster !== null && a.cluster === b.cluster;
  return !sameCluster && differ(a.host, b.host);
}

/**
 * True when a placement names where a VM runs on the hypervisor side (a vCenter, cluster or host), as a
 * virtualisation inventory does; a CMDB row with a datacenter alone is no such record, so two CMDB records
 * of one server (even with GUID record ids) are never kept apart by their datacenters.
 */
export function isHypervisorPlacement(placement: Placement): boolean {
  return placement.vCenter !== null || placement.cluster !== null || placement.host !== null;
}

function isHex(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 97 && code <= 102) || (code >= 65 && code <= 70);
}

/**
 * True for a UUID in its 8-4-4-4-12 form: what hypervisors issue per VM (RVTools "VM UUID"). A CMDB record
 * id (a ServiceNow sys_id is 32 hex digits without dashes) or a tool's own number is not one: a CMDB can
 * list one server under two record ids, so only UUIDs prove two machines.
 */
export function isUuid(value: string): boolean {
  if (value.length !== 36) return false;
  for (let i = 0; i < 36; i++) {
    const code = value.charCodeAt(i);
    if (i === 8 || i === 13 || i === 18 || i === 23) {
      if (code !== 45) return false;
    } else if (!isHex(code)) return false;
  }
  return true;
}

/** True when two lists of normalised IPs share an address. */
export function shareAnIp(a: readonly string[], b: readonly string[]): boolean {
  for (let i = 0; i < a.length; i++) if (b.includes(a[i] as string)) return true;
  return false;
}
