/**
 * Minimal HTML and number formatting helpers for the self-contained report (no template engine).
 */

/** Escapes text for HTML element content and quoted attribute values. */
export function esc(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/** 12345.6 -> "12,346". */
export function fmtInt(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : Math.round(n).toLocaleString('en-US');
}

/** A money amount, compact: 1234567 USD -> "USD 1.23M". */
export function fmtMoney(n: number | null | undefined, currency = 'USD'): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const abs = Math.abs(n);
  const text = abs >= 1e6 ? `${(n / 1e6).toFixed(2)}M` : abs >= 1e4 ? `${(n / 1e3).toFixed(0)}k` : fmtInt(n);
  return `${currency} ${text}`;
}

/** 0.834 -> "83%". */
export function fmtPct(n: number | null | undefined): string {
  return n === null || n === undefined || !Number.isFinite(n) ? '–' : `${Math.round(n * 100)}%`;
}

/** A stable, readable HTML id from any label. */
export function slug(text: string): string {
  const base = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  let hash = 0;
  for (const ch of text) hash = (hash * 31 + (ch.codePointAt(0) ?? 0)) >>> 0;
  return `${base.slice(0, 40) || 'x'}-${hash.toString(36)}`;
}

/** "Windows Server 2012 R2" + "2012 R2" -> "Windows Server 2012 R2" (the version is not repeated). */
export function osLabel(os: string | null | undefined, version: string | null | undefined): string {
  if (!os) return version ?? '';
  if (!version || os.toLowerCase().includes(version.toLowerCase())) return os;
  return `${os} ${version}`;
}
