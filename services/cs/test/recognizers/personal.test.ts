import { ageRecognizer } from '../../src/recognizers/age.js';
import { credentialsRecognizer } from '../../src/recognizers/credentials.js';
import { dateOfBirthRecognizer } from '../../src/recognizers/dateOfBirth.js';
import { internationalAddressRecognizer } from '../../src/recognizers/internationalAddress.js';
import { macAddressRecognizer } from '../../src/recognizers/macAddress.js';
import { postalCodeRecognizer } from '../../src/recognizers/postalCode.js';
import type { Recognizer } from '../../src/recognizers/Recognizer.js';
import { urlPersonalDataRecognizer } from '../../src/recognizers/urlPersonalData.js';
import { found } from './found.js';

const cases: [string, Recognizer, string, string[]][] = [
  ['age years old', ageRecognizer, 'She is 42 years old', ['42']],
  ['age hyphenated', ageRecognizer, 'a 67-year-old borrower', ['67']],
  ['age label', ageRecognizer, 'Age: 35', ['35']],
  ['aged', ageRecognizer, 'aged 71, retired', ['71']],
  ['age y/o', ageRecognizer, 'pt is 29 y/o', ['29']],
  ['age over 125', ageRecognizer, 'a 300 years old building', []],
  ['age of a loan is not a person', ageRecognizer, 'average 42 days', []],
  ['percent is not an age', ageRecognizer, 'rates turned 5%', []],
  ['age limit under', ageRecognizer, 'a qualifying child must be under age 17', []],
  ['age limit at least', ageRecognizer, 'you must be at least 18 years old to apply', []],
  ['age limit or older', ageRecognizer, 'persons aged 62 or older may qualify', []],
  ['age rule to be', ageRecognizer, 'You are considered to be age 65 on the day before', []],
  ['age range', ageRecognizer, 'borrowers aged 25-40', []],
  ['age stated stays', ageRecognizer, 'The borrower, aged 64, is retired', ['64']],
  ['dob cut-off before', dateOfBirthRecognizer, 'If you were born before January 2, 1960, check the box', []],
  ['dob cut-off on or after', dateOfBirthRecognizer, 'Borrowers born on or after 01/01/1990 must', []],
  ['dob cut-off between', dateOfBirthRecognizer, 'persons born between 1/1/1950 and 12/31/1960', []],
  ['dob filled after label stays', dateOfBirthRecognizer, 'Date of birth (before marriage name): 04/17/1982', ['04/17/1982']],
  ['dob sentence stays', dateOfBirthRecognizer, 'She was born on March 3, 1975 in Ohio', ['March 3, 1975']],
  ['dob day-first dotted', dateOfBirthRecognizer, 'born on 17.04.1982', ['17.04.1982']],
  ['dob two-digit year', dateOfBirthRecognizer, 'DOB: 04/17/82', ['04/17/82']],
  ['dob ordinal', dateOfBirthRecognizer, 'Date of birth: April 17th, 1982', ['April 17th, 1982']],
  ['dob day month', dateOfBirthRecognizer, 'geboren 3 March 1975', ['3 March 1975']],
  ['dob slashed iso', dateOfBirthRecognizer, 'DOB 1982/04/17', ['1982/04/17']],
  ['dob impossible', dateOfBirthRecognizer, 'DOB 31.02.1982', []],
  ['date without birth keyword', dateOfBirthRecognizer, 'Statement date 17.04.1982', []],
  ['zip label', postalCodeRecognizer, 'ZIP: 48750', ['48750']],
  ['zip sentence', postalCodeRecognizer, 'My zip code is 3910', ['3910']],
  ['cep', postalCodeRecognizer, 'CEP 75534-030', ['75534-030']],
  ['uk postcode alone', postalCodeRecognizer, 'London SW1A 1AA', ['SW1A 1AA']],
  ['canada postal code alone', postalCodeRecognizer, 'Ottawa K1A 0B1', ['K1A 0B1']],
  ['zip after state code', postalCodeRecognizer, '12 Elm St, Springfield, IL 62704', ['62704']],
  ['zip+4 after state name', postalCodeRecognizer, 'Austin, Texas 78701-1234', ['78701-1234']],
  ['zip after word-like state code with comma', postalCodeRecognizer, 'Portland, OR 97201', ['97201']],
  ['word-like state code without comma is no address', postalCodeRecognizer, 'INVOICE IN 12345', []],
  ['bare five digits is no zip', postalCodeRecognizer, 'Total 12345 units', []],
  ['number without postal keyword', postalCodeRecognizer, 'Invoice 48750', []],
  ['uk look-alike', postalCodeRecognizer, 'model AB12 CD', []],
  ['military unit', internationalAddressRecognizer, 'Unit 5477 Box 8244 DPO AP 15730', ['Unit 5477 Box 8244 DPO AP 15730']],
  ['military ship', internationalAddressRecognizer, 'USNS Mercy, FPO AE 09001', ['USNS Mercy, FPO AE 09001']],
  ['postbox', internationalAddressRecognizer, 'send to Postbox 53 please', ['Postbox 53']],
  ['german street', internationalAddressRecognizer, 'Hauptstraße 5, 10115 Berlin', ['Hauptstraße 5, 10115 Berlin']],
  ['greek square', internationalAddressRecognizer, 'Πλατεία Συντάγματος 204', ['Πλατεία Συντάγματος 204']],
  ['russian street', internationalAddressRecognizer, 'ул. Тверская, д. 7', ['ул. Тверская, д. 7']],
  ['italian via', internationalAddressRecognizer, 'Via Roma 10, 00184 Roma', ['Via Roma 10, 00184 Roma']],
  ['a box is not an address', internationalAddressRecognizer, 'the box 5 was opened', []],
  ['route 66 is a road, not an address', internationalAddressRecognizer, 'in route 66 we drove', []],
  ['place as a verb', internationalAddressRecognizer, 'a place 5 times', []],
  ['mac colon', macAddressRecognizer, 'MAC 00:1A:2B:3C:4D:5E', ['00:1A:2B:3C:4D:5E']],
  ['mac cisco', macAddressRecognizer, 'mac address 001a.2b3c.4d5e', ['001a.2b3c.4d5e']],
  ['mac broadcast', macAddressRecognizer, 'ff:ff:ff:ff:ff:ff', []],
  ['mac look-alike time', macAddressRecognizer, 'at 12:30:45', []],
  ['url with email', urlPersonalDataRecognizer, 'visit https://example.com/reset?email=ana%40mail.com now', ['https://example.com/reset?email=ana%40mail.com']],
  ['url with credentials', urlPersonalDataRecognizer, 'ftp://joe:pw123@files.example.org/x', ['ftp://joe:pw123@files.example.org/x']],
  ['plain url', urlPersonalDataRecognizer, 'see https://example.com/docs?page=2', []],
  ['username and password', credentialsRecognizer, 'username: jdoe_82 password: S3cr3t!pw', ['jdoe_82', 'S3cr3t!pw']],
  ['pin', credentialsRecognizer, 'PIN: 4821', ['4821']],
  ['password label without value', credentialsRecognizer, 'Password: reset', []],
  ['password in prose without separator', credentialsRecognizer, 'the password policy changed', []],
];

describe('Recognizers: age, dates of birth, postal codes, addresses, devices, URLs, credentials', () => {
  it.each(cases)('%s', (_name, recognizer, text, expected) => {
    // Act
    const matches = found(recognizer, text);
    // Assess
    expect(matches).toEqual(expected);
  });
});

describe('Recognizer: credentials (labels need a separator)', () => {
  it.each([
    ['we handle loans daily', []],
    ['login is jdoe82', ['jdoe82']],
    ['User ID: ana.souza@corp', ['ana.souza@corp']],
  ])('%s', (text, expected) => {
    // Act + Assess
    expect(found(credentialsRecognizer, text)).toEqual(expected);
  });
});
