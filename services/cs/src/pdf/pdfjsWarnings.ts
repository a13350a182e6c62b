// pdf.js recovers from broken content the way a viewer does (stopAtErrors off): it skips what it
// cannot decode and prints a warning. Those warnings are the only sign that part of a page was
// dropped, so the reader process collects them and each page's are checked after it is read.

const pending: string[] = [];
const MAX_PENDING = 1000;

/** Routes pdf.js's console warnings into the collector (and nowhere else: they can quote file bytes). */
export function collectPdfjsWarnings(): void {
  const sink = (...args: unknown[]) => {
    const line = args.map(String).join(' ');
    if (line.startsWith('Warning: ') && pending.length < MAX_PENDING) pending.push(line.slice(9));
  };
  console.log = sink;
  console.warn = sink;
  console.info = () => undefined;
}

/** Warnings since the last call. */
export const takePdfjsWarnings = (): string[] => pending.splice(0);

/** What the warnings of one page mean for its reading: an image over the pixel limit, or content that was dropped. */
export function classifyWarnings(warnings: readonly string[]): { tooManyPixels: boolean; dropped: string | null } {
  const tooManyPixels = warnings.some((w) => /exceeded maximum allowed size/.test(w));
  const lost = warnings.find((w) => /Unable to decode image|ignoring XObject|ignoring sub-stream|ignoring the rest of the image data|ignoring errors during|MCU data|Image decoding failed/i.test(w));
  const dropped = lost === undefined ? null
    : /image|MCU/i.test(lost) ? 'an image could not be decoded'
      : /XObject|sub-stream/.test(lost) ? 'part of the content could not be decoded'
        : 'the page content could not be decoded';
  return { tooManyPixels, dropped };
}
