import { PatternRecognizer } from './PatternRecognizer.js';
import { abaValid, repeatedDigits } from './checksums.js';

/** ABA routing transit number: nine digits with a checksum; only next to a routing keyword, since one nine-digit number in ten passes. */
export const abaRoutingRecognizer = new PatternRecognizer({
  name: 'AbaRoutingRecognizer',
  entityType: 'ABA_ROUTING',
  patterns: [
    { name: 'aba plain', regex: /(?<![\d-])[0-3]\d{8}(?![\d-])/, score: 0.4 },
    { name: 'aba dashed', regex: /(?<![\d-])[0-3]\d{3}-\d{4}-\d(?![\d-])/, score: 0.4 },
  ],
  context: ['routing', 'aba', 'rtn', 'transit', 'routing number', 'aba#'],
  requireContext: true,
  validate: (m) => abaValid(m) && !repeatedDigits(m),
});
