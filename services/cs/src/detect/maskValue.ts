/**
 * Masks a matched value for the finding record: letters become `x`/`X`, digits `#`, and only the
 * last four characters of long numbers stay readable (enough to tell two findings apart).
 */
export function maskValue(value: string, type: string): string {
  const keepTail = /CARD|ACCOUNT|IBAN|PHONE/.test(type) && value.replace(/\W/g, '').length > 8 ? 4 : 0;
  const cut = value.length - keepTail;
  const head = value.slice(0, cut).replace(/\p{Lu}/gu, 'X').replace(/\p{Ll}/gu, 'x').replace(/\d/g, '#');
  return head + value.slice(cut);
}
