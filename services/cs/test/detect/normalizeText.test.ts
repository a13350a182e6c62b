import { hasRightToLeftOverride, normalizeText, visualText } from '../../src/detect/normalizeText.js';

// [case, original, normalised text]
const cases: [string, string, string][] = [
  ['plain ASCII untouched', 'SSN 536-22-8674', 'SSN 536-22-8674'],
  ['full-width digits and hyphen', 'SSN ５３６－２２－８６７４', 'SSN 536-22-8674'],
  ['non-breaking hyphen U+2011', 'SSN 536\u201122\u20118674', 'SSN 536-22-8674'],
  ['en dash, minus sign', '536\u201322\u22128674', '536-22-8674'],
  ['no-break and thin spaces', '4111\u00A01111\u202F1111\u20091111', '4111 1111 1111 1111'],
  ['ideographic space', 'a\u3000b', 'a b'],
  ['zero-width space and soft hyphen dropped', '536\u200B-22-\u00AD8674', '536-22-8674'],
  ['ligature expanded', '\uFB01nance', 'finance'],
  ['combining accent composed', 'Jose\u0301', 'José'],
  ['line separator becomes a newline', 'a\u2028b', 'a\nb'],
  ['mathematical bold digits', '\u{1D7D3}\u{1D7D1}', '53'],
];

describe('Function: normalizeText', () => {
  it.each(cases)('%s', (_name, original, expected) => {
    // Act
    const normalized = normalizeText(original);
    // Assess
    expect(normalized.text).toBe(expected);
  });

  it.each([
    ['full-width', 'SSN ５３６－２２－８６７４ ok', '536-22-8674', '５３６－２２－８６７４'],
    ['zero-width inside', 'x 536\u200B-22-8674 y', '536-22-8674', '536\u200B-22-8674'],
    ['ligature before the value', '\uFB01le 536-22-8674', '536-22-8674', '536-22-8674'],
    ['surrogate pairs before the value', '\u{1D7D3}\u{1D7D1} 536-22-8674', '536-22-8674', '536-22-8674'],
    ['a value that is a ligature', 'the \uFB01 end', 'fi', '\uFB01'],
  ])('maps offsets back to the original text: %s', (_name, original, value, originalValue) => {
    // Prepare
    const normalized = normalizeText(original);
    const start = normalized.text.indexOf(value);
    // Act
    const back = normalized.toOriginal(start, start + value.length);
    // Assess
    expect(original.slice(back.start, back.end)).toBe(originalValue);
  });
});

describe('Function: normalizeText and visualText (format controls)', () => {
  it.each([
    ['bidi override and pop', '536\u202E-22-\u202C8674', '536-22-8674'],
    ['isolates and marks', '\u2067Ana\u2069 \u200FLopez\u200E', 'Ana Lopez'],
    ['word joiner, BOM, Arabic letter mark', 'Ana\u2060\uFEFF\u061C Lopez', 'Ana Lopez'],
  ])('drops every format control (Cf): %s', (_name, original, expected) => {
    expect(normalizeText(original).text).toBe(expected);
  });

  it('reads a right-to-left override in display order, offsets pointing at the stored characters', () => {
    const original = 'loans \u202EFDP.htimS nhoJ';
    const visual = visualText(original);
    expect(visual.text).toBe('loans John Smith.PDF');
    const start = visual.text.indexOf('John Smith');
    const back = visual.toOriginal(start, start + 'John Smith'.length);
    expect(original.slice(back.start, back.end)).toBe('htimS nhoJ');
  });

  it('ends an override at its PDF and keeps what follows in stored order', () => {
    expect(visualText('a \u202Ecba\u202C def').text).toBe('a abc def');
    expect(visualText('x\u202E21\n34').text).toBe('x12\n34');
    expect(hasRightToLeftOverride('plain')).toBe(false);
  });
});
