import { executableKind } from '../pdf/activeContent.js';

/** How an attached file can be read. */
export type FileKind =
  | { kind: 'pdf' }
  | { kind: 'text'; encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1' }
  | { kind: 'image'; format: string }
  | { kind: 'executable'; what: string }
  | { kind: 'unsupported'; what: string };

const starts = (b: Uint8Array, ...sig: number[]) => sig.every((v, i) => b[i] === v);
const ascii = (b: Uint8Array, s: string, at = 0) => [...s].every((c, i) => b[at + i] === c.charCodeAt(0));

/** Identifies an attached file by its content (magic bytes), with its name only as a hint for executables. */
export function fileKind(bytes: Uint8Array, name: string): FileKind {
  const exe = executableKind(bytes, name);
  if (exe) return { kind: 'executable', what: exe };
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  if (head.includes('%PDF-')) return { kind: 'pdf' };
  if (starts(bytes, 0x89, 0x50, 0x4e, 0x47)) return { kind: 'image', format: 'PNG' };
  if (starts(bytes, 0xff, 0xd8, 0xff)) return { kind: 'image', format: 'JPEG' };
  if (ascii(bytes, 'GIF8')) return { kind: 'image', format: 'GIF' };
  if (ascii(bytes, 'BM')) return { kind: 'image', format: 'BMP' };
  if (ascii(bytes, 'RIFF') && ascii(bytes, 'WEBP', 8)) return { kind: 'image', format: 'WebP' };
  if (starts(bytes, 0x49, 0x49, 0x2a, 0x00) || starts(bytes, 0x4d, 0x4d, 0x00, 0x2a)) return { kind: 'unsupported', what: 'TIFF image' };
  if (starts(bytes, 0x50, 0x4b, 0x03, 0x04) || starts(bytes, 0x50, 0x4b, 0x05, 0x06)) return { kind: 'unsupported', what: 'ZIP container (Office document or archive)' };
  if (starts(bytes, 0xd0, 0xcf, 0x11, 0xe0)) return { kind: 'unsupported', what: 'OLE container (legacy Office document)' };
  if (starts(bytes, 0x1f, 0x8b)) return { kind: 'unsupported', what: 'gzip archive' };
  if (ascii(bytes, 'Rar!') || starts(bytes, 0x37, 0x7a, 0xbc, 0xaf)) return { kind: 'unsupported', what: 'RAR or 7z archive' };
  if (starts(bytes, 0xff, 0xfe)) return { kind: 'text', encoding: 'utf-16le' };
  if (starts(bytes, 0xfe, 0xff)) return { kind: 'text', encoding: 'utf-16be' };
  const sample = bytes.subarray(0, 64 * 1024);
  if (sample.includes(0)) return { kind: 'unsupported', what: 'binary file' };
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(sample);
  const bad = (utf8.match(/\uFFFD/g) ?? []).length;
  const controls = (utf8.match(/[\x01-\x08\x0e-\x1f]/g) ?? []).length;
  if (controls > sample.length * 0.01) return { kind: 'unsupported', what: 'binary file' };
  return { kind: 'text', encoding: bad <= sample.length * 0.001 ? 'utf-8' : 'latin1' };
}

/** Text of a file `fileKind` called text (RTF, HTML and XML keep their markup; recognizers read through it). */
export function decodeText(bytes: Uint8Array, encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'latin1'): string {
  if (encoding === 'utf-16be') {
    const swapped = Buffer.from(bytes);
    swapped.swap16?.call(swapped.subarray(0, swapped.length - (swapped.length % 2)));
    return new TextDecoder('utf-16le').decode(swapped).replace(/^\uFEFF/, '');
  }
  return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
}
