/**
 * Small presentational pieces shared by the screens.
 */
import type { ComponentChildren } from 'preact';
import {
  LIFECYCLE_COLOURS,
  LIFECYCLE_LABELS,
  SEVERITY_COLOURS,
  strategyColour,
} from '../../shared/reports/palette.ts';

export function Pill({
  colour,
  children,
  title,
}: {
  colour: string;
  children: ComponentChildren;
  title?: string;
}) {
  return (
    <span class="pill" style={{ background: colour }} title={title}>
      {children}
    </span>
  );
}

const STATUS_COLOURS: Record<string, string> = {
  completed: '#16a34a',
  running: '#2563eb',
  initialized: '#2563eb',
  awaiting_review: '#d97706',
  paused: '#6b7280',
  failed: '#dc2626',
  cancelled: '#6b7280',
  pending: '#cbd2d9',
  skipped: '#9aa5b1',
};

export function StatusPill({ status }: { status: string }) {
  return <Pill colour={STATUS_COLOURS[status] ?? '#6b7280'}>{status.replace(/_/g, ' ')}</Pill>;
}

export function StrategyPill({ strategy }: { strategy: string }) {
  return <Pill colour={strategyColour(strategy)}>{strategy}</Pill>;
}

export function LifecyclePill({ status, children }: { status: string; children?: ComponentChildren }) {
  return (
    <Pill colour={LIFECYCLE_COLOURS[status] ?? '#9ca3af'} title={LIFECYCLE_LABELS[status]}>
      {children ?? LIFECYCLE_LABELS[status] ?? status}
    </Pill>
  );
}

export function SeverityPill({ severity }: { severity: string }) {
  return <Pill colour={SEVERITY_COLOURS[severity] ?? '#6b7280'}>{severity}</Pill>;
}

export function Stat({
  label,
  value,
  tone,
}: {
  label: string;
  value: ComponentChildren;
  tone?: 'warn' | 'good';
}) {
  return (
    <div class={`stat ${tone ?? ''}`}>
      <div class="stat-value">{value}</div>
      <div class="stat-label">{label}</div>
    </div>
  );
}

export function ErrorBox({ error }: { error: Error | undefined }) {
  if (!error) return null;
  return (
    <div class="error" role="alert">
      {error.message}
    </div>
  );
}

export function Loading({ what }: { what: string }) {
  return (
    <div class="loading">
      <span class="spinner" /> Loading {what}…
    </div>
  );
}

export function Empty({ children }: { children: ComponentChildren }) {
  return <div class="empty">{children}</div>;
}

/** A 0..1 confidence as a small bar with the percentage. */
export function Confidence({ value }: { value: number }) {
  const pct = Math.round(value * 100);
  const colour = value >= 0.85 ? '#16a34a' : value >= 0.6 ? '#d97706' : '#dc2626';
  return (
    <span class="confidence" title={`${pct}% confidence`}>
      <span class="confidence-bar">
        <span style={{ width: `${pct}%`, background: colour }} />
      </span>
      {pct}%
    </span>
  );
}

export const fmt = {
  int: (n: number | null | undefined) =>
    n === null || n === undefined || !Number.isFinite(n) ? '–' : Math.round(n).toLocaleString('en-US'),
  money: (n: number | null | undefined, currency = 'USD') => {
    if (n === null || n === undefined || !Number.isFinite(n)) return '–';
    const abs = Math.abs(n);
    const v =
      abs >= 1e6
        ? `${(n / 1e6).toFixed(2)}M`
        : abs >= 1e4
          ? `${Math.round(n / 1e3)}k`
          : Math.round(n).toLocaleString('en-US');
    return `${currency} ${v}`;
  },
  pct: (n: number | null | undefined) => (n === null || n === undefined ? '–' : `${Math.round(n * 100)}%`),
  date: (iso: string | undefined) => (iso ? new Date(iso).toLocaleString() : '–'),
};
