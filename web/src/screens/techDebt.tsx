/**
 * Tech debt: lifecycle status of operating systems, databases, runtimes and hypervisors across the
 * inventory, the versions behind it, and the assets that are past end of support.
 */
import { useMemo } from 'preact/hooks';
import { LIFECYCLE_COLOURS, LIFECYCLE_LABELS } from '../../../shared/reports/palette.ts';
import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, fmt, LifecyclePill, Loading, Stat } from '../ui.tsx';

const COMPONENTS = [
  ['os', 'Operating systems'],
  ['database', 'Databases'],
  ['runtime', 'Runtimes'],
  ['hypervisor', 'Hypervisors'],
] as const;
const STATUSES = ['eol', 'eol_soon', 'supported', 'unknown'] as const;

export function TechDebt({ engagement }: { engagement: string }) {
  const assets = useLoad(() => api.assets(engagement), [engagement]);
  const all = assets.data?.assets ?? [];
  const blocks = useMemo(
    () =>
      COMPONENTS.map(([component, title]) => {
        const counts: Record<string, number> = { eol: 0, eol_soon: 0, supported: 0, unknown: 0 };
        const versions = new Map<
          string,
          { product: string; version: string; status: string; eolDate: string | null; n: number }
        >();
        for (const a of all) {
          const t = a.techDebt.find((x) => x.component === component);
          if (!t) continue;
          counts[t.status] = (counts[t.status] ?? 0) + 1;
          const key = `${t.product}|${t.version}|${t.status}`;
          const v = versions.get(key);
          if (v) v.n += 1;
          else
            versions.set(key, {
              product: t.product ?? 'unknown product',
              version: t.version ?? '',
              status: t.status,
              eolDate: t.eolDate,
              n: 1,
            });
        }
        const rank = (s: string) => STATUSES.indexOf(s as (typeof STATUSES)[number]);
        const rows = [...versions.values()].sort((a, b) => rank(a.status) - rank(b.status) || b.n - a.n);
        return { component, title, counts, rows, total: Object.values(counts).reduce((n, c) => n + c, 0) };
      }).filter((b) => b.total > 0),
    [all],
  );
  if (!assets.data) return assets.error ? <ErrorBox error={assets.error} /> : <Loading what="tech debt" />;
  const eol = all.filter((a) => a.techDebt.some((t) => t.status === 'eol')).length;
  const soon = all.filter((a) => a.techDebt.some((t) => t.status === 'eol_soon')).length;
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>Tech debt</h1>
          <p class="muted">Support status against the end of standard security support (endoflife.date).</p>
        </div>
      </header>
      <div class="stats">
        <Stat label="Assets past end of life" value={fmt.int(eol)} tone={eol ? 'warn' : 'good'} />
        <Stat label="End of life within 12 months" value={fmt.int(soon)} />
        <Stat label="Assets analysed" value={fmt.int(all.length)} />
      </div>
      {blocks.length === 0 && <Empty>No tech-debt findings yet.</Empty>}
      {blocks.map((b) => (
        <section class="panel" key={b.component}>
          <h2>{b.title}</h2>
          <div class="sharebar">
            {STATUSES.filter((s) => (b.counts[s] ?? 0) > 0).map((s) => (
              <span
                key={s}
                style={{ flex: b.counts[s], background: LIFECYCLE_COLOURS[s] }}
                title={`${LIFECYCLE_LABELS[s]}: ${b.counts[s]}`}
              >
                {LIFECYCLE_LABELS[s]} {b.counts[s]}
              </span>
            ))}
          </div>
          <table class="table">
            <thead>
              <tr>
                <th>Product</th>
                <th>Version</th>
                <th>Status</th>
                <th>End of support</th>
                <th class="num">Assets</th>
              </tr>
            </thead>
            <tbody>
              {b.rows.slice(0, 20).map((r) => (
                <tr key={`${r.product}|${r.version}|${r.status}`}>
                  <td>{r.product}</td>
                  <td>{r.version || '–'}</td>
                  <td>
                    <LifecyclePill status={r.status} />
                  </td>
                  <td>{r.eolDate ?? '–'}</td>
                  <td class="num">{r.n}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </div>
  );
}
