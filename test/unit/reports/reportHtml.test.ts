import { describe, expect, it } from 'vitest';
import { renderEngagementReport } from '../../../shared/reports/reportHtml.ts';
import { engagementFixture } from './engagementFixture.ts';

describe('engagement report', () => {
  it('is one self-contained document: inline CSS and SVG, no scripts, no external requests', () => {
    const html = renderEngagementReport(engagementFixture());

    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('<style>');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["']?(https?:)?\/\//i);
    expect(html).not.toMatch(/<link\b/i);
    expect(html).toContain('@media print');
  });

  it('escapes data from uploads', () => {
    const html = renderEngagementReport(engagementFixture());

    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('has the summary, lifecycle, strategy, waves, dependency, risk sections and a page per application', () => {
    const html = renderEngagementReport(engagementFixture());

    for (const id of ['summary', 'lifecycle', 'strategy', 'waves', 'dependencies', 'risks', 'applications'])
      expect(html).toContain(`id="${id}"`);
    expect(html.match(/<section class="app"/g)?.length).toBe(2);
    expect(html).toContain('Windows Server');
    expect(html).toContain('2020-01-14');
  });

  it('says what is missing before an assessment instead of printing empty charts', () => {
    const html = renderEngagementReport(engagementFixture({ assessed: false }));

    expect(html).toContain('No assessment yet');
    expect(html).toContain('id="lifecycle"');
    expect(html).not.toContain('<section class="app"');
  });

  it('is deterministic for the same data', () => {
    expect(renderEngagementReport(engagementFixture())).toBe(renderEngagementReport(engagementFixture()));
  });
});
