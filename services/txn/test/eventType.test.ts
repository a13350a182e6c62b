import { parseWith } from '@sfc/shared';
import { EventTypeSchema } from '../src/eventType/schema.js';
import { TRANSACTION_EVENT_TYPE, transactionBinding } from '../src/eventType/transaction.js';

describe('Event type: EventTypeSchema', () => {
  it("accepts AFD's shorthand and entityTypes, with optional variables and default fraud labels", () => {
    const et = EventTypeSchema.parse({ name: 'signup', entityTypes: ['account'], variables: { ip: 'IP_ADDRESS', email: 'EMAIL_ADDRESS' } });
    expect(et).toEqual({
      name: 'signup', entityType: 'account',
      variables: [{ name: 'ip', variableType: 'IP_ADDRESS', required: false }, { name: 'email', variableType: 'EMAIL_ADDRESS', required: false }],
      labelMapper: { FRAUD: ['fraud', '1', 'true', 'yes'], LEGIT: ['legit', '0', 'false', 'no'] },
    });
  });

  it.each([
    ['an unknown variable type', { variables: { ip: 'IP' } }, 'variables.0.variableType'],
    ['a variable declared twice', { variables: [{ name: 'a', variableType: 'NUMERIC' }, { name: 'a', variableType: 'PRICE' }] }, 'variables.1.name'],
    ['a name AFD would refuse', { variables: [{ name: 'order price', variableType: 'PRICE' }] }, 'variables.0.name'],
    ['no variables', { variables: [] }, 'variables'],
  ])('refuses %s, naming the field', (_name, input, field) => {
    const parsed = parseWith('event type', EventTypeSchema, input);
    expect(!parsed.ok && parsed.error.field).toBe(field);
  });
});

describe('Event type: transactionBinding', () => {
  it('feeds the default event type from the transaction field of each name', () => {
    const { fields, unbound } = transactionBinding(TRANSACTION_EVENT_TYPE);
    expect(unbound).toEqual([]);
    expect(fields.slice(0, 3)).toEqual(['transaction_amt', 'email_address', 'ip_address']);
  });

  it("feeds another team's variables by name, else by AFD type, and leaves the rest missing", () => {
    const et = EventTypeSchema.parse({ variables: { order_price: 'PRICE', billing_phone: 'BILLING_PHONE', billing_postal: 'BILLING_ZIP', device_id: 'FINGERPRINT', amount_usd: 'NUMERIC' } });
    const { fields, unbound } = transactionBinding(et);
    expect(fields).toEqual(['transaction_amt', 'phone', 'billing_zip', undefined, undefined]);
    expect(unbound).toEqual(['device_id', 'amount_usd']);
  });
});
