/**
 * The report's only stylesheet, inlined in the HTML <head>. System fonts, a readable measure,
 * charts that scale to the column (their SVG has a viewBox), tables that scroll sideways on a
 * phone instead of overflowing the page.
 */
export const REPORT_CSS = `
:root{--ink:#1b1b1b;--muted:#5b5b5b;--rule:#dedede;--paper:#fff;--soft:#f5f6f7;--good:#0b6e4f;--bad:#b2182b;--accent:#0072b2}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;background:var(--paper);color:var(--ink);font:16px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Helvetica,Arial,"Liberation Sans",sans-serif}
.page{max-width:1000px;margin:0 auto;padding:24px 20px 48px}
@media (min-width:1200px){.page{max-width:1120px}}
header.top{border-bottom:2px solid var(--ink);padding-bottom:12px;margin-bottom:16px}
h1{font-size:1.75rem;line-height:1.2;margin:0 0 6px}
h2{font-size:1.35rem;margin:40px 0 12px;padding-top:8px;border-top:1px solid var(--rule)}
h3{font-size:1.05rem;margin:24px 0 8px}
p{margin:0 0 12px}
.subtitle{font-size:1.05rem;color:var(--muted);margin:0 0 4px}
.meta{font-size:.85rem;color:var(--muted);margin:0}
nav.toc{background:var(--soft);border-radius:6px;padding:10px 16px;margin:0 0 8px;font-size:.95rem}
nav.toc ol{margin:0;padding-left:1.3em;columns:2;column-gap:32px}
nav.toc a{color:var(--accent);text-decoration:none}
nav.toc a:hover{text-decoration:underline}
.question{font-size:1.05rem;border-left:4px solid var(--accent);padding:4px 0 4px 12px}
.answer{font-weight:bold;padding:0 0 4px 16px}
.note{border-radius:6px;padding:10px 14px;margin:12px 0;font-size:.95rem;background:#eef5fb;border:1px solid #c9def0}
.note.warning{background:#fff6e5;border-color:#f0d59c}
figure.chart{margin:20px 0 28px}
figure.chart figcaption{font-weight:600;margin-bottom:6px}
.chart-body{overflow-x:auto;-webkit-overflow-scrolling:touch}
.chart-body svg{display:block;width:100%;height:auto}
.chart-body .v-compact{display:none}
.scroll-hint{display:none;font-size:.8rem;color:var(--muted);margin:0 0 4px}
.chart-caption{font-size:.88rem;color:var(--muted);margin-top:6px}
.chart-body svg .hover_marks path:hover{opacity:.10}
.table-wrap{overflow-x:auto;-webkit-overflow-scrolling:touch;margin:12px 0 20px}
table{border-collapse:collapse;font-size:.9rem;min-width:60%}
caption{text-align:left;font-weight:600;padding:0 0 6px}
th,td{padding:5px 10px;border-bottom:1px solid var(--rule);vertical-align:top}
th{text-align:left;font-weight:600;border-bottom:2px solid #bbb;vertical-align:bottom}
td.nowrap{white-space:nowrap}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
td.num{white-space:nowrap}
tbody th{font-weight:400;border-bottom:1px solid var(--rule);white-space:nowrap;vertical-align:top}
tr.emphasis th,tr.emphasis td{font-weight:700}
td.tone-good{color:var(--good);font-weight:600}
td.tone-bad{color:var(--bad);font-weight:600}
td.tone-muted{color:var(--muted)}
.table-note{font-size:.85rem;color:var(--muted);margin-top:6px}
td.wrap{white-space:normal;word-break:break-word;min-width:12em}
details.compact{margin:8px 0}
details.compact>summary{cursor:pointer;font-weight:600;padding:4px 0}
details.compact .count{font-weight:400;color:var(--muted)}
details.compact table{font-size:.8rem}
details.compact th,details.compact td{padding:3px 8px}
details.compact caption{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.metrics{display:grid;grid-template-columns:repeat(auto-fill,minmax(140px,1fr));gap:10px;margin:12px 0 20px}
.metric{background:var(--soft);border-radius:6px;padding:10px 12px}
.metric .label{display:block;font-size:.82rem;color:var(--muted)}
.metric .value{display:block;font-size:1.35rem;font-weight:700;font-variant-numeric:tabular-nums}
.metric .mnote{display:block;font-size:.78rem;color:var(--muted)}
footer{margin-top:48px;font-size:.8rem;color:var(--muted);border-top:1px solid var(--rule);padding-top:8px}
#tip{position:fixed;z-index:10;pointer-events:none;max-width:min(360px,90vw);background:rgba(20,20,20,.93);color:#fff;font-size:13px;line-height:1.35;padding:6px 9px;border-radius:4px;white-space:pre-line;box-shadow:0 2px 8px rgba(0,0,0,.25)}
#tip[hidden]{display:none}
@media (max-width:640px){
 .page{padding:16px 12px 40px}
 body{font-size:15px}
 h1{font-size:1.4rem}
 h2{font-size:1.2rem}
 nav.toc ol{columns:1}
 .chart-body .v-wide{display:none}
 .chart-body .v-compact{display:block}
 .chart-body.scroll svg{min-width:620px}
 .scroll-hint{display:block}
 table{font-size:.8rem}
 th,td{padding:4px 5px}
}
@media print{nav.toc,#tip{display:none}.chart-body{overflow:visible}h2{break-before:page}figure.chart,table{break-inside:avoid}}
`;
