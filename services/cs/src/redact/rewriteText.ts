import type { PDFDict } from 'pdf-lib';
import { parseContent, type Operand, type Operation } from './contentTokens.js';
import { simpleFont, type SimpleFont } from './fonts.js';

/** A rectangle in the page's default user space (PDF points, origin bottom left). */
export interface Box { x0: number; y0: number; x1: number; y1: number }

type Matrix = [number, number, number, number, number, number];
const ID: Matrix = [1, 0, 0, 1, 0, 0];
const mul = (m: Matrix, n: Matrix): Matrix => [
  m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3], m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
  m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5],
];
const apply = (m: Matrix, x: number, y: number): [number, number] => [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];

export interface RewriteResult {
  content: Uint8Array;
  boxes: Box[];
  /** Values (per segment) found nowhere in the page's text-showing operators. */
  unlocated: number;
}

/** A run of glyphs to remove: the operator, the code indices of its strings (flattened), and where they are drawn. */
interface Glyph { code: number; dx: number; x: number; font: SimpleFont }

/**
 * Removes from a page's content stream the glyphs that show any of `values`, keeping the place of the
 * rest: each text-showing operator (Tj, TJ, ', ") whose decoded text contains a value is rewritten as
 * TJ with the removed glyphs replaced by the same advance, and a black box is drawn over each removed
 * run. Values are matched inside one operator (whitespace in a value matches any whitespace), which is
 * how pdf-lib and most generators draw a line; a value split across operators, or drawn in a font this
 * cannot decode (see fonts.ts), is counted as unlocated and left to the rescan to catch.
 */
