/**
 * Writes the example exports (cmdb-export.csv, connections.csv) from a seeded PRNG: running it again gives
 * byte-identical files. Run: `npx node examples/generate.ts`.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CONNECTION_HEADERS, connectionRows } from './connections.ts';
import { cmdbLines, csvLine, HEADERS, servers } from './estate.ts';

const here = dirname(fileURLToPath(import.meta.url));
const connectionLines = connectionRows(servers);
const write = (
  file: string,
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
): void => {
  writeFileSync(join(here, file), `${[header, ...rows].map(csvLine).join('\r\n')}\r\n`);
};
write('cmdb-export.csv', HEADERS, cmdbLines);
write('connections.csv', CONNECTION_HEADERS, connectionLines);
process.stderr.write(`wrote ${cmdbLines.length} CMDB rows and ${connectionLines.length} connection rows\n`);
