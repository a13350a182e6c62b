// Writes labelled simulator events in Amazon Fraud Detector's training CSV format.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { TransactionSimulator } from '../../services/txn/src/simulator/simulator.js';
import { toAfdCsv } from '../../services/txn/src/afd/csv.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.data/training/events.csv' },
    days: { type: 'string', default: '45' },
    customers: { type: 'string', default: '4000' },
    seed: { type: 'string', default: '42' },
    'fraud-rate': { type: 'string', default: '0.015' },
    end: { type: 'string', default: '2026-11-01T00:00:00Z' },
  },
});
const days = Number(values.days);
const seed = Number(values.seed);
const fraudRate = Number(values['fraud-rate']);
const end = Date.parse(values.end!);
const DAY = 86_400_000;
const sim = new TransactionSimulator({ seed, customers: Number(values.customers), fraudRate });
const events = sim.generate(end - days * DAY, end, Math.round(sim.eventsPerDay * days));
// Three short-lived populations without history, early, midway and late, so that training (and the
// later-in-time test window) sees what a freshly started system sees: customers with little history.
const cohortDays = Math.min(6, days / 3);
for (let k = 0; k < 3; k++) {
  const cohort = new TransactionSimulator({ seed: seed + 1 + k, customers: Math.max(100, Math.round(Number(values.customers) / 4)), fraudRate, entityPrefix: `new${k + 1}` });
  const start = end - days * DAY + (k * (days - cohortDays) * DAY) / 2;
  events.push(...cohort.generate(start, start + cohortDays * DAY, Math.round(cohort.eventsPerDay * cohortDays)));
}
events.sort((a, b) => a.transaction.event_time.localeCompare(b.transaction.event_time));
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, toAfdCsv(events));
const fraud = events.filter((e) => e.label === 1).length;
console.log(`wrote ${events.length} events (${fraud} fraud, ${((100 * fraud) / events.length).toFixed(2)}%) over ${days} days to ${values.out}`);
