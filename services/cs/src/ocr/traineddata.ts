import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/**
 * Folder of the English LSTM model (tesseract "best_int", 2.9 MB gzipped) shipped in the npm
 * package @tesseract.js-data/eng: tesseract.js reads it from disk, so nothing is downloaded.
 */
export function englishTraineddataDir(): string {
  return join(dirname(createRequire(import.meta.url).resolve('@tesseract.js-data/eng/package.json')), '4.0.0_best_int');
}
