import { PDFDict, PDFDocument, PDFName, StandardFonts } from 'pdf-lib';
import { contradictions, glyphChar, lyingFontsByPage, parseToUnicode } from '../../src/pdf/fontCheck.js';
import { remappingCMap } from '../fixtures/hostile.js';

const cmap = (body: string) => `begincmap\n1 begincodespacerange <00> <FF> endcodespacerange\n${body}\nendcmap`;

async function helveticaWith(toUnicode: string | null, differences?: (number | string)[]) {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  doc.addPage().drawText('Hello', { font });
  await doc.save();
  const dict = doc.context.lookup(font.ref) as PDFDict;
  if (toUnicode) dict.set(PDFName.of('ToUnicode'), doc.context.register(doc.context.stream(toUnicode)));
  if (differences) dict.set(PDFName.of('Encoding'), doc.context.obj({ Type: 'Encoding', BaseEncoding: 'WinAnsiEncoding', Differences: differences.map((d) => (typeof d === 'number' ? d : PDFName.of(d))) }));
  return { doc, dict };
}

describe('Function: parseToUnicode', () => {
  it('reads bfchar, bfrange with a start value and bfrange with an array', () => {
    const map = parseToUnicode(cmap('2 beginbfchar\n<4A> <0058>\n<01> <00660069>\nendbfchar\n2 beginbfrange\n<41> <43> <0061>\n<30> <31> [<0078> <0079>]\nendbfrange'));
    expect([...map].sort((a, b) => a[0] - b[0])).toEqual([[0x01, 'fi'], [0x30, 'x'], [0x31, 'y'], [0x41, 'a'], [0x42, 'b'], [0x43, 'c'], [0x4a, 'X']]);
  });
});

describe('Function: glyphChar', () => {
  it.each([['J', 'J'], ['seven', '7'], ['uni0041', 'A'], ['u1F600', '\u{1F600}'], ['g12', null], ['a.sc', null], ['fi', null]])('%s -> %s', (name, ch) => {
    expect(glyphChar(name)).toBe(ch);
  });
});

describe('Function: contradictions / lyingFontsByPage', () => {
  it('counts letters and digits a ToUnicode map sends elsewhere than the encoding names', async () => {
    const { doc, dict } = await helveticaWith(remappingCMap());
    expect(contradictions(doc.context, dict)).toBe(62);
    expect([...lyingFontsByPage(doc.context)]).toEqual([[0, [expect.stringMatching(/^font \S+ maps 62 letters or digits/)]]]);
  });

  it('passes fonts whose map agrees with their glyph names: identity, case only, Differences followed, no map', async () => {
    const identity = await helveticaWith(cmap('1 beginbfrange\n<20> <7E> <0020>\nendbfrange'));
    expect(contradictions(identity.doc.context, identity.dict)).toBe(0);
    const cased = await helveticaWith(cmap('1 beginbfchar\n<61> <0041>\nendbfchar'));
    expect(contradictions(cased.doc.context, cased.dict)).toBe(0);
    // code 0x4A draws the glyph named X, and the map says X: the page and its text layer agree
    const diff = await helveticaWith(cmap('1 beginbfchar\n<4A> <0058>\nendbfchar'), [0x4a, 'X', 'g12']);
    expect(contradictions(diff.doc.context, diff.dict)).toBe(0);
    const none = await helveticaWith(null);
    expect(contradictions(none.doc.context, none.dict)).toBe(0);
    expect(lyingFontsByPage(none.doc.context).size).toBe(0);
  });
});
