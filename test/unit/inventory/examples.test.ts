import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { buildDependencyGraph, type ConnectionInput } from '#domain/dependencies/index.ts';
import { InventoryBuilder } from '#domain/inventory/index.ts';
import type { CleansedRecord } from '#domain/tableTypes.ts';
import { CONNECTION_HEADERS, connectionRows } from '../../../examples/connections.ts';
import { cmdbLines, csvLine, HEADERS, servers } from '../../../examples/estate.ts';

const examples = new URL('../../../examples/', import.meta.url);
const read = (file: string): string => readFileSync(new URL(file, examples), 'utf8');
const rows = (file: string): Record<string, string>[] =>
  Papa.parse<Record<string, string>>(read(file), { header: true, skipEmptyLines: true }).data;

/** A stand-in for mapping + cleansing of the example CMDB: enough to feed the inventory engine. */
const COLUMNS: Record<string, string> = {
  sys_id: 'externalId',
  name: 'name',
  fqdn: 'fqdn',
  ip_address: 'ipAddress',
  sys_class_name: 'assetType',
  os: 'operatingSystem',
  os_version: 'osVersion',
  u_application: 'application',
  install_status: 'status',
  u_database_engine: 'databaseEngine',
  serial_number: 'serialNumber',
};
function cleansed(row: Record<string, string>, index: number): CleansedRecord {
  const fields: CleansedRecord['fields'] = {};
  const custom: Record<string, string> = {};
  for (const [header, raw] of Object.entries(row)) {
    const target = COLUMNS[header];
    const value = ['N/A', '-', 'unknown', ''].includes(raw) ? null : raw;
    if (!target) custom[header] = raw;
    else
      (fields as Record<string, unknown>)[target] = target === 'ipAddress' ? (value ? [value] : []) : value;
  }
  return { uploadId: 'example', row: index + 1, fields, custom, qualityScore: 1, qualityIssues: [] };
}

describe('bundled example exports', () => {
  it('are exactly what examples/generate.ts writes', () => {
    const lines = (header: readonly string[], body: readonly (readonly (string | number)[])[]): string =>
      `${[header, ...body].map(csvLine).join('\r\n')}\r\n`;
    expect(read('cmdb-export.csv')).toBe(lines(HEADERS, cmdbLines));
    expect(read('connections.csv')).toBe(lines(CONNECTION_HEADERS, connectionRows(servers)));
  });

  it('inventory and dependency analysis of the examples find duplicates, cycles and move groups', () => {
    // Prepare
    const builder = new InventoryBuilder();
    rows('cmdb-export.csv').forEach((row, i) => {
      builder.add(cleansed(row, i));
    });
    const connections: ConnectionInput[] = rows('connections.csv').map((row) => ({
      sourceHost: row['Source server name'],
      sourceIp: row['Source IP'],
      sourceProcess: row['Source process'],
      destinationHost: row['Destination server name'],
      destinationIp: row['Destination IP'],
      destinationProcess: row['Destination process'],
      destinationPort: Number(row['Destination port']),
    }));
    // Act
    const inventory = builder.result();
    const graph = buildDependencyGraph(inventory.assets, connections);
    // Assess
    expect(inventory.assets.length).toBeGreaterThanOrEqual(300);
    expect(inventory.merged).toBeGreaterThan(0);
    const types = new Set(inventory.assets.map((asset) => asset.assetType));
    expect([...types].sort()).toEqual([
      'database',
      'load_balancer',
      'network_device',
      'server',
      'storage',
      'virtual_machine',
    ]);
    const grouped = graph.moveGroups.flatMap((group) => group.memberAssetIds);
    expect(grouped.length).toBe(inventory.assets.length);
    expect(new Set(grouped).size).toBe(inventory.assets.length);
    expect(graph.cycles.length).toBeGreaterThan(0);
    expect(graph.externalNodes.length).toBeGreaterThan(0);
    expect(graph.edges.filter((edge) => edge.port === 53).every((edge) => !edge.strong)).toBe(true);
    expect(graph.moveGroups[0]?.members.length).toBeLessThan(inventory.assets.length / 2);
  });
});
