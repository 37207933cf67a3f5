import { describe, expect, it } from 'vitest';
import type { AssetType } from '#domain/assetSchema.ts';
import { classifyAssetType } from '#domain/inventory/index.ts';

describe('classifyAssetType', () => {
  const explicit: [string, AssetType][] = [
    ['cmdb_ci_win_server', 'server'],
    ['cmdb_ci_linux_server', 'server'],
    ['Linux Server', 'server'],
    ['cmdb_ci_esx_server', 'server'],
    ['Virtual Machine', 'virtual_machine'],
    ['VM', 'virtual_machine'],
    ['cmdb_ci_vmware_instance', 'virtual_machine'],
    ['Router', 'network_device'],
    ['cmdb_ci_ip_switch', 'network_device'],
    ['Firewall', 'network_device'],
    ['F5', 'load_balancer'],
    ['cmdb_ci_lb_bigip', 'load_balancer'],
    ['NetApp', 'storage'],
    ['cmdb_ci_storage_device', 'storage'],
    ['SQL Instance', 'database'],
    ['cmdb_ci_db_mssql_instance', 'database'],
    ['Database Server', 'server'],
    ['cmdb_ci_appl', 'application'],
    ['Business Application', 'application'],
    ['Docker Container', 'container'],
  ];
  it.each(explicit)('reads the explicit class %s as %s', (label, type) => {
    // Prepare / Act / Assess
    expect(classifyAssetType({ assetType: label, operatingSystem: 'Windows Server 2019' }, {})).toBe(type);
  });

  it('reads an unmapped ServiceNow class column', () => {
    expect(classifyAssetType({ name: 'core-sw1' }, { sys_class_name: 'cmdb_ci_ip_switch' })).toBe(
      'network_device',
    );
  });

  const evidence: [string, Parameters<typeof classifyAssetType>[0], Record<string, string>, AssetType][] = [
    ['a hypervisor host', { name: 'vm1', hypervisorHost: 'esx01' }, {}, 'virtual_machine'],
    ['a cluster', { name: 'vm1', cluster: 'PROD-CL1', operatingSystem: 'RHEL 8' }, {}, 'virtual_machine'],
    ['an RVTools origin', { name: 'vm1' }, { 'VI SDK Server': 'vcenter01' }, 'virtual_machine'],
    ['a virtual flag', { name: 'vm1', operatingSystem: 'Windows' }, { virtual: 'true' }, 'virtual_machine'],
    ['a VMware model', { name: 'vm1' }, { model_id: 'VMware Virtual Platform' }, 'virtual_machine'],
    ['a database engine without OS', { name: 'ORCL1', databaseEngine: 'Oracle' }, {}, 'database'],
    [
      'an operating system',
      { name: 'srv', operatingSystem: 'CentOS 7', databaseEngine: 'MySQL' },
      {},
      'server',
    ],
    ['a network OS', { name: 'r1', operatingSystem: 'Cisco IOS XE' }, {}, 'network_device'],
    ['sizing only', { name: 'box', cpuCores: 4, memoryGb: 16 }, {}, 'server'],
    ['nothing', { name: 'thing' }, {}, 'other'],
  ];
  it.each(evidence)('infers the type from %s', (_label, fields, custom, type) => {
    expect(classifyAssetType(fields, custom)).toBe(type);
  });

  it('refines a server class to a virtual machine on virtualisation evidence, but not a hypervisor host', () => {
    expect(classifyAssetType({ assetType: 'cmdb_ci_win_server' }, { virtual: 'true' })).toBe(
      'virtual_machine',
    );
    expect(classifyAssetType({ assetType: 'Linux Server' }, { manufacturer: 'VMware, Inc.' })).toBe(
      'virtual_machine',
    );
    expect(classifyAssetType({ assetType: 'cmdb_ci_linux_server' }, { virtual: 'false' })).toBe('server');
    expect(classifyAssetType({ assetType: 'cmdb_ci_esx_server', cluster: 'CL1' }, {})).toBe('server');
  });

  it('falls back to evidence when the explicit class is unrecognisable', () => {
    expect(classifyAssetType({ assetType: 'Misc CI', operatingSystem: 'Ubuntu 22.04' }, {})).toBe('server');
  });
});
