/**
 * Colours with one meaning everywhere (report and console): a strategy or a lifecycle status
 * always has the same colour.
 */

/** Colour of each migration strategy. */
export const STRATEGY_COLOURS: Readonly<Record<string, string>> = {
  rehost: '#3b82f6',
  replatform: '#06b6d4',
  refactor: '#8b5cf6',
  rearchitect: '#a855f7',
  rebuild: '#d946ef',
  retire: '#94a3b8',
  retain: '#64748b',
  repurchase: '#f59e0b',
  relocate: '#10b981',
};

/** Colour of each tech-debt (support lifecycle) status. */
export const LIFECYCLE_COLOURS: Readonly<Record<string, string>> = {
  eol: '#dc2626',
  eol_soon: '#f59e0b',
  supported: '#16a34a',
  unknown: '#9ca3af',
};

/** Words a reader understands for each lifecycle status. */
export const LIFECYCLE_LABELS: Readonly<Record<string, string>> = {
  eol: 'End of life',
  eol_soon: 'EOL within 12 months',
  supported: 'Supported',
  unknown: 'Unknown',
};

/** Colour of each risk severity. */
export const SEVERITY_COLOURS: Readonly<Record<string, string>> = {
  critical: '#7f1d1d',
  high: '#dc2626',
  medium: '#f59e0b',
  low: '#16a34a',
};

/** The colour for a strategy, grey when unknown. */
export function strategyColour(strategy: string): string {
  return STRATEGY_COLOURS[strategy] ?? '#6b7280';
}
