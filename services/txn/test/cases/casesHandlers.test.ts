import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fromMskEvent, ScoredTransactionSchema, type MskEvent } from '@sfc/shared';

// The handlers' own configuration path, as in `serverless invoke local --stage local`: cases in files, labels as MSK event files.
const dataDir = mkdtempSync(join(tmpdir(), 'txn-cases-handlers-'));
Object.assign(process.env, { DATA_DIR: dataDir, TOPICS: 'memory', LOG_LEVEL: 'silent', CASES_FOR_BLOCK: 'true', METRICS_FILE: join(dataDir, 'emf.jsonl') });
const { handler: act } = await import('../../src/handlers/act.js');
const { handler: label } = await import('../../src/handlers/label.js');
const { loadTxnConfig } = await import('../../src/config.js');
const { caseStoreFrom } = await import('../../src/cases/caseStoreFrom.js');
const { labelSinkFrom, runCasesCommand } = await import('../../src/cases/cli.js');

const sample = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../events/${name}`, import.meta.url), 'utf8')) as T;

describe('Cases: act -> npm run cases -> label, through the handlers\' configuration', () => {
  it('opens a case per review and block once across a retried invocation, and its decision\'s label is applied by the label handler', async () => {
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
    expect(await runCasesCommand(['decide', id, '--label', 'fraud'], store, sink, 'ana')).toMatch(new RegExp(`case ${id}: fraud by ana`));
    const files = readdirSync(join(dataDir, 'cases', 'labels'));
    expect(files).toHaveLength(1);
    const applied = await label(JSON.parse(readFileSync(join(dataDir, 'cases', 'labels', files[0]!), 'utf8')) as MskEvent);
    expect(applied).toMatchObject({ received: 1, applied: 1, deadLettered: 0 });
  });
});
