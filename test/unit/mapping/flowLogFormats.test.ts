import { describe, expect, it } from 'vitest';
import { mapColumns } from '#domain/mapping/index.ts';
import { columns, mappingOf, targets } from './helpers.ts';

describe('flow-collector and socket-table exports', () => {
  it('reads nfdump CSV field names as a connection file', () => {
    // Prepare
    const table = columns([
      ['ts', ['2025-02-14 09:12:44.123', '2025-02-14 09:12:45.002']],
      ['te', ['2025-02-14 09:13:01.456', '2025-02-14 09:12:45.002']],
      ['sa', ['10.20.1.15', '10.20.1.16']],
      ['da', ['10.20.9.8', '172.16.0.4']],
      ['sp', ['49583', '53211']],
      ['dp', ['1433', '53']],
      ['pr', ['TCP', 'UDP']],
      ['ibyt', ['7312', '74']],
      ['obyt', ['0']],
    ]);
    // Act
    const result = mapColumns(table);
    // Assess
    expect(result.kind).toBe('connections');
    expect(targets(result)).toEqual({
      ts: 'timestamp',
      te: null,
      sa: 'sourceIp',
      da: 'destinationIp',
      sp: 'sourcePort',
      dp: 'destinationPort',
      pr: 'protocol',
      ibyt: 'bytes',
      obyt: null,
    });
  });

  it('reads ss "Local Address:Port" and "Peer Address:Port" as the two ends and Netid as the protocol', () => {
    // Prepare
    const table = columns([
      ['Host', ['appweb01', 'sql02']],
      ['Netid', ['tcp', 'udp']],
      ['State', ['ESTAB', 'LISTEN']],
      ['Local Address:Port', ['10.20.1.15:49583', '10.20.1.15:22']],
      ['Peer Address:Port', ['10.20.9.8:1433', '10.20.7.40:51110']],
      ['Process', ['users:(("java",pid=2231,fd=148))']],
    ]);
    // Act
    const result = mapColumns(table);
    // Assess
    expect(result.kind).toBe('connections');
    expect(targets(result)).toMatchObject({
      Host: 'sourceHost',
      Netid: 'protocol',
      State: null,
      'Local Address:Port': 'sourceIp',
      'Peer Address:Port': 'destinationIp',
      Process: 'sourceProcess',
    });
  });

  it('treats "-" placeholders as empty cells, so a firewall log port column still reads as ports', () => {
    // Prepare
    const table = columns([
      ['date', ['2025-02-14', '2025-02-15']],
      ['protocol', ['TCP', 'ICMP']],
      ['src-ip', ['10.20.1.15', '10.20.1.16']],
      ['dst-ip', ['10.20.9.8', '172.16.0.4']],
      ['src-port', ['49583', '-']],
      ['dst-port', ['1433', '-']],
    ]);
    // Act
    const result = targets(mapColumns(table));
    // Assess
    expect(result).toMatchObject({ 'src-port': 'sourcePort', 'dst-port': 'destinationPort' });
  });

  it('reads year/month/day timestamps with slashes as dates', () => {
    // Prepare
    const table = columns([
      ['Source address', ['10.20.1.15', '10.20.1.16']],
      ['Destination address', ['10.20.9.8', '172.16.0.4']],
      ['Start Time', ['2025/02/14 09:11:52', '2025/02/14 09:12:01']],
    ]);
    // Act
    const result = mapColumns(table);
    // Assess
    expect(mappingOf(result, 'Start Time').target).toBe('timestamp');
  });
});
