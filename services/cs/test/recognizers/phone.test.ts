import { phoneRecognizer, scorePhone } from '../../src/recognizers/phone.js';
import { found } from './found.js';

// [case, text, expected matched strings]
const cases: [string, string, string[]][] = [
  ['US parentheses', 'Phone: (415) 555-0132', ['(415) 555-0132']],
  ['US dotted, exchange starting with 1', 'my number is 930.167.3943', ['930.167.3943']],
  ['US with extension', 'reach me at (898)666-3621x0135', ['(898)666-3621x0135']],
  ['US ext. spelled out', 'office 212-555-0175 ext. 42', ['212-555-0175 ext. 42']],
  ['+1 international', '+1 646 555 0199', ['+1 646 555 0199']],
  ['UK international', 'Mobile +44 20 7946 0958', ['+44 20 7946 0958']],
  ['00 international prefix', 'tel 0049 30 901820', ['0049 30 901820']],
  ['Swiss national with trunk 0', 'Call me on 024 971 50 30', ['024 971 50 30']],
  ['French dotted', 'joignable au 01.84.17.61.18', ['01.84.17.61.18']],
  ['UK mobile national', 'mobile 079 0442 1744', ['079 0442 1744']],
  ['German national', 'Telefon 030 901820', ['030 901820']],
  ['Indian mobile international', 'WhatsApp +91 98765 43210', ['+91 98765 43210']],
  ['plain run with context', 'Cell Phone: 4155550132', ['4155550132']],
  ['001 prefix and extension', 'Call 001-541-754-3010x1234 after 5', ['001-541-754-3010x1234']],
  ['+1- prefix', 'number +1-541-754-3010.', ['+1-541-754-3010']],
  ['parentheses, no space, x extension', 'at (541)754-3010 x1234 please', ['(541)754-3010 x1234']],
  ['local seven digits with a phone word', 'Call me at 555-0143', ['555-0143']],
  ['no numbering plan, phone layout, phone word', 'phone 8 (495) 123-45-67', ['8 (495) 123-45-67']],
  // invalid and look-alike values
  ['local seven digits without a phone word', 'Order 555-0143 shipped', []],
  ['grouped digits without a phone word', 'Invoice 2024 1118 0042', []],
  ['plain run without context', 'Ref 4155550132', []],
  ['toll-free is a business line', 'Call 1-800-555-0100 for hours', []],
  ['UK freephone is a business line', 'Call 0800 123 4567 free', []],
  ['SSN layout is not a phone', 'SSN 536-22-8674', []],
  ['ISO date', 'dated 2024-01-15', []],
  ['slashed date', 'on 04/17/1982', []],
  ['IPv4 address', 'from 203.0.113.54', []],
  ['amount with separators', 'Total 1,234,567.89', []],
  ['card number', '4111 1111 1111 1111', []],
  ['repeated digits', 'phone 000-000-0000', []],
  ['too short', 'tel 555-01', []],
  ['too long', 'tel +1 234 567 890 123 456 78', []],
];

describe('Recognizer: phone (libphonenumber-js)', () => {
  it.each(cases)('%s', (_name, text, expected) => {
    // Act
    const matches = found(phoneRecognizer, text);
    // Assess
    expect(matches).toEqual(expected);
  });

  it('explains the region a national number was validated in', () => {
    // Act
    const [result] = phoneRecognizer.analyze('mobile 079 0442 1744');
    // Assess
    expect(result!.explanation.textual).toContain('region GB');
    expect(result!.explanation.validation).toBe('passed');
  });

  it('scores a number outside the numbering plan lower than a valid one', () => {
    // Act + Assess
    expect(scorePhone('930.167.3943')!.score).toBeLessThan(scorePhone('+44 20 7946 0958')!.score);
  });
});

describe('Recognizer: phone (generic words are not phone context)', () => {
  it.each([
    ['Loan number 2125550175', []],
    ['Home phone 2125550175', ['2125550175']],
  ])('%s', (text, expected) => {
    // Act + Assess
    expect(found(phoneRecognizer, text)).toEqual(expected);
  });
});
