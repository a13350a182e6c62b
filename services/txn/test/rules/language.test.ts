import { ConfigError, type Transaction } from '@sfc/shared';
import { Detector } from '../../src/rules/Detector.js';
import { DetectorFileSchema } from '../../src/rules/detectorFile.js';
import { RuleSyntaxError } from '../../src/rules/errors.js';
import { parseRule } from '../../src/rules/parser.js';
import { validTransaction } from '../../../../shared/test/fixtures/transaction.js';

const noLists = async () => { throw new Error('these rules use no lists'); };
const tx = (over: Partial<Transaction> = {}): Transaction => ({ ...validTransaction(), ...over });

/** One rule's verdict on a transaction and score. */
async function matches(expression: string, t: Transaction = tx(), score = 500, extra: object = {}): Promise<boolean> {
  const d = await Detector.load(DetectorFileSchema.parse({ ...extra, rules: [{ ruleId: 'r', expression, outcomes: ['block'] }] }), noLists);
  return d.decide({ tx: t, score }).outcome === 'block';
}

/** The column a malformed rule is reported at (and that the message says so). */
function columnOf(expression: string): number {
  try { parseRule(expression); } catch (err) {
    expect(err).toBeInstanceOf(RuleSyntaxError);
    expect((err as Error).message).toMatch(new RegExp(`^column ${(err as RuleSyntaxError).column}: `));
    return (err as RuleSyntaxError).column;
  }
  throw new Error(`${expression} parsed`);
}

async function compileError(expression: string): Promise<string> {
  try { await matches(expression); } catch (err) { expect(err).toBeInstanceOf(ConfigError); return (err as Error).message; }
  throw new Error(`${expression} compiled`);
}

describe('Rule language: the examples of AFD\'s rule language reference', () => {
  // $variable_1 + $variable_2 < 10, $variable in [5, 10, 25, 100], $variable != "US", $variable == 1000, $x in @list,
  // regex_match(".*@gmail\.com", lowercase($email)), regex_match(".*\+1", $phone_number), $insightscore > 900 and $order_price > 500
  it.each<[string, Partial<Transaction>, number, boolean]>([
    ['$order_price < 100', { transaction_amt: 99.5 }, 0, true],
    ['$order_price < 100', { transaction_amt: 100 }, 0, false],
    ['$order_price in [5, 10, 25, 100]', { transaction_amt: 25 }, 0, true],
    ['$order_price in [5, 10, 25, 100]', { transaction_amt: 26 }, 0, false],
    ['$payment_currency != "usd"', { transaction_currency: 'eur' }, 0, true],
    ['$payment_currency != "usd"', { transaction_currency: 'usd' }, 0, false],
    ['$order_price == 1000', { transaction_amt: 1000 }, 0, true],
    ['$billing_latitude + $billing_longitude < 10', { billing_latitude: 1, billing_longitude: 8.5 }, 0, true],
    ['$billing_latitude + $billing_longitude < 10', { billing_latitude: 1, billing_longitude: 9 }, 0, false],
    ['regex_match(".*@gmail\\.com", lowercase($customer_email))', { email_address: 'Jo@GMail.com' }, 0, true],
    ['regex_match(".*@gmail\\.com", lowercase($customer_email))', { email_address: 'jo@gmailxcom.org' }, 0, false],
    ['regex_match(".*\\+1", $phone)', { phone: '555+1' }, 0, true],
    ['regex_match(".*\\+1", $phone)', { phone: '+1555' }, 0, false],
    ['$insightscore > 900 and $order_price > 500', { transaction_amt: 501 }, 901, true],
    ['$insightscore > 900 and $order_price > 500', { transaction_amt: 501 }, 900, false],
    ['$txn_model_insightscore >= 900', {}, 900, true],
  ])('%s on %j with score %i -> %s', async (expression, over, score, expected) => {
    expect(await matches(expression, tx(over), score)).toBe(expected);
  });
});

