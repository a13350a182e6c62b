// Formatters built once: toLocaleString builds one per call, which dominated the scorer's profile.
const INTEGER = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
const DECIMAL = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const GENERAL = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 6 });
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export const n0 = (x: number): string => INTEGER.format(x);
/** "1 event", "3 events" (decayed counts are rounded first). */
export const count = (x: number, noun: string): string => `${n0(x)} ${n0(x) === '1' ? noun : `${noun}s`}`;
export const money = (x: number): string => DECIMAL.format(x);
export const general = (x: number): string => GENERAL.format(x);
export const pct = (x: number): string => `${(100 * x).toFixed(1)}%`;
export const dayName = (x: number): string => DAYS[x] ?? 'unknown day';
export const duration = (s: number): string => (s < 120 ? `${Math.round(s)} s` : s < 7200 ? `${Math.round(s / 60)} min` : s < 172_800 ? `${(s / 3600).toFixed(1)} h` : `${(s / 86_400).toFixed(1)} days`);
/** "merchant_id" -> "merchant id", for reasons. */
export const words = (name: string): string => name.replace(/[_.]+/g, ' ').trim();

/** A feature: its name (the model's input column) and how its value reads as a reason. */
export interface FeatureDef {
  name: string;
  phrase: (x: number) => string;
}
