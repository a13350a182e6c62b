import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';

export { Metrics, MetricUnit };

/** Namespace of every metric unless POWERTOOLS_METRICS_NAMESPACE says otherwise (templates set `sfc-<stage>`). */
export const DEFAULT_METRICS_NAMESPACE = 'sfc';

/**
 * Powertools Metrics whose EMF documents go to a sink instead of stdout: a file for local runs, an
 * array in tests. Everything else (validation, 100-value flushes, dimensions) is Powertools' own.
 */
class SinkMetrics extends Metrics {
  constructor(options: ConstructorParameters<typeof Metrics>[0], private readonly sinkOf: () => ((line: string) => void) | undefined) {
    super(options);
  }

  override publishStoredMetrics(): this {
    const sink = this.sinkOf();
    if (!sink) return super.publishStoredMetrics();
    try {
      if (this.hasStoredMetrics() && !this.isDisabled()) sink(JSON.stringify(this.serializeMetrics()));
    } finally {
      this.clearMetrics();
      this.clearDimensions();
      this.clearMetadata();
    }
    return this;
  }
}

/**
 * Metrics of one service in CloudWatch embedded metric format. In Lambda (and by default) EMF lines
 * go to stdout, where CloudWatch Logs turns them into metrics; `sink`, else METRICS_FILE (an
 * appended JSON-lines file, read when metrics are flushed), keeps them out of a local run's terminal.
 */
export function createMetrics(service: string, options: { sink?: (line: string) => void } = {}): Metrics {
  const settings = { namespace: process.env.POWERTOOLS_METRICS_NAMESPACE || DEFAULT_METRICS_NAMESPACE, serviceName: service };
  return new SinkMetrics(settings, () => options.sink ?? fileSink(process.env.METRICS_FILE));
}

const madeDirs = new Set<string>();
function fileSink(path: string | undefined): ((line: string) => void) | undefined {
  if (!path) return undefined;
  return (line) => {
    if (!madeDirs.has(path)) mkdirSync(dirname(path), { recursive: true });
    madeDirs.add(path);
    appendFileSync(path, `${line}\n`);
  };
}
