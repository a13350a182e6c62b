import type { Transaction } from '@sfc/shared';
import { AFD_VARIABLES, MAPPED_FIELDS, type MappedField } from '../afd/variables.js';
import { EventTypeSchema, type EventType } from './schema.js';
import type { VariableType } from './variableTypes.js';

/** The live pipeline's default event type: the seed's transaction under AFD's variable names. */
export const TRANSACTION_EVENT_TYPE: EventType = EventTypeSchema.parse({
  name: 'transaction',
  entityType: 'customer',
  variables: MAPPED_FIELDS.map((field) => ({ name: AFD_VARIABLES[field][0], variableType: AFD_VARIABLES[field][1] })),
});

/** The customer's phone is the billing phone: types that name the same thing for a transaction. */
const SAME_AS: Partial<Record<VariableType, VariableType>> = { BILLING_PHONE: 'PHONE_NUMBER' };

/**
 * Which Transaction field feeds each variable of a model's event type: by name, else the only
 * transaction variable of the same type (a model trained on `billing_postal` is served our
 * `billing_zip`, one on `billing_phone` our `phone`). Variables no field can feed stay missing, as
 * optional variables do in training.
 */
export function transactionBinding(et: EventType): { fields: (MappedField | undefined)[]; unbound: string[] } {
  const byName = new Map(MAPPED_FIELDS.map((f) => [AFD_VARIABLES[f][0] as string, f]));
  const fields = et.variables.map((v) => {
    const named = byName.get(v.name);
    if (named) return named;
    for (const type of [v.variableType, SAME_AS[v.variableType]]) {
      const sameType = MAPPED_FIELDS.filter((f) => AFD_VARIABLES[f][1] === type);
      if (sameType.length === 1) return sameType[0];
    }
    return undefined;
  });
  return { fields, unbound: et.variables.filter((_, i) => fields[i] === undefined).map((v) => v.name) };
}

/** The transaction's values in the order of `fields` (a binding). */
export function transactionValues(tx: Transaction, fields: readonly (MappedField | undefined)[]): (string | number | undefined)[] {
  const out = new Array<string | number | undefined>(fields.length);
  for (let i = 0; i < fields.length; i++) {
    const f = fields[i];
    out[i] = f === undefined ? undefined : tx[f];
  }
  return out;
}
