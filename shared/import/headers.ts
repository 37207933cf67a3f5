/**
 * Header row clean-up shared by every format: what field mapping sees must be unique,
 * non-blank and free of stray whitespace or byte-order marks.
 */

/**
 * Trims headers, strips BOMs, names blank ones `Column N` (1-based position) and makes
 * repeats unique as `Name (2)`, `Name (3)` (compared case-insensitively).
 * @example normaliseHeaders(['Name', '', 'name']) // ['Name', 'Column 2', 'name (2)']
 */
export function normaliseHeaders(raw: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  raw.forEach((value, i) => {
    const base =
      value
        .replace(/\uFEFF/g, '')
        .replace(/\s+/g, ' ')
        .trim() || `Column ${i + 1}`;
    let name = base;
    for (let n = 2; seen.has(name.toLowerCase()); n++) name = `${base} (${n})`;
    seen.add(name.toLowerCase());
    out.push(name);
  });
  return out;
}

/** True when a row has no non-blank cell (such rows are skipped everywhere). */
export function isBlankRow(row: readonly string[]): boolean {
  for (let i = 0; i < row.length; i++) {
    const v = row[i] as string;
    if (v.length > 0 && (v.charCodeAt(0) > 32 || v.trim().length > 0)) return false;
  }
  return true;
}
