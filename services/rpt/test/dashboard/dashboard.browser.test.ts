import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FsObjectStore } from '@sfc/shared';
import { runReport } from '../../src/local/runReport.js';
import { launchChromium } from '../support/chromium.js';
import { writeLake } from '../support/writeLake.js';

const ARTIFACTS = fileURLToPath(new URL('../../../../.data/test-artifacts/', import.meta.url));
const start = new Date('2026-03-14T09:00:00Z');
const window = { from: start, to: new Date(start.getTime() + 4 * 3_600_000) };
const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } };

describe('Dashboard in Chromium', () => {
  it('renders every chart with the DuckDB numbers, in the viewer time zone', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-browser-'));
    const store = new FsObjectStore(dataDir);
    await writeLake(store, 'lake', { transactions: 6000, findings: 80, start, spanMinutes: 180, rowsPerObject: 1000 });
    await store.put('lake', 'processed/dt=2026-03-14/hour=10/transactions-1-77.jsonl', '{"event_id":"cut-off');
    const { path, report } = await runReport({ dataDir, window, logger: silent });
    const k = report.results.kpis;
    const totals = k.totals![0]!;
    const context = await launchChromium({ locale: 'en-US', timezoneId: 'America/New_York' });

    try {
      // Act
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
      await page.goto(`file://${path}`);
      await page.waitForFunction(() => (globalThis as { dashboardReady?: boolean }).dashboardReady === true);
      await mkdir(ARTIFACTS, { recursive: true });
      await page.screenshot({ path: join(ARTIFACTS, 'dashboard.png'), fullPage: true });

      // Assess: tiles show the query results, formatted for the viewer's locale
      const tile = (id: string) => page.locator(`[data-kpi="${id}"] .value`).textContent();
      const en = (n: number, digits = 0) => n.toLocaleString('en-US', { minimumFractionDigits: digits, maximumFractionDigits: digits });
      expect(await tile('transactions')).toBe(en(totals.transactions as number));
      expect(await tile('blocked')).toBe(en(totals.blocked as number));
      expect(await tile('blocked_amount')).toBe(en(totals.blocked_amount as number, 2));
      expect(await page.locator('[data-kpi="blocked_amount"]').getAttribute('title')).toBe(en(totals.blocked_amount as number, 2));
      expect(await tile('ttdf_p95')).toBe(`${en(totals.ttdf_p95 as number)} ms`);
      expect(await tile('skipped')).toBe('1');
      expect(await page.locator('#tz').textContent()).toBe('America/New_York');

      // Assess: every chart exists and plots exactly the rows the query returned
      const charts = await page.evaluate(() => {
        // Runs in the page; the repo compiles without the DOM lib, hence the loose typing.
        const g = globalThis as any;
        const out: Record<string, { points: number; sum: number; firstTick?: string; firstTickValue?: number }> = {};
        for (const card of Array.from(g.document.querySelectorAll('[data-chart]')) as any[]) {
          const chart = g.Chart.getChart(card.querySelector('canvas'));
          const values: number[] = chart ? chart.data.datasets.flatMap((d: any) => d.data.map((p: any) => (typeof p === 'number' ? p : p.y))) : [];
          const x = chart?.scales?.x;
          out[card.dataset.chart] = {
            points: values.length, sum: values.reduce((s, v) => s + v, 0),
            firstTick: x?.type === 'linear' ? x.ticks[0].label : undefined,
            firstTickValue: x?.type === 'linear' ? x.ticks[0].value : undefined,
          };
        }
        return out;
      });
      const sum = (id: string, col: string) => k[id]!.reduce((s, r) => s + (r[col] as number), 0);
      expect(Object.keys(charts).sort()).toEqual(['block_rate_by_category', 'block_rate_by_state', 'blocked_amount_per_hour', 'documents_by_verdict',
        'entity_types', 'outcomes_per_minute', 'quarantine_reasons', 'score_distribution', 'ttdf_percentiles']);
      for (const c of Object.values(charts)) expect(c.points).toBeGreaterThan(0);
      expect(charts.outcomes_per_minute!.sum).toBe(totals.transactions);
      expect(charts.score_distribution!.sum).toBe(totals.transactions);
      expect(charts.blocked_amount_per_hour!.sum).toBeCloseTo(totals.blocked_amount as number, 6);
      expect(charts.blocked_amount_per_hour!.points).toBe(k.blocked_amount_per_hour!.length);
      expect(charts.ttdf_percentiles!.points).toBe(3 * k.ttdf_percentiles!.length);
      expect(charts.block_rate_by_state!.sum).toBeCloseTo(sum('block_rate_by_state', 'block_rate'), 9);
      expect(charts.block_rate_by_category!.points).toBe(k.block_rate_by_category!.length);
      expect(charts.documents_by_verdict!.sum).toBe(sum('documents_by_verdict', 'n'));
      expect(charts.entity_types!.sum).toBe(sum('entity_types', 'n'));
      expect(charts.quarantine_reasons!.sum).toBe(sum('quarantine_reasons', 'n'));

      // Assess: the time axis reads in New York time (UTC-4 on that date)
      const tick = charts.outcomes_per_minute!;
      const expected = new Intl.DateTimeFormat('en-US', { hour: '2-digit', minute: '2-digit', timeZone: 'America/New_York' }).format(new Date(tick.firstTickValue!));
      expect(tick.firstTick).toBe(expected);

      // Assess: the masked table and the skipped-data table
      const firstEmail = await page.locator('#latest-blocked tbody tr:first-child td:last-child').textContent();
      expect(firstEmail).toBe(k.latest_blocked![0]!.email);
      expect(firstEmail).toMatch(/^.\*\*\*@/);
      expect(await page.locator('#rejected tbody').textContent()).toContain('processed/dt=2026-03-14/hour=10/transactions-1-77.jsonl');
      expect(requests).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
