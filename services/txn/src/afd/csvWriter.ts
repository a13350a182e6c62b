import type { LabelledTransaction } from '../simulator/simulator.js';
import { TRANSACTION_EVENT_TYPE } from '../eventType/transaction.js';
import { csvLine } from './csvRows.js';
import { AFD_METADATA, MAPPED_FIELDS } from './variables.js';

/** The header of our training CSV: AFD's metadata columns, then the transaction's variables. */
export const TRANSACTION_CSV_HEADER: readonly string[] = [...AFD_METADATA, ...TRANSACTION_EVENT_TYPE.variables.map((v) => v.name)];

/** One labelled simulator event as a line of AFD's training format. */
export function transactionCsvLine({ transaction: t, label, labelTime }: LabelledTransaction, entityType = 'customer'): string {
  const values = MAPPED_FIELDS.map((f) => (t[f] === undefined ? '' : String(t[f])));
  return csvLine([t.event_id, t.event_time, t.entity_id, entityType, label ? 'fraud' : 'legit', new Date(labelTime).toISOString(), ...values]);
}

/** A whole CSV (header included) for labelled events: small sets in tests. */
export const toAfdCsv = (events: LabelledTransaction[]): string =>
  `${[csvLine(TRANSACTION_CSV_HEADER), ...events.map((e) => transactionCsvLine(e))].join('\n')}\n`;


