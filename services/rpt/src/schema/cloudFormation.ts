import { KPI_COLUMNS, KPI_QUERIES } from '../kpis/kpiQueries.js';
import { athenaDialect } from '../sql/Dialect.js';
import { lakeRelations, rejectsSql, type WindowBounds } from '../sql/lakeRelations.js';
import { ALIASES } from '../report/runKpis.js';
import { LAKE_TABLES, type LakeTable } from './lakeTables.js';
import { glueColumns } from './typeNames.js';

/** The lake bucket's name, imported from the txn stack named by the LakeStack parameter (resources/lake.yml). */
const LAKE_BUCKET = { 'Fn::ImportValue': { 'Fn::Sub': '${LakeStack}-LakeBucketName' } };

/** Logical id of a lake table's AWS::Glue::Table. */
const logicalId = (t: LakeTable) => `${t.name.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('')}Table`;

// Partition projection: Athena computes partitions from these ranges, so no crawler and no MSCK.
const PROJECTION: Record<string, Record<string, string>> = {
  dt: { type: 'date', format: 'yyyy-MM-dd', range: '2024-01-01,NOW', interval: '1', 'interval.unit': 'DAYS' },
  hour: { type: 'integer', range: '0,23', digits: '2' },
};

function glueTable(t: LakeTable): Record<string, unknown> {
  const template = t.partitions.map((p) => `${p}=\${${p}}`).join('/');
  const parameters: Record<string, unknown> = {
    classification: 'json',
    'projection.enabled': 'true',
    'storage.location.template': { 'Fn::Join': ['', ['s3://', LAKE_BUCKET, `/${t.prefix}${template}/`]] },
  };
  for (const p of t.partitions) for (const [k, v] of Object.entries(PROJECTION[p] ?? {})) parameters[`projection.${p}.${k}`] = v;
  return {
    Type: 'AWS::Glue::Table',
    Properties: {
      CatalogId: { Ref: 'AWS::AccountId' },
      DatabaseName: { Ref: 'LakeDatabase' },
      TableInput: {
        Name: t.name,
        Description: `Generated from the shared zod schema by services/rpt/scripts/generate-resources.ts; do not edit.`,
        TableType: 'EXTERNAL_TABLE',
        Parameters: parameters,
        PartitionKeys: t.partitions.map((p) => ({ Name: p, Type: 'string' })),
        StorageDescriptor: {
          Columns: glueColumns(t.columns),
          Location: { 'Fn::Join': ['', ['s3://', LAKE_BUCKET, `/${t.prefix}`]] },
          InputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
          OutputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
          // ignore.malformed.json: a truncated line reads as NULLs, which the report counts and skips.
          // use.null.for.invalid.data: a value of the wrong JSON shape (a string where the fd object
          // belongs) reads as NULL, as in DuckDB, so the generated validation rejects that record
          // instead of the whole query failing. Open-source Trino has no such setting (README).
          SerdeInfo: {
            SerializationLibrary: 'org.openx.data.jsonserde.JsonSerDe',
            Parameters: { 'ignore.malformed.json': 'true', 'use.null.for.invalid.data': 'true' },
          },
        },
      },
    },
  };
}

/** Named queries cover the last 24 hours, relative to when they run. */
const LAST_DAY: WindowBounds = {
  fromDay: `date_format(current_timestamp - interval '1' day, '%Y-%m-%d')`,
  toDay: `date_format(current_timestamp, '%Y-%m-%d')`,
  fromTs: `CAST(current_timestamp - interval '1' day AS timestamp)`,
  toTs: `CAST(current_timestamp AS timestamp)`,
};

/** The full Athena statement of a KPI, as the named query stores it. */
export function namedQuerySql(sql: string, database: string): string {
  const relations = ALIASES.flatMap(([alias, table]) => lakeRelations(alias, table, `"${database}"."${table.name}"`, athenaDialect, LAST_DAY, KPI_COLUMNS[alias]));
  return `WITH ${relations.map((r) => `${r.name} AS (\n${r.sql}\n)`).join(',\n')}\n${sql}`;
}

function namedQuery(id: string, title: string, sql: string): Record<string, unknown> {
  return {
    Type: 'AWS::Athena::NamedQuery',
    Properties: {
      Name: `sfc-${id}`,
      Description: `${title} (last 24 hours)`,
      Database: { Ref: 'LakeDatabase' },
      WorkGroup: { Ref: 'ReportsWorkGroup' },
      QueryString: { 'Fn::Sub': [namedQuerySql(sql, '${Db}'), { Db: { Ref: 'LakeDatabase' } }] },
    },
    // The queries read the tables; the Refs above already order them after the database and workgroup.
    DependsOn: LAKE_TABLES.map(logicalId),
  };
}

/** CloudFormation `Resources` for the lake tables and the KPI named queries, generated from code. */
export function generatedResources(): { Resources: Record<string, unknown> } {
  const Resources: Record<string, unknown> = {};
  for (const t of LAKE_TABLES) Resources[logicalId(t)] = glueTable(t);
  const camel = (id: string) => id.split('_').map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  for (const q of KPI_QUERIES) Resources[`${camel(q.id)}NamedQuery`] = namedQuery(q.id, q.title, q.sql(athenaDialect));
  for (const [alias] of ALIASES) Resources[`${camel(alias)}RejectsNamedQuery`] = namedQuery(`${alias}_rejects`, `Skipped ${alias} lake data`, rejectsSql(alias, LAST_DAY));
  return { Resources };
}
