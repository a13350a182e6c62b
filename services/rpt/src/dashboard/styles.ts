/** Dashboard CSS: a light, dense layout that reads at a glance on a laptop or a wall screen. */
export const STYLES = `
*{box-sizing:border-box}
body{margin:0;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;background:#f4f6f9;color:#1f2933}
header{padding:18px 24px 4px}
h1{margin:0;font-size:22px}
h2{margin:0;font-size:15px}
.muted,.hint{color:#6b7785}
.hint{margin:2px 0 8px;font-size:12px}
.tiles{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;padding:12px 24px}
.tile{background:#fff;border-radius:10px;padding:12px 14px;box-shadow:0 1px 2px rgba(0,0,0,.06);border-top:3px solid #3b82f6}
.tile.alert{border-top-color:#d64545}
.tile .label{font-size:12px;color:#6b7785;text-transform:uppercase;letter-spacing:.04em}
.tile .value{font-size:24px;font-weight:600;margin-top:4px;font-variant-numeric:tabular-nums}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(400px,1fr));gap:14px;padding:4px 24px 24px}
.card{background:#fff;border-radius:10px;padding:14px 16px;box-shadow:0 1px 2px rgba(0,0,0,.06)}
.card.wide{grid-column:1/-1}
.tiles.inner{padding:8px 0 0}
.queue .hint code{font-size:11px}
.plot{position:relative;height:240px}
.nodata{display:none;position:absolute;inset:0;margin:0;align-items:center;justify-content:center;color:#9aa5b1}
.card.empty canvas{display:none}
.card.empty .nodata{display:flex}
table{width:100%;border-collapse:collapse;font-variant-numeric:tabular-nums}
th,td{text-align:left;padding:6px 8px;border-bottom:1px solid #eef0f3;white-space:nowrap}
th{font-size:12px;color:#6b7785;font-weight:600}
td:nth-child(3){text-align:right}
.pairs{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px}
.pair{min-width:0;overflow-x:auto}
.pair .rates td{white-space:normal}
.pair .of{display:block;font-size:11px;color:#6b7785}
.pair h3{margin:6px 0 2px;font-size:14px}
.pair table{margin-top:6px}
.pair td:not(:first-child),.pair th:not(:first-child){text-align:right}
.pair .few,.pair .few .of{color:#b45309}
.pair td.agree{background:#eef7f1;font-weight:600}
#shadow .hint code,#shadow-empty code{font-size:11px}
#rule-hits td:not(:first-child),#rule-hits th:not(:first-child),#detector-versions td:nth-child(2){text-align:right}
`;
