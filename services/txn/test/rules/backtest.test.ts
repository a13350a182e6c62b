import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LakeLabel, Outcome, ScoredTransaction, Transaction } from '@sfc/shared';
import { testPolicy, testPseudonymiser, TEST_KEYS, TEST_KEYS_ROTATED } from '../../../../shared/test/support/pseudonym.js';
import { DuckDbSqlEngine } from '../../../rpt/src/adapters/DuckDbSqlEngine.js';
import { duckDbDialect as dialect } from '../../../rpt/src/sql/Dialect.js';
import { planBacktest, type BacktestPlan } from '../../src/backtest/plan.js';
import { backtestRows, runBacktest } from '../../src/backtest/runBacktest.js';
import { runListsCommand } from '../../src/cli/lists.js';
import { detectorsEnvFrom, runDetectorsCommand } from '../../src/cli/detectors.js';
import { loadTxnConfig } from '../../src/config.js';
import { FileListStore } from '../../src/lists/FileListStore.js';
import { ListCache } from '../../src/lists/ListCache.js';
import { Detector, listsIn } from '../../src/rules/Detector.js';
import { DetectorFileSchema, type DetectorFile } from '../../src/rules/detectorFile.js';
import { parseRule } from '../../src/rules/parser.js';
import { TransactionSimulator } from '../../src/simulator/simulator.js';
import { scored, writeBacktestLake } from '../support/backtestLake.js';

const T0 = Date.parse('2026-11-20T00:00:00Z');
const DAY = 86_400_000;
const WINDOW = { from: new Date(T0), to: new Date(T0 + 3 * DAY) };

/** Seeded scores (mulberry32), so the rows are the same run to run. */
function rng(seed: number) {
  let a = seed >>> 0;
  return () => { a = (a + 0x6d2b79f5) >>> 0; let t = a; t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61); return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
}

async function withEngine<T>(lakeDir: string, f: (e: DuckDbSqlEngine) => Promise<T>): Promise<T> {
  const engine = await DuckDbSqlEngine.create({ lakeDir, threads: 1 });
  try { return await f(engine); } finally { await engine.close(); }
}

async function sqlLists(store: FileListStore, def: DetectorFile) {
  const names = [...new Set(def.rules.flatMap((r) => listsIn(parseRule(r.expression))))];
  return new Map(await Promise.all(names.map(async (n) => { const { meta, elements } = await store.read(n); return [n, { variableType: meta.variableType, elements }] as const; })));
}

