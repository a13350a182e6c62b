import { LogFormatter, LogItem, Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';
import type { ConstructorOptions, LogAttributes, UnformattedAttributes } from '@aws-lambda-powertools/logger/types';
import { maskPii, maskText } from './mask.js';

export type Level = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
  child(component: string): Logger;
  /** The Powertools Logger underneath (Lambda context, correlation ids), where there is one. */
  readonly powertools?: PowertoolsLogger;
}

export type Sink = (line: string) => void;

/**
 * Powertools' structured JSON line (level, message, timestamp, service, Lambda context, X-Ray trace
 * id) with our PII masking applied to the message and to every field, at any depth.
 */
class MaskingLogFormatter extends LogFormatter {
  override formatAttributes(attributes: UnformattedAttributes, additional: LogAttributes): LogItem {
    const context = attributes.lambdaContext;
    const base: LogAttributes = {
      level: attributes.logLevel,
      message: maskText(attributes.message),
      timestamp: this.formatTimestamp(attributes.timestamp),
      service: attributes.serviceName,
      cold_start: context?.coldStart,
      function_name: context?.functionName,
      function_request_id: context?.awsRequestId,
      xray_trace_id: attributes.xRayTraceId,
    };
    return new LogItem({ attributes: base }).addAttributes(maskPii(additional) as LogAttributes);
  }
}

/** Powertools' Logger writing to a sink when one is given (tests, tools), to stdout otherwise. */
class SinkLogger extends PowertoolsLogger {
  sink: Sink | undefined;

  protected override printLog(level: number, log: LogItem): void {
    if (!this.sink) return super.printLog(level, log);
    log.prepareForPrint();
    this.sink(JSON.stringify(log.getAttributes(), this.getJsonReplacer()));
  }

  protected override createLogger(options?: ConstructorOptions): PowertoolsLogger {
    const child = new SinkLogger(options);
    child.sink = this.sink;
    return child;
  }
}

const POWERTOOLS_LEVEL = { debug: 'DEBUG', info: 'INFO', warn: 'WARN', error: 'ERROR', silent: 'SILENT' } as const;

function wrap(logger: PowertoolsLogger, component: string): Logger {
  const fields = (f?: Record<string, unknown>) => (f ?? {}) as LogAttributes;
  return {
    powertools: logger,
    debug: (m, f) => logger.debug(m, fields(f)),
    info: (m, f) => logger.info(m, fields(f)),
    warn: (m, f) => logger.warn(m, fields(f)),
    error: (m, f) => logger.error(m, fields(f)),
    child: (sub) => {
      const name = `${component}.${sub}`;
      return wrap(logger.createChild({ persistentKeys: { component: name } }), name);
    },
  };
}

/**
 * A JSON-lines logger namespaced by component (Powertools for AWS Lambda's Logger); every line
 * passes through the PII mask. The service is the component's first part (`txn.act` -> `txn`).
 */
export function createLogger(
  component: string,
  options: { level?: Level; sink?: Sink } = {},
): Logger {
  const level = options.level ?? ((process.env.LOG_LEVEL as Level | undefined) ?? 'info');
  const logger = new SinkLogger({
    serviceName: process.env.POWERTOOLS_SERVICE_NAME || component.split('.')[0],
    logLevel: POWERTOOLS_LEVEL[level] ?? 'INFO',
    logFormatter: new MaskingLogFormatter(),
    persistentKeys: { component },
  });
  logger.sink = options.sink;
  return wrap(logger, component);
}
