import { PatternRecognizer } from './PatternRecognizer.js';

const SUFFIXES = ['Street', 'St', 'Avenue', 'Ave', 'Road', 'Rd', 'Boulevard', 'Blvd', 'Drive', 'Dr', 'Lane', 'Ln', 'Court', 'Ct', 'Way',
  'Place', 'Pl', 'Terrace', 'Ter', 'Parkway', 'Pkwy', 'Circle', 'Cir', 'Highway', 'Hwy', 'Real', 'Square', 'Sq'];
const UNITS = ['Apt', 'Apartment', 'Unit', 'Suite', 'Ste'];

/** The street pattern in Title Case or in ALL CAPS (headers and form fields are often capitalised). */
function streetPattern(caps: boolean): RegExp {
  const c = (w: string) => (caps ? w.toUpperCase() : w);
  const lower = caps ? 'A-Z' : 'a-z';
  const word = String.raw`(?:[A-Z][A-Z${lower}'.-]*|\d+(?:${c('st')}|${c('nd')}|${c('rd')}|${c('th')}))`;
  const unit = String.raw`(?:,? (?:${UNITS.map(c).join('|')}|#)\.? ?[A-Za-z0-9-]+)?`;
  const city = String.raw`(?:(?:,|\n) ?[A-Z][A-Z${lower}.' -]{1,30}, [A-Z]{2} \d{5}(?:-\d{4})?)?`;
  return new RegExp(String.raw`(?<![\w-])\d{1,6} (?:[NSEW]\.? )?(?:${word} ){0,4}(?:${SUFFIXES.map(c).join('|')})\.?${unit}${city}(?![\w])`);
}

/** US street addresses: number, street name, suffix, optional unit and `City, ST 12345` line. */
export const streetAddressRecognizer = new PatternRecognizer({
  name: 'StreetAddressRecognizer',
  entityType: 'ADDRESS',
  patterns: [
    { name: 'us street', regex: streetPattern(false), score: 0.5 },
    { name: 'us street caps', regex: streetPattern(true), score: 0.5 },
  ],
  context: ['address', 'residence', 'street', 'property', 'located', 'mailing', 'lives', 'home'],
  contextWindow: { lines: 1, maxChars: 80, after: 0 },
});
