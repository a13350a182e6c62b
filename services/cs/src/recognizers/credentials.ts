import type { Recognizer, RecognizerResult } from './Recognizer.js';
import { resultOf } from './result.js';

const NAME = 'CredentialsRecognizer';
// label, optional "is", separator, then the value: one token on the same line.
const LABELLED: [string, string, RegExp, number][] = [
  ['USERNAME', 'username label', /\b(?:user\s?name|user\s?id|login(?:\s?(?:name|id))?|screen\s?name|handle|benutzername|usuario)\s*(?:is\s+|[:=#]\s*)[“"']?(@?[\p{L}\p{N}][\p{L}\p{N}._@+-]{1,63})/giu, 0.7],
  ['PASSWORD', 'password label', /\b(?:password|passwd|pwd|passcode|passphrase|pass\s?word|kennwort|passwort|contraseña|mot de passe)\s*(?:is\s+)?[:=]\s*[“"']?(\S{3,128}?)[”"']?(?=\s|$)/giu, 0.85],
  ['PASSWORD', 'pin label', /\b(?:pin|pin code|pin number)\s*(?:is\s+)?[:=#]?\s*(\d{4,8})\b/giu, 0.7],
];
const NOT_A_VALUE = new Set(['is', 'and', 'or', 'the', 'a', 'to', 'for', 'of', 'on', 'required', 'reset', 'field', 'n/a', 'none', 'name', 'id']);

/** Usernames and passwords (and PINs) written after their label: `username: jdoe_82`, `password = S3cr3t!`. */
export const credentialsRecognizer: Recognizer = {
  name: NAME,
  entityTypes: ['USERNAME', 'PASSWORD'],
  analyze(text: string): RecognizerResult[] {
    const out: RecognizerResult[] = [];
    for (const [type, pattern, regex, score] of LABELLED) {
      for (const m of text.matchAll(regex)) {
        const value = m[1]!;
        if (NOT_A_VALUE.has(value.toLowerCase())) continue;
        const start = m.index + m[0].lastIndexOf(value);
        out.push(resultOf({ type, start, end: start + value.length, score, recognizer: NAME, pattern, originalScore: score, validated: false, contextWords: [] }));
      }
    }
    return out;
  },
};
