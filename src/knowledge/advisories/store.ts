import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Ecosystem } from '../../extract/dependencies/types.ts';
import { forEachZipEntry } from '../../sources/zip-stream.ts';
import { sha256 } from '../../util/hash.ts';
import { readOsvRecord, packageKey, type AdvisoryProblem, type PackageAdvisory } from './osv.ts';

/**
 * The advisories of one ecosystem, read from the data directory: `osv/<Ecosystem>/all.zip` (the public OSV
 * export) and any loose `*.json` OSV records beside it (an offline mirror or advisories written by hand).
 *
 * Reading a full export takes seconds, so it is done once: the records are split by package into a records
 * file with a name → (offset, length) index beside it (`osv/<Ecosystem>/.index/`), rebuilt when the sources
 * change. A look-up then reads only the packages the app uses.
 */

export const ADVISORY_FOLDER = 'osv';
const INDEX_FORMAT = 2;
const MAX_RECORD_BYTES = 8 * 1024 * 1024;

interface IndexFile {
  format: number;
  fingerprint: string;
  /** Size of the records file it indexes: a records file of another size is stale or truncated. */
  recordsBytes: number;
  records: number;
  builtAt: string;
  names: Record<string, [number, number]>;
  problems: AdvisoryProblem[];
}

export interface AdvisorySource {
  ecosystem: Ecosystem;
  /** Files the advisories were read from, relative to the data directory. */
  files: string[];
  /** OSV records read. */
  records: number;
  /** When the index was built (the data's age is the files' age: see `data status`). */
  builtAt: string;
  problems: AdvisoryProblem[];
  lookup(name: string): PackageAdvisory[];
  close(): void;
}

export function ecosystemFolder(dataDir: string, ecosystem: Ecosystem): string {
  return path.join(dataDir, ADVISORY_FOLDER, ecosystem);
}

/** The source files of an ecosystem's advisories, or none when the data directory has none. */
function sourceFiles(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((entry) => entry.isFile() && (entry.name === 'all.zip' || entry.name.endsWith('.json')))
    .map((entry) => entry.name)
    .sort();
}

function fingerprintOf(folder: string, files: string[]): string {
  return sha256(Buffer.from(files.map((file) => {
    const info = statSync(path.join(folder, file));
    return `${file}:${info.size}:${info.mtimeMs}`;
  }).join('\n') + `\nformat ${INDEX_FORMAT}`));
}

/** Whether the data directory holds advisories for the ecosystem. */
export function hasAdvisories(dataDir: string, ecosystem: Ecosystem): boolean {
  return sourceFiles(ecosystemFolder(dataDir, ecosystem)).length > 0;
}

/**
 * Opens an ecosystem's advisories, building the index when it is missing or stale. Where the data directory
 * cannot be written, the index is built in memory for this run.
 */
export async function openAdvisories(dataDir: string, ecosystem: Ecosystem): Promise<AdvisorySource | undefined> {
  const folder = ecosystemFolder(dataDir, ecosystem);
  const files = sourceFiles(folder);
  if (!files.length) return undefined;
  const fingerprint = fingerprintOf(folder, files);
  const indexFolder = path.join(folder, '.index');
  const indexPath = path.join(indexFolder, 'index.json');
  const recordsPath = path.join(indexFolder, 'records.ndjson');
  const relativeFiles = files.map((file) => `${ADVISORY_FOLDER}/${ecosystem}/${file}`);
  const existing = readIndex(indexPath);
  if (existing?.fingerprint === fingerprint && existsSync(recordsPath) && statSync(recordsPath).size === existing.recordsBytes) return fromIndex(ecosystem, relativeFiles, existing, recordsPath);

  const { byPackage, records, problems } = readSources(folder, files, ecosystem);
  const lines: string[] = [];
  const names: IndexFile['names'] = {};
  let offset = 0;
  for (const [name, advisories] of byPackage) {
    const line = `${JSON.stringify(advisories)}\n`;
    const length = Buffer.byteLength(line);
    names[name] = [offset, length];
    offset += length;
    lines.push(line);
  }
  const index: IndexFile = { format: INDEX_FORMAT, fingerprint, recordsBytes: offset, records, builtAt: new Date().toISOString(), names, problems: problems.slice(0, 1000) };
  try {
    mkdirSync(indexFolder, { recursive: true });
    await writeAtomic(recordsPath, lines.join(''));
    await writeAtomic(indexPath, JSON.stringify(index));
    return fromIndex(ecosystem, relativeFiles, index, recordsPath);
  } catch {
    // A read-only data directory: keep this run's index in memory.
    return {
      ecosystem, files: relativeFiles, records, builtAt: index.builtAt, problems: index.problems,
      lookup: (name) => byPackage.get(packageKey(ecosystem, name)) ?? [],
      close: () => undefined,
    };
  }
}

