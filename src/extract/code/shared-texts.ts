import { SourceFile } from '../../sources/source-file.ts';
import type { TextEncoding } from '../../sources/decode.ts';

/**
 * File texts packed once into shared memory, so extraction threads read them without a copy per thread.
 * Texts are stored as UTF-8; a thread turns an entry back into a SourceFile on first use.
 */
export interface SharedTexts {
  buffer: SharedArrayBuffer;
  entries: { path: string; start: number; end: number; encoding: TextEncoding; size: number }[];
}

export function packTexts(files: readonly SourceFile[]): SharedTexts {
  const bytes = files.map((file) => Buffer.byteLength(file.text, 'utf8'));
  const buffer = new SharedArrayBuffer(bytes.reduce((sum, length) => sum + length, 0));
  const view = Buffer.from(buffer);
  const entries: SharedTexts['entries'] = [];
  let offset = 0;
  files.forEach((file, index) => {
    const written = view.write(file.text, offset, 'utf8');
    entries.push({ path: file.path, start: offset, end: offset + written, encoding: file.encoding, size: file.size });
    offset += bytes[index]!;
  });
  return { buffer, entries };
}

/** Files of a packed set by path, decoded on first use. */
export function sharedFileLookup(texts: SharedTexts): { byIndex(index: number): SourceFile; byPath(path: string): SourceFile | undefined } {
  const view = Buffer.from(texts.buffer);
  const decoded = new Map<number, SourceFile>();
  const indexOfPath = new Map(texts.entries.map((entry, index) => [entry.path, index]));
  const byIndex = (index: number): SourceFile => {
    let file = decoded.get(index);
    if (!file) {
      const entry = texts.entries[index]!;
      file = new SourceFile(entry.path, view.toString('utf8', entry.start, entry.end), entry.encoding, entry.size);
      decoded.set(index, file);
    }
    return file;
  };
  return { byIndex, byPath: (path) => (indexOfPath.has(path) ? byIndex(indexOfPath.get(path)!) : undefined) };
}
