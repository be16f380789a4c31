import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';

/**
 * Reads a large zip archive from disk one entry at a time through its central directory, so a multi-hundred-
 * megabyte archive with hundreds of thousands of entries (a full OSV export) never sits in memory whole.
 * ZIP64 archives are read; an archive whose entry count overflowed the classic field is read by walking the
 * whole central directory. Entries inflate with a size cap, so a bomb is refused entry by entry.
 */

export class ZipFormatError extends Error {}

export interface ZipStreamEntry {
  name: string;
  /** Inflated bytes, or why the entry was not read. */
  read(): Uint8Array | { error: string };
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_CENTRAL_DIRECTORY = 512 * 1024 * 1024;

/** Positional reads served from a block cache: entries are laid out in order, so most reads hit the block. */
class BlockReader {
  #fd: number;
  #block = Buffer.alloc(0);
  #start = 0;
  constructor(fd: number) {
    this.#fd = fd;
  }
  read(position: number, length: number): Buffer {
    if (position >= this.#start && position + length <= this.#start + this.#block.length) return this.#block.subarray(position - this.#start, position - this.#start + length);
    const size = Math.max(length, 4 * 1024 * 1024);
    const block = Buffer.allocUnsafe(size);
    const got = readSync(this.#fd, block, 0, size, position);
    this.#block = block.subarray(0, got);
    this.#start = position;
    if (got < length) throw new ZipFormatError(`truncated at byte ${position + got}`);
    return this.#block.subarray(0, length);
  }
}

/** Calls `visit` for every file entry; throws ZipFormatError when the archive's structure is broken. */
export function forEachZipEntry(file: string, maxEntryBytes: number, visit: (entry: ZipStreamEntry) => void): void {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const reader = new BlockReader(fd);
    const tailLength = Math.min(size, 65_557);
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) if (tail.readUInt32LE(i) === EOCD) {
      at = i;
      break;
    }
    if (at === -1) throw new ZipFormatError('no end-of-archive record (truncated download?)');
    let directorySize = tail.readUInt32LE(at + 12);
    let directoryOffset = tail.readUInt32LE(at + 16);
    if ((directorySize === 0xffffffff || directoryOffset === 0xffffffff || tail.readUInt16LE(at + 10) === 0xffff) && at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_LOCATOR) {
      const recordOffset = Number(tail.readBigUInt64LE(at - 20 + 8));
      const record = reader.read(recordOffset, 56);
      if (record.readUInt32LE(0) !== ZIP64_EOCD) throw new ZipFormatError('broken ZIP64 end-of-archive record');
      directorySize = Number(record.readBigUInt64LE(40));
      directoryOffset = Number(record.readBigUInt64LE(48));
    }
    if (directorySize > MAX_CENTRAL_DIRECTORY || directoryOffset + directorySize > size) throw new ZipFormatError('the central directory lies outside the file');
    const directory = Buffer.allocUnsafe(directorySize);
    readSync(fd, directory, 0, directorySize, directoryOffset);
    // Walk the whole directory rather than trusting the 16-bit entry count, which writers without ZIP64 overflow.
    for (let offset = 0; offset + 46 <= directory.length; ) {
      if (directory.readUInt32LE(offset) !== CENTRAL) throw new ZipFormatError(`broken central directory at entry offset ${offset}`);
      const method = directory.readUInt16LE(offset + 10);
      let compressed = directory.readUInt32LE(offset + 20);
      let inflated = directory.readUInt32LE(offset + 24);
      const nameLength = directory.readUInt16LE(offset + 28);
      const extraLength = directory.readUInt16LE(offset + 30);
      const commentLength = directory.readUInt16LE(offset + 32);
      let localOffset = directory.readUInt32LE(offset + 42);
      const name = directory.toString('utf8', offset + 46, offset + 46 + nameLength);
      const extra = directory.subarray(offset + 46 + nameLength, offset + 46 + nameLength + extraLength);
      for (let e = 0; e + 4 <= extra.length; ) {
        const id = extra.readUInt16LE(e);
        const length = extra.readUInt16LE(e + 2);
        if (id === 0x0001) {
          let field = e + 4;
          if (inflated === 0xffffffff && field + 8 <= e + 4 + length) (inflated = Number(extra.readBigUInt64LE(field))), (field += 8);
          if (compressed === 0xffffffff && field + 8 <= e + 4 + length) (compressed = Number(extra.readBigUInt64LE(field))), (field += 8);
          if (localOffset === 0xffffffff && field + 8 <= e + 4 + length) localOffset = Number(extra.readBigUInt64LE(field));
        }
        e += 4 + length;
      }
      offset += 46 + nameLength + extraLength + commentLength;
      if (name.endsWith('/')) continue;
      visit({
        name,
        read() {
          if (inflated > maxEntryBytes) return { error: `inflates to ${inflated} bytes (limit ${maxEntryBytes})` };
          if (method !== 0 && method !== 8) return { error: `compression method ${method} is not supported` };
          try {
            const header = reader.read(localOffset, 30);
            if (header.readUInt32LE(0) !== LOCAL) return { error: 'no local entry header where the directory points' };
            const start = localOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
            const data = reader.read(start, compressed);
            return method === 0 ? Uint8Array.from(data) : inflateRawSync(data, { maxOutputLength: maxEntryBytes });
          } catch (error) {
            return { error: (error as Error).message };
          }
        },
      });
    }
  } finally {
    closeSync(fd);
  }
}