async function writeAtomic(file: string, data: string): Promise<void> {
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

function readIndex(indexPath: string): IndexFile | undefined {
  try {
    const index = JSON.parse(readFileSync(indexPath, 'utf8')) as IndexFile;
    return index.format === INDEX_FORMAT && index.names && typeof index.names === 'object' ? index : undefined;
  } catch {
    return undefined;
  }
}

function fromIndex(ecosystem: Ecosystem, files: string[], index: IndexFile, recordsPath: string): AdvisorySource {
  let descriptor: number | undefined;
  return {
    ecosystem, files, records: index.records, builtAt: index.builtAt, problems: index.problems,
    lookup(name) {
      const at = Object.hasOwn(index.names, packageKey(ecosystem, name)) ? index.names[packageKey(ecosystem, name)] : undefined;
      if (!at) return [];
      descriptor ??= openSync(recordsPath, 'r');
      const buffer = Buffer.alloc(at[1]);
      readSync(descriptor, buffer, 0, at[1], at[0]);
      return JSON.parse(buffer.toString('utf8')) as PackageAdvisory[];
    },
    close() {
      if (descriptor !== undefined) closeSync(descriptor);
      descriptor = undefined;
    },
  };
}

function readSources(folder: string, files: string[], ecosystem: Ecosystem): { byPackage: Map<string, PackageAdvisory[]>; records: number; problems: AdvisoryProblem[] } {
  const byPackage = new Map<string, PackageAdvisory[]>();
  const problems: AdvisoryProblem[] = [];
  let records = 0;
  const addRecord = (text: string, source: string) => {
    let record: unknown;
    try {
      record = JSON.parse(text);
    } catch (error) {
      problems.push({ source, message: `not valid JSON: ${(error as Error).message}` });
      return;
    }
    records++;
    for (const [name, advisory] of readOsvRecord(record, source, ecosystem, problems)) {
      const list = byPackage.get(name);
      if (list) list.push(advisory);
      else byPackage.set(name, [advisory]);
    }
  };
  for (const file of files) {
    const relative = `${ADVISORY_FOLDER}/${ecosystem}/${file}`;
    const full = path.join(folder, file);
    if (file === 'all.zip') {
      const failure = readZipRecords(full, relative, addRecord, problems);
      if (failure) problems.push({ source: relative, message: `not a readable zip archive: ${failure}` });
    } else {
      if (statSync(full).size > MAX_RECORD_BYTES) {
        problems.push({ source: relative, message: `larger than ${MAX_RECORD_BYTES} bytes: not an OSV record` });
        continue;
      }
      addRecord(readFileSync(full, 'utf8'), relative);
    }
  }
  return { byPackage, records, problems };
}

/** Reads the export entry by entry (see sources/zip-stream.ts); a broken archive is one located problem. */
function readZipRecords(file: string, relative: string, addRecord: (text: string, source: string) => void, problems: AdvisoryProblem[]): string | undefined {
  const decoder = new TextDecoder();
  try {
    forEachZipEntry(file, MAX_RECORD_BYTES, (entry) => {
      if (!entry.name.endsWith('.json')) return;
      const bytes = entry.read();
      if ('error' in bytes) problems.push({ source: `${relative}!${entry.name}`, message: `not read: ${bytes.error}` });
      else addRecord(decoder.decode(bytes), `${relative}!${entry.name}`);
    });
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
