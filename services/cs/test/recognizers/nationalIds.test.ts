import { auTfnRecognizer } from '../../src/recognizers/national/auTfn.js';
import { brCpfRecognizer } from '../../src/recognizers/national/brCpf.js';
import { caSinRecognizer } from '../../src/recognizers/national/caSin.js';
import { deTaxIdRecognizer } from '../../src/recognizers/national/deTaxId.js';
import { esNifRecognizer } from '../../src/recognizers/national/esNif.js';
import { frNirRecognizer } from '../../src/recognizers/national/frNir.js';
import { inAadhaarRecognizer } from '../../src/recognizers/national/inAadhaar.js';
import { inPanRecognizer } from '../../src/recognizers/national/inPan.js';
import { itFiscalCodeRecognizer } from '../../src/recognizers/national/itFiscalCode.js';
import { passportRecognizer } from '../../src/recognizers/national/passport.js';
import { ukDrivingLicenceRecognizer } from '../../src/recognizers/national/ukDrivingLicence.js';
import { ukNinoRecognizer } from '../../src/recognizers/national/ukNino.js';
import type { Recognizer } from '../../src/recognizers/Recognizer.js';
import { found } from './found.js';

const cases: [string, Recognizer, string, string[]][] = [
  ['UK NINO', ukNinoRecognizer, 'NI number AB 12 34 56 C', ['AB 12 34 56 C']],
  ['UK NINO compact', ukNinoRecognizer, 'NINO: JG103759A', ['JG103759A']],
  ['UK NINO unallocated prefix', ukNinoRecognizer, 'NINO: GB 12 34 56 C', []],
  ['UK NINO first letter Q never issued', ukNinoRecognizer, 'NI number QQ 12 34 56 C', []],
  ['UK NINO suffix E', ukNinoRecognizer, 'AB 12 34 56 E', []],
  ['CA SIN', caSinRecognizer, 'SIN: 130 692 544', ['130 692 544']],
  ['CA SIN Luhn failure', caSinRecognizer, 'SIN: 130 692 545', []],
  ['CA SIN without keyword', caSinRecognizer, 'ref 130 692 544', []],
  ['DE Steuer-ID', deTaxIdRecognizer, 'Steuer-ID: 86095742719', ['86095742719']],
  ['DE Steuer-ID bad check digit', deTaxIdRecognizer, 'Steuer-ID: 86095742718', []],
  ['FR NIR', frNirRecognizer, 'NIR 1 85 05 78 006 084 91', ['1 85 05 78 006 084 91']],
  ['FR NIR bad key', frNirRecognizer, 'NIR 1 85 05 78 006 084 92', []],
  ['ES DNI', esNifRecognizer, 'DNI 12345678Z', ['12345678Z']],
  ['ES NIE', esNifRecognizer, 'NIE X1234567L', ['X1234567L']],
  ['ES DNI wrong letter', esNifRecognizer, 'DNI 12345678A', []],
  ['IT codice fiscale', itFiscalCodeRecognizer, 'codice fiscale RSSMRA85T10A562S', ['RSSMRA85T10A562S']],
  ['IT codice fiscale wrong check letter', itFiscalCodeRecognizer, 'CF RSSMRA85T10A562T', []],
  ['IN PAN', inPanRecognizer, 'PAN: ABCPE1234F', ['ABCPE1234F']],
  ['IN PAN bad holder type', inPanRecognizer, 'PAN: ABCXE1234F', []],
  ['IN Aadhaar', inAadhaarRecognizer, 'Aadhaar 2341 2341 2346', ['2341 2341 2346']],
  ['IN Aadhaar Verhoeff failure', inAadhaarRecognizer, 'Aadhaar 2341 2341 2345', []],
  ['IN Aadhaar starts with 1', inAadhaarRecognizer, 'Aadhaar 1341 2341 2346', []],
  ['AU TFN', auTfnRecognizer, 'TFN 123 456 782', ['123 456 782']],
  ['AU TFN bad check', auTfnRecognizer, 'TFN 123 456 781', []],
  ['AU TFN without keyword', auTfnRecognizer, 'id 123 456 782', []],
  ['BR CPF', brCpfRecognizer, 'CPF 123.456.789-09', ['123.456.789-09']],
  ['BR CPF formatted alone', brCpfRecognizer, 'titular: 529.982.247-25', ['529.982.247-25']],
  ['BR CPF bad check digits', brCpfRecognizer, 'CPF 123.456.789-10', []],
  ['BR CPF repeated digits', brCpfRecognizer, 'CPF 111.111.111-11', []],
  ['passport UK/India layout', passportRecognizer, 'passport number K1234567', ['K1234567']],
  ['passport Germany', passportRecognizer, 'Reisepass C01X00T47', ['C01X00T47']],
  ['passport without keyword', passportRecognizer, 'model K1234567', []],
  ['passport word without digits', passportRecognizer, 'passport REQUIRED', []],
  ['UK driving licence', ukDrivingLicenceRecognizer, 'licence MORGA753116SM9IJ', ['MORGA753116SM9IJ']],
  ['UK driving licence bad month', ukDrivingLicenceRecognizer, 'licence MORGA753916SM9IJ', []],
];

describe('Recognizers: national identifiers', () => {
  it.each(cases)('%s', (_name, recognizer, text, expected) => {
    // Act
    const matches = found(recognizer, text);
    // Assess
    expect(matches).toEqual(expected);
  });
});
