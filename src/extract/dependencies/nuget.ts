import path from 'node:path/posix';
import type { XmlElement } from '../../sources/formats/xml.ts';
import { parseXml } from '../../sources/formats/xml.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { LineCounter, purlOf, readJsonObject, type Dependency, type DependencyReader, type ReaderContext } from './types.ts';

/** NuGet: packages.lock.json (v1, v2), SDK-style project PackageReference (with central versions), packages.config. */

const PROJECT = /\.(csproj|fsproj|vbproj)$/i;
const CENTRAL_VERSIONS = 'Directory.Packages.props';

function nugetDependency(name: string, version: string | undefined, file: string, line: number, extra: Partial<Dependency> = {}): Dependency {
  return { ecosystem: 'NuGet', name, version, file, line, purl: version ? purlOf('NuGet', name, version) : undefined, ...extra };
}

export const packagesLockReader: DependencyReader = {
  matches: (filePath) => /(^|\/)packages(\.[\w-]+)?\.lock\.json$/i.test(filePath),
  read(file, context) {
    const lock = readJsonObject(file, context, 'a NuGet lock file') as { version?: unknown; dependencies?: Record<string, Record<string, { type?: string; resolved?: string; requested?: string }>> } | undefined;
    if (!lock) return [];
    if (lock?.version !== 1 && lock?.version !== 2) context.problem(`lock file version ${JSON.stringify(lock?.version ?? null)} is not one m365cert knows (1, 2); read as version 2`);
    const found = new Map<string, Dependency>();
    const lines = new LineCounter(file.text);
    let cursor = 0;
    for (const packages of Object.values(lock?.dependencies ?? {})) {
      for (const [name, entry] of Object.entries(packages ?? {})) {
        const at = file.text.indexOf(`${JSON.stringify(name)}:`, cursor);
        if (at !== -1) cursor = at;
        if (!entry || entry.type === 'Project' || typeof entry.resolved !== 'string') continue;
        const key = `${name.toLowerCase()}@${entry.resolved}`;
        if (found.has(key)) continue;
        found.set(key, nugetDependency(name, entry.resolved, file.path, at === -1 ? 1 : lines.lineAt(at), { direct: entry.type === 'Direct', requested: entry.requested }));
      }
    }
    return [...found.values()];
  },
};

function* elements(root: XmlElement, local: string): Generator<XmlElement> {
  const stack = [root];
  while (stack.length) {
    const element = stack.pop()!;
    if (element.local === local) yield element;
    for (let i = element.children.length - 1; i >= 0; i--) stack.push(element.children[i]!);
  }
}

function attributeOrChild(element: XmlElement, name: string): string | undefined {
  return element.attributes[name] ?? element.children.find((child) => child.local === name)?.text.trim();
}

/** "1.2.3" and "[1.2.3]" are exact; ranges and MSBuild properties are requests, not versions. */
function exactNugetVersion(requested: string | undefined): string | undefined {
  if (!requested) return undefined;
  const match = /^\s*\[?\s*(\d+(?:\.\d+){0,3}(?:-[\w.-]+)?)\s*\]?\s*$/.exec(requested);
  if (!match) return undefined;
  return requested.trim().startsWith('[') || !/[\s,()]/.test(requested) ? match[1] : undefined;
}

function readXml(file: SourceFile, context: ReaderContext): XmlElement | undefined {
  const parsed = parseXml(file);
  if (parsed.ok) return parsed.doc.root;
  context.problem(`could not parse XML: ${parsed.error.message}`, parsed.error.line);
  return undefined;
}

/** Central package versions from the nearest Directory.Packages.props above the project. */
function centralVersions(file: SourceFile, context: ReaderContext): Map<string, string> {
  const versions = new Map<string, string>();
  for (let folder = path.dirname(file.path); ; folder = path.dirname(folder)) {
    const props = context.sibling(folder === '.' ? CENTRAL_VERSIONS : `${folder}/${CENTRAL_VERSIONS}`);
    if (props) {
      const parsed = parseXml(props);
      if (parsed.ok) for (const element of elements(parsed.doc.root, 'PackageVersion')) {
        const name = element.attributes.Include;
        const version = attributeOrChild(element, 'Version');
        if (name && version) versions.set(name.toLowerCase(), version);
      }
      return versions;
    }
    if (folder === '.' || folder === '') return versions;
  }
}

export const projectFileReader: DependencyReader = {
  matches: (filePath) => PROJECT.test(filePath),
  read(file, context) {
    if (context.sibling(path.join(path.dirname(file.path), 'packages.lock.json'))) return [];
    const root = readXml(file, context);
    if (!root) return [];
    const central = centralVersions(file, context);
    const found: Dependency[] = [];
    for (const reference of elements(root, 'PackageReference')) {
      const name = reference.attributes.Include ?? reference.attributes.Update;
      if (!name) continue;
      const requested = attributeOrChild(reference, 'Version') ?? attributeOrChild(reference, 'VersionOverride') ?? central.get(name.toLowerCase());
      const version = exactNugetVersion(requested);
      const development = (attributeOrChild(reference, 'PrivateAssets') ?? '').toLowerCase() === 'all' ? true : undefined;
      found.push(nugetDependency(name, version, file.path, reference.position.line, { direct: true, requested: version === requested ? undefined : requested, development }));
    }
    return found;
  },
};

export const packagesConfigReader: DependencyReader = {
  matches: (filePath) => /(^|\/)packages\.config$/i.test(filePath),
  read(file, context) {
    const root = readXml(file, context);
    if (!root) return [];
    return [...elements(root, 'package')].flatMap((element) => {
      const { id, version } = element.attributes;
      if (!id || !version) {
        context.problem('a <package> element without id or version', element.position.line);
        return [];
      }
      return [nugetDependency(id, version, file.path, element.position.line, { direct: true, development: element.attributes.developmentDependency === 'true' || undefined })];
    });
  },
};
