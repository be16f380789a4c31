/**
 * The parts of oxc-parser below its wrapper that the JavaScript extractor uses (see oxc-program.ts and
 * oxc-raw-transfer.ts): the native binding, which hands the tree over as a JSON string or writes it into a shared
 * buffer, the function that turns the JSON string into the ESTree object with its BigInt and RegExp literal values,
 * and the buffer's layout and reader.
 */
declare module 'oxc-parser/src-js/bindings' {
  export interface NativeParseResult {
    readonly program: string;
    readonly errors: { severity?: string; message: string; labels?: { start: number }[] }[];
    readonly comments: unknown[];
  }
  export function parseSync(filename: string, sourceText: string, options?: Record<string, unknown>): NativeParseResult;
  /** Whether the machine's pointers suit raw transfer (64-bit, little-endian). */
  export function rawTransferSupported(): boolean;
  /** The offset within `buffer` of its first byte on a 4 GiB boundary. */
  export function getBufferOffset(buffer: Uint8Array): number;
  /** Parses the source written at `sourceStart` of `block` into the arena at its start. */
  export function parseRawSync(filename: string, block: Uint8Array, sourceStart: number, sourceByteLength: number, options?: Record<string, unknown>): void;
}

declare module 'oxc-parser/src-js/wrap.js' {
  export function jsonParseAst(programJson: string): unknown;
}

declare module 'oxc-parser/src-js/generated/constants' {
  export const BLOCK_SIZE: number;
  export const BLOCK_ALIGN: number;
  export const BUFFER_SIZE: number;
  export const ACTIVE_SIZE: number;
  export const IS_TS_FLAG_POS: number;
}

declare module 'oxc-parser/src-js/generated/deserialize/js' {
  export function deserialize(
    buffer: Uint8Array & { int32: Int32Array; float64: Float64Array },
    sourceText: string,
    sourceStart: number,
    sourceByteLength: number,
  ): { program: unknown; errors: { severity?: string; message: string; labels?: { start: number }[] }[] };
}
