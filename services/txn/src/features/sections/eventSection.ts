import { ADDRESS_PAIRS, TYPE_TRAITS } from '../../eventType/variableTypes.js';
import type { EventType } from '../../eventType/schema.js';
import { dayName, general, money, n0, words, type FeatureDef } from '../phrases.js';
import { num, str } from '../windows.js';
import type { Section, StepContext } from '../types.js';

const DAY_MS = 86_400_000;
const SCRIPT_UA = /python|curl|wget|headless|bot|spider|okhttp|java\//i;
const MOBILE_UA = /mobile|android|iphone|ipad/i;

/** Code of `value` in a vocabulary: its 1-based rank, 0 for any other value, -1 when missing. */
function coder(vocabulary: readonly string[] | undefined): (value: string | undefined) => number {
  const codes = new Map((vocabulary ?? []).map((v, i) => [v, i + 1]));
  // Upper-case spellings too (NY, USD), so most values need no lower-casing (a string per event).
  for (const [v, i] of [...codes]) if (!codes.has(v.toUpperCase())) codes.set(v.toUpperCase(), i);
  return (value) => (value === undefined ? -1 : codes.get(value) ?? codes.get(value.toLowerCase()) ?? 0);
}

const domainOf = (email: string): string => email.slice(email.lastIndexOf('@') + 1).toLowerCase();

function digitsBefore(s: string, end: number): number {
  let n = 0;
  for (let i = 0; i < end; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) n++;
  }
  return n;
}

/** Scripted / mobile for each user agent seen: a few distinct strings make most traffic, and the tests are regular expressions. */
const agentTraits = new Map<string, number>();
function agentOf(ua: string): number {
  let traits = agentTraits.get(ua);
  if (traits === undefined) {
    traits = (SCRIPT_UA.test(ua) ? 1 : 0) + (MOBILE_UA.test(ua) ? 2 : 0);
    if (agentTraits.size >= 10_000) agentTraits.clear();
    agentTraits.set(ua, traits);
  }
  return traits;
}

/** Features of the event alone: amount, time of day, and each variable by its type. */
export class EventSection implements Section {
  readonly defs: FeatureDef[];
  private readonly amountAt: number;
  private readonly numeric: number[] = [];
  private readonly codes: { at: number; code: (v: string | undefined) => number }[] = [];
  private readonly emails: { at: number; code: (v: string | undefined) => number }[] = [];
  private readonly agents: number[] = [];
  private readonly texts: number[] = [];
  private readonly pairs: [number, number][] = [];

  constructor(et: EventType, vocabularies: Record<string, string[]>, amountAt: number) {
    this.amountAt = amountAt;
    // Definitions grouped as `step` writes them: the amount and time, then each kind in variable order.
    const groups: FeatureDef[][] = [[], [], [], [], [], [], []];
    const [head, numeric, codes, emails, agents, texts, pairs] = groups as [FeatureDef[], FeatureDef[], FeatureDef[], FeatureDef[], FeatureDef[], FeatureDef[], FeatureDef[]];
    if (amountAt >= 0) head.push({ name: 'amount', phrase: (x) => `amount ${money(x)}` });
    head.push({ name: 'hour_of_day', phrase: (x) => `at ${String(x).padStart(2, '0')}:00 UTC` }, { name: 'day_of_week', phrase: (x) => `on a ${dayName(x)}` });
    et.variables.forEach((v, at) => {
      const role = TYPE_TRAITS[v.variableType].role;
      if (role === 'numeric' || (role === 'amount' && at !== amountAt)) {
        this.numeric.push(at);
        numeric.push({ name: v.name, phrase: (x) => (Number.isNaN(x) ? `no ${words(v.name)}` : `${words(v.name)} ${general(x)}`) });
      } else if (role === 'code' && vocabularies[v.name]) {
        const vocab = vocabularies[v.name]!;
        this.codes.push({ at, code: coder(vocab) });
        codes.push({ name: v.name, phrase: (x) => (x < 0 ? `no ${words(v.name)}` : `${words(v.name)} ${x === 0 ? 'other' : vocab[x - 1]}`) });
      } else if (role === 'email') {
        const vocab = vocabularies[`${v.name}.domain`] ?? [];
        this.emails.push({ at, code: coder(vocab) });
        emails.push(
          { name: `${v.name}.domain`, phrase: (x) => (x < 0 ? 'no email address' : `email domain ${x === 0 ? '(rare)' : vocab[x - 1]}`) },
          { name: `${v.name}.digits`, phrase: (x) => `${n0(x)} digits in the email name` },
          { name: `${v.name}.length`, phrase: (x) => `email name of ${n0(x)} characters` },
        );
      } else if (role === 'useragent') {
        this.agents.push(at);
        agents.push(
          { name: `${v.name}.script`, phrase: (x) => (x === 1 ? 'scripted client (user agent)' : 'browser user agent') },
          { name: `${v.name}.mobile`, phrase: (x) => (x === 1 ? 'mobile device' : 'desktop device') },
        );
      } else if (role === 'text') {
        this.texts.push(at);
        texts.push({ name: `${v.name}.length`, phrase: (x) => `${words(v.name)} of ${n0(x)} characters` });
      }
    });
    for (const [billing, shipping, what] of ADDRESS_PAIRS) {
      const b = et.variables.findIndex((v) => v.variableType === billing);
      const s = et.variables.findIndex((v) => v.variableType === shipping);
      if (b < 0 || s < 0) continue;
      this.pairs.push([b, s]);
      pairs.push({ name: `billing_shipping_${what}_differ`, phrase: (x) => (x === 1 ? `billing and shipping ${what} differ` : `same billing and shipping ${what}`) });
    }
    this.defs = groups.flat();
  }

  step(ctx: StepContext, _lookup: unknown, f: Float32Array, i: number): number {
    const values = ctx.ev.values;
    if (this.amountAt >= 0) f[i++] = ctx.amount;
    // UTC hour and weekday without a Date (1970-01-01 was a Thursday).
    const t = ctx.ev.time;
    f[i++] = Math.floor(((t % DAY_MS) + DAY_MS) % DAY_MS / 3_600_000);
    f[i++] = ((Math.floor(t / DAY_MS) + 4) % 7 + 7) % 7;
    for (const at of this.numeric) f[i++] = num(values[at]);
    for (const c of this.codes) f[i++] = c.code(str(values[c.at]));
    for (const e of this.emails) {
      const email = str(values[e.at]);
      const at = email === undefined ? 0 : Math.max(0, email.lastIndexOf('@'));
      f[i++] = email === undefined ? -1 : e.code(domainOf(email));
      f[i++] = email === undefined ? -1 : digitsBefore(email, at);
      f[i++] = email === undefined ? -1 : at;
    }
    for (const at of this.agents) {
      const ua = str(values[at]);
      const traits = ua === undefined ? -1 : agentOf(ua);
      f[i++] = traits < 0 ? -1 : traits & 1;
      f[i++] = traits < 0 ? -1 : traits >> 1;
    }
    for (const at of this.texts) f[i++] = str(values[at])?.length ?? -1;
    for (const [b, s] of this.pairs) {
      const x = str(values[b]);
      const y = str(values[s]);
      f[i++] = x === undefined || y === undefined ? -1 : x.trim().toLowerCase() === y.trim().toLowerCase() ? 0 : 1;
    }
    return i;
  }
}