describe('Backtest: the SQL decides as the evaluator does, row by row (DuckDB over a lake written as act writes it)', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bt-'));
  const lakeDir = join(dataDir, 'lake');
  const lists = new FileListStore(join(dataDir, 'lists'));
  const r = rng(5);
  const txs: Transaction[] = new TransactionSimulator({ seed: 21, customers: 60 }).generate(T0, T0 + 3 * DAY - 1, 500).map((e, i) => {
    const tx = { ...e.transaction };
    if (i % 5 === 0) delete tx.merchant; // missing values take the detector's default
    if (i % 11 === 0) tx.transaction_amt = 0; // card checks: 0 / 0 in a rule
    return tx;
  });
  const scores = txs.map(() => Math.floor(r() * 1001));
  const rows = txs.map((tx, i) => scored(tx, scores[i]!, scores[i]! >= 900 ? 'block' : scores[i]! >= 700 ? 'review' : 'approve', i % 2 ? 'payments:1' : undefined));
  const someEmail = txs[7]!.email_address;
  const someIp = txs[9]!.ip_address;

  const rules = [
    ['deny_email', '$customer_email in @deny_emails', ['fraud_deny']],
    ['big_risky', '$insightscore > 600 and $order_price > 100', ['verify']],
    ['bad_bins', '$card_bin in @deny_bins', ['fraud_deny']],
    ['net_or_foreign', 'regex_match(".*_net", $product_category) or $payment_currency != "usd"', ['verify']],
    ['state_math', 'lowercase($billing_state) == lowercase("ca") and not ($order_price * 2 - 10 >= 500)', ['verify']],
    ['nan_inf', '($order_price / ($insightscore - $insightscore) > 5 and $order_price < 1) or ($order_price % 7 < 0.5 and $order_price > 0) or (-$order_price / 0 != 1 and $insightscore < 30)', ['approve']],
    ['no_merchant', '$merchant == "unknown-terminal" and $insightscore >= 300', ['verify']],
    // Tokens compare normalised values (e-mail case), the evaluator exact ones: the literal is written as the data has it.
    ['one_customer', `$customer_email == "${someEmail}" or $ip_address in ["10.0.0.1", "${someIp}"]`, ['fraud_deny']],
    ['cats', '$product_category in @cats and $insightscore < 200', ['verify']],
    ['mixed_in', `$card_bin in [${txs[3]!.card_bin}, "x", "${txs[4]!.card_bin}"] or regex_match("4[0-9]*1", $card_bin)`, ['verify']],
    ['not_ip', `$ip_address not in ["${someIp}"] and $insightscore > 990`, ['block']],
    // Infinity as list text: the evaluator matches String(x / 0); the SQL must write it as a number it can read.
    ['inf_in', '($order_price / 0) in ["Infinity", "x"] and $insightscore > 980', ['verify']],
  ] as const;
  const detector = (mode: 'FIRST_MATCHED' | 'ALL_MATCHED') => DetectorFileSchema.parse({
    detectorId: 'payments', ruleExecutionMode: mode, outcomes: { fraud_deny: 'block', verify: 'review' },
    variables: { merchant: { defaultValue: 'unknown-terminal' } },
    // First matched runs them backwards too, so the rules late in the list get to decide.
    rules: (mode === 'FIRST_MATCHED' ? [...rules].reverse() : rules).map(([ruleId, expression, outcomes]) => ({ ruleId, expression, outcomes })),
  });

  beforeAll(async () => {
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], lists);
    // Upper case and spaces: the list normalises entries, the tokens normalise values.
    await runListsCommand(['add', 'deny_emails', ` ${txs[1]!.email_address.toUpperCase()}`, txs[2]!.email_address, 'nobody@example.org'], lists);
    await runListsCommand(['create', 'deny_bins', '--type', 'CARD_BIN'], lists);
    await runListsCommand(['add', 'deny_bins', String(txs[5]!.card_bin), String(txs[6]!.card_bin)], lists);
    await runListsCommand(['create', 'cats', '--type', 'CATEGORICAL'], lists);
    await runListsCommand(['add', 'cats', 'travel', 'misc_pos'], lists);
    // The lake is written under key v1; the backtest holds v1 and v2 (v2 current): tokens of every version are compared.
    writeBacktestLake(lakeDir, rows, [], testPolicy());
  });

  for (const mode of ['FIRST_MATCHED', 'ALL_MATCHED'] as const) {
    it(`${mode}: every row's matched rules and outcome equal the TypeScript evaluator's`, async () => {
      const def = detector(mode);
      const live = await Detector.load(def, (names) => ListCache.open(lists, names, { refreshMs: 0 }));
      const pseudonymiser = testPseudonymiser(TEST_KEYS_ROTATED);
      const plan = planBacktest(def, { dialect, lists: await sqlLists(lists, def), tokensOf: (k, v) => pseudonymiser.tokensOf(k, v), rawPii: false });
      const sql = await withEngine(lakeDir, (e) => backtestRows(e, plan, WINDOW));
      expect(sql).toHaveLength(txs.length);
      const byId = new Map(sql.map((row) => [String(row.event_id), row]));
      const hitsOf = (row: Record<string, unknown>) => plan.rules.filter((_, i) => row[`h${i}`] === true).map((x) => x.ruleId);
      const matchedRules = new Set<string>();
      const outcomes = new Set<string>();
      txs.forEach((tx, i) => {
        const expected = live.decide({ tx, score: scores[i]! });
        const row = byId.get(tx.event_id)!;
        expect({ event: tx.event_id, outcome: row.bt_outcome, rules: hitsOf(row) })
          .toEqual({ event: tx.event_id, outcome: expected.outcome, rules: expected.ruleResults.map((x) => x.ruleId) });
        for (const x of expected.ruleResults) matchedRules.add(x.ruleId);
        outcomes.add(expected.outcome);
      });
      // The sample exercises the rules: most of them match somewhere, and every outcome occurs.
      expect(matchedRules.size).toBeGreaterThanOrEqual(mode === 'ALL_MATCHED' ? 10 : 6);
      expect(outcomes).toEqual(new Set(['approve', 'review', 'block']));
    });
  }

  it('a rule that reads a personal value other than by ==, != or in is refused, naming the rule and the construct', async () => {
    const def = DetectorFileSchema.parse({ rules: [
      { ruleId: 'ok', expression: '$insightscore > 5', outcomes: ['block'] },
      { ruleId: 'gmail', expression: 'regex_match(".*@gmail\\\\.com", $customer_email)', outcomes: ['review'] },
    ] });
    const options = { dialect, lists: new Map(), tokensOf: () => ['tok:v1:00000000000000000000000000000000'], rawPii: false };
    expect(() => planBacktest(def, options)).toThrow(/rule gmail: cannot backtest regex_match\(\) of \$customer_email: the lake holds \$customer_email only as a token.*LAKE_PII=raw/);
    // With the raw values in the lake (LAKE_PII=raw) the same rule compiles.
    expect(planBacktest(def, { ...options, rawPii: true }).rules.map((x) => x.ruleId)).toEqual(['ok', 'gmail']);
    // NaN has no SQL form that can match (NaN arithmetic is NULL there): refused, by rule; so is a numeric default that is not a number.
    const nan = DetectorFileSchema.parse({ rules: [{ ruleId: 'nan_list', expression: '($order_price % 0) in ["NaN"]', outcomes: ['review'] }] });
    expect(() => planBacktest(nan, options)).toThrow(/rule nan_list: cannot backtest "NaN" in a list on a number/);
    const badDefault = DetectorFileSchema.parse({ variables: { order_price: { defaultValue: 'n/a' } }, rules: [{ ruleId: 'big', expression: '$order_price > 1', outcomes: ['review'] }] });
    expect(() => planBacktest(badDefault, options)).toThrow(/cannot backtest the default "n\/a" of \$order_price: not a number/);
    const look = DetectorFileSchema.parse({ rules: [{ ruleId: 'lookahead', expression: 'regex_match("(?=a).*", $merchant)', outcomes: ['review'] }] });
    expect(() => planBacktest(look, options)).toThrow(/rule lookahead: cannot backtest regex_match\("\(\?=a\)\.\*", \.\.\.\): lookaround/);
  });
});

