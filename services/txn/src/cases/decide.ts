import { FraudLabelSchema, type CaseDecision, type FraudLabel } from '@sfc/shared';
import type { CaseRecord, CaseStore } from './CaseStore.js';
import type { LabelSink } from './labelSink.js';

export interface DecisionInput {
  caseId: string;
  label: CaseDecision['label'];
  analyst: string;
  note?: string;
  /** LABEL_TIMESTAMP; default: now. */
  labelTime?: string;
  source: CaseDecision['source'];
  /** The entity, for a label whose event has no case (an import's ENTITY_ID). */
  entityId?: string;
  /** The review page's action (approve or legit: label legit; fraud), kept in the audit record. */
  action?: CaseDecision['action'];
}

export type DecisionOutcome =
  /** Recorded; `labelError` says why its label did not go out (it stays pending and is sent again later). */
  | { status: 'decided'; decision: CaseDecision; label: FraudLabel; labelError?: string }
  /** Refused: the case was decided before; its first decision stands (its label re-sent if it had not gone out). */
  | { status: 'already decided'; decision: CaseDecision; resent: boolean; labelError?: string }
  | { status: 'no case'; reason: string };

/**
 * A recorded decision whose label is not marked sent after this long was left by an attempt that
 * died between the two steps: the next attempt sends it. Sooner, the first attempt may still be
 * sending it (two analysts at once), and a second send would duplicate the label.
 */
export const RESEND_AFTER_MS = 30_000;

const labelOf = (d: CaseDecision, r: CaseRecord | undefined): FraudLabel => FraudLabelSchema.parse({
  event_id: d.case_id, entity_id: d.entity_id, label: d.label, label_time: d.label_time, variables: r?.case?.label_variables ?? {}, source: d.source,
});

/**
 * Records a decision once and puts its label on the labels topic once: the decision is written
 * exclusively first (of two analysts, or a retry, the first wins and the second is refused with the
 * first's decision), then the label is sent and marked sent. A label lost between those two steps (the
 * command died) goes out on the next attempt at that case after RESEND_AFTER_MS; the label function
 * applies an event's label once (within ENTITY_REPLAY_HOURS), so even a label sent twice is counted once.
 */
export async function decide(store: CaseStore, sink: LabelSink, input: DecisionInput, now = new Date()): Promise<DecisionOutcome> {
  const found = await store.get(input.caseId);
  if (!found?.case && !found?.decision && !input.entityId) {
    return { status: 'no case', reason: `no case ${input.caseId} and no entity id for a label without one` };
  }
  const entity = found?.case?.entity_id ?? found?.decision?.entity_id ?? input.entityId!;
  const decision: CaseDecision = {
    case_id: input.caseId, entity_id: entity, label: input.label, label_time: input.labelTime ?? now.toISOString(), decided_at: now.toISOString(),
    analyst: input.analyst, ...(input.note ? { note: input.note } : {}), source: input.source, ...(input.action ? { action: input.action } : {}), had_case: found?.case !== undefined,
  };
  const written = await store.decide(decision);
  if (!written.recorded) {
    const resent = await resendPending(store, sink, input.caseId, now);
    return { status: 'already decided', decision: written.existing, resent: resent.sent, ...(resent.error ? { labelError: resent.error } : {}) };
  }
  const label = labelOf(decision, found);
  const error = await send(store, sink, label);
  return { status: 'decided', decision, label, ...(error ? { labelError: error } : {}) };
}

/**
 * Sends the label of a recorded decision whose label is not marked sent, once RESEND_AFTER_MS has
 * passed since the decision (the review page's refresh calls it for every such case; `decide` for the
 * case it is asked about). `error`: why it failed again (still pending).
 */
export async function resendPending(store: CaseStore, sink: LabelSink, caseId: string, now = new Date()): Promise<{ sent: boolean; error?: string }> {
  const r = await store.get(caseId);
  if (!r?.decision || r.labelSentAt !== undefined || now.getTime() - Date.parse(r.decision.decided_at) < RESEND_AFTER_MS) return { sent: false };
  const error = await send(store, sink, labelOf(r.decision, r));
  return error ? { sent: false, error } : { sent: true };
}

/** Sends and marks sent; a failure is returned (the decision stands, its label pending), never thrown. */
async function send(store: CaseStore, sink: LabelSink, label: FraudLabel): Promise<string | undefined> {
  try {
    await sink.send([label]);
  } catch (err) {
    return `label not sent to ${sink.where}: ${(err as Error).message}`;
  }
  await store.markLabelSent(label.event_id, new Date().toISOString());
  return undefined;
}
