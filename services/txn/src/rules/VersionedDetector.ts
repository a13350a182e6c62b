import { ConfigError, type Logger } from '@sfc/shared';
import type { ModelLibrary } from '../scoring/ModelLibrary.js';
import type { OnnxModel } from '../scoring/OnnxModel.js';
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
  /** The models a version may name (ONNX scoring); absent (Amazon Fraud Detector scores): a version naming a model is not used. */
  models?: ModelLibrary;
  /** How often to ask the store (0: before every batch; DynamoDB: LISTS_REFRESH_SECONDS). */
  refreshMs?: number;
  now?: () => number;
  logger: Logger;
}

/** A version ready to decide: its rules, and the model it runs (absent: score runs no ONNX model). */
export interface LiveVersion { detector: Detector; model?: OnnxModel }

/**
 * The detector's ACTIVE version and its SHADOW, switched at run time: before every batch `refresh`
 * asks the store whether its status changed (a stat locally) and compiles what changed. An ACTIVE
 * version that cannot be used (its rules, lists or model fail) stops `score` at start, and later is
 * logged as an error while the previous version keeps deciding. No ACTIVE version: the fallback
 * decides. A SHADOW version that cannot be used is logged as an error and skipped, never stopping
 * scoring; it is tried again at the next check.
 */
export class VersionedDetector {
  private stamp: string | undefined;
  private current: LiveVersion;
  private shadowed: LiveVersion | undefined;
  private checkedAt = -Infinity;

  private constructor(private readonly o: VersionedDetectorOptions) { this.current = { detector: o.fallback }; }

  static async open(o: VersionedDetectorOptions): Promise<VersionedDetector> {
    const d = new VersionedDetector(o);
    d.checkedAt = (o.now ?? Date.now)();
    const stamp = await d.stampNow();
    const { active, shadow } = await d.liveNow();
    if (active) d.current = await d.compile(active);
    if (await d.switchShadow(shadow)) d.stamp = stamp;
    return d;
  }

  private async ids(): Promise<string[]> { return this.o.detectorId ? [this.o.detectorId] : this.o.store.detectors(); }

  private async stampNow(): Promise<string> {
    const ids = await this.ids();
    return (await Promise.all(ids.map(async (d) => `${d}=${await this.o.store.stamp(d)}`))).join(',');
  }

  /** The ACTIVE version and the SHADOW of the same detector (or, with none ACTIVE, of the one detector that has a shadow). */
  private async liveNow(): Promise<{ active?: DetectorVersion; shadow?: DetectorVersion }> {
    const all = await Promise.all((await this.ids()).map((d) => this.o.store.live(d)));
    const actives = all.filter((l) => l.active);
    if (actives.length > 1) throw new ConfigError('DETECTOR_ID', `several detectors have an ACTIVE version (${actives.map((l) => l.active!.detectorId).join(', ')}): set DETECTOR_ID to the one score uses`);
    if (actives.length === 1) return actives[0]!;
    const shadows = all.filter((l) => l.shadow);
    if (shadows.length > 1) throw new ConfigError('DETECTOR_ID', `several detectors have a SHADOW version (${shadows.map((l) => l.shadow!.detectorId).join(', ')}): set DETECTOR_ID to the one score uses`);
    return shadows[0] ?? {};
  }

  /** The version deciding now (`<detector>:<version>`), undefined while the fallback decides. */
  get version(): string | undefined { return this.current.detector.version; }
  /** The model of the version deciding (absent while the fallback decides, or without ONNX scoring: the scorer's own). */
  get model(): OnnxModel | undefined { return this.current.model; }
  /** The shadow version (`<detector>:<version>`), when one is scored. */
  get shadowVersion(): string | undefined { return this.shadowed?.detector.version; }
  get shadow(): LiveVersion | undefined { return this.shadowed; }

  /**
   * A version naming no model runs the loaded one, named all the same: the ACTIVE version may run
   * another model, and a shadow naming none must still get the loaded model's score, not that one's.
   */
  private async compile(v: DetectorVersion): Promise<LiveVersion> {
    const wanted = v.body.model.modelVersion;
    if (wanted && !this.o.models) throw new ConfigError(`detector ${v.detectorId} version ${v.detectorVersionId}`, `names model ${wanted} but score runs no ONNX model (FRAUD_SCORER=afd); create a version without model.modelVersion`);
    const model = this.o.models && await this.o.models.get(wanted ?? this.o.models.loaded.modelVersion);
    return { detector: await this.o.load(v), ...(model ? { model } : {}) };
  }

  /** Compiles the shadow when it changed; false (logged) when it cannot be used, so the next check tries again. */
  private async switchShadow(v: DetectorVersion | undefined): Promise<boolean> {
    const label = v && versionLabel(v.detectorId, v.detectorVersionId);
    if (label === this.shadowVersion) return true;
    try {
      this.shadowed = v && await this.compile(v);
      this.o.logger.info('shadow detector version changed', { to: label ?? 'none' });
      return true;
    } catch (err) {
      this.shadowed = undefined;
      this.o.logger.error('cannot use the shadow detector version; no shadow is scored', { shadow: label, error: (err as Error).message });
      return false;
    }
  }

  async refresh(): Promise<void> {
    const now = (this.o.now ?? Date.now)();
    if (now - this.checkedAt >= (this.o.refreshMs ?? 0)) await this.switchIfChanged(now);
    await this.current.detector.refresh();
    await this.shadowed?.detector.refresh();
  }

  private async switchIfChanged(now: number): Promise<void> {
    this.checkedAt = now;
    try {
      const stamp = await this.stampNow();
      if (stamp !== this.stamp) {
        const { active, shadow } = await this.liveNow();
        const shadowOk = await this.switchShadow(shadow);
        const label = active && versionLabel(active.detectorId, active.detectorVersionId);
        if (label !== this.version) {
          const next = active ? await this.compile(active) : { detector: this.o.fallback };
          this.o.logger.info('detector version changed', { from: this.version ?? 'none', to: next.detector.version ?? 'none' });
          this.current = next;
        }
        if (shadowOk) this.stamp = stamp;
      }
    } catch (err) {
      // Not stamped: the next batch tries again. The version deciding so far goes on deciding.
      this.o.logger.error('cannot switch detector version; the previous one keeps deciding', { deciding: this.version ?? 'none', error: (err as Error).message });
    }
  }

  decide(ctx: RuleContext): RuleDecision { return this.current.detector.decide(ctx); }
}
