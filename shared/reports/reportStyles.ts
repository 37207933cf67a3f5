/**
 * The report's stylesheet, inlined into the HTML: screen layout plus print rules (A4, page
 * breaks before each application page, no backgrounds lost) so "Print to PDF" gives a clean document.
 */
export const REPORT_CSS = `
:root{--ink:#1f2933;--muted:#616e7c;--line:#e4e7eb;--accent:#2563eb;--bg:#f5f7fa}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);background:var(--bg)}
main{max-width:1040px;margin:0 auto;padding:32px 28px 64px;background:#fff}
header.cover{border-bottom:3px solid var(--accent);padding-bottom:16px;margin-bottom:24px}
header.cover h1{margin:0;font-size:28px}
header.cover p{margin:4px 0 0;color:var(--muted)}
h2{font-size:20px;margin:36px 0 12px;padding-bottom:6px;border-bottom:1px solid var(--line)}
h3{font-size:16px;margin:20px 0 8px}
nav.toc ol{columns:2;margin:0;padding-left:20px;color:var(--muted)}
nav.toc a{color:var(--ink);text-decoration:none}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(150px,1fr));gap:12px}
.card{border:1px solid var(--line);border-radius:8px;padding:12px 14px;background:#fbfcfd}
.card .v{font-size:22px;font-weight:600;white-space:nowrap}
.card .k{color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
.card.warn .v{color:#b91c1c}
table{border-collapse:collapse;width:100%;margin:8px 0 16px;font-size:13px}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid var(--line);vertical-align:top}
th{background:#f0f4f8;font-weight:600}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.pill{display:inline-block;padding:1px 8px;border-radius:999px;color:#fff;font-size:12px;white-space:nowrap}
.muted{color:var(--muted)}
.two{display:grid;grid-template-columns:1fr 1fr;gap:24px}
svg.chart{display:block;max-width:100%}
svg .lbl{font-size:12px;fill:#334e68}
svg .val{font-size:12px;fill:#1f2933;font-weight:600}
svg .note{font-weight:400;fill:#616e7c}
svg .tick{font-size:10px;fill:#7b8794}
svg .grid{stroke:#e4e7eb}
svg .inbar{font-size:11px;fill:#fff}
svg.graph{border:1px solid var(--line);border-radius:8px;background:#fff}
svg .node{font-size:9px;fill:#243b53}
.legend span{display:inline-flex;align-items:center;margin:0 14px 4px 0;font-size:12px}
.legend i{width:10px;height:10px;border-radius:50%;display:inline-block;margin-right:5px}
section.app{border-top:2px solid var(--line);margin-top:28px}
section.app dl{display:grid;grid-template-columns:160px 1fr;gap:4px 12px;margin:8px 0}
section.app dt{color:var(--muted)}
section.app dd{margin:0}
footer{margin-top:40px;color:var(--muted);font-size:12px}
@page{size:A4;margin:14mm}
@media print{
  body{background:#fff;font-size:11px}
  main{max-width:none;padding:0}
  nav.toc{display:none}
  h2{break-after:avoid}
  table,svg,.cards{break-inside:avoid}
  section.app{break-before:page;border-top:none}
  .pill,.card,th,rect,circle{-webkit-print-color-adjust:exact;print-color-adjust:exact}
}
`;
