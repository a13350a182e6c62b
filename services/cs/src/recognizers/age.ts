import type { Recognizer, RecognizerResult } from './Recognizer.js';
import { resultOf } from './result.js';

const NAME = 'AgeRecognizer';
// The number is group 1 in each pattern.
const PATTERNS: [string, RegExp, number][] = [
  ['years old', /\b(\d{1,3})[ -](?:years?|yrs?)[ -]old\b/gi, 0.85],
  ['aged n', /\b(?:aged?|age:)\s*(?:is\s*|of\s*)?(\d{1,3})\b(?![.,]\d)/gi, 0.7],
  ['age label', /\bage\s*(?:\(years\))?\s*[:\n]\s*(\d{1,3})\b(?![.,]\d)/gi, 0.75],
  ['n yo', /\b(\d{1,3})\s?(?:y\/o|yo|y\.o\.)(?!\w)/gi, 0.7],
  ['turned n', /\b(?:turned|turns|turning)\s+(\d{1,3})\b(?![.,%]\d*|\s*(?:percent|%))/gi, 0.55],
];

/** A person's age (`42 years old`, `aged 42`, `Age: 42`, `42-year-old`, `42 y/o`, `turned 42`); 0-125. */
export const ageRecognizer: Recognizer = {
  name: NAME,
  entityTypes: ['AGE'],
  analyze(text: string): RecognizerResult[] {
    const out = new Map<number, RecognizerResult>();
    for (const [pattern, regex, score] of PATTERNS) {
      for (const m of text.matchAll(regex)) {
        const value = Number(m[1]);
        if (value > 125) continue;
        const start = m.index + m[0].indexOf(m[1]!);
        if (!out.has(start)) out.set(start, resultOf({ type: 'AGE', start, end: start + m[1]!.length, score, recognizer: NAME, pattern, originalScore: score, validated: true, contextWords: [] }));
      }
    }
    return [...out.values()].sort((a, b) => a.start - b.start);
  },
};
