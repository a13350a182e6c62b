import {
  ComplianceFindingSchema, LakeLabelSchema, LakeTransactionSchema, OUTCOMES, PRODUCT_CATEGORIES, VERDICTS, toLakeTransaction,
  type ComplianceFinding, type FraudDecision, type LakeLabel, type LakeTransaction, type ScoredTransaction, type ShadowDecision,
} from '@sfc/shared';
import { testPolicy } from '../../../../shared/test/support/pseudonym.js';

/** What act does to every row: tokens and masked forms (a fixed test key, so fixtures are reproducible). */
const pii = testPolicy();

/** Small seeded PRNG (mulberry32) so fixtures are reproducible run to run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = ['CA', 'NY', 'TX', 'FL', 'WA', 'IL', 'OH', 'GA', 'PA', 'AZ'];
const FIRST = ['Jane', 'John', 'Maria', 'Wei', 'Aisha', 'Carlos', 'Olga', 'Sam'];
const LAST = ['Doe', 'Smith', 'Garcia', 'Chen', 'Khan', 'Lopez', 'Ivanova', 'Lee'];
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;

/** A valid lake row at `time`, as act writes it; the outcome follows the score like the scorer's rules do. */
export function makeTransaction(r: () => number, i: number, time: Date): LakeTransaction {
  return toLakeTransaction(makeScored(r, i, time), pii);
}

function makeScored(r: () => number, i: number, time: Date): ScoredTransaction {
  const score = Math.floor(r() ** 3 * 1000);
  const outcome = score >= 900 ? 'block' : score >= 700 ? 'review' : 'approve';
  const first = pick(r, FIRST);
  const last = pick(r, LAST);
  const scored: ScoredTransaction = {
    event_id: `evt-${i}`,
    entity_id: `ent-${i % 5000}`,
    event_time: time.toISOString(),
    transaction_amt: Math.round((1 + r() * 2000) * 100) / 100,
    transaction_currency: 'usd',
    product_category: pick(r, PRODUCT_CATEGORIES),
    card_bin: 400000 + (i % 99999),
    customer_name: `${first} ${last}`,
    customer_job: 'Engineer',
    email_address: `${first.toLowerCase()}.${last.toLowerCase()}${i % 97}@example.com`,
    phone: `555-01${String(i % 100).padStart(2, '0')}`,
    ip_address: `10.${i % 256}.${(i >> 8) % 256}.${(i >> 16) % 256}`,
    user_agent: 'Mozilla/5.0',
    billing_street: `${i % 999} Main St`,
    billing_city: 'Springfield',
    billing_state: pick(r, STATES),
    billing_zip: String(10000 + (i % 89999)),
    billing_latitude: 30 + r() * 15,
    billing_longitude: -120 + r() * 40,
    fd: {
      outcome: outcome as (typeof OUTCOMES)[number],
      score,
      model_version: 'xgb-1',
      reasons: outcome === 'approve' ? [] : ['high_amount'],
      ttdf_ms: Math.round(20 + r() ** 2 * 900),
      proc_time_ms: Math.round(r() * 50 * 100) / 100,
      model_time_ms: Math.round(r() * 10 * 100) / 100,
    },
  };
  const shadow = shadowOf(i, score, scored.transaction_amt);
  return { ...scored, fd: { ...scored.fd, ...decidedBy(i, score, scored.transaction_amt, scored.fd.outcome) }, ...(shadow ? { fd_shadow: shadow } : {}) };
}

/**
 * Who decided, as txn writes it: every third row by the thresholds as rules (no detector version,
 * `block_threshold` / `review_threshold`, first matched), the others by detector version
 * `payments:1` up to row 4,000 and `payments:2` (activated then) after, in ALL_MATCHED mode. Taken
 * from values already drawn, so adding it changed no other field of the fixtures.
 */
function decidedBy(i: number, score: number, amount: number, outcome: FraudDecision['outcome']): Pick<FraudDecision, 'rules' | 'outcomes' | 'detector_version'> {
  if (i % 3 === 0) {
    const rule = outcome === 'approve' ? [] : [{ rule_id: outcome === 'block' ? 'block_threshold' : 'review_threshold', rule_version: '1', outcomes: [outcome] }];
    return { rules: rule, outcomes: rule.flatMap((r) => r.outcomes) };
  }
  const rules = [
    ...(score >= 900 ? [{ rule_id: 'high_score', rule_version: '2', outcomes: ['fraud_deny'] }] : []),
    ...(score >= 700 && score < 900 ? [{ rule_id: 'risky_score', rule_version: '1', outcomes: ['verify_customer'] }] : []),
    ...(amount > 1500 ? [{ rule_id: 'big_amount', rule_version: '1', outcomes: ['watch'] }] : []),
  ];
  return { rules, outcomes: rules.flatMap((r) => r.outcomes), detector_version: i < 4000 ? 'payments:1' : 'payments:2' };
}

/**
 * What a SHADOW version decided beside the live one, as txn writes `fd_shadow`: `payments:2` (the
 * same model, lower thresholds and a rule on big amounts) until it is activated at row 4,000, then
 * `payments:3` with its own model (`xgb-2`, whose score differs from the live one by up to 100).
 * Shadowed beside the thresholds too (a detector with a SHADOW and no ACTIVE version). Every tenth
 * row has none (a replay keeps its first decision; a shadow that fails to load writes none). Taken
 * from values already drawn, so no other field of the fixtures changed.
 */
