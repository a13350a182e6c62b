/**
 * Masks a matched value for the finding record, in any script: capitals become `X`, small letters
 * `x`, letters of scripts without case (王小明) and other symbols of a word `*`, digits of any
 * script (full-width too) `#`; only the last four characters of long account-like numbers stay.
 */
export function maskMatch(value: string, type: string): string {
  const chars = [...value];
  const keepTail = /CARD|ACCOUNT|IBAN|PHONE/.test(type) && value.replace(/[\W_]/gu, '').length > 8 ? 4 : 0;
  const cut = chars.length - keepTail;
  const head = chars.slice(0, cut).join('').replace(/\p{M}/gu, '')
    .replace(/\p{Lu}/gu, 'X').replace(/\p{Ll}/gu, 'x').replace(/[\p{Lo}\p{Lm}\p{Lt}]/gu, '*').replace(/\p{Nd}/gu, '#');
  return head + chars.slice(cut).join('').replace(/[^\p{Nd}\s-]/gu, '*');
}
