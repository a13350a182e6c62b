import { PatternRecognizer } from '../PatternRecognizer.js';
import { iso7064Mod1110Valid } from '../checksums.js';

/** German tax identification number (Steuer-ID): 11 digits, no leading 0, ISO 7064 check digit; keyword required. */
export const deTaxIdRecognizer = new PatternRecognizer({
  name: 'DeTaxIdRecognizer',
  entityType: 'DE_TAX_ID',
  patterns: [{ name: 'steuer-id', regex: /(?<![\d-])[1-9]\d(?: ?\d{3}){3}(?![\d-])/, score: 0.3 }],
  context: ['steuer-id', 'steuerid', 'steueridentifikationsnummer', 'identifikationsnummer', 'idnr', 'tax id', 'tin', 'steuernummer'],
  contextBoost: 0.5,
  requireContext: true,
  validate: (m) => m.replace(/\D/g, '').length === 11 && iso7064Mod1110Valid(m),
});
