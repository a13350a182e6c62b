import type { Column, ColumnType } from './columns.js';

/** Hive/Glue type string (`struct<a:string>`), as the Glue table and Athena DDL spell it. */
export function glueType(t: ColumnType): string {
  switch (t.kind) {
    case 'array': return `array<${glueType(t.of)}>`;
    case 'map': return `map<string,${glueType(t.value)}>`;
    case 'struct': return `struct<${t.fields.map((f) => `${f.name}:${glueType(f.type)}`).join(',')}>`;
    // Integers are declared double, as DuckDB reads them: the JSON SerDe truncates 1.7 to 1 in a bigint
    // column, which validation could then never reject. Every valid value (a safe integer) is exact in a double.
    case 'bigint': return 'double';
    default: return t.kind;
  }
}

/** DuckDB type string (`STRUCT("a" VARCHAR)`), for read_json's explicit columns. */
export function duckType(t: ColumnType): string {
  switch (t.kind) {
    case 'string': return 'VARCHAR';
    case 'double': return 'DOUBLE';
    // Read integers as DOUBLE: a BIGINT column would silently round 1.7 to 2, and validation must see it.
    case 'bigint': return 'DOUBLE';
    case 'boolean': return 'BOOLEAN';
    case 'array': return `${duckType(t.of)}[]`;
    case 'map': return `MAP(VARCHAR, ${duckType(t.value)})`;
    case 'struct': return `STRUCT(${t.fields.map((f) => `"${f.name}" ${duckType(f.type)}`).join(', ')})`;
  }
}

/** Glue `Columns` entries of a table. */
export function glueColumns(columns: Column[]): { Name: string; Type: string }[] {
  return columns.map((c) => ({ Name: c.name, Type: glueType(c.type) }));
}
