import { describe, expect, it } from 'vitest';
import { CONNECTION_FIELD_NAMES } from '#domain/assetSchema.ts';
import { detectFileKind, mapColumns } from '#domain/mapping/index.ts';
import { columns, targets } from './helpers.ts';

const IPS = ['10.20.1.15', '10.20.1.16'];

describe('detectFileKind', () => {
  it('recognises an AWS ADS network connection export as connections', () => {
    // Prepare
    const cols = columns([
      ['source_server_id', ['d-server-0a1b2c3d4e5f6g']],
      ['source_ip', IPS],
      ['destination_ip', ['10.20.9.8']],
      ['destination_port', ['443', '1433']],
      ['ip_version', ['IPv4']],
      ['transport_protocol', ['tcp', 'udp']],
      ['source_process_name', ['java', 'w3wp.exe']],
    ]);
    // Act
    const kind = detectFileKind(cols);
    const result = mapColumns(cols);
    // Assess
    expect(kind.kind).toBe('connections');
    expect(kind.confidence).toBeGreaterThanOrEqual(0.9);
    expect(targets(result)).toEqual({
      source_server_id: null,
      source_ip: 'sourceIp',
      destination_ip: 'destinationIp',
      destination_port: 'destinationPort',
      ip_version: null,
      transport_protocol: 'protocol',
      source_process_name: 'sourceProcess',
    });
  });

  it('recognises an Azure Migrate dependency export and maps it onto connection fields only', () => {
    // Prepare
    const cols = columns([
      ['Time slot', ['2023-04-01 10:00']],
      ['Source server name', ['app-web01']],
      ['Source IP', IPS],
      ['Source application', ['IIS']],
      ['Source process', ['w3wp.exe']],
      ['Destination server name', ['db-sql02']],
      ['Destination IP', ['10.20.9.8']],
      ['Destination application', ['Microsoft SQL Server']],
      ['Destination process', ['sqlservr.exe']],
      ['Destination port', ['1433']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(result.kind).toBe('connections');
    expect(result.mappings.map((m) => m.target)).toEqual([
      'timestamp',
      'sourceHost',
      'sourceIp',
      'sourceApplication',
      'sourceProcess',
      'destinationHost',
      'destinationIp',
      'destinationApplication',
      'destinationProcess',
      'destinationPort',
    ]);
    for (const m of result.mappings) expect(CONNECTION_FIELD_NAMES).toContain(m.target);
  });

  it('recognises a netstat-style log with local and remote ends as connections', () => {
    const cols = columns([
      ['Proto', ['TCP']],
      ['Local Address', IPS],
      ['Foreign Address', ['10.20.9.8']],
      ['State', ['ESTABLISHED']],
    ]);
    expect(detectFileKind(cols).kind).toBe('connections');
  });

  it('calls an inventory with only one IP column an asset file', () => {
    // Prepare
    const cols = columns([
      ['Server Name', ['app-web01']],
      ['IP Address', IPS],
      ['CPU Cores', ['4']],
      ['Memory (MB)', ['8192']],
    ]);
    // Act
    const kind = detectFileKind(cols);
    // Assess
    expect(kind.kind).toBe('assets');
    expect(kind.confidence).toBeGreaterThan(0.5);
  });
});