export function rewriteText(content: Uint8Array, fonts: PDFDict | undefined, values: readonly string[]): RewriteResult {
  const ops = parseContent(content);
  const patterns = values.map((v) => v.trim()).filter((v) => v.length > 0)
    .map((v) => new RegExp(v.split(/\s+/).map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s+'), 'gu'));
  const hit = new Array<boolean>(patterns.length).fill(false);
  const boxes: Box[] = [];
  const edits: { start: number; end: number; text: string }[] = [];
  const fontCache = new Map<string, SimpleFont | null>();

  let ctm: Matrix = ID;
  const stack: Matrix[] = [];
  let tm: Matrix = ID;
  let tlm: Matrix = ID;
  let known = true; // false after text in a font we cannot measure: positions on this line are unknown
  let font: SimpleFont | null = null;
  let size = 0;
  let tc = 0; let tw = 0; let th = 1; let tl = 0; let rise = 0;
  const num = (o: Operand | undefined) => (o?.kind === 'number' ? o.value : 0);
  const newLine = (tx: number, ty: number) => { tlm = mul([1, 0, 0, 1, tx, ty], tlm); tm = tlm; known = true; };

  const show = (op: Operation, parts: Operand[], prefix: string) => {
    if (!font) {
      known = false;
      return;
    }
    const f = font;
    // flatten the strings into glyphs with their advances (text space), TJ numbers into gaps
    const glyphs: Glyph[] = [];
    let x = 0;
    const layout: ({ kind: 'glyph'; g: Glyph } | { kind: 'gap'; dx: number })[] = [];
    for (const p of parts) {
      if (p.kind === 'number') {
        const dx = (-p.value / 1000) * size * th;
        layout.push({ kind: 'gap', dx });
        x += dx;
      } else if (p.kind === 'string') {
        for (const code of p.bytes) {
          const dx = ((f.width(code) / 1000) * size + tc + (code === 32 ? tw : 0)) * th;
          const g = { code, dx, x, font: f };
          glyphs.push(g);
          layout.push({ kind: 'glyph', g });
          x += dx;
        }
      }
    }
    const text = glyphs.map((g) => f.char(g.code)).join('');
    const remove = new Array<boolean>(glyphs.length).fill(false);
    for (const [k, re] of patterns.entries()) {
      re.lastIndex = 0;
      for (const m of text.matchAll(re)) {
        hit[k] = true;
        for (let j = m.index; j < m.index + m[0].length; j += 1) remove[j] = true;
      }
    }
    const start = tm;
    tm = mul([1, 0, 0, 1, x, 0], tm);
    if (!remove.includes(true)) return;
    if (!known) throw new Error('a value was found in text whose position cannot be computed (an unmeasurable font earlier on the line)');
    // boxes over each removed run, from descender to ascender, in user space
    const trm = mul(start, ctm);
    for (let j = 0; j < glyphs.length; j += 1) {
      if (!remove[j] || (j > 0 && remove[j - 1])) continue;
      let e = j;
      while (e + 1 < glyphs.length && remove[e + 1]) e += 1;
      const x0 = glyphs[j]!.x;
      const x1 = glyphs[e]!.x + glyphs[e]!.dx;
      const corners = [[x0, rise - 0.25 * size], [x1, rise - 0.25 * size], [x0, rise + 0.9 * size], [x1, rise + 0.9 * size]].map(([a, b]) => apply(trm, a!, b!));
      boxes.push({ x0: Math.min(...corners.map((c) => c[0])), y0: Math.min(...corners.map((c) => c[1])), x1: Math.max(...corners.map((c) => c[0])), y1: Math.max(...corners.map((c) => c[1])) });
    }
    // the operator again as TJ: kept glyphs as strings, removed ones as the same advance
    const out: string[] = [];
    let run: number[] = [];
    let gap = 0;
    const flushRun = () => { if (run.length) out.push(`<${Buffer.from(run).toString('hex')}>`); run = []; };
    const flushGap = () => { if (gap !== 0) out.push(fmt((-gap * 1000) / (size * th))); gap = 0; };
    let gi = 0;
    for (const item of layout) {
      if (item.kind === 'gap') { flushRun(); gap += item.dx; continue; }
      if (remove[gi]) { flushRun(); gap += item.g.dx; } else { flushGap(); run.push(item.g.code); }
      gi += 1;
    }
    flushRun();
    flushGap();
    edits.push({ start: op.start, end: op.end, text: `${prefix}[${out.join(' ')}] TJ` });
  };

  for (const op of ops) {
    const o = op.operands;
    switch (op.op) {
      case 'q': stack.push(ctm); break;
      case 'Q': ctm = stack.pop() ?? ctm; break;
      case 'cm': ctm = mul(o.map(num) as Matrix, ctm); break;
      case 'BT': tm = ID; tlm = ID; known = true; break;
      case 'Tf': {
        const name = o[0]?.kind === 'name' ? o[0].value : '';
        if (!fontCache.has(name)) fontCache.set(name, simpleFont(fonts, name));
        font = fontCache.get(name)!;
        size = num(o[1]);
        break;
      }
      case 'Tc': tc = num(o[0]); break;
      case 'Tw': tw = num(o[0]); break;
      case 'Tz': th = num(o[0]) / 100; break;
      case 'TL': tl = num(o[0]); break;
      case 'Ts': rise = num(o[0]); break;
      case 'Td': newLine(num(o[0]), num(o[1])); break;
      case 'TD': tl = -num(o[1]); newLine(num(o[0]), num(o[1])); break;
      case 'Tm': tlm = o.map(num) as Matrix; tm = tlm; known = true; break;
      case 'T*': newLine(0, -tl); break;
      case 'Tj': show(op, o.slice(0, 1), ''); break;
      case 'TJ': show(op, o[0]?.kind === 'array' ? o[0].items : [], ''); break;
      case "'": newLine(0, -tl); show(op, o.slice(0, 1), 'T* '); break;
      case '"': tw = num(o[0]); tc = num(o[1]); newLine(0, -tl); show(op, o.slice(2, 3), `${fmt(tw)} Tw ${fmt(tc)} Tc T* `); break;
      default: break;
    }
  }
  const chunks: Buffer[] = [Buffer.from('q\n', 'latin1')];
  let at = 0;
  for (const e of edits) {
    chunks.push(Buffer.from(content.subarray(at, e.start)), Buffer.from(e.text, 'latin1'));
    at = e.end;
  }
  chunks.push(Buffer.from(content.subarray(at)), Buffer.from('\nQ\n', 'latin1'));
  // the boxes last, in default user space (the page's own q/cm are closed above)
  if (boxes.length > 0) chunks.push(Buffer.from(`q 0 g\n${boxes.map((b) => `${fmt(b.x0)} ${fmt(b.y0)} ${fmt(b.x1 - b.x0)} ${fmt(b.y1 - b.y0)} re f`).join('\n')}\nQ\n`, 'latin1'));
  return { content: new Uint8Array(Buffer.concat(chunks)), boxes, unlocated: hit.filter((h) => !h).length };
}

const fmt = (n: number): string => (Math.round(n * 1000) / 1000).toString();
