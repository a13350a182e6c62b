// npm run cases -- list [--all|--closed] [--limit N] | show <id> | decide <id> --label fraud|legit [--note text] [--analyst name]
//                  export --out file.csv | import file.csv [--analyst name] | backfill-index
// The store is the one act writes (CASES_STORE=file: DATA_DIR/cases; dynamodb: CASES_TABLE); labels go
// to LABELS_TOPIC (TOPICS=kafka) or, with TOPICS=memory, straight through the label function's code (lake + entity state).
import { readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { pathToFileURL } from 'node:url';
import { FRAUD_LABEL_VALUES, type CaseDecision } from '@sfc/shared';
import { loadTxnConfig } from '../config.js';
import type { CaseStore } from './CaseStore.js';
import { caseStoreFrom } from './caseStoreFrom.js';
import { DynamoCaseStore } from './DynamoCaseStore.js';
import { decide, RESEND_AFTER_MS } from './decide.js';
import { labelCsv, parseLabelCsv } from './labelCsv.js';
import type { LabelSink } from './labelSink.js';
import { labelSinkFrom } from './labelSinkFrom.js';

const USAGE = 'usage: npm run cases -- list [--all|--closed] [--limit N] | show <id> | decide <id> --label fraud|legit [--note <text>] [--analyst <name>] | export --out <file.csv> | import <file.csv> [--analyst <name>] | backfill-index';

export class UsageError extends Error {}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const v = args[i + 1];
  if (v === undefined) throw new UsageError(`${name} needs a value`);
  args.splice(i, 2);
  return v;
}

function flag(args: string[], name: string): boolean {
  const i = args.indexOf(name);
  if (i >= 0) args.splice(i, 1);
  return i >= 0;
}

const decisionLine = (d: CaseDecision) => `${d.label} by ${d.analyst} at ${d.decided_at} (${d.source}${d.note ? `: ${d.note}` : ''})`;

