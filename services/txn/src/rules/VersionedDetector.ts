import { ConfigError, type Logger } from '@sfc/shared';
import type { Detector, RuleDecision } from './Detector.js';
import type { DetectorStore } from './DetectorStore.js';
import { versionLabel, type DetectorVersion } from './detectorVersion.js';
import type { RuleContext } from './variables.js';

export interface VersionedDetectorOptions {
  store: DetectorStore;
  /** DETECTOR_ID; empty: whichever detector in the store has an ACTIVE version (more than one is an error). */
  detectorId: string;
  /** Used while the detector has no ACTIVE version: DETECTOR_FILE, else the thresholds as rules. */
  fallback: Detector;
  /** Compiles a version's rules and opens its lists; throws ConfigError naming the rule. */
  load: (v: DetectorVersion) => Promise<Detector>;
  /** The model `score` loaded (`fd.model_version`); a version naming another one is not used. */
  modelVersion?: string;
  /** How often to ask the store (0: before every batch; DynamoDB: LISTS_REFRESH_SECONDS). */
  refreshMs?: number;
  now?: () => number;
  logger: Logger;
}

/**
 * The detector's ACTIVE version, switched at run time: before every batch `refresh` asks the store
 * whether the ACTIVE version changed (a stat locally) and compiles the new one. A version that cannot
 * be used (its rules or lists fail, or it names another model) stops `score` at start, and later is
 * logged as an error while the previous version keeps deciding. No ACTIVE version: the fallback decides.
 */
export class VersionedDetector {
  private stamp: string | undefined;
  private current: Detector;
  private checkedAt = -Infinity;

  private constructor(private readonly o: VersionedDetectorOptions) { this.current = o.fallback; }

  static async open(o: VersionedDetectorOptions): Promise<VersionedDetector> {
    const d = new VersionedDetector(o);
    d.checkedAt = (o.now ?? Date.now)();
    d.stamp = await d.stampNow();
    const active = await d.activeNow();
    if (active) d.current = await d.compile(active);
    return d;
  }

  private async ids(): Promise<string[]> { return this.o.detectorId ? [this.o.detectorId] : this.o.store.detectors(); }

  private async stampNow(): Promise<string> {
    const ids = await this.ids();
    return (await Promise.all(ids.map(async (d) => `${d}=${await this.o.store.stamp(d)}`))).join(',');
  }

  private async activeNow(): Promise<DetectorVersion | undefined> {
    const actives = (await Promise.all((await this.ids()).map((d) => this.o.store.active(d)))).filter((v): v is DetectorVersion => v !== undefined);
    if (actives.length > 1) throw new ConfigError('DETECTOR_ID', `several detectors have an ACTIVE version (${actives.map((v) => v.detectorId).join(', ')}): set DETECTOR_ID to the one score uses`);
    return actives[0];
  }

  /** The version deciding now (`<detector>:<version>`), undefined while the fallback decides. */
  get version(): string | undefined { return this.current.version; }

  private async compile(v: DetectorVersion): Promise<Detector> {
    const wanted = v.body.model.modelVersion;
    if (wanted && this.o.modelVersion && wanted !== this.o.modelVersion) {
      throw new ConfigError(`detector ${v.detectorId} version ${v.detectorVersionId}`, `names model ${wanted} but score runs ${this.o.modelVersion} (FRAUD_MODEL_DIR); deploy that model or create a version without model.modelVersion`);
    }
    return this.o.load(v);
  }

  async refresh(): Promise<void> {
    const now = (this.o.now ?? Date.now)();
    if (now - this.checkedAt >= (this.o.refreshMs ?? 0)) await this.switchIfChanged(now);
    await this.current.refresh();
  }

  private async switchIfChanged(now: number): Promise<void> {
    this.checkedAt = now;
    try {
      const stamp = await this.stampNow();
      if (stamp !== this.stamp) {
        const active = await this.activeNow();
        const label = active && versionLabel(active.detectorId, active.detectorVersionId);
        if (label !== this.current.version) {
          const next = active ? await this.compile(active) : this.o.fallback;
          this.o.logger.info('detector version changed', { from: this.current.version ?? 'none', to: next.version ?? 'none' });
          this.current = next;
        }
        this.stamp = stamp;
      }
    } catch (err) {
      // Not stamped: the next batch tries again. The version deciding so far goes on deciding.
      this.o.logger.error('cannot switch detector version; the previous one keeps deciding', { deciding: this.current.version ?? 'none', error: (err as Error).message });
    }
  }

  decide(ctx: RuleContext): RuleDecision { return this.current.decide(ctx); }
}
