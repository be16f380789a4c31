/**
 * Bytes → text, once per file. Binary files are recognised (NUL bytes outside a UTF-16 file), and text
 * that is not valid UTF-8 is still read (as Windows-1252) and marked, so nothing is silently dropped.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { binary: false; text: string; encoding: TextEncoding }
  | { binary: true };

const SNIFF_BYTES = 8000;
const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
const windows1252 = new TextDecoder('windows-1252');

export function decodeText(bytes: Uint8Array): Decoded {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { binary: false, text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le' };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { binary: false, text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be' };
  }
  const sniff = bytes.subarray(0, SNIFF_BYTES);
  if (sniff.includes(0)) return { binary: true };
  try {
    return { binary: false, text: utf8.decode(bytes), encoding: 'utf-8' };
  } catch {
    return { binary: false, text: windows1252.decode(bytes), encoding: 'windows-1252' };
  }
}