/** Runs one command and returns what it prints; bad input throws UsageError naming the value. */
export async function runCasesCommand(argv: string[], store: CaseStore, sink: LabelSink, defaultAnalyst = userInfo().username): Promise<string> {
  const args = [...argv];
  const analyst = option(args, '--analyst') ?? defaultAnalyst;
  const label = option(args, '--label')?.toLowerCase();
  const note = option(args, '--note');
  const out = option(args, '--out');
  const limitText = option(args, '--limit');
  const all = flag(args, '--all');
  const closed = flag(args, '--closed');
  const [command, arg] = args;
  switch (command) {
    case 'list': {
      const limit = Number(limitText ?? '50');
      if (!Number.isInteger(limit) || limit < 1) throw new UsageError('--limit: a whole number of at least 1');
      const cases = await store.list({ ...(all ? {} : { open: !closed }), limit });
      if (cases.length === 0) return all ? 'no cases' : closed ? 'no closed cases' : 'no open cases';
      return cases.map((c) => [c.case_id, c.entity_id, c.outcome, c.score, c.created_at, c.decision ?? 'open'].join('\t')).join('\n');
    }
    case 'show': {
      if (!arg) throw new UsageError(USAGE);
      const r = await store.get(arg);
      if (!r) throw new UsageError(`no case ${arg}`);
      return JSON.stringify({ ...r.case, decision: r.decision ?? null, label_sent_at: r.labelSentAt ?? null }, null, 2);
    }
    case 'decide': {
      if (!arg || !label) throw new UsageError(USAGE);
      if (!(FRAUD_LABEL_VALUES as readonly string[]).includes(label)) throw new UsageError(`--label ${JSON.stringify(label)}: one of ${FRAUD_LABEL_VALUES.join(', ')}`);
      if (!(await store.get(arg))?.case) throw new UsageError(`no case ${arg}`);
      const done = await decide(store, sink, { caseId: arg, label: label as CaseDecision['label'], analyst, ...(note ? { note } : {}), source: 'analyst' });
      if (done.status === 'decided' && done.labelError) throw new Error(`case ${arg}: ${decisionLine(done.decision)} recorded, but its ${done.labelError}; it stays pending: npm run review sends it within a refresh, or run this decide again after ${RESEND_AFTER_MS / 1000} s`);
      if (done.status === 'decided') return `case ${arg}: ${decisionLine(done.decision)}; label sent to ${sink.where}`;
      if (done.status === 'already decided') throw new UsageError(`case ${arg} is closed: ${decisionLine(done.decision)}; a decision is not changed${done.resent ? ' (its label had not gone out: re-sent now)' : done.labelError ? ` (its label is still pending: ${done.labelError})` : ''}`);
      throw new UsageError(done.reason);
    }
    case 'backfill-index': {
      // Cases written before the by_status index existed (CASES_STORE=dynamodb); files need none.
      if (!(store instanceof DynamoCaseStore)) return 'nothing to backfill: the file case store has no index (CASES_STORE=dynamodb only)';
      const r = await store.backfillIndex((n) => { if (n % 1000 === 0) process.stderr.write(`backfill-index: ${n.toLocaleString('en-US')} scanned\n`); });
      return `backfill-index: ${r.scanned} cases without queue_status scanned, ${r.updated} put in the queue's index, ${r.skipped} skipped (decided meanwhile, or nothing to list)`;
    }
    case 'export': {
      if (!out) throw new UsageError('export needs --out <file.csv>');
      const decisions = await store.decisions();
      writeFileSync(out, labelCsv(decisions));
      return `${decisions.length} decisions written to ${out} (EVENT_ID, EVENT_LABEL, LABEL_TIMESTAMP)`;
    }
    case 'import': {
      if (!arg) throw new UsageError('import needs a CSV file');
      const { rows, bad } = parseLabelCsv(readFileSync(arg, 'utf8'));
      const counts = { decided: 0, labelOnly: 0, alreadyDecided: 0, pending: 0 };
      const lines: string[] = [];
      for (const row of rows) {
        const done = await decide(store, sink, { caseId: row.eventId, label: row.label, labelTime: row.labelTime, analyst, source: 'import', ...(row.entityId ? { entityId: row.entityId } : {}) });
        if (done.status !== 'no case' && done.labelError) {
          counts.pending += 1;
          if (counts.pending <= 5) lines.push(`line ${row.line}: ${row.eventId}: ${done.labelError} (pending)`);
        }
        if (done.status === 'decided') {
          if (done.decision.had_case) counts.decided += 1; else counts.labelOnly += 1;
        } else if (done.status === 'already decided') {
          counts.alreadyDecided += 1;
          if (done.decision.label !== row.label) lines.push(`line ${row.line}: ${row.eventId} was decided before (${decisionLine(done.decision)}); kept`);
        } else {
          bad.push({ line: row.line, reason: `${done.reason}: add an ENTITY_ID column` });
        }
      }
      bad.sort((a, b) => a.line - b.line);
      const report = [
        `${arg}: ${counts.decided} cases decided, ${counts.labelOnly} labels without a case, ${counts.alreadyDecided} already decided, ${bad.length} bad rows; labels sent to ${sink.where}`,
        ...lines, ...bad.map((b) => `line ${b.line}: ${b.reason}`),
      ].join('\n');
      // Recorded decisions whose label did not go out: said, and a failing exit (they are retried, never lost).
      if (counts.pending > 0) throw new Error(`${report}\n${counts.pending} labels not sent yet, kept pending: npm run review sends them within a refresh, or import the file again after ${RESEND_AFTER_MS / 1000} s`);
      return report;
    }
    default:
      throw new UsageError(USAGE);
  }
}

export { labelSinkFrom };

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  let close = async () => undefined as void;
  try {
    const c = loadTxnConfig();
    const store = await caseStoreFrom(c);
    if (!store) throw new UsageError('CASES_STORE=none: set CASES_STORE=file or dynamodb');
    const labels = await labelSinkFrom(c);
    close = labels.close;
    process.stdout.write(`${await runCasesCommand(process.argv.slice(2), store, labels.sink)}\n`);
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    process.exitCode = err instanceof UsageError ? 2 : 1;
  } finally {
    await close();
  }
}
