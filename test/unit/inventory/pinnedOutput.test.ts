/**
 * Pins the exact output of the import pipeline (profile, cleansing, inventory) on a small sample: asset ids
 * are persisted in users' stores and cleansed rows in phase outputs, so a change that alters either (an id's
 * format, a field's value, the order of fields) must fail here, not pass silently. The expected values were
 * produced by the pipeline before its performance work and must never be regenerated to make a change pass.
 */
import { describe, expect, it } from 'vitest';
import type { CanonicalField } from '#domain/assetSchema.ts';
import { compileCleanser } from '#domain/cleansing/index.ts';
import { InventoryBuilder } from '#domain/inventory/index.ts';
import type { CleansedRecord, FieldMapping } from '#domain/tableTypes.ts';
import { openUpload } from '#import/index.ts';
import { bytesSource } from '../import/sources.ts';

const CSV = [
  'Name,Host Name,FQDN,IP Address,Serial Number,CI Id,Class,OS,OS Version,RAM (MB),Disk,Environment,Application,Owner,Rack',
  'WEB01,web01,web01.corp.example.com,10.0.0.1,SN-1001,CI1,cmdb_ci_win_server,Windows Server 2019 Standard,,16384,100 GB,PRD,Payroll,Julia Costa,R1',
  'web01.corp.example.com,,,"10.0.0.1, 127.0.0.1",,CI1,,,,,,,Payroll,,R1',
  'DB01,db01,,10.0.0.2,To Be Filled By O.E.M.,CI2,cmdb_ci_db_mssql_instance,,,32768,1.5 TB,prod,Billing,,R2',
  'APP-03,,app-03.corp.example.com,010.0.0.3,SN-1003,,VM,Red Hat Enterprise Linux 8.6,,8192,200,DEV,CRM,n/a,R3',
  ',,,,,,,,,,,,,,',
  ',,,,,,,Ubuntu 20.04 LTS,,4096,,test,,,R4',
  'LB01,lb01,lb01.corp.example.com,10.0.0.9,SN-1009,CI9,Load Balancer,F5 BIG-IP 15.1,,,,,,,R9',
  'web02,CORP\\WEB02,,10.0.0.12,SN-1001,,,Windows Server 2012 R2,,N/A,-5,UAT,Payroll,TBD,R1',
  'host-x,,,"10.0.0.20;10.0.0.21",0000000,,server,,,,bad,,,,',
].join('\r\n');

/** Explicit mappings, so the pin does not move with the field matcher. */
const TARGETS: Record<string, CanonicalField | null> = {
  Name: 'name',
  'Host Name': 'hostname',
  FQDN: 'fqdn',
  'IP Address': 'ipAddress',
  'Serial Number': 'serialNumber',
  'CI Id': 'externalId',
  Class: 'assetType',
  OS: 'operatingSystem',
  'OS Version': 'osVersion',
  'RAM (MB)': 'memoryGb',
  Disk: 'storageGb',
  Environment: 'environment',
  Application: 'application',
  Owner: 'businessOwner',
  Rack: null,
};

