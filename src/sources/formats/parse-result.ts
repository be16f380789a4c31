/** The outcome of parsing one file: a document, or an error that names where the text went wrong. */
export type ParseResult<T> = { ok: true; doc: T } | { ok: false; error: ParseError };

export interface ParseError {
  message: string;
  line?: number;
  column?: number;
}

export interface Position {
  line: number;
  column: number;
}

/** Deeper documents are refused: no manifest needs this, and recursive consumers would overflow. */
export const MAX_NESTING = 512;

export function nestingTooDeep(): ParseError {
  return { message: `nesting deeper than ${MAX_NESTING} levels` };
}
