import { PatternRecognizer } from '../PatternRecognizer.js';

/** UK (DVLA) driving licence number: 5 letters of the surname (padded with 9), birth date digits, initials, check characters. */
export const ukDrivingLicenceRecognizer = new PatternRecognizer({
  name: 'UkDrivingLicenceRecognizer',
  entityType: 'DRIVER_LICENSE',
  patterns: [{ name: 'dvla', regex: /\b[A-Z9]{5}\d(?:[05][1-9]|[16][0-2])(?:0[1-9]|[12]\d|3[01])\d[A-Z9]{2}\d[A-Z]{2}(?: ?\d{2})?\b/, score: 0.7 }],
  context: ['driving licence', 'driving license', 'licence', 'license', 'dvla'],
});
