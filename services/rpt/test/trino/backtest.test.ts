// txn's backtest (services/txn/src/backtest) in the Athena dialect, on Trino: it lives here because
// this project is the one with a Trino server and the lake's Glue tables on it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Transaction } from '@sfc/shared';
import { testPolicy, testPseudonymiser, TEST_KEYS_ROTATED } from '../../../../shared/test/support/pseudonym.js';
import { AthenaSqlEngine } from '../../src/adapters/AthenaSqlEngine.js';
import { DuckDbSqlEngine } from '../../src/adapters/DuckDbSqlEngine.js';
import { athenaDialect } from '../../src/sql/Dialect.js';
import { planBacktest } from '../../../txn/src/backtest/plan.js';
import { backtestRows, runBacktest } from '../../../txn/src/backtest/runBacktest.js';
import { runListsCommand } from '../../../txn/src/cli/lists.js';
import { FileListStore } from '../../../txn/src/lists/FileListStore.js';
import { ListCache } from '../../../txn/src/lists/ListCache.js';
import { Detector } from '../../../txn/src/rules/Detector.js';
import { DetectorFileSchema } from '../../../txn/src/rules/detectorFile.js';
import { TransactionSimulator } from '../../../txn/src/simulator/simulator.js';
import { scored, writeBacktestLake } from '../../../txn/test/support/backtestLake.js';
import { AthenaOverTrino } from './support/athenaOverTrino.js';
import { createLakeTables, testSchema } from './support/lakeTables.js';
import { TRINO_TIMEOUT } from './support/runOnBoth.js';

const T0 = Date.parse('2026-11-20T00:00:00Z');
const WINDOW = { from: new Date(T0), to: new Date(T0 + 2 * 86_400_000) };

describe('Backtest in the Athena dialect on Trino: the same decisions as the evaluator, the same summary as DuckDB', () => {
  it('row by row, ALL_MATCHED, with lists, tokens, NaN, defaults and regexes', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'bt-trino-'));
    const lakeDir = join(dataDir, 'lake');
    const lists = new FileListStore(join(dataDir, 'lists'));
    const txs: Transaction[] = new TransactionSimulator({ seed: 4, customers: 30 }).generate(T0, T0 + 2 * 86_400_000 - 1, 150).map((e, i) => {
      const tx = { ...e.transaction };
      if (i % 5 === 0) delete tx.merchant;
      if (i % 11 === 0) tx.transaction_amt = 0;
      return tx;
    });
    const scores = txs.map((_, i) => (i * 7919) % 1001);
    writeBacktestLake(lakeDir, txs.map((tx, i) => scored(tx, scores[i]!, scores[i]! >= 900 ? 'block' : 'approve')), [
      { event_id: txs[0]!.event_id, entity_id: 'x', label: 'fraud', label_time: new Date(T0 + 3 * 86_400_000).toISOString(), source: 'analyst' },
    ], testPolicy());
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], lists);
    await runListsCommand(['add', 'deny_emails', txs[1]!.email_address.toUpperCase()], lists);
    await runListsCommand(['create', 'deny_bins', '--type', 'CARD_BIN'], lists);
    await runListsCommand(['add', 'deny_bins', String(txs[2]!.card_bin)], lists);
    const def = DetectorFileSchema.parse({
      ruleExecutionMode: 'ALL_MATCHED', variables: { merchant: { defaultValue: 'none' } },
      rules: [
        { ruleId: 'deny_email', expression: '$customer_email in @deny_emails', outcomes: ['block'] },
        { ruleId: 'bins', expression: `$card_bin in @deny_bins or regex_match("4[0-9]*1", $card_bin) or $card_bin in [${txs[3]!.card_bin}, "x"]`, outcomes: ['review'] },
        { ruleId: 'math', expression: '($order_price / ($insightscore - $insightscore) > 5 and $order_price < 1) or ($order_price % 7 < 0.5 and $order_price > 0) or (-$order_price / 0 != 1 and $insightscore < 30)', outcomes: ['review'] },
        { ruleId: 'text', expression: 'regex_match(".*_net", $product_category) or lowercase($billing_state) == "ca" or $merchant == "none"', outcomes: ['review'] },
        { ruleId: 'ip', expression: `$ip_address not in ["${txs[4]!.ip_address}"] and $insightscore > 950`, outcomes: ['block'] },
      ],
    });
    const live = await Detector.load(def, (names) => ListCache.open(lists, names, { refreshMs: 0 }));
    const p = testPseudonymiser(TEST_KEYS_ROTATED);
    const listEntries = new Map(await Promise.all(['deny_emails', 'deny_bins'].map(async (n) => { const { meta, elements } = await lists.read(n); return [n, { variableType: meta.variableType, elements }] as const; })));
    const plan = planBacktest(def, { dialect: athenaDialect, lists: listEntries, tokensOf: (k, v) => p.tokensOf(k, v), rawPii: false });

    const schema = testSchema('backtest');
    await createLakeTables(schema, lakeDir);
    const athena = () => new AthenaSqlEngine({ client: new AthenaOverTrino(), database: schema, workgroup: 'trino', pollMs: 1 });
    const rows = await backtestRows(athena(), plan, WINDOW);
    expect(rows).toHaveLength(txs.length);
    const byId = new Map(rows.map((r) => [String(r.event_id), r]));
    txs.forEach((tx, i) => {
      const expected = live.decide({ tx, score: scores[i]! });
      const row = byId.get(tx.event_id)!;
      expect({ event: tx.event_id, outcome: row.bt_outcome, rules: plan.rules.filter((_, k) => row[`h${k}`] === true).map((r) => r.ruleId) })
        .toEqual({ event: tx.event_id, outcome: expected.outcome, rules: expected.ruleResults.map((r) => r.ruleId) });
    });

    const onAthena = await runBacktest(athena(), plan, { window: WINDOW, lakeName: schema });
    const duck = await DuckDbSqlEngine.create({ lakeDir });
    try {
      const onDuck = await runBacktest(duck, planBacktest(def, { dialect: duck.dialect, lists: listEntries, tokensOf: (k, v) => p.tokensOf(k, v), rawPii: false }), { window: WINDOW, lakeName: lakeDir });
      expect(onAthena).toEqual(onDuck);
    } finally {
      await duck.close();
    }
  }, TRINO_TIMEOUT);
});
