/**
 * Masks a matched value for the finding record: upper-case letters become `X`, other letters (lower
 * case, and scripts without case such as 王小明) `x`, digits of any script `#` (full-width ５ too),
 * and only the last four characters of long numbers stay readable (enough to tell two findings apart).
 * Format controls (Unicode Cf: bidi overrides, zero-width characters) are dropped.
 */
export function maskValue(value: string, type: string): string {
  const keepTail = /CARD|ACCOUNT|IBAN|PHONE/.test(type) && value.replace(/[^\p{L}\p{N}]/gu, '').length > 8 ? 4 : 0;
  // format controls (bidi overrides, zero-width characters) are invisible and would survive the mask raw
  const chars = [...value.replace(/\p{Cf}/gu, '')];
  const cut = chars.length - keepTail;
  const head = chars.slice(0, cut).join('').replace(/\p{L}|\p{Nd}/gu, (c) => (/\p{Nd}/u.test(c) ? '#' : /\p{Lu}/u.test(c) ? 'X' : 'x'));
  return head + chars.slice(cut).join('');
}
