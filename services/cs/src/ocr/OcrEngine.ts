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
  /**
   * The words of `text` with their boxes in pixels of the image read; absent when the reading kept
   * was of the straightened image, whose pixels are not the image's (redaction needs the boxes).
   */
  words?: OcrWord[];
}

/** One word tesseract read, and its box in pixels (left, top, width, height). */
export interface OcrWord { text: string; left: number; top: number; width: number; height: number }

/** A first reading below this confidence is tried again on the straightened image. */
const RETRY_BELOW = 85;
/** Below this confidence a short token without digits is a speck or a rule read as letters, not text. */
const SPECK_CONFIDENCE = 30;

/**
 * Text and confidence from tesseract's TSV output (one row per word, level 5, with block, paragraph
 * and line numbers and a confidence). Lines are rebuilt from the words, leaving out specks: tokens of
 * at most three characters without digits read with confidence under 30 ("EE", "Ce", "oo"), which
 * the NER model could otherwise take for names. Real values are kept whatever their confidence
 * (tesseract gives long digit strings such as an SSN low confidence even when they are right).
 */
export function fromTsv(tsv: string): OcrText {
  let weighted = 0;
  let chars = 0;
  const lines: string[] = [];
  const words: OcrWord[] = [];
  let lineKey = '';
  let blockKey = '';
  for (const row of tsv.split('\n')) {
    const cols = row.split('\t');
    if (cols[0] !== '5' || cols.length < 12) continue;
    const word = cols.slice(11).join('\t').trim();
    const conf = Number(cols[10]);
    if (!word || !Number.isFinite(conf) || conf < 0) continue;
    const alnum = (word.match(/[\p{L}\p{N}]/gu) ?? []).length;
    if (alnum >= 3) {
      weighted += conf * alnum;
      chars += alnum;
    }
    if (conf < SPECK_CONFIDENCE && [...word].length <= 3 && !/\p{N}/u.test(word)) continue;
    words.push({ text: word, left: Number(cols[6]), top: Number(cols[7]), width: Number(cols[8]), height: Number(cols[9]) });
    const block = `${cols[2]}.${cols[3]}`;
    const line = `${block}.${cols[4]}`;
    if (line !== lineKey) {
      if (lineKey && block !== blockKey) lines.push('');
      lines.push(word);
      lineKey = line;
      blockKey = block;
    } else lines[lines.length - 1] += ` ${word}`;
  }
  return { text: lines.join('\n'), confidence: chars ? weighted / chars : 0, chars, words };
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

  /**
   * Reads `image` as it is; when that reads poorly, once more straightened by tesseract's own angle
   * estimate (`rotateAuto`), keeping the better reading. Most scans are straight enough, so only
   * skewed ones pay for the second pass. `straighten: false` reads once (a line cropped from a
   * rendered page is straight).
   */
  async recognize(image: GrayImage, { straighten = true } = {}): Promise<OcrText> {
    if (image.width < 8 || image.height < 8) return { text: '', confidence: 0, chars: 0, words: [] };
    const pgm = Buffer.from(toPgm(image));
    const read = async (rotateAuto: boolean) => fromTsv((await this.scheduler.addJob('recognize', pgm, { rotateAuto }, { text: false, tsv: true })).data.tsv ?? '');
    const plain = await read(false);
    if (!straighten || plain.chars < 20 || plain.confidence >= RETRY_BELOW) return plain;
    const straightened = await read(true);
    if (straightened.confidence <= plain.confidence) return plain;
    const { words: _rotated, ...kept } = straightened;
    return kept;
  }

  async terminate(): Promise<void> {
    await this.scheduler.terminate();
  }
}
