/**
 * The dependency graph drawn as a graph: a force-directed layout (shared with the report), move
 * groups coloured, external endpoints grey; selecting a node or a group highlights it.
 */
import { useMemo, useState } from 'preact/hooks';
import { buildDependencyPicture } from '../../../shared/reports/dependencyPicture.ts';
import { api } from '../api.ts';
import { useLoad } from '../hooks.ts';
import { Empty, ErrorBox, fmt, Loading, Stat } from '../ui.tsx';

export function Dependencies({ engagement }: { engagement: string }) {
  const deps = useLoad(() => api.dependencies(engagement), [engagement]);
  const [selected, setSelected] = useState<string | null>(null);
  const [group, setGroup] = useState<string | null>(null);
  const [hideHubs, setHideHubs] = useState(true);
  const picture = useMemo(
    () =>
      deps.data
        ? buildDependencyPicture(deps.data, {
            width: 1000,
            height: 640,
            maxNodes: 220,
            ...(hideHubs ? { hubShare: 0.15 } : {}),
          })
        : null,
    [deps.data, hideHubs],
  );
  if (!deps.data || !picture)
    return deps.error ? <ErrorBox error={deps.error} /> : <Loading what="dependencies" />;
  const groupOf = new Map<string, string>();
  for (const g of deps.data.moveGroups) for (const m of g.members) groupOf.set(m, g.id);
  const neighbours = new Set<string>();
  if (selected)
    for (const e of picture.edges) {
      if (e.from === selected) neighbours.add(e.to);
      if (e.to === selected) neighbours.add(e.from);
    }
  const lit = (id: string) =>
    selected ? id === selected || neighbours.has(id) : group ? groupOf.get(id) === group : true;
  const pos = new Map(picture.nodes.map((n) => [n.id, n]));
  const maxCount = Math.max(1, ...picture.edges.map((e) => e.count));
  const labelled = new Set(
    [...picture.nodes]
      .sort((a, b) => b.degree - a.degree)
      .slice(0, 30)
      .map((n) => n.id),
  );
  const detail = selected ? deps.data.edges.filter((e) => e.from === selected || e.to === selected) : [];
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>Dependencies</h1>
          <p class="muted">
            Observed connections between assets; colours are move groups (assets that must move together).
          </p>
        </div>
      </header>
      <div class="stats">
        <Stat label="Connections" value={fmt.int(deps.data.edges.length)} />
        <Stat label="Move groups" value={fmt.int(deps.data.moveGroups.length)} />
        <Stat label="External endpoints" value={fmt.int(deps.data.externalNodes.length)} />
        <Stat
          label="Cycles"
          value={fmt.int(deps.data.cycles.length)}
          tone={deps.data.cycles.length ? 'warn' : undefined}
        />
      </div>
      {picture.nodes.length === 0 ? (
        <Empty>
          No dependency data yet: upload a connections export (netstat, flow logs, discovery tool).
        </Empty>
      ) : (
        <div class="graph-layout">
          <svg
            class="graph"
            viewBox={`0 0 ${picture.width} ${picture.height}`}
            data-testid="dependency-graph"
            role="img"
            aria-label="Dependency graph: assets as nodes coloured by move group, connections as lines"
          >
            <g>
              {picture.edges.map((e) => {
                const a = pos.get(e.from);
                const b = pos.get(e.to);
                if (!a || !b) return null;
                const on = selected ? e.from === selected || e.to === selected : lit(e.from) && lit(e.to);
                return (
                  <line
                    key={`${e.from}>${e.to}`}
                    x1={a.x}
                    y1={a.y}
                    x2={b.x}
                    y2={b.y}
                    stroke={on ? '#7b8794' : '#e4e7eb'}
                    stroke-width={0.6 + 2.2 * Math.sqrt(e.count / maxCount)}
                    stroke-dasharray={e.external ? '3 3' : undefined}
                  />
                );
              })}
            </g>
            {picture.nodes.map((n) => {
              const r = 4 + Math.min(7, Math.sqrt(n.degree) * 1.5);
              const on = lit(n.id);
              return (
                // biome-ignore lint/a11y/useSemanticElements: SVG has no <button>; the node group is focusable and answers Enter
                <g
                  key={n.id}
                  class="node"
                  opacity={on ? 1 : 0.2}
                  role="button"
                  tabIndex={0}
                  aria-label={n.id}
                  onClick={() => setSelected(selected === n.id ? null : n.id)}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter') setSelected(selected === n.id ? null : n.id);
                  }}
                >
                  <circle
                    cx={n.x}
                    cy={n.y}
                    r={r}
                    fill={n.colour}
                    stroke={n.id === selected ? '#111827' : '#fff'}
                    stroke-width={n.id === selected ? 2.5 : 1}
                  >
                    <title>
                      {n.id}
                      {n.external ? ' (external)' : ''} · {n.degree} links
                    </title>
                  </circle>
                  {(labelled.has(n.id) || n.id === selected || (selected && neighbours.has(n.id))) && (
                    <text x={n.x + r + 3} y={n.y + 3} class="node-label">
                      {n.id}
                    </text>
                  )}
                </g>
              );
            })}
          </svg>
          <aside class="graph-side">
            {selected ? (
              <>
                <h3>{selected}</h3>
                <p class="muted small">
                  {groupOf.has(selected) ? `move group ${groupOf.get(selected)}` : 'not in a move group'}
                </p>
                <table class="table compact">
                  <tbody>
                    {detail.slice(0, 30).map((e) => (
                      <tr key={`${e.from}>${e.to}:${e.port}`}>
                        <td>{e.from === selected ? `→ ${e.to}` : `← ${e.from}`}</td>
                        <td class="muted">
                          {e.protocol ?? ''} {e.port ?? ''}
                        </td>
                        <td class="num">{fmt.int(e.count)}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
                <button type="button" class="link" onClick={() => setSelected(null)}>
                  Clear selection
                </button>
              </>
            ) : (
              <>
                <h3>Move groups</h3>
                <p class="muted small">Click a group to highlight it, or a node to see its connections.</p>
                <label class="small toggle">
                  <input
                    type="checkbox"
                    checked={hideHubs}
                    onChange={(e) => setHideHubs((e.target as HTMLInputElement).checked)}
                  />{' '}
                  Hide shared services
                </label>
                {picture.hubs.length > 0 && (
                  <p class="muted small">
                    Hidden (connected to most of the estate): {picture.hubs.join(', ')}
                  </p>
                )}
                <ul class="legend">
                  {picture.groups.slice(0, 24).map((g) => (
                    <li key={g.id}>
                      <button
                        type="button"
                        class={`link ${group === g.id ? 'strong' : ''}`}
                        onClick={() => setGroup(group === g.id ? null : g.id)}
                      >
                        <i style={{ background: g.colour }} />
                        {g.label}
                      </button>
                    </li>
                  ))}
                </ul>
                {picture.omitted > 0 && (
                  <p class="muted small">{picture.omitted} less-connected nodes not drawn.</p>
                )}
              </>
            )}
          </aside>
        </div>
      )}
    </div>
  );
}
