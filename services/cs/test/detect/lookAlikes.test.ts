import { PiiDetector } from '../../src/detect/PiiDetector.js';
import { patternRecognizers } from '../../src/recognizers/index.js';

const detector = new PiiDetector(patternRecognizers, null);

// [case, text, type, the original characters the finding must cover]
const cases: [string, string, string, string][] = [
  ['SSN in full-width digits', 'SSN: ５３６－２２－８６７４', 'US_SSN', '５３６－２２－８６７４'],
  ['SSN with non-breaking hyphens', 'SSN: 536\u201122\u20118674', 'US_SSN', '536\u201122\u20118674'],
  ['SSN with zero-width spaces', 'Social Security 536\u200B-\u200B22-8674', 'US_SSN', '536\u200B-\u200B22-8674'],
  ['SSN with en dashes', 'SSN 536\u201322\u20138674', 'US_SSN', '536\u201322\u20138674'],
  ['card with no-break spaces', 'Card 4111\u00A01111\u00A01111\u00A01111', 'CREDIT_CARD', '4111\u00A01111\u00A01111\u00A01111'],
  ['e-mail in full-width letters', 'write to ａｎａ@example.com', 'EMAIL', 'ａｎａ@example.com'],
  ['phone with figure dashes', 'Phone: 212\u2012555\u20120175', 'PHONE', '212\u2012555\u20120175'],
  ['IBAN after a ligature', '\uFB01nance IBAN DE89370400440532013000', 'IBAN', 'DE89370400440532013000'],
];

describe('Class: PiiDetector (look-alike characters)', () => {
  it.each(cases)('%s', async (_name, text, type, original) => {
    // Act
    const entities = await detector.detectText(text);
    // Assess
    const hit = entities.find((e) => e.type === type);
    expect(hit).toBeDefined();
    expect(text.slice(hit!.start, hit!.end)).toBe(original);
  });

  it('finds nothing in look-alike text that is not an identifier', async () => {
    // Act
    const entities = await detector.detectText('Ｓｅｃｔｉｏｎ ４．２ — terms apply\u00A0(see page ３)');
    // Assess
    expect(entities).toEqual([]);
  });
});
