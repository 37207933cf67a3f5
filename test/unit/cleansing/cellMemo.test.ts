import { describe, expect, it } from 'vitest';
import type { CanonicalField } from '#domain/assetSchema.ts';
import { worthMemoising } from '#domain/cleansing/cellMemo.ts';
import { compileCleanser } from '#domain/cleansing/index.ts';
import { isPlainNumber, splitNumber } from '#domain/cleansing/numbers.ts';
import type { CleansedRecord, ColumnProfile, FieldMapping } from '#domain/tableTypes.ts';

type Spec = [header: string, target: CanonicalField | null];

/** Cleanses `rows` with profiles that say every column repeats (memoised) or is unique (not memoised). */
function cleanseAll(specs: Spec[], rows: string[][], repeated: boolean): CleansedRecord[] {
  const columns: ColumnProfile[] = specs.map(([header], index) => ({
    header,
    index,
    inferredType: 'text',
    fillRate: 1,
    nonEmpty: rows.length,
    distinct: repeated ? 2 : rows.length,
    samples: [],
  }));
  const mappings: FieldMapping[] = specs.map(([header, target]) => ({
    source: header,
    target,
    confidence: 0.9,
    method: 'rules',
    reason: 'test',
  }));
  const clean = compileCleanser(columns, mappings, { uploadId: 'u' });
  return rows.map((row, i) => clean(row, i + 1));
}

describe('per-column memo of converted cells', () => {
  const specs: Spec[] = [
    ['Memory', 'memoryGb'],
    ['RAM', 'memoryGb'],
    ['IP', 'ipAddress'],
    ['CPU %', 'cpuUtilizationPct'],
    ['Port', 'destinationPort'],
    ['Tags', 'tags'],
    ['Seen', 'timestamp'],
  ];
  const cells = [
    ['16 GB', '16', '10.0.0.1', '45%', '443', 'a;b;a', '2024-01-31'],
    ['16 GB', '32', '10.0.0.1, 999.1.1.1', '45%', '70000', 'a;b;a', 'N/A'],
    ['N/A', '16', '0.0.0.0', 'lots', '443', '-', '31/01/2024'],
    ['lots', 'lots', 'zz', '0.5', 'n/a', 'x', 'not a date'],
    ['16 GB', '16', '10.0.0.1', '45%', '443', 'a;b;a', '2024-01-31'],
    ['lots', 'lots', 'zz', '0.5', 'n/a', 'x', 'not a date'],
  ];

  it('gives every row exactly what converting each cell gives: values, conflicts, issues and kept raw text', () => {
    // Prepare
    const rows = [...cells, ...cells, ...cells];
    // Act
    const memoised = cleanseAll(specs, rows, true);
    const direct = cleanseAll(specs, rows, false);
    // Assess
    expect(memoised).toEqual(direct);
    expect(memoised[1]?.custom.RAM).toBe('32');
    expect(memoised[3]?.qualityIssues.length).toBeGreaterThan(0);
  });

  it('never shares a list between rows, so one row changing its list leaves the others alone', () => {
    // Prepare
    const rows = [['x', 'x', '10.0.0.1', '1', '1', 'a;b', '']];
    const records = cleanseAll(specs, [...rows, ...rows], true);
    // Act
    const [first, second] = records as [CleansedRecord, CleansedRecord];
    (first.fields.tags as string[]).push('changed');
    // Assess
    expect(second.fields.tags).toEqual(['a', 'b']);
  });

  it('is used for columns whose values repeat, never for per-row-unique or huge columns', () => {
    // Prepare
    const column = (distinct: number, nonEmpty: number): ColumnProfile => ({
      header: 'h',
      index: 0,
      inferredType: 'text',
      fillRate: 1,
      nonEmpty,
      distinct,
      samples: [],
    });
    // Act / Assess
    expect(worthMemoising(column(5, 100_000))).toBe(true);
    expect(worthMemoising(column(100_000, 100_000))).toBe(false);
    expect(worthMemoising(column(10_000, 1_000_000))).toBe(false);
    expect(worthMemoising(column(0, 0))).toBe(false);
  });
});

describe('plain number check', () => {
  it.each([
    ['42', true],
    ['-1.5', true],
    ['+7', true],
    ['1.', false],
    ['.5', false],
    ['1,024', false],
    ['', false],
    ['-', false],
    ['1e3', false],
    ['16 GB', false],
  ])('%s -> %s, as the number parser reads it', (text, plain) => {
    expect(isPlainNumber(text)).toBe(plain);
    if (plain) expect(splitNumber(text)).toEqual({ value: Number(text), suffix: '' });
  });
});
