import { isValidBIC } from 'ibantools';
import { PatternRecognizer } from './PatternRecognizer.js';

/**
 * SWIFT/BIC codes (ISO 9362: bank, country, location, optional branch), validated by ibantools.
 * Eight capital letters are also ordinary words (`BUSINESS` passes: NE is Niger), so a SWIFT/BIC
 * keyword must be near.
 */
export const swiftBicRecognizer = new PatternRecognizer({
  name: 'SwiftBicRecognizer',
  entityType: 'SWIFT_BIC',
  patterns: [{ name: 'bic', regex: /\b[A-Za-z]{4}[A-Za-z]{2}[A-Za-z0-9]{2}(?:[A-Za-z0-9]{3})?\b/, score: 0.3 }],
  context: ['swift', 'bic', 'swift code', 'bic code', 'swift/bic', 'bank identifier', 'sort code'],
  contextWindow: { lines: 1, maxChars: 60, after: 0 },
  contextBoost: 0.5,
  requireContext: true,
  validate: (m) => /[A-Z]/.test(m) && isValidBIC(m.toUpperCase()),
});
