/**
 * Benchmark of the rule-based field matcher on the labelled evaluation set:
 * recall, precision, wrong mappings and a reliability table for the dev split,
 * each held-out split and all together, plus the time to map a 200-column file.
 * Run: npx node bench/mapping.ts
 */
import { type EvalFile, type EvalReport, evaluate } from '#domain/mapping/evaluation.ts';
import { mapColumns, profileFromSamples } from '#domain/mapping/index.ts';
import { loadEvalSet } from '#test/unit/mapping/evalSet.ts';

function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}

function print(title: string, r: EvalReport): void {
  console.log(`\n== ${title}: ${r.files} files, ${r.columns} columns, ${r.mappable} mappable`);
  console.log(
    `recall ${r.recall.toFixed(3)} (${r.correct}/${r.mappable})  precision ${r.precision.toFixed(3)} (${r.correct}/${r.emitted})`,
  );
  for (const e of r.kindErrors) console.log(`kind error: ${e}`);
  if (r.mistakes.length > 0) console.log('wrong mappings (header -> got, want):');
  for (const m of r.mistakes) {
    console.log(
      `  [${m.file}] ${m.header} -> ${m.got ?? 'null'}, want ${m.want ?? 'null'} (conf ${m.confidence})`,
    );
  }
  console.log('reliability (confidence bin: emitted, accuracy):');
  for (const b of r.reliability) {
    const acc = b.emitted === 0 ? '-' : pct(b.correct / b.emitted);
    console.log(
      `  [${b.from.toFixed(2)}, ${Math.min(1, b.to).toFixed(2)}): ${String(b.emitted).padStart(4)}  ${acc}`,
    );
  }
  const high = r.reliability.filter((b) => b.from >= 0.9);
  const emitted = high.reduce((s, b) => s + b.emitted, 0);
  const correct = high.reduce((s, b) => s + b.correct, 0);
  console.log(
    `  confidence >= 0.9: ${emitted} emitted, ${emitted === 0 ? '-' : pct(correct / emitted)} right`,
  );
}

function timing(files: readonly EvalFile[]): void {
  const columns = files.flatMap((f) => f.columns).slice(0, 200);
  const profiles = columns.map((c, i) => profileFromSamples(c.header, c.samples, i));
  for (let i = 0; i < 20; i++) mapColumns(profiles); // warm-up: measure steady state, not JIT compilation
  const runs = 50;
  const start = performance.now();
  for (let i = 0; i < runs; i++) mapColumns(profiles);
  const ms = (performance.now() - start) / runs;
  console.log(`\nmapColumns on ${profiles.length} columns: ${ms.toFixed(2)} ms per call (mean of ${runs})`);
}

const { dev, holdout, holdout2, holdout3, holdout4, holdout5, holdout6 } = loadEvalSet();
print('dev', evaluate(dev));
print('holdout', evaluate(holdout));
print('holdout2', evaluate(holdout2));
print('holdout3', evaluate(holdout3));
print('holdout4', evaluate(holdout4));
print('holdout5', evaluate(holdout5));
print('holdout6', evaluate(holdout6));
print('all', evaluate([...dev, ...holdout, ...holdout2, ...holdout3, ...holdout4, ...holdout5, ...holdout6]));
timing([...dev, ...holdout, ...holdout2, ...holdout3, ...holdout4, ...holdout5, ...holdout6]);
