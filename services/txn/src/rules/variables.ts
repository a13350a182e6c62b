import type { Transaction } from '@sfc/shared';
import { AFD_VARIABLES, MAPPED_FIELDS } from '../afd/variables.js';
import { TYPE_TRAITS } from '../eventType/variableTypes.js';
import type { VariableSlot } from './compile.js';

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
    if (numeric) {
      const d = given === undefined ? 0 : Number(given);
      vars.set(name, { type: 'number', read: (c) => (c.tx[field] as number | undefined) ?? d });
    } else {
      const d = given === undefined ? '' : String(given);
      vars.set(name, { type: 'string', read: (c) => (c.tx[field] as string | undefined) ?? d });
    }
  }
  const score: VariableSlot<RuleContext> = { type: 'number', read: (c) => c.score };
  vars.set(`${modelId}_insightscore`, score);
  vars.set('insightscore', score);
  return vars;
}
