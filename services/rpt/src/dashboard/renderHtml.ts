import type { KpiResults } from '../report/runKpis.js';
import { drawDashboard } from './clientScript.js';
import { STYLES } from './styles.js';

/** Chart cards in display order: KPI id, title, and a one-line hint of how to read it. */
const CARDS: [string, string, string][] = [
  ['outcomes_per_minute', 'Outcomes per minute', 'approve / review / block, stacked'],
  ['ttdf_percentiles', 'Time to detect fraud', 'p50 / p95 / p99 per minute, from entering the stream to the decision'],
  ['blocked_amount_per_hour', 'Blocked amount per hour', 'sum of transaction_amt of blocked transactions'],
  ['score_distribution', 'Score distribution', 'risk score (0–1000) in bands of 50, coloured by the outcome decided; counts on a log scale'],
  ['block_rate_by_category', 'Block rate by product category', 'blocked / all transactions'],
  ['block_rate_by_state', 'Block rate by billing state', 'blocked / all transactions'],
  ['documents_by_verdict', 'Documents by verdict', 'compliance scans in the window'],
  ['entity_types', 'PII entity types found', 'entities detected across documents'],
  ['quarantine_reasons', 'Quarantine reasons', 'why documents were quarantined'],
];

const TILES: [string, string][] = [
  ['transactions', 'Transactions'], ['blocked', 'Blocked'], ['block_rate', 'Block rate'], ['blocked_amount', 'Blocked amount'],
  ['reviewed', 'In review'], ['ttdf_p95', 'TTDF p95'], ['documents', 'Documents scanned'], ['skipped', 'Skipped records'],
];

/** The review queue's numbers, from the lake (issue 22): id and label. */
const QUEUE_TILES: [string, string][] = [
  ['reviews', 'Reviews (cases)'], ['decided', 'Decided'], ['open', 'Open'], ['oldest_open_age', 'Oldest open'],
  ['decided_fraud_share', 'Decided: fraud'], ['fraud_share', 'Reviews labelled fraud (any source)'],
];

/** Everything the page needs is inline; the browser refuses any request it would make (no fetch, image, font or frame). */
export const CSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** Meta tag naming the window a dashboard covers (ISO from/to), so a later run can say when it replaces a different one. */
export const WINDOW_META = 'sfc-report-window';

/** The window a rendered dashboard covers, as `from/to`, or undefined when `html` names none. */
export function windowOfHtml(html: string): string | undefined {
  return new RegExp(`<meta name="${WINDOW_META}" content="([^"]*)">`).exec(html)?.[1];
}

/** JSON safe inside a <script> element. */
const scriptJson = (value: unknown) => JSON.stringify(value).replace(/</g, '\\u003c').replace(/\u2028|\u2029/g, (c) => `\\u${c.charCodeAt(0).toString(16)}`);

