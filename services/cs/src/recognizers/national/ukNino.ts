import { PatternRecognizer } from '../PatternRecognizer.js';

// HMRC: first letters never D, F, I, Q, U, V; second never O; these pairs are not allocated.
const NOT_ALLOCATED = new Set(['BG', 'GB', 'NK', 'KN', 'TN', 'NT', 'ZZ']);

/** UK National Insurance number (`QQ 12 34 56 C`): prefix rules, suffix A-D. */
export const ukNinoRecognizer = new PatternRecognizer({
  name: 'UkNinoRecognizer',
  entityType: 'UK_NINO',
  patterns: [{ name: 'nino', regex: /\b[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z] ?\d{2} ?\d{2} ?\d{2} ?[A-D]\b/, score: 0.6 }],
  context: ['national insurance', 'nino', 'ni number', 'ni no', 'nin'],
  validate: (m) => !NOT_ALLOCATED.has(m.slice(0, 2)),
});
