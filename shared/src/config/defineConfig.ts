import type { z } from 'zod';
import { ConfigError } from '../errors.js';

/** One environment variable: how to parse it, its default (omit for required), and what it means. */
export interface VariableSpec<S extends z.ZodType = z.ZodType> {
  schema: S;
  default?: string;
  doc: string;
}

export type ConfigSpec = Record<string, VariableSpec>;
export type ConfigOf<C extends ConfigSpec> = { [K in keyof C]: z.infer<C[K]['schema']> };

/**
 * Reads every variable of `spec` from `env`, applying defaults; the first missing or invalid one
 * throws a ConfigError that names it.
 */
export function loadConfig<C extends ConfigSpec>(spec: C, env: NodeJS.ProcessEnv = process.env): ConfigOf<C> {
  const out: Record<string, unknown> = {};
  for (const [name, variable] of Object.entries(spec)) {
    const raw = env[name] === undefined || env[name] === '' ? variable.default : env[name];
    if (raw === undefined) throw new ConfigError(name, `is required (${variable.doc})`);
    const parsed = variable.schema.safeParse(raw);
    if (!parsed.success) {
      throw new ConfigError(name, `invalid value ${JSON.stringify(raw)}: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
    }
    out[name] = parsed.data;
  }
  return out as ConfigOf<C>;
}

/** Markdown table rows of a spec, for the README. */
export function describeConfig(spec: ConfigSpec): string[] {
  return Object.entries(spec).map(
    ([name, v]) => `| \`${name}\` | ${v.default === undefined ? '(required)' : v.default === '' ? '(empty)' : `\`${v.default}\``} | ${v.doc} |`,
  );
}
