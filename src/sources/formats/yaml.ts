import { LineCounter, parseDocument, isMap, isNode, isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { SourceFile } from '../source-file.ts';
import type { ParseResult, Position } from './parse-result.ts';

/** Aliases are expanded at most this many times: stops YAML "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

export class YamlDocument {
  readonly value: unknown;
  readonly #doc: Document;
  readonly #lines: LineCounter;

  constructor(value: unknown, doc: Document, lines: LineCounter) {
    this.value = value;
    this.#doc = doc;
    this.#lines = lines;
  }

  /** Where the value at a path is written, or with `key` its key (`get:` rather than the operation under it). */
  locate(path: readonly (string | number)[], key = false): Position | undefined {
    const parent = key && path.length ? this.#doc.getIn(path.slice(0, -1), true) : undefined;
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]) : undefined;
    if (pair && isNode(pair.key) && pair.key.range) {
      const pos = this.#lines.linePos(pair.key.range[0]);
      return { line: pos.line, column: pos.col };
    }
    for (let depth = path.length; depth >= 0; depth--) {
      const node = depth === 0 ? this.#doc.contents : this.#doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) {
        const pos = this.#lines.linePos(node.range[0]);
        return { line: pos.line, column: pos.col };
      }
    }
    return undefined;
  }
}

export function parseYaml(file: SourceFile): ParseResult<YamlDocument> {
  const lines = new LineCounter();
  try {
    const doc = parseDocument(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
    const first = doc.errors[0];
    if (first) {
      const pos = lines.linePos(first.pos[0]);
      return { ok: false, error: { message: first.message.split('\n')[0] ?? first.code, line: pos.line, column: pos.col } };
    }
    const value = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT });
    return { ok: true, doc: new YamlDocument(value, doc, lines) };
  } catch (error) {
    return { ok: false, error: { message: error instanceof RangeError ? 'nesting too deep' : (error as Error).message } };
  }
}
