import assert from 'node:assert/strict';
import { endianness } from 'node:os';
import { describe, it } from 'node:test';
import { parseProgram, TREE_TRANSFER } from '../../src/extract/graph/oxc-program.ts';

/** Sources whose trees must come out the same whichever way oxc hands them over. */
const SOURCES: Record<string, string> = {
  'graph.ts': "import { Client } from '@microsoft/microsoft-graph-client';\nexport async function mail(client: Client, id: string): Promise<unknown> {\n  return client.api(`/users/${id}/messages`).select(['subject']).top(10).get();\n}\n",
  'types.ts': 'interface User { id: string; mail?: string }\ntype Page<T> = { value: T[]; "@odata.nextLink"?: string };\nenum Kind { A = 1, B }\nconst x = <unknown>y as User satisfies object;\nabstract class C<T extends object> implements I { private constructor(readonly t: T) { super(); } }\n',
  'view.tsx': "export const List = ({ items }: { items: string[] }) => (\n  <ul className=\"list\">{items.map((item) => <li key={item}>{item}</li>)}</ul>\n);\n",
  'plain.js': "#!/usr/bin/env node\n'use strict';\nconst big = 12345678901234567890n;\nconst pattern = /graph\\.microsoft\\.com\\/(v1\\.0|beta)/giu;\nmodule.exports = { big, pattern, f: async function* () { yield await 1; } };\n",
  // Non-ASCII text before and inside the code: the offsets stay UTF-16 indexes, as the file's lines are counted in.
  'unicode.ts': "// Grüße, 日本語 and an emoji 🚀 before the call\nconst ünï = '😀 café';\nawait client.api(`/users/${ünï}/messages`).get();\n",
  'bom.js': '\uFEFFfetch("https://graph.microsoft.com/v1.0/me");\n',
  'empty.ts': '',
  'broken.ts': 'const a = ;\nfunction (\nawait client.api("/me").get();\n',
  'unterminated.js': 'const s = "never closed\nconst t = `also ${open\n',
};

describe('oxc program transfer', () => {
  it('hands trees over through the shared buffer on 64-bit little-endian machines, also on Node.js 20', () => {
    // The JSON path is several times slower; a change of oxc's internals that disabled the buffer must show here.
    if (['x64', 'arm64'].includes(process.arch) && endianness() === 'LE') assert.equal(TREE_TRANSFER, 'raw');
    else assert.equal(TREE_TRANSFER, 'json');
  });

  for (const [name, text] of Object.entries(SOURCES)) {
    it(`gives the same tree and errors through the buffer as through JSON: ${name}`, () => {
      const raw = parseProgram(name, text, 'raw');
      const json = parseProgram(name, text, 'json');
      assert.deepEqual(raw.program, json.program);
      assert.deepEqual(raw.errors.map((error) => [error.severity, error.message, error.labels?.[0]?.start]), json.errors.map((error) => [error.severity, error.message, error.labels?.[0]?.start]));
    });
  }

  it('reads offsets as UTF-16 indexes of the text after multi-byte characters', () => {
    const text = SOURCES['unicode.ts']!;
    const program = parseProgram('unicode.ts', text, 'raw').program as { body: { start: number; end: number }[] };
    const last = program.body.at(-1)!;
    assert.equal(text.slice(last.start, last.end), 'await client.api(`/users/${ünï}/messages`).get();');
  });

  it('reports a syntax error with where it is, and keeps the statements it could read', () => {
    const parsed = parseProgram('broken.ts', SOURCES['broken.ts']!);
    assert.ok(parsed.errors.length > 0);
    assert.ok(parsed.errors.every((error) => typeof error.message === 'string' && error.message.length > 0));
    assert.equal(parsed.errors[0]!.labels?.[0]?.start, SOURCES['broken.ts']!.indexOf(';'));
  });

  it('reuses the buffer: a large file after a small one and a small one after it come out whole', () => {
    const large = Array.from({ length: 50_000 }, (_, i) => `export const u${i} = await client.api('/users/${i}').get();`).join('\n');
    const small = 'const a = 1;';
    assert.equal((parseProgram('small.ts', small).program as { body: unknown[] }).body.length, 1);
    assert.equal((parseProgram('large.ts', large).program as { body: unknown[] }).body.length, 50_000);
    const again = parseProgram('small.ts', small).program as { body: { end: number }[] };
    assert.deepEqual([again.body.length, again.body[0]!.end], [1, small.length]);
  });

  it('takes a tree too deep for the buffer reader through JSON instead of failing', () => {
    // The reader recurses per level of the tree: 7,000 `!` (which the nesting guard lets through, as oxc's own
    // parser takes them) overflow the JavaScript stack of a thread (measured); JSON.parse does not recurse.
    const depth = 7_000;
    const parsed = parseProgram('deep.js', `x = ${'!'.repeat(depth)}1;`);
    assert.deepEqual(parsed.errors, []);
    let node = (parsed.program as { body: { expression: { right: unknown } }[] }).body[0]!.expression.right as { operator?: string; argument?: unknown };
    let levels = 0;
    while (node.operator === '!') {
      node = node.argument as { operator?: string; argument?: unknown };
      levels += 1;
    }
    assert.equal(levels, depth);
  });
});
