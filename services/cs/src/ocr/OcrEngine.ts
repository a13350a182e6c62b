import { createScheduler, createWorker, OEM, type Scheduler, type Worker } from 'tesseract.js';
import { toPgm, type GrayImage } from './grayImage.js';
import { englishTraineddataDir } from './traineddata.js';

/** Text tesseract read from one image, and how sure it was. */
export interface OcrText {
  text: string;
  /**
   * Mean confidence (0-100, tesseract's per-word measure) of the words with three or more letters
   * or digits, weighted by their length: specks and rules read as one- or two-character "words"
   * with low confidence on any scan and say nothing about whether its text was legible.
   */
  confidence: number;
  /** Letters and digits in those words: how much text the confidence speaks for. */
  chars: number;
}

/** Words (level 5 rows) of tesseract's TSV output: confidence and text. */
export function wordConfidence(tsv: string): { confidence: number; chars: number } {
  let weighted = 0;
  let chars = 0;
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols[0] !== '5' || cols.length < 12) continue;
    const n = (cols.slice(11).join('\t').match(/[\p{L}\p{N}]/gu) ?? []).length;
    const conf = Number(cols[10]);
    if (n < 3 || !Number.isFinite(conf) || conf < 0) continue;
    weighted += conf * n;
    chars += n;
  }
  return { confidence: chars ? weighted / chars : 0, chars };
}

/**
 * English OCR with tesseract.js (LSTM engine, best_int model from @tesseract.js-data/eng, read
 * from disk; the trained data is never cached to or fetched from anywhere). `workers` tesseract
 * workers (threads) share the pages; created on first use and kept for the next document.
 */
export class OcrEngine {
  private constructor(private readonly scheduler: Scheduler, private readonly workers: Worker[]) {}

  static async create(workers = 1): Promise<OcrEngine> {
    const langPath = englishTraineddataDir();
    const created = await Promise.all(Array.from({ length: Math.max(1, workers) }, () => createWorker('eng', OEM.LSTM_ONLY, {
      langPath, gzip: true, cacheMethod: 'none', logger: () => undefined, errorHandler: () => undefined,
    })));
    const scheduler = createScheduler();
    for (const w of created) scheduler.addWorker(w);
    return new OcrEngine(scheduler, created);
  }

  get size(): number {
    return this.workers.length;
  }

  /** Reads `image`; straightens slightly skewed scans first (tesseract's own angle estimate). */
  async recognize(image: GrayImage): Promise<OcrText> {
    if (image.width < 8 || image.height < 8) return { text: '', confidence: 0, chars: 0 };
    const { data } = await this.scheduler.addJob('recognize', Buffer.from(toPgm(image)), { rotateAuto: true }, { text: true, tsv: true });
    return { text: data.text ?? '', ...wordConfidence(data.tsv ?? '') };
  }

  async terminate(): Promise<void> {
    await this.scheduler.terminate();
  }
}