const EXPECTED_ASSETS = [
  '{"assetId":"a-b736670bdcf8ae18","externalId":"CI1","name":"WEB01","hostname":"web01","fqdn":"web01.corp.example.com","ipAddress":["10.0.0.1","127.0.0.1"],"macAddress":[],"serialNumber":"SN-1001","assetType":"server","operatingSystem":"Windows Server 2019","osVersion":"2019","cpuCores":null,"cpuSockets":null,"cpuSpeedMhz":null,"memoryGb":16,"storageGb":100,"storageUsedGb":null,"virtualizationPlatform":null,"hypervisorHost":null,"cluster":null,"powerState":null,"cpuUtilizationPct":null,"memoryUtilizationPct":null,"diskIops":null,"networkThroughputMbps":null,"environment":"production","datacenter":null,"location":null,"application":"Payroll","businessOwner":"Julia Costa","technicalOwner":null,"department":null,"costCenter":null,"businessCriticality":null,"status":null,"description":null,"tags":[],"migrationWave":null,"migrationStrategy":null,"databaseEngine":null,"databaseVersion":null,"databaseSizeGb":null,"dependsOn":[],"isTemplate":false,"customAttributes":{"Rack":"R1"},"qualityScore":0.9,"qualityIssues":[],"techDebt":[],"sources":["u1"]}',
  '{"assetId":"a-a59b95125f1c7523","externalId":"CI2","name":"DB01","hostname":"db01","fqdn":null,"ipAddress":["10.0.0.2"],"macAddress":[],"serialNumber":"To Be Filled By O.E.M.","assetType":"database","operatingSystem":null,"osVersion":null,"cpuCores":null,"cpuSockets":null,"cpuSpeedMhz":null,"memoryGb":32,"storageGb":1536,"storageUsedGb":null,"virtualizationPlatform":null,"hypervisorHost":null,"cluster":null,"powerState":null,"cpuUtilizationPct":null,"memoryUtilizationPct":null,"diskIops":null,"networkThroughputMbps":null,"environment":"production","datacenter":null,"location":null,"application":"Billing","businessOwner":null,"technicalOwner":null,"department":null,"costCenter":null,"businessCriticality":null,"status":null,"description":null,"tags":[],"migrationWave":null,"migrationStrategy":null,"databaseEngine":null,"databaseVersion":null,"databaseSizeGb":null,"dependsOn":[],"isTemplate":false,"customAttributes":{"Rack":"R2"},"qualityScore":0.8,"qualityIssues":[],"techDebt":[],"sources":["u1"]}',
  '{"assetId":"a-d734fc4dfcff2d56","externalId":null,"name":"APP-03","hostname":null,"fqdn":"app-03.corp.example.com","ipAddress":[],"macAddress":[],"serialNumber":"SN-1003","assetType":"virtual_machine","operatingSystem":"Red Hat Enterprise Linux 8.6","osVersion":"8.6","cpuCores":null,"cpuSockets":null,"cpuSpeedMhz":null,"memoryGb":8,"storageGb":200,"storageUsedGb":null,"virtualizationPlatform":null,"hypervisorHost":null,"cluster":null,"powerState":null,"cpuUtilizationPct":null,"memoryUtilizationPct":null,"diskIops":null,"networkThroughputMbps":null,"environment":"development","datacenter":null,"location":null,"application":"CRM","businessOwner":null,"technicalOwner":null,"department":null,"costCenter":null,"businessCriticality":null,"status":null,"description":null,"tags":[],"migrationWave":null,"migrationStrategy":null,"databaseEngine":null,"databaseVersion":null,"databaseSizeGb":null,"dependsOn":[],"isTemplate":false,"customAttributes":{"IP Address":"010.0.0.3","Rack":"R3"},"qualityScore":0.86,"qualityIssues":["ipAddress: \\"010.0.0.3\\" is not a valid IP address"],"techDebt":[],"sources":["u1"]}',
  '{"assetId":"a-3eda5d76084faddf","externalId":null,"name":"row-5","hostname":null,"fqdn":null,"ipAddress":[],"macAddress":[],"serialNumber":null,"assetType":"server","operatingSystem":"Ubuntu 20.04","osVersion":"20.04","cpuCores":null,"cpuSockets":null,"cpuSpeedMhz":null,"memoryGb":4,"storageGb":null,"storageUsedGb":null,"virtualizationPlatform":null,"hypervisorHost":null,"cluster":null,"powerState":null,"cpuUtilizationPct":null,"memoryUtilizationPct":null,"diskIops":null,"networkThroughputMbps":null,"environment":"test","datacenter":null,"location":null,"application":null,"businessOwner":null,"technicalOwner":null,"department":null,"costCenter":null,"businessCriticality":null,"status":null,"description":null,"tags":[],"migrationWave":null,"migrationStrategy":null,"databaseEngine":null,"databaseVersion":null,"databaseSizeGb":null,"dependsOn":[],"isTemplate":false,"customAttributes":{"Rack":"R4"},"qualityScore":0.4,"qualityIssues":[],"techDebt":[],"sources":["u1"]}',
  '{"assetId":"a-1007d820494259bb","externalId":"CI9","name":"LB01","hostname":"lb01","fqdn":"lb01.corp.example.com","ipAddress":["10.0.0.9"],"macAddress":[],"serialNumber":"SN-1009","assetType":"load_balancer","operatingSystem":"F5 BIG-IP 15.1","osVersion":null,"cpuCores":null,"cpuSockets":null,"cpuSpeedMhz":null,"memoryGb":null,"storageGb":null,"storageUsedGb":null,"virtualizationPlatform":null,"hypervisorHost":null,"cluster":null,"powerState":null,"cpuUtilizationPct":null,"memoryUtilizationPct":null,"diskIops":null,"networkThroughputMbps":null,"environment":null,"datacenter":null,"location":null,"application":null,"businessOwner":null,"technicalOwner":null,"department":null,"costCenter":null,"businessCriticality":null,"status":null,"description":null,"tags":[],"migrationWave":null,"migrationStrategy":null,"databaseEngine":null,"databaseVersion":null,"databaseSizeGb":null,"dependsOn":[],"isTemplate":false,"customAttributes":{"Rack":"R9"},"qualityScore":0.7,"qualityIssues":[],"techDebt":[],"sources":["u1"]}',
  '{"assetId":"a-e3e154cc7c09b618","externalId":null,"name":"web02","hostname":"CORP\\\\WEB02","fqdn":null,"ipAddress":["10.0.0.12"],"macAddress":[],"serialNumber":"SN-1001","assetType":"server","operatingSystem":"Windows Server 2012 R2","osVersion":"2012 R2","cpuCores":null,"cpuSockets":null,"cpuSpeedMhz":null,"memoryGb":null,"storageGb":null,"storageUsedGb":null,"virtualizationPlatform":null,"hypervisorHost":null,"cluster":null,"powerState":null,"cpuUtilizationPct":null,"memoryUtilizationPct":null,"diskIops":null,"networkThroughputMbps":null,"environment":"uat","datacenter":null,"location":null,"application":"Payroll","businessOwner":null,"technicalOwner":null,"department":null,"costCenter":null,"businessCriticality":null,"status":null,"description":null,"tags":[],"migrationWave":null,"migrationStrategy":null,"databaseEngine":null,"databaseVersion":null,"databaseSizeGb":null,"dependsOn":[],"isTemplate":false,"customAttributes":{"Disk":"-5","Rack":"R1"},"qualityScore":0.66,"qualityIssues":["storageGb: \\"-5\\" is not a valid size"],"techDebt":[],"sources":["u1"]}',
  '{"assetId":"a-820b96d9a78e3b84","externalId":null,"name":"host-x","hostname":null,"fqdn":null,"ipAddress":["10.0.0.20","10.0.0.21"],"macAddress":[],"serialNumber":"0000000","assetType":"server","operatingSystem":null,"osVersion":null,"cpuCores":null,"cpuSockets":null,"cpuSpeedMhz":null,"memoryGb":null,"storageGb":null,"storageUsedGb":null,"virtualizationPlatform":null,"hypervisorHost":null,"cluster":null,"powerState":null,"cpuUtilizationPct":null,"memoryUtilizationPct":null,"diskIops":null,"networkThroughputMbps":null,"environment":null,"datacenter":null,"location":null,"application":null,"businessOwner":null,"technicalOwner":null,"department":null,"costCenter":null,"businessCriticality":null,"status":null,"description":null,"tags":[],"migrationWave":null,"migrationStrategy":null,"databaseEngine":null,"databaseVersion":null,"databaseSizeGb":null,"dependsOn":[],"isTemplate":false,"customAttributes":{"Disk":"bad"},"qualityScore":0.56,"qualityIssues":["storageGb: \\"bad\\" is not a valid size"],"techDebt":[],"sources":["u1"]}',
];

