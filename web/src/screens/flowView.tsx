/**
 * One flow: its phases with live progress (polled while it runs), its notes and error, and —
 * while it waits for review — the mapping review with approve.
 */
import { useState } from 'preact/hooks';
import { api, isActive } from '../api.ts';
import { href, useLoad, usePoll } from '../hooks.ts';
import { ErrorBox, fmt, Loading, StatusPill } from '../ui.tsx';
import { MappingReviewPanel } from './mappingReview.tsx';
import { PhaseTrack, phaseLabel } from './phases.tsx';

export function FlowView({ engagement, flowId }: { engagement: string; flowId: string }) {
  const flow = useLoad(() => api.flow(flowId), [flowId]);
  const [error, setError] = useState<Error | undefined>();
  const f = flow.data;
  usePoll(flow.reload, f ? isActive(f) : false);
  if (!f) return flow.error ? <ErrorBox error={flow.error} /> : <Loading what="flow" />;
  const act = async (action: () => Promise<unknown>) => {
    setError(undefined);
    try {
      await action();
      flow.reload();
    } catch (e) {
      setError(e as Error);
    }
  };
  const fileName = (f.config.upload as { fileName?: string } | undefined)?.fileName;
  const mappingDone = f.phases.find((p) => p.name === 'field_mapping')?.status === 'completed';
  return (
    <div>
      <header class="page-head">
        <div>
          <div class="crumbs">
            <a href={href('e', engagement)}>{engagement}</a> › flow
          </div>
          <h1>
            {f.flowType === 'discovery' ? 'Discovery' : 'Assessment'}
            {fileName ? ` of ${fileName}` : ''} <StatusPill status={f.status} />
          </h1>
          <p class="muted small mono">
            {f.flowId} · started {fmt.date(f.createdAt)}
          </p>
        </div>
        <div class="actions">
          {f.status === 'failed' && (
            <button type="button" onClick={() => act(() => api.resume(f.flowId))}>
              Resume from {f.error?.phase ?? 'failed phase'}
            </button>
          )}
          {(isActive(f) || f.status === 'awaiting_review') && (
            <button type="button" class="danger" onClick={() => act(() => api.cancel(f.flowId))}>
              Cancel
            </button>
          )}
        </div>
      </header>
      <ErrorBox error={error} />
      <section class="panel">
        <PhaseTrack flow={f} />
        {f.error && (
          <div class="error">
            {phaseLabel(f.error.phase ?? '')} failed: {f.error.message}
          </div>
        )}
        {f.notes.length > 0 && (
          <ul class="notes">
            {f.notes.map((n) => (
              <li key={n}>{n}</li>
            ))}
          </ul>
        )}
        {f.status === 'completed' && (
          <div class="done">
            {f.flowType === 'discovery' ? (
              <>
                Discovery finished. <a href={href('e', engagement, 'inventory')}>See the inventory</a> ·{' '}
                <a href={href('e', engagement, 'techdebt')}>tech debt</a> ·{' '}
                <a href={href('e', engagement, 'dependencies')}>dependencies</a>
              </>
            ) : (
              <>
                Assessment finished.{' '}
                <a href={href('e', engagement, 'recommendations')}>See the recommendations</a> ·{' '}
                <a href={href('e', engagement, 'waves')}>waves</a>
              </>
            )}
          </div>
        )}
      </section>
      {f.flowType === 'discovery' && mappingDone && (
        <MappingReviewPanel
          flowId={f.flowId}
          editable={f.status === 'awaiting_review'}
          onApprove={() => act(() => api.approve(f.flowId))}
        />
      )}
    </div>
  );
}
