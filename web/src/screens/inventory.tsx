/**
 * The inventory with filters (type, environment, application, tech-debt status, text), applied
 * by the API's query parameters.
 */
import { useMemo, useState } from 'preact/hooks';
import { osLabel } from '../../../shared/reports/html.ts';
import { type Asset, api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, fmt, LifecyclePill, Loading } from '../ui.tsx';

const SHOWN = 300;
const STATUS_RANK: Record<string, number> = { eol: 0, eol_soon: 1, unknown: 2, supported: 3 };

function distinct(assets: readonly Asset[], pick: (a: Asset) => string | null | undefined): string[] {
  return [...new Set(assets.map(pick).filter((v): v is string => Boolean(v)))].sort((a, b) =>
    a.localeCompare(b),
  );
}

export function Inventory({ engagement }: { engagement: string }) {
  const [filters, setFilters] = useState<Record<string, string>>({});
  const everything = useLoad(() => api.assets(engagement), [engagement]);
  const key = JSON.stringify(filters);
  const filtered = useLoad(() => api.assets(engagement, filters), [engagement, key]);
  const all = everything.data?.assets ?? [];
  const options = useMemo(
    () => ({
      assetType: distinct(all, (a) => a.assetType),
      environment: distinct(all, (a) => a.environment),
      application: distinct(all, (a) => a.application),
    }),
    [all],
  );
  const set = (name: string, value: string) => setFilters((f) => ({ ...f, [name]: value }));
  const rows = filtered.data?.assets ?? [];
  const select = (name: keyof typeof options, label: string) => (
    <label>
      {label}
      <select
        name={name}
        value={filters[name] ?? ''}
        onChange={(e) => set(name, (e.target as HTMLSelectElement).value)}
      >
        <option value="">all</option>
        {options[name].map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>Inventory</h1>
          <p class="muted">
            {fmt.int(rows.length)} of {fmt.int(all.length)} assets
          </p>
        </div>
      </header>
      <div class="filters">
        <label>
          Search
          <input
            name="q"
            type="search"
            placeholder="name, host or IP"
            value={filters.q ?? ''}
            onInput={(e) => set('q', (e.target as HTMLInputElement).value)}
          />
        </label>
        {select('assetType', 'Type')}
        {select('environment', 'Environment')}
        {select('application', 'Application')}
        <label>
          Tech debt
          <select
            name="techDebt"
            value={filters.techDebt ?? ''}
            onChange={(e) => set('techDebt', (e.target as HTMLSelectElement).value)}
          >
            <option value="">all</option>
            <option value="eol">end of life</option>
            <option value="eol_soon">EOL within 12 months</option>
            <option value="supported">supported</option>
            <option value="unknown">unknown</option>
          </select>
        </label>
        {Object.values(filters).some(Boolean) && (
          <button type="button" class="link" onClick={() => setFilters({})}>
            Clear filters
          </button>
        )}
      </div>
      <ErrorBox error={filtered.error ?? everything.error} />
      {filtered.loading && !filtered.data && <Loading what="assets" />}
      {filtered.data && rows.length === 0 && <Empty>No assets match.</Empty>}
      {rows.length > 0 && (
        <table class="table inventory">
          <thead>
            <tr>
              <th>Name</th>
              <th>Type</th>
              <th>Operating system</th>
              <th>Environment</th>
              <th>Application</th>
              <th class="num">vCPU</th>
              <th class="num">RAM GB</th>
              <th class="num">Disk GB</th>
              <th>Lifecycle</th>
              <th class="num">Quality</th>
            </tr>
          </thead>
          <tbody>
            {rows.slice(0, SHOWN).map((a) => {
              const worst = [...a.techDebt].sort(
                (x, y) => (STATUS_RANK[x.status] ?? 9) - (STATUS_RANK[y.status] ?? 9),
              )[0];
              return (
                <tr key={a.assetId}>
                  <td>
                    <div class="strong">{a.name}</div>
                    <div class="muted small">{a.ipAddress?.join(', ')}</div>
                  </td>
                  <td>{a.assetType.replace(/_/g, ' ')}</td>
                  <td>{osLabel(a.operatingSystem, a.osVersion) || '–'}</td>
                  <td>{a.environment ?? '–'}</td>
                  <td>{a.application ?? '–'}</td>
                  <td class="num">{fmt.int(a.cpuCores)}</td>
                  <td class="num">{fmt.int(a.memoryGb)}</td>
                  <td class="num">{fmt.int(a.storageGb)}</td>
                  <td>
                    {worst && worst.status !== 'unknown' ? (
                      <LifecyclePill status={worst.status}>
                        {worst.status === 'supported'
                          ? 'supported'
                          : `${worst.product ?? worst.component} ${worst.version ?? ''}`}
                      </LifecyclePill>
                    ) : (
                      <span class="muted">–</span>
                    )}
                  </td>
                  <td class="num" title={a.qualityIssues.join('\n')}>
                    {fmt.pct(a.qualityScore)}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {rows.length > SHOWN && (
        <p class="muted">Showing the first {SHOWN}; narrow the filters or export the inventory.</p>
      )}
    </div>
  );
}
