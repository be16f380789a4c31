/**
 * The parts of oxc-parser below its wrapper that the JavaScript extractor uses (see javascript.ts, parseProgram):
 * the native binding, which hands the tree over as a JSON string, and the function that turns that string into
 * the ESTree object with its BigInt and RegExp literal values.
 */
declare module 'oxc-parser/src-js/bindings' {
  export interface NativeParseResult {
    readonly program: string;
    readonly errors: { severity?: string; message: string; labels?: { start: number }[] }[];
    readonly comments: unknown[];
  }
  export function parseSync(filename: string, sourceText: string, options?: Record<string, unknown>): NativeParseResult;
}

declare module 'oxc-parser/src-js/wrap.js' {
  export function jsonParseAst(programJson: string): unknown;
}
