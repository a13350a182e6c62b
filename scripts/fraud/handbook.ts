// npm run simulate:handbook -- [--out file.csv] [--customers 5000] [--terminals 10000] [--days 183] [--seed 0]
//
// An evaluation data set, kept apart from what the model is tuned on: OUR OWN, independent generator
// of the transaction simulator published in the Fraud Detection Handbook (Le Borgne, Siblini, Lebichot
// and Bontempi, "Reproducible Machine Learning for Credit Card Fraud Detection - Practical Handbook",
// chapter 3.2), written from its published description, not from its code; its random draws differ,
// so its numbers are comparable in kind, not identical. Written in Amazon Fraud Detector's CSV format.
//
// As published: customers and terminals at uniform places on a 100 x 100 grid; a customer shops at the
// terminals within radius 5, a Poisson number of times a day (mean uniform in 0-4) around noon
// (normal, sd 20,000 s), amounts normal with a customer's own mean (uniform 5-100) and sd (mean / 2).
// Fraud: (1) every amount over 220; (2) each day two terminals are compromised, and all their
// transactions of the next 28 days are fraud; (3) each day three customers' credentials leak, and a
// third of their transactions of the next 14 days are fraud with five times the amount.
// There is no label timestamp: a label counts from its label delay (train:fraud's --label-delay,
// default 7 days, the delay of the handbook's protocol).
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Rng } from '../../services/txn/src/simulator/random.js';

const { values } = parseArgs({
  options: {
    out: { type: 'string', default: '.data/handbook/transactions.csv' },
    customers: { type: 'string', default: '5000' },
    terminals: { type: 'string', default: '10000' },
    days: { type: 'string', default: '183' },
    radius: { type: 'string', default: '5' },
    start: { type: 'string', default: '2018-04-01' },
    seed: { type: 'string', default: '0' },
  },
});
const [C, T, D, R] = [Number(values.customers), Number(values.terminals), Number(values.days), Number(values.radius)];
const rng = new Rng(Number(values.seed) + 1);
const DAY_S = 86_400;
const start = Date.parse(`${values.start}T00:00:00Z`);

/** A normal draw (Box-Muller on our seeded uniform generator). */
const normal = (mean: number, sd: number) => mean + sd * rng.normal();
/** A Poisson draw by Knuth's multiplication method (the means here are at most 4). */
function poisson(lambda: number): number {
  const limit = Math.exp(-lambda);
  let k = 0;
  for (let p = rng.next(); p > limit; p *= rng.next()) k++;
  return k;
}

const customers = Array.from({ length: C }, () => {
  const mean = 5 + rng.next() * 95;
  return { x: rng.next() * 100, y: rng.next() * 100, mean, sd: mean / 2, perDay: rng.next() * 4, terminals: [] as number[] };
});
const terminals = Array.from({ length: T }, () => ({ x: rng.next() * 100, y: rng.next() * 100 }));
// Terminals within the radius, found through a grid of cells of the radius's size.
const cells = new Map<string, number[]>();
const cell = (x: number, y: number) => `${Math.floor(x / R)},${Math.floor(y / R)}`;
terminals.forEach((t, i) => (cells.get(cell(t.x, t.y)) ?? cells.set(cell(t.x, t.y), []).get(cell(t.x, t.y))!).push(i));
for (const c of customers) {
  const [cx, cy] = [Math.floor(c.x / R), Math.floor(c.y / R)];
  for (let dx = -1; dx <= 1; dx++) for (let dy = -1; dy <= 1; dy++) {
    for (const i of cells.get(`${cx + dx},${cy + dy}`) ?? []) if (Math.hypot(terminals[i]!.x - c.x, terminals[i]!.y - c.y) < R) c.terminals.push(i);
  }
  c.terminals.sort((a, b) => a - b);
}

interface Tx { time: number; customer: number; terminal: number; amount: number }
const txs: Tx[] = [];
for (let day = 0; day < D; day++) {
  customers.forEach((c, ci) => {
    if (c.terminals.length === 0) return;
    for (let n = poisson(c.perDay); n > 0; n--) {
      const second = Math.round(normal(DAY_S / 2, 20_000));
      if (second <= 0 || second >= DAY_S) continue;
      let amount = normal(c.mean, c.sd);
      if (amount < 0) amount = rng.next() * c.mean * 2;
      txs.push({ time: (day * DAY_S + second) * 1000, customer: ci, terminal: c.terminals[Math.floor(rng.next() * c.terminals.length)]!, amount: Math.round(amount * 100) / 100 });
    }
  });
}
txs.sort((a, b) => a.time - b.time || a.customer - b.customer);

const fraud = new Uint8Array(txs.length);
// (1) Large amounts.
txs.forEach((t, i) => t.amount > 220 && (fraud[i] = 1));
// (2) Compromised terminals: 2 a day, for 28 days.
const compromisedUntil = new Map<number, number>();
let first = 0;
for (let day = 0; day < D; day++) {
  for (let k = 0; k < 2; k++) compromisedUntil.set(Math.floor(rng.next() * T), day + 28);
  // Leaked customers: 3 a day, a third of their next 14 days' transactions, amount x5.
  const leaked = Array.from({ length: 3 }, () => Math.floor(rng.next() * C));
  let last = first;
  while (last < txs.length && txs[last]!.time < (day + 1) * DAY_S * 1000) last++;
  for (let i = first; i < last; i++) if ((compromisedUntil.get(txs[i]!.terminal) ?? -1) > day) fraud[i] = 1;
  // Scenario 3 looks ahead from this day over the next 14 days of each leaked customer.
  for (const ci of leaked) {
    for (let i = first; i < txs.length && txs[i]!.time < (day + 14) * DAY_S * 1000; i++) {
      const t = txs[i]!;
      if (t.customer !== ci || rng.next() >= 1 / 3) continue;
      t.amount = Math.round(t.amount * 5 * 100) / 100;
      fraud[i] = 1;
    }
  }
  first = last;
}
mkdirSync(dirname(values.out!), { recursive: true });
const fd = openSync(values.out!, 'w');
writeSync(fd, 'EVENT_ID,EVENT_TIMESTAMP,ENTITY_ID,ENTITY_TYPE,EVENT_LABEL,terminal_id,tx_amount\n');
const iso = (ms: number) => new Date(start + ms).toISOString().replace('.000Z', 'Z');
for (let i = 0; i < txs.length; i += 50_000) {
  writeSync(fd, `${txs.slice(i, i + 50_000).map((t, k) => `tx-${i + k},${iso(t.time)},c-${t.customer},customer,${fraud[i + k] ? 'fraud' : 'legit'},t-${t.terminal},${t.amount.toFixed(2)}`).join('\n')}\n`);
}
closeSync(fd);
const frauds = fraud.reduce((s, f) => s + f, 0);
console.log(`wrote ${txs.length.toLocaleString('en-US')} transactions (${frauds.toLocaleString('en-US')} fraud, ${((100 * frauds) / txs.length).toFixed(2)}%) of ${C} customers at ${T} terminals over ${D} days to ${values.out}`);
