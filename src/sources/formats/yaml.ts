import { LineCounter, parseAllDocuments, parseDocument, isMap, isNode, isScalar } from 'yaml';
import type { Document } from 'yaml';
import type { SourceFile } from '../source-file.ts';
import type { ParseResult, Position } from './parse-result.ts';

/** Aliases are expanded at most this many times: stops YAML "billion laughs" documents. */
const MAX_ALIAS_COUNT = 100;

/**
 * A YAML file's content. A stream of several documents (`---`: a Spring application.yaml, a set of Kubernetes
 * manifests) gives each document in `documents`, and as `value` the configuration in effect without a profile: the
 * documents merged in order, a later one's keys over an earlier one's, leaving out those Spring activates only for
 * a profile. A single document is both.
 */
export class YamlDocument {
  readonly value: unknown;
  readonly documents: readonly unknown[];
  readonly #docs: readonly Document[];
  readonly #lines: LineCounter;

  constructor(documents: readonly unknown[], docs: readonly Document[], lines: LineCounter) {
    this.documents = documents;
    this.value = documents.length === 1 ? documents[0] : mergedDefaultProfile(documents);
    this.#docs = docs;
    this.#lines = lines;
  }

  /**
   * Where the value at a path is written, or with `key` its key (`get:` rather than the operation under it): in the
   * given document, else the last document holding the path (whose value the merged view shows), else the nearest
   * enclosing node of the first.
   */
  locate(path: readonly (string | number)[], key = false, document?: number): Position | undefined {
    const docs = document !== undefined ? this.#docs.slice(document, document + 1) : [...this.#docs].reverse();
    for (const doc of docs) {
      const exact = this.#exact(doc, path, key);
      if (exact) return exact;
    }
    const first = document !== undefined ? this.#docs[document] : this.#docs[0];
    if (!first) return undefined;
    for (let depth = path.length - 1; depth >= 0; depth--) {
      const node = depth === 0 ? first.contents : first.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) return this.#position(node.range[0]);
    }
    return undefined;
  }

  #exact(doc: Document, path: readonly (string | number)[], key: boolean): Position | undefined {
    const parent = key && path.length ? doc.getIn(path.slice(0, -1), true) : undefined;
    const pair = isMap(parent) ? parent.items.find((item) => isScalar(item.key) && item.key.value === path[path.length - 1]) : undefined;
    if (pair && isNode(pair.key) && pair.key.range) return this.#position(pair.key.range[0]);
    const node = path.length === 0 ? doc.contents : doc.getIn(path, true);
    return isNode(node) && node.range ? this.#position(node.range[0]) : undefined;
  }

  #position(offset: number): Position {
    const pos = this.#lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  }
}

/**
 * Each document of a parsed JSON or YAML file with a locator of its own paths: the one document of a JSON file, every
 * document of a YAML stream (walkers reading every value of a file take them all).
 */
export function documentsOf(doc: { value: unknown; locate(path: readonly (string | number)[]): Position | undefined } | YamlDocument): { value: unknown; locate: (path: readonly (string | number)[]) => Position | undefined }[] {
  if (!(doc instanceof YamlDocument)) return [{ value: doc.value, locate: (path) => doc.locate(path) }];
  return doc.documents.map((value, index) => ({ value, locate: (path) => doc.locate(path, false, index) }));
}

/** Spring Boot's profile-specific documents (`spring.config.activate.on-profile`, or the older `spring.profiles`). */
function activatedByProfile(document: unknown): boolean {
  const spring = isPlainObject(document) ? document.spring : undefined;
  if (!isPlainObject(spring)) return false;
  const config = isPlainObject(spring.config) ? spring.config : undefined;
  return (isPlainObject(config?.activate) && config.activate['on-profile'] !== undefined) || spring.profiles !== undefined;
}

function mergedDefaultProfile(documents: readonly unknown[]): unknown {
  let merged: unknown = undefined;
  for (const document of documents) if (document !== null && document !== undefined && !activatedByProfile(document)) merged = mergeInto(merged, document, 0);
  return merged ?? null;
}

/** `over` laid over `base`: mappings merged key by key (to 32 levels), anything else replaced. */
function mergeInto(base: unknown, over: unknown, depth: number): unknown {
  if (!isPlainObject(base) || !isPlainObject(over) || depth > 32) return over;
  const result: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(over)) result[key] = key in result ? mergeInto(result[key], value, depth + 1) : value;
  return result;
}

function isPlainObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

export function parseYaml(file: SourceFile): ParseResult<YamlDocument> {
  const lines = new LineCounter();
  try {
    const all: Document[] = [...parseAllDocuments(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true })];
    // An empty stream (or one of comments only) is one empty document, as parseDocument gives it.
    if (all.length === 0) all.push(parseDocument(file.text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true }));
    const first = all.flatMap((doc) => doc.errors)[0];
    if (first) {
      const pos = lines.linePos(first.pos[0]);
      return { ok: false, error: { message: first.message.split('\n')[0] ?? first.code, line: pos.line, column: pos.col } };
    }
    return { ok: true, doc: new YamlDocument(all.map((doc) => doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT })), all, lines) };
  } catch (error) {
    return { ok: false, error: { message: error instanceof RangeError ? 'nesting too deep' : (error as Error).message } };
  }
}