describe('Backtest results: precision and recall by hand on a tiny lake, and the difference from live', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'bt-'));
  const lakeDir = join(dataDir, 'lake');
  const base = new TransactionSimulator({ seed: 3, customers: 10 }).generate(T0, T0 + DAY, 8).map((e) => e.transaction);
  const at = (i: number, dayOffset: number, amt: number): Transaction => ({ ...base[i]!, event_id: `e${i + 1}`, event_time: new Date(T0 + dayOffset * DAY + i * 60_000).toISOString(), transaction_amt: amt });
  // e1..e6: amounts and live outcomes chosen so every count below can be checked by hand.
  const rows: ScoredTransaction[] = [
    scored(at(0, 0, 150), 950, 'block', 'payments:1'), // matches; fraud
    scored(at(1, 0, 200), 100, 'approve', 'payments:1'), // matches; legit
    scored(at(2, 1, 300), 100, 'approve', 'payments:1'), // matches; unlabelled
    scored(at(3, 1, 50), 950, 'block'), // no match; fraud
    scored(at(4, 1, 20), 750, 'review'), // no match; fraud, then legit later: legit
    scored(at(5, 1, 500), 100, 'approve'), // matches; legit, then fraud later: fraud
    scored(at(6, 5, 999), 100, 'approve'), // outside the window
  ];
  const label = (id: string, l: 'fraud' | 'legit', day: number): LakeLabel => ({ event_id: id, entity_id: 'x', label: l, label_time: new Date(T0 + day * DAY).toISOString(), source: 'analyst' });
  const labels = [label('e1', 'fraud', 2), label('e2', 'legit', 2), label('e4', 'fraud', 3), label('e5', 'fraud', 2), label('e5', 'legit', 4), label('e6', 'legit', 2), label('e6', 'fraud', 9)];
  const bad = JSON.stringify({ event_id: 'bad', event_time: new Date(T0 + 1000).toISOString() });

  beforeAll(() => writeBacktestLake(lakeDir, rows, labels, testPolicy(), [bad]));

  const plan = (): BacktestPlan => planBacktest(DetectorFileSchema.parse({ rules: [{ ruleId: 'big', expression: '$order_price > 100', outcomes: ['block'] }] }),
    { dialect, lists: new Map(), tokensOf: () => [], rawPii: false });

  it('counts matches, labels, precision, recall, decisions per day and the matrix against fd.outcome', async () => {
    const p = plan();
    const r = await withEngine(lakeDir, (e) => runBacktest(e, p, { window: WINDOW, lakeName: lakeDir }));
    expect(r.rows).toBe(6);
    expect(r.rejected).toEqual([{ reason: expect.stringMatching(/required/), records: 1 }]);
    expect(r.labels).toEqual({ fraud: 3, legit: 2, unlabelled: 1 });
    // big: e1 e2 e3 e6 match; fraud e1 e6, legit e2, unlabelled e3; all frauds e1 e4 e6.
    expect(r.perRule).toEqual([{ ruleId: 'big', ruleVersion: '1', outcome: 'block', matches: 4, fraud: 2, legit: 1, unlabelled: 1, precision: 2 / 3, recall: 2 / 3 }]);
    expect(r.perOutcome.find((o) => o.outcome === 'approve')).toEqual({ outcome: 'approve', matches: 2, fraud: 1, legit: 1, unlabelled: 0, precision: 0.5, recall: 1 / 3 });
    expect(r.livePerOutcome.find((o) => o.outcome === 'block')).toEqual({ outcome: 'block', matches: 2, fraud: 2, legit: 0, unlabelled: 0, precision: 1, recall: 2 / 3 });
    expect(r.perDay).toEqual([
      { day: '2026-11-20', backtest: { approve: 0, review: 0, block: 2 }, live: { approve: 1, review: 0, block: 1 } },
      { day: '2026-11-21', backtest: { approve: 2, review: 0, block: 2 }, live: { approve: 2, review: 1, block: 1 } },
    ]);
    expect(r.versusLive).toEqual({ approve: { approve: 0, review: 1, block: 1 }, review: { approve: 0, review: 0, block: 0 }, block: { approve: 3, review: 0, block: 1 } });
    expect(r.liveVersions).toEqual([{ version: '', rows: 3, changed: 3 }, { version: 'payments:1', rows: 3, changed: 2 }]);
  });

  it('an empty window and an empty lake stop with an error that says which', async () => {
    const p = plan();
    await expect(withEngine(lakeDir, (e) => runBacktest(e, p, { window: { from: new Date(T0 + 20 * DAY), to: new Date(T0 + 21 * DAY) }, lakeName: lakeDir })))
      .rejects.toThrow(/no transactions between 2026-12-10 and 2026-12-10 in .*choose other days with --from \/ --to/);
    const empty = join(mkdtempSync(join(tmpdir(), 'bt-')), 'lake');
    await expect(withEngine(empty, (e) => runBacktest(e, p, { window: WINDOW, lakeName: empty }))).rejects.toThrow(/the lake is empty: no transactions in/);
  });
});

