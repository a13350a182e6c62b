import { decodeXmp, xmpValues, XmpParseError } from '../../src/pdf/xmpText.js';

const RDF = 'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"';

describe('Function: xmpValues', () => {
  it('reads element text, attributes, CDATA and container items under their property names', () => {
    const xml = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF ${RDF}><rdf:Description rdf:about="" xmlns:dc="d" xmlns:ex="e" ex:owner="Ann Lee">`
      + '<dc:creator><rdf:Seq><rdf:li>Bo Chen</rdf:li></rdf:Seq></dc:creator>'
      + '<dc:description><rdf:Alt><rdf:li xml:lang="x-default"><![CDATA[a <b> & c]]> tail</rdf:li></rdf:Alt></dc:description>'
      + '<ex:link rdf:resource="mailto:ann@example.net"/><ex:amp>R&amp;D &#x41;</ex:amp>'
      + '</rdf:Description></rdf:RDF></x:xmpmeta>';
    expect(xmpValues(xml)).toEqual(['owner: Ann Lee', 'creator: Bo Chen', 'description: a <b> & c tail', 'link: mailto:ann@example.net', 'amp: R&D A']);
  });

  it('keeps a long value whole', () => {
    const value = 'x'.repeat(50_000);
    expect(xmpValues(`<a ${RDF}><b>${value}</b></a>`)).toEqual([`b: ${value}`]);
  });

  it('reads nothing from an empty packet and throws XmpParseError, with the position only, on malformed XML', () => {
    expect(xmpValues('  ')).toEqual([]);
    expect(() => xmpValues('<a><b>secret</a>')).toThrow(XmpParseError);
    expect(() => xmpValues('<a><b>secret</a>')).toThrow(/^not well-formed XML at line 1, column \d+$/);
    expect(() => xmpValues('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>')).toThrow(XmpParseError);
  });
});

describe('Function: decodeXmp', () => {
  it('decodes UTF-8 and UTF-16 with a byte order mark, and throws on bytes that are not UTF-8', () => {
    expect(decodeXmp(new TextEncoder().encode('<a>é</a>'))).toBe('<a>é</a>');
    expect(decodeXmp(Buffer.from('\uFEFF<a>é</a>', 'utf16le'))).toBe('<a>é</a>');
    expect(() => decodeXmp(Buffer.from('<a>é</a>', 'latin1'))).toThrow(/not valid for encoding utf-8/);
  });
});
