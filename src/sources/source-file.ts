import type { TextEncoding } from './decode.ts';
import { partitionPoint } from '../util/partition-point.ts';

export interface LineColumn {
  line: number;
  column: number;
}

/**
 * A text file of the scanned tree, read once. Offsets map to 1-based line and column through a line
 * index built on first use.
 */
export class SourceFile {
  readonly path: string;
  readonly text: string;
  readonly encoding: TextEncoding;
  readonly size: number;
  #lineStarts: number[] | undefined;

  constructor(path: string, text: string, encoding: TextEncoding = 'utf-8', size = text.length) {
    this.path = path;
    this.text = text;
    this.encoding = encoding;
    this.size = size;
  }

  locOf(offset: number): LineColumn {
    const starts = this.lineStarts();
    // The last line starting at or before the offset (the first line starts at 0).
    const line = Math.max(1, partitionPoint(starts, (start) => start <= offset));
    return { line, column: offset - (starts[line - 1] ?? 0) + 1 };
  }

  lineText(line: number): string {
    const starts = this.lineStarts();
    const start = starts[line - 1];
    if (start === undefined) return '';
    const end = starts[line] ?? this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$/, '');
  }

  private lineStarts(): number[] {
    if (!this.#lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.#lineStarts = starts;
    }
    return this.#lineStarts;
  }
}
