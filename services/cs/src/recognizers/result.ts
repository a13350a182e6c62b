import type { RecognizerResult } from './Recognizer.js';

/** Builds a result with its explanation, for recognizers that do not use the shared pattern loop. */
export function resultOf(args: {
  type: string; start: number; end: number; score: number; recognizer: string; pattern: string;
  originalScore: number; validated: boolean; contextWords: string[]; note?: string;
}): RecognizerResult {
  const why = [`pattern ${args.pattern}`, args.validated ? 'validated' : '', args.note ?? '',
    args.contextWords.length ? `context: ${args.contextWords.join(', ')}` : ''].filter(Boolean).join('; ');
  return {
    type: args.type, start: args.start, end: args.end, score: Math.round(Math.min(1, args.score) * 1000) / 1000, recognizer: args.recognizer,
    explanation: {
      recognizer: args.recognizer, pattern: args.pattern, validation: args.validated ? 'passed' : 'none',
      contextWords: args.contextWords, originalScore: args.originalScore, textual: why,
    },
  };
}
