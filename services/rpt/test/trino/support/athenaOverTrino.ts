import {
  GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand,
  type ColumnInfo, type GetQueryExecutionOutput, type GetQueryResultsOutput, type StartQueryExecutionOutput,
} from '@aws-sdk/client-athena';
import { toCell } from '../../../src/adapters/AthenaSqlEngine.js';
import type { Row } from '../../../src/ports/SqlEngine.js';
import { trinoQuery, TrinoQueryError, type TrinoResult } from './trino.js';

type Execution = { ok: true; result: TrinoResult } | { ok: false; reason: string };

/** Athena's text for a value Trino returned as JSON (Athena returns every value as `VarCharValue` text). */
function text(value: unknown): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
}

/** Athena's ColumnInfo for a Trino column: the type without its parameters (`decimal(12,1)` is `decimal`, precision apart). */
function columnInfo(c: { name: string; type: string }): ColumnInfo {
  const [, base, params] = /^([a-z ]+)(?:\((.*)\))?$/.exec(c.type) ?? [undefined, c.type, undefined];
  const info: ColumnInfo = { Name: c.name, Type: base!.trim() };
  if (base === 'decimal' && params) {
    const [precision, scale] = params.split(',').map((x) => Number(x.trim()));
    Object.assign(info, { Precision: precision, Scale: scale });
  }
  return info;
}

/** Rows of a Trino result typed as AthenaSqlEngine types Athena's (text plus column metadata). */
export function athenaRows(r: TrinoResult): Row[] {
  const columns = r.columns.map(columnInfo);
  return r.rows.map((row) => Object.fromEntries(columns.map((c, i) => [c.Name!, toCell(text(row[i]), c)])));
}

/**
 * Stands in for AthenaClient in front of a real Trino: StartQueryExecution runs the statement on
 * Trino (in the schema named as the query's database), GetQueryExecution reports SUCCEEDED or FAILED
 * with Trino's error, GetQueryResults pages the rows in Athena's shape (header row first, values as
 * text, column types in ColumnInfo). So AthenaSqlEngine itself, with its WITH-inlined relations,
 * paging and value typing, runs the report's SQL on the engine Athena is built on.
 */
export class AthenaOverTrino {
  private readonly executions = new Map<string, Execution>();
  readonly statements: string[] = [];

  async send(command: { input: unknown }): Promise<unknown> {
    if (command instanceof StartQueryExecutionCommand) return this.start(command.input.QueryString ?? '', command.input.QueryExecutionContext?.Database);
    if (command instanceof GetQueryExecutionCommand) return this.status(command.input.QueryExecutionId ?? '');
    if (command instanceof GetQueryResultsCommand) return this.page(command.input.QueryExecutionId ?? '', command.input.NextToken, command.input.MaxResults ?? 1000);
    throw new Error(`AthenaOverTrino: ${command.constructor.name} is not supported`);
  }

  private async start(sql: string, database: string | undefined): Promise<StartQueryExecutionOutput> {
    const id = `trino-${this.executions.size + 1}`;
    this.statements.push(sql);
    try {
      this.executions.set(id, { ok: true, result: await trinoQuery(sql, database) });
    } catch (err) {
      if (!(err instanceof TrinoQueryError)) throw err;
      this.executions.set(id, { ok: false, reason: err.message });
    }
    return { QueryExecutionId: id };
  }

  private status(id: string): GetQueryExecutionOutput {
    const e = this.execution(id);
    return { QueryExecution: { QueryExecutionId: id, Status: e.ok ? { State: 'SUCCEEDED' } : { State: 'FAILED', StateChangeReason: e.reason } } };
  }

  private page(id: string, token: string | undefined, max: number): GetQueryResultsOutput {
    const e = this.execution(id);
    if (!e.ok) throw new Error(`AthenaOverTrino: results of failed query ${id}`);
    const from = token ? Number(token) : 0;
    const header = from === 0 ? [{ Data: e.result.columns.map((c) => ({ VarCharValue: c.name })) }] : [];
    const rows = e.result.rows.slice(from, from + max - header.length);
    const next = from + rows.length;
    return {
      ResultSet: {
        ResultSetMetadata: { ColumnInfo: e.result.columns.map(columnInfo) },
        Rows: [...header, ...rows.map((r) => ({ Data: r.map((v) => ({ VarCharValue: text(v) })) }))],
      },
      NextToken: next < e.result.rows.length ? String(next) : undefined,
    };
  }

  private execution(id: string): Execution {
    const e = this.executions.get(id);
    if (!e) throw new Error(`AthenaOverTrino: unknown query execution ${id}`);
    return e;
  }
}
