import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseEmf } from '@sfc/shared/observability/emf.js';
import { queueStats } from '../../src/cases/ageing.js';
import { seedCases } from './support.js';

describe('Review queue ageing', () => {
  it('counts open cases over CASE_MAX_AGE_HOURS, the oldest one\'s age, decisions per day and the share labelled fraud', () => {
    const now = new Date('2026-12-07T12:00:00Z');
    const c = (id: string, hoursAgo: number, o: { decision?: 'fraud' | 'legit'; escalated?: boolean } = {}) => ({
      case_id: id, entity_id: 'e', outcome: 'review' as const, created_at: new Date(now.getTime() - hoursAgo * 3_600_000).toISOString(), score: 700,
      amount: 1, currency: 'usd', rules: [], escalated: o.escalated ?? false, ...(o.decision ? { decision: o.decision } : {}),
    });
    const d = (day: string, label: 'fraud' | 'legit', had_case = true) => ({ decided_at: `${day}T10:00:00.000Z`, label, had_case });
    const s = queueStats([c('a', 1), c('b', 25, { escalated: true }), c('c', 30), c('d', 100, { decision: 'fraud' })],
      [d('2026-12-06', 'fraud'), d('2026-12-07', 'legit'), d('2026-12-07', 'fraud'), d('2026-12-07', 'fraud'), d('2026-12-05', 'fraud', false)], now, 24);
    expect(s).toEqual({
      open: 3, escalated: 1, overAge: 2, maxAgeHours: 24, oldestOpenAgeS: 30 * 3600,
      decidedPerDay: [{ day: '2026-12-07', decided: 3, fraud: 2 }, { day: '2026-12-06', decided: 1, fraud: 1 }], fraudShare: 0.75,
    });
    expect(queueStats([], [], now, 24)).toMatchObject({ open: 0, overAge: 0, oldestOpenAgeS: 0, fraudShare: null });
  });

  it('the scheduled ageing function emits CasesOpen, CasesOverAge and OldestOpenCaseAge as EMF from the case store', async () => {
    const now = new Date();
    const dataDir = mkdtempSync(join(tmpdir(), 'ageing-'));
    await seedCases(100, now, join(dataDir, 'cases')); // case i created i minutes ago, in the store CASES_STORE=file reads
    const metricsFile = join(dataDir, 'emf.jsonl');
    Object.assign(process.env, { CASES_STORE: 'file', DATA_DIR: dataDir, CASE_MAX_AGE_HOURS: '1', METRICS_FILE: metricsFile, LOG_LEVEL: 'silent' });
    const { handler } = await import('../../src/handlers/ageing.js');
    const stats = await handler();
    expect(stats).toMatchObject({ open: 100, overAge: 40 }); // created 60..99 minutes before seeding: over an hour by now
    const values = parseEmf(readFileSync(metricsFile, 'utf8').split('\n'));
    const one = (name: string) => values.filter((v) => v.name === name).flatMap((v) => v.values.map((x) => [x, v.unit, v.dimensions.service]));
    expect(one('CasesOpen')).toEqual([[100, 'Count', 'txn']]);
    expect(one('CasesOverAge')).toEqual([[40, 'Count', 'txn']]);
    const oldest = one('OldestOpenCaseAge');
    expect(oldest.map(([v, unit]) => [Number(v) >= 99 * 60 && Number(v) < 99 * 60 + 60, unit])).toEqual([[true, 'Seconds']]);
  });
});
