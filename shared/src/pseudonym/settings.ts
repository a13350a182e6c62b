import { join } from 'node:path';
import { z } from 'zod';
import type { CountryCode } from 'libphonenumber-js';
import { isSupportedCountry } from 'libphonenumber-js';
import type { ConfigSpec } from '../config/defineConfig.js';
import { ConfigError } from '../errors.js';
import type { PseudonymKeySource } from '../ports/PseudonymKeys.js';
import { CustomIdentifierSchema } from './customIdentifiers.js';
import { PII_KINDS, type PiiKind } from './normalise.js';
import { PiiPolicy } from './piiPolicy.js';
import { Pseudonymiser } from './pseudonymiser.js';

const json = <T extends z.ZodType>(schema: T) => z.string().transform((s, ctx) => {
  try {
    return JSON.parse(s) as unknown;
  } catch {
    ctx.addIssue({ code: 'custom', message: 'not JSON' });
    return z.NEVER;
  }
}).pipe(schema);

const kinds = z.string().transform((s) => s.split(',').map((k) => k.trim()).filter(Boolean))
  .pipe(z.array(z.enum(PII_KINDS)));

/** Settings of pseudonymisation: the key source and what the lake holds (every service that writes personal data reads them). */
export const pseudonymConfig = {
  PSEUDONYM_KEYS: { schema: z.enum(['file', 'secretsmanager']), default: 'file', doc: 'Where the HMAC keys of the tokens live: `file` (PSEUDONYM_KEY_FILE, created 0600 on first use) or `secretsmanager` (PSEUDONYM_SECRET_ID; the deploy creates it).' },
  PSEUDONYM_KEY_FILE: { schema: z.string(), default: '', doc: 'Key file (PSEUDONYM_KEYS=file); empty = DATA_DIR/keys/pseudonym-keys.json. Never commit it; back it up apart from the lake.' },
  PSEUDONYM_SECRET_ID: { schema: z.string(), default: '', doc: 'Secrets Manager secret (name or ARN) holding the keys (PSEUDONYM_KEYS=secretsmanager).' },
  PSEUDONYM_PHONE_REGION: { schema: z.string().refine(isSupportedCountry, 'not a country code libphonenumber knows'), default: 'US', doc: 'Country assumed for phone numbers without a country code when they are normalised to E.164 before hashing.' },
  LAKE_PII: { schema: z.enum(['tokens', 'raw']), default: 'tokens', doc: 'What the lake holds for personal values: `tokens` (tokens and masked display forms) or `raw` (the raw values too: only where the lake\'s IAM and bucket policy restrict reading to those cleared for them). Card numbers are masked in both.' },
  LAKE_PII_TOKENISE: { schema: kinds, default: 'name,email,phone,street,ip', doc: 'Kinds of personal value that get a token in the lake (comma-separated: name, email, phone, street, ip); the others keep only a masked display form (their `_token` column is null).' },
  LAKE_PII_ALLOW: { schema: z.string().transform((s) => s.split(';').map((v) => v.trim()).filter(Boolean)), default: '', doc: 'Allow list, `;`-separated: values that are never personal data (the lender\'s own support e-mail, address, ...), shown unmasked in display columns and left as they are in free text (compared after normalisation).' },
  LAKE_CUSTOM_IDENTIFIERS: { schema: json(z.array(CustomIdentifierSchema).max(20)), default: '[]', doc: 'Custom identifiers in free text, a JSON array of `{"name","regex","keywords","ignoreWords","maxDistance"}` (as Macie\'s custom data identifiers): matches with a keyword ending at most maxDistance (50) characters before them are replaced by tokens whose kind is the identifier\'s `name`.' },
} satisfies ConfigSpec;

type PseudonymConfig = { [K in keyof typeof pseudonymConfig]: z.infer<(typeof pseudonymConfig)[K]['schema']> } & { DATA_DIR: string; AWS_ENDPOINT_URL: string };

export const defaultKeyFile = (dataDir: string) => join(dataDir, 'keys', 'pseudonym-keys.json');

/** The key source the configuration names; the Secrets Manager client is imported only when chosen. */
export async function keySourceFrom(c: PseudonymConfig): Promise<PseudonymKeySource> {
  if (c.PSEUDONYM_KEYS === 'file') {
    const { FileKeySource } = await import('../adapters/FileKeySource.js');
    return new FileKeySource(c.PSEUDONYM_KEY_FILE || defaultKeyFile(c.DATA_DIR));
  }
  if (!c.PSEUDONYM_SECRET_ID) throw new ConfigError('PSEUDONYM_SECRET_ID', 'is required when PSEUDONYM_KEYS=secretsmanager');
  const { SecretsManagerKeySource } = await import('../adapters/SecretsManagerKeySource.js');
  return new SecretsManagerKeySource(c.PSEUDONYM_SECRET_ID, { endpoint: c.AWS_ENDPOINT_URL || undefined });
}

/** The lake's PII policy: keys loaded once (per Lambda container), settings as configured. */
export async function piiPolicyFrom(c: PseudonymConfig): Promise<{ policy: PiiPolicy; keys: string }> {
  const source = await keySourceFrom(c);
  const region = c.PSEUDONYM_PHONE_REGION as CountryCode;
  const pseudonymiser = new Pseudonymiser(await source.load(), region);
  const policy = new PiiPolicy(pseudonymiser, {
    mode: c.LAKE_PII, tokenise: new Set<PiiKind>(c.LAKE_PII_TOKENISE), allow: c.LAKE_PII_ALLOW, custom: c.LAKE_CUSTOM_IDENTIFIERS, phoneRegion: region,
  });
  return { policy, keys: source.where };
}
