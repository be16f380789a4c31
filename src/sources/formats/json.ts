import { parse as parseJsonc, parseTree, findNodeAtLocation, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError as JsoncError, Segment } from 'jsonc-parser';
import type { SourceFile } from '../source-file.ts';
import { MAX_NESTING, nestingTooDeep, type ParseResult, type Position } from './parse-result.ts';

/** A parsed JSON or JSONC document that can point back at the text of any value. */
export class JsonDocument {
  readonly value: unknown;
  readonly file: SourceFile;
  #tree: JsonNode | undefined | null;

  constructor(file: SourceFile, value: unknown) {
    this.file = file;
    this.value = value;
  }

  /** Position of the value (or, with `key`, of the property name) at a JSON pointer path. */
  locate(path: readonly (string | number)[], key = false): Position | undefined {
    if (this.#tree === undefined) this.#tree = parseTree(this.file.text, [], { allowTrailingComma: true }) ?? null;
    if (!this.#tree) return undefined;
    let node = findNodeAtLocation(this.#tree, path as Segment[]);
    // A path that ends inside a missing property falls back to its nearest existing parent.
    for (let depth = path.length - 1; !node && depth >= 0; depth--) node = findNodeAtLocation(this.#tree, path.slice(0, depth) as Segment[]);
    if (!node) return undefined;
    const target = key && node.parent?.type === 'property' ? node.parent : node;
    return this.file.locOf(target.offset);
  }
}

/**
 * Parses JSON, tolerating comments and trailing commas (JSONC, as tsconfig and SPFx files use).
 * The common strict case takes the fast native path; the tolerant parser runs only when it fails.
 */
export function parseJson(file: SourceFile): ParseResult<JsonDocument> {
  const text = file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text;
  if (exceedsNesting(text)) return { ok: false, error: nestingTooDeep() };
  try {
    return { ok: true, doc: new JsonDocument(file, JSON.parse(text)) };
  } catch {
    const errors: JsoncError[] = [];
    const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
    const first = errors[0];
    if (first) {
      const at = file.locOf(first.offset);
      return { ok: false, error: { message: describeJsoncError(first), line: at.line, column: at.column } };
    }
    if (value === undefined) return { ok: false, error: { message: 'empty document' } };
    return { ok: true, doc: new JsonDocument(file, value) };
  }
}

function describeJsoncError(error: JsoncError): string {
  const code = printParseErrorCode(error.error);
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

/** Counts bracket depth outside strings without building anything. */
function exceedsNesting(text: string): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92 /* \ */) i++;
      else if (c === 34 /* " */) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) {
      if (++depth > MAX_NESTING) return true;
    } else if (c === 125 || c === 93) depth--;
  }
  return false;
}
