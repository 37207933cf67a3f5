import { readFileSync } from 'node:fs';
import { analyzeHeader, mapColumns, profileFromSamples } from '#domain/mapping/index.ts';
const file = process.argv[2] as string;
const data = JSON.parse(readFileSync(file, 'utf8'));
const profiles = data.columns.map((c: { header: string; samples: string[] }, i: number) => profileFromSamples(c.header, c.samples, i));
const r = mapColumns(profiles);
console.log('kind', r.kind);
r.mappings.forEach((m, i) => {
  const want = data.columns[i].target;
  const a = analyzeHeader(m.source);
  const flag = m.target === want ? '  ' : '!!';
  console.log(`${flag} ${m.source} -> ${m.target} (${m.confidence}) want ${want} | ${a.tokens.join(',')} ${JSON.stringify((a as any).views ?? [])} | ${m.reason}`);
});
