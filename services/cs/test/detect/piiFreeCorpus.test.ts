import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PiiDetector } from '../../src/detect/PiiDetector.js';
import { DEFAULT_PII_TYPES } from '../../src/detect/piiPolicy.js';
import { patternRecognizers } from '../../src/recognizers/index.js';
import { sharedModel } from '../fixtures/deps.js';

// The false-positive regression suite: texts without personal data that loan packages are full of
// (rate sheets, blank forms and their instructions, option lists, code, logs, legal boilerplate).
// Each must yield no entity of a type that makes a document pii; places and organisations may be found.
const dir = join(import.meta.dirname, '../fixtures/pii-free');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt')).sort();
const piiTypes = new Set<string>(DEFAULT_PII_TYPES);

describe('PII-free corpus stays clean (recognizers + NER)', () => {
  let detector: PiiDetector;
  beforeAll(async () => {
    detector = new PiiDetector(patternRecognizers, await sharedModel());
  });

  it('has the corpus', () => {
    expect(files.length).toBeGreaterThanOrEqual(8);
  });

  it.each(files)('%s has no personal data entity', async (file) => {
    const text = readFileSync(join(dir, file), 'utf8');
    const pii = (await detector.detectText(text)).filter((e) => piiTypes.has(e.type));
    expect(pii.map((e) => `${e.type} ${JSON.stringify(text.slice(e.start, e.end))} ${e.score} ${e.recognizer}`)).toEqual([]);
  });
});
