import { describe, expect, it } from 'vitest';
import {
  isHypervisorPlacement,
  isUuid,
  placementOf,
  placementsConflict,
} from '#domain/inventory/placement.ts';

describe('VM placement and UUIDs', () => {
  it('recognises a hypervisor VM UUID but not a CMDB sys_id or a moref', () => {
    expect(isUuid('50e1d33a-9b58-142a-f889-04b64c6806bb')).toBe(true);
    expect(isUuid('50E1D33A-9B58-142A-F889-04B64C6806BB')).toBe(true);
    expect(isUuid('2cc5b8d687159b010c99ee1260e03a7f')).toBe(false);
    expect(isUuid('vm-1021')).toBe(false);
    expect(isUuid('50e1d33a-9b58-142a-f889-04b64c6806bg')).toBe(false);
  });

  it('reads the vCenter from an RVTools or generic custom column, case and spacing aside', () => {
    const rvtools = placementOf({ datacenter: 'DC-East' }, { 'VI SDK Server': 'VC01.corp' });
    const generic = placementOf({}, { 'vCenter Name': ' vc01.corp ' });
    expect(rvtools).toEqual({ vCenter: 'vc01.corp', datacenter: 'dc-east', cluster: null, host: null });
    expect(generic.vCenter).toBe('vc01.corp');
  });

  it('sees a conflict in another vCenter, datacenter, cluster, or host outside one cluster only', () => {
    const at = (
      vCenter: string | null,
      datacenter: string | null,
      cluster: string | null,
      host: string | null,
    ) =>
      placementOf({ datacenter, cluster, hypervisorHost: host }, vCenter ? { 'VI SDK Server': vCenter } : {});
    const base = at('vc1', 'dc1', 'cl1', 'esx01.corp');
    expect(placementsConflict(base, at('vc2', null, null, null))).toBe(true);
    expect(placementsConflict(base, at(null, 'dc2', null, null))).toBe(true);
    expect(placementsConflict(base, at('vc1', 'dc1', 'cl2', null))).toBe(true);
    expect(placementsConflict(base, at('vc1', 'dc1', 'cl1', 'esx02'))).toBe(false);
    expect(placementsConflict(base, at('vc1', 'dc1', null, 'esx02'))).toBe(true);
    expect(placementsConflict(base, at('vc1', 'dc1', null, 'ESX01'))).toBe(false);
    expect(placementsConflict(base, at(null, null, null, null))).toBe(false);
  });

  it('tells a hypervisor-side placement from a datacenter alone', () => {
    expect(isHypervisorPlacement(placementOf({ datacenter: 'DC1' }, {}))).toBe(false);
    expect(isHypervisorPlacement(placementOf({ hypervisorHost: 'esx01' }, {}))).toBe(true);
    expect(isHypervisorPlacement(placementOf({}, { 'VI SDK Server': 'vc01' }))).toBe(true);
  });
});
