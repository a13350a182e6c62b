import { PatternRecognizer } from './PatternRecognizer.js';

/** Email addresses (RFC 5322 simplified: local part, domain, alphabetic top-level domain). */
export const emailRecognizer = new PatternRecognizer({
  name: 'EmailRecognizer',
  entityType: 'EMAIL',
  patterns: [{ name: 'email', regex: /(?<![\w.+-])[A-Za-z0-9._%+-]+@(?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,24}(?![\w-])/, score: 1 }],
  context: ['email', 'e-mail', 'mail'],
  validate: (m) => !m.includes('..') && !m.startsWith('.'),
});
