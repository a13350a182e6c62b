import { decodeText, fileKind } from '../../src/reader/fileKind.js';

const enc = (s: string) => new TextEncoder().encode(s);
const bytes = (...b: number[]) => Uint8Array.from([...b, ...new Array(60).fill(7)]);

describe('Function: fileKind', () => {
  it.each([
    [enc('%PDF-1.7\n...'), 'x.bin', 'pdf'],
    [bytes(0x89, 0x50, 0x4e, 0x47), 'a.png', 'image'],
    [bytes(0xff, 0xd8, 0xff, 0xe0), 'a.jpg', 'image'],
    [enc('Name: Jane Doe\nSSN 123-45-6789\n'), 'notes.txt', 'text'],
    [enc('name,ssn\nJane,123-45-6789\n'), 'data.csv', 'text'],
    [bytes(0x50, 0x4b, 0x03, 0x04), 'a.docx', 'unsupported'],
    [bytes(0x49, 0x49, 0x2a, 0x00), 'fax.tif', 'unsupported'],
    [bytes(0xd0, 0xcf, 0x11, 0xe0), 'old.doc', 'unsupported'],
    [Uint8Array.from([1, 2, 3, 0, 5, 6]), 'blob', 'unsupported'],
    [bytes(0x4d, 0x5a), 'setup.exe', 'executable'],
    [enc('echo hi'), 'run.bat', 'executable'],
  ])('%#: %s is %s', (content, name, kind) => expect(fileKind(content, name).kind).toBe(kind));

  it('decodes UTF-16 text with a byte order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('王小明 SSN', 'utf16le')]);
    const kind = fileKind(le, 'n.txt');
    expect(kind).toEqual({ kind: 'text', encoding: 'utf-16le' });
    expect(decodeText(le, 'utf-16le')).toBe('王小明 SSN');
    const be = Buffer.from(le);
    be.swap16();
    expect(decodeText(be, 'utf-16be')).toBe('王小明 SSN');
  });
});
