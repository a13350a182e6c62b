// npm run report [-- --hours N] [--serve [--port N]] : KPIs over the local lake (DuckDB) -> .data/reports/dashboard.html
// The window is the whole local lake (what npm start writes and reports), or the last N hours with
// --hours N (or REPORT_WINDOW_HOURS).
import { parseArgs } from 'node:util';
import { runReport } from '../services/rpt/src/local/runReport.js';
import { lastHours } from '../services/rpt/src/report/generateReport.js';
import { formatSummary } from '../services/rpt/src/report/summarize.js';
import { serveFile } from '../services/rpt/src/local/serveFile.js';
import { launcherChain, stopWithLauncher } from '../services/rpt/src/local/stopWithLauncher.js';

const { values } = parseArgs({ options: { hours: { type: 'string' }, serve: { type: 'boolean', default: false }, port: { type: 'string', default: '8088' } } });
const positive = (name: string, v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n <= 0) {
    console.error(`error: --${name} must be a positive integer, got ${JSON.stringify(v)}`);
    process.exit(2);
  }
  return n;
};
const dataDir = process.env.DATA_DIR ?? '.data';
// Taken first: were npm stopped while the report runs, a chain taken later would miss it.
const launchers = values.serve ? launcherChain() : [];
const window = values.hours !== undefined ? lastHours(positive('hours', values.hours)) : undefined;

const { path, summary, report, replaced } = await runReport({ dataDir, window });
const covers = window ? `the last ${values.hours} hours` : process.env.REPORT_WINDOW_HOURS ? `the last ${process.env.REPORT_WINDOW_HOURS} hours (REPORT_WINDOW_HOURS)` : 'the whole local lake (--hours N for the last N hours)';
process.stdout.write(`\nwindow covers ${covers}\n${formatSummary(summary)}\n\ndashboard: ${path}  (queries ${report.timingsMs.queries} ms, render ${report.timingsMs.render} ms)\n`);
if (replaced) process.stdout.write(`  replaced a dashboard over another window (${replaced})\n`);
for (const r of report.results.rejected) process.stdout.write(`skipped: ${r.object}: ${r.reason} (${r.records} records)\n`);

if (values.serve) {
  const { url, server } = await serveFile(path, positive('port', values.port));
  process.stdout.write(`serving ${url} (Ctrl-C to stop)\n`);
  // Stopping npm by PID does not reach this process (npm signals only its sh): stop with the job.
  stopWithLauncher((why) => {
    process.stdout.write(`stopped serving (${why})\n`);
    server.closeAllConnections();
    server.close(() => process.exit(0));
  }, launchers);
}
