import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceFile } from '../source-file.ts';
import { parseJson } from './json.ts';
import { parseXml } from './xml.ts';
import { parseYaml } from './yaml.ts';

const file = (text: string, name = 'f') => new SourceFile(name, text);

describe('sources/formats/json', () => {
  it('parses strict JSON and locates values and keys', () => {
    const result = parseJson(file('{\n  "a": {\n    "b": [1, "x"]\n  }\n}\n'));
    assert.ok(result.ok);
    assert.deepEqual(result.doc.value, { a: { b: [1, 'x'] } });
    assert.deepEqual(result.doc.locate(['a', 'b', 1]), { line: 3, column: 14 });
    assert.deepEqual(result.doc.locate(['a', 'b'], true), { line: 3, column: 5 });
    assert.deepEqual(result.doc.locate(['a', 'missing']), { line: 2, column: 8 }, 'a missing path falls back to its parent');
  });
  it('accepts comments and trailing commas (JSONC)', () => {
    const result = parseJson(file('// SPFx config\n{\n  /* solution */ "solution": { "name": "x", },\n}\n'));
    assert.ok(result.ok);
    assert.deepEqual(result.doc.value, { solution: { name: 'x' } });
  });
  it('names the line and column of a syntax error', () => {
    const result = parseJson(file('{\n  "a": 1\n  "b": 2\n}\n'));
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.error.line, 3);
      assert.match(result.error.message, /comma expected/);
    }
  });
  it('refuses deep nesting without overflowing the stack', () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const result = parseJson(file(deep));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /nesting deeper than/);
  });
  it('reports an empty file', () => {
    const result = parseJson(file('   \n'));
    assert.equal(result.ok, false);
  });
  it('parses a large document quickly enough to stay linear', () => {
    const big = JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ id: i, name: `item-${i}` })));
    const result = parseJson(file(big));
    assert.ok(result.ok);
    assert.equal((result.doc.value as unknown[]).length, 200_000);
  });
});

describe('sources/formats/yaml', () => {
  it('parses YAML and locates values', () => {
    const result = parseYaml(file('version: v1.7\nprovision:\n  - uses: teamsApp/create\n    with:\n      name: x\n'));
    assert.ok(result.ok);
    assert.deepEqual(result.doc.locate(['provision', 0, 'with', 'name']), { line: 5, column: 13 });
  });
  it('names the line of a syntax error', () => {
    const result = parseYaml(file('a: 1\nb: [unclosed\nc: 3\n'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.ok((result.error.line ?? 0) >= 2);
  });
  it('refuses duplicate keys', () => {
    assert.equal(parseYaml(file('a: 1\na: 2\n')).ok, false);
  });
  it('reads a stream of documents: each one, and merged without the profile-specific ones (Spring), locating values in their own document', () => {
    const text = 'spring:\n  application:\n    name: api\n---\napp:\n  graph:\n    base-url: https://graph.microsoft.com/v1.0\n    timeout: 10s\n---\nspring:\n  config:\n    activate:\n      on-profile: dev\napp:\n  graph:\n    base-url: https://graph.microsoft.com/beta\n---\napp:\n  graph:\n    timeout: 30s\n';
    const result = parseYaml(file(text));
    assert.ok(result.ok);
    assert.equal(result.doc.documents.length, 4);
    assert.deepEqual(result.doc.value, { spring: { application: { name: 'api' } }, app: { graph: { 'base-url': 'https://graph.microsoft.com/v1.0', timeout: '30s' } } });
    // The merged view's value comes from the last document holding it; a document's own from that document.
    assert.equal(result.doc.locate(['app', 'graph', 'timeout'])?.line, 20);
    assert.equal(result.doc.locate(['app', 'graph', 'base-url'], false, 2)?.line, 16);
    assert.equal(result.doc.locate(['app', 'graph', 'base-url'], false, 1)?.line, 7);
    // A syntax error in any document fails the file, with its line.
    const broken = parseYaml(file('a: 1\n---\nb: [unclosed\n'));
    assert.equal(broken.ok, false);
    if (!broken.ok) assert.ok((broken.error.line ?? 0) >= 3);
    // An empty file and a single document read as before.
    const empty = parseYaml(file('# nothing\n'));
    assert.ok(empty.ok);
    assert.equal(empty.doc.value, null);
    assert.equal(empty.doc.documents.length, 1);
  });
  it('reads a stream of 20,000 documents, and stops an alias bomb in a later document', () => {
    const many = parseYaml(file(Array.from({ length: 20_000 }, (_, i) => `k${i % 50}:\n  v: ${i}\n`).join('---\n')));
    assert.ok(many.ok);
    assert.equal(many.doc.documents.length, 20_000);
    assert.deepEqual((many.doc.value as Record<string, unknown>).k0, { v: 19_950 });
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const bomb = parseYaml(file(`first: 1\n---\n${lines.join('\n')}\n`));
    assert.equal(bomb.ok, false);
  });
  it('stops an alias expansion bomb ("billion laughs" in YAML)', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    const result = parseYaml(file(`${lines.join('\n')}\n`));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /alias/i);
  });
});

describe('sources/formats/xml', () => {
  it('builds elements with positions and namespace-free local names', () => {
    const result = parseXml(file('<?xml version="1.0"?>\n<OfficeApp xmlns:bt="urn:x">\n  <bt:Url id="a" DefaultValue="https://x"/>\n  <Id> 1 </Id>\n</OfficeApp>\n'));
    assert.ok(result.ok);
    const [url, id] = result.doc.root.children;
    assert.equal(url?.local, 'Url');
    assert.equal(url?.attributes.DefaultValue, 'https://x');
    assert.equal(url?.position.line, 3);
    assert.equal(id?.text.trim(), '1');
  });
  it('refuses a billion-laughs document without expanding anything', () => {
    const laughs = ['<?xml version="1.0"?>', '<!DOCTYPE lolz [', ' <!ENTITY lol "lol">'];
    for (let i = 1; i < 10; i++) laughs.push(` <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
    laughs.push(']>', '<lolz>&lol9;</lolz>');
    const result = parseXml(file(laughs.join('\n')));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /never expands XML entities/);
  });
  it('refuses an external entity (XXE) and never reads the file it names', () => {
    const result = parseXml(file('<?xml version="1.0"?>\n<!DOCTYPE r [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<r>&xxe;</r>\n'));
    assert.equal(result.ok, false);
    if (!result.ok) assert.doesNotMatch(result.error.message, /root:/);
  });
  it('reports an undefined entity and malformed markup with a line', () => {
    const undefinedEntity = parseXml(file('<a>\n&nope;</a>'));
    assert.equal(undefinedEntity.ok, false);
    const mismatched = parseXml(file('<a>\n  <b>\n</a>\n'));
    assert.equal(mismatched.ok, false);
    if (!mismatched.ok) assert.equal(mismatched.error.line, 3);
  });
  it('refuses deep nesting', () => {
    const result = parseXml(file('<a>'.repeat(10_000) + '</a>'.repeat(10_000)));
    assert.equal(result.ok, false);
    if (!result.ok) assert.match(result.error.message, /nesting/);
  });
});
