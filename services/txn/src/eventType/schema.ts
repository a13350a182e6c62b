import { z } from 'zod';
import { DATA_TYPES, TYPE_TRAITS, VARIABLE_TYPES } from './variableTypes.js';

export const EventVariableSchema = z.object({
  /** The variable's name (AFD: lower case letters, digits and underscores). */
  name: z.string().regex(/^[A-Za-z_][A-Za-z0-9_]*$/, 'letters, digits and underscores, not starting with a digit').max(64),
  /** The CSV column holding it, when it differs from the name (a team's own spelling). */
  column: z.string().min(1).optional(),
  variableType: z.enum(VARIABLE_TYPES),
  dataType: z.enum(DATA_TYPES).optional(),
  /** Rows without a value are skipped (and counted); by default a variable is optional. */
  required: z.boolean().default(false),
});

export const LabelMapperSchema = z.object({
  FRAUD: z.array(z.string().min(1)).min(1),
  LEGIT: z.array(z.string().min(1)),
});

export const DEFAULT_LABEL_MAPPER = { FRAUD: ['fraud', '1', 'true', 'yes'], LEGIT: ['legit', '0', 'false', 'no'] };

/** AFD's `{ "name": "VARIABLE_TYPE" }` shorthand and `entityTypes: [...]` are accepted too. */
function normalise(input: unknown): unknown {
  if (input === null || typeof input !== 'object') return input;
  const o = { ...(input as Record<string, unknown>) };
  if (o.variables && !Array.isArray(o.variables) && typeof o.variables === 'object') {
    o.variables = Object.entries(o.variables as Record<string, unknown>).map(([name, t]) => (typeof t === 'string' ? { name, variableType: t } : { name, ...(t as object) }));
  }
  if (o.entityType === undefined && Array.isArray(o.entityTypes) && typeof o.entityTypes[0] === 'string') o.entityType = o.entityTypes[0];
  delete o.entityTypes;
  return o;
}

/**
 * An event type as Amazon Fraud Detector describes one: its variables with their variable types, the
 * entity type and which EVENT_LABEL values mean fraud. Training and scoring take one (a JSON file, or
 * inferred from the CSV); the model directory keeps it as `event_type.json`.
 */
export const EventTypeSchema = z.preprocess(normalise, z.object({
  name: z.string().min(1).default('transaction'),
  entityType: z.string().min(1).default('customer'),
  variables: z.array(EventVariableSchema).min(1).superRefine((vars, ctx) => {
    const seen = new Set<string>();
    vars.forEach((v, i) => {
      if (seen.has(v.name)) ctx.addIssue({ code: 'custom', path: [i, 'name'], message: `variable ${v.name} is declared twice` });
      seen.add(v.name);
    });
  }),
  labelMapper: LabelMapperSchema.default(DEFAULT_LABEL_MAPPER),
}));

export type EventVariable = z.infer<typeof EventVariableSchema>;
export type EventType = z.infer<typeof EventTypeSchema>;

/** The CSV column of a variable. */
export const columnOf = (v: EventVariable): string => v.column ?? v.name;

/** The event type as a table for the console: variable, column, type, required. */
export function describeEventType(et: EventType, notes: Record<string, string> = {}): string {
  const rows = et.variables.map((v) => [v.name, columnOf(v) === v.name ? '' : columnOf(v), v.variableType, v.required ? 'required' : 'optional', TYPE_TRAITS[v.variableType].role === 'ignore' ? 'not a feature' : 'feature', notes[v.name] ?? '']);
  const head = ['variable', 'column', 'type', 'presence', 'use', 'why'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  return [`event type ${et.name} (entity type ${et.entityType}; fraud labels: ${et.labelMapper.FRAUD.join(', ')})`, line(head), ...rows.map(line)].join('\n');
}
