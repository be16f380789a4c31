import { existsSync, mkdtempSync, mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

/** The shared knowledge data (Graph permissions, manifest schemas) that tests read, never copy. */
export const SHARED_DATA_DIR = path.resolve(process.env.M365CERT_TEST_DATA_DIR ?? path.join(REPO_ROOT, '..', 'shared', 'data'));

export function requireSharedData(): string {
  if (!existsSync(path.join(SHARED_DATA_DIR, 'schemas'))) {
    throw new Error(`the shared data directory ${SHARED_DATA_DIR} is missing; clone the project with ../shared beside it or set M365CERT_TEST_DATA_DIR`);
  }
  return SHARED_DATA_DIR;
}

/** A fresh temporary folder, removed after the test. */
export function tempDir(t: { after: (fn: () => void) => void }, prefix = 'm365cert-test-'): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Writes files (path → text or bytes) below `dir`. */
export function writeTree(dir: string, files: Record<string, string | Uint8Array>): void {
  for (const [relative, content] of Object.entries(files)) {
    const full = path.join(dir, relative);
    mkdirSync(path.dirname(full), { recursive: true });
    writeFileSync(full, content);
  }
}

/**
 * A data directory holding the shared data plus a test's own files (OSV records, a command map written for
 * it). Folders are made anew and only files are linked, so a test's files can never land in the shared data.
 */
export function dataDirWith(t: { after: (fn: () => void) => void }, files: Record<string, string | Uint8Array>): string {
  const dir = tempDir(t, 'm365cert-data-');
  const mirror = (from: string, to: string) => {
    for (const entry of readdirSync(from, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        mkdirSync(path.join(to, entry.name), { recursive: true });
        mirror(path.join(from, entry.name), path.join(to, entry.name));
      } else symlinkSync(path.join(from, entry.name), path.join(to, entry.name));
    }
  };
  mirror(requireSharedData(), dir);
  for (const relative of Object.keys(files)) rmSync(path.join(dir, relative), { force: true });
  writeTree(dir, files);
  return dir;
}