describe('npm run detectors -- backtest: a version with a list and an e-mail token, end to end through the CLI', () => {
  it('prints the tables and --json; refuses a malformed rule by name and column', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bt-'));
    const c = loadTxnConfig({ DATA_DIR: dataDir });
    // The key the lake was written with, where PSEUDONYM_KEYS=file finds it.
    mkdirSync(join(dataDir, 'keys'), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, 'keys', 'pseudonym-keys.json'), JSON.stringify(TEST_KEYS), { mode: 0o600 });
    chmodSync(join(dataDir, 'keys', 'pseudonym-keys.json'), 0o600);
    const txs = new TransactionSimulator({ seed: 9, customers: 20 }).generate(T0, T0 + DAY - 1, 40).map((e) => e.transaction);
    const target = txs[0]!.email_address;
    const rows = txs.map((tx, i) => scored(tx, 100 + i, 'approve', 'payments:1'));
    const labels = rows.filter((x) => x.email_address === target).map((x): LakeLabel => ({ event_id: x.event_id, entity_id: x.entity_id, label: 'fraud', label_time: new Date(T0 + 2 * DAY).toISOString(), source: 'analyst' }));
    writeBacktestLake(join(dataDir, 'lake'), rows, labels, testPolicy());
    const env = await detectorsEnvFrom(c);
    const lists = new FileListStore(join(dataDir, 'lists'));
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], lists);
    await runListsCommand(['add', 'deny_emails', target.toUpperCase()], lists);
    const file = join(dataDir, 'v.json');
    writeFileSync(file, JSON.stringify({ ruleExecutionMode: 'FIRST_MATCHED', outcomes: { deny: 'block' }, rules: [
      { ruleId: 'deny_list', expression: '$customer_email in @deny_emails', outcomes: ['deny'] },
      { ruleId: 'high', expression: '$insightscore >= 130', outcomes: ['review'] },
    ] }));
    await runDetectorsCommand(['create-version', 'payments', '--file', file], env);
    const quiet = { ...env, backtest: { ...env.backtest!, progress: () => {} } };

    const text = await runDetectorsCommand(['backtest', 'payments', '1', '--from', '2026-11-20', '--to', '2026-11-20'], quiet);
    const targeted = rows.filter((x) => x.email_address === target).length;
    expect(text).toContain(`backtest of payments:1 (duckdb): ${rows.length} transactions`);
    expect(text).toMatch(new RegExp(`deny_list:1\\s+block\\s+${targeted}\\s+${targeted}\\s+0\\s+0\\s+100.0%\\s+100.0%`));
    const json = JSON.parse(await runDetectorsCommand(['backtest', 'payments', '1', '--rule', 'deny_list', '--json'], quiet));
    expect(json.perRule).toEqual([expect.objectContaining({ ruleId: 'deny_list', matches: targeted, fraud: targeted, precision: 1, recall: 1 })]);
    expect(json.versusLive.block.approve).toBe(targeted);

    await expect(runDetectorsCommand(['backtest', 'payments', '1', '--rule', 'nope'], quiet)).rejects.toThrow(/has no rule nope \(it has: deny_list, high\)/);
    writeFileSync(file, JSON.stringify({ rules: [{ ruleId: 'oops', expression: '$order_price > 100 an $insightscore > 5', outcomes: ['block'] }] }));
    // A malformed version cannot even be created; one stored before (an import, a hand-edited file) is refused by the backtest alike.
    await expect(runDetectorsCommand(['create-version', 'payments', '--file', file], env)).rejects.toThrow(/rule oops: column 20/);
    mkdirSync(join(dataDir, 'detectors', 'payments', 'versions'), { recursive: true });
    writeFileSync(join(dataDir, 'detectors', 'payments', 'versions', '2.json'), JSON.stringify({ createdTime: new Date().toISOString(), body: { rules: [{ ruleId: 'oops', expression: '$order_price > 100 an $insightscore > 5', outcomes: ['block'] }] } }));
    await expect(runDetectorsCommand(['backtest', 'payments', '2'], quiet)).rejects.toThrow(/rule oops: column 20: expected 'and', 'or' or the end of the rule/);
  });
});
