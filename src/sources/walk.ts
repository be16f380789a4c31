import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import picomatch from 'picomatch';

export interface WalkOptions {
  root: string;
  /** Globs (relative to the root) a file must match to be scanned; empty means every file. */
  include: readonly string[];
  /** Globs of files and folders never scanned. */
  exclude: readonly string[];
  /** Larger files are skipped, and reported as skipped. */
  maxFileBytes: number;
  /** Reading stops once this many bytes were read; the rest is reported as skipped. Default 2 GiB. */
  maxTotalBytes?: number;
  respectGitignore: boolean;
}

/** Lockfiles may be far larger than source files: they are read up to this size whatever the per-file limit. */
export const LOCKFILE_MAX_BYTES = 128 * 1024 * 1024;
export const LOCKFILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml|packages(\.[\w-]+)?\.lock\.json|poetry\.lock|Pipfile\.lock|uv\.lock|go\.sum)$/i;

/** The size limit of one file: the configured one, or the lockfile limit when that is larger. */
export function sizeLimitOf(relativePath: string, maxFileBytes: number): number {
  return LOCKFILE.test(relativePath) ? Math.max(maxFileBytes, LOCKFILE_MAX_BYTES) : maxFileBytes;
}

export interface WalkedFile {
  /** POSIX path relative to the root. */
  path: string;
  absPath: string;
  size: number;
}

export interface SkippedPath {
  path: string;
  reason: string;
}

export interface WalkResult {
  files: WalkedFile[];
  skipped: SkippedPath[];
}

interface IgnoreScope {
  /** Folder (relative, POSIX, '' for the root) whose .gitignore this is. */
  dir: string;
  rules: Ignore;
}

/**
 * Lists the files of a tree. Honours nested .gitignore files and the include/exclude globs, never leaves
 * the root through a link, detects link loops, and reports every file it passes over for a reason other
 * than the user's own exclusion.
 */
export async function walk(options: WalkOptions): Promise<WalkResult> {
  const root = await realpath(options.root);
  const isExcluded = options.exclude.length ? picomatch([...options.exclude], { dot: true }) : () => false;
  const isIncluded = options.include.length ? picomatch([...options.include], { dot: true }) : () => true;
  const files: WalkedFile[] = [];
  const skipped: SkippedPath[] = [];
  const visitedDirs = new Set<string>([root]);

  const isIgnored = (rel: string, scopes: readonly IgnoreScope[], isDir: boolean): boolean => {
    for (const scope of scopes) {
      const inner = scope.dir ? rel.slice(scope.dir.length + 1) : rel;
      if (inner && scope.rules.ignores(isDir ? `${inner}/` : inner)) return true;
    }
    return false;
  };

  const visit = async (absDir: string, relDir: string, parentScopes: readonly IgnoreScope[]): Promise<void> => {
    let entries;
    try {
      entries = await readdir(absDir, { withFileTypes: true });
    } catch (error) {
      skipped.push({ path: relDir || '.', reason: `folder could not be read: ${errorCode(error)}` });
      return;
    }
    let scopes = parentScopes;
    if (options.respectGitignore && entries.some((entry) => entry.name === '.gitignore' && entry.isFile())) {
      try {
        const rules = ignore().add(await readFile(path.join(absDir, '.gitignore'), 'utf8'));
        scopes = [...parentScopes, { dir: relDir, rules }];
      } catch (error) {
        skipped.push({ path: joinRel(relDir, '.gitignore'), reason: `could not be read: ${errorCode(error)}` });
      }
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const candidates: { rel: string; target: string }[] = [];
    const subfolders: { rel: string; target: string }[] = [];
    for (const entry of entries) {
      const rel = joinRel(relDir, entry.name);
      const abs = path.join(absDir, entry.name);
      if (entry.name === '.git') continue;
      let isDir = entry.isDirectory();
      let target = abs;
      if (entry.isSymbolicLink()) {
        const resolved = await resolveLink(abs, root);
        if ('problem' in resolved) {
          if (!isExcluded(rel)) skipped.push({ path: rel, reason: resolved.problem });
          continue;
        }
        target = resolved.real;
        isDir = resolved.isDir;
      } else if (!isDir && !entry.isFile()) {
        if (!isExcluded(rel)) skipped.push({ path: rel, reason: 'not a regular file (device, socket or pipe)' });
        continue;
      }
      if (isExcluded(isDir ? `${rel}/` : rel) || isIgnored(rel, scopes, isDir)) continue;
      if (isDir) subfolders.push({ rel, target });
      else if (isIncluded(rel)) candidates.push({ rel, target });
    }
    // Sizes of one folder's files are asked for together: the walk is bound by latency, not by work.
    const sizes = await Promise.all(candidates.map(({ target }) => stat(target).then((info) => info.size, (error: unknown) => error)));
    candidates.forEach(({ rel, target }, index) => {
      const size = sizes[index];
      if (typeof size !== 'number') skipped.push({ path: rel, reason: `could not be read: ${errorCode(size)}` });
      else if (size > sizeLimitOf(rel, options.maxFileBytes)) skipped.push({ path: rel, reason: `larger than the ${formatBytes(sizeLimitOf(rel, options.maxFileBytes))} limit (${formatBytes(size)})` });
      else files.push({ path: rel, absPath: target, size });
    });
    for (const { rel, target } of subfolders) {
      // Every folder is entered through its real path, so a real path seen twice is a link loop.
      if (visitedDirs.has(target)) {
        skipped.push({ path: rel, reason: 'link loop: this folder was already scanned through another path' });
        continue;
      }
      visitedDirs.add(target);
      await visit(target, rel, scopes);
    }
  };

  await visit(root, '', []);
  const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  return { files: files.sort(byPath), skipped: skipped.sort(byPath) };
}

async function resolveLink(abs: string, root: string): Promise<{ real: string; isDir: boolean } | { problem: string }> {
  let real: string;
  try {
    real = await realpath(abs);
  } catch (error) {
    const code = errorCode(error);
    if (code === 'ELOOP') return { problem: 'link loop: the link resolves to itself' };
    return { problem: `broken link (${code})` };
  }
  const relative = path.relative(root, real);
  if (relative.startsWith('..') || path.isAbsolute(relative)) {
    return { problem: 'link points outside the scan root; links are never followed out of the root' };
  }
  const info = await lstat(real);
  if (!info.isDirectory() && !info.isFile()) return { problem: 'link to something that is not a regular file' };
  return { real, isDir: info.isDirectory() };
}

function joinRel(dir: string, name: string): string {
  return dir ? `${dir}/${name}` : name;
}

export function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  return code ?? (error as Error)?.message ?? String(error);
}

export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes % (1024 * 1024) ? 1 : 0)} MiB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(bytes % 1024 ? 1 : 0)} KiB`;
  return `${bytes} B`;
}
