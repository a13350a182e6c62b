/** Whether a text layer reads as language, and if not, why (statistics only, never the text). */
export interface TextQuality {
  plausible: boolean;
  reason: string | null;
}

/** Below this many non-space characters a page says too little to judge; it counts as read. */
const MIN_CHARS = 40;

const SCRIPTS: [string, RegExp][] = [
  ['Latin', /\p{Script=Latin}/u], ['Greek', /\p{Script=Greek}/u], ['Cyrillic', /\p{Script=Cyrillic}/u],
  ['Arabic', /\p{Script=Arabic}/u], ['Hebrew', /\p{Script=Hebrew}/u], ['Han', /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u],
  ['Hangul', /\p{Script=Hangul}/u], ['Thai', /\p{Script=Thai}/u], ['Devanagari', /\p{Script=Devanagari}/u],
];
// Characters a text layer can only hold when glyphs had no Unicode mapping: controls, private use,
// unassigned code points, lone surrogates and the replacement character.
const UNMAPPED = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD]/u;
// Punctuation of ordinary prose, numbers and tables; other symbols are rare in real text (emails and
// footnote stars stay well below the threshold) and common in random glyph codes.
const ORDINARY = /[\p{L}\p{M}\p{N}.,;:'"()\-–—/&%$#’‘“”„…•·°€£¥¢«»¿¡]/u;
const VOWEL = /[aeiouæøœ]/i;
// Function words of the languages loan documents here come in (English, Spanish, French, German,
// Portuguese, Italian, Dutch, Vietnamese, Tagalog, Indonesian, Polish, Turkish): a page of real
// text has some; garbage of the same length almost never does.
const FUNCTION_WORDS = new Set(('the of and to in is for on with by at as or be this that from are not an it you your will '
  + 'shall any all may if de la el en que los las del por con para una un le les et des du au est pour dans sur '
  + 'der die das und ist von mit den zu im für auf ein eine nicht do da em os um uma il di che per non '
  + 'het een van op te voor và của các là có được cho không trong này với ang ng sa mga na dan yang di untuk dengan ini itu '
  + 'się nie do że jest ve bir bu için ile').split(' '));

/**
 * Judges whether extracted text is language or the garbage a font without a usable character map
 * produces (`\u0001\u0002`, `'>in yë¶`, 16,500 times `a`): unmapped code points, one character
 * repeated, letters of several scripts inside one word, and for Latin text, symbol soup or words
 * without vowels and without any common function word. Deliberately lenient with other scripts:
 * garbage sent to OCR costs time, but real text judged garbage in a script OCR cannot read costs
 * a quarantine.
 */
export function assessText(text: string): TextQuality {
  const chars = [...text.replace(/\s+/g, '')];
  if (chars.length < MIN_CHARS) return { plausible: true, reason: null };
  const share = (n: number) => n / chars.length;

  const unmapped = chars.filter((c) => UNMAPPED.test(c)).length;
  if (share(unmapped) > 0.05) return garbage(`unmapped glyphs (${pct(share(unmapped))} of characters)`);

  const counts = new Map<string, number>();
  for (const c of chars) counts.set(c, (counts.get(c) ?? 0) + 1);
  const top = Math.max(...counts.values());
  if (chars.length >= 200 && (counts.size <= 4 || share(top) > 0.6)) return garbage(`one character repeated (${pct(share(top))} of characters)`);

  const odd = chars.filter((c) => !ORDINARY.test(c)).length;
  if (share(odd) > 0.1) return garbage(`unusual symbols (${pct(share(odd))} of characters)`);

  const tokens = text.split(/\s+/).filter((t) => /\p{L}/u.test(t));
  if (tokens.length === 0) return { plausible: true, reason: null };
  const mixed = tokens.filter((t) => scriptsOf(t).size > 1).length;
  if (tokens.length >= 10 && mixed / tokens.length > 0.2) return garbage(`words mixing scripts (${pct(mixed / tokens.length)} of words)`);

  const letters = chars.filter((c) => /\p{L}/u.test(c));
  const latin = letters.filter((c) => /\p{Script=Latin}/u.test(c)).length;
  if (letters.length === 0 || latin / letters.length < 0.7) return { plausible: true, reason: null };

  // letter runs of two or more: case and vowels of real words, in any Latin-script language
  const words = text.match(/\p{L}{2,}/gu) ?? [];
  if (words.length < 12) return { plausible: true, reason: null };
  const rate = (n: number) => n / words.length;
  const oddCase = rate(words.filter((w) => !(w === w.toLowerCase() || w === w.toUpperCase() || w.slice(1) === w.slice(1).toLowerCase())).length);
  // acronyms (LLC, FDIC, NMLS) have no vowels either; short all-capital words do not count
  const noVowel = rate(words.filter((w) => (w.length >= 6 || w !== w.toUpperCase()) && !VOWEL.test(w.normalize('NFD').replace(/\p{M}/gu, ''))).length);
  const functionWords = rate(words.filter((w) => FUNCTION_WORDS.has(w.toLowerCase())).length);
  if (oddCase > 0.25) return garbage(`words with random capitals (${pct(oddCase)} of words)`);
  if (noVowel > 0.3) return garbage(`words without vowels (${pct(noVowel)} of words)`);
  if (words.length >= 40 && functionWords < 0.02 && noVowel > 0.15) return garbage(`no common words, ${pct(noVowel)} of words without vowels`);
  return { plausible: true, reason: null };
}

function scriptsOf(token: string): Set<string> {
  const found = new Set<string>();
  for (const c of token) {
    if (!/\p{L}/u.test(c)) continue;
    const script = SCRIPTS.find(([, re]) => re.test(c))?.[0] ?? 'other';
    found.add(script);
  }
  return found;
}

const garbage = (reason: string): TextQuality => ({ plausible: false, reason });
const pct = (x: number) => `${Math.round(x * 100)}%`;
