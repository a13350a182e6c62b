import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createLogger, MemoryTopics, ScoredTransactionSchema, type ScoredTransaction } from '@sfc/shared';
import { scoreBatch, type ScoreDeps } from '../../src/pipeline/scoreBatch.js';
import { detectorFrom, modelLibraryFrom } from '../../src/deps/scoreDeps.js';
import { loadTxnConfig } from '../../src/config.js';
import { runListsCommand } from '../../src/cli/lists.js';
import { detectorsEnvFrom, runDetectorsCommand } from '../../src/cli/detectors.js';
import { FileListStore } from '../../src/lists/FileListStore.js';
import { FileDetectorStore } from '../../src/rules/FileDetectorStore.js';
import { body, statusContract } from './detectorStoreContract.js';
import { TransactionSimulator } from '../../src/simulator/simulator.js';
import { recordOf } from '../support/records.js';
import { shippedScorer } from '../support/model.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/afd/loan_application_detector', import.meta.url));
const T0 = Date.parse('2026-11-20T00:00:00Z');
const txs = new TransactionSimulator({ seed: 11, customers: 100 }).generate(T0, T0 + 86_400_000, 200).map((e) => e.transaction);

describe('Detector versions: statuses as AFD\'s, one ACTIVE per detector (files)', () => {
  it('DRAFT -> ACTIVE, ACTIVE -> INACTIVE, INACTIVE -> ACTIVE; activating one makes the previous ACTIVE INACTIVE; others refused', async () => {
    await statusContract(new FileDetectorStore(mkdtempSync(join(tmpdir(), 'dv-'))));
  });
});

