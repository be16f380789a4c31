/** Package ecosystems, spelled as OSV spells them so advisories match without translation. */
export type Ecosystem = 'npm' | 'NuGet' | 'PyPI' | 'Maven' | 'Go';

export const ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'NuGet', 'PyPI', 'Maven', 'Go'];

/** One package the app depends on, as one lockfile or manifest declares it. */
export interface Dependency {
  ecosystem: Ecosystem;
  name: string;
  /** The exact version installed; absent when the file gives only a range (a manifest without a lockfile). */
  version?: string;
  /** The range or requirement the manifest declares, when that is all there is or it says more. */
  requested?: string;
  /** Whether the app asks for it itself; undefined when the format does not say. */
  direct?: boolean;
  /** Development-only (devDependencies, dev groups, test scope): still shipped in the inventory, marked. */
  development?: boolean;
  /** Optional: installed only where it can be (platform-specific binaries, optionalDependencies). */
  optional?: boolean;
  file: string;
  line: number;
  /** Package URL (purl) of the exact version, for the SBOM and advisory look-ups. */
  purl?: string;
}

/** A lockfile or manifest that could be read only in part, or not at all. */
export interface DependencyProblem {
  file: string;
  line?: number;
  message: string;
}

export interface DependencyReader {
  /** Which files the reader reads, by path. */
  matches(path: string): boolean;
  read(file: import('../../sources/source-file.ts').SourceFile, context: ReaderContext): Dependency[];
}

export interface ReaderContext {
  problem(message: string, line?: number): void;
  /** Another file of the tree, by path, when it was read (e.g. the package.json beside a lockfile). */
  sibling(path: string): import('../../sources/source-file.ts').SourceFile | undefined;
}

/** Package URL of an exact version (https://github.com/package-url/purl-spec). */
export function purlOf(ecosystem: Ecosystem, name: string, version: string): string {
  const encodedVersion = encodeURIComponent(version);
  switch (ecosystem) {
    case 'npm': {
      const scoped = /^@([^/]+)\/(.+)$/.exec(name);
      return scoped ? `pkg:npm/%40${encodeURIComponent(scoped[1]!)}/${encodeURIComponent(scoped[2]!)}@${encodedVersion}` : `pkg:npm/${encodeURIComponent(name)}@${encodedVersion}`;
    }
    case 'NuGet':
      return `pkg:nuget/${encodeURIComponent(name)}@${encodedVersion}`;
    case 'PyPI':
      return `pkg:pypi/${encodeURIComponent(name)}@${encodedVersion}`;
    case 'Maven': {
      const [group, artifact] = name.split(':');
      return `pkg:maven/${encodeURIComponent(group ?? '')}/${encodeURIComponent(artifact ?? '')}@${encodedVersion}`;
    }
    case 'Go':
      return `pkg:golang/${name.split('/').map(encodeURIComponent).join('/')}@${encodedVersion}`;
  }
}

/** PEP 503 name normalisation: the form PyPI and OSV use to compare Python package names. */
export function normalizePythonName(name: string): string {
  return name.trim().toLowerCase().replace(/[-_.]+/g, '-');
}

/** 1-based line of a character offset, counting newlines once per call site (readers keep a cursor for speed). */
export class LineCounter {
  #text: string;
  #offset = 0;
  #line = 1;
  constructor(text: string) {
    this.#text = text;
  }
  /** Offsets must not go backwards between calls; a smaller offset restarts from the top. */
  lineAt(offset: number): number {
    if (offset < this.#offset) {
      this.#offset = 0;
      this.#line = 1;
    }
    for (let i = this.#text.indexOf('\n', this.#offset); i !== -1 && i < offset; i = this.#text.indexOf('\n', i + 1)) this.#line++;
    this.#offset = offset;
    return this.#line;
  }
}

/** The JSON object of a lockfile or manifest, or undefined after recording why it is not one. */
export function readJsonObject(file: import('../../sources/source-file.ts').SourceFile, context: ReaderContext, what: string): Record<string, any> | undefined {
  let value: unknown;
  try {
    value = JSON.parse(file.text.replace(/^\uFEFF/, ''));
  } catch (error) {
    context.problem(`not valid JSON: ${(error as Error).message}`);
    return undefined;
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) {
    context.problem(`not ${what} (expected a JSON object)`);
    return undefined;
  }
  return value as Record<string, any>;
}
