import { executableKind, isFormattingScript } from '../../src/pdf/activeContent.js';

describe('Function: isFormattingScript', () => {
  it.each([
    ['AFNumber_Format(2, 0, 0, 0, "$", true);', true],
    ['AFNumber_Keystroke(2, 0, 0, 0, "$", true);', true],
    ['AFDate_FormatEx("mm/dd/yyyy");', true],
    ['AFSpecial_Format(3);AFSpecial_Keystroke(3);', true],
    ['AFSimple_Calculate("SUM", new Array ("a", "b"));', true],
    ['', true],
    ['app.alert("hi")', false],
    ['AFNumber_Format(2, 0, 0, 0, "$", true); app.launchURL("http://x", true);', false],
    ['this.submitForm("http://example.invalid")', false],
    ['AFNumber_Format(eval("1"))', false],
  ])('%s -> %s', (code, expected) => expect(isFormattingScript(code)).toBe(expected));
});

describe('Function: executableKind', () => {
  const bytes = (...b: number[]) => Uint8Array.from([...b, ...new Array(60).fill(0)]);
  it.each([
    [bytes(0x4d, 0x5a), '', /Windows/],
    [bytes(0x7f, 0x45, 0x4c, 0x46), '', /ELF/],
    [bytes(0xcf, 0xfa, 0xed, 0xfe), '', /Mach-O/],
    [new TextEncoder().encode('#!/bin/sh\nrm -rf /'), '', /script/],
    [new TextEncoder().encode('Set x = CreateObject("WScript.Shell")'), 'run.vbs', /\.vbs/],
  ])('recognises %#', (content, name, kind) => expect(executableKind(content, name)).toMatch(kind));

  it('leaves documents and pictures alone', () => {
    expect(executableKind(new TextEncoder().encode('%PDF-1.7'), 'a.pdf')).toBeNull();
    expect(executableKind(bytes(0x89, 0x50, 0x4e, 0x47), 'a.png')).toBeNull();
  });
});
