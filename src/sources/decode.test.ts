import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decodeText } from './decode.ts';
import { SourceFile } from './source-file.ts';

describe('sources/decode', () => {
  it('reads UTF-8, with or without a byte-order mark', () => {
    assert.deepEqual(decodeText(Buffer.from('héllo', 'utf8')), { binary: false, text: 'héllo', encoding: 'utf-8' });
    const withBom = decodeText(Buffer.from('\uFEFF{"a":1}', 'utf8'));
    assert.equal(withBom.binary, false);
  });
  it('reads text that is not valid UTF-8 as Windows-1252 instead of dropping it', () => {
    const latin = decodeText(Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x0a]));
    assert.deepEqual(latin, { binary: false, text: 'café\n', encoding: 'windows-1252' });
  });
  it('reads UTF-16 files marked with a byte-order mark', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('{"x":"ü"}', 'utf16le')]);
    assert.deepEqual(decodeText(le), { binary: false, text: '{"x":"ü"}', encoding: 'utf-16le' });
    const be = Buffer.from([0xfe, 0xff, 0x00, 0x41]);
    assert.deepEqual(decodeText(be), { binary: false, text: 'A', encoding: 'utf-16be' });
  });
  it('recognises binary content by NUL bytes', () => {
    assert.deepEqual(decodeText(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01])), { binary: true });
  });
});

describe('sources/source-file', () => {
  it('maps offsets to 1-based lines and columns, including CRLF files', () => {
    const file = new SourceFile('a.txt', 'one\r\ntwo\nthree');
    assert.deepEqual(file.locOf(0), { line: 1, column: 1 });
    assert.deepEqual(file.locOf(5), { line: 2, column: 1 });
    assert.deepEqual(file.locOf(11), { line: 3, column: 3 });
    assert.equal(file.lineText(1), 'one');
    assert.equal(file.lineText(2), 'two');
    assert.equal(file.lineText(9), '');
  });
});
