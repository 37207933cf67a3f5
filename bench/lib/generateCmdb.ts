/**
 * Deterministic generator of a realistic 20-column CMDB-style CSV for benchmarks.
 */

export const CMDB_HEADERS = [
  'Server Name',
  'FQDN',
  'IP Address',
  'Operating System',
  'OS Version',
  'CPU Cores',
  'RAM (MB)',
  'Disk Size (GB)',
  'Environment',
  'Application',
  'Business Owner',
  'Datacenter',
  'Serial Number',
  'Status',
  'CPU Utilization %',
  'Memory Utilization %',
  'Cost Center',
  'Criticality',
  'Notes',
  'Rack',
] as const;

const OSES = [
  'Windows Server 2019 Standard',
  'Red Hat Enterprise Linux 8.6',
  'Ubuntu 20.04 LTS',
  'Windows Server 2012 R2',
  'CentOS 7.9',
];
const ENVS = ['PRD', 'Production', 'DEV', 'test', 'UAT'];

/** One data row (no trailing newline). */
export function cmdbRow(i: number): string {
  const name = `srv${String(i).padStart(7, '0')}`;
  return [
    name,
    `${name}.corp.example.com`,
    `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
    OSES[i % OSES.length],
    '',
    String(2 + (i % 16)),
    String(4096 * (1 + (i % 8))),
    String(100 + (i % 900)),
    ENVS[i % ENVS.length],
    `app-${i % 997}`,
    `owner ${i % 83}`,
    `DC${i % 4}`,
    `SN${(i * 2654435761) >>> 0}`,
    i % 50 === 0 ? 'Retired' : 'Operational',
    String(i % 100),
    String((i * 7) % 100),
    `CC-${i % 40}`,
    i % 3 === 0 ? 'High' : 'Medium',
    i % 10 === 0 ? '"Note, with a comma"' : 'n/a',
    `R${i % 60}`,
  ].join(',');
}

/** The whole CSV as a string. */
export function cmdbCsv(rows: number): string {
  const lines: string[] = [CMDB_HEADERS.join(',')];
  for (let i = 0; i < rows; i++) lines.push(cmdbRow(i));
  return `${lines.join('\n')}\n`;
}

/** The CSV as a stream of ~1 MB chunks, generated lazily (for million-row runs in bounded memory). */
export async function* cmdbCsvStream(rows: number): AsyncGenerator<Uint8Array> {
  let buffer = `${CMDB_HEADERS.join(',')}\n`;
  for (let i = 0; i < rows; i++) {
    buffer += `${cmdbRow(i)}\n`;
    if (buffer.length > 1 << 20) {
      yield Buffer.from(buffer);
      buffer = '';
    }
  }
  if (buffer) yield Buffer.from(buffer);
}
