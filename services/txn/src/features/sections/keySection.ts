import { TYPE_TRAITS, type VariableType } from '../../eventType/variableTypes.js';
import { count, duration, pct, words, type FeatureDef } from '../phrases.js';
import { DAY, FRAUD_WINDOW_NAMES, FRAUD_WINDOWS, HOUR, NO_HISTORY_SECS, decayed } from '../windows.js';
import type { Section, StateLookup, StateVector, StepContext } from '../types.js';
import { addDecayed } from './entitySection.js';

// Layout of a key's state vector.
const LAST = 0, C1H = 1, C1D = 2, C7D = 3, C30D = 4, AMT7D = 5, SWITCHES = 6, PREV = 7, LABEL_LAST = 8, FRAUD = 9;
const COUNT_TAUS = [HOUR, DAY, 7 * DAY, 30 * DAY] as const;

export interface KeyOptions {
  /** The key's name (`merchant`, `customer_email.domain`) and its slot in StepContext.ids. */
  name: string;
  slot: number;
  variableType: VariableType;
  labels: boolean;
  entityType: string;
}

/** How a reason names a key's value: "at this merchant", "from this IP address". */
function where(o: KeyOptions): string {
  if (o.name.endsWith('.domain')) return 'from this email domain';
  if (o.variableType === 'IP_ADDRESS') return 'from this IP address';
  if (o.variableType === 'FINGERPRINT' || o.variableType === 'USERAGENT') return 'on this device';
  const role = TYPE_TRAITS[o.variableType].role;
  return role === 'code' ? `at this ${words(o.name)}` : `with this ${words(o.name)}`;
}

/**
 * History of one aggregation key's value (a merchant, an IP address, a device, an e-mail domain),
 * shared by every entity that uses it: decayed event counts, amount against its average, how many
 * different entities used it lately, and, with label feedback, the frauds known by the time of the
 * event and the fraud rate they imply.
 */
export class KeySection implements Section {
  readonly defs: FeatureDef[] = [];
  readonly width: number;

  constructor(private readonly o: KeyOptions) {
    const k = o.name;
    const at = where(o);
    const d = this.defs;
    d.push(
      { name: `${k}.count_1h`, phrase: (x) => `${count(x, 'event')} ${at} in the last hour` },
      { name: `${k}.count_1d`, phrase: (x) => `${count(x, 'event')} ${at} in the last day` },
      { name: `${k}.count_7d`, phrase: (x) => `${count(x, 'event')} ${at} in the last 7 days` },
      { name: `${k}.amount_to_mean`, phrase: (x) => `amount ${x.toFixed(1)}x the average ${at}` },
      { name: `${k}.secs_since_last`, phrase: (x) => (x >= NO_HISTORY_SECS ? `first event ${at}` : `${duration(x)} since the previous event ${at}`) },
      { name: `${k}.entities_1h`, phrase: (x) => `${count(x, 'change')} of ${o.entityType} ${at} in the last hour` },
    );
    if (o.labels) {
      FRAUD_WINDOW_NAMES.forEach((w) => d.push({ name: `${k}.known_frauds_${w}`, phrase: (x) => `${count(x, 'known fraud')} ${at} in the last ${w === '1d' ? 'day' : w}` }));
      d.push(
        { name: `${k}.fraud_rate_7d`, phrase: (x) => `${pct(x)} known fraud rate ${at} (7 days)` },
        { name: `${k}.fraud_rate_30d`, phrase: (x) => `${pct(x)} known fraud rate ${at} (30 days)` },
      );
    }
    this.width = o.labels ? FRAUD + FRAUD_WINDOWS.length : LABEL_LAST;
  }

  step(ctx: StepContext, lookup: StateLookup, f: Float32Array, i: number): number {
    const id = ctx.ids[this.o.slot];
    if (id === undefined) {
      for (let k = 0; k < this.defs.length; k++) f[i++] = -1;
      return i;
    }
    const t = ctx.ev.time;
    const a = ctx.amount;
    let s = lookup.get(id);
    const has = s !== undefined && s[LAST]! > 0;
    const dt = has ? Math.max(0, t - s![LAST]!) : 0;
    // Decay since the key's last event, shared by the features and the update.
    const e1h = has ? Math.exp(-dt / HOUR) : 0;
    const e1d = has ? Math.exp(-dt / DAY) : 0;
    const e7d = has ? Math.exp(-dt / COUNT_TAUS[2]) : 0;
    const e30d = has ? Math.exp(-dt / COUNT_TAUS[3]) : 0;
    const c7d = has ? s![C7D]! * e7d : 0;
    const c30d = has ? s![C30D]! * e30d : 0;
    f[i++] = has ? s![C1H]! * e1h : 0;
    f[i++] = has ? s![C1D]! * e1d : 0;
    f[i++] = c7d;
    // The decays of the amount sum and the count cancel in their ratio.
    const mean = has && s![C7D]! > 0 ? s![AMT7D]! / s![C7D]! : 0;
    f[i++] = Number.isFinite(a) && mean > 0 ? a / mean : -1;
    f[i++] = has ? dt / 1000 : NO_HISTORY_SECS;
    f[i++] = has ? s![SWITCHES]! * e1h : 0;
    if (this.o.labels) {
      const known7d = s ? decayed(s[FRAUD + 1]!, s[LABEL_LAST]!, t, FRAUD_WINDOWS[1]) : 0;
      const known30d = s ? decayed(s[FRAUD + 2]!, s[LABEL_LAST]!, t, FRAUD_WINDOWS[2]) : 0;
      f[i++] = s ? decayed(s[FRAUD]!, s[LABEL_LAST]!, t, FRAUD_WINDOWS[0]) : 0;
      f[i++] = known7d;
      f[i++] = known30d;
      f[i++] = known7d / Math.max(c7d, 1);
      f[i++] = known30d / Math.max(c30d, 1);
    }
    // A key without events (new, or known only from labels) has nothing to decay.
    if (!s) s = lookup.create(id, this.width);
    const k1h = has ? e1h : 1;
    const k7d = has ? e7d : 1;
    s[C1H] = s[C1H]! * k1h + 1;
    s[C1D] = s[C1D]! * (has ? e1d : 1) + 1;
    s[C7D] = s[C7D]! * k7d + 1;
    s[C30D] = s[C30D]! * (has ? e30d : 1) + 1;
    s[AMT7D] = s[AMT7D]! * k7d + (Number.isFinite(a) ? a : 0);
    s[SWITCHES] = s[SWITCHES]! * k1h + (has && s[PREV] !== ctx.entityHash ? 1 : 0);
    s[PREV] = ctx.entityHash;
    s[LAST] = Math.max(s[LAST]!, t);
    lookup.set(id, s);
    return i;
  }

  label(ctx: StepContext, knownAt: number, lookup: StateLookup): void {
    const id = ctx.ids[this.o.slot];
    if (!this.o.labels || id === undefined) return;
    const s = lookup.get(id) ?? lookup.create(id, this.width);
    FRAUD_WINDOWS.forEach((tau, w) => addDecayed(s, FRAUD + w, LABEL_LAST, knownAt, tau));
    s[LABEL_LAST] = Math.max(s[LABEL_LAST]!, knownAt);
    lookup.set(id, s);
  }
}
