import { mkdirSync, readFileSync } from 'node:fs';
import { trinoQuery } from './trino.js';

/** The committed CloudFormation resources that create the Glue tables and the named queries. */
export const GENERATED = JSON.parse(readFileSync(new URL('../../../resources/generated/lake-resources.json', import.meta.url), 'utf8')) as {
  Resources: Record<string, { Type: string; Properties: Record<string, any> }>;
};

/** Trino type of a Hive/Glue type string: `struct<a:string,b:array<bigint>>` is `ROW("a" varchar, "b" ARRAY(bigint))`. */
export function trinoType(hive: string): string {
  const tokens = hive.match(/[A-Za-z_][A-Za-z0-9_]*|[<>,:]/g) ?? [];
  let at = 0;
  const next = () => tokens[at++] ?? '';
  const expect = (t: string) => { if (next() !== t) throw new Error(`bad Hive type ${hive}: expected ${t} at token ${at}`); };
  const parse = (): string => {
    const name = next().toLowerCase();
    if (name === 'array') { expect('<'); const of = parse(); expect('>'); return `ARRAY(${of})`; }
    if (name === 'map') { expect('<'); const k = parse(); expect(','); const v = parse(); expect('>'); return `MAP(${k}, ${v})`; }
    if (name === 'struct') {
      expect('<');
      const fields: string[] = [];
      let sep: string;
      do { const f = next(); expect(':'); fields.push(`"${f}" ${parse()}`); sep = next(); } while (sep === ',');
      if (sep !== '>') throw new Error(`bad Hive type ${hive}: expected > at token ${at}`);
      return `ROW(${fields.join(', ')})`;
    }
    if (name === 'string') return 'varchar';
    if (['double', 'bigint', 'boolean', 'int', 'float', 'date', 'timestamp'].includes(name)) return name === 'int' ? 'integer' : name === 'float' ? 'real' : name;
    throw new Error(`unsupported Hive type ${name} in ${hive}`);
  };
  const t = parse();
  if (at !== tokens.length) throw new Error(`bad Hive type ${hive}: trailing tokens`);
  return t;
}

/** Glue SerDe -> the Trino Hive connector's storage format. */
const FORMATS: Record<string, string> = { 'org.openx.data.jsonserde.JsonSerDe': 'OPENX_JSON' };

/** The key prefix of a Glue table's location (`s3://<lake>/processed/` -> `processed/`). */
function prefixOf(location: { 'Fn::Join': [string, unknown[]] }): string {
  const parts = location['Fn::Join'][1];
  return String(parts[parts.length - 1]).replace(/^\//, '');
}

/**
 * Creates every Glue table of the generated resources in `schema` on Trino, over the local lake
 * folder: the same columns, partition keys, SerDe (as OPENX_JSON) and SerDe parameters. The one
 * difference: Trino's Hive connector has no partition projection, so the partitions found in the
 * lake are registered (sync_partition_metadata, like MSCK REPAIR) instead. The DDL cannot set SerDe
 * parameters; they go in as table parameters (extra_properties), which Trino's reader merges into
 * the same settings (`ignore.malformed.json` works the same either way).
 */
export async function createLakeTables(schema: string, lakeDir: string): Promise<string[]> {
  await trinoQuery(`CREATE SCHEMA IF NOT EXISTS hive."${schema}"`);
  const names: string[] = [];
  for (const resource of Object.values(GENERATED.Resources).filter((r) => r.Type === 'AWS::Glue::Table')) {
    const input = resource.Properties.TableInput;
    const sd = input.StorageDescriptor;
    const format = FORMATS[sd.SerdeInfo.SerializationLibrary];
    if (!format) throw new Error(`no Trino format for SerDe ${sd.SerdeInfo.SerializationLibrary}`);
    // An S3 prefix exists with no objects under it; a local folder must be made.
    const location = `${lakeDir}/${prefixOf(sd.Location)}`;
    mkdirSync(location, { recursive: true });
    const columns = [...sd.Columns, ...input.PartitionKeys].map((c: { Name: string; Type: string }) => `"${c.Name}" ${trinoType(c.Type)}`);
    const serde = Object.entries(sd.SerdeInfo.Parameters ?? {});
    const props = [
      `format = '${format}'`,
      `external_location = 'local://${location}'`,
      `partitioned_by = ARRAY[${input.PartitionKeys.map((k: { Name: string }) => `'${k.Name}'`).join(', ')}]`,
      ...(serde.length ? [`extra_properties = MAP(ARRAY[${serde.map(([k]) => `'${k}'`).join(', ')}], ARRAY[${serde.map(([, v]) => `'${String(v)}'`).join(', ')}])`] : []),
    ];
    await trinoQuery(`CREATE TABLE hive."${schema}"."${input.Name}" (\n  ${columns.join(',\n  ')}\n) WITH (${props.join(', ')})`);
    await trinoQuery(`CALL hive.system.sync_partition_metadata('${schema}', '${input.Name}', 'FULL')`);
    names.push(input.Name);
  }
  return names;
}

/** Registers partitions added to the lake since the tables were created (projection would see them at once). */
export async function syncPartitions(schema: string, tables: string[]): Promise<void> {
  for (const t of tables) await trinoQuery(`CALL hive.system.sync_partition_metadata('${schema}', '${t}', 'FULL')`);
}

/** A schema name of its own for each test file, so files running in parallel never share tables. */
export const testSchema = (name: string) => `${name}_${process.pid}_${Date.now().toString(36)}`;
