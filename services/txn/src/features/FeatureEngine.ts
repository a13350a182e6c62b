import type { EventType } from '../eventType/schema.js';
import { TYPE_TRAITS } from '../eventType/variableTypes.js';
import type { FeatureDef } from './phrases.js';
import { EntitySection } from './sections/entitySection.js';
import { EventSection } from './sections/eventSection.js';
import { KeySection } from './sections/keySection.js';
import { FEATURE_CODE_VERSION, keyName, type FeatureSpec } from './spec.js';
import type { EventInput, Section, StateLookup, StepContext } from './types.js';
import { fingerprint, hash52, num, str } from './windows.js';

/** What decides the features, before their names are known (the spec minus names). */
export type FeatureSettings = Omit<FeatureSpec, 'names' | 'version' | 'eventType' | 'input' | 'output' | 'score_scale'>;

const LAT = /^(.*?)(lat|latitude)$/i;
const LON = /^(.*?)(lon|lng|long|longitude)$/i;

/** The first latitude/longitude pair of NUMERIC variables sharing a prefix (billing_latitude, billing_longitude). */
function locationOf(et: EventType): [number, number] | undefined {
  for (const [i, v] of et.variables.entries()) {
    const m = LAT.exec(v.name);
    if (!m || v.variableType !== 'NUMERIC') continue;
    const j = et.variables.findIndex((w) => w.variableType === 'NUMERIC' && LON.exec(w.name)?.[1] === m[1]);
    if (j >= 0) return [i, j];
  }
  return undefined;
}

/**
 * The one definition of a model's features, for training, batch scoring and the live pipeline alike:
 * from an event type and feature settings it derives each variable's features by its type and keeps
 * the state of the entity and of each aggregation key. `step` writes an event's features (from the
 * state strictly before it) and then folds the event into that state; `label` applies a fraud label
 * once it is known.
 */
export class FeatureEngine {
  readonly defs: FeatureDef[];
  readonly count: number;
  private readonly sections: Section[];
  private readonly amountAt: number;
  private readonly keys: { at: number; domain: boolean; prefix: string }[];
  private readonly ctx: StepContext = { ev: { eventId: '', entityId: '', time: 0, values: [] }, ids: [], amount: Number.NaN, entityHash: 0 };

  constructor(readonly eventType: EventType, readonly settings: FeatureSettings) {
    const vars = eventType.variables;
    this.amountAt = vars.findIndex((v) => TYPE_TRAITS[v.variableType].role === 'amount');
    const entity = new EntitySection(eventType, { amount: this.amountAt >= 0, location: locationOf(eventType), labels: settings.entityLabels });
    this.keys = settings.keys.map((k) => {
      const at = vars.findIndex((v) => v.name === k.variable);
      if (at < 0) throw new Error(`aggregation key ${k.variable} is not a variable of event type ${eventType.name}`);
      if (k.derive === 'domain' && vars[at]!.variableType !== 'EMAIL_ADDRESS') throw new Error(`aggregation key ${keyName(k)}: ${k.variable} is not an EMAIL_ADDRESS`);
      return { at, domain: k.derive === 'domain', prefix: `k.${keyName(k)}:` };
    });
    const keySections = settings.keys.map((k, i) => new KeySection({ name: keyName(k), slot: i + 1, variableType: vars[this.keys[i]!.at]!.variableType, labels: k.labels, entityType: eventType.entityType }));
    this.sections = [new EventSection(eventType, settings.vocabularies, this.amountAt), entity, ...keySections];
    this.defs = this.sections.flatMap((s) => s.defs);
    this.count = this.defs.length;
  }

  get names(): string[] {
    return this.defs.map((d) => d.name);
  }

  /** The feature spec to save beside a model trained with this engine. */
  spec(): FeatureSpec {
    return { version: FEATURE_CODE_VERSION, eventType: this.eventType.name, ...this.settings, names: this.names, input: 'features', output: 'probabilities', score_scale: 1000 };
  }

  /** State ids the event reads and writes: its entity's, then each key's (undefined when missing). */
  idsOf(ev: Pick<EventInput, 'entityId' | 'values'>): (string | undefined)[] {
    const ids: (string | undefined)[] = [`c:${ev.entityId}`];
    for (const k of this.keys) {
      let v = str(ev.values[k.at]);
      if (v !== undefined && k.domain) v = v.slice(v.lastIndexOf('@') + 1).toLowerCase();
      ids.push(v === undefined || v === '' ? undefined : `${k.prefix}${hash52(v)}`);
    }
    return ids;
  }

  /** Writes the event's features into `out` at `offset`, then folds the event into its state. */
  step(ev: EventInput, lookup: StateLookup, out: Float32Array, offset: number, ids = this.idsOf(ev)): void {
    // One context object reused for every event: this runs millions of times in training.
    const ctx = this.ctx;
    ctx.ev = ev;
    ctx.ids = ids;
    ctx.amount = this.amountAt >= 0 ? num(ev.values[this.amountAt]) : Number.NaN;
    ctx.entityHash = this.keys.length > 0 ? fingerprint(ev.entityId) : 0;
    let i = offset;
    for (const s of this.sections) i = s.step(ctx, lookup, out, i);
    if (i - offset !== this.count) throw new Error(`feature code wrote ${i - offset} of ${this.count} features`);
  }

  /** Applies the fraud label of an event, known at `knownAt`, to its entity and labelled keys. */
  label(ev: Pick<EventInput, 'entityId' | 'values'>, knownAt: number, lookup: StateLookup, ids = this.idsOf(ev)): void {
    const ctx: StepContext = { ev: { ...ev, eventId: '', time: knownAt }, ids, amount: Number.NaN, entityHash: fingerprint(ev.entityId) };
    for (const s of this.sections) s.label?.(ctx, knownAt, lookup);
  }
}
