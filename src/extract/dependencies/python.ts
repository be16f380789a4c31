import path from 'node:path/posix';
import { parse as parseToml } from 'smol-toml';
import type { SourceFile } from '../../sources/source-file.ts';
import { normalizePythonName, purlOf, readJsonObject, type Dependency, type DependencyReader, type ReaderContext } from './types.ts';

/** Python: requirements*.txt, poetry.lock, Pipfile.lock, uv.lock. */

const REQUIREMENTS = /(^|\/)(requirements[\w.-]*\.(txt|in)|constraints[\w.-]*\.txt)$/i;

function pythonDependency(name: string, version: string | undefined, file: string, line: number, extra: Partial<Dependency> = {}): Dependency {
  const normalized = normalizePythonName(name);
  return { ecosystem: 'PyPI', name: normalized, version, file, line, purl: version ? purlOf('PyPI', normalized, version) : undefined, ...extra };
}

/** "name[extra] == 1.2 ; marker" → parts; undefined for options, paths and URLs. */
export function parseRequirement(line: string): { name: string; specifier: string; exact?: string } | undefined {
  const text = line.replace(/\s+#.*$/, '').split(';')[0]!.trim();
  if (!text || text.startsWith('-') || /^(\.|\/|[a-z+]+:\/\/)/i.test(text) || text.includes(' @ ')) return undefined;
  const match = /^([A-Za-z0-9][A-Za-z0-9._-]*)\s*(\[[^\]]*\])?\s*(.*)$/.exec(text);
  if (!match) return undefined;
  const specifier = match[3]!.replace(/\s+/g, '');
  const exact = /^===?([^,*]+)$/.exec(specifier)?.[1];
  return { name: match[1]!, specifier, exact };
}

export const requirementsReader: DependencyReader = {
  matches: (filePath) => REQUIREMENTS.test(filePath),
  read(file) {
    const development = /(dev|test|lint|doc)/i.test(path.basename(file.path));
    const compiled = /^\s+#\s+via\b/m.test(file.text);
    const found: Dependency[] = [];
    const lines = file.text.split('\n');
    for (let index = 0; index < lines.length; index++) {
      const start = index;
      let line = lines[index]!.replace(/\r$/, '');
      while (line.endsWith('\\') && index + 1 < lines.length) line = line.slice(0, -1) + ' ' + lines[++index]!.replace(/\r$/, '');
      if (line.trimStart().startsWith('#')) continue;
      const requirement = parseRequirement(line.replace(/\s--hash=\S+/g, ''));
      if (!requirement) continue;
      found.push(pythonDependency(requirement.name, requirement.exact, file.path, start + 1, {
        // pip-compile output lists transitive pins too; its "# via" block says who asked, and "-r <input>" is the app itself.
        direct: compiled ? viaInput(lines, index + 1) : true,
        requested: requirement.exact ? undefined : requirement.specifier || '*',
        development: development || undefined,
      }));
    }
    return found;
  },
};

