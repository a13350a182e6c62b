import type { CountryCode } from 'libphonenumber-js';
import { maskEmail, maskName, maskTail } from '../logger/mask.js';
import { compileCustomIdentifier, type CustomIdentifier, type CustomIdentifierSpec } from './customIdentifiers.js';
import { normalise, PII_KINDS, type PiiKind } from './normalise.js';
import type { Pseudonymiser } from './pseudonymiser.js';
import { scrubText } from './scrub.js';

export type LakePiiMode = 'tokens' | 'raw';

export interface PiiSettings {
  mode: LakePiiMode;
  /** Kinds that get a token; the others keep only their masked display form. */
  tokenise: ReadonlySet<PiiKind>;
  /** Values that are never personal data (the lender's own e-mail, address, ...): shown as they are. */
  allow: readonly string[];
  custom: readonly CustomIdentifierSpec[];
  phoneRegion: CountryCode;
}

/** IPv4 to its /24 (`203.0.113.x`), IPv6 to its /48 (`2001:db8:1::x`): the network, not the host. */
export function maskIp(ip: string): string {
  if (!ip.includes(':')) return ip.replace(/\.\d+$/, '.x');
  const canonical = normalise('ip', ip);
  const [head = ''] = canonical.split('::');
  return `${head.split(':').slice(0, 3).join(':')}::x`;
}

/**
 * What a personal value becomes where data leaves the operational path (the lake): its token, its
 * masked display form, and scrubbed free text, following the deployment's settings.
 */
export class PiiPolicy {
  private readonly allowed = new Map<string, Set<string>>();
  readonly custom: CustomIdentifier[];

  constructor(readonly pseudonymiser: Pseudonymiser, readonly settings: PiiSettings) {
    this.custom = settings.custom.map(compileCustomIdentifier);
    for (const kind of [...PII_KINDS, ...this.custom.map((c) => c.name)]) {
      this.allowed.set(kind, new Set(settings.allow.map((v) => normalise(kind, v, settings.phoneRegion))));
    }
  }

  get raw(): boolean {
    return this.settings.mode === 'raw';
  }

  isAllowed(kind: string, value: string): boolean {
    return this.allowed.get(kind)?.has(normalise(kind, value, this.settings.phoneRegion)) ?? false;
  }

  /** The value's token, or null when its kind is configured display-only. */
  token(kind: PiiKind, value: string): string | null {
    return this.settings.tokenise.has(kind) ? this.pseudonymiser.token(kind, value) : null;
  }

  /** The display form: masked, or the value itself when it is on the allow list. */
  display(kind: PiiKind, value: string): string {
    if (this.isAllowed(kind, value)) return value;
    switch (kind) {
      case 'name': return maskName(value);
      case 'email': return maskEmail(value);
      case 'phone': return maskTail(value, 4);
      case 'ip': return maskIp(value);
      case 'street': return '***';
    }
  }

  /**
   * Free text: card numbers masked in every mode; in tokens mode also e-mails and custom identifiers
   * replaced by their tokens (allowed values kept).
   */
  scrub(text: string): string {
    return scrubText(text, {
      custom: this.custom,
      replace: (kind, value) => (this.raw || this.isAllowed(kind, value) ? null : this.pseudonymiser.token(kind, value)),
    });
  }
}
