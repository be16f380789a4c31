import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DATASETS, type Dataset } from './datasets.ts';

export const RECORD_FILE = 'm365cert-data.json';

/** Where the data directory was found: shown in reports so a reader knows which knowledge was used. */
export type DataDirSource = '--data-dir' | 'M365CERT_DATA_DIR' | 'user cache';

export interface DataDir {
  dir: string;
  source: DataDirSource;
}

/** How one file got into the data directory. */
export interface FileRecord {
  sha256: string;
  bytes: number;
  /** The URL it was downloaded from, or "import:<folder>". */
  source: string;
  retrievedAt: string;
}

export interface DataRecords {
  files: Record<string, FileRecord>;
}

/** --data-dir, then M365CERT_DATA_DIR, then the user's cache folder. */
export function resolveDataDir(flag?: string, env: NodeJS.ProcessEnv = process.env): DataDir {
  if (flag) return { dir: path.resolve(flag), source: '--data-dir' };
  if (env.M365CERT_DATA_DIR) return { dir: path.resolve(env.M365CERT_DATA_DIR), source: 'M365CERT_DATA_DIR' };
  return { dir: path.join(userCacheDir(env), 'm365cert', 'data'), source: 'user cache' };
}

function userCacheDir(env: NodeJS.ProcessEnv): string {
  if (process.platform === 'win32') return env.LOCALAPPDATA ?? path.join(os.homedir(), 'AppData', 'Local');
  if (process.platform === 'darwin') return path.join(os.homedir(), 'Library', 'Caches');
  return env.XDG_CACHE_HOME ?? path.join(os.homedir(), '.cache');
}

export function readRecords(dir: string): DataRecords {
  const file = path.join(dir, RECORD_FILE);
  if (!existsSync(file)) return { files: {} };
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as DataRecords;
    return parsed && typeof parsed.files === 'object' ? parsed : { files: {} };
  } catch {
    return { files: {} };
  }
}

export async function writeRecords(dir: string, records: DataRecords): Promise<void> {
  await writeFileAtomic(path.join(dir, RECORD_FILE), `${JSON.stringify(records, null, 2)}\n`);
}

/** Write to a temporary name and rename, so a reader never sees half a file. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, file);
}

export interface DatasetStatus {
  dataset: Dataset;
  present: number;
  total: number;
  /** Sources recorded for the files present (download URLs or imports); "unrecorded" when none. */
  sources: string[];
  /** Oldest retrieval time among the present files (recorded, or the file's modification time). */
  oldest?: Date;
  files: { path: string; present: boolean; record?: FileRecord }[];
}

export function datasetStatus(dir: string, records = readRecords(dir)): DatasetStatus[] {
  return DATASETS.map((dataset) => {
    const files = dataset.files.map((file) => {
      const full = path.join(dir, file.path);
      return { path: file.path, present: existsSync(full), record: records.files[file.path], full };
    });
    const present = files.filter((file) => file.present);
    const sources = [...new Set(present.map((file) => (file.record ? describeSource(file.record.source) : 'unrecorded (placed by hand)')))];
    let oldest: Date | undefined;
    for (const file of present) {
      const when = file.record ? new Date(file.record.retrievedAt) : statSync(file.full).mtime;
      if (!oldest || when < oldest) oldest = when;
    }
    return {
      dataset,
      present: present.length,
      total: files.length,
      sources,
      oldest,
      files: files.map(({ path: filePath, present: isPresent, record }) => ({ path: filePath, present: isPresent, record })),
    };
  });
}

function describeSource(source: string): string {
  if (source.startsWith('import:')) return `imported from ${source.slice('import:'.length)}`;
  try {
    return `downloaded from ${new URL(source).host}`;
  } catch {
    return source;
  }
}
