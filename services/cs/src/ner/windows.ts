/** A slice [start, end) of a page's sub-word ids, and the part of it whose predictions are kept. */
export interface Window {
  start: number;
  end: number;
  keepFrom: number;
  keepTo: number;
}

/**
 * Overlapping windows over `length` tokens, each at most `size` tokens. Every token is kept from
 * exactly one window, the one where it sits furthest from an edge, so entities cut by a window
 * boundary are still seen whole by a neighbour.
 */
export function slidingWindows(length: number, size: number, overlap: number): Window[] {
  if (length <= size) return [{ start: 0, end: length, keepFrom: 0, keepTo: length }];
  const step = size - overlap;
  const out: Window[] = [];
  for (let start = 0; ; start += step) {
    const end = Math.min(start + size, length);
    const last = end === length;
    out.push({ start, end, keepFrom: start === 0 ? 0 : start + Math.floor(overlap / 2), keepTo: last ? end : end - Math.ceil(overlap / 2) });
    if (last) break;
  }
  return out;
}
