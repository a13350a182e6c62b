import { PatternRecognizer } from './PatternRecognizer.js';

// IRS: ITINs start with 9 and the fourth-fifth digits are 50-65, 70-88, 90-92 or 94-99.
const ITIN = String.raw`9\d{2}[- ]?(?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])[- ]?\d{4}`;

/** US Individual Taxpayer Identification Number. */
export const usItinRecognizer = new PatternRecognizer({
  name: 'UsItinRecognizer',
  entityType: 'US_ITIN',
  patterns: [
    { name: 'itin separated', regex: new RegExp(String.raw`(?<![\d-])9\d{2}[- ](?:5\d|6[0-5]|7\d|8[0-8]|9[0-2]|9[4-9])[- ]\d{4}(?![\d-])`), score: 0.5 },
    { name: 'itin plain', regex: new RegExp(String.raw`(?<![\d-])${ITIN.replace(/\[- \]\?/g, '')}(?![\d-])`), score: 0.3 },
  ],
  // one digit throughout (`999-99-9999`) is a form's input mask or a placeholder, never an issued number
  validate: (m) => !/^(\d)(?:[- ]?\1)+$/.test(m),
  context: ['itin', 'taxpayer', 'tin', 'individual taxpayer', 'tax id'],
});
