/**
 * Inline SVG charts for the report, as text: horizontal bars, a stacked share bar, the wave
 * timeline and the dependency graph. No scripts, no external references: printable anywhere.
 */
import type { Wave } from '#domain/assessment/types.ts';
import type { DependencyPicture } from './dependencyPicture.ts';
import { esc, fmtInt } from './html.ts';
import { strategyColour } from './palette.ts';

/** One bar: label, value, colour and an optional note printed after the value. */
export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly colour: string;
  readonly note?: string;
}

/** Horizontal bar chart, one row per bar, scaled to the largest value. */
export function barChart(
  bars: readonly Bar[],
  options: { width?: number; format?: (n: number) => string } = {},
): string {
  const width = options.width ?? 960;
  const format = options.format ?? fmtInt;
  const row = 26;
  const labelWidth = 170;
  const valueWidth = 140;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const plot = width - labelWidth - valueWidth;
  const height = bars.length * row + 4;
  const rows = bars.map((b, i) => {
    const y = i * row + 2;
    const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * plot);
    return `<g><text x="${labelWidth - 8}" y="${y + 16}" text-anchor="end" class="lbl">${esc(b.label)}</text><rect x="${labelWidth}" y="${y + 4}" width="${w.toFixed(1)}" height="16" rx="3" fill="${esc(b.colour)}"/><text x="${(labelWidth + w + 6).toFixed(1)}" y="${y + 16}" class="val">${esc(format(b.value))}${b.note ? ` <tspan class="note">${esc(b.note)}</tspan>` : ''}</text></g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg">${rows.join('')}</svg>`;
}

/** One full-width bar split into coloured shares, with a legend below. */
export function shareBar(parts: readonly Bar[], options: { width?: number } = {}): string {
  const width = options.width ?? 960;
  const total = parts.reduce((n, p) => n + p.value, 0);
  if (total === 0) return '<p class="muted">No data.</p>';
  let x = 0;
  const rects = parts
    .filter((p) => p.value > 0)
    .map((p) => {
      const w = (p.value / total) * width;
      const r = `<rect x="${x.toFixed(1)}" y="0" width="${w.toFixed(1)}" height="22" fill="${esc(p.colour)}"><title>${esc(p.label)}: ${p.value}</title></rect>`;
      x += w;
      return r;
    });
  let lx = 0;
  const legend = parts
    .filter((p) => p.value > 0)
    .map((p) => {
      const text = `${p.label} ${fmtInt(p.value)} (${Math.round((p.value / total) * 100)}%)`;
      const item = `<rect x="${lx}" y="34" width="10" height="10" fill="${esc(p.colour)}"/><text x="${lx + 14}" y="43" class="lbl">${esc(text)}</text>`;
      lx += text.length * 6.6 + 30;
      return item;
    });
  return `<svg class="chart" viewBox="0 0 ${width} 50" width="100%" role="img" xmlns="http://www.w3.org/2000/svg">${rects.join('')}${legend.join('')}</svg>`;
}

/** Waves as a Gantt timeline: one row per wave from its start week for its duration. */
export function waveTimeline(
  waves: readonly Wave[],
  totalWeeks: number,
  options: { width?: number } = {},
): string {
  if (waves.length === 0) return '<p class="muted">No waves planned.</p>';
  const width = options.width ?? 960;
  const labelWidth = 150;
  const row = 28;
  const weeks = Math.max(1, totalWeeks, ...waves.map((w) => w.startWeek - 1 + w.durationWeeks));
  const scale = (width - labelWidth - 20) / weeks;
  const height = waves.length * row + 30;
  const ticks: string[] = [];
  const step = weeks > 52 ? 8 : weeks > 26 ? 4 : 2;
  for (let w = 0; w <= weeks; w += step) {
    const x = labelWidth + w * scale;
    ticks.push(
      `<line x1="${x.toFixed(1)}" y1="0" x2="${x.toFixed(1)}" y2="${height - 20}" class="grid"/><text x="${x.toFixed(1)}" y="${height - 6}" text-anchor="middle" class="tick">wk ${w + 1}</text>`,
    );
  }
  const bars = waves.map((w, i) => {
    const y = i * row + 4;
    const x = labelWidth + (w.startWeek - 1) * scale;
    const bw = Math.max(3, w.durationWeeks * scale);
    const main = Object.entries(w.strategyMix).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'rehost';
    return `<g><text x="${labelWidth - 8}" y="${y + 15}" text-anchor="end" class="lbl">${esc(w.name)}</text><rect x="${x.toFixed(1)}" y="${y}" width="${bw.toFixed(1)}" height="20" rx="4" fill="${strategyColour(main)}"${w.pilot ? ' stroke="#111827" stroke-dasharray="4 2"' : ''}><title>${esc(w.name)}: ${w.applications.length} applications, ${w.servers} servers</title></rect>${inBarLabel(`${w.applications.length} apps · ${w.servers} servers`, x, bw, y + 14)}</g>`;
  });
  return `<svg class="chart" viewBox="0 0 ${width} ${height}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg">${ticks.join('')}${bars.join('')}</svg>`;
}

/** A label inside a bar when it fits, after it otherwise. */
function inBarLabel(text: string, x: number, barWidth: number, y: number): string {
  const fits = text.length * 6 + 12 < barWidth;
  return fits
    ? `<text x="${(x + 6).toFixed(1)}" y="${y}" class="inbar">${esc(text)}</text>`
    : `<text x="${(x + barWidth + 6).toFixed(1)}" y="${y}" class="lbl">${esc(text)}</text>`;
}

/** The dependency graph with move groups coloured; labels only for well-connected nodes. */
export function dependencySvg(picture: DependencyPicture): string {
  if (picture.nodes.length === 0)
    return '<p class="muted">No dependency data (upload a connections file).</p>';
  const pos = new Map(picture.nodes.map((n) => [n.id, n]));
  const maxCount = Math.max(1, ...picture.edges.map((e) => e.count));
  const lines = picture.edges.map((e) => {
    const a = pos.get(e.from);
    const b = pos.get(e.to);
    if (!a || !b) return '';
    const w = 0.6 + 2.4 * Math.sqrt(e.count / maxCount);
    return `<line x1="${a.x}" y1="${a.y}" x2="${b.x}" y2="${b.y}" stroke="${e.external ? '#cbd2d9' : '#9aa5b1'}" stroke-width="${w.toFixed(2)}"${e.external ? ' stroke-dasharray="3 3"' : ''}/>`;
  });
  const labelled = new Set(
    [...picture.nodes]
      .sort((a, b) => b.degree - a.degree)
      .slice(0, 40)
      .map((n) => n.id),
  );
  const circles = picture.nodes.map((n) => {
    const r = 4 + Math.min(6, Math.sqrt(n.degree) * 1.5);
    const label = labelled.has(n.id)
      ? `<text x="${(n.x + r + 2).toFixed(1)}" y="${(n.y + 3).toFixed(1)}" class="node">${esc(n.id)}</text>`
      : '';
    return `<g><circle cx="${n.x}" cy="${n.y}" r="${r.toFixed(1)}" fill="${n.colour}" stroke="#fff" stroke-width="1"${n.external ? ' fill-opacity="0.6"' : ''}><title>${esc(n.id)}${n.external ? ' (external)' : ''}</title></circle>${label}</g>`;
  });
  return `<svg class="graph" viewBox="0 0 ${picture.width} ${picture.height}" width="100%" role="img" xmlns="http://www.w3.org/2000/svg">${lines.join('')}${circles.join('')}</svg>`;
}
