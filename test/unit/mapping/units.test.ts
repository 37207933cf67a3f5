import { describe, expect, it } from 'vitest';
import { mapColumns } from '#domain/mapping/index.ts';
import { columns } from './helpers.ts';

describe('size units of memory and storage columns', () => {
  it.each([
    ['*Memory (In MB)', ['4096', '8192'], 'memoryGb', 'MB'],
    ['RAM.TotalSizeInMB', ['4096', '8192'], 'memoryGb', 'MB'],
    ['MemoryGiB', ['4', '8', '16'], 'memoryGb', 'GiB'],
    ['Memory (In MB)', ['4096'], 'memoryGb', 'MB'],
    ['Provisioned MB', ['61440', '102400'], 'storageGb', 'MB'],
    ['Provisioned MiB', ['61440', '102400'], 'storageGb', 'MiB'],
    ['TotalDiskSizeGB', ['60', '100'], 'storageGb', 'GB'],
    ['Used Storage (GB)', ['30', '48'], 'storageUsedGb', 'GB'],
    ['In Use MB', ['30722', '51200'], 'storageUsedGb', 'MB'],
  ])('takes the unit of %s from the header', (header, samples, target, unit) => {
    // Act
    const result = mapColumns(columns([[header, samples]]));
    // Assess
    expect(result.mappings[0]).toMatchObject({ target, unit });
  });

  it('infers the unit from magnitudes when the header says nothing', () => {
    // Prepare
    const mb = columns([['Memory', ['4096', '8192', '16384', '65536']]]);
    const gb = columns([['Memory', ['4', '8', '16', '0.5']]]);
    const storageMb = columns([['Disk Space', ['61440', '102400', '512000']]]);
    const storageGb = columns([['Disk Space', ['60', '100', '500']]]);
    // Act + Assess
    expect(mapColumns(mb).mappings[0]).toMatchObject({ target: 'memoryGb', unit: 'MB' });
    expect(mapColumns(gb).mappings[0]).toMatchObject({ target: 'memoryGb', unit: 'GB' });
    expect(mapColumns(storageMb).mappings[0]).toMatchObject({ target: 'storageGb', unit: 'MB' });
    expect(mapColumns(storageGb).mappings[0]).toMatchObject({ target: 'storageGb', unit: 'GB' });
  });

  it('sets no unit on columns that are not sizes', () => {
    const result = mapColumns(columns([['CPUs', ['2', '4']]]));
    expect(result.mappings[0]).toMatchObject({ target: 'cpuCores' });
    expect(result.mappings[0]?.unit).toBeUndefined();
  });
});