describe('Rule language: operators', () => {
  const t = tx({ transaction_amt: 120, card_bin: 411111, email_address: 'Ann@Example.com', transaction_currency: 'usd' });
  it.each<[string, boolean]>([
    ['$order_price > 119', true], ['$order_price > 120', false], ['$order_price >= 120', true], ['$order_price <= 119.99', false],
    ['$order_price == 120', true], ['$order_price != 120', false],
    ['$order_price not in [1, 2]', true], ['$card_bin in [411111]', true], ['$card_bin in ["411111"]', true], ['$payment_currency in ["usd", "eur"]', true],
    ['$payment_currency not in ["usd"]', false],
    ['$order_price * 2 == 240', true], ['$order_price / 4 == 30', true], ['$order_price % 7 == 1', true], ['$order_price - 20 == 100', true], ['-$order_price < 0', true],
    ['1 + 2 * 3 == 7', true], ['(1 + 2) * 3 == 9', true], ['10 - 4 - 3 == 3', true],
    ['true or false and false', true], ['(true or false) and false', false], ['not true or true', true], ['!($order_price > 1)', false],
    ['not $order_price in [120]', false], ['NOT $order_price > 1000 AND $order_price > 1', true],
    ['lowercase($customer_email) == "ann@example.com"', true], ['uppercase($payment_currency) == "USD"', true],
    ['regex_match("ann", lowercase($customer_email))', false], ['regex_match("ann.*", lowercase($customer_email))', true],
    ['regex_match("4111.*", $card_bin)', true],
    ['$order_price / 0 > 1', true], ['0 / 0 == 0 / 0', false], ['0 / 0 < 1 or 0 / 0 >= 1', false],
  ])('%s -> %s', async (expression, expected) => {
    expect(await matches(expression, t)).toBe(expected);
  });

  it('gives a missing variable its default: the detector\'s defaultValue, else "" for strings and 0 for numbers', async () => {
    const noMerchant = tx({ merchant: undefined });
    expect(await matches('$merchant == ""', noMerchant)).toBe(true);
    expect(await matches('$merchant == "unknown"', noMerchant, 0, { variables: { merchant: { defaultValue: 'unknown' } } })).toBe(true);
    expect(await matches('$merchant == "unknown"', tx({ merchant: 'shop' }), 0, { variables: { merchant: { defaultValue: 'unknown' } } })).toBe(false);
  });
});

