import { cardCvvRecognizer } from '../../src/recognizers/cardCvv.js';
import { cardExpiryRecognizer } from '../../src/recognizers/cardExpiry.js';
import { creditCardRecognizer } from '../../src/recognizers/creditCard.js';
import { ibanRecognizer } from '../../src/recognizers/iban.js';
import type { Recognizer } from '../../src/recognizers/Recognizer.js';
import { swiftBicRecognizer } from '../../src/recognizers/swiftBic.js';
import { found } from './found.js';

const cases: [string, Recognizer, string, string[]][] = [
  // cards: issuer range + length + Luhn
  ['visa grouped', creditCardRecognizer, 'Card 4111 1111 1111 1111 exp', ['4111 1111 1111 1111']],
  ['mastercard 2-series', creditCardRecognizer, 'paid with 2221000000000009', ['2221000000000009']],
  ['amex grouped', creditCardRecognizer, 'amex 3782 822463 10005', ['3782 822463 10005']],
  ['maestro 12 digits after "card"', creditCardRecognizer, 'card 503802053770', ['503802053770']],
  ['jcb 15 digits after "card"', creditCardRecognizer, 'card number 180000826105910', ['180000826105910']],
  ['visa 19 digits', creditCardRecognizer, '4111111111111111110', ['4111111111111111110']],
  ['short card without keyword', creditCardRecognizer, 'order 503802053770', []],
  ['luhn failure', creditCardRecognizer, '4111 1111 1111 1112', []],
  ['luhn-valid but no issuer (starts 9)', creditCardRecognizer, '9111111111111111', []],
  ['mixed separators', creditCardRecognizer, '4111 1111-1111 1111', []],
  ['repeated digits', creditCardRecognizer, 'card 0000 0000 0000 0000', []],
  // expiry and CVV need their keyword
  ['expiry mm/yy', cardExpiryRecognizer, 'exp 09/27', ['09/27']],
  ['expiry valid thru mm/yyyy', cardExpiryRecognizer, 'Valid thru 11/2026', ['11/2026']],
  ['expiry month 13', cardExpiryRecognizer, 'exp 13/27', []],
  ['date without expiry keyword', cardExpiryRecognizer, 'paid 09/27', []],
  ['cvv', cardCvvRecognizer, 'CVV: 123', ['123']],
  ['cvc four digits', cardCvvRecognizer, 'security code 4321', ['4321']],
  ['three digits without keyword', cardCvvRecognizer, 'room 123', []],
  ['cvv keyword far away', cardCvvRecognizer, 'CVV is printed on the back of the card; we never store 123', []],
  // IBAN through ibantools, any case
  ['iban de compact', ibanRecognizer, 'IBAN: DE89370400440532013000', ['DE89370400440532013000']],
  ['iban gb grouped', ibanRecognizer, 'IBAN GB82 WEST 1234 5698 7654 32', ['GB82 WEST 1234 5698 7654 32']],
  ['iban lower case', ibanRecognizer, 'iban de89370400440532013000', ['de89370400440532013000']],
  ['iban norway (15)', ibanRecognizer, 'NO9386011117947', ['NO9386011117947']],
  ['iban bad check digits', ibanRecognizer, 'DE88370400440532013000', []],
  ['iban wrong length', ibanRecognizer, 'DE8937040044053201300', []],
  ['iban unknown country', ibanRecognizer, 'QQ89370400440532013000', []],
  // SWIFT/BIC with keyword
  ['bic 8', swiftBicRecognizer, 'SWIFT: DEUTDEFF', ['DEUTDEFF']],
  ['bic 11', swiftBicRecognizer, 'BIC code NWBKGB2L123', ['NWBKGB2L123']],
  ['bic look-alike word', swiftBicRecognizer, 'The BUSINESS plan', []],
  ['bic without keyword', swiftBicRecognizer, 'code DEUTDEFF', []],
  ['bic bad country', swiftBicRecognizer, 'SWIFT DEUTQQFF', []],
];

describe('Recognizers: cards, IBAN, SWIFT/BIC', () => {
  it.each(cases)('%s', (_name, recognizer, text, expected) => {
    // Act
    const matches = found(recognizer, text);
    // Assess
    expect(matches).toEqual(expected);
  });
});
