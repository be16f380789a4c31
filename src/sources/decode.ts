import { isUtf8 } from 'node:buffer';

/**
 * Bytes → text, once per file. Binary files are recognised (NUL bytes outside a UTF-16 file), and text
 * that is not valid UTF-8 is still read (as Windows-1252) and marked, so nothing is silently dropped.
 */

export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type Decoded =
  | { binary: false; text: string; encoding: TextEncoding }
  | { binary: true };

const SNIFF_BYTES = 8000;
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
  if (isUtf8(bytes)) {
    const start = bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
    return { binary: false, text: Buffer.from(bytes.buffer, bytes.byteOffset + start, bytes.length - start).toString('utf8'), encoding: 'utf-8' };
  }
  return { binary: false, text: windows1252.decode(bytes), encoding: 'windows-1252' };
}
