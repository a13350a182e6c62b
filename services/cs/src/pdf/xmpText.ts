import { SaxesParser } from 'saxes';

/** XMP that is not well-formed XML: what it says cannot be known, so it is not read as "nothing". */
export class XmpParseError extends Error {
  constructor(readonly line: number, readonly column: number) {
    // position only: the parser's message may quote the packet, and details never hold document text
    super(`not well-formed XML at line ${line}, column ${column}`);
    this.name = 'XmpParseError';
  }
}

/** Attributes that are XML/RDF plumbing, not values: namespace declarations, parse hints, languages, datatypes. */
const PLUMBING = /^(?:xmlns(?::.*)?|rdf:parseType|xml:lang|xml:space|rdf:datatype)$/;
/** RDF containers and items take the name of the property that holds them. */
const CONTAINER = /^(?:rdf:(?:li|Alt|Bag|Seq|Description|RDF|value)|x:xmpmeta|x:xapmeta)$/;

const local = (name: string): string => name.slice(name.indexOf(':') + 1);

/**
 * Every value an XMP packet holds, as "name: value" lines: element text and CDATA (an element's text
 * runs joined), every attribute value (XMP's shorthand `<rdf:Description dc:title="...">` and
 * `rdf:resource` / `rdf:about` URIs included), items of rdf:Alt/Bag/Seq under the property's name,
 * nested resources. Nothing is cut: MAX_TEXT_CHARS bounds the whole document. Throws XmpParseError
 * when the packet is not well-formed (saxes is a strict, non-validating parser: it expands only
 * XML's own entities, so a DOCTYPE cannot make it expand anything).
 */
export function xmpValues(xml: string): string[] {
  const lines: string[] = [];
  const parser = new SaxesParser({ position: true });
  // per open element: its name (for lines) and its text so far
  const stack: { label: string; text: string }[] = [];
  const labelFor = (name: string): string => {
    if (!CONTAINER.test(name)) return local(name);
    for (let i = stack.length - 1; i >= 0; i -= 1) if (stack[i]!.label) return stack[i]!.label;
    return '';
  };
  const emit = (label: string, value: string) => {
    const v = value.trim();
    if (v) lines.push(`${label || 'value'}: ${v}`);
  };
  parser.on('opentag', (tag) => {
    const label = labelFor(tag.name);
    for (const [name, value] of Object.entries(tag.attributes as Record<string, string>)) {
      if (PLUMBING.test(name)) continue;
      // rdf:resource / rdf:about / rdf:value hold the value of the property they sit in
      emit(name.startsWith('rdf:') ? label || local(name) : local(name), value);
    }
    stack.push({ label: CONTAINER.test(tag.name) ? '' : label, text: '' });
  });
  const addText = (t: string) => { if (stack.length > 0) stack[stack.length - 1]!.text += t; };
  parser.on('text', addText);
  parser.on('cdata', addText);
  parser.on('closetag', (tag) => {
    const top = stack.pop();
    if (top) emit(top.label || labelFor(tag.name), top.text);
  });
  if (xml.trim() === '') return lines;
  try {
    parser.write(xml).close();
  } catch {
    throw new XmpParseError(parser.line, parser.column);
  }
  return lines;
}

/**
 * The text of an XMP stream's bytes: UTF-8, or UTF-16/32 with a byte order mark, as the XMP
 * specification allows. Bytes that are not valid in that encoding throw (TextDecoder fatal).
 */
export function decodeXmp(bytes: Uint8Array): string {
  const b = bytes;
  const enc = b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : 'utf-8';
  return new TextDecoder(enc, { fatal: true }).decode(b);
}
