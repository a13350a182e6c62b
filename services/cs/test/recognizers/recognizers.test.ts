import { abaRoutingRecognizer } from '../../src/recognizers/abaRouting.js';
import { bankAccountRecognizer } from '../../src/recognizers/bankAccount.js';
import { creditCardRecognizer } from '../../src/recognizers/creditCard.js';
import { dateOfBirthRecognizer } from '../../src/recognizers/dateOfBirth.js';
import { emailRecognizer } from '../../src/recognizers/email.js';
import { ibanRecognizer } from '../../src/recognizers/iban.js';
import { ipAddressRecognizer } from '../../src/recognizers/ipAddress.js';
import { phoneRecognizer } from '../../src/recognizers/phone.js';
import type { Recognizer } from '../../src/recognizers/Recognizer.js';
import { streetAddressRecognizer } from '../../src/recognizers/streetAddress.js';
import { usDriverLicenseRecognizer } from '../../src/recognizers/usDriverLicense.js';
import { usItinRecognizer } from '../../src/recognizers/usItin.js';
import { usPassportRecognizer } from '../../src/recognizers/usPassport.js';
import { usSsnRecognizer } from '../../src/recognizers/usSsn.js';

const MIN = 0.5;

/** Spans the recognizer reports at or above the reporting threshold, as the matched strings. */
const found = (r: Recognizer, text: string): string[] => r.analyze(text).filter((x) => x.score >= MIN).map((x) => text.slice(x.start, x.end));

