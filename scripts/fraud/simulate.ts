// npm run simulate:fraud -- [--out file.csv] [--days 45 | --events N] [--customers 4000] [--seed 42] [--fraud-rate 0.015] [--end ISO] [--no-cohorts]
// Writes labelled simulator events in Amazon Fraud Detector's training CSV format (streamed: millions
// of events in bounded memory), and the event type beside it.
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { TransactionSimulator, type LabelledTransaction } from '../../services/txn/src/simulator/simulator.js';
import { TRANSACTION_CSV_HEADER, transactionCsvLine } from '../../services/txn/src/afd/csvWriter.js';
import { csvLine } from '../../services/txn/src/afd/csvRows.js';
import { TRANSACTION_EVENT_TYPE } from '../../services/txn/src/eventType/transaction.js';
import { stderrProgress } from '../../services/txn/src/training/progress.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.data/training/events.csv' },
    days: { type: 'string', default: '45' },
    events: { type: 'string' },
    customers: { type: 'string', default: '4000' },
    seed: { type: 'string', default: '42' },
    'fraud-rate': { type: 'string', default: '0.015' },
    end: { type: 'string', default: '2026-11-01T00:00:00Z' },
    cohorts: { type: 'boolean', default: true },
  },
  allowNegative: true,
});
const seed = Number(values.seed);
const customers = Number(values.customers);
const fraudRate = Number(values['fraud-rate']);
const end = Date.parse(values.end!);
const DAY = 86_400_000;
/** Generated in windows of at most this many events, so memory stays bounded at any size. */
const WINDOW_EVENTS = 400_000;

const sim = new TransactionSimulator({ seed, customers, fraudRate });
// --events N: as many days as the population needs to make N events.
const days = values.events ? Number(values.events) / sim.eventsPerDay : Number(values.days);
const start = end - days * DAY;
const total = Math.round(sim.eventsPerDay * days);
const windows = Math.max(1, Math.ceil(total / WINDOW_EVENTS));
// Three short-lived populations without history, early, midway and late, so that training (and the
// later-in-time test window) sees what a freshly started system sees: customers with little history.
const cohortDays = Math.min(6, days / 3);
const cohorts = values.cohorts ? [0, 1, 2].map((k) => ({
  sim: new TransactionSimulator({ seed: seed + 1 + k, customers: Math.max(100, Math.round(customers / 4)), fraudRate, entityPrefix: `new${k + 1}` }),
  from: start + (k * (days - cohortDays) * DAY) / 2,
})) : [];

mkdirSync(dirname(values.out!), { recursive: true });
const fd = openSync(values.out!, 'w');
writeSync(fd, `${csvLine(TRANSACTION_CSV_HEADER)}\n`);
// The ground truth's scenario of each fraud event, beside the CSV (not in it: no column may leak the label).
const scenariosFile = `${values.out!.replace(/\.csv$/i, '')}.scenarios.csv`;
const scenarios = openSync(scenariosFile, 'w');
writeSync(scenarios, 'EVENT_ID,scenario\n');
let written = 0;
let fraud = 0;
// Cohorts add events beyond `total`: the ETA is an estimate.
const progress = stderrProgress('simulate:fraud', 'events');
console.error(`simulate:fraud: generating ~${total.toLocaleString('en-US')} events over ${days.toFixed(1)} days in ${windows} window(s) of up to ${WINDOW_EVENTS.toLocaleString('en-US')} (progress between windows)...`);
for (let w = 0; w < windows; w++) {
  progress.update(written, total, true);
  const from = start + (w * (end - start)) / windows;
  const to = start + ((w + 1) * (end - start)) / windows;
  const events: LabelledTransaction[] = sim.generate(from, to, Math.round(total / windows));
  for (const c of cohorts) {
    const cFrom = Math.max(from, c.from);
    const cTo = Math.min(to, c.from + cohortDays * DAY);
    if (cTo > cFrom) events.push(...c.sim.generate(cFrom, cTo, Math.round((c.sim.eventsPerDay * (cTo - cFrom)) / DAY)));
  }
  events.sort((a, b) => a.transaction.event_time.localeCompare(b.transaction.event_time));
  writeSync(fd, `${events.map((e) => transactionCsvLine(e)).join('\n')}\n`);
  const fraudLines = events.filter((e) => e.scenario).map((e) => `${e.transaction.event_id},${e.scenario}`);
  if (fraudLines.length) writeSync(scenarios, `${fraudLines.join('\n')}\n`);
  written += events.length;
  fraud += events.filter((e) => e.label === 1).length;
}
closeSync(fd);
closeSync(scenarios);
const eventTypeFile = values.out!.replace(/\.csv$/i, '') + '.event_type.json';
writeFileSync(eventTypeFile, JSON.stringify(TRANSACTION_EVENT_TYPE, null, 2));
console.log(`wrote ${written.toLocaleString('en-US')} events (${fraud.toLocaleString('en-US')} fraud, ${((100 * fraud) / written).toFixed(2)}%) over ${days.toFixed(1)} days to ${values.out}`);
console.log(`event type: ${eventTypeFile}; fraud scenarios: ${scenariosFile}`);
console.log(`train with: npm run train:fraud -- --events ${values.out} --event-type ${eventTypeFile} --segments ${scenariosFile}`);
