/**
 * What training does with events that have no EVENT_LABEL, by Amazon Fraud Detector's names
 * (LabelSchema.unlabeledEventsTreatment): IGNORE, LEGIT, FRAUD or AUTO. Whatever the treatment, an
 * unlabelled event is still an event: it feeds its entity's and keys' history (counts, amounts,
 * velocity) like any other. The treatment decides only whether, and as what, it enters the loss.
 * Evaluation never uses it: the test window's figures are on events that carry a label.
 */
export const UNLABELLED_TREATMENTS = ['IGNORE', 'LEGIT', 'FRAUD', 'AUTO'] as const;
export type UnlabelledTreatment = (typeof UNLABELLED_TREATMENTS)[number];

/** AFD's default, and ours: no label is invented, and AFD recommends it when most events are labelled. */
export const DEFAULT_UNLABELLED_TREATMENT: UnlabelledTreatment = 'IGNORE';

export function parseTreatment(value: string, setting = '--unlabelled'): UnlabelledTreatment {
  const upper = value.trim().toUpperCase();
  if (!(UNLABELLED_TREATMENTS as readonly string[]).includes(upper)) throw new Error(`${setting} ${value}: expected one of ${UNLABELLED_TREATMENTS.join(', ')}`);
  return upper as UnlabelledTreatment;
}

export interface ResolvedTreatment {
  treatment: Exclude<UnlabelledTreatment, 'AUTO'>;
  /** Why (AUTO's choice, or the setting as given). */
  reason: string;
}

/**
 * AUTO, made concrete by AFD's own recommendations (AFD does not publish what its AUTO does): IGNORE
 * while labelled events are the majority; else the class most labelled events have (LEGIT when most
 * are legitimate, as in any fraud data, FRAUD when most are fraud).
 */
export function resolveTreatment(t: UnlabelledTreatment, counts: { labelled: number; fraud: number; unlabelled: number }): ResolvedTreatment {
  if (t !== 'AUTO') return { treatment: t, reason: 'as set' };
  const { labelled, fraud, unlabelled } = counts;
  const pct = (x: number) => `${((100 * x) / Math.max(labelled + unlabelled, 1)).toFixed(1)}%`;
  if (unlabelled <= labelled) return { treatment: 'IGNORE', reason: `AUTO: ${pct(unlabelled)} of events unlabelled, the labelled ones are the majority` };
  const fraudShare = fraud / Math.max(labelled, 1);
  return fraudShare > 0.5
    ? { treatment: 'FRAUD', reason: `AUTO: ${pct(unlabelled)} of events unlabelled, and most labelled ones (${(100 * fraudShare).toFixed(1)}%) are fraud` }
    : { treatment: 'LEGIT', reason: `AUTO: ${pct(unlabelled)} of events unlabelled, and most labelled ones (${(100 * (1 - fraudShare)).toFixed(1)}%) are legitimate` };
}

/** The training label of an unlabelled event under a resolved treatment; null: not in the loss. */
export const trainingLabel = (t: ResolvedTreatment['treatment']): 0 | 1 | null => (t === 'LEGIT' ? 0 : t === 'FRAUD' ? 1 : null);
