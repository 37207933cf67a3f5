/**
 * A flow's phases as a horizontal progress track.
 */
import type { Flow } from '../api.ts';

const LABELS: Record<string, string> = {
  data_import: 'Import',
  field_mapping: 'Field mapping',
  data_cleansing: 'Cleansing',
  asset_inventory: 'Inventory',
  dependency_analysis: 'Dependencies',
  tech_debt_analysis: 'Tech debt',
  sixr_strategy: '6R strategy',
  risk_assessment: 'Risk',
  wave_planning: 'Waves',
};

export function phaseLabel(name: string): string {
  return LABELS[name] ?? name.replace(/_/g, ' ');
}

export function PhaseTrack({ flow, compact }: { flow: Flow; compact?: boolean }) {
  return (
    <ol class={`phases ${compact ? 'compact' : ''}`}>
      {flow.phases.map((p) => {
        const waiting =
          flow.status === 'awaiting_review' && p.status === 'pending' && isNextPending(flow, p.name);
        return (
          <li
            key={p.name}
            class={`phase ${p.status}${waiting ? ' waiting' : ''}`}
            title={`${p.name}: ${p.status}`}
          >
            <span class="dot" />
            {!compact && (
              <span class="phase-name">
                {phaseLabel(p.name)}
                {p.durationMs !== undefined && (
                  <span class="muted small"> {(p.durationMs / 1000).toFixed(1)}s</span>
                )}
              </span>
            )}
          </li>
        );
      })}
    </ol>
  );
}

function isNextPending(flow: Flow, name: string): boolean {
  return flow.phases.find((p) => p.status === 'pending')?.name === name;
}
