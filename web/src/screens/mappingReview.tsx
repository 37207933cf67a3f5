/**
 * The mapping review: every source column with sample values, its proposed target, confidence,
 * method and reason. While the flow awaits review the user can change or reject a mapping, then
 * approve to continue; each change is also learned for the tenant.
 */
import { useState } from 'preact/hooks';
import { api, type MappingReview, type ReviewedMapping } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { Confidence, ErrorBox, fmt, Loading, Pill } from '../ui.tsx';

const METHOD_COLOURS: Record<string, string> = {
  rules: '#475569',
  learned: '#0d9488',
  llm: '#7c3aed',
  user: '#2563eb',
};
const IDENTITY = ['name', 'hostname', 'fqdn'];
const CONNECTION_ENDPOINTS = [
  ['sourceHost', 'sourceIp'],
  ['destinationHost', 'destinationIp'],
];

/** Problems that block a useful import, in the user's words. */
function blockers(review: MappingReview): string[] {
  const mapped = new Set(review.mappings.map((m) => m.target).filter(Boolean));
  if (review.kind === 'assets')
    return IDENTITY.some((f) => mapped.has(f))
      ? []
      : ['No column is mapped to name, hostname or fqdn: pick the column that names each asset.'];
  return CONNECTION_ENDPOINTS.filter((pair) => !pair.some((f) => mapped.has(f))).map(
    (pair) => `No column is mapped to ${pair.join(' or ')}.`,
  );
}

export function MappingReviewPanel({
  flowId,
  editable,
  onApprove,
}: {
  flowId: string;
  editable: boolean;
  onApprove: () => Promise<void> | void;
}) {
  const review = useLoad(() => api.mappings(flowId), [flowId, editable]);
  const [error, setError] = useState<Error | undefined>();
  const [saving, setSaving] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);
  if (!review.data) return review.error ? <ErrorBox error={review.error} /> : <Loading what="mappings" />;
  const data = review.data;
  const change = async (m: ReviewedMapping, action: () => Promise<MappingReview>) => {
    setSaving(m.source);
    setError(undefined);
    try {
      review.set(await action());
    } catch (e) {
      setError(e as Error);
    } finally {
      setSaving(null);
    }
  };
  const problems = blockers(data);
  const unsure = data.mappings.filter((m) => m.target && m.confidence < 0.6).length;
  const mapped = data.mappings.filter((m) => m.target).length;
  return (
    <section class="panel review">
      <div class="panel-head">
        <div>
          <h2>{editable ? 'Review the field mappings' : 'Field mappings'}</h2>
          <p class="muted">
            {data.fileName ?? 'upload'} · {data.kind} · {fmt.int(data.rows)} rows · {data.mappings.length}{' '}
            columns, {mapped} mapped, {data.mappings.length - mapped} kept as custom attributes
            {unsure > 0 && `, ${unsure} unsure`}
          </p>
        </div>
        {editable && (
          <button
            type="button"
            class="primary"
            data-testid="approve"
            disabled={approving || problems.length > 0}
            onClick={async () => {
              setApproving(true);
              await onApprove();
              setApproving(false);
            }}
          >
            {approving ? 'Approving…' : 'Approve and continue'}
          </button>
        )}
      </div>
      {editable &&
        problems.map((p) => (
          <div class="warning" key={p}>
            {p}
          </div>
        ))}
      <ErrorBox error={error} />
      <table class="table mappings">
        <thead>
          <tr>
            <th>Source column</th>
            <th>Sample values</th>
            <th>Target field</th>
            <th>Confidence</th>
            <th>Method</th>
            {editable && <th />}
          </tr>
        </thead>
        <tbody>
          {data.mappings.map((m) => (
            <tr
              key={m.source}
              data-source={m.source}
              class={m.target && m.confidence < 0.6 ? 'unsure' : m.target ? '' : 'unmapped'}
            >
              <td>
                <div class="strong">{m.source}</div>
                <div class="muted small">
                  {m.inferredType ?? ''}
                  {m.fillRate !== null && ` · ${fmt.pct(m.fillRate)} filled`}
                  {m.unit && ` · ${m.unit}`}
                </div>
              </td>
              <td class="samples">
                {m.samples.slice(0, 4).map((s) => (
                  <code key={s} title={s}>
                    {s.length > 28 ? `${s.slice(0, 27)}…` : s}
                  </code>
                ))}
              </td>
              <td>
                {editable ? (
                  <select
                    name={`target-${m.source}`}
                    value={m.target ?? ''}
                    disabled={saving === m.source}
                    onChange={(e) => {
                      const v = (e.target as HTMLSelectElement).value;
                      void change(m, () => api.correct(flowId, m.source, v || null));
                    }}
                  >
                    <option value="">— keep as custom attribute —</option>
                    {data.targets.map((t) => (
                      <option key={t} value={t}>
                        {t}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span class={m.target ? 'strong' : 'muted'}>{m.target ?? 'custom attribute'}</span>
                )}
                <div class="muted small reason">{m.reason}</div>
              </td>
              <td>
                <Confidence value={m.confidence} />
              </td>
              <td>
                <Pill colour={METHOD_COLOURS[m.method] ?? '#475569'}>{m.method}</Pill>
              </td>
              {editable && (
                <td>
                  {m.target && (
                    <button
                      type="button"
                      class="small-btn"
                      title="Never propose this target for this column again"
                      disabled={saving === m.source}
                      onClick={() => void change(m, () => api.reject(flowId, m.source))}
                    >
                      Reject
                    </button>
                  )}
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
