import type { Transaction } from '@sfc/shared';
import { AFD_VARIABLES, MAPPED_FIELDS } from '../afd/variables.js';
import { TYPE_TRAITS } from '../eventType/variableTypes.js';
import type { MappedField } from '../afd/variables.js';
import type { VariableSlot } from './compile.js';

/**
 * One reader per field, each its own function with a fixed property name: V8 keeps every one of these
 * loads monomorphic, where `tx[field]` at one site over 17 names would not (rules read variables in
 * every comparison; the gain was within this shared machine's noise when measured).
 */
const READ: { [F in MappedField]: (tx: Transaction) => Transaction[F] } = {
  transaction_amt: (t) => t.transaction_amt, email_address: (t) => t.email_address, ip_address: (t) => t.ip_address,
  transaction_currency: (t) => t.transaction_currency, billing_street: (t) => t.billing_street, billing_city: (t) => t.billing_city,
  billing_state: (t) => t.billing_state, billing_zip: (t) => t.billing_zip, billing_latitude: (t) => t.billing_latitude,
  billing_longitude: (t) => t.billing_longitude, user_agent: (t) => t.user_agent, card_bin: (t) => t.card_bin,
  customer_name: (t) => t.customer_name, product_category: (t) => t.product_category, customer_job: (t) => t.customer_job,
  phone: (t) => t.phone, merchant: (t) => t.merchant,
};

/** What a rule reads: the transaction and the model's score on AFD's 0-1000 scale. */
export interface RuleContext {
  tx: Transaction;
  score: number;
}

/**
 * The variables of the live event type under their AFD names (`$order_price`, `$customer_email`, ...:
 * services/txn/src/afd/variables.ts) and the model's score (`$<modelId>_insightscore`, and
 * `$insightscore`). A missing value (only `merchant` may be absent from a valid transaction) takes the
 * variable's default, as in AFD: the detector file's `variables.<name>.defaultValue`, else 0 for
 * numbers and "" for strings.
 */
export function ruleVariables(modelId: string, defaults: Record<string, { defaultValue: string | number }>): Map<string, VariableSlot<RuleContext>> {
  const vars = new Map<string, VariableSlot<RuleContext>>();
  for (const field of MAPPED_FIELDS) {
    const [name, variableType] = AFD_VARIABLES[field];
    const numeric = TYPE_TRAITS[variableType].dataType !== 'STRING';
    const given = defaults[name]?.defaultValue;
    const read = READ[field] as (tx: Transaction) => string | number | undefined;
    if (numeric) {
      const d = given === undefined ? 0 : Number(given);
      vars.set(name, { type: 'number', read: (c) => (read(c.tx) as number | undefined) ?? d });
    } else {
      const d = given === undefined ? '' : String(given);
      vars.set(name, { type: 'string', read: (c) => (read(c.tx) as string | undefined) ?? d });
    }
  }
  const score: VariableSlot<RuleContext> = { type: 'number', read: (c) => c.score };
  vars.set(`${modelId}_insightscore`, score);
  vars.set('insightscore', score);
  return vars;
}
