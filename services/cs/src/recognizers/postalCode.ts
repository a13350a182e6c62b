import { PatternRecognizer } from './PatternRecognizer.js';

/**
 * Postal codes. UK and Canadian codes have a shape nothing else has and count alone; numeric codes
 * (US ZIP, Brazil's CEP `75534-030`, Japan's `100-0001`, 4-6 digits elsewhere) only next to a
 * postal-code keyword, since any short number could be one.
 */
export const postalCodeRecognizer = new PatternRecognizer({
  name: 'PostalCodeRecognizer',
  entityType: 'POSTAL_CODE',
  patterns: [
    { name: 'uk postcode', regex: /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b/, score: 0.55 },
    { name: 'canada postal code', regex: /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/, score: 0.55 },
    { name: 'us zip', regex: /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/, score: 0.2 },
    { name: 'numeric code', regex: /(?<![\w-])(?:\d{3,6}|\d{5}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3})(?![\w-])/, score: 0.2 },
    { name: 'netherlands', regex: /\b\d{4} ?[A-Z]{2}\b/, score: 0.2 },
  ],
  context: ['zip', 'zip code', 'zipcode', 'postal', 'postal code', 'postcode', 'post code', 'postleitzahl', 'plz', 'code postal',
    'cep', 'pin code', 'pincode', 'cap', 'c.p.', 'código postal', 'codigo postal', '〒'],
  contextWindow: { lines: 1, maxChars: 40, after: 0 },
  contextBoost: 0.45,
});
