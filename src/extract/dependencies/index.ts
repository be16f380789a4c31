import path from 'node:path/posix';
import type { ScanProblem } from '../../engine/types.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { goModReader } from './go.ts';
import { pomReader } from './maven.ts';
import { NPM_LOCKFILE, packageJsonReader, packageLockReader, pnpmLockReader, yarnLockReader } from './npm.ts';
import { packagesConfigReader, packagesLockReader, projectFileReader } from './nuget.ts';
import { pipfileLockReader, poetryLockReader, requirementsReader, uvLockReader } from './python.ts';
import type { Dependency, DependencyReader, ReaderContext } from './types.ts';

export type { Dependency, Ecosystem } from './types.ts';

const READERS: DependencyReader[] = [
  packageLockReader, yarnLockReader, pnpmLockReader, packageJsonReader,
  packagesLockReader, projectFileReader, packagesConfigReader,
  requirementsReader, poetryLockReader, pipfileLockReader, uvLockReader,
  pomReader, goModReader,
];

const PROBLEMS_PER_FILE = 10;

/** Every package the tree's lockfiles and manifests declare, with file:line; unreadable files become problems. */
export function extractDependencies(files: readonly SourceFile[], problems: ScanProblem[]): Dependency[] {
  const byPath = new Map(files.map((file) => [file.path, file]));
  const lockedFolders = new Set(files.filter((file) => NPM_LOCKFILE.test(file.path)).map((file) => path.dirname(file.path)));
  const dependencies: Dependency[] = [];
  for (const file of files) {
    if (file.path.includes('!')) continue;
    const reader = READERS.find((candidate) => candidate.matches(file.path));
    if (!reader) continue;
    if (reader === packageJsonReader && coveredByLockfile(file.path, lockedFolders)) continue;
    // A file broken on every line is a handful of located entries and a count, not thousands of entries.
    let reported = 0;
    const context: ReaderContext = {
      problem: (message, line) => {
        if (++reported <= PROBLEMS_PER_FILE) problems.push({ kind: 'parse-error', file: file.path, line, message: `dependencies: ${message}` });
      },
      sibling: (sibling) => byPath.get(sibling),
    };
    try {
      dependencies.push(...reader.read(file, context));
    } catch (error) {
      context.problem(`could not be read: ${(error as Error).message}`);
    }
    if (reported > PROBLEMS_PER_FILE) problems.push({ kind: 'parse-error', file: file.path, message: `dependencies: ${reported - PROBLEMS_PER_FILE} more problem(s) in this file not listed` });
  }
  return dependencies;
}

/** A package.json in a folder whose own or an enclosing folder's lockfile pins its packages (workspaces). */
function coveredByLockfile(filePath: string, lockedFolders: Set<string>): boolean {
  for (let folder = path.dirname(filePath); ; folder = path.dirname(folder)) {
    if (lockedFolders.has(folder)) return true;
    if (folder === '.' || folder === '/' || folder === '') return false;
  }
}

/** One entry per package version (the SBOM's and the advisory matcher's unit), with every place it appears. */
export interface PackageVersion {
  ecosystem: Dependency['ecosystem'];
  name: string;
  version: string;
  purl: string;
  direct: boolean;
  /** Only ever installed for development. */
  development: boolean;
  /** Only ever an optional install (platform-specific packages that may never be installed). */
  optional: boolean;
  occurrences: Dependency[];
}

export function uniquePackages(dependencies: readonly Dependency[]): PackageVersion[] {
  const byKey = new Map<string, PackageVersion>();
  for (const dependency of dependencies) {
    if (!dependency.version || !dependency.purl) continue;
    const key = `${dependency.ecosystem}|${dependency.ecosystem === 'NuGet' ? dependency.name.toLowerCase() : dependency.name}|${dependency.version}`;
    const entry = byKey.get(key);
    if (entry) {
      entry.occurrences.push(dependency);
      entry.direct ||= dependency.direct === true;
      entry.development &&= dependency.development === true;
      entry.optional &&= dependency.optional === true;
    } else {
      byKey.set(key, { ecosystem: dependency.ecosystem, name: dependency.name, version: dependency.version, purl: dependency.purl, direct: dependency.direct === true, development: dependency.development === true, optional: dependency.optional === true, occurrences: [dependency] });
    }
  }
  return [...byKey.values()];
}
