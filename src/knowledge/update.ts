import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '../util/hash.ts';
import { ADVISORY_ECOSYSTEMS, DATASETS, type DatasetFile } from './datasets.ts';
import { readRecords, writeFileAtomic, writeRecords, type FileRecord } from './data-dir.ts';

export interface UpdateOptions {
  /** Base URL replacing every upstream location (`<mirror>/<path in the data dir>`), e.g. an internal mirror. */
  mirror?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Restrict to these dataset ids. */
  only?: string[];
  now?: () => Date;
  concurrency?: number;
}

export interface FileOutcome {
  path: string;
  ok: boolean;
  message: string;
  record?: FileRecord;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_BYTES = 64 * 1024 * 1024;

/**
 * Downloads every dataset file that has a public upstream, checks that it is what it should be (JSON that
 * parses, non-empty text), writes it atomically and records its sha-256, source and date. A failed file
 * leaves the previous copy in place.
 */
export async function updateData(dir: string, options: UpdateOptions = {}): Promise<FileOutcome[]> {
  const records = readRecords(dir);
  const now = options.now ?? (() => new Date());
  const targets = DATASETS.filter((dataset) => (options.only ? options.only.includes(dataset.id) : !dataset.optional))
    .flatMap((dataset) => dataset.files)
    .filter((file): file is Required<DatasetFile> => Boolean(file.url));
  const outcomes: FileOutcome[] = [];
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const file = targets[next++]!;
      const url = options.mirror ? `${options.mirror.replace(/\/+$/, '')}/${file.path}` : file.url;
      try {
        const bytes = await download(url, options.timeoutMs ?? DEFAULT_TIMEOUT_MS, options.maxBytes ?? file.maxBytes ?? DEFAULT_MAX_BYTES);
        assertUsable(file.path, bytes);
        await writeFileAtomic(path.join(dir, file.path), bytes);
        const record: FileRecord = { sha256: sha256(bytes), bytes: bytes.length, source: url, retrievedAt: now().toISOString() };
        records.files[file.path] = record;
        outcomes.push({ path: file.path, ok: true, message: `${bytes.length} bytes, sha-256 ${record.sha256.slice(0, 12)}…`, record });
      } catch (error) {
        outcomes.push({ path: file.path, ok: false, message: `${url}: ${(error as Error).message}` });
      }
    }
  };
  await Promise.all(Array.from({ length: options.concurrency ?? 4 }, worker));
  await writeRecords(dir, records);
  return outcomes.sort((a, b) => a.path.localeCompare(b.path));
}

async function download(url: string, timeoutMs: number, maxBytes: number): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs), redirect: 'follow' });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  const declared = Number(response.headers.get('content-length') ?? 0);
  if (declared > maxBytes) throw new Error(`response of ${declared} bytes is over the ${maxBytes}-byte limit`);
  if (!response.body) throw new Error('empty response');
  const chunks: Uint8Array[] = [];
  let total = 0;
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    total += chunk.length;
    if (total > maxBytes) throw new Error(`response is over the ${maxBytes}-byte limit`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** A truncated or wrong download must never replace a good file. */
function assertUsable(filePath: string, bytes: Uint8Array): void {
  if (bytes.length === 0) throw new Error('empty file');
  if (filePath.endsWith('.zip') && !(bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04)) throw new Error('not a zip archive; the previous copy, if any, is kept');
  if (filePath.endsWith('.json')) {
    try {
      JSON.parse(Buffer.from(bytes).toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new Error(`not valid JSON (${(error as Error).message}); the previous copy, if any, is kept`);
    }
  }
}

/**
 * Copies an offline mirror (a folder laid out like the data directory, such as a copy made by `data update`
 * on a connected machine) into the data directory, recording each file's sha-256 and origin.
 */
export async function importData(from: string, dir: string, now: () => Date = () => new Date()): Promise<FileOutcome[]> {
  const source = path.resolve(from);
  if (path.resolve(dir) === source) throw new Error('the mirror is the data directory itself');
  const sourceRecords = readRecords(source);
  const records = readRecords(dir);
  const outcomes: FileOutcome[] = [];
  for (const file of DATASETS.flatMap((dataset) => dataset.files)) {
    const from = path.join(source, file.path);
    const exists = await stat(from).then((info) => info.isFile(), () => false);
    if (!exists) continue;
    try {
      const bytes = await readFile(from);
      assertUsable(file.path, bytes);
      await writeFileAtomic(path.join(dir, file.path), bytes);
      const origin = sourceRecords.files[file.path];
      const record: FileRecord = {
        sha256: sha256(bytes),
        bytes: bytes.length,
        source: `import:${source}`,
        retrievedAt: origin?.retrievedAt ?? now().toISOString(),
      };
      records.files[file.path] = record;
      outcomes.push({ path: file.path, ok: true, message: `${bytes.length} bytes`, record });
    } catch (error) {
      outcomes.push({ path: file.path, ok: false, message: (error as Error).message });
    }
  }
  outcomes.push(...(await importLooseAdvisories(source, dir, records, sourceRecords, now)));
  if (outcomes.length === 0) throw new Error(`${from}: no m365cert data files found (expected a folder laid out like the data directory, e.g. graph/permissions.json)`);
  await writeRecords(dir, records);
  return outcomes;
}

/** OSV records kept as loose JSON files in a mirror (`osv/<Ecosystem>/*.json`): advisories written or fetched one by one. */
async function importLooseAdvisories(source: string, dir: string, records: ReturnType<typeof readRecords>, sourceRecords: ReturnType<typeof readRecords>, now: () => Date): Promise<FileOutcome[]> {
  const outcomes: FileOutcome[] = [];
  for (const ecosystem of ADVISORY_ECOSYSTEMS) {
    const folder = path.join(source, 'osv', ecosystem);
    const names = await readdir(folder).catch(() => [] as string[]);
    for (const name of names.filter((entry) => entry.endsWith('.json'))) {
      const relative = `osv/${ecosystem}/${name}`;
      try {
        const bytes = await readFile(path.join(folder, name));
        assertUsable(relative, bytes);
        await writeFileAtomic(path.join(dir, relative), bytes);
        records.files[relative] = { sha256: sha256(bytes), bytes: bytes.length, source: `import:${source}`, retrievedAt: sourceRecords.files[relative]?.retrievedAt ?? now().toISOString() };
        outcomes.push({ path: relative, ok: true, message: `${bytes.length} bytes`, record: records.files[relative] });
      } catch (error) {
        outcomes.push({ path: relative, ok: false, message: (error as Error).message });
      }
    }
  }
  return outcomes;
}
