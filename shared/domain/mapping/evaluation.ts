/**
 * Scoring the matcher against a labelled evaluation set: recall, precision,
 * wrong mappings and a reliability table (confidence bins vs accuracy), so
 * regressions and over-confidence show up as numbers.
 */
import type { CanonicalField, FileKind } from '#domain/assetSchema.ts';
import type { MappingResult } from '#domain/tableTypes.ts';
import { mapColumns } from './mapColumns.ts';
import { profileFromSamples } from './sampleProfile.ts';

/** One labelled file of the evaluation set (test/fixtures/mapping-eval/*.json). */
export interface EvalFile {
  readonly name: string;
  readonly source: string;
  readonly kind: FileKind;
  readonly columns: ReadonlyArray<{
    header: string;
    samples: readonly string[];
    target: CanonicalField | null;
  }>;
}

/** A mapping that differs from its label. */
export interface EvalMistake {
  readonly file: string;
  readonly header: string;
  readonly got: CanonicalField | null;
  readonly want: CanonicalField | null;
  readonly confidence: number;
}

/** Figures for a set of files. */
export interface EvalReport {
  readonly files: number;
  readonly columns: number;
  /** Columns whose label is a field. */
  readonly mappable: number;
  /** Mappings emitted (target not null). */
  readonly emitted: number;
  readonly correct: number;
  readonly recall: number;
  readonly precision: number;
  readonly kindErrors: readonly string[];
  readonly mistakes: readonly EvalMistake[];
  /** Emitted mappings per confidence bin, with how many were right. */
  readonly reliability: ReadonlyArray<{ from: number; to: number; emitted: number; correct: number }>;
}

const BINS: ReadonlyArray<[number, number]> = [
  [0.5, 0.6],
  [0.6, 0.7],
  [0.7, 0.8],
  [0.8, 0.9],
  [0.9, 0.95],
  [0.95, 1.01],
];

/** Run the matcher over labelled files and score it. */
export function evaluate(files: readonly EvalFile[]): EvalReport {
  let columns = 0;
  let mappable = 0;
  let emitted = 0;
  let correct = 0;
  const mistakes: EvalMistake[] = [];
  const kindErrors: string[] = [];
  const bins = BINS.map(([from, to]) => ({ from, to, emitted: 0, correct: 0 }));
  for (const file of files) {
    const profiles = file.columns.map((c, i) => profileFromSamples(c.header, c.samples, i));
    const result: MappingResult = mapColumns(profiles);
    if (result.kind !== file.kind) kindErrors.push(`${file.name}: got ${result.kind}, want ${file.kind}`);
    file.columns.forEach((label, i) => {
      const mapping = result.mappings[i];
      const got = mapping?.target ?? null;
      columns++;
      if (label.target !== null) mappable++;
      if (got !== null) {
        emitted++;
        const right = got === label.target;
        if (right) correct++;
        const bin = bins.find(
          (b) => (mapping?.confidence ?? 0) >= b.from && (mapping?.confidence ?? 0) < b.to,
        );
        if (bin) {
          bin.emitted++;
          if (right) bin.correct++;
        }
      }
      if (got !== label.target) {
        mistakes.push({
          file: file.name,
          header: label.header,
          got,
          want: label.target,
          confidence: mapping?.confidence ?? 0,
        });
      }
    });
  }
  return {
    files: files.length,
    columns,
    mappable,
    emitted,
    correct,
    recall: mappable === 0 ? 1 : correct / mappable,
    precision: emitted === 0 ? 1 : correct / emitted,
    kindErrors,
    mistakes,
    reliability: bins,
  };
}
