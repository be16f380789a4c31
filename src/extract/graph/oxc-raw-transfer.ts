import { getBufferOffset, parseRawSync, rawTransferSupported as pointerLayoutSupported } from 'oxc-parser/src-js/bindings';
import { ACTIVE_SIZE, BLOCK_ALIGN, BLOCK_SIZE, BUFFER_SIZE, IS_TS_FLAG_POS } from 'oxc-parser/src-js/generated/constants';
import { deserialize } from 'oxc-parser/src-js/generated/deserialize/js';
import type { ParsedProgram } from './oxc-program.ts';

/** oxc's source area is filled with TextEncoder, which writes at most 1 GiB. */
const MAX_SOURCE_BYTES = 2 ** 30;

/**
 * oxc's raw transfer on Node.js 20: oxc parses into an arena that must start on a 4 GiB boundary, so its wrapper
 * reserves 6 GiB (virtual: only the pages a parse writes are ever backed) and views all of it to find the boundary.
 * Node 20's typed arrays stop at 4 GiB, which is why oxc reserves raw transfer for Node 22; but a 4 GiB view holds
 * the boundary too, and every view after it is 2 GiB. The buffer is made once per thread and reused, as oxc does.
 *
 * Returns undefined where this cannot work (oxc's pointer layout check fails on 32-bit or big-endian machines, or the
 * address space is too small for the reservation); the caller then takes the JSON path. The tests hold this
 * transfer's trees equal to the JSON path's, so a change of oxc's internals fails there rather than in a scan.
 */
export function createRawTransfer(): ((name: string, text: string, options: Record<string, unknown>) => ParsedProgram | undefined) | undefined {
  if (!pointerLayoutSupported()) return undefined;
  let arrayBuffer: ArrayBuffer;
  try {
    arrayBuffer = new ArrayBuffer(BLOCK_SIZE + BLOCK_ALIGN);
  } catch {
    return undefined;
  }
  const offset = getBufferOffset(new Uint8Array(arrayBuffer, 0, BLOCK_ALIGN));
  // The deserializer reads the tree through these three views (oxc's own wrapper sets the same properties).
  const buffer = Object.assign(new Uint8Array(arrayBuffer, offset, BUFFER_SIZE), {
    int32: new Int32Array(arrayBuffer, offset, BUFFER_SIZE / 4),
    float64: new Float64Array(arrayBuffer, offset, BUFFER_SIZE / 8),
  });
  const block = new Uint8Array(arrayBuffer, offset, BLOCK_SIZE);
  const encoder = new TextEncoder();
  return (name, text, options) => {
    // The source goes at the end of the arena, with room for its longest UTF-8 form; the tree grows from the start.
    const room = text.length * 3;
    if (room > MAX_SOURCE_BYTES) return undefined;
    const sourceStart = ACTIVE_SIZE - room;
    const { read, written } = encoder.encodeInto(text, new Uint8Array(arrayBuffer, offset + sourceStart, room));
    if (read !== text.length) return undefined;
    parseRawSync(name, block, sourceStart, written, options);
    // Only the JavaScript tree's deserializer is loaded: the options ask for it (astType 'js').
    if (buffer[IS_TS_FLAG_POS] !== 0) return undefined;
    const { program, errors } = deserialize(buffer, text, sourceStart, written);
    return { program, errors };
  };
}