// [recognizer, text, expected matched strings]
const cases: [string, Recognizer, string, string[]][] = [
  ['ssn dashed valid', usSsnRecognizer, 'SSN: 536-22-8674', ['536-22-8674']],
  ['ssn area 000', usSsnRecognizer, 'SSN: 000-22-8674', []],
  ['ssn area 666', usSsnRecognizer, 'SSN: 666-22-8674', []],
  ['ssn area 9xx (ITIN range)', usSsnRecognizer, 'SSN: 912-22-8674', []],
  ['ssn group 00', usSsnRecognizer, 'SSN: 536-00-8674', []],
  ['ssn serial 0000', usSsnRecognizer, 'SSN: 536-22-0000', []],
  ['ssn published example', usSsnRecognizer, 'SSN 078-05-1120', []],
  ['ssn plain with context', usSsnRecognizer, 'Social Security Number\n536228674', ['536228674']],
  ['ssn spaced with context', usSsnRecognizer, 'SSN 536 22 8674', ['536 22 8674']],
  ['ssn plain without context', usSsnRecognizer, 'Invoice 536228674', []],
  ['ssn inside longer number', usSsnRecognizer, 'ref 1536-22-86741', []],
  ['card visa spaced', creditCardRecognizer, 'Card 4111 1111 1111 1111 exp', ['4111 1111 1111 1111']],
  ['card visa dashed', creditCardRecognizer, '4012-8888-8888-1881', ['4012-8888-8888-1881']],
  ['card amex', creditCardRecognizer, 'amex 3782 822463 10005', ['3782 822463 10005']],
  ['card plain mastercard', creditCardRecognizer, '5555555555554444', ['5555555555554444']],
  ['card luhn failure', creditCardRecognizer, '4111 1111 1111 1112', []],
  ['card mixed separators', creditCardRecognizer, '4111 1111-1111 1111', []],
  ['aba valid with context', abaRoutingRecognizer, 'ABA routing number 021000021', ['021000021']],
  ['aba valid no context', abaRoutingRecognizer, 'number 021000021', []],
  ['aba checksum failure', abaRoutingRecognizer, 'routing 021000022', []],
  ['iban de compact', ibanRecognizer, 'IBAN: DE89370400440532013000', ['DE89370400440532013000']],
  ['iban gb grouped', ibanRecognizer, 'IBAN GB82 WEST 1234 5698 7654 32', ['GB82 WEST 1234 5698 7654 32']],
  ['iban bad check digits', ibanRecognizer, 'DE88370400440532013000', []],
  ['iban wrong length', ibanRecognizer, 'DE8937040044053201300', []],
  ['account with context', bankAccountRecognizer, 'Checking account no. 004417923388', ['004417923388']],
  ['account table header above', bankAccountRecognizer, 'Type   Account Number   Balance\nSavings  88812345   $10.00\nChecking 77712345678 $5.00', ['88812345', '77712345678']],
  ['account no context', bankAccountRecognizer, 'Order 004417923388 shipped', []],
  ['account placeholder', bankAccountRecognizer, 'account 00000000', []],
  ['phone parentheses', phoneRecognizer, 'Phone: (415) 555-0132', ['(415) 555-0132']],
  ['phone dashed', phoneRecognizer, 'call 212-555-0175 today', ['212-555-0175']],
  ['phone +1', phoneRecognizer, '+1 646 555 0199', ['+1 646 555 0199']],
  ['phone uk', phoneRecognizer, 'Mobile +44 20 7946 0958', ['+44 20 7946 0958']],
  ['phone plain with context', phoneRecognizer, 'Cell Phone: 4155550132', ['4155550132']],
  ['phone plain no context', phoneRecognizer, 'Ref 4155550132', []],
  ['phone toll free is a business line', phoneRecognizer, 'Call 1-800-555-0100 for hours', []],
  ['email', emailRecognizer, 'write to maria.garcia@example-mail.net.', ['maria.garcia@example-mail.net']],
  ['email none', emailRecognizer, 'user at example dot com', []],
  ['ipv4', ipAddressRecognizer, 'login from 203.0.113.54', ['203.0.113.54']],
  ['ipv4 at the end of a sentence', ipAddressRecognizer, 'Submitted from IP address 198.51.100.7.', ['198.51.100.7']],
  ['ipv4 octet > 255', ipAddressRecognizer, 'from 203.0.113.256', []],
  ['ipv6', ipAddressRecognizer, 'from 2001:db8:85a3:0:0:8a2e:370:7334', ['2001:db8:85a3:0:0:8a2e:370:7334']],
  ['dob with context', dateOfBirthRecognizer, 'Date of Birth: 04/17/1982', ['04/17/1982']],
  ['dob month name', dateOfBirthRecognizer, 'DOB March 3, 1975', ['March 3, 1975']],
  ['dob label above', dateOfBirthRecognizer, 'BIRTH DATE\n1990-12-01', ['1990-12-01']],
  ['date without birth context', dateOfBirthRecognizer, 'Statement date 04/17/1982', []],
  ['dob impossible date', dateOfBirthRecognizer, 'DOB 02/30/1982', []],
  ['dob in the future', dateOfBirthRecognizer, 'DOB 01/01/2999', []],
  ['driver licence CA', usDriverLicenseRecognizer, "Driver's License No.: B1234567", ['B1234567']],
  ['driver licence NY', usDriverLicenseRecognizer, 'DL Number 123 456 789', ['123 456 789']],
  ['driver licence IL dashed', usDriverLicenseRecognizer, "Driver's license: D123-4567-8901", ['D123-4567-8901']],
  ['driver licence WI dashed', usDriverLicenseRecognizer, 'DL# S123-4567-8901-23', ['S123-4567-8901-23']],
  ['driver licence MD', usDriverLicenseRecognizer, 'License No. A-123-456-789-012', ['A-123-456-789-012']],
  ['driver licence NJ', usDriverLicenseRecognizer, 'DL: F1234 56789 01234', ['F1234 56789 01234']],
  ['driver licence WA', usDriverLicenseRecognizer, 'driver licence SMITHJA123BC', ['SMITHJA123BC']],
  ['driver licence two letters', usDriverLicenseRecognizer, 'Lic. AB123456', ['AB123456']],
  ['driver licence look-alike without context', usDriverLicenseRecognizer, 'Ref D123-4567-8901', []],
  ['driver licence letters without context', usDriverLicenseRecognizer, 'invoice AB123456', []],
  ['driver licence no context', usDriverLicenseRecognizer, 'Part B1234567', []],
  ['passport', usPassportRecognizer, 'Passport Number: 912345678', ['912345678']],
  ['passport letter', usPassportRecognizer, 'passport no. C03005988', ['C03005988']],
  ['passport no context', usPassportRecognizer, 'Claim 912345678', []],
  ['itin dashed', usItinRecognizer, 'ITIN 912-78-1234', ['912-78-1234']],
  ['itin input mask', usItinRecognizer, 'ITIN <picture>text{999-99-9999}</picture>', []],
  ['itin invalid middle', usItinRecognizer, 'ITIN 912-45-1234', []],
  ['address street + city', streetAddressRecognizer, 'lives at 1600 Amphitheatre Parkway, Mountain View, CA 94043.', ['1600 Amphitheatre Parkway, Mountain View, CA 94043']],
  ['address with unit', streetAddressRecognizer, '742 Evergreen Terrace Apt 2', ['742 Evergreen Terrace Apt 2']],
  ['address all caps', streetAddressRecognizer, '55 WEST MAIN STREET', ['55 WEST MAIN STREET']],
  ['address none in prose', streetAddressRecognizer, 'a term of 5 years for the borrower', []],
];

describe('Recognizers', () => {
  it.each(cases)('%s', (_name, recognizer, text, expected) => {
    // Act
    const matches = found(recognizer, text);
    // Assess
    expect(matches).toEqual(expected);
  });

  it('explains every result', () => {
    const [result] = usSsnRecognizer.analyze('Social Security Number: 536-22-8674');
    expect(result).toMatchObject({ type: 'US_SSN', recognizer: 'UsSsnRecognizer', explanation: { validation: 'passed', pattern: 'ssn dashed' } });
    expect(result!.explanation.contextWords).toContain('social security');
    expect(result!.score).toBeGreaterThan(0.5);
  });
});
