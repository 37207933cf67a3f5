/**
 * Recommendations: a strategy per application with confidence, rationale, alternatives, effort,
 * cost and risks; a user can override the strategy (with a reason), which re-runs the assessment.
 */
import { useState } from 'preact/hooks';
import { strategyColour } from '../../../shared/reports/palette.ts';
import { api, type Flow, isActive, type Recommendation } from '../api.ts';
import { useLoad, usePoll } from '../hooks.ts';
import { Confidence, Empty, ErrorBox, fmt, Loading, SeverityPill, StrategyPill } from '../ui.tsx';

const STRATEGIES = [
  'rehost',
  'replatform',
  'refactor',
  'rearchitect',
  'rebuild',
  'retire',
  'retain',
  'repurchase',
  'relocate',
];

export function Recommendations({ engagement }: { engagement: string }) {
  const recs = useLoad(() => api.recommendations(engagement), [engagement]);
  const [open, setOpen] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [reassessing, setReassessing] = useState<Flow | null>(null);
  usePoll(async () => {
    if (!reassessing) return;
    const f = await api.flow(reassessing.flowId);
    if (!isActive(f)) {
      setReassessing(null);
      recs.reload();
    }
  }, reassessing !== null);
  if (!recs.data) {
    if (recs.error && (recs.error as { status?: number }).status === 404)
      return (
        <div>
          <h1>Recommendations</h1>
          <Empty>No assessment yet. Run one from the engagement overview once discovery has finished.</Empty>
        </div>
      );
    return recs.error ? <ErrorBox error={recs.error} /> : <Loading what="recommendations" />;
  }
  const { recommendations, totals } = recs.data;
  const counts = new Map<string, number>();
  for (const r of recommendations) counts.set(r.strategy, (counts.get(r.strategy) ?? 0) + 1);
  const max = Math.max(1, ...counts.values());
  const shown = recommendations.filter(
    (r) => !filter || r.strategy === filter || r.application.toLowerCase().includes(filter.toLowerCase()),
  );
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>Recommendations</h1>
          <p class="muted">
            {fmt.int(totals.applications)} applications · assessed {fmt.date(recs.data.assessedAt)} ·{' '}
            {fmt.int(totals.overridden)} overridden
          </p>
        </div>
        {reassessing && (
          <div class="info">
            <span class="spinner" /> Re-assessing with your override…
          </div>
        )}
      </header>
      <section class="panel">
        <h2>Strategy distribution</h2>
        <div class="hbars">
          {[...counts.entries()]
            .sort((a, b) => b[1] - a[1])
            .map(([s, n]) => (
              <button
                type="button"
                class={`hbar ${filter === s ? 'active' : ''}`}
                key={s}
                onClick={() => setFilter(filter === s ? '' : s)}
              >
                <span class="hbar-label">{s}</span>
                <span class="hbar-track">
                  <span style={{ width: `${(n / max) * 100}%`, background: strategyColour(s) }} />
                </span>
                <span class="hbar-value">{n}</span>
              </button>
            ))}
        </div>
      </section>
      <div class="filters">
        <label>
          Find
          <input
            type="search"
            placeholder="application or strategy"
            value={filter}
            onInput={(e) => setFilter((e.target as HTMLInputElement).value)}
          />
        </label>
        <span class="muted">{shown.length} shown</span>
      </div>
      <table class="table recs">
        <thead>
          <tr>
            <th>Application</th>
            <th>Strategy</th>
            <th>Confidence</th>
            <th class="num">Servers</th>
            <th class="num">Effort (pd)</th>
            <th class="num">Cost</th>
            <th class="num">Risks</th>
          </tr>
        </thead>
        <tbody>
          {shown.slice(0, 200).map((r) => [
            <tr
              key={r.application}
              class="clickable"
              onClick={() => setOpen(open === r.application ? null : r.application)}
            >
              <td class="strong">
                {open === r.application ? '▾ ' : '▸ '}
                {r.application}
              </td>
              <td>
                <StrategyPill strategy={r.strategy} />
                {r.overridden && <span class="muted small"> overridden</span>}
              </td>
              <td>
                <Confidence value={r.confidence} />
              </td>
              <td class="num">{r.assetIds.length}</td>
              <td class="num">{fmt.int(r.effort.expected)}</td>
              <td class="num">{fmt.money(r.cost.expected, r.cost.currency)}</td>
              <td class="num">{r.risks.length}</td>
            </tr>,
            open === r.application && (
              <tr key={`${r.application}-detail`} class="detail">
                <td colSpan={7}>
                  <Detail rec={r} engagement={engagement} onOverridden={(f) => setReassessing(f)} />
                </td>
              </tr>
            ),
          ])}
        </tbody>
      </table>
    </div>
  );
}

function Detail({
  rec,
  engagement,
  onOverridden,
}: {
  rec: Recommendation;
  engagement: string;
  onOverridden: (f: Flow) => void;
}) {
  const [strategy, setStrategy] = useState(rec.alternatives[0]?.strategy ?? 'rehost');
  const [reason, setReason] = useState('');
  const [error, setError] = useState<Error | undefined>();
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const { flow } = await api.override(engagement, rec.application, strategy, reason);
      onOverridden(flow);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <div class="rec-detail">
      <div>
        <h4>Why {rec.strategy}</h4>
        <p>{rec.rationale}</p>
        {rec.overridden && (
          <p class="info">
            {rec.overridden.by} chose {rec.strategy} over {rec.overridden.from}: “{rec.overridden.reason}”
          </p>
        )}
        <h4>Alternatives</h4>
        <ul>
          {rec.alternatives.map((a) => (
            <li key={a.strategy}>
              <StrategyPill strategy={a.strategy} /> {fmt.pct(a.confidence)} — {a.rationale}
            </li>
          ))}
        </ul>
        <p class="muted small">
          Effort {fmt.int(rec.effort.low)}–{fmt.int(rec.effort.high)} person-days · cost{' '}
          {fmt.money(rec.cost.low, rec.cost.currency)} – {fmt.money(rec.cost.high, rec.cost.currency)}
        </p>
      </div>
      <div>
        <h4>Risks</h4>
        {rec.risks.length === 0 && <p class="muted">None raised.</p>}
        <ul class="risks">
          {rec.risks.map((r) => (
            <li key={r.description}>
              <SeverityPill severity={r.severity} /> {r.description}
              <div class="muted small">{r.mitigation}</div>
            </li>
          ))}
        </ul>
        <form class="override" onSubmit={submit}>
          <h4>Override the strategy</h4>
          <select value={strategy} onChange={(e) => setStrategy((e.target as HTMLSelectElement).value)}>
            {STRATEGIES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <input
            placeholder="reason (recorded with your name)"
            value={reason}
            onInput={(e) => setReason((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="primary" disabled={!reason.trim()}>
            Override
          </button>
          <ErrorBox error={error} />
        </form>
      </div>
    </div>
  );
}
