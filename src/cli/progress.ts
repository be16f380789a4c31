/**
 * A one-line progress indicator on stderr, shown only on a terminal so that logs and pipes stay clean.
 * Redraws at most ten times a second.
 */
export function progressReporter(stream: NodeJS.WritableStream & { isTTY?: boolean }): { update: (done: number, total: number) => void; done: () => void } | undefined {
  if (!stream.isTTY) return undefined;
  let last = 0;
  let shown = false;
  return {
    update(done, total) {
      const now = Date.now();
      if (now - last < 100 && done !== total) return;
      last = now;
      shown = true;
      stream.write(`\r\u001b[2Kreading files ${done}/${total} (${total ? Math.floor((done / total) * 100) : 100}%)`);
    },
    done() {
      if (shown) stream.write('\r\u001b[2K');
    },
  };
}
