import { parseSync, rawTransferSupported } from 'oxc-parser';
import { parseSync as parseToJson } from 'oxc-parser/src-js/bindings';
import { jsonParseAst } from 'oxc-parser/src-js/wrap.js';
import { deepNesting } from './nesting.ts';

/** What the JavaScript extractor reads of a parse: the ESTree program and oxc's diagnostics. */
export interface ParsedProgram {
  program: unknown;
  errors: { severity?: string; message: string; labels?: { start: number }[] }[];
}

/** A file nested too deep for oxc's parser to read without overflowing the thread's stack (nesting.ts). */
export class NestingTooDeep extends Error {
  readonly line: number;
  constructor(line: number) {
    super(`nested too deep to parse safely by line ${line} (oxc's parser has no depth guard and would overflow the stack); not parsed`);
    this.line = line;
  }
}

/** How the tree crosses from oxc's Rust side: a shared buffer (fast) or a JSON string (everywhere). */
export type TreeTransfer = 'raw' | 'json';

/**
 * Options every parse uses: the ESTree without type annotations (the recognisers never read types, and a third
 * less tree is a third less to hand over).
 */
const OPTIONS = { sourceType: 'unambiguous', astType: 'js' } as const;

/**
 * oxc's own raw transfer (Node.js 22 and later, 64-bit): the tree is written into a shared buffer and read from it
 * directly, several times faster than JSON.
 */
const OXC_RAW_TRANSFER = rawTransferSupported();

/**
 * On Node.js 20 oxc declines raw transfer because its wrapper views its whole 6 GiB buffer at once, which Node 20's
 * typed arrays cannot (4 GiB at most); the buffer itself can be made. This is the same transfer with views Node 20
 * allows (oxc-raw-transfer.ts), loaded only there; undefined when it cannot be (another oxc layout, a 32-bit or
 * big-endian machine, too little address space).
 */
const NODE20_RAW_TRANSFER = OXC_RAW_TRANSFER ? undefined : await import('./oxc-raw-transfer.ts').then((module) => module.createRawTransfer()).catch(() => undefined);

/** The transfer this process uses, for tests and the benchmark. */
export const TREE_TRANSFER: TreeTransfer = OXC_RAW_TRANSFER || NODE20_RAW_TRANSFER ? 'raw' : 'json';

/**
 * Parses a JavaScript/TypeScript file with oxc, handing the tree over the fastest way this runtime allows; a file
 * nested too deep for oxc is refused with NestingTooDeep instead of crashing the process. The JSON
 * path calls the native binding directly and takes only the tree and the errors: oxc's wrapper also converts the
 * module record and the comments, and reads the tree through a getter, together a third of the parsing time there.
 */
export function parseProgram(name: string, text: string, transfer: TreeTransfer = TREE_TRANSFER): ParsedProgram {
  const tooDeep = deepNesting(text, /\.((m|c)?jsx?|tsx)$/i.test(name));
  if (tooDeep) throw new NestingTooDeep(tooDeep.line);
  if (transfer === 'raw') {
    try {
      if (OXC_RAW_TRANSFER) {
        const parsed = parseSync(name, text, { ...OPTIONS, experimentalRawTransfer: true } as never);
        return { program: parsed.program, errors: parsed.errors as never };
      }
      // A source too large for the buffer's source area is left to JSON (the raw parse returns undefined).
      const parsed = NODE20_RAW_TRANSFER?.(name, text, OPTIONS);
      if (parsed) return parsed;
    } catch (error) {
      // The buffer's reader recurses once per level of the tree; JSON.parse does not, and takes a tree too deep for it.
      if (!(error instanceof RangeError)) throw error;
    }
  }
  const native = parseToJson(name, text, OPTIONS);
  // Taking the comments frees them on the Rust side now rather than when the collector finalises the result.
  void native.comments;
  return { program: jsonParseAst(native.program), errors: native.errors };
}
