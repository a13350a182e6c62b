/** An 8-bit greyscale bitmap, the form OCR reads. */
export interface GrayImage {
  width: number;
  height: number;
  data: Uint8Array;
}

/** RGBA pixels (canvas ImageData) to grey, with white behind transparent pixels. */
export function rgbaToGray(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): GrayImage {
  const data = new Uint8Array(width * height);
  for (let i = 0, j = 0; j < data.length; i += 4, j += 1) {
    const a = rgba[i + 3]!;
    const y = (rgba[i]! * 77 + rgba[i + 1]! * 150 + rgba[i + 2]! * 29) >> 8;
    data[j] = a === 255 ? y : 255 - (((255 - y) * a) >> 8);
  }
  return { width, height, data };
}

/** The part of `img` inside the pixel box, clamped to the image. */
export function crop(img: GrayImage, box: { left: number; top: number; width: number; height: number }): GrayImage {
  const left = Math.max(0, Math.floor(box.left));
  const top = Math.max(0, Math.floor(box.top));
  const width = Math.max(0, Math.min(img.width - left, Math.ceil(box.width)));
  const height = Math.max(0, Math.min(img.height - top, Math.ceil(box.height)));
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y += 1) data.set(img.data.subarray((top + y) * img.width + left, (top + y) * img.width + left + width), y * width);
  return { width, height, data };
}

/** `img` on a white margin of `margin` pixels: tesseract reads a tightly cropped line better with room around it. */
export function withMargin(img: GrayImage, margin: number): GrayImage {
  const width = img.width + 2 * margin;
  const height = img.height + 2 * margin;
  const data = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < img.height; y += 1) data.set(img.data.subarray(y * img.width, (y + 1) * img.width), (y + margin) * width + margin);
  return { width, height, data };
}

/** Share of dark pixels: a blank page scans as almost none. */
export function inkShare(img: GrayImage): number {
  if (img.data.length === 0) return 0;
  let dark = 0;
  for (let i = 0; i < img.data.length; i += 1) if (img.data[i]! < 128) dark += 1;
  return dark / img.data.length;
}

/** The image as binary PGM (P5): an uncompressed format Leptonica reads with no encoding cost. */
export function toPgm(img: GrayImage): Uint8Array {
  const header = Buffer.from(`P5\n${img.width} ${img.height}\n255\n`, 'latin1');
  const out = new Uint8Array(header.length + img.data.length);
  out.set(header, 0);
  out.set(img.data, header.length);
  return out;
}
