/** Entity types that make a document "PII" unless configured otherwise; organisations and places alone do not. */
export const DEFAULT_PII_TYPES = [
  'PERSON', 'ADDRESS', 'US_SSN', 'US_ITIN', 'CREDIT_CARD', 'ABA_ROUTING', 'IBAN', 'BANK_ACCOUNT', 'PHONE', 'EMAIL',
  'IP_ADDRESS', 'DATE_OF_BIRTH', 'US_DRIVER_LICENSE', 'US_PASSPORT',
  'AGE', 'CARD_EXPIRY', 'CARD_CVV', 'PASSPORT', 'DRIVER_LICENSE', 'MAC_ADDRESS', 'URL_PERSONAL_DATA', 'USERNAME', 'PASSWORD',
  'UK_NINO', 'CA_SIN', 'DE_TAX_ID', 'FR_NIR', 'ES_NIF', 'IT_FISCAL_CODE', 'IN_PAN', 'IN_AADHAAR', 'AU_TFN', 'BR_CPF',
] as const;

/** Found and reported, but alone they do not make a document personal: they name no one by themselves. */
export const CONTEXT_ONLY_TYPES = ['ORGANIZATION', 'LOCATION', 'POSTAL_CODE', 'SWIFT_BIC'] as const;

/** True when any entity is of a type the policy counts as personal data. */
export function containsPii(entities: readonly { type: string }[], piiTypes: ReadonlySet<string>): boolean {
  return entities.some((e) => piiTypes.has(e.type));
}

/** Entity counts by type, keys sorted so the same document always gives the same JSON. */
export function countByType(entities: readonly { type: string }[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of [...entities].sort((a, b) => a.type.localeCompare(b.type))) counts[e.type] = (counts[e.type] ?? 0) + 1;
  return counts;
}