describe('Rule language: malformed rules', () => {
  it.each<[string, number, RegExp]>([
    ['$order_price > ', 16, /expected a value, found the end of the rule|the rule ends/],
    ['$order_price >> 5', 15, /expected a value, found '>'/],
    ['$order_price = 5', 14, /'=' is not an operator \(compare with '=='\)/],
    ['$order_price > 5 && $x', 18, /'&' is not an operator \(write 'and'\)/],
    ['order_price > 5', 1, /'order_price' is not a value: variables start with '\$'/],
    ['$order_price > 5 $order_price', 18, /expected 'and', 'or' or the end of the rule, found '\$order_price'/],
    ['($order_price > 5', 18, /expected '\)' to close the parenthesis/],
    ['$customer_email == "abc', 20, /string is not closed/],
    ["$customer_email == 'abc'", 20, /double quotes/],
    ['$order_price in [1, 2', 22, /expected ',' or ']' in the list/],
    ['$order_price in []', 17, /a list needs at least one value/],
    ['$order_price in', 16, /expected a list after 'in'/],
    ['1 < $order_price < 5', 18, /comparisons do not chain/],
    ['$ > 5', 1, /a variable name must follow '\$'/],
    ['', 1, /the rule is empty/],
    ['$order_price > 5 and', 21, /expected a value|the rule ends/],
    ['@deny_emails', 1, /can only follow 'in'/],
  ])('%s -> column %i', (expression, column, message) => {
    expect(columnOf(expression)).toBe(column);
    expect(() => parseRule(expression)).toThrow(message);
  });

  it.each<[string, RegExp]>([
    ['$order_prize > 5', /rule r: column 1: unknown variable \$order_prize \(known: \$order_price, /],
    ['$customer_email > 5', /column 1: '>' needs a number, \$customer_email is a string/],
    ['$order_price == "5"', /column 14: '==' compares values of one type: \$order_price is a number, "5" is a string/],
    ['$order_price + 1', /column 1: a rule must be true or false, this one is a number/],
    ['$order_price and true', /column 1: 'and' needs a boolean, \$order_price is a number/],
    ['regex_match("(", $customer_email)', /column 13: invalid regular expression/],
    ['regex_match($customer_email, "a")', /column 13: regex_match\(\) takes its pattern as a string/],
    ['lowercase($order_price) == "1"', /column 11: lowercase\(\) needs a string, \$order_price is a number/],
    ['upper($customer_email) == "A"', /column 1: unknown function upper\(\)/],
    ['lowercase() == "a"', /column 1: lowercase\(\) takes 1 argument, got 0/],
  ])('%s fails to compile: %s', async (expression, message) => {
    const err = await compileError(expression).catch((e: Error) => e.message);
    expect(err).toMatch(message);
  });

  it('refuses a rule of 4,000 characters or more (AFD\'s limit)', () => {
    expect(() => parseRule(`$order_price > ${'1'.repeat(4000)}`)).toThrow(/must be under 4000 characters/);
  });
});

describe('Rule language: execution modes and outcomes', () => {
  const rules = [
    { ruleId: 'big', expression: '$order_price > 100', outcomes: ['verify_customer'] },
    { ruleId: 'risky', expression: '$insightscore > 800', outcomes: ['fraud_deny'] },
    { ruleId: 'always', expression: 'true', outcomes: ['approve'] },
  ];
  const outcomes = { verify_customer: 'review', fraud_deny: 'block' };
  const load = (mode: string) => Detector.load(DetectorFileSchema.parse({ ruleExecutionMode: mode, outcomes, rules }), noLists);

  it('FIRST_MATCHED: the first rule that matches decides, alone', async () => {
    const d = await load('FIRST_MATCHED');
    expect(d.decide({ tx: tx({ transaction_amt: 500 }), score: 900 })).toMatchObject({ outcome: 'review', ruleResults: [{ ruleId: 'big', ruleVersion: '1', outcomes: ['verify_customer'] }], outcomes: ['verify_customer'] });
    expect(d.decide({ tx: tx({ transaction_amt: 5 }), score: 900 })).toMatchObject({ outcome: 'block', outcomes: ['fraud_deny'] });
    expect(d.decide({ tx: tx({ transaction_amt: 5 }), score: 1 })).toMatchObject({ outcome: 'approve', outcomes: ['approve'] });
  });

  it('ALL_MATCHED: every matching rule is reported and the most severe outcome wins (block > review > approve)', async () => {
    const d = await load('ALL_MATCHED');
    const r = d.decide({ tx: tx({ transaction_amt: 500 }), score: 900 });
    expect(r.outcome).toBe('block');
    expect(r.ruleResults.map((x) => x.ruleId)).toEqual(['big', 'risky', 'always']);
    expect(r.fd).toEqual({ rules: [
      { rule_id: 'big', rule_version: '1', outcomes: ['verify_customer'] }, { rule_id: 'risky', rule_version: '1', outcomes: ['fraud_deny'] }, { rule_id: 'always', rule_version: '1', outcomes: ['approve'] },
    ], outcomes: ['verify_customer', 'fraud_deny', 'approve'] });
    expect(d.decide({ tx: tx({ transaction_amt: 500 }), score: 1 }).outcome).toBe('review');
  });

  it('approves with no rule results when no rule matches (AFD returns no outcome)', async () => {
    const d = await Detector.load(DetectorFileSchema.parse({ rules: [{ ruleId: 'never', expression: 'false', outcomes: ['block'] }] }), noLists);
    expect(d.decide({ tx: tx(), score: 1000 })).toMatchObject({ outcome: 'approve', ruleResults: [], outcomes: [] });
  });

  it('refuses an outcome the detector does not map, naming the rule', async () => {
    await expect(Detector.load(DetectorFileSchema.parse({ rules: [{ ruleId: 'x', expression: 'true', outcomes: ['send_to_team'] }] }), noLists))
      .rejects.toThrow(/rule x: outcome send_to_team is not mapped to approve, review or block/);
  });

  it('refuses two rules with one id (AFD rule ids are unique in a detector)', () => {
    expect(DetectorFileSchema.safeParse({ rules: [{ ruleId: 'a', expression: 'true', outcomes: ['block'] }, { ruleId: 'a', expression: 'false', outcomes: ['block'] }] }).success).toBe(false);
  });
});
