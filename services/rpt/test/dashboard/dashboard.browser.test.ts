import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FsObjectStore } from '@sfc/shared';
import { runReport } from '../../src/local/runReport.js';
import { chartLibraryFromNodeModules } from '../../src/dashboard/chartLibraryFromNodeModules.js';
import { renderHtml } from '../../src/dashboard/renderHtml.js';
import { launchChromium } from '../support/chromium.js';
import { writeLake } from '../support/writeLake.js';
import { detectorVersions, reviewQueue, ruleHits, shadowVersions, thresholdsSeen } from '../support/recompute.js';

const ARTIFACTS = fileURLToPath(new URL('../../../../.data/test-artifacts/', import.meta.url));
const start = new Date('2026-03-14T09:00:00Z');
const window = { from: start, to: new Date(start.getTime() + 4 * 3_600_000) };
const silent = { debug() {}, info() {}, warn() {}, error() {}, child() { return silent; } };

describe('Dashboard in Chromium', () => {
  it('renders every panel with the DuckDB numbers, times in UTC whatever the viewer\'s zone', async () => {
    // Prepare
    const dataDir = await mkdtemp(join(tmpdir(), 'rpt-browser-'));
    const store = new FsObjectStore(dataDir);
    const lake = await writeLake(store, 'lake', { transactions: 6000, findings: 80, start, spanMinutes: 180, rowsPerObject: 1000, collect: true });
    await store.put('lake', 'processed/dt=2026-03-14/hour=10/transactions-1-77.jsonl', '{"event_id":"cut-off');
    const { path, report } = await runReport({ dataDir, window, logger: silent });
    const k = report.results.kpis;
    const totals = k.totals![0]!;
    const tx = lake.transactions.filter((t) => Date.parse(t.event_time) >= window.from.getTime() && Date.parse(t.event_time) < window.to.getTime());
    const labelsTo = new Date(report.results.window.labelsTo);
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
      expect(await page.locator('#tz').textContent()).toBe('UTC');

      // Assess: every chart exists and plots exactly the rows the query returned
      const charts = await page.evaluate(() => {
        // Runs in the page; the repo compiles without the DOM lib, hence the loose typing.
        const g = globalThis as any;
        const out: Record<string, { points: number; sum: number; firstTick?: string | string[]; firstTickValue?: number; yType?: string; labels?: string[] }> = {};
        for (const card of Array.from(g.document.querySelectorAll('[data-chart]')) as any[]) {
          const chart = g.Chart.getChart(card.querySelector('canvas'));
          const values: number[] = chart ? chart.data.datasets.flatMap((d: any) => d.data.map((p: any) => (typeof p === 'number' ? p : p.y))) : [];
          const x = chart?.scales?.x;
          out[card.dataset.chart] = {
            points: values.length, sum: values.reduce((s, v) => s + v, 0),
            firstTick: x?.type === 'linear' ? x.ticks[0].label : undefined,
            firstTickValue: x?.type === 'linear' ? x.ticks[0].value : undefined,
            yType: chart?.scales?.y?.type,
            labels: x?.type === 'category' ? chart.data.labels : undefined,
          };
        }
        return out;
      });
      const sum = (id: string, col: string) => k[id]!.reduce((s, r) => s + (r[col] as number), 0);
      expect(Object.keys(charts).sort()).toEqual(['block_rate_by_category', 'block_rate_by_state', 'blocked_amount_per_hour', 'documents_by_verdict',
        'entity_types', 'outcomes_per_minute', 'quarantine_reasons', 'review_decisions_per_day', 'score_distribution', 'ttdf_percentiles']);
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

      // Assess: every time axis reads as UTC dates and times (the viewer is in New York: UTC-4 that day)
      const utc = (opts: Intl.DateTimeFormatOptions, v: number) => new Intl.DateTimeFormat('en-US', { ...opts, timeZone: 'UTC' }).format(new Date(v));
      const day = { year: 'numeric', month: 'short', day: 'numeric' } as const;
      for (const id of ['outcomes_per_minute', 'ttdf_percentiles', 'blocked_amount_per_hour']) {
        const c = charts[id]!;
        expect(c.firstTick).toEqual([utc({ hour: '2-digit', minute: '2-digit' }, c.firstTickValue!), utc(day, c.firstTickValue!)]);
        expect(c.firstTick![1]).toBe('Mar 14, 2026');
      }
      expect(charts.outcomes_per_minute!.firstTick![0]).toBe('09:00 AM');
      const perDay = charts.review_decisions_per_day!;
      const labelDays = k.review_decisions_per_day!.map((r) => r.day as number);
      expect(perDay.labels).toHaveLength((Math.max(...labelDays) - Math.min(...labelDays)) / 86_400_000 + 1);
      expect(perDay.labels![0]).toBe(utc(day, Math.min(...labelDays)));
      expect(perDay.labels![0]).toBe('Mar 14, 2026');
      expect(perDay.sum).toBe(sum('review_decisions_per_day', 'n'));

      // Assess: the score distribution counts on a log scale, with the threshold bands the records imply
      expect(charts.score_distribution!.yType).toBe('logarithmic');
      const seen = thresholdsSeen(tx);
      expect(await page.locator('[data-chart="score_distribution"]').getAttribute('data-bands')).toBe(`review>=${seen.review_from} block>=${seen.block_from}`);
      expect(await page.locator('[data-chart="score_distribution"] .bands').textContent()).toContain(`review from ${seen.review_from}`);

      // Assess: rule hits and detector versions, as recomputed from the records
      const cells = (sel: string) => page.locator(`${sel} tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from((tr as any).children as any[]).map((td) => td.textContent as string)));
      const hits = ruleHits(tx);
      const rules = [...new Set(Object.keys(hits).map((h) => h.split('|')[0]!))];
      const byRule = (r: string, o: string) => hits[`${r}|${o}`] ?? 0;
      const OUTCOMES = ['approve', 'review', 'block'];
      const expectedHits = rules.map((rule) => ({ rule, n: OUTCOMES.map((o) => byRule(rule, o)), total: OUTCOMES.reduce((s, o) => s + byRule(rule, o), 0) }))
        .sort((a, b) => b.total - a.total || a.rule.localeCompare(b.rule)).map((h) => [h.rule, ...h.n.map((x) => en(x)), en(h.total)]);
      expect(await cells('#rule-hits')).toEqual(expectedHits);
      expect(expectedHits.map((r) => r[0])).toEqual(expect.arrayContaining(['block_threshold', 'review_threshold', 'high_score', 'big_amount']));
      const versions = detectorVersions(tx);
      const versionRows = await cells('#detector-versions');
      expect(versionRows.map((r) => [r[0], r[1]])).toEqual(Object.entries(versions).sort(([a, x], [b, y]) => y.n - x.n || a.localeCompare(b))
        .map(([v, e]) => [v === '(none)' ? '(none: thresholds or DETECTOR_FILE)' : v, en(e.n)]));
      const stamp = (v: number) => utc({ ...day, hour: '2-digit', minute: '2-digit', second: '2-digit' }, v);
      expect(versionRows.find((r) => r[0] === 'payments:2')!.slice(3)).toEqual([stamp(versions['payments:2']!.first_seen), stamp(versions['payments:2']!.last_seen)]);

      // Assess: the review queue panel equals a recomputation from the records and labels written
      const queue = reviewQueue(tx, lake.labels, window, labelsTo);
      const q = async (id: string) => page.locator(`[data-queue="${id}"]`).getAttribute('data-value');
      expect(await q('reviews')).toBe(String(queue.reviews));
      expect(await q('decided')).toBe(String(queue.decided));
      expect(await q('open')).toBe(String(queue.open));
      expect(Number(await q('oldest_open_age'))).toBe(labelsTo.getTime() - queue.oldest_open_time!);
      expect(Number(await q('decided_fraud_share'))).toBeCloseTo(queue.decided_fraud_share!, 12);
      expect(Number(await q('fraud_share'))).toBeCloseTo(queue.fraud_share!, 12);
      expect(await page.locator('[data-queue="open"] .value').textContent()).toBe(en(queue.open));
      const panel = await page.locator('#review-queue').textContent();
      for (const words of ['Derived from the lake', 'a case for every review', 'CasesOpen', 'CasesOverAge']) expect(panel).toContain(words);

      // Assess: the shadow card shows each version pair, its agreement, labelled counts and outcome matrix, as recomputed from the records and labels
      const shadow = shadowVersions(tx, lake.labels, window, labelsTo);
      const pct = (v: number) => v.toLocaleString('en-US', { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 });
      const shown = await page.locator('#shadow [data-pair]').evaluateAll((ds) => ds.map((d) => (d as any).dataset.pair as string));
      expect([...shown].sort()).toEqual(Object.keys(shadow).sort());
      expect(shown.length).toBeGreaterThan(1);
      const shadowed = Object.values(shadow).reduce((s, e) => s + e.n, 0);
      expect(await page.locator('#shadow-coverage').textContent()).toBe(`${en(shadowed)} of ${en(tx.length)} transactions in the window`);
      expect(shadowed).toBeLessThan(tx.length);
      for (const [key, e] of Object.entries(shadow)) {
        const pair = page.locator(`#shadow [data-pair="${key}"]`);
        const [live, shadowVersion] = key.split('|') as [string, string];
        expect(await pair.locator('h3').textContent()).toBe(`${live === '(none)' ? '(none: thresholds)' : live} live · ${shadowVersion} shadow`);
        expect(Number(await pair.locator('.agreement').getAttribute('data-value'))).toBeCloseTo(e.agreement, 12);
        expect(await pair.locator('.agreement').textContent()).toBe(`${pct(e.agreement)} (${en(e.agreed)} of ${en(e.n)})`);
        expect(await pair.locator('.labelled').textContent()).toContain(`labelled ${en(e.labelled)} (${en(e.labelled_fraud)} fraud)`);
        const rates = await cells(`#shadow [data-pair="${key}"] .rates`);
        expect(rates.find((r) => r[0] === 'Block rate')).toEqual(['Block rate', pct(e.live_block_rate), pct(e.shadow_block_rate)]);
        const precision = (v: number | null, n: number) => (v === null ? '– (no labelled blocks)' : `${pct(v)} (of ${en(n)} labelled blocks)`);
        expect(rates.find((r) => r[0] === 'Block precision')).toEqual(['Block precision', precision(e.live_block_precision, e.live_blocks_labelled), precision(e.shadow_block_precision, e.shadow_blocks_labelled)]);
        const OUT = ['approve', 'review', 'block'];
        expect(await cells(`#shadow [data-pair="${key}"] .matrix`)).toEqual(OUT.map((l) => [l, ...OUT.map((sh) => en(e.matrix[`${l}|${sh}`] ?? 0))]));
      }
      expect(await page.locator('#shadow-empty').isHidden()).toBe(true);

      // Assess: the masked table and the skipped-data table
      const firstEmail = await page.locator('#latest-blocked tbody tr:first-child td:last-child').textContent();
      expect(firstEmail).toBe(k.latest_blocked![0]!.email);
      expect(firstEmail).toMatch(/^.\*\*\*@/);
      expect(await page.locator('#rejected tbody').textContent()).toContain('processed/dt=2026-03-14/hour=10/transactions-1-77.jsonl');
      // Assess: the page's CSP refuses any request (none was made, and one tried now is blocked)
      const refused = await page.evaluate(async () => {
        const g = globalThis as any;
        const violations: string[] = [];
        g.document.addEventListener('securitypolicyviolation', (e: any) => violations.push(e.violatedDirective));
        const fetched = await g.fetch('http://127.0.0.1:9/x').then(() => 'fetched', () => 'refused');
        await new Promise((r) => setTimeout(r, 50));
        return { fetched, violations };
      });
      expect(refused).toEqual({ fetched: 'refused', violations: ['connect-src'] });
      expect(requests).toEqual([]);

      // Assess: a window without shadow decisions says how to start shadowing
      const noShadow = join(dataDir, 'no-shadow.html');
      await writeFile(noShadow, renderHtml({ ...report.results, kpis: { ...k, shadow_versions: [], shadow_matrix: [] } }, await chartLibraryFromNodeModules(), new Date()));
      await page.goto(`file://${noShadow}`);
      await page.waitForFunction(() => (globalThis as { dashboardReady?: boolean }).dashboardReady === true);
      expect(await page.locator('#shadow-empty').isVisible()).toBe(true);
      expect(await page.locator('#shadow-empty').textContent()).toContain('npm run detectors -- shadow <detector> <version>');
      expect(await page.locator('#shadow [data-pair]').count()).toBe(0);
      expect(await page.locator('#shadow-coverage').textContent()).toBe(`0 of ${en(totals.transactions as number)} transactions in the window`);
    } finally {
      await context.close();
    }
  });
});