const EXPECTED_FIRST_RECORD =
  '{"uploadId":"u1","row":1,"fields":{"name":"WEB01","hostname":"web01","fqdn":"web01.corp.example.com","ipAddress":["10.0.0.1"],"serialNumber":"SN-1001","externalId":"CI1","assetType":"cmdb_ci_win_server","operatingSystem":"Windows Server 2019","osVersion":"2019","memoryGb":16,"storageGb":100,"environment":"production","application":"Payroll","businessOwner":"Julia Costa"},"custom":{"Rack":"R1"},"qualityScore":0.9,"qualityIssues":[]}';

async function runPipeline() {
  const table = openUpload(bytesSource(CSV), 'sample.csv');
  const profile = await table.profile();
  const mappings: FieldMapping[] = profile.columns.map((column) => ({
    source: column.header,
    target: TARGETS[column.header] ?? null,
    confidence: 1,
    method: 'user',
    reason: 'pinned sample',
    ...(column.header === 'RAM (MB)' ? { unit: 'MB' as const } : {}),
  }));
  const cleanse = compileCleanser(profile.columns, mappings, { uploadId: 'u1' });
  const records: CleansedRecord[] = [];
  const builder = new InventoryBuilder();
  let row = 0;
  for await (const batch of table.rows()) {
    for (const values of batch) {
      const record = cleanse(values, ++row);
      records.push(record);
      builder.add(record);
    }
  }
  return { profile, records, inventory: builder.result() };
}

describe('import pipeline output on a pinned sample', () => {
  it('gives exactly the pinned assets: ids, every field and their order', async () => {
    // Act
    const { inventory } = await runPipeline();
    // Assess
    expect([inventory.created, inventory.merged, inventory.rowsWithoutIdentity]).toEqual([7, 1, 1]);
    expect(inventory.assets.map((asset) => [asset.assetId, asset.name])).toEqual([
      ['a-b736670bdcf8ae18', 'WEB01'],
      ['a-a59b95125f1c7523', 'DB01'],
      ['a-d734fc4dfcff2d56', 'APP-03'],
      ['a-3eda5d76084faddf', 'row-5'],
      ['a-1007d820494259bb', 'LB01'],
      ['a-e3e154cc7c09b618', 'web02'],
      ['a-820b96d9a78e3b84', 'host-x'],
    ]);
    expect(inventory.assets.map((asset) => JSON.stringify(asset))).toEqual(EXPECTED_ASSETS);
  });

  it('gives exactly the pinned cleansed row, and the same ids when the upload is merged again', async () => {
    // Prepare
    const { records, inventory } = await runPipeline();
    const ids = inventory.assets.map((asset) => asset.assetId);
    // Act
    const again = new InventoryBuilder(inventory.assets);
    for (const record of records) again.add(record);
    const merged = again.result();
    // Assess
    expect(JSON.stringify(records[0])).toBe(EXPECTED_FIRST_RECORD);
    expect(merged.created).toBe(0);
    expect(merged.assets.map((asset) => asset.assetId)).toEqual(ids);
  });
});
