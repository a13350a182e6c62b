import type { Recognizer } from './Recognizer.js';
import { abaRoutingRecognizer } from './abaRouting.js';
import { bankAccountRecognizer } from './bankAccount.js';
import { creditCardRecognizer } from './creditCard.js';
import { dateOfBirthRecognizer } from './dateOfBirth.js';
import { emailRecognizer } from './email.js';
import { ibanRecognizer } from './iban.js';
import { ipAddressRecognizer } from './ipAddress.js';
import { phoneRecognizer } from './phone.js';
import { streetAddressRecognizer } from './streetAddress.js';
import { usDriverLicenseRecognizer } from './usDriverLicense.js';
import { usItinRecognizer } from './usItin.js';
import { usPassportRecognizer } from './usPassport.js';
import { usSsnRecognizer } from './usSsn.js';

export type { Recognizer, RecognizerResult, Explanation } from './Recognizer.js';
export { PatternRecognizer } from './PatternRecognizer.js';

/** Every pattern recognizer, most specific first: on equal scores an earlier one wins an overlap. */
export const patternRecognizers: readonly Recognizer[] = [
  emailRecognizer, ibanRecognizer, creditCardRecognizer, usSsnRecognizer, usItinRecognizer, abaRoutingRecognizer,
  usPassportRecognizer, usDriverLicenseRecognizer, dateOfBirthRecognizer, phoneRecognizer, ipAddressRecognizer,
  bankAccountRecognizer, streetAddressRecognizer,
];
