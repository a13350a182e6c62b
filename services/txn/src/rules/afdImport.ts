import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError, OUTCOMES, type Outcome } from '@sfc/shared';
import { AFD_VARIABLES } from '../afd/variables.js';
import { TYPE_TRAITS, VARIABLE_TYPES, type VariableType } from '../eventType/variableTypes.js';
import { LIST_NAME, normaliserFor } from '../lists/normalise.js';
import type { DetectorVersionBody } from './detectorVersion.js';
import { RULE_EXECUTION_MODES } from './detectorFile.js';
import { tokenize } from './tokens.js';

// What `aws frauddetector <command>` prints (AFD's documented response shapes; fields we do not use are allowed).
const GetDetectorVersion = z.object({
  detectorId: z.string(), detectorVersionId: z.string(), description: z.string().optional(),
  externalModelEndpoints: z.array(z.string()).default([]),
  modelVersions: z.array(z.object({ modelId: z.string(), modelType: z.string().optional(), modelVersionNumber: z.string().optional() })).default([]),
  rules: z.array(z.object({ detectorId: z.string().optional(), ruleId: z.string(), ruleVersion: z.string() })).default([]),
  status: z.enum(['DRAFT', 'ACTIVE', 'INACTIVE']).optional(),
  ruleExecutionMode: z.enum(RULE_EXECUTION_MODES).default('FIRST_MATCHED'),
});
const GetRules = z.object({ ruleDetails: z.array(z.object({
  ruleId: z.string(), ruleVersion: z.string(), detectorId: z.string().optional(), description: z.string().optional(),
  expression: z.string(), language: z.string().default('DETECTORPL'), outcomes: z.array(z.string()),
})) });
const GetOutcomes = z.object({ outcomes: z.array(z.object({ name: z.string(), description: z.string().optional() })) });
const GetVariables = z.object({ variables: z.array(z.object({
  name: z.string(), dataType: z.string().optional(), dataSource: z.enum(['EVENT', 'MODEL_SCORE', 'EXTERNAL_MODEL_SCORE']).optional(),
  defaultValue: z.string().optional(), variableType: z.string().optional(),
})) });
const GetListElements = z.object({ elements: z.array(z.string()).default([]), nextToken: z.string().optional() });
const GetListsMetadata = z.object({ lists: z.array(z.object({ name: z.string(), description: z.string().optional(), variableType: z.string().optional() })) });

export const AFD_FILES = {
  version: 'get-detector-version.json', rules: 'get-rules.json', outcomes: 'get-outcomes.json', variables: 'get-variables.json',
  listsMetadata: 'get-lists-metadata.json', listsDir: 'lists',
} as const;

export interface ImportedList { name: string; variableType: VariableType; description?: string; elements: string[]; invalid: number }

/** A detector version built from AFD's JSON, the lists it carries, and what could not be carried, by name. */
export interface AfdImport {
  detectorId: string;
  afdVersionId: string;
  body: DetectorVersionBody;
  lists: ImportedList[];
  notCarried: string[];
  /** How each AFD variable and outcome was mapped, for the report. */
  mapped: string[];
}

export interface AfdImportOptions {
  /** `--outcome name=review`: AFD outcome names to ours. */
  outcomes?: Record<string, Outcome>;
  /** `--variable theirs=ours`: AFD event variable names to ours (`$customer_email`, ... services/txn/src/afd/variables.ts). */
  variables?: Record<string, string>;
}

const OURS = new Map<string, VariableType>(Object.values(AFD_VARIABLES).map(([name, type]) => [name, type]));
/** Types that say nothing about which field is meant: mapped only by name. */
const GENERIC: ReadonlySet<string> = new Set(['CATEGORICAL', 'NUMERIC', 'FREE_FORM_TEXT']);
/** Outcome names that say what they mean, by word (`fraud_deny` -> block, `verify_customer` -> review). */
const WORDS: Record<Outcome, string[]> = {
  block: ['block', 'deny', 'reject', 'decline', 'fraud'], review: ['review', 'investigate', 'verify', 'challenge', 'manual'], approve: ['approve', 'accept', 'allow', 'pass', 'legit'],
};

