/** Base class of every error this project raises; `retriable` tells callers whether a retry can help. */
export class SfcError extends Error {
  readonly retriable: boolean;
  readonly context: Record<string, unknown>;

  constructor(
    message: string,
    options: { cause?: unknown; retriable?: boolean; context?: Record<string, unknown> } = {},
  ) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SfcError';
    this.retriable = options.retriable ?? false;
    this.context = options.context ?? {};
  }
}

/** A record failed its schema: `field` is the dotted path of the first offending field. */
export class SchemaError extends SfcError {
  readonly field: string;
  readonly reason: string;

  constructor(schema: string, field: string, reason: string, issues: number) {
    super(`${schema}: ${field}: ${reason}${issues > 1 ? ` (and ${issues - 1} more)` : ''}`, {
      context: { schema, field, issues },
    });
    this.name = 'SchemaError';
    this.field = field;
    this.reason = reason;
  }
}

/** Bytes that could not be decoded into a record at all (not UTF-8 JSON, too large, empty). */
export class DecodeError extends SfcError {
  readonly reason: string;

  constructor(reason: string, context: Record<string, unknown> = {}) {
    super(reason, { context });
    this.name = 'DecodeError';
    this.reason = reason;
  }
}

/** A configuration variable is missing or invalid; `variable` names it. */
export class ConfigError extends SfcError {
  readonly variable: string;

  constructor(variable: string, reason: string) {
    super(`configuration ${variable}: ${reason}`, { context: { variable } });
    this.name = 'ConfigError';
    this.variable = variable;
  }
}

/** An adapter's backing system failed (I/O, network, service error). */
export class AdapterError extends SfcError {
  constructor(adapter: string, message: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(`${adapter}: ${message}`, { ...options, context: { adapter } });
    this.name = 'AdapterError';
  }
}

/**
 * Some notifications of a `publishMany` were not delivered; `failed` holds their indexes in the
 * caller's array, so only those are retried (the others were delivered and must not be sent again).
 */
export class PartialPublishError extends AdapterError {
  readonly failed: number[];
  readonly delivered: number;

  constructor(adapter: string, message: string, failed: number[], delivered: number, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(adapter, message, options);
    this.name = 'PartialPublishError';
    this.failed = failed;
    this.delivered = delivered;
  }
}
