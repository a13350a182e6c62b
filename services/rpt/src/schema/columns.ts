import { z } from 'zod';
import { UnsupportedSchemaError } from '../errors.js';

/** The subset of JSON Schema that z.toJSONSchema emits for our record schemas. */
export interface JsonSchema {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  additionalProperties?: JsonSchema | boolean;
  anyOf?: JsonSchema[];
  /** Constraints that must all hold (zod puts a string's second pattern here). */
  allOf?: JsonSchema[];
  enum?: (string | number)[];
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
}

export type ColumnType =
  | { kind: 'string' | 'double' | 'bigint' | 'boolean' }
  | { kind: 'array'; of: ColumnType }
  | { kind: 'map'; value: ColumnType }
  | { kind: 'struct'; fields: Column[] };

/** One column (or struct field) with the constraints it must satisfy. */
export interface Column {
  name: string;
  type: ColumnType;
  nullable: boolean;
  /** Constraint nodes from the JSON schema (more than one when a value may match any of several). */
  rules: JsonSchema[];
}

/** JSON Schema of a zod schema as it is parsed on input (what the lake holds). */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'throw' }) as JsonSchema;
}

function typeOf(node: JsonSchema, path: string): { type: ColumnType; nullable: boolean; rules: JsonSchema[] } {
  if (node.anyOf) {
    const nonNull = node.anyOf.filter((n) => n.type !== 'null');
    const nullable = nonNull.length < node.anyOf.length;
    const types = nonNull.map((n) => typeOf(n, path));
    const first = types[0];
    if (!first || types.some((t) => JSON.stringify(t.type) !== JSON.stringify(first.type))) {
      throw new UnsupportedSchemaError(path, 'anyOf members must share one column type');
    }
    return { type: first.type, nullable, rules: types.flatMap((t) => t.rules) };
  }
  const declared = Array.isArray(node.type) ? node.type : [node.type];
  const nullable = declared.includes('null');
  const kinds = declared.filter((t) => t !== 'null');
  if (kinds.length > 1) throw new UnsupportedSchemaError(path, `one column cannot hold ${kinds.join(' or ')}`);
  const kind = kinds[0];
  switch (kind) {
    case 'string': return { type: { kind: 'string' }, nullable, rules: [node] };
    case 'number': return { type: { kind: 'double' }, nullable, rules: [node] };
    case 'integer': return { type: { kind: 'bigint' }, nullable, rules: [node] };
    case 'boolean': return { type: { kind: 'boolean' }, nullable, rules: [node] };
    case 'array':
      if (!node.items) throw new UnsupportedSchemaError(path, 'array without items');
      return { type: { kind: 'array', of: typeOf(node.items, `${path}[]`).type }, nullable, rules: [] };
    case 'object':
      if (node.properties) return { type: { kind: 'struct', fields: columnsOf(node, path) }, nullable, rules: [] };
      if (typeof node.additionalProperties === 'object') {
        return { type: { kind: 'map', value: typeOf(node.additionalProperties, `${path}{}`).type }, nullable, rules: [] };
      }
      throw new UnsupportedSchemaError(path, 'object without properties');
    default:
      throw new UnsupportedSchemaError(path, `unsupported type ${String(kind)}`);
  }
}

/** Columns of an object schema, in declaration order; fields not in `required` are nullable. */
export function columnsOf(node: JsonSchema, path = ''): Column[] {
  const required = new Set(node.required ?? []);
  return Object.entries(node.properties ?? {}).map(([name, child]) => {
    const t = typeOf(child, path ? `${path}.${name}` : name);
    return { name, type: t.type, nullable: t.nullable || !required.has(name), rules: t.rules };
  });
}
