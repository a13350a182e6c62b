import { piiPolicyFrom } from '@sfc/shared';
import type { TxnConfig } from '../config.js';

/** One line for run summaries: what the lake holds for personal values, and which key (never its material). */
export async function describeLakePii(c: TxnConfig): Promise<string> {
  const { policy, keys } = await piiPolicyFrom(c);
  const key = `key ${policy.pseudonymiser.version}, ${keys}`;
  return policy.raw ? `RAW values beside tokens (LAKE_PII=raw; ${key})` : `tokenised (${key})`;
}