/** One self-contained HTML file: the chart library and the data are inlined, nothing is fetched. */
export function renderHtml(results: KpiResults, chartLibrary: string, generatedAt: Date): string {
  const data = { ...results, generatedAt: generatedAt.toISOString() };
  const table = (id: string, title: string, heads: string[], hint = '', wide = true) => `<section class="card${wide ? ' wide' : ''}"><h2>${esc(title)}</h2>${hint ? `<p class="hint">${esc(hint)}</p>` : ''}
<table id="${id}"><thead><tr>${heads.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody></tbody></table></section>`;
  const card = (id: string, title: string, hint: string, extra = '') => `<section class="card" data-chart="${id}"><h2>${esc(title)}</h2><p class="hint">${esc(hint)}</p>${extra}<div class="plot"><canvas></canvas><p class="nodata">No data in this window</p></div></section>`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${CSP}">
<meta name="${WINDOW_META}" content="${esc(`${results.window.from}/${results.window.to}`)}">
<title>Fraud &amp; compliance dashboard</title>
<style>${STYLES}</style></head>
<body>
<header><h1>Fraud &amp; compliance</h1>
<p class="muted"><span id="window"></span> · times in <span id="tz"></span> · generated <span id="generated"></span> · ${esc(results.engine)}</p></header>
<section class="tiles">${TILES.map(([id, label]) => `<div class="tile${id === 'blocked' || id === 'blocked_amount' ? ' alert' : ''}" data-kpi="${id}"><div class="label">${esc(label)}</div><div class="value">–</div></div>`).join('')}</section>
<main class="grid">
${CARDS.map(([id, title, hint]) => card(id, title, hint, id === 'score_distribution' ? '<p class="hint bands"></p>' : '')).join('\n')}
${table('rule-hits', 'Rule hits', ['Rule', 'approve', 'review', 'block', 'Transactions'], 'transactions each rule matched (fd.rules), by the outcome they got; most hits first', false)}
${table('detector-versions', 'Detector versions live', ['Version', 'Transactions', 'Share', 'First seen (UTC)', 'Last seen (UTC)'], 'fd.detector_version of the decisions in the window', false)}
<section class="card wide" id="shadow"><h2>Shadow versions</h2>
<p class="hint">A SHADOW detector version decides beside the live one on every transaction and nobody acts on it (<code>fd_shadow</code>). Each pair of versions (live: <code>fd.detector_version</code>, <code>(none)</code> where the thresholds decided) is compared over the transactions that carry a shadow decision only: <span id="shadow-coverage"></span>. Precision (fraud among labelled blocks, or reviews) and recall (labelled frauds given block or review) rest on the labelled transactions of the pair (the event's latest label of any source, read to when labels were last read), counted beside each and marked in orange under 30: a precision from a handful of labels says little. The matrix: live outcomes in rows, shadow outcomes in columns, agreement on the diagonal.</p>
<div class="pairs" id="shadow-pairs"></div>
<p class="muted" id="shadow-empty" hidden>No transaction in this window carries a shadow decision. Start shadowing a DRAFT or INACTIVE version with <code>npm run detectors -- shadow &lt;detector&gt; &lt;version&gt;</code> (services/txn README, "Shadow"); end it with <code>npm run detectors -- unshadow &lt;detector&gt;</code>.</p>
</section>
<section class="card wide queue" id="review-queue"><h2>Review queue</h2>
<p class="hint">Derived from the lake: txn creates a case for every review, so each review in the window is a case. Decided: labelled by an <code>analyst</code> or an <code>import</code> (the latest such label counts); open: no such label yet; age of the oldest open one: from its event time to when labels were last read (<span id="labels-to"></span> UTC). Labels are read from the window's start to then, however long after the transaction they came. The live queue is in CloudWatch: metrics <code>CasesOpen</code>, <code>CasesOverAge</code> (alarmed) and <code>OldestOpenCaseAge</code> of txn's ageing function (namespace <code>sfc-&lt;stage&gt;</code>).</p>
<div class="tiles inner">${QUEUE_TILES.map(([id, label]) => `<div class="tile" data-queue="${id}"><div class="label">${esc(label)}</div><div class="value">–</div></div>`).join('')}</div>
</section>
${card('review_decisions_per_day', 'Review decisions per day', 'labels of the window\'s reviews per label day (UTC), by source')}
${table('latest-blocked', 'Latest blocked transactions', ['Time (UTC)', 'Event', 'Amount', 'Category', 'State', 'Score', 'Email (masked)'])}
${table('rejected', 'Skipped lake data', ['Object', 'Reason', 'Records'])}
</main>
<script>${chartLibrary.replace(/<\/script/gi, '<\\/script')}</script>
<script id="data" type="application/json">${scriptJson(data)}</script>
<script>var __name = function (f) { return f; };
(${drawDashboard.toString()})(JSON.parse(document.getElementById('data').textContent));</script>
</body></html>
`;
}
