/**
 * The engagement report (self-contained HTML, shown here and downloadable, printable to PDF) and
 * the spreadsheet exports, fetched with the user's token.
 */
import { useEffect, useState } from 'preact/hooks';
import { api } from '../api.ts';
import { ErrorBox, Loading } from '../ui.tsx';

const DATASETS = [
  ['inventory', 'Inventory', 'every asset with tech debt and custom attributes'],
  ['dependencies', 'Dependencies', 'connections with ports and move groups'],
  ['recommendations', 'Recommendations', 'strategy, effort, cost, risks per application'],
  ['waves', 'Waves', 'wave schedule with applications and cost'],
] as const;

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function Reports({ engagement }: { engagement: string }) {
  const [html, setHtml] = useState<string | null>(null);
  const [error, setError] = useState<Error | undefined>();
  useEffect(() => {
    setHtml(null);
    api.report(engagement).then(
      async (blob) => setHtml(await blob.text()),
      (e: Error) => setError(e),
    );
  }, [engagement]);
  const get = async (dataset: string, format: 'csv' | 'xlsx') => {
    try {
      download(await api.exportFile(engagement, dataset, format), `${engagement}-${dataset}.${format}`);
    } catch (e) {
      setError(e as Error);
    }
  };
  return (
    <div>
      <header class="page-head">
        <div>
          <h1>Report & exports</h1>
          <p class="muted">
            One self-contained HTML report (print it to PDF from the browser) and spreadsheet exports.
          </p>
        </div>
        <button
          type="button"
          class="primary"
          disabled={!html}
          onClick={() =>
            html && download(new Blob([html], { type: 'text/html' }), `${engagement}-report.html`)
          }
        >
          Download report
        </button>
      </header>
      <ErrorBox error={error} />
      <section class="panel">
        <h2>Exports</h2>
        <div class="exports">
          {DATASETS.map(([key, title, what]) => (
            <div class="export" key={key}>
              <div>
                <div class="strong">{title}</div>
                <div class="muted small">{what}</div>
              </div>
              <div class="export-buttons">
                <button type="button" onClick={() => get(key, 'csv')} data-export={`${key}.csv`}>
                  CSV
                </button>
                <button type="button" onClick={() => get(key, 'xlsx')} data-export={`${key}.xlsx`}>
                  XLSX
                </button>
              </div>
            </div>
          ))}
        </div>
      </section>
      <section class="panel report-frame">
        {html ? (
          <iframe title="Engagement report" sandbox="allow-same-origin" srcdoc={html} data-testid="report" />
        ) : (
          !error && <Loading what="report" />
        )}
      </section>
    </div>
  );
}
