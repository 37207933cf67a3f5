/**
 * The caller's engagements, and a form to start a new one.
 */
import { useState } from 'preact/hooks';
import { api } from '../api.ts';
import { go, href, useLoad } from '../hooks.ts';
import { Empty, ErrorBox, fmt, Loading } from '../ui.tsx';

export function Engagements() {
  const list = useLoad(() => api.engagements(), []);
  const [id, setId] = useState('');
  const [error, setError] = useState<Error | undefined>();
  const create = async (e: Event) => {
    e.preventDefault();
    try {
      const created = await api.createEngagement(id.trim());
      go('e', created.engagementId);
    } catch (err) {
      setError(err as Error);
    }
  };
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>Engagements</h1>
          <p class="muted">Each engagement holds one client's uploads, inventory, dependencies and plan.</p>
        </div>
        <form class="inline-form" onSubmit={create}>
          <input
            name="engagementId"
            placeholder="new engagement id, e.g. acme-dc1"
            pattern="[A-Za-z0-9][A-Za-z0-9_.\-]{0,63}"
            value={id}
            onInput={(e) => setId((e.target as HTMLInputElement).value)}
          />
          <button type="submit" class="primary" disabled={!id.trim()}>
            Create
          </button>
        </form>
      </header>
      <ErrorBox error={error ?? list.error} />
      {list.loading && !list.data && <Loading what="engagements" />}
      {list.data && list.data.engagements.length === 0 && (
        <Empty>No engagements yet. Create one, then upload a CMDB export or RVTools workbook.</Empty>
      )}
      <div class="cards">
        {list.data?.engagements.map((e) => (
          <a class="card link-card" href={href('e', e.engagementId)} key={e.engagementId}>
            <div class="card-title">{e.name}</div>
            <div class="muted">{e.engagementId}</div>
            <div class="muted small">created {fmt.date(e.createdAt)}</div>
          </a>
        ))}
      </div>
    </div>
  );
}
