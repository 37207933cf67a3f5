import { describe, expect, it } from 'vitest';
import { mapColumns } from '#domain/mapping/index.ts';
import { columns, targets } from './helpers.ts';

const NAMES = ['srv-app01', 'srv-db02', 'srv-web03'];

describe('values and table context deciding between fields', () => {
  it('reads a lifecycle status holding environment names as the environment', () => {
    // Prepare
    const table = columns([
      ['TARGET_NAME', NAMES],
      ['LIFECYCLE_STATUS', ['Production', 'Development', 'Test']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result.LIFECYCLE_STATUS).toBe('environment');
  });

  it('keeps company names out of the department, but maps a tenant holding business units', () => {
    // Prepare
    const companies = columns([
      ['Name', NAMES],
      ['Organization', ['Demo Corp', 'Acme Holding', 'Calbro Services Inc.']],
    ]);
    const tenants = columns([
      ['Name', NAMES],
      ['Tenant', ['Retail Banking', 'Corporate IT', 'Finance']],
    ]);
    // Act
    const byCompany = targets(mapColumns(companies));
    const byTenant = targets(mapColumns(tenants));
    // Assess
    expect(byCompany.Organization).toBeNull();
    expect(byTenant.Tenant).toBe('department');
  });

  it('takes a bare "Category" for tags only when its values look like tags', () => {
    // Prepare
    const classes = columns([
      ['Asset Name', NAMES],
      ['Category', ['Servers', 'Virtual Servers', 'Laptops']],
    ]);
    const hardware = columns([
      ['Name', NAMES],
      ['Category', ['Hardware', 'Hardware']],
    ]);
    // Act
    const byClass = targets(mapColumns(classes));
    const byHardware = targets(mapColumns(hardware));
    // Assess
    expect(byClass.Category).toBe('assetType');
    expect(byHardware.Category).toBeNull();
  });

  it('reads a device role as the asset type only when its values name asset types', () => {
    // Prepare
    const devices = columns([
      ['Name', NAMES],
      ['Role', ['Server', 'Firewall', 'Switch']],
    ]);
    const vms = columns([
      ['Name', NAMES],
      ['Role', ['Web Server', 'Database', 'Domain Controller']],
    ]);
    // Act
    const byDevice = targets(mapColumns(devices));
    const byVm = targets(mapColumns(vms));
    // Assess
    expect(byDevice.Role).toBe('assetType');
    expect(byVm.Role).toBeNull();
  });

  it("prefers the inventory's own record id over an asset tag and a BIOS UUID", () => {
    // Prepare
    const table = columns([
      ['ID', ['1184', '1185', '2301']],
      ['Name', NAMES],
      ['Asset tag', ['IT-004711', 'IT-004712']],
      ['BIOSUUID', ['93B5BE3B-88B0-450E-9F75-F6294210DFA0', '4211A6F2-93B1-3C55-8E2A-0D1F2C3B4A59']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toMatchObject({ ID: 'externalId', 'Asset tag': null, BIOSUUID: null });
  });

  it('reads flattened Ansible facts through their tool prefix and dotted sub-keys', () => {
    // Prepare
    const table = columns([
      ['inventory_hostname', NAMES],
      ['ansible_default_ipv4.address', ['10.20.1.15', '10.20.1.16']],
      ['ansible_default_ipv4.macaddress', ['00:50:56:9a:1b:2c', '00:50:56:9a:3d:4e']],
      ['ansible_distribution', ['RedHat', 'Ubuntu', 'CentOS']],
      ['ansible_distribution_version', ['8.9', '22.04']],
      ['ansible_memtotal_mb', ['15830', '32011']],
      ['ansible_product_serial', ['VMware-42 11 a6 f2 93 b1 3c 55', 'CZJ84702LQ']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toEqual({
      inventory_hostname: 'name',
      'ansible_default_ipv4.address': 'ipAddress',
      'ansible_default_ipv4.macaddress': 'macAddress',
      ansible_distribution: 'operatingSystem',
      ansible_distribution_version: 'osVersion',
      ansible_memtotal_mb: 'memoryGb',
      ansible_product_serial: 'serialNumber',
    });
  });

  it('does not take a database name for the database engine', () => {
    // Prepare
    const table = columns([
      ['Server', NAMES],
      ['Database Name', ['FINPRD', 'HRDEV']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result['Database Name']).toBeNull();
  });
});
