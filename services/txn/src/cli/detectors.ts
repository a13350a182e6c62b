// npm run detectors -- import <dir> [--outcome <afd_outcome>=approve|review|block]... [--variable <afd_var>=<ours>]...
//                      list | show <detector> [version]
//                      create-version <detector> --file <version.json> | --from <version>
//                      update-version <detector> <version> --file <version.json>      (DRAFT only)
//                      activate <detector> <version> | deactivate <detector> | rollback <detector>
//                      shadow <detector> <version> | unshadow <detector>
//                      backtest <detector> <version> [--rule <ruleId>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]
// Versions live where `score` reads them (DATA_DIR/detectors); lists go to the lists store (LISTS_STORE).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ConfigError, OUTCOMES, type Outcome } from '@sfc/shared';
import { loadTxnConfig, type TxnConfig } from '../config.js';
import { detectorStoreFrom, listStoreFrom, modelLibraryFrom, versionDetector } from '../deps/scoreDeps.js';
import type { ModelLibrary } from '../scoring/ModelLibrary.js';
import { OnnxModel } from '../scoring/OnnxModel.js';
import type { ListStore } from '../lists/ListStore.js';
import { resolveModelDir } from '../modelDir.js';
import { readAfdExport } from '../rules/afdImport.js';
import type { DetectorStore } from '../rules/DetectorStore.js';
import { DetectorVersionBodySchema, versionLabel, type DetectorVersion, type DetectorVersionBody } from '../rules/detectorVersion.js';
import { UsageError } from './lists.js';
import { backtestCommand, backtestEnvFrom, type BacktestEnv } from '../backtest/command.js';

const USAGE = 'usage: npm run detectors -- import <dir> [--outcome name=review]... [--variable theirs=ours]... | list | show <detector> [version] | create-version <detector> --file <json> | --from <version> | update-version <detector> <version> --file <json> | activate <detector> <version> | deactivate <detector> | rollback <detector> | shadow <detector> <version> | unshadow <detector> | backtest <detector> <version> [--rule <ruleId>] [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--json]';

export interface DetectorsEnv {
  store: DetectorStore;
  lists: ListStore;
  /** Compiles a version (rules, lists): activation refuses one that does not. */
  check: (v: DetectorVersion) => Promise<unknown>;
  /** The models `score` would find here (FRAUD_MODEL_DIR's and MODELS_DIR's), when FRAUD_MODEL_DIR holds one. */
  models?: ModelLibrary;
  /** The lake and its SQL engine, for `backtest`. */
  backtest?: BacktestEnv;
}

/** Refuses a version whose model `score` would not find, naming the model and the folder. */
async function checkModel(v: DetectorVersion, env: DetectorsEnv): Promise<void> {
  const wanted = v.body.model.modelVersion;
  if (!wanted) return;
  const where = `detector ${v.detectorId} version ${v.detectorVersionId}`;
  if (!env.models) throw new ConfigError(where, `names model ${wanted} but FRAUD_MODEL_DIR holds no model here; score would not use it`);
  try { await env.models.get(wanted); } catch (err) { throw new ConfigError(where, (err as Error).message.replace(/^configuration /, '')); }
}

function take(args: string[], name: string): string[] {
  const out: string[] = [];
  for (let i = args.indexOf(name); i >= 0; i = args.indexOf(name)) {
    const v = args[i + 1];
    if (v === undefined) throw new UsageError(`${name} needs a value`);
    out.push(v);
    args.splice(i, 2);
  }
  return out;
}

function pairs(values: string[], flag: string): Record<string, string> {
  return Object.fromEntries(values.map((v) => {
    const [k, ...rest] = v.split('=');
    if (!k || rest.length === 0) throw new UsageError(`${flag} ${v}: write name=value`);
    return [k, rest.join('=')];
  }));
}

