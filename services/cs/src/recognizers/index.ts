import type { Recognizer } from './Recognizer.js';
import { abaRoutingRecognizer } from './abaRouting.js';
import { ageRecognizer } from './age.js';
import { bankAccountRecognizer } from './bankAccount.js';
import { cardCvvRecognizer } from './cardCvv.js';
import { cardExpiryRecognizer } from './cardExpiry.js';
import { creditCardRecognizer } from './creditCard.js';
import { credentialsRecognizer } from './credentials.js';
import { dateOfBirthRecognizer } from './dateOfBirth.js';
import { emailRecognizer } from './email.js';
import { ibanRecognizer } from './iban.js';
import { internationalAddressRecognizer } from './internationalAddress.js';
import { ipAddressRecognizer } from './ipAddress.js';
import { macAddressRecognizer } from './macAddress.js';
import { auTfnRecognizer } from './national/auTfn.js';
import { brCpfRecognizer } from './national/brCpf.js';
import { caSinRecognizer } from './national/caSin.js';
import { deTaxIdRecognizer } from './national/deTaxId.js';
import { esNifRecognizer } from './national/esNif.js';
import { frNirRecognizer } from './national/frNir.js';
import { inAadhaarRecognizer } from './national/inAadhaar.js';
import { inPanRecognizer } from './national/inPan.js';
import { itFiscalCodeRecognizer } from './national/itFiscalCode.js';
import { passportRecognizer } from './national/passport.js';
import { ukDrivingLicenceRecognizer } from './national/ukDrivingLicence.js';
import { ukNinoRecognizer } from './national/ukNino.js';
import { phoneRecognizer } from './phone.js';
import { postalCodeRecognizer } from './postalCode.js';
import { streetAddressRecognizer } from './streetAddress.js';
import { swiftBicRecognizer } from './swiftBic.js';
import { urlPersonalDataRecognizer } from './urlPersonalData.js';
import { usDriverLicenseRecognizer } from './usDriverLicense.js';
import { usItinRecognizer } from './usItin.js';
import { usPassportRecognizer } from './usPassport.js';
import { usSsnRecognizer } from './usSsn.js';

export type { Recognizer, RecognizerResult, Explanation } from './Recognizer.js';
export { PatternRecognizer } from './PatternRecognizer.js';

/** Every pattern recognizer, most specific first: on equal scores an earlier one wins an overlap. */
export const patternRecognizers: readonly Recognizer[] = [
  urlPersonalDataRecognizer, emailRecognizer, ibanRecognizer, creditCardRecognizer, usSsnRecognizer, usItinRecognizer,
  ukNinoRecognizer, frNirRecognizer, itFiscalCodeRecognizer, esNifRecognizer, brCpfRecognizer, inAadhaarRecognizer, inPanRecognizer,
  caSinRecognizer, deTaxIdRecognizer, auTfnRecognizer, abaRoutingRecognizer, swiftBicRecognizer,
  usPassportRecognizer, passportRecognizer, usDriverLicenseRecognizer, ukDrivingLicenceRecognizer,
  dateOfBirthRecognizer, cardExpiryRecognizer, cardCvvRecognizer, credentialsRecognizer, ageRecognizer,
  phoneRecognizer, ipAddressRecognizer, macAddressRecognizer, bankAccountRecognizer,
  streetAddressRecognizer, internationalAddressRecognizer, postalCodeRecognizer,
];