function shadowOf(i: number, score: number, amount: number): ShadowDecision | undefined {
  if (i % 10 === 5) return undefined;
  const own = i >= 4000;
  const s = own ? Math.min(1000, Math.max(0, score + ((i * 37) % 201) - 100)) : score;
  const rules = [
    ...(s >= 850 ? [{ rule_id: 'high_score', rule_version: '3', outcomes: ['fraud_deny'] }] : []),
    ...(s >= 650 && s < 850 ? [{ rule_id: 'risky_score', rule_version: '2', outcomes: ['verify_customer'] }] : []),
    ...(amount > 1800 && s >= 400 && s < 850 ? [{ rule_id: 'big_risky_amount', rule_version: '1', outcomes: ['verify_customer'] }] : []),
  ];
  const outcome = rules.some((r) => r.outcomes.includes('fraud_deny')) ? 'block' : rules.length > 0 ? 'review' : 'approve';
  return {
    outcome, score: s, model_version: own ? 'xgb-2' : 'xgb-1', reasons: outcome === 'approve' ? [] : ['high_amount'],
    rules, outcomes: rules.flatMap((r) => r.outcomes), detector_version: own ? 'payments:3' : 'payments:2',
  };
}

/**
 * Labels of a transaction, as the label function writes them: most reviews decided by an analyst or
 * an import (one relabelled: the later label wins), some only by a chargeback feed (still open), some
 * not at all; a share of blocks and a few approves confirmed by the feed days later (some within three
 * days, some after ten or twenty), a few blocks cleared by an import.
 */
export function makeLabels(t: LakeTransaction, i: number): LakeLabel[] {
  const at = (hours: number) => new Date(Date.parse(t.event_time) + hours * 3_600_000).toISOString();
  const label = (hours: number, source: string | null, l: LakeLabel['label']): LakeLabel => ({ event_id: t.event_id, entity_id: t.entity_id, label: l, label_time: at(hours), source });
  const byScore = t.fd.score >= 800 ? 'fraud' : 'legit';
  if (t.fd.outcome === 'review') {
    switch (i % 6) {
      case 0: return [label(3, 'analyst', byScore)];
      case 1: return [label(30, 'import', byScore)];
      case 2: return [label(120, 'chargebacks', 'fraud')];
      case 3: return [label(1, 'analyst', 'legit'), label(2, 'analyst', 'fraud')];
      case 4: return [label(5, 'analyst', 'legit'), label(200, null, 'fraud')];
      default: return [];
    }
  }
  if (t.fd.outcome === 'block' && i % 4 === 0) return [label(240, 'chargebacks', 'fraud')];
  // Sooner: blocks confirmed or cleared within days, and frauds let through, so both sides of a shadow comparison have labels.
  if (t.fd.outcome === 'block' && i % 4 === 2) return [label(48, 'chargebacks', byScore)];
  if (t.fd.outcome === 'block' && i % 4 === 1 && t.fd.score < 950) return [label(30, 'import', 'legit')];
  if (t.fd.outcome === 'approve' && i % 97 === 0) return [label(480, 'chargebacks', 'fraud')];
  if (t.fd.outcome === 'approve' && i % 41 === 0 && t.fd.score >= 400) return [label(72, 'chargebacks', 'fraud')];
  return [];
}

/** A valid ComplianceFinding; quarantined documents carry a reason. */
export function makeFinding(r: () => number, i: number, time: Date): ComplianceFinding {
  const verdict = pick(r, VERDICTS);
  const types = ['EMAIL_ADDRESS', 'PERSON', 'US_SSN', 'PHONE_NUMBER', 'CREDIT_CARD'];
  const entities = verdict === 'pii'
    ? Array.from({ length: 1 + Math.floor(r() * 4) }, (_, k) => ({
      type: pick(r, types), source: 'text' as const, page: 1, attachment: null, start: k * 10, end: k * 10 + 8, score: 0.9, recognizer: 'pattern', masked: '********',
    }))
    : [];
  const counts: Record<string, number> = {};
  for (const e of entities) counts[e.type] = (counts[e.type] ?? 0) + 1;
  const sha = (BigInt(i) * 2654435761n).toString(16).padStart(64, '0').slice(-64);
  return {
    scan_ref: sha,
    source: { bucket: 'uploads', key: `loans/***.pdf`, key_sha256: sha, version_id: null, etag: null },
    destination: { bucket: verdict, key: `loans/***.pdf`, key_sha256: sha },
    sha256: sha,
    bytes: 10000 + i,
    pages: 2,
    verdict,
    quarantine_reason: verdict === 'quarantine' ? pick(r, ['encrypted', 'no_text_layer', 'too_large']) : null,
    quarantine_detail: verdict === 'quarantine' ? 'generated' : null,
    issues: [],
    read: { text_pages: 2, ocr_pages: 0, ocr_regions: 0, ocr_confidence: null, form_fields: 0, annotations: 0, attachments: 0, chars: 1000 },
    entities,
    counts,
    model_version: 'ner-1',
    timings_ms: { download: 1, extract: 5, ocr: 0, detect: 20, route: 1, total: 27 },
    redaction: null,
    scanned_at: time.toISOString(),
  };
}

/** Validates with the shared schemas so fixtures can never drift from the contract. */
export const assertValidTransaction = (t: LakeTransaction) => LakeTransactionSchema.parse(t);
export const assertValidFinding = (f: ComplianceFinding) => ComplianceFindingSchema.parse(f);
export const assertValidLabel = (l: LakeLabel) => LakeLabelSchema.parse(l);
