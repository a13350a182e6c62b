// npm run report [-- --serve [--port N]] : KPIs over the local lake (DuckDB) -> .data/reports/dashboard.html
import { runReport } from '../services/rpt/src/local/runReport.js';
import { formatSummary } from '../services/rpt/src/report/summarize.js';
import { serveFile } from '../services/rpt/src/local/serveFile.js';
import { stopWithLauncher } from '../services/rpt/src/local/stopWithLauncher.js';

const args = process.argv.slice(2);
const portAt = args.indexOf('--port');
const dataDir = process.env.DATA_DIR ?? '.data';

const { path, summary, report } = await runReport({ dataDir });
process.stdout.write(`\n${formatSummary(summary)}\n\ndashboard: ${path}  (queries ${report.timingsMs.queries} ms, render ${report.timingsMs.render} ms)\n`);
for (const r of report.results.rejected) process.stdout.write(`skipped: ${r.object}: ${r.reason} (${r.records} records)\n`);

if (args.includes('--serve')) {
  const { url, server } = await serveFile(path, portAt >= 0 ? Number(args[portAt + 1]) : 8088);
  process.stdout.write(`serving ${url} (Ctrl-C to stop)\n`);
  // Stopping npm by PID does not reach this process (npm signals only its sh): stop with the job.
  stopWithLauncher((why) => {
    process.stdout.write(`stopped serving (${why})\n`);
    server.closeAllConnections();
    server.close(() => process.exit(0));
  });
}
