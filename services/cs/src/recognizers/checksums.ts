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
