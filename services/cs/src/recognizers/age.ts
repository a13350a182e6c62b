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

// An age in a rule is a limit, not a person's age: `under age 17`, `at least 18 years old`, `aged 62 or
// older`, `considered to be age 65`. Instructions, eligibility rules and disclosures are full of them.
const LIMIT_BEFORE = /\b(?:under|over|below|above|at least|at most|less than|more than|younger than|older than|minimum|maximum|min\.?|max\.?|reach(?:es|ed|ing)?|attain(?:s|ed|ing)?|to be|until|before|after|by|from|between)\s*$/i;
const LIMIT_AFTER = /^\s*(?:(?:or|and)\s+(?:older|over|above|younger|under|below|more|less|up)\b|\+|(?:to|-)\s*\d)/i;

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
        const after = m.index + m[0].length;
        if (LIMIT_BEFORE.test(text.slice(Math.max(0, m.index - 24), m.index)) || LIMIT_AFTER.test(text.slice(after, after + 24))) continue;
        const start = m.index + m[0].indexOf(m[1]!);
        if (!out.has(start)) out.set(start, resultOf({ type: 'AGE', start, end: start + m[1]!.length, score, recognizer: NAME, pattern, originalScore: score, validated: true, contextWords: [] }));
      }
    }
    return [...out.values()].sort((a, b) => a.start - b.start);
  },
};
