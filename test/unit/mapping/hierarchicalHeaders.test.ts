import { describe, expect, it } from 'vitest';
import { analyzeHeader, mapColumns } from '#domain/mapping/index.ts';
import { columns, targets } from './helpers.ts';

const VM = ['app-web01', 'db-sql02', 'fin-app03'];

describe('hierarchical headers (metric paths, namespaced tags, flattened JSON keys)', () => {
  it('reads a header by its tail, taking the parent segment only when the tail is generic', () => {
    // Act
    const power = analyzeHeader('Summary|Runtime|Power State');
    const app = analyzeHeader('mgn:app:name');
    const os = analyzeHeader('properties.osType');
    const cpu = analyzeHeader('builtin:host.cpu.usage (avg)');
    const flat = analyzeHeader('Power State');
    // Assess
    expect(power.views).toEqual([['power', 'state']]);
    expect(app.views).toEqual([['application', 'name']]);
    expect(os.views).toEqual([['os', 'type']]);
    expect(cpu.views).toEqual([['cpu', 'util']]);
    expect(flat.views).toEqual([]);
  });

  it('maps an Aria Operations style export as an engineer would', () => {
    // Prepare
    const cols = columns([
      ['Name', VM],
      ['Summary|Guest Operating System|Hostname', VM],
      ['Summary|Guest Operating System|IP Address', ['10.20.1.15', '10.20.1.16']],
      ['Summary|Runtime|Power State', ['Powered On', 'Powered Off']],
      ['Configuration|Hardware|Number of virtual CPUs', ['2', '4', '8']],
      ['Configuration|Hardware|Memory (KB)', ['8388608', '16777216']],
      ['CPU|Usage (%)', ['12.5', '47.1']],
      ['CPU|Demand (%)', ['14.1', '51.7']],
      ['Summary|Guest Operating System|Tools Version', ['12352', '11365']],
      ['Badge|Health (%)', ['100', '75']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(targets(result)).toEqual({
      Name: 'name',
      'Summary|Guest Operating System|Hostname': 'hostname',
      'Summary|Guest Operating System|IP Address': 'ipAddress',
      'Summary|Runtime|Power State': 'powerState',
      'Configuration|Hardware|Number of virtual CPUs': 'cpuCores',
      'Configuration|Hardware|Memory (KB)': 'memoryGb',
      'CPU|Usage (%)': 'cpuUtilizationPct',
      'CPU|Demand (%)': null,
      'Summary|Guest Operating System|Tools Version': null,
      'Badge|Health (%)': null,
    });
  });

  it('does not mistake a namespaced "app:name" for the asset name', () => {
    // Prepare
    const cols = columns([
      ['mgn:server:name', VM],
      ['mgn:app:name', ['SAP ERP', 'Payroll']],
      ['mgn:wave:name', ['Wave 1', 'Wave 2']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(targets(result)).toEqual({
      'mgn:server:name': 'name',
      'mgn:app:name': 'application',
      'mgn:wave:name': 'migrationWave',
    });
  });
});

describe('connection logs with abbreviated or one-sided columns', () => {
  it('recognises a Zeek-style conn log (orig/resp, _h/_p) as connections', () => {
    // Prepare
    const cols = columns([
      ['ts', ['1678784564.486539', '1678784565.120933']],
      ['uid', ['CPQ9vC2my8sIGasb3a', 'CiEbJY1e6EoUiEaBW4']],
      ['id.orig_h', ['10.20.1.15', '10.20.1.16']],
      ['id.orig_p', ['49152', '51234']],
      ['id.resp_h', ['10.20.9.8', '10.20.9.9']],
      ['id.resp_p', ['443', '1433']],
      ['proto', ['tcp', 'udp']],
      ['orig_bytes', ['301', '350']],
    ]);
    // Act
    const result = mapColumns(cols);
    // Assess
    expect(result.kind).toBe('connections');
    expect(targets(result)).toMatchObject({
      ts: 'timestamp',
      'id.orig_h': 'sourceIp',
      'id.orig_p': 'sourcePort',
      'id.resp_h': 'destinationIp',
      'id.resp_p': 'destinationPort',
      proto: 'protocol',
      orig_bytes: null,
    });
  });

  it('leaves the local end unmapped when the file records the direction of each row', () => {
    // Prepare
    const spec = [
      ['Computer', ['app-web01.corp.example.com', 'db-sql02.corp.example.com']],
      ['ProcessName', ['w3wp', 'sqlservr']],
      ['SourceIp', ['10.20.1.15', '10.20.1.16']],
      ['DestinationIp', ['10.20.9.8', '10.20.9.9']],
      ['DestinationPort', ['1433', '389']],
    ] as const;
    const withDirection = columns([...spec, ['Direction', ['outbound', 'inbound']]]);
    // Act
    const directed = targets(mapColumns(withDirection));
    const plain = targets(mapColumns(columns(spec)));
    // Assess
    expect(directed.ProcessName).toBeNull();
    expect(directed.Computer).toBeNull();
    expect(directed.SourceIp).toBe('sourceIp');
    expect(plain.ProcessName).toBe('sourceProcess');
  });
});

describe('table context', () => {
  it('reads a bare "Size MiB" as memory in a table about memory', () => {
    // Prepare
    const cols = columns([
      ['VM', VM],
      ['Size MiB', ['4096', '8192']],
      ['Overhead', ['42', '88']],
      ['Ballooned', ['0', '512']],
      ['Swapped', ['0']],
    ]);
    // Act
    const result = targets(mapColumns(cols));
    // Assess
    expect(result['Size MiB']).toBe('memoryGb');
  });

  it('leaves a bare size alone when nothing says what it measures', () => {
    // Act
    const result = targets(
      mapColumns(
        columns([
          ['VM', VM],
          ['Size MiB', ['4096', '8192']],
        ]),
      ),
    );
    // Assess
    expect(result['Size MiB']).toBeNull();
  });

  it('reads a bare version and total size as the database ones in a database inventory', () => {
    // Prepare
    const cols = columns([
      ['Name', ['MSSQLSERVER@db-sql02', 'PAYROLL@db-sql05']],
      ['Version', ['15.0.4198.2', '13.0.6300.2']],
      ['Edition', ['Enterprise Edition (64-bit)', 'Standard Edition (64-bit)']],
      ['Collation', ['SQL_Latin1_General_CP1_CI_AS']],
      ['Total Size (GB)', ['120', '2048']],
    ]);
    // Act
    const result = targets(mapColumns(cols));
    // Assess
    expect(result.Version).toBe('databaseVersion');
    expect(result['Total Size (GB)']).toBe('databaseSizeGb');
  });
});
