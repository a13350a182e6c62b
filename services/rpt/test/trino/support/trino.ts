import { Trino } from 'trino-client';

/** Columns (name and Trino type, e.g. `decimal(12,1)`) and rows of a finished query, values as Trino's JSON gives them. */
export interface TrinoResult {
  columns: { name: string; type: string }[];
  rows: unknown[][];
}

/** A query Trino failed, with its error name (e.g. `TYPE_MISMATCH`) and message. */
export class TrinoQueryError extends Error {
  override readonly name = 'TrinoQueryError';
  constructor(readonly errorName: string, message: string, readonly sql: string) {
    super(`${errorName}: ${message}`);
  }
}

/** The Trino the global setup started (or TRINO_URL named). */
export function trinoUrl(): string {
  const url = process.env.TRINO_URL;
  if (!url) throw new Error('TRINO_URL is not set: run the Trino tests through jest (npm test -- --selectProjects trino), whose global setup starts Trino');
  return url;
}

let client: Trino | undefined;

/** Runs one statement on the `hive` catalog (session in UTC, like Athena) and collects every page of its result. */
export async function trinoQuery(sql: string, schema?: string): Promise<TrinoResult> {
  client ??= Trino.create({ server: trinoUrl(), catalog: 'hive', source: 'sfc-rpt-tests', extraHeaders: { 'X-Trino-Time-Zone': 'UTC' } });
  const result: TrinoResult = { columns: [], rows: [] };
  for await (const page of await client.query({ query: sql, user: 'sfc-test', ...(schema ? { schema } : {}) })) {
    if (page.error) throw new TrinoQueryError(page.error.errorName, page.error.message, sql);
    if (page.columns && result.columns.length === 0) result.columns = page.columns.map((c) => ({ name: c.name, type: c.type }));
    for (const row of page.data ?? []) result.rows.push(row);
  }
  return result;
}

/** Rows as objects keyed by column name. */
export const rowObjects = (r: TrinoResult): Record<string, unknown>[] =>
  r.rows.map((row) => Object.fromEntries(r.columns.map((c, i) => [c.name, row[i]])));
