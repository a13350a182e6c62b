import { createCanvas, loadImage } from '@napi-rs/canvas';
import { ReadIssueError } from '../reader/ReadIssueError.js';
import { rgbaToGray, type GrayImage } from './grayImage.js';
import { imageSize } from './imageSize.js';

/**
 * Decodes an attached picture (PNG, JPEG, GIF, BMP, WebP) with @napi-rs/canvas into grey pixels,
 * scaled down to at most `maxPixels`; a picture claiming more than `maxImagePixels` is refused
 * before its pixels are decoded.
 */
export async function decodeImage(bytes: Uint8Array, maxPixels: number, maxImagePixels: number, label: string): Promise<GrayImage> {
  const claimed = imageSize(bytes);
  if (claimed && claimed.width * claimed.height > maxImagePixels) {
    throw new ReadIssueError('too_many_pixels', `${label}: ${claimed.width}x${claimed.height} pixels > ${maxImagePixels}`);
  }
  const image = await loadImage(Buffer.from(bytes)).catch((err: unknown) => {
    throw new ReadIssueError('corrupt', `${label}: cannot decode the picture (${(err as Error).message})`);
  });
  const { width, height } = image;
  if (width * height > maxImagePixels) throw new ReadIssueError('too_many_pixels', `${label}: ${width}x${height} pixels > ${maxImagePixels}`);
  const scale = Math.min(1, Math.sqrt(maxPixels / Math.max(1, width * height)));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const canvas = createCanvas(w, h);
  const ctx = canvas.getContext('2d');
  ctx.fillStyle = 'white';
  ctx.fillRect(0, 0, w, h);
  ctx.drawImage(image, 0, 0, w, h);
  return rgbaToGray(ctx.getImageData(0, 0, w, h).data, w, h);
}
