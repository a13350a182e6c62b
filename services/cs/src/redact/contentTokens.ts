/** An operand of a content-stream operator, parsed only as far as redaction needs. */
export type Operand =
  | { kind: 'number'; value: number }
  | { kind: 'string'; bytes: Uint8Array }
  | { kind: 'name'; value: string }
  | { kind: 'array'; items: Operand[] }
  | { kind: 'other' };

/** One operator with its operands and the bytes [start, end) it spans in the stream. */
export interface Operation {
  op: string;
  operands: Operand[];
  start: number;
  end: number;
}

const WHITE = new Set([0, 9, 10, 12, 13, 32]);
const DELIM = new Set([...'()<>[]{}/%'].map((c) => c.charCodeAt(0)));

/**
 * Splits a decoded content stream into operations. pdf-lib writes content streams but does not parse
 * them, so this reads just the PDF syntax of content streams (ISO 32000 7.8.2): numbers, strings,
 * names, arrays, dictionaries (skipped as `other`), operators and inline images (BI ... ID data EI),
 * keeping each operation's byte range so everything not rewritten is copied byte for byte.
 */
export function parseContent(b: Uint8Array): Operation[] {
  const ops: Operation[] = [];
  let i = 0;
  let operands: Operand[] = [];
  let start = -1;
  const skipSpace = () => {
    for (;;) {
      while (i < b.length && WHITE.has(b[i]!)) i += 1;
      if (b[i] !== 0x25) return; // %
      while (i < b.length && b[i] !== 10 && b[i] !== 13) i += 1;
    }
  };
  const readValue = (): Operand | string => {
    const c = b[i]!;
    if (c === 0x28) return { kind: 'string', bytes: literal() };
    if (c === 0x3c && b[i + 1] === 0x3c) { dict(); return { kind: 'other' }; }
    if (c === 0x3c) return { kind: 'string', bytes: hex() };
    if (c === 0x5b) {
      i += 1;
      const items: Operand[] = [];
      for (;;) {
        skipSpace();
        if (i >= b.length) throw new Error('content stream: unterminated array');
        if (b[i] === 0x5d) { i += 1; return { kind: 'array', items }; }
        const v = readValue();
        items.push(typeof v === 'string' ? { kind: 'other' } : v);
      }
    }
    if (c === 0x2f) { i += 1; return { kind: 'name', value: word() }; }
    if (DELIM.has(c)) { i += 1; return { kind: 'other' }; }
    const w = word();
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(w)) return { kind: 'number', value: Number(w) };
    return w; // an operator (true/false/null count as operands)
  };
  const word = (): string => {
    const s = i;
    while (i < b.length && !WHITE.has(b[i]!) && !DELIM.has(b[i]!)) i += 1;
    return Buffer.from(b.subarray(s, i)).toString('latin1');
  };
  const literal = (): Uint8Array => {
    const out: number[] = [];
    let depth = 0;
    i += 1;
    for (; i < b.length; i += 1) {
      const c = b[i]!;
      if (c === 0x5c) {
        const n = b[++i]!;
        const esc: Record<number, number> = { 0x6e: 10, 0x72: 13, 0x74: 9, 0x62: 8, 0x66: 12 };
        if (esc[n] !== undefined) out.push(esc[n]!);
        else if (n >= 0x30 && n <= 0x37) {
          let v = 0;
          let k = 0;
          while (k < 3 && b[i]! >= 0x30 && b[i]! <= 0x37) { v = v * 8 + b[i]! - 0x30; i += 1; k += 1; }
          i -= 1;
          out.push(v & 0xff);
        } else if (n === 13) { if (b[i + 1] === 10) i += 1; } else if (n !== 10) out.push(n);
      } else if (c === 0x28) { depth += 1; out.push(c); } else if (c === 0x29) {
        if (depth === 0) { i += 1; return Uint8Array.from(out); }
        depth -= 1;
        out.push(c);
      } else out.push(c);
    }
    throw new Error('content stream: unterminated string');
  };
  const hex = (): Uint8Array => {
    const e = b.indexOf(0x3e, i);
    if (e < 0) throw new Error('content stream: unterminated hex string');
    const digits = Buffer.from(b.subarray(i + 1, e)).toString('latin1').replace(/[^0-9a-fA-F]/g, '');
    i = e + 1;
    return Uint8Array.from(Buffer.from(digits.length % 2 ? `${digits}0` : digits, 'hex'));
  };
  const dict = () => {
    let depth = 0;
    while (i < b.length) {
      if (b[i] === 0x3c && b[i + 1] === 0x3c) { depth += 1; i += 2; } else if (b[i] === 0x3e && b[i + 1] === 0x3e) {
        depth -= 1; i += 2;
        if (depth === 0) return;
      } else if (b[i] === 0x28) literal();
      else i += 1;
    }
  };
  for (;;) {
    skipSpace();
    if (i >= b.length) break;
    if (start < 0) start = i;
    const v = readValue();
    if (typeof v !== 'string') { operands.push(v); continue; }
    if (v === 'true' || v === 'false' || v === 'null') { operands.push({ kind: 'other' }); continue; }
    if (v === 'ID') {
      // inline image data: binary up to whitespace, EI, whitespace (or the end)
      i += 1;
      let e = i;
      while (e < b.length && !(WHITE.has(b[e - 1]!) && b[e] === 0x45 && b[e + 1] === 0x49 && (e + 2 >= b.length || WHITE.has(b[e + 2]!)))) e += 1;
      i = Math.min(b.length, e + 2);
      ops.push({ op: 'BI', operands: [], start, end: i });
    } else if (v !== 'BI') ops.push({ op: v, operands, start, end: i });
    else continue; // BI's dictionary entries are read as operands until ID
    operands = [];
    start = -1;
  }
  return ops;
}
