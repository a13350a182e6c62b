import {
  GetQueryExecutionCommand, GetQueryResultsCommand, StartQueryExecutionCommand,
  type AthenaClient, type ColumnInfo, type GetQueryResultsCommandOutput,
} from '@aws-sdk/client-athena';
import { sleep } from '@sfc/shared';
import type { Cell, Relation, Row, SqlEngine } from '../ports/SqlEngine.js';
import type { LakeTable } from '../schema/lakeTables.js';
import { athenaDialect } from '../sql/Dialect.js';
import { QueryError } from '../errors.js';

export interface AthenaEngineOptions {
  /** Anything with the AthenaClient's `send` (the real client, or a fake replaying recorded responses). */
  client: Pick<AthenaClient, 'send'>;
  database: string;
  workgroup: string;
  pollMs?: number;
  /** Gives up on a query after this long (the Lambda timeout bounds it anyway). */
  timeoutMs?: number;
}

const NUMERIC = new Set(['tinyint', 'smallint', 'integer', 'bigint', 'double', 'float', 'real', 'decimal']);

/** Athena returns every value as text; the column metadata says which ones are numbers. */
export function toCell(value: string | undefined, column: ColumnInfo | undefined): Cell {
  if (value === undefined) return null;
  const type = (column?.Type ?? 'varchar').toLowerCase();
  if (NUMERIC.has(type)) return Number(value);
  if (type === 'boolean') return value === 'true';
  return value;
}

/** Athena over the Glue tables. Relations are not materialised: each query inlines them as WITH clauses. */
export class AthenaSqlEngine implements SqlEngine {
  readonly dialect = athenaDialect;
  private relations: Relation[] = [];

  constructor(private readonly options: AthenaEngineOptions) {}

  tableSource(table: LakeTable): string {
    return `"${this.options.database}"."${table.name}"`;
  }

  async define(relations: Relation[]): Promise<void> {
    this.relations = [...this.relations.filter((r) => !relations.some((n) => n.name === r.name)), ...relations];
  }

  /** The full statement sent for `sql`: every defined relation it needs, as a WITH clause. */
  statement(sql: string): string {
    if (this.relations.length === 0) return sql;
    return `WITH ${this.relations.map((r) => `${r.name} AS (\n${r.sql}\n)`).join(',\n')}\n${sql}`;
  }

  async query(name: string, sql: string): Promise<Row[]> {
    const { client, database, workgroup } = this.options;
    const started = await this.send(name, client.send(new StartQueryExecutionCommand({
      QueryString: this.statement(sql),
      WorkGroup: workgroup,
      QueryExecutionContext: { Database: database },
    })));
    const id = started.QueryExecutionId;
    if (!id) throw new QueryError(name, 'no QueryExecutionId returned');
    await this.waitFor(name, id);
    return this.results(name, id);
  }

  async close(): Promise<void> {
    this.relations = [];
  }

  private async waitFor(name: string, id: string): Promise<void> {
    const deadline = Date.now() + (this.options.timeoutMs ?? 600_000);
    for (;;) {
      const out = await this.send(name, this.options.client.send(new GetQueryExecutionCommand({ QueryExecutionId: id })));
      const status = out.QueryExecution?.Status;
      if (status?.State === 'SUCCEEDED') return;
      if (status?.State === 'FAILED' || status?.State === 'CANCELLED') {
        throw new QueryError(name, `${status.State}: ${status.StateChangeReason ?? 'no reason given'}`, {
          retriable: status.AthenaError?.Retryable ?? false,
        });
      }
      if (Date.now() > deadline) throw new QueryError(name, `still ${status?.State ?? 'unknown'} at timeout`, { retriable: true });
      await sleep(this.options.pollMs ?? 500);
    }
  }

  private async results(name: string, id: string): Promise<Row[]> {
    const rows: Row[] = [];
    let token: string | undefined;
    let first = true;
    do {
      const page: GetQueryResultsCommandOutput = await this.send(name, this.options.client.send(
        new GetQueryResultsCommand({ QueryExecutionId: id, NextToken: token, MaxResults: 1000 })));
      const columns = page.ResultSet?.ResultSetMetadata?.ColumnInfo ?? [];
      const data = page.ResultSet?.Rows ?? [];
      // The first row of the first page repeats the column names.
      for (const row of first ? data.slice(1) : data) {
        rows.push(Object.fromEntries(columns.map((c, i) => [c.Name ?? `_${i}`, toCell(row.Data?.[i]?.VarCharValue, c)])));
      }
      first = false;
      token = page.NextToken;
    } while (token);
    return rows;
  }

  private async send<T>(name: string, p: Promise<T>): Promise<T> {
    try {
      return await p;
    } catch (err) {
      if (err instanceof QueryError) throw err;
      const e = err as { name?: string; message?: string; $retryable?: unknown };
      throw new QueryError(name, `${e.name ?? 'Error'}: ${e.message ?? ''}`, { cause: err, retriable: Boolean(e.$retryable) });
    }
  }
}
