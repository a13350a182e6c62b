import type { z } from 'zod';
import { SchemaError } from '../errors.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: SchemaError };

/** Validates `input` against `schema`; on failure the error names the first offending field. */
export function parseWith<S extends z.ZodType>(name: string, schema: S, input: unknown): Parsed<z.infer<S>> {
  const result = schema.safeParse(input);
  if (result.success) return { ok: true, value: result.data };
  const issue = result.error.issues[0];
  const field = issue && issue.path.length > 0 ? issue.path.join('.') : '(record)';
  return { ok: false, error: new SchemaError(name, field, issue?.message ?? 'invalid', result.error.issues.length) };
}

/** Like parseWith but throws the SchemaError. */
export function parseOrThrow<S extends z.ZodType>(name: string, schema: S, input: unknown): z.infer<S> {
  const parsed = parseWith(name, schema, input);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}
