import { z } from 'zod';
import { columnsOf, jsonSchemaOf } from '../../src/schema/columns.js';
import { duckType, glueType } from '../../src/schema/typeNames.js';
import { UnsupportedSchemaError } from '../../src/errors.js';

const typesOf = (schema: z.ZodType) => Object.fromEntries(columnsOf(jsonSchemaOf(schema)).map((c) => [c.name, [glueType(c.type), duckType(c.type), c.nullable]]));

describe('Schema: columnsOf', () => {
  it.each([
    ['string', z.string(), 'string', 'VARCHAR'],
    ['enum', z.enum(['a', 'b']), 'string', 'VARCHAR'],
    ['number', z.number(), 'double', 'DOUBLE'],
    ['integer (read as double on both engines so fractions fail validation)', z.number().int(), 'double', 'DOUBLE'],
    ['boolean', z.boolean(), 'boolean', 'BOOLEAN'],
    ['array', z.array(z.string()), 'array<string>', 'VARCHAR[]'],
    ['record', z.record(z.string(), z.number().int()), 'map<string,double>', 'MAP(VARCHAR, DOUBLE)'],
    ['object', z.object({ a: z.string(), b: z.number() }), 'struct<a:string,b:double>', 'STRUCT("a" VARCHAR, "b" DOUBLE)'],
    ['union of strings', z.union([z.ipv4(), z.ipv6()]), 'string', 'VARCHAR'],
  ])('%s', (_name, schema, glue, duck) => {
    expect(typesOf(z.object({ x: schema })).x).toEqual([glue, duck, false]);
  });

  it('nullable and optional fields become nullable columns', () => {
    const t = typesOf(z.object({ a: z.string().nullable(), b: z.number().optional(), c: z.object({ k: z.string() }).nullable() }));
    expect(t).toEqual({ a: ['string', 'VARCHAR', true], b: ['double', 'DOUBLE', true], c: ['struct<k:string>', 'STRUCT("k" VARCHAR)', true] });
  });

  it('refuses unions whose members need different column types', () => {
    expect(() => columnsOf(jsonSchemaOf(z.object({ x: z.union([z.string(), z.number()]) })))).toThrow(UnsupportedSchemaError);
  });
});
