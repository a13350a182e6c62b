import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createLogger, MemoryTopics, ScoredTransactionSchema } from '@sfc/shared';
import { scoreBatch, type ScoreDeps } from '../../src/pipeline/scoreBatch.js';
import { detectorFrom } from '../../src/deps/scoreDeps.js';
import { loadTxnConfig } from '../../src/config.js';
import { runListsCommand } from '../../src/cli/lists.js';
import { FileListStore } from '../../src/lists/FileListStore.js';
import { TransactionSimulator } from '../../src/simulator/simulator.js';
import { recordOf } from '../support/records.js';
import { shippedScorer } from '../support/model.js';

const T0 = Date.parse('2026-11-20T00:00:00Z');
const txs = new TransactionSimulator({ seed: 11, customers: 100 }).generate(T0, T0 + 86_400_000, 200).map((e) => e.transaction);

async function run(detector: ScoreDeps['detector']) {
  const topics = new MemoryTopics(1);
  const deps: ScoreDeps = {
    scorer: await shippedScorer(), producer: topics, topics: { processed: 'processed', dlq: 'dlq' }, rules: { block: 900, review: 700 },
    detector, maxRecordBytes: 65_536, logger: createLogger('test', { level: 'silent' }),
  };
  await scoreBatch(txs.map((t, i) => recordOf(t, i)), deps);
  return topics.readAll('processed').map((r) => ScoredTransactionSchema.parse(JSON.parse(r.value.toString())));
}

describe('Scoring with a detector: the decision carries the matched rules', () => {
  it('the default detector is the thresholds as rules: the same outcomes, and the rule that decided', async () => {
    const out = await run(await detectorFrom(loadTxnConfig({ DATA_DIR: mkdtempSync(join(tmpdir(), 'det-')) }), { block: 900, review: 700 }));
    for (const s of out) {
      const expected = s.fd.score >= 900 ? 'block' : s.fd.score >= 700 ? 'review' : 'approve';
      expect(s.fd.outcome).toBe(expected);
      expect(s.fd.rules).toEqual(expected === 'approve' ? [] : [{ rule_id: `${expected}_threshold`, rule_version: '1', outcomes: [expected] }]);
    }
  });

  it('a detector file with a deny list: the listed customer is blocked whatever the score, and fd says why', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'det-'));
    const store = new FileListStore(join(dataDir, 'lists'));
    await runListsCommand(['create', 'deny_emails', '--type', 'EMAIL_ADDRESS'], store);
    await runListsCommand(['add', 'deny_emails', txs[3]!.email_address.toUpperCase()], store);
    const file = join(dataDir, 'detector.json');
    writeFileSync(file, JSON.stringify({
      detectorId: 'payments', ruleExecutionMode: 'ALL_MATCHED', outcomes: { verify_customer: 'review', fraud_deny: 'block' },
      rules: [
        { ruleId: 'deny_list', ruleVersion: '2', expression: '$customer_email in @deny_emails', outcomes: ['fraud_deny'], language: 'DETECTORPL' },
        { ruleId: 'big_order', expression: '$order_price > 100 and $txn_model_insightscore > 600', outcomes: ['verify_customer'] },
      ],
    }));
    const out = await run(await detectorFrom(loadTxnConfig({ DATA_DIR: dataDir, DETECTOR_FILE: file }), { block: 900, review: 700 }));
    const listed = out.filter((s) => s.email_address === txs[3]!.email_address);
    expect(listed.length).toBeGreaterThan(0);
    for (const s of listed) {
      expect(s.fd.outcome).toBe('block');
      expect(s.fd.rules![0]).toEqual({ rule_id: 'deny_list', rule_version: '2', outcomes: ['fraud_deny'] });
      expect(s.fd.outcomes).toContain('fraud_deny');
    }
    for (const s of out.filter((x) => x.email_address !== txs[3]!.email_address)) {
      const big = s.transaction_amt > 100 && s.fd.score > 600;
      expect(s.fd.outcome).toBe(big ? 'review' : 'approve');
      expect(s.fd.outcomes).toEqual(big ? ['verify_customer'] : []);
    }
  });

  it('a detector file with a malformed rule fails at start, naming the file, the rule and the column', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'det-'));
    const file = join(dataDir, 'detector.json');
    writeFileSync(file, JSON.stringify({ rules: [{ ruleId: 'oops', expression: '$order_price > 100 an $insightscore > 5', outcomes: ['block'] }] }));
    await expect(detectorFrom(loadTxnConfig({ DATA_DIR: dataDir, DETECTOR_FILE: file }), { block: 900, review: 700 }))
      .rejects.toThrow(new RegExp(`configuration ${file}, rule oops: column 20: expected 'and', 'or' or the end of the rule, found 'an'`));
  });
});