/** In pip-compile output, whether the "# via" lines after a pin name a requirements input (`-r requirements.in`). */
function viaInput(lines: string[], from: number): boolean {
  for (let index = from; index < lines.length; index++) {
    const line = lines[index]!.trim();
    if (!line.startsWith('#')) return false;
    if (/^#\s+(via\s+)?-r\s/.test(line)) return true;
  }
  return false;
}

interface LockPackage {
  name?: unknown;
  version?: unknown;
  category?: unknown;
  groups?: unknown;
  source?: { editable?: unknown; virtual?: unknown; path?: unknown; directory?: unknown; git?: unknown } | unknown;
  dependencies?: unknown;
  'dev-dependencies'?: unknown;
}

function readToml(file: SourceFile, context: ReaderContext): Record<string, unknown> | undefined {
  try {
    return parseToml(file.text) as Record<string, unknown>;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'invalid TOML';
    const line = /line (\d+)/.exec((error as Error).message)?.[1];
    context.problem(`not valid TOML: ${message}`, line ? Number(line) : undefined);
    return undefined;
  }
}

/** Lines of each [[package]] table's name, in order, so entries map to lines without a position-aware parser. */
function packageLines(text: string): number[] {
  const lines: number[] = [];
  const all = text.split('\n');
  all.forEach((line, index) => {
    if (line.trim() === '[[package]]') lines.push(index + 2);
  });
  return lines;
}

/** Names the project itself asks for, from pyproject.toml beside the lockfile (PEP 621 and Poetry). */
function projectRequirements(file: SourceFile, context: ReaderContext): { production: Set<string>; development: Set<string> } | undefined {
  const pyproject = context.sibling(path.join(path.dirname(file.path), 'pyproject.toml'));
  if (!pyproject) return undefined;
  let document: Record<string, any>;
  try {
    document = parseToml(pyproject.text) as Record<string, any>;
  } catch {
    return undefined;
  }
  const production = new Set<string>();
  const development = new Set<string>();
  const add = (into: Set<string>, list: unknown) => {
    if (Array.isArray(list)) for (const item of list) {
      const requirement = typeof item === 'string' ? parseRequirement(item) : undefined;
      if (requirement) into.add(normalizePythonName(requirement.name));
    } else if (list && typeof list === 'object') for (const name of Object.keys(list)) if (name !== 'python') into.add(normalizePythonName(name));
  };
  add(production, document.project?.dependencies);
  for (const list of Object.values(document.project?.['optional-dependencies'] ?? {})) add(production, list);
  for (const list of Object.values(document['dependency-groups'] ?? {})) add(development, list);
  add(production, document.tool?.poetry?.dependencies);
  add(development, document.tool?.poetry?.['dev-dependencies']);
  for (const group of Object.values(document.tool?.poetry?.group ?? {}) as { dependencies?: unknown }[]) add(development, group?.dependencies);
  return { production, development };
}

function lockReader(pattern: RegExp, format: string, isLocal: (entry: LockPackage) => boolean): DependencyReader {
  return {
    matches: (filePath) => pattern.test(filePath),
    read(file, context) {
      const document = readToml(file, context);
      if (!document) return [];
      const packages = document.package;
      if (!Array.isArray(packages)) {
        context.problem(`no [[package]] tables: not a ${format}`);
        return [];
      }
      const declared = projectRequirements(file, context);
      const lines = packageLines(file.text);
      const found: Dependency[] = [];
      (packages as LockPackage[]).forEach((entry, index) => {
        if (typeof entry?.name !== 'string' || typeof entry.version !== 'string') {
          context.problem('a [[package]] without name or version', lines[index]);
          return;
        }
        if (isLocal(entry)) return;
        const name = normalizePythonName(entry.name);
        const groups = Array.isArray(entry.groups) ? entry.groups.map(String) : [];
        const developmentByLock = entry.category === 'dev' || (groups.length > 0 && !groups.includes('main')) ? true : entry.category === 'main' || groups.includes('main') ? false : undefined;
        found.push(pythonDependency(name, entry.version, file.path, lines[index] ?? 1, {
          direct: declared ? declared.production.has(name) || declared.development.has(name) : undefined,
          development: developmentByLock ?? (declared?.development.has(name) && !declared.production.has(name) ? true : undefined),
        }));
      });
      return found;
    },
  };
}

export const poetryLockReader = lockReader(/(^|\/)poetry\.lock$/, 'poetry.lock', (entry) => {
  const source = entry.source as { type?: unknown } | undefined;
  return source?.type === 'directory' || source?.type === 'file';
});

/** uv lists the project itself as a package with an editable or virtual source. */
export const uvLockReader = lockReader(/(^|\/)uv\.lock$/, 'uv.lock', (entry) => {
  const source = entry.source as Record<string, unknown> | undefined;
  return Boolean(source && ('editable' in source || 'virtual' in source || 'path' in source || 'directory' in source));
});

export const pipfileLockReader: DependencyReader = {
  matches: (filePath) => /(^|\/)Pipfile\.lock$/.test(filePath),
  read(file, context) {
    const lock = readJsonObject(file, context, 'a Pipfile.lock') as Record<string, Record<string, { version?: unknown }>> | undefined;
    if (!lock) return [];
    const found: Dependency[] = [];
    const lines = file.text.split('\n');
    for (const [section, development] of [['default', false], ['develop', true]] as const) {
      const sectionLine = lines.findIndex((line) => line.includes(`"${section}"`));
      for (const [name, entry] of Object.entries(lock?.[section] ?? {})) {
        const exact = typeof entry?.version === 'string' ? /^===?(.+)$/.exec(entry.version)?.[1] : undefined;
        if (!exact) continue;
        const index = lines.findIndex((line, at) => at > sectionLine && line.includes(`"${name}"`));
        found.push(pythonDependency(name, exact, file.path, index === -1 ? 1 : index + 1, { development }));
      }
    }
    return found;
  },
};
