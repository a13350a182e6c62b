import { PatternRecognizer } from './PatternRecognizer.js';

// USPS state and territory codes and state names: `Springfield, IL 62704` or `Austin, Texas 78701` is an
// address's last line even without a ZIP keyword; a bare five-digit number is not a ZIP.
// codes that are also English words (IN, OR, ME, ...) only after a comma: `INVOICE IN 12345` is no address
const US_STATE_CODES = 'AK|AZ|AR|CA|CT|DC|FL|GA|IL|IA|KS|KY|MD|MI|MN|MS|MO|MT|NE|NV|NH|NJ|NM|NY|NC|ND|RI|SC|SD|TN|TX|UT|VT|VA|WA|WV|WI|WY|PR|GU|VI|MP';
const US_STATE_WORD_CODES = 'AL|CO|DE|HI|ID|IN|LA|ME|MA|OH|OK|OR|PA|AS|AA|AE|AP';
const US_STATE_NAMES = 'Alabama|Alaska|Arizona|Arkansas|California|Colorado|Connecticut|Delaware|Florida|Georgia|Hawaii|Idaho|Illinois|Indiana|Iowa|Kansas|Kentucky|Louisiana|Maine|Maryland|Massachusetts|Michigan|Minnesota|Mississippi|Missouri|Montana|Nebraska|Nevada|New Hampshire|New Jersey|New Mexico|New York|North Carolina|North Dakota|Ohio|Oklahoma|Oregon|Pennsylvania|Rhode Island|South Carolina|South Dakota|Tennessee|Texas|Utah|Vermont|Virginia|Washington|West Virginia|Wisconsin|Wyoming|Puerto Rico|District of Columbia';
// after a word (the city) and an optional comma, so `PAYMENT DUE IN 30 DAYS` style capitals alone do not start one
const AFTER_STATE = new RegExp(String.raw`(?<=(?:[A-Za-z.],?[ ]{1,3}(?:${US_STATE_CODES}|${US_STATE_NAMES})|[A-Za-z.],[ ]{1,3}(?:${US_STATE_WORD_CODES}))\.?,?[ ]{1,3})\d{5}(?:-\d{4})?(?![\w-])`);

/**
 * Postal codes. UK and Canadian codes have a shape nothing else has and count alone; numeric codes
 * (US ZIP, Brazil's CEP `75534-030`, Japan's `100-0001`, 4-6 digits elsewhere) only next to a
 * postal-code keyword, since any short number could be one; a US ZIP also after a state (`Springfield, IL 62704`).
 */
export const postalCodeRecognizer = new PatternRecognizer({
  name: 'PostalCodeRecognizer',
  entityType: 'POSTAL_CODE',
  patterns: [
    { name: 'uk postcode', regex: /\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?|GIR) ?\d[ABD-HJLNP-UW-Z]{2}\b/, score: 0.55 },
    { name: 'canada postal code', regex: /\b[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d\b/, score: 0.55 },
    { name: 'us zip after state', regex: AFTER_STATE, score: 0.6 },
    { name: 'us zip', regex: /(?<![\w-])\d{5}(?:-\d{4})?(?![\w-])/, score: 0.2 },
    { name: 'numeric code', regex: /(?<![\w-])(?:\d{3,6}|\d{5}-\d{3}|\d{3}-\d{4}|\d{2}-\d{3})(?![\w-])/, score: 0.2 },
    { name: 'netherlands', regex: /\b\d{4} ?[A-Z]{2}\b/, score: 0.2 },
  ],
  context: ['zip', 'zip code', 'zipcode', 'postal', 'postal code', 'postcode', 'post code', 'postleitzahl', 'plz', 'code postal',
    'cep', 'pin code', 'pincode', 'cap', 'c.p.', 'código postal', 'codigo postal', '〒'],
  contextWindow: { lines: 1, maxChars: 40, after: 0 },
  contextBoost: 0.45,
});
