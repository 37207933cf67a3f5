import { describe, expect, it } from 'vitest';
import { estimateCost } from '#domain/assessment/index.ts';
import { app, asset } from '../../support/assetFactory.ts';

describe('estimateCost', () => {
  const small = app('Small', [asset({ name: 's1' })]);
  const large = app(
    'Large',
    Array.from({ length: 8 }, (_, i) => asset({ name: `l${i}`, storageGb: 2000 })).concat(
      asset({
        name: 'l-db',
        assetType: 'database',
        databaseEngine: 'Oracle',
        databaseSizeGb: 3000,
        techDebt: [],
      }),
    ),
  );

  it('prices person-days at USD 1,000 by default, as a low ≤ expected ≤ high range', () => {
    // Act
    const e = estimateCost(small, 'rehost');
    // Assess
    expect(e.cost.currency).toBe('USD');
    expect(e.cost.expected).toBe(Math.round(e.effortPersonDays.expected * 1000));
    expect(e.effortPersonDays.low).toBeLessThan(e.effortPersonDays.expected);
    expect(e.effortPersonDays.expected).toBeLessThan(e.effortPersonDays.high);
    expect(e.basis).toContain('1 server(s) × 2 pd');
    expect(e.basis).toContain('USD 1,000 per person-day');
  });

  it('uses the engagement day rate and currency', () => {
    // Act
    const e = estimateCost(small, 'rehost', { rates: { dayRate: 800, currency: 'EUR' } });
    // Assess
    expect(e.cost.currency).toBe('EUR');
    expect(e.cost.expected).toBe(Math.round(e.effortPersonDays.expected * 800));
    expect(e.basis).toContain('EUR 800');
  });

  it('grows with size and with the depth of change', () => {
    // Act
    const rehostSmall = estimateCost(small, 'rehost').effortPersonDays.expected;
    const rehostLarge = estimateCost(large, 'rehost').effortPersonDays.expected;
    const refactorSmall = estimateCost(small, 'refactor').effortPersonDays.expected;
    const rebuildSmall = estimateCost(small, 'rebuild').effortPersonDays.expected;
    const retireSmall = estimateCost(small, 'retire').effortPersonDays.expected;
    // Assess
    expect(rehostLarge).toBeGreaterThan(rehostSmall * 3);
    expect(refactorSmall).toBeGreaterThan(rehostSmall);
    expect(rebuildSmall).toBeGreaterThan(refactorSmall);
    expect(retireSmall).toBeLessThan(rehostSmall);
  });
});
