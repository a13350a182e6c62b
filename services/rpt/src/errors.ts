import { SfcError } from '@sfc/shared';

/** Base of every error the reporting service raises. */
export class RptError extends SfcError {
  constructor(message: string, options: { cause?: unknown; retriable?: boolean; context?: Record<string, unknown> } = {}) {
    super(message, options);
    this.name = 'RptError';
  }
}

/** A SQL engine rejected or failed a query; `query` names the KPI (never the data). */
export class QueryError extends RptError {
  readonly query: string;

  constructor(query: string, reason: string, options: { cause?: unknown; retriable?: boolean } = {}) {
    super(`query ${query} failed: ${reason}`, { ...options, context: { query } });
    this.name = 'QueryError';
    this.query = query;
  }
}

/** A zod/JSON schema construct the table generator cannot express as a column type. */
export class UnsupportedSchemaError extends RptError {
  constructor(path: string, reason: string) {
    super(`${path}: ${reason}`, { context: { path } });
    this.name = 'UnsupportedSchemaError';
  }
}
