/**
 * Waves as a timeline: each wave a bar from its start week for its duration, coloured by its main
 * strategy, with applications, servers, effort and cost; applications that stay are listed apart.
 */
import { useState } from 'preact/hooks';
import { strategyColour } from '../../../shared/reports/palette.ts';
import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, fmt, Loading, Stat, StrategyPill } from '../ui.tsx';

export function Waves({ engagement }: { engagement: string }) {
  const waves = useLoad(() => api.waves(engagement), [engagement]);
  const [open, setOpen] = useState<number | null>(null);
  if (!waves.data) {
    if (waves.error && (waves.error as { status?: number }).status === 404)
      return (
        <div>
          <h1>Waves</h1>
          <Empty>No wave plan yet: run an assessment first.</Empty>
        </div>
      );
    return waves.error ? <ErrorBox error={waves.error} /> : <Loading what="waves" />;
  }
  const d = waves.data;
  const weeks = Math.max(1, d.totalWeeks, ...d.waves.map((w) => w.startWeek - 1 + w.durationWeeks));
  const ticks = Array.from({ length: Math.floor(weeks / 4) + 1 }, (_, i) => i * 4);
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>Waves</h1>
          <p class="muted">
            Dependency-ordered migration waves; a wave starts after the waves it depends on.
          </p>
        </div>
      </header>
      <div class="stats">
        <Stat label="Waves" value={fmt.int(d.waves.length)} />
        <Stat label="Duration" value={`${fmt.int(d.totalWeeks)} weeks`} />
        <Stat label="Applications migrated" value={fmt.int(d.totals.migrated)} />
        <Stat label="Expected effort" value={`${fmt.int(d.totals.effortPersonDays.expected)} pd`} />
        <Stat label="Expected cost" value={fmt.money(d.totals.cost.expected, d.totals.cost.currency)} />
      </div>
      {d.waves.length === 0 && <Empty>No waves: nothing to migrate.</Empty>}
      <section class="panel timeline" data-testid="wave-timeline">
        <div class="tl-row tl-axis">
          <div class="tl-label" />
          <div class="tl-track">
            {ticks.map((t) => (
              <span key={t} class="tl-tick" style={{ left: `${(t / weeks) * 100}%` }}>
                wk {t + 1}
              </span>
            ))}
          </div>
        </div>
        {d.waves.map((w) => {
          const main = Object.entries(w.strategyMix).sort((a, b) => b[1] - a[1])[0]?.[0] ?? 'rehost';
          return (
            <div key={w.number}>
              <button
                type="button"
                class="tl-row"
                onClick={() => setOpen(open === w.number ? null : w.number)}
              >
                <div class="tl-label">
                  <strong>{w.name}</strong>
                  {w.pilot && <span class="muted small"> pilot</span>}
                </div>
                <div class="tl-track">
                  <span
                    class="tl-bar"
                    style={{
                      left: `${((w.startWeek - 1) / weeks) * 100}%`,
                      width: `${Math.max(1.5, (w.durationWeeks / weeks) * 100)}%`,
                      background: strategyColour(main),
                    }}
                    title={`weeks ${w.startWeek}–${w.startWeek + w.durationWeeks - 1}`}
                  />
                  <span
                    class="tl-text"
                    style={
                      (w.startWeek - 1 + w.durationWeeks) / weeks > 0.7
                        ? { right: `${100 - ((w.startWeek - 1) / weeks) * 100}%`, marginRight: '8px' }
                        : {
                            left: `${((w.startWeek - 1 + w.durationWeeks) / weeks) * 100}%`,
                            marginLeft: '8px',
                          }
                    }
                  >
                    {w.applications.length} apps · {w.servers} servers ·{' '}
                    {fmt.money(w.cost.expected, w.cost.currency)}
                  </span>
                </div>
              </button>
              {open === w.number && (
                <div class="tl-detail">
                  <p>
                    Weeks {w.startWeek}–{w.startWeek + w.durationWeeks - 1} · effort{' '}
                    {fmt.int(w.effortPersonDays.expected)} pd
                    {w.dependsOnWaves.length > 0 && ` · after wave ${w.dependsOnWaves.join(', ')}`}
                  </p>
                  <p>
                    {Object.entries(w.strategyMix)
                      .filter(([, n]) => n > 0)
                      .map(([s, n]) => (
                        <span key={s}>
                          <StrategyPill strategy={s} /> {n}{' '}
                        </span>
                      ))}
                  </p>
                  <p class="small">{w.applications.join(', ')}</p>
                </div>
              )}
            </div>
          );
        })}
      </section>
      {d.notMigrated.length > 0 && (
        <section class="panel">
          <h2>Not migrated ({d.notMigrated.length})</h2>
          <p>
            {d.notMigrated.map((n) => (
              <span key={n.application} class="chip">
                {n.application} <StrategyPill strategy={n.strategy} />
              </span>
            ))}
          </p>
        </section>
      )}
      {d.warnings.length > 0 && (
        <section class="panel">
          <h2>Planner warnings</h2>
          <ul>
            {d.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
