import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { tempDir } from '../../test/harness/paths.ts';
import { forEachZipEntry, ZipFormatError } from './zip-stream.ts';

function readAll(file: string, limit = 1024 * 1024): Record<string, string> {
  const out: Record<string, string> = {};
  forEachZipEntry(file, limit, (entry) => {
    const bytes = entry.read();
    out[entry.name] = 'error' in bytes ? `ERROR ${bytes.error}` : Buffer.from(bytes).toString('utf8');
  });
  return out;
}

/** Rewrites a small archive's end record into the ZIP64 form (locator + ZIP64 record, classic fields saturated). */
function asZip64(archive: Uint8Array): Buffer {
  const buffer = Buffer.from(archive);
  const eocd = buffer.length - 22;
  const entries = buffer.readUInt16LE(eocd + 10);
  const size = buffer.readUInt32LE(eocd + 12);
  const offset = buffer.readUInt32LE(eocd + 16);
  const record = Buffer.alloc(56);
  record.writeUInt32LE(0x06064b50, 0);
  record.writeBigUInt64LE(44n, 4);
  record.writeUInt16LE(45, 12);
  record.writeUInt16LE(45, 14);
  record.writeBigUInt64LE(BigInt(entries), 24);
  record.writeBigUInt64LE(BigInt(entries), 32);
  record.writeBigUInt64LE(BigInt(size), 40);
  record.writeBigUInt64LE(BigInt(offset), 48);
  const locator = Buffer.alloc(20);
  locator.writeUInt32LE(0x07064b50, 0);
  locator.writeBigUInt64LE(BigInt(eocd), 8);
  locator.writeUInt32LE(1, 16);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(0xffff, 8);
  end.writeUInt16LE(0xffff, 10);
  end.writeUInt32LE(0xffffffff, 12);
  end.writeUInt32LE(0xffffffff, 16);
  return Buffer.concat([buffer.subarray(0, eocd), record, locator, end]);
}

describe('zip archives read entry by entry', () => {
  it('reads deflated and stored entries, skips folders', (t) => {
    const file = path.join(tempDir(t), 'a.zip');
    writeFileSync(file, zipSync({ 'a.json': strToU8('{"a":1}'), 'dir/': new Uint8Array(), 'b.txt': [strToU8('stored text'), { level: 0 }] }));
    assert.deepEqual(readAll(file), { 'a.json': '{"a":1}', 'b.txt': 'stored text' });
  });

  it('reads a ZIP64 archive', (t) => {
    const file = path.join(tempDir(t), 'z64.zip');
    writeFileSync(file, asZip64(zipSync({ 'GHSA-1.json': strToU8('{"id":"GHSA-1"}'), 'GHSA-2.json': strToU8('{"id":"GHSA-2"}') })));
    assert.deepEqual(Object.keys(readAll(file)), ['GHSA-1.json', 'GHSA-2.json']);
  });

  it('reads every entry when there are more than the classic 65,535', (t) => {
    const files: Record<string, Uint8Array> = {};
    for (let i = 0; i < 70_000; i++) files[`r${i}.json`] = strToU8(`{"n":${i}}`);
    const file = path.join(tempDir(t), 'many.zip');
    writeFileSync(file, zipSync(files, { level: 0 }));
    const all = readAll(file);
    assert.equal(Object.keys(all).length, 70_000);
    assert.equal(all['r69999.json'], '{"n":69999}');
  });

  it('refuses a bomb entry by entry, and broken archives as a whole', (t) => {
    const dir = tempDir(t);
    const bomb = path.join(dir, 'bomb.zip');
    writeFileSync(bomb, zipSync({ 'big.json': new Uint8Array(5 * 1024 * 1024), 'ok.json': strToU8('{}') }));
    assert.deepEqual(readAll(bomb, 1024 * 1024), { 'big.json': 'ERROR inflates to 5242880 bytes (limit 1048576)', 'ok.json': '{}' });
    const good = Buffer.from(zipSync({ 'a.json': strToU8('{"a":1}') }));
    const truncated = path.join(dir, 'truncated.zip');
    writeFileSync(truncated, good.subarray(0, good.length - 30));
    assert.throws(() => readAll(truncated), (error: unknown) => error instanceof ZipFormatError && /no end-of-archive record/.test((error as Error).message));
    const corrupt = Buffer.from(good);
    corrupt.writeUInt32LE(0xdeadbeef, corrupt.readUInt32LE(corrupt.length - 6));
    const broken = path.join(dir, 'broken.zip');
    writeFileSync(broken, corrupt);
    assert.throws(() => readAll(broken), /broken central directory/);
    const lying = Buffer.from(good);
    lying.writeUInt32LE(0x7fffffff, lying.length - 6);
    const outside = path.join(dir, 'outside.zip');
    writeFileSync(outside, lying);
    assert.throws(() => readAll(outside), /outside the file/);
  });
});