function bodyFromFile(path: string): DetectorVersionBody {
  let raw: unknown;
  try { raw = JSON.parse(readFileSync(path, 'utf8')); } catch (err) { throw new UsageError(`--file ${path}: ${(err as Error).message}`); }
  // `show <detector> <version>` prints the version with its body: that output is accepted as it is.
  if (raw && typeof raw === 'object' && 'body' in raw) raw = (raw as { body: unknown }).body;
  const parsed = DetectorVersionBodySchema.safeParse(raw);
  if (!parsed.success) throw new UsageError(`--file ${path}: ${parsed.error.issues[0]!.path.join('.') || '(top level)'}: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}

const line = (v: DetectorVersion, shadow?: string) => `${v.detectorId}\t${v.detectorVersionId}\t${v.status}${v.detectorVersionId === shadow ? ' SHADOW' : ''}\t${v.body.ruleExecutionMode}\t${v.body.rules.length} rules\t${v.body.model.modelVersion ?? 'the loaded model'}${v.body.source ? `\t${v.body.source}` : ''}`;

/** Runs one command and returns what it prints; bad input throws UsageError or ConfigError naming it. */
export async function runDetectorsCommand(argv: string[], env: DetectorsEnv): Promise<string> {
  const args = [...argv];
  const outcomeFlags = take(args, '--outcome');
  const variableFlags = take(args, '--variable');
  const [file] = take(args, '--file');
  const [from] = take(args, '--from');
  const [rule] = take(args, '--rule');
  const [to] = take(args, '--to');
  const json = args.includes('--json');
  if (json) args.splice(args.indexOf('--json'), 1);
  const [command, detector, version] = args;
  const { store } = env;
  switch (command) {
    case 'list': {
      const rows: string[] = [];
      for (const d of await store.detectors()) {
        const { shadow } = await store.live(d);
        for (const v of await store.versions(d)) rows.push(line(v, shadow?.detectorVersionId));
      }
      return rows.length === 0 ? 'no detector versions (DETECTOR_FILE or the thresholds decide)' : ['detector\tversion\tstatus\tmode\trules\tmodel\tsource', ...rows].join('\n');
    }
    case 'show': {
      if (!detector) throw new UsageError(USAGE);
      if (version) return JSON.stringify(await store.get(detector, version), null, 2);
      const all = await store.versions(detector);
      if (all.length === 0) throw new ConfigError(`detector ${detector}`, 'has no versions (npm run detectors -- list)');
      const { shadow } = await store.live(detector);
      return all.map((v) => line(v, shadow?.detectorVersionId)).join('\n');
    }
    case 'import': {
      if (!detector) throw new UsageError(USAGE);
      const outcomes = pairs(outcomeFlags, '--outcome');
      for (const [k, o] of Object.entries(outcomes)) if (!(OUTCOMES as readonly string[]).includes(o)) throw new UsageError(`--outcome ${k}=${o}: one of ${OUTCOMES.join(', ')}`);
      const plan = readAfdExport(detector, { outcomes: outcomes as Record<string, Outcome>, variables: pairs(variableFlags, '--variable') });
      const out: string[] = [];
      for (const l of plan.lists) {
        const existing = (await env.lists.list()).find((m) => m.name === l.name);
        if (!existing) await env.lists.create(l.name, l.variableType, l.description);
        else if (existing.variableType !== l.variableType) throw new ConfigError(`list ${l.name}`, `exists here as ${existing.variableType}, AFD's is ${l.variableType}`);
        const current = existing ? (await env.lists.read(l.name)).elements : [];
        const want = new Set(l.elements);
        const added = l.elements.filter((e) => !current.includes(e));
        const removed = current.filter((e) => !want.has(e));
        if (added.length > 0) await env.lists.append(l.name, added);
        if (removed.length > 0) await env.lists.remove(l.name, removed);
        out.push(`list ${l.name} (${l.variableType}): ${l.elements.length} entries${existing ? ` (${added.length} added, ${removed.length} removed)` : ''}`);
      }
      // Each rule compiled on its own: one that cannot run here is listed, not silently dropped.
      const notCarried = [...plan.notCarried];
      const rules = [];
      for (const r of plan.body.rules) {
        try {
          await env.check({ detectorId: plan.detectorId, detectorVersionId: '1', status: 'DRAFT', createdTime: '', body: { ...plan.body, rules: [r] } });
          rules.push(r);
        } catch (err) { notCarried.push(`rule ${r.ruleId}: ${(err as Error).message.replace(/^configuration [^:]*: /, '')}`); }
      }
      if (rules.length === 0) throw new ConfigError(`import ${detector}`, `no rule can be carried over:\n  ${notCarried.join('\n  ')}`);
      const created = await store.create(plan.detectorId, { ...plan.body, rules }, plan.afdVersionId);
      return [
        `imported ${plan.body.source} as ${versionLabel(created.detectorId, created.detectorVersionId)} (DRAFT): ${rules.length} rules, ${plan.body.ruleExecutionMode}`,
        ...plan.mapped.map((m) => `  mapped: ${m}`), ...out.map((m) => `  ${m}`),
        ...(notCarried.length > 0 ? ['not carried over:', ...notCarried.map((n) => `  - ${n}`)] : ['everything was carried over']),
        `activate with: npm run detectors -- activate ${created.detectorId} ${created.detectorVersionId}`,
      ].join('\n');
    }
    case 'create-version': {
      if (!detector || (!file && !from)) throw new UsageError(USAGE);
      const body = file ? bodyFromFile(file) : (await store.get(detector, from!)).body;
      await env.check({ detectorId: detector, detectorVersionId: '1', status: 'DRAFT', createdTime: '', body });
      const v = await store.create(detector, body);
      return `created ${versionLabel(detector, v.detectorVersionId)} (DRAFT, ${body.rules.length} rules); edit with update-version, then: npm run detectors -- activate ${detector} ${v.detectorVersionId}`;
    }
    case 'update-version': {
      if (!detector || !version || !file) throw new UsageError(USAGE);
      const body = bodyFromFile(file);
      await env.check({ detectorId: detector, detectorVersionId: version, status: 'DRAFT', createdTime: '', body });
      await store.update(detector, version, body);
      return `updated ${versionLabel(detector, version)} (DRAFT)`;
    }
    case 'activate': {
      if (!detector || !version) throw new UsageError(USAGE);
      const v = await store.get(detector, version);
      await checkModel(v, env);
      await env.check(v);
      const shadowed = (await store.live(detector)).shadow?.detectorVersionId === version;
      const change = await store.setStatus(detector, version, 'ACTIVE');
      return `${versionLabel(detector, version)} is ACTIVE${change.previous ? `; ${change.previous} is INACTIVE` : ''}${shadowed ? '; it is no longer the shadow' : ''} (score uses it from its next batch)`;
    }
    case 'shadow': {
      if (!detector || !version) throw new UsageError(USAGE);
      const v = await store.get(detector, version);
      await checkModel(v, env);
      await env.check(v);
      const change = await store.setShadow(detector, version);
      return `${versionLabel(detector, version)} (${v.status}) is the SHADOW: scored beside the ACTIVE version from score's next batch, in the lake as fd_shadow, no action taken${change.previous ? `; ${change.previous} is no longer the shadow` : ''}`;
    }
    case 'unshadow': {
      if (!detector) throw new UsageError(USAGE);
      const change = await store.setShadow(detector, null);
      return `${versionLabel(detector, change.previous!)} is no longer the shadow; ${detector} has no SHADOW version`;
    }
    case 'deactivate': {
      if (!detector) throw new UsageError(USAGE);
      const active = await store.active(detector);
      if (!active) throw new ConfigError(`detector ${detector}`, 'has no ACTIVE version');
      if (version && version !== active.detectorVersionId) throw new ConfigError(`detector ${detector} version ${version}`, `is ${(await store.get(detector, version)).status}, not ACTIVE`);
      await store.setStatus(detector, active.detectorVersionId, 'INACTIVE');
      return `${versionLabel(detector, active.detectorVersionId)} is INACTIVE; ${detector} has no ACTIVE version (DETECTOR_FILE or the thresholds decide)`;
    }
    case 'rollback': {
      if (!detector) throw new UsageError(USAGE);
      const change = await store.rollback(detector);
      return `${versionLabel(detector, change.active!)} is ACTIVE again; ${change.previous} is INACTIVE`;
    }
    case 'backtest': {
      if (!detector || !version || !env.backtest) throw new UsageError(USAGE);
      return backtestCommand({ detector, version, json, ...(rule ? { rule } : {}), ...(from ? { from } : {}), ...(to ? { to } : {}) }, env.backtest, store, env.lists, env.check);
    }
    default:
      throw new UsageError(USAGE);
  }
}

/** The models `score` would find, when FRAUD_MODEL_DIR holds one (loaded once, as score does). */
async function localModels(c: TxnConfig): Promise<ModelLibrary | undefined> {
  const dir = resolveModelDir(c.FRAUD_MODEL_DIR);
  return existsSync(join(dir, 'model.onnx')) ? modelLibraryFrom(c, await OnnxModel.load(dir)) : undefined;
}

export async function detectorsEnvFrom(c: TxnConfig): Promise<DetectorsEnv> {
  const models = await localModels(c);
  return { store: await detectorStoreFrom(c), lists: await listStoreFrom(c), check: (v) => versionDetector(c, v), ...(models ? { models } : {}), backtest: backtestEnvFrom(c) };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const c = loadTxnConfig();
    process.stdout.write(`${await runDetectorsCommand(process.argv.slice(2), await detectorsEnvFrom(c))}\n`);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  }
}
