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
const sim = new TransactionSimulator({ seed: Number(values.seed), customers: Number(values.customers), fraudRate: Number(values['fraud-rate']) });
const end = Date.parse(values.end!);
const from = end - days * 86_400_000;
const events = sim.generate(from, end, Math.round(sim.eventsPerDay * days));
mkdirSync(dirname(values.out!), { recursive: true });
writeFileSync(values.out!, toAfdCsv(events));
const fraud = events.filter((e) => e.label === 1).length;
console.log(`wrote ${events.length} events (${fraud} fraud, ${((100 * fraud) / events.length).toFixed(2)}%) over ${days} days to ${values.out}`);
