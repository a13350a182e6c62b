import { PiiDetector } from '../../src/detect/PiiDetector.js';
import { parseMinScores } from '../../src/detect/minScores.js';
import { patternRecognizers } from '../../src/recognizers/index.js';

describe('Per-entity thresholds (PII_MIN_SCORES)', () => {
  const text = 'Order 555-0143 shipped'; // a local phone layout with no phone word: PHONE at 0.3
  const types = async (d: PiiDetector) => (await d.detectText(text)).map((e) => e.type);

  it('a type reported only when its score reaches its own threshold', async () => {
    expect(await types(new PiiDetector(patternRecognizers, null))).not.toContain('PHONE');
    expect(await types(new PiiDetector(patternRecognizers, null, { PHONE: 0.3 }))).toContain('PHONE');
    expect(await types(new PiiDetector(patternRecognizers, null, { PERSON: 0.3 }))).not.toContain('PHONE');
  });

  it('parses TYPE=score lists and names a wrong entry', () => {
    expect(parseMinScores('PERSON=0.6,US_SSN=.8')).toEqual({ PERSON: 0.6, US_SSN: 0.8 });
    expect(() => parseMinScores('PERSON=0.6,phone')).toThrow('"phone"');
  });
});
