import { readFile } from 'node:fs/promises';
import { generatedResources } from '../../src/schema/cloudFormation.js';
import { TRANSACTIONS } from '../../src/schema/lakeTables.js';
import { glueType } from '../../src/schema/typeNames.js';

// Every generated statement (named queries) and the seed's query run on a real Trino engine: test/trino/.

describe('Generated Glue/Athena resources', () => {
  it('the committed resources/generated/lake-resources.json is up to date (npm run generate -w @sfc/rpt)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../resources/generated/lake-resources.json', import.meta.url), 'utf8'));
    expect(committed).toEqual(generatedResources());
  });

  it('maps the LakeTransaction schema to Hive/Glue column types, personal values as tokens', () => {
    const type = (name: string) => glueType(TRANSACTIONS.columns.find((c) => c.name === name)!.type);
    expect(TRANSACTIONS.columns.map((c) => c.name)).toHaveLength(31);
    expect(TRANSACTIONS.columns.filter((c) => c.name.endsWith('_token')).map((c) => c.name)).toEqual(['customer_name_token', 'email_address_token', 'phone_token', 'billing_street_token', 'ip_address_token']);
    // raw columns exist (LAKE_PII=raw) but are never required
    expect(TRANSACTIONS.columns.find((c) => c.name === 'email_address')!.nullable).toBe(true);
    expect(type('transaction_amt')).toBe('double');
    // Integers as double: a bigint column would read a fractional score as an integer (see typeNames.ts).
    expect(type('card_bin')).toBe('double');
    expect(type('event_time')).toBe('string');
    expect(type('fd')).toBe('struct<outcome:string,score:double,model_version:string,reasons:array<string>,ttdf_ms:double,proc_time_ms:double,model_time_ms:double,rules:array<struct<rule_id:string,rule_version:string,outcomes:array<string>>>,outcomes:array<string>,detector_version:string>');
  });

  it('declares partition projection on dt and hour over processed/, read with the OpenX JSON SerDe', () => {
    const table = generatedResources().Resources.TransactionsTable as any;
    const input = table.Properties.TableInput;
    expect(input.PartitionKeys).toEqual([{ Name: 'dt', Type: 'string' }, { Name: 'hour', Type: 'string' }]);
    expect(input.Parameters['projection.enabled']).toBe('true');
    expect(input.Parameters['projection.dt.format']).toBe('yyyy-MM-dd');
    expect(input.Parameters['projection.hour.digits']).toBe('2');
    expect(input.Parameters['storage.location.template']['Fn::Join'][1][2]).toBe('/processed/dt=${dt}/hour=${hour}/');
    expect(input.StorageDescriptor.SerdeInfo.SerializationLibrary).toBe('org.openx.data.jsonserde.JsonSerDe');
    // bad lines and wrong-shaped values read as NULLs, which the generated validation reports and skips
    expect(input.StorageDescriptor.SerdeInfo.Parameters).toEqual({ 'ignore.malformed.json': 'true', 'use.null.for.invalid.data': 'true' });
  });
});
