/**
 * JavaScript that only calls Acrobat's built-in form formatting functions (AFNumber_Format,
 * AFDate_FormatEx, AFSpecial_Keystroke, AFSimple_Calculate, ...): fillable forms made in Acrobat carry
 * such scripts on nearly every number and date field. They run nothing of the author's own, so they
 * are not counted as active content; any other script is.
 */
const AF_CALL = /^\s*(?:event\.value\s*=\s*)?AF[A-Za-z]+_[A-Za-z]+\s*\((?:\s*(?:-?\d+(?:\.\d+)?|"[^"\\]{0,200}"|'[^'\\]{0,200}'|true|false|new\s+Array\s*\((?:\s*"[^"\\]{0,100}"\s*,?)*\))\s*,?)*\)\s*;?\s*/;

/** True when `code` consists only of calls to Acrobat's AF* formatting helpers with literal arguments. */
export function isFormattingScript(code: string): boolean {
  let rest = code.trim();
  if (rest === '') return true;
  for (let guard = 0; rest !== '' && guard < 50; guard += 1) {
    const m = AF_CALL.exec(rest);
    if (!m || m[0].length === 0) return false;
    rest = rest.slice(m[0].length).trim();
  }
  return rest === '';
}

/** File names of attachments that run code when opened. */
const EXECUTABLE_NAME = /\.(?:exe|dll|scr|com|pif|cpl|msi|msp|bat|cmd|ps1|psm1|vbs|vbe|js|jse|wsf|wsh|hta|jar|lnk|reg|sh|bash|app|apk|elf|so|dylib|py|pl|rb)$/i;

/** What kind of executable `bytes` (or its file name) is, or null. */
export function executableKind(bytes: Uint8Array, fileName = ''): string | null {
  const b = bytes;
  if (b[0] === 0x4d && b[1] === 0x5a) return 'Windows executable (MZ)';
  if (b[0] === 0x7f && b[1] === 0x45 && b[2] === 0x4c && b[3] === 0x46) return 'ELF executable';
  const magic = b.length >= 4 ? ((b[0]! << 24) | (b[1]! << 16) | (b[2]! << 8) | b[3]!) >>> 0 : 0;
  if ([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe, 0xcafebabe].includes(magic)) return 'Mach-O or Java class';
  if (b[0] === 0x23 && b[1] === 0x21) return 'script (#!)';
  if (EXECUTABLE_NAME.test(fileName)) return `executable file type (.${fileName.split('.').pop()!.toLowerCase()})`;
  return null;
}
