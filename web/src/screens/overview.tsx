/**
 * An engagement at a glance: headline figures, the upload zone, and its flows with live phase
 * progress (polled while any flow runs).
 */
import { useState } from 'preact/hooks';
import { api, isActive } from '../api.ts';
import { go, href, useLoad, usePoll } from '../hooks.ts';
import { Empty, ErrorBox, fmt, Loading, Stat, StatusPill } from '../ui.tsx';
import { PhaseTrack } from './phases.tsx';
import { UploadZone } from './upload.tsx';

export function Overview({ engagement }: { engagement: string }) {
  const flows = useLoad(() => api.flows(engagement), [engagement]);
  const assets = useLoad(() => api.assets(engagement), [engagement]);
  const recs = useLoad(() => api.recommendations(engagement).catch(() => null), [engagement]);
  const [error, setError] = useState<Error | undefined>();
  const running = flows.data?.flows.some(isActive) ?? false;
  usePoll(flows.reload, running);
  const list = [...(flows.data?.flows ?? [])].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  const all = assets.data?.assets ?? [];
  const eol = all.filter((a) => a.techDebt.some((t) => t.status === 'eol')).length;
  const totals = recs.data?.totals;
  const assess = async () => {
    try {
      const flow = await api.assess(engagement);
      go('e', engagement, 'flows', flow.flowId);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>{engagement}</h1>
          <p class="muted">Upload exports, review mappings, then assess to get strategies and waves.</p>
        </div>
        <button type="button" class="primary" onClick={assess} disabled={all.length === 0}>
          Run assessment
        </button>
      </header>
      <ErrorBox error={error} />
      <div class="stats">
        <Stat label="Assets" value={fmt.int(all.length)} />
        <Stat label="End-of-life assets" value={fmt.int(eol)} tone={eol > 0 ? 'warn' : undefined} />
        <Stat label="Applications assessed" value={fmt.int(totals?.applications)} />
        <Stat
          label="Expected effort"
          value={totals ? `${fmt.int(totals.effortPersonDays.expected)} pd` : '–'}
        />
        <Stat
          label="Expected cost"
          value={totals ? fmt.money(totals.cost.expected, totals.cost.currency) : '–'}
        />
        <Stat label="Duration" value={totals ? `${fmt.int(totals.durationWeeks)} weeks` : '–'} />
      </div>
      <section class="panel">
        <h2>Upload</h2>
        <UploadZone engagement={engagement} />
      </section>
      <section class="panel">
        <h2>Flows {running && <span class="spinner" title="updating" />}</h2>
        <ErrorBox error={flows.error} />
        {flows.loading && !flows.data && <Loading what="flows" />}
        {flows.data && list.length === 0 && <Empty>No flows yet: upload a file to start discovery.</Empty>}
        {list.length > 0 && (
          <table class="table flows">
            <thead>
              <tr>
                <th>Flow</th>
                <th>Source</th>
                <th>Status</th>
                <th>Phases</th>
                <th>Started</th>
              </tr>
            </thead>
            <tbody>
              {list.map((f) => (
                <tr key={f.flowId} data-flow={f.flowId}>
                  <td>
                    <a href={href('e', engagement, 'flows', f.flowId)}>{f.flowType}</a>
                    <div class="muted small mono">{f.flowId.slice(0, 8)}</div>
                  </td>
                  <td>{String((f.config.upload as { fileName?: string } | undefined)?.fileName ?? '–')}</td>
                  <td>
                    <StatusPill status={f.status} />
                  </td>
                  <td>
                    <PhaseTrack flow={f} compact />
                  </td>
                  <td class="muted small">{fmt.date(f.createdAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
