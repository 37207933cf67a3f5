/**
 * Drag-and-drop (or pick) a file; it is sent with `PUT /engagements/{e}/files/{name}`, which
 * stores it and starts discovery, and the user is taken to the flow to watch it run.
 */
import { useRef, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { go } from '../hooks.ts';
import { ErrorBox } from '../ui.tsx';

export function UploadZone({ engagement }: { engagement: string }) {
  const [over, setOver] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<Error | undefined>();
  const input = useRef<HTMLInputElement>(null);
  const send = async (file: File | undefined) => {
    if (!file) return;
    setBusy(file.name);
    setError(undefined);
    try {
      const { flow } = await api.upload(engagement, file);
      go('e', engagement, 'flows', flow.flowId);
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(null);
    }
  };
  return (
    <div>
      <button
        type="button"
        class={`dropzone ${over ? 'over' : ''}`}
        data-testid="dropzone"
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={(e) => {
          e.preventDefault();
          setOver(false);
          void send(e.dataTransfer?.files[0]);
        }}
        onClick={() => input.current?.click()}
      >
        <svg class="dropzone-icon" viewBox="0 0 24 24" width="32" height="32" aria-hidden="true">
          <path
            d="M12 16V4m0 0-4.5 4.5M12 4l4.5 4.5M4 15v3a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-3"
            fill="none"
            stroke="currentColor"
            stroke-width="2"
            stroke-linecap="round"
            stroke-linejoin="round"
          />
        </svg>
        {busy ? (
          <div>
            <span class="spinner" /> Uploading {busy}…
          </div>
        ) : (
          <>
            <div>
              <strong>Drop an export here</strong> or click to choose a file
            </div>
            <div class="muted small">
              CMDB or discovery CSV, RVTools XLSX, JSON, or a connections log — discovery starts at once
            </div>
          </>
        )}
      </button>
      <input
        ref={input}
        type="file"
        name="file"
        accept=".csv,.tsv,.txt,.xlsx,.json"
        hidden
        onChange={(e) => void send((e.target as HTMLInputElement).files?.[0])}
      />
      <ErrorBox error={error} />
    </div>
  );
}