function read<T>(dir: string, file: string, schema: z.ZodType<T>, optional = false): T | undefined {
  const path = join(dir, file);
  if (!existsSync(path)) {
    if (optional) return undefined;
    throw new ConfigError(path, `missing: save the output of \`aws frauddetector ${file.replace(/\.json$/, '')} ...\` there`);
  }
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(path, 'utf8')); } catch (err) { throw new ConfigError(path, `not JSON: ${(err as Error).message}`); }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ConfigError(path, `${parsed.error.issues[0]!.path.join('.') || '(top level)'}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

export function outcomeByName(name: string): Outcome | undefined {
  if ((OUTCOMES as readonly string[]).includes(name)) return name as Outcome;
  const words = name.toLowerCase().split(/[_-]+/);
  const hits = OUTCOMES.filter((o) => WORDS[o].some((w) => words.includes(w)));
  return hits.length === 1 ? hits[0] : undefined;
}

/** Reads a directory of AFD's JSON (services/txn/README.md, "Rules and lists": import from AFD) and maps it onto a detector version here. */
export function readAfdExport(dir: string, options: AfdImportOptions = {}): AfdImport {
  const version = read(dir, AFD_FILES.version, GetDetectorVersion)!;
  const ruleDetails = read(dir, AFD_FILES.rules, GetRules)!.ruleDetails;
  const afdOutcomes = read(dir, AFD_FILES.outcomes, GetOutcomes, true)?.outcomes ?? [];
  const variables = read(dir, AFD_FILES.variables, GetVariables)!.variables;
  const listsMeta = read(dir, AFD_FILES.listsMetadata, GetListsMetadata, true)?.lists ?? [];
  const notCarried: string[] = [];
  const mapped: string[] = [];

  for (const e of version.externalModelEndpoints) notCarried.push(`external model endpoint ${e}: SageMaker endpoints are not called here`);
  const [model, ...otherModels] = version.modelVersions;
  const modelId = (model?.modelId ?? 'txn_model').replace(/[^0-9a-z_]/g, '_');
  if (model) mapped.push(`model ${model.modelId} ${model.modelType ?? ''} ${model.modelVersionNumber ?? ''}`.replace(/\s+/g, ' ').trim() + ` -> this service's model (FRAUD_MODEL_DIR); $${model.modelId}_insightscore is its score`);
  for (const m of otherModels) notCarried.push(`model ${m.modelId} version ${m.modelVersionNumber ?? '?'}: one model scores here; rules using $${m.modelId}_insightscore are not carried`);

  // AFD variable name -> the name rules use here (undefined: no field here).
  const rename = new Map<string, string>();
  const defaults: Record<string, { defaultValue: string | number }> = {};
  const unmapped = new Map<string, string>();
  rename.set(`${modelId}_insightscore`, `${modelId}_insightscore`);
  rename.set('insightscore', 'insightscore');
  for (const v of variables) {
    if (v.dataSource === 'MODEL_SCORE') {
      if (model && v.name === `${model.modelId}_insightscore`) rename.set(v.name, `${modelId}_insightscore`);
      else unmapped.set(v.name, 'the score of a model this detector version does not name');
      continue;
    }
    if (v.dataSource === 'EXTERNAL_MODEL_SCORE') { unmapped.set(v.name, 'an external (SageMaker) model\'s score'); continue; }
    const explicit = options.variables?.[v.name];
    const sameType = v.variableType && !GENERIC.has(v.variableType) ? [...OURS].filter(([, t]) => t === v.variableType).map(([n]) => n) : [];
    const ours = explicit ?? (OURS.has(v.name) ? v.name : sameType.length === 1 ? sameType[0] : undefined);
    if (explicit && !OURS.has(explicit)) throw new ConfigError(`--variable ${v.name}=${explicit}`, `${explicit} is not a variable here (one of: ${[...OURS.keys()].join(', ')})`);
    if (!ours) { unmapped.set(v.name, `an event variable (${v.variableType ?? 'no type'}) with no field here; map it with --variable ${v.name}=<ours>`); continue; }
    rename.set(v.name, ours);
    if (ours !== v.name) mapped.push(`variable $${v.name} -> $${ours}${explicit ? '' : ` (by type ${v.variableType})`}`);
    if (v.defaultValue !== undefined && v.defaultValue !== '') {
      const numeric = TYPE_TRAITS[OURS.get(ours)!].dataType !== 'STRING';
      const d = numeric ? Number(v.defaultValue) : v.defaultValue;
      if (numeric && !Number.isFinite(d)) notCarried.push(`default value of $${v.name}: ${JSON.stringify(v.defaultValue)} is not a number; 0 is used`);
      else defaults[ours] = { defaultValue: d };
    }
  }

  const rules: DetectorVersionBody['rules'] = [];
  for (const ref of version.rules) {
    const r = ruleDetails.find((d) => d.ruleId === ref.ruleId && d.ruleVersion === ref.ruleVersion);
    if (!r) { notCarried.push(`rule ${ref.ruleId} version ${ref.ruleVersion}: not in ${AFD_FILES.rules}`); continue; }
    if (r.language !== 'DETECTORPL') { notCarried.push(`rule ${r.ruleId}: language ${r.language} (only DETECTORPL)`); continue; }
    let tokens;
    try { tokens = tokenize(r.expression); } catch (err) { notCarried.push(`rule ${r.ruleId}: ${(err as Error).message}`); continue; }
    const missing = tokens.filter((t) => t.kind === 'variable' && !rename.has(t.text)).map((t) => t.text);
    if (missing.length > 0) {
      notCarried.push(`rule ${r.ruleId}: ${[...new Set(missing)].map((m) => `$${m} (${unmapped.get(m) ?? 'not in get-variables.json'})`).join(', ')}`);
      continue;
    }
    let expression = r.expression;
    for (const t of [...tokens].reverse()) {
      if (t.kind === 'variable') expression = `${expression.slice(0, t.at)}$${rename.get(t.text)}${expression.slice(t.at + 1 + t.text.length)}`;
    }
    rules.push({ ruleId: r.ruleId, ruleVersion: r.ruleVersion, expression, language: 'DETECTORPL', outcomes: r.outcomes, ...(r.description ? { description: r.description } : {}) });
  }

  const used = [...new Set(rules.flatMap((r) => r.outcomes))];
  const outcomes: Record<string, Outcome> = {};
  const unknown: string[] = [];
  for (const name of used) {
    const o = options.outcomes?.[name] ?? outcomeByName(name);
    if (!o) { unknown.push(name); continue; }
    outcomes[name] = o;
    if (o !== name) mapped.push(`outcome ${name} -> ${o}${options.outcomes?.[name] ? '' : ' (by name)'}`);
  }
  if (unknown.length > 0) {
    const described = unknown.map((n) => { const d = afdOutcomes.find((o) => o.name === n)?.description; return d ? `${n} ("${d}")` : n; });
    throw new ConfigError('--outcome', `AFD outcomes ${described.join(', ')} do not say approve, review or block: map each, e.g. --outcome ${unknown[0]}=review`);
  }

  const lists: ImportedList[] = [];
  const listsDir = join(dir, AFD_FILES.listsDir);
  const listFiles = existsSync(listsDir) ? readdirSync(listsDir).filter((f) => f.endsWith('.json')).sort() : [];
  for (const file of listFiles) {
    const name = file.slice(0, -5);
    if (!LIST_NAME.test(name)) { notCarried.push(`list ${name}: not a list name (AFD's pattern)`); continue; }
    const meta = listsMeta.find((l) => l.name === name);
    // Without get-lists-metadata, the type of the variable a rule tests against the list.
    const tested = rules.map((r) => new RegExp(`\\$(\\w+)\\s+(?:not\\s+)?in\\s+@${name}\\b`).exec(r.expression)?.[1]).find((v) => v !== undefined);
    const type = meta?.variableType ?? (tested ? OURS.get(tested) : undefined);
    if (!type || !(VARIABLE_TYPES as readonly string[]).includes(type)) { notCarried.push(`list ${name}: no variable type (add ${AFD_FILES.listsMetadata})`); continue; }
    const { elements } = read(listsDir, file, GetListElements)!;
    const normalise = normaliserFor(type as VariableType);
    const clean = elements.map((e) => normalise(e));
    const invalid = clean.filter((e) => e === undefined).length;
    if (invalid > 0) notCarried.push(`list ${name}: ${invalid} of ${elements.length} elements are not valid ${type} values`);
    lists.push({ name, variableType: type as VariableType, ...(meta?.description ? { description: meta.description } : {}), elements: [...new Set(clean.filter((e): e is string => e !== undefined))], invalid });
  }

  return {
    detectorId: version.detectorId, afdVersionId: version.detectorVersionId, notCarried, mapped, lists,
    body: {
      detectorId: version.detectorId, modelId, ruleExecutionMode: version.ruleExecutionMode, outcomes, variables: defaults, rules,
      model: {}, source: `AFD detector ${version.detectorId} version ${version.detectorVersionId} (${version.status ?? 'status unknown'})`,
      ...(version.description ? { description: version.description } : {}),
    },
  };
}
