import { analyzeHeader } from '#domain/mapping/headerNormalizer.ts';
import { mapColumns, profileFromSamples } from '#domain/mapping/index.ts';
import { readFileSync } from 'node:fs';
const [file, ...hs] = process.argv.slice(2);
const d = JSON.parse(readFileSync(file, 'utf8'));
const profiles = d.columns.map((c: any, i: number) => profileFromSamples(c.header, c.samples, i));
const r = mapColumns(profiles);
for (const m of r.mappings) if (hs.length === 0 || hs.includes(m.source)) console.log(m.source, JSON.stringify(analyzeHeader(m.source).tokens), '->', m.target, m.confidence, m.reason);
