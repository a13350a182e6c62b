/** Checksums used by the validating recognizers. Inputs may contain separators; only digits/letters count. */

/** Luhn (mod 10) over the digits of `value`. */
export function luhnValid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let d = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return digits.length > 0 && sum % 10 === 0;
}

/** ABA routing transit number: 3-7-1 weighted sum of the nine digits is a multiple of 10. */
export function abaValid(value: string): boolean {
  const d = value.replace(/\D/g, '').split('').map(Number);
  if (d.length !== 9) return false;
  const sum = 3 * (d[0]! + d[3]! + d[6]!) + 7 * (d[1]! + d[4]! + d[7]!) + (d[2]! + d[5]! + d[8]!);
  return sum % 10 === 0 && sum > 0;
}

/** ISO 13616 IBAN: move the first four characters to the end, letters to numbers, mod 97 equals 1. */
export function ibanMod97Valid(value: string): boolean {
  const s = value.replace(/\s/g, '').toUpperCase();
  const rearranged = s.slice(4) + s.slice(0, 4);
  let rem = 0;
  for (const ch of rearranged) {
    const n = ch >= 'A' && ch <= 'Z' ? String(ch.charCodeAt(0) - 55) : ch;
    for (const digit of n) rem = (rem * 10 + Number(digit)) % 97;
  }
  return rem === 1;
}

/** True when every digit of `value` is the same (000000000, 111111111): placeholders, not identifiers. */
export const repeatedDigits = (value: string): boolean => /^(\d)\1*$/.test(value.replace(/\D/g, ''));

/** Verhoeff check digit scheme (India's Aadhaar): the whole number, check digit last, reduces to 0. */
export function verhoeffValid(value: string): boolean {
  const d = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6], [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
    [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1], [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
    [8, 7, 6, 5, 9, 3, 2, 1, 0, 4], [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]];
  const p = [[0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 5, 7, 6, 2, 8, 3, 0, 9, 4], [5, 8, 0, 3, 7, 9, 6, 1, 4, 2], [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
    [9, 4, 5, 3, 1, 2, 6, 8, 7, 0], [4, 2, 8, 6, 5, 7, 3, 9, 0, 1], [2, 7, 9, 3, 8, 0, 6, 4, 1, 5], [7, 0, 4, 6, 9, 1, 3, 2, 5, 8]];
  const digits = value.replace(/\D/g, '');
  let c = 0;
  for (let i = 0; i < digits.length; i += 1) c = d[c]![p[i % 8]![Number(digits[digits.length - 1 - i])]!]!;
  return digits.length > 0 && c === 0;
}

/** ISO 7064 MOD 11,10 (Germany's Steuer-ID): the last digit checks the ten before it. */
export function iso7064Mod1110Valid(value: string): boolean {
  const digits = value.replace(/\D/g, '');
  let product = 10;
  for (const ch of digits.slice(0, -1)) {
    let sum = (Number(ch) + product) % 10;
    if (sum === 0) sum = 10;
    product = (sum * 2) % 11;
  }
  const check = (11 - product) % 10;
  return digits.length > 1 && check === Number(digits[digits.length - 1]);
}
