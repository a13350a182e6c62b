import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMskEvent, LakeLabelSchema, ScoredTransactionSchema, toMskEvent, type MskEvent } from '@sfc/shared';

// The handlers' own configuration path, as in `npm start` and `serverless invoke local --stage local`: cases in files, labels applied at once.
const dataDir = mkdtempSync(join(tmpdir(), 'txn-cases-handlers-'));
Object.assign(process.env, { DATA_DIR: dataDir, TOPICS: 'memory', LOG_LEVEL: 'silent', CASES_FOR_BLOCK: 'true', METRICS_FILE: join(dataDir, 'emf.jsonl') });
const { handler: act } = await import('../../src/handlers/act.js');
const { handler: label } = await import('../../src/handlers/label.js');
const { loadTxnConfig } = await import('../../src/config.js');
const { caseStoreFrom } = await import('../../src/cases/caseStoreFrom.js');
const { runCasesCommand } = await import('../../src/cases/cli.js');
const { labelSinkFrom } = await import('../../src/cases/labelSinkFrom.js');

const sample = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../events/${name}`, import.meta.url), 'utf8')) as T;

describe('Cases: act -> npm run cases -> label, through the handlers\' configuration', () => {
  it('opens a case per review and block once across a retried invocation, and applies its decision\'s label at once as the label handler would', async () => {
    const event = sample<MskEvent>('msk-processed.json');
    const needing = fromMskEvent(event).map((r) => ScoredTransactionSchema.parse(JSON.parse(r.value.toString('utf8')))).filter((t) => t.fd.outcome !== 'approve');
    expect(needing.length).toBeGreaterThan(0);
    const first = await act(event);
    const retried = await act(event);
    expect([first.casesCreated, retried.casesCreated, retried.casesExisting]).toEqual([needing.length, 0, needing.length]);
    const c = loadTxnConfig();
    const store = (await caseStoreFrom(c))!;
    const { sink } = await labelSinkFrom(c);
    const id = needing[0]!.event_id;
    expect(await runCasesCommand(['decide', id, '--label', 'fraud'], store, sink, 'ana')).toMatch(new RegExp(`case ${id}: fraud by ana .*label sent to the label function's code \\(in the lake, ${dataDir}/lake/labels/dt=<label day>/, and this process's entity state`));
    // In the lake under DATA_DIR, where rpt and train:fraud read it; no MSK files left to feed by hand.
    const days = readdirSync(join(dataDir, 'lake', 'labels'));
    const rows = days.flatMap((d) => readdirSync(join(dataDir, 'lake', 'labels', d)).flatMap((f) => readFileSync(join(dataDir, 'lake', 'labels', d, f), 'utf8').trim().split('\n')))
      .map((l) => LakeLabelSchema.parse(JSON.parse(l)));
    expect(rows).toEqual([{ event_id: id, entity_id: needing[0]!.entity_id, label: 'fraud', label_time: expect.any(String), source: 'analyst' }]);
    expect(readdirSync(join(dataDir, 'cases'))).not.toContain('labels');
    // The label handler (the same process's entity state) finds it applied already: the same label off the topic counts once.
    const sameLabel = { event_id: id, entity_id: needing[0]!.entity_id, label: 'fraud', label_time: rows[0]!.label_time, variables: {} };
    const again = await label(toMskEvent([{ topic: 'fraud_labels', partition: 0, offset: '1', timestamp: Date.now(), key: Buffer.from(sameLabel.entity_id), value: Buffer.from(JSON.stringify(sameLabel)), headers: {} }]));
    expect(again).toMatchObject({ received: 1, applied: 0, deadLettered: 0 });
  });
});
