/**
 * A unified diff of two texts (line based, longest common subsequence), for showing a fix before it is
 * written. Manifests are small, so the quadratic table is fine; larger inputs fall back to one hunk.
 */
export function unifiedDiff(file: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  const ops = a.length * b.length > 4_000_000 ? wholeReplacement(a, b) : lcsOperations(a, b);
  const hunks: string[] = [];
  let index = 0;
  while (index < ops.length) {
    while (index < ops.length && ops[index]!.kind === ' ') index++;
    if (index >= ops.length) break;
    let start = Math.max(0, index - context);
    let end = index;
    // Extend the hunk while changes are closer than 2 × context lines apart.
    for (let next = index; next < ops.length; next++) {
      if (ops[next]!.kind !== ' ') end = next;
      else if (next - end > context * 2) break;
    }
    end = Math.min(ops.length - 1, end + context);
    const slice = ops.slice(start, end + 1);
    const oldStart = slice.find((op) => op.kind !== '+')?.oldLine ?? 0;
    const newStart = slice.find((op) => op.kind !== '-')?.newLine ?? 0;
    const oldCount = slice.filter((op) => op.kind !== '+').length;
    const newCount = slice.filter((op) => op.kind !== '-').length;
    hunks.push(`@@ -${oldStart},${oldCount} +${newStart},${newCount} @@`, ...slice.map((op) => `${op.kind}${op.text}`));
    index = end + 1;
    start = index;
  }
  return [`--- a/${file}`, `+++ b/${file}`, ...hunks, ''].join('\n');
}

interface Operation {
  kind: ' ' | '-' | '+';
  text: string;
  oldLine?: number;
  newLine?: number;
}

function lcsOperations(a: string[], b: string[]): Operation[] {
  const rows = a.length + 1;
  const columns = b.length + 1;
  const table = new Uint32Array(rows * columns);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i * columns + j] = a[i] === b[j] ? table[(i + 1) * columns + j + 1]! + 1 : Math.max(table[(i + 1) * columns + j]!, table[i * columns + j + 1]!);
    }
  }
  const ops: Operation[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) {
      ops.push({ kind: ' ', text: a[i]!, oldLine: i + 1, newLine: j + 1 });
      i++;
      j++;
    } else if (i < a.length && (j === b.length || table[(i + 1) * columns + j]! >= table[i * columns + j + 1]!)) {
      // Deletions before additions, as diff(1) prints them.
      ops.push({ kind: '-', text: a[i]!, oldLine: i + 1 });
      i++;
    } else {
      ops.push({ kind: '+', text: b[j]!, newLine: j + 1 });
      j++;
    }
  }
  return ops;
}

function wholeReplacement(a: string[], b: string[]): Operation[] {
  return [...a.map((text, i) => ({ kind: '-' as const, text, oldLine: i + 1 })), ...b.map((text, j) => ({ kind: '+' as const, text, newLine: j + 1 }))];
}
