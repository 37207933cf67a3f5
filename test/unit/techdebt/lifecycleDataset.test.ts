import { describe, expect, it } from 'vitest';
import { TECH_DEBT_COMPONENTS } from '#domain/assetSchema.ts';
import { LIFECYCLE_DATASET, LIFECYCLE_DATASET_DATE } from '#domain/techdebt/index.ts';

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function isRealDate(text: string): boolean {
  return ISO_DAY.test(text) && new Date(`${text}T00:00:00Z`).toISOString().slice(0, 10) === text;
}

describe('lifecycle dataset integrity', () => {
  it('has a real dataset date', () => {
    expect(isRealDate(LIFECYCLE_DATASET_DATE)).toBe(true);
  });

  it('holds every product the analysis promises', () => {
    const keys = Object.keys(LIFECYCLE_DATASET.products);
    for (const required of [
      'windows-server',
      'windows',
      'rhel',
      'centos',
      'ubuntu',
      'debian',
      'sles',
      'oracle-linux',
      'solaris',
      'aix',
      'mssqlserver',
      'oracle-database',
      'mysql',
      'postgresql',
      'mariadb',
      'mongodb',
      'esxi',
      'nodejs',
      'python',
      'php',
      'dotnet',
    ]) {
      expect(keys).toContain(required);
    }
  });

  it('gives every cycle a parseable date or a boolean, and unique cycle names', () => {
    for (const [key, product] of Object.entries(LIFECYCLE_DATASET.products)) {
      expect(TECH_DEBT_COMPONENTS, key).toContain(product.component);
      expect(product.cycles.length, key).toBeGreaterThan(0);
      const names = product.cycles.map((c) => c.cycle);
      expect(new Set(names).size, `${key} duplicate cycles`).toBe(names.length);
      for (const cycle of product.cycles) {
        const where = `${key} ${cycle.cycle}`;
        if (typeof cycle.eol === 'string') expect(isRealDate(cycle.eol), where).toBe(true);
        else expect(typeof cycle.eol, where).toBe('boolean');
        if (typeof cycle.extendedSupport === 'string')
          expect(isRealDate(cycle.extendedSupport), where).toBe(true);
      }
    }
  });

  it('keeps service-pack build tables ascending', () => {
    for (const table of Object.values(LIFECYCLE_DATASET.products.mssqlserver?.servicePackBuilds ?? {})) {
      const builds = table.map(([build]) => build);
      expect(builds).toEqual([...builds].sort((a, b) => a - b));
    }
  });
});