describe('Importing an AFD detector version (recorded get-* responses), activating, rolling back, lists: seen by scoring at once', () => {
  it('end to end through the CLI and one running scorer', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dv-'));
    const c = loadTxnConfig({ DATA_DIR: dataDir });
    const env = await detectorsEnvFrom(c);
    const cli = (...args: string[]) => runDetectorsCommand(args, env);
    const lists = (...args: string[]) => runListsCommand(args, new FileListStore(join(dataDir, 'lists')));

    // An outcome whose name says nothing is refused, by name, until mapped.
    await expect(cli('import', FIXTURE)).rejects.toThrow(/loan_officer_queue \("A loan officer calls the applicant"\).*--outcome loan_officer_queue=review/);
    const report = await cli('import', FIXTURE, '--outcome', 'loan_officer_queue=review');
    expect(report).toMatch(/as loan_application_detector:3 \(DRAFT\): 4 rules, FIRST_MATCHED/);
    expect(report).toContain('mapped: variable $email_address -> $customer_email (by type EMAIL_ADDRESS)');
    expect(report).toContain('mapped: variable $loan_amount -> $order_price (by type PRICE)');
    expect(report).toContain('mapped: outcome fraud_deny -> block (by name)');
    expect(report).toContain('list deny_emails (EMAIL_ADDRESS): 2 entries');
    expect(report).toContain('- external model endpoint loan-risk-sagemaker-endpoint');
    expect(report).toMatch(/- rule known_bad_device: \$device_fingerprint \(an event variable \(FINGERPRINT\) with no field here/);
    expect(report).toContain('- list deny_emails: 1 of 3 elements are not valid EMAIL_ADDRESS values');
    const imported = JSON.parse(await cli('show', 'loan_application_detector', '3'));
    expect(imported.status).toBe('DRAFT');
    expect(imported.body.rules.map((r: { ruleId: string; ruleVersion: string }) => `${r.ruleId}@${r.ruleVersion}`)).toEqual(['deny_email@1', 'high_risk@2', 'free_mail_large_loan@1', 'low_risk@1']);
    expect(imported.body.rules[2].expression).toBe('regex_match(".*@(gmail|yahoo)\\.com", $customer_email) and $order_price > 400 and $sample_model_insightscore > 600');

    // One scorer for the whole story: every change below is seen by its next batch.
    const detector = await detectorFrom(c, { block: 900, review: 700 }, undefined, createLogger('test', { level: 'silent' }));
    const topics = new MemoryTopics(1);
    const deps: ScoreDeps = {
      scorer: await shippedScorer(), producer: topics, topics: { processed: 'processed', dlq: 'dlq' }, rules: { block: 900, review: 700 },
      detector, maxRecordBytes: 65_536, logger: createLogger('test', { level: 'silent' }),
    };
    let batch = 0;
    const score = async (): Promise<ScoredTransaction[]> => {
      batch += 1;
      const n = topics.readAll('processed').length;
      await scoreBatch(txs.map((t, i) => recordOf({ ...t, event_id: `${t.event_id}-${batch}` }, i)), deps);
      return topics.readAll('processed').slice(n).map((r) => ScoredTransactionSchema.parse(JSON.parse(r.value.toString())));
    };
    const target = txs[5]!.email_address;
    const of = (out: ScoredTransaction[]) => out.filter((s) => s.email_address === target);

    // No ACTIVE version yet: the thresholds decide, and no version is named.
    for (const s of await score()) expect(s.fd.detector_version).toBeUndefined();

    expect(await cli('activate', 'loan_application_detector', '3')).toMatch(/loan_application_detector:3 is ACTIVE/);
    await lists('add', 'deny_emails', target.toUpperCase());
    let out = await score();
    expect(of(out).length).toBeGreaterThan(0);
    for (const s of of(out)) expect(s.fd).toMatchObject({ outcome: 'block', outcomes: ['fraud_deny'], rules: [{ rule_id: 'deny_email', rule_version: '1', outcomes: ['fraud_deny'] }], detector_version: 'loan_application_detector:3' });
    for (const s of out.filter((x) => x.email_address !== target)) {
      expect(s.fd.detector_version).toBe('loan_application_detector:3');
      expect(s.fd.outcome).toBe(s.fd.score > 900 ? 'review' : /@(gmail|yahoo)\.com$/.test(s.email_address) && s.transaction_amt > 400 && s.fd.score > 600 ? 'review' : 'approve');
    }

    // A DRAFT made from version 3 with one more rule, then activated: 3 becomes INACTIVE.
    const file = join(dataDir, 'v4.json');
    const v4 = { ...imported.body, rules: [{ ruleId: 'small_orders', ruleVersion: '1', expression: '$order_price < 1000000', outcomes: ['verify_applicant'] }, ...imported.body.rules] };
    writeFileSync(file, JSON.stringify(v4));
    expect(await cli('create-version', 'loan_application_detector', '--file', file)).toMatch(/created loan_application_detector:4 \(DRAFT/);
    expect(await cli('activate', 'loan_application_detector', '4')).toMatch(/:4 is ACTIVE; 3 is INACTIVE/);
    out = await score();
    for (const s of out) expect(s.fd).toMatchObject({ outcome: 'review', detector_version: 'loan_application_detector:4', rules: [{ rule_id: 'small_orders' }] });

    expect(await cli('rollback', 'loan_application_detector')).toMatch(/:3 is ACTIVE again; 4 is INACTIVE/);
    out = await score();
    for (const s of of(out)) expect(s.fd).toMatchObject({ outcome: 'block', detector_version: 'loan_application_detector:3' });

    // The deny list entry removed: the next batch no longer blocks that customer on the list.
    await lists('remove', 'deny_emails', target);
    out = await score();
    for (const s of of(out)) expect(s.fd.rules?.map((r) => r.rule_id)).not.toContain('deny_email');

    expect(await cli('deactivate', 'loan_application_detector')).toMatch(/:3 is INACTIVE/);
    out = await score();
    for (const s of out) {
      expect(s.fd.detector_version).toBeUndefined();
      expect(s.fd.outcome).toBe(s.fd.score >= 900 ? 'block' : s.fd.score >= 700 ? 'review' : 'approve');
    }
    expect(await cli('list')).toMatch(/loan_application_detector\t3\tINACTIVE\tFIRST_MATCHED\t4 rules/);
  }, 60_000);

  it('a version naming a model that MODELS_DIR does not hold is refused at activation, naming the model and the folder', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dv-'));
    const env = await detectorsEnvFrom(loadTxnConfig({ DATA_DIR: dataDir }));
    const file = join(dataDir, 'v.json');
    writeFileSync(file, JSON.stringify({ ...body('$order_price > 5'), model: { modelVersion: 'lgbm-000000000000' } }));
    await runDetectorsCommand(['create-version', 'payments', '--file', file], env);
    await expect(runDetectorsCommand(['activate', 'payments', '1'], env)).rejects.toThrow(/detector payments version 1: model lgbm-000000000000: not found: no \S+\/models\/lgbm-000000000000\/model.onnx \(MODELS_DIR \S+\/models; FRAUD_MODEL_DIR holds lgbm-[0-9a-f]{12}\)/);
  });

  it('score meets a version it cannot use (its model is missing): it logs an error and the previous version keeps deciding', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dv-'));
    const c = loadTxnConfig({ DATA_DIR: dataDir });
    const store = new FileDetectorStore(join(dataDir, 'detectors'));
    await store.create('payments', body('$order_price >= 0', 'review'));
    await store.setStatus('payments', '1', 'ACTIVE');
    const lines: string[] = [];
    const detector = await detectorFrom(c, { block: 900, review: 700 }, modelLibraryFrom(c, (await shippedScorer()).model), createLogger('test', { level: 'error', sink: (l: string) => lines.push(l) }));
    const ctx = { tx: txs[0]!, score: 10 };
    expect(detector.decide(ctx).fd.detector_version).toBe('payments:1');
    await store.create('payments', { ...body('$order_price >= 0', 'block'), model: { modelVersion: 'lgbm-bbbbbbbbbbbb' } });
    await store.setStatus('payments', '2', 'ACTIVE');
    await detector.refresh();
    expect(detector.decide(ctx)).toMatchObject({ outcome: 'review', fd: { detector_version: 'payments:1' } });
    expect(lines.join('\n')).toMatch(/cannot switch detector version.*model lgbm-bbbbbbbbbbbb: not found/);
    // Fixed in the store (rolled back to 1): nothing to switch; activating a fitting version switches.
    await store.create('payments', body('$order_price >= 0', 'block'));
    await store.setStatus('payments', '3', 'ACTIVE');
    await detector.refresh();
    expect(detector.decide(ctx)).toMatchObject({ outcome: 'block', fd: { detector_version: 'payments:3' } });
  });

  it('two detectors with an ACTIVE version and no DETECTOR_ID: score refuses to start, naming the setting', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'dv-'));
    const store = new FileDetectorStore(join(dataDir, 'detectors'));
    for (const d of ['cards', 'loans']) { await store.create(d, body('$order_price > 1')); await store.setStatus(d, '1', 'ACTIVE'); }
    await expect(detectorFrom(loadTxnConfig({ DATA_DIR: dataDir }), { block: 900, review: 700 })).rejects.toThrow(/DETECTOR_ID.*several detectors have an ACTIVE version \(cards, loans\)/);
    const d = await detectorFrom(loadTxnConfig({ DATA_DIR: dataDir, DETECTOR_ID: 'loans' }), { block: 900, review: 700 });
    expect(d.version).toBe('loans:1');
  });
});
