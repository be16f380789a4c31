import path from 'node:path/posix';
import { parse as parseYamlText } from 'yaml';
import type { SourceFile } from '../../sources/source-file.ts';
import { LineCounter, purlOf, readJsonObject, type Dependency, type DependencyReader, type ReaderContext } from './types.ts';

/**
 * npm-family lockfiles: package-lock.json / npm-shrinkwrap.json (lockfileVersion 1–3), yarn.lock (classic v1
 * and berry), pnpm-lock.yaml (5.x, 6.x, 9.x), and package.json where no lockfile covers it.
 */

const NPM_LOCK = /(^|\/)(package-lock|npm-shrinkwrap)\.json$/;
const YARN_LOCK = /(^|\/)yarn\.lock$/;
const PNPM_LOCK = /(^|\/)pnpm-lock\.yaml$/;
export const NPM_LOCKFILE = /(^|\/)(package-lock\.json|npm-shrinkwrap\.json|yarn\.lock|pnpm-lock\.yaml)$/;

interface RootDeclarations {
  production: Set<string>;
  development: Set<string>;
}

function npmDependency(name: string, version: string, file: string, line: number, root: RootDeclarations | undefined, development?: boolean): Dependency {
  const direct = root ? root.production.has(name) || root.development.has(name) : undefined;
  return {
    ecosystem: 'npm',
    name,
    version,
    direct,
    development: development ?? (root && direct ? root.development.has(name) && !root.production.has(name) : undefined),
    file,
    line,
    purl: purlOf('npm', name, version),
  };
}

function declarationsOf(manifest: unknown): RootDeclarations {
  const record = (manifest ?? {}) as Record<string, unknown>;
  const names = (key: string) => Object.keys((record[key] as Record<string, unknown> | undefined) ?? {});
  return {
    production: new Set([...names('dependencies'), ...names('optionalDependencies'), ...names('peerDependencies')]),
    development: new Set(names('devDependencies')),
  };
}

function siblingManifest(file: SourceFile, context: ReaderContext): RootDeclarations | undefined {
  const manifest = context.sibling(path.join(path.dirname(file.path), 'package.json'));
  if (!manifest) return undefined;
  try {
    return declarationsOf(JSON.parse(manifest.text));
  } catch {
    return undefined;
  }
}

/** Name of a package from its node_modules path ("node_modules/a/node_modules/@s/b" → "@s/b"). */
function nameFromInstallPath(installPath: string): string | undefined {
  const at = installPath.lastIndexOf('node_modules/');
  return at === -1 ? undefined : installPath.slice(at + 'node_modules/'.length);
}

export const packageLockReader: DependencyReader = {
  matches: (filePath) => NPM_LOCK.test(filePath),
  read(file, context) {
    const lock = readJsonObject(file, context, 'a package lock');
    if (!lock) return [];
    const version = lock.lockfileVersion;
    if (version !== undefined && version !== 1 && version !== 2 && version !== 3) context.problem(`lockfileVersion ${JSON.stringify(version)} is not one m365cert knows (1–3); read as version 3`);
    const lines = new LineCounter(file.text);
    const packages = lock.packages as Record<string, Record<string, unknown>> | undefined;
    if (packages && typeof packages === 'object') {
      const root = declarationsOf(packages['']);
      const declared = root.production.size + root.development.size > 0 ? root : siblingManifest(file, context);
      const found: Dependency[] = [];
      let cursor = 0;
      for (const [installPath, entry] of Object.entries(packages)) {
        if (!installPath || !entry || typeof entry !== 'object' || entry.link === true) continue;
        const name = typeof entry.name === 'string' && installPath.endsWith(`node_modules/${entry.name}`) ? entry.name : nameFromInstallPath(installPath);
        if (!name || typeof entry.version !== 'string') continue;
        const at = file.text.indexOf(`${JSON.stringify(installPath)}:`, cursor);
        if (at !== -1) cursor = at;
        const topLevel = installPath === `node_modules/${name}`;
        const dependency = npmDependency(name, entry.version, file.path, at === -1 ? 1 : lines.lineAt(at), topLevel ? declared : undefined, entry.dev === true ? true : undefined);
        if (!topLevel) dependency.direct = declared ? false : undefined;
        if (dependency.development === undefined && declared) dependency.development = entry.dev === true;
        if (entry.optional === true || entry.devOptional === true) dependency.optional = true;
        found.push(dependency);
      }
      return found;
    }
    // lockfileVersion 1: a nested "dependencies" tree.
    const declared = siblingManifest(file, context);
    const found: Dependency[] = [];
    let cursor = 0;
    const visit = (tree: unknown, depth: number) => {
      if (!tree || typeof tree !== 'object') return;
      for (const [name, entry] of Object.entries(tree as Record<string, Record<string, unknown>>)) {
        if (!entry || typeof entry !== 'object') continue;
        // The entry's key opens an object (`"name": {` pretty, `"name":{` minified); `requires` maps names to strings.
        const key = JSON.stringify(name);
        const pretty = file.text.indexOf(`${key}: {`, cursor);
        const minified = file.text.indexOf(`${key}:{`, cursor);
        const at = pretty === -1 ? minified : minified === -1 ? pretty : Math.min(pretty, minified);
        if (at !== -1) cursor = at;
        if (typeof entry.version === 'string' && !/^(file|link|git\+?\w*):/.test(entry.version)) {
          const dependency = npmDependency(name, entry.version, file.path, at === -1 ? 1 : lines.lineAt(at), depth === 0 ? declared : undefined, entry.dev === true);
          if (depth > 0 && declared) dependency.direct = false;
          found.push(dependency);
        }
        if (depth < 64) visit(entry.dependencies, depth + 1);
      }
    };
    visit(lock.dependencies, 0);
    return found;
  },
};

/** "@scope/name@^1.0.0" → ["@scope/name", "^1.0.0"]; the @ that starts a scope is not the separator. */
function splitSpec(spec: string): [string, string] {
  const at = spec.indexOf('@', 1);
  return at === -1 ? [spec, ''] : [spec.slice(0, at), spec.slice(at + 1)];
}

/** Protocols that name the project itself or local code, not a registry package. */
const LOCAL_PROTOCOL = /^(workspace|link|portal|file|exec|patch):/;

export const yarnLockReader: DependencyReader = {
  matches: (filePath) => YARN_LOCK.test(filePath),
  read(file, context) {
    const berry = /^__metadata:/m.test(file.text);
    if (!berry && !/^# yarn lockfile v1/m.test(file.text) && !/^"?[^\s#].*:\s*$/m.test(file.text)) {
      context.problem('neither a yarn classic (v1) nor a yarn berry lockfile');
      return [];
    }
    const declared = siblingManifest(file, context);
    const found: Dependency[] = [];
    const lines = file.text.split('\n');
    let header: { specs: string[]; line: number } | undefined;
    let resolution: string | undefined;
    let version: string | undefined;
    const flush = () => {
      if (!header) return;
      const first = header.specs[0] ?? '';
      let [name, range] = splitSpec(first);
      if (resolution) {
        const [resolvedName, resolved] = splitSpec(resolution);
        if (LOCAL_PROTOCOL.test(resolved)) name = '';
        else name = resolvedName;
      } else if (range.startsWith('npm:') && range.includes('@', 5)) {
        name = splitSpec(range.slice(4))[0];
      }
      if (name && version && !LOCAL_PROTOCOL.test(range) && !version.startsWith('0.0.0-use.local')) {
        const names = new Set(header.specs.map((spec) => splitSpec(spec)[0]));
        const dependency = npmDependency(name, version, file.path, header.line, undefined);
        if (declared) {
          dependency.direct = [...names].some((alias) => declared.production.has(alias) || declared.development.has(alias));
          dependency.development = dependency.direct ? [...names].every((alias) => !declared.production.has(alias)) : undefined;
        }
        found.push(dependency);
      } else if (header && !version && !LOCAL_PROTOCOL.test(range)) {
        context.problem(`entry ${first} has no version`, header.line);
      }
      header = undefined;
      resolution = undefined;
      version = undefined;
    };
    lines.forEach((raw, index) => {
      const line = raw.replace(/\r$/, '');
      if (!line || line.startsWith('#')) return;
      if (!line.startsWith(' ')) {
        flush();
        if (!line.endsWith(':')) {
          context.problem(`unexpected line ${JSON.stringify(line.slice(0, 80))}`, index + 1);
          return;
        }
        if (line.startsWith('__metadata')) return;
        const specs = line.slice(0, -1).split(/,\s*/).map((spec) => spec.trim().replace(/^"|"$/g, '')).filter(Boolean);
        header = { specs, line: index + 1 };
        return;
      }
      if (!header) return;
      const field = /^ {2}(version|resolution):? "?([^"]*)"?\s*$/.exec(line);
      if (field?.[1] === 'version') version = field[2];
      else if (field?.[1] === 'resolution') resolution = field[2];
    });
    flush();
    return found;
  },
};

/**
 * A pnpm package key, in any lockfile version: "/name/1.0.0_peer" (5.x), "/name@1.0.0(peer@1)" (6.x),
 * "name@1.0.0" (9.x), with scopes.
 */
export function parsePnpmKey(key: string): { name: string; version: string } | undefined {
  const trimmed = key.replace(/^\//, '').replace(/\(.*$/, '');
  const at = trimmed.indexOf('@', 1);
  if (at !== -1 && !trimmed.slice(0, at).includes('/', trimmed.startsWith('@') ? trimmed.indexOf('/') + 1 : 0)) {
    return { name: trimmed.slice(0, at), version: trimmed.slice(at + 1) };
  }
  const match = /^((?:@[^/]+\/)?[^/]+)\/([^/_]+)(?:_.*)?$/.exec(trimmed);
  return match ? { name: match[1]!, version: match[2]! } : undefined;
}

export const pnpmLockReader: DependencyReader = {
  matches: (filePath) => PNPM_LOCK.test(filePath),
  read(file, context) {
    let lock: Record<string, unknown>;
    try {
      lock = (parseYamlText(file.text, { maxAliasCount: 100 }) ?? {}) as Record<string, unknown>;
    } catch (error) {
      context.problem(`not valid YAML: ${(error as Error).message.split('\n')[0]}`);
      return [];
    }
    const lockVersion = String(lock.lockfileVersion ?? '');
    if (!/^[5-9](\.\d+)?$/.test(lockVersion)) context.problem(`lockfileVersion ${JSON.stringify(lock.lockfileVersion ?? null)} is not one m365cert knows (5.x–9.x); read as 9.0`);
    const importers = (lock.importers as Record<string, Record<string, unknown>> | undefined) ?? { '.': lock };
    const production = new Set<string>();
    const development = new Set<string>();
    for (const importer of Object.values(importers)) {
      if (!importer || typeof importer !== 'object') continue;
      for (const [key, into] of [['dependencies', production], ['optionalDependencies', production], ['devDependencies', development]] as const) {
        for (const name of Object.keys((importer[key] as Record<string, unknown> | undefined) ?? {})) into.add(name);
      }
    }
    const root: RootDeclarations = { production, development };
    const packages = (lock.packages as Record<string, Record<string, unknown> | null> | undefined) ?? {};
    const found: Dependency[] = [];
    const lineOfKey = keyLines(file.text, 'packages');
    for (const [key, entry] of Object.entries(packages)) {
      const parsed = parsePnpmKey(key);
      const version = typeof entry?.version === 'string' && /^\d/.test(entry.version) ? entry.version : parsed?.version;
      const name = typeof entry?.name === 'string' ? entry.name : parsed?.name;
      // Local folders, links, tarballs and git checkouts are the publisher's or a fork's code, not registry versions.
      if (parsed?.version && /^(file|link|workspace|portal|git\+?\w*|https?|github):/.test(parsed.version)) continue;
      if (!name || !version || !/^\d/.test(version)) {
        context.problem(`package key ${JSON.stringify(key)} names no registry version`, lineOfKey.get(key));
        continue;
      }
      const dependency = npmDependency(name, version, file.path, lineOfKey.get(key) ?? 1, root, entry?.dev === true ? true : entry?.dev === false ? false : undefined);
      if (entry?.optional === true) dependency.optional = true;
      found.push(dependency);
    }
    return found;
  },
};

/** Line of each key directly under a top-level YAML section (two-space indent), quoted or not. */
function keyLines(text: string, section: string): Map<string, number> {
  const lines = new Map<string, number>();
  let inside = false;
  text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (/^\S/.test(line)) inside = line.startsWith(`${section}:`);
    else if (inside) {
      const match = /^ {2}(?:'([^']+)'|"([^"]+)"|([^\s'"][^:]*(?::[^\s][^:]*)*)):(\s|$)/.exec(line);
      if (match) lines.set(match[1] ?? match[2] ?? match[3]!, index + 1);
    }
  });
  return lines;
}

/** package.json where no lockfile covers it: only what it declares, versions only when pinned exactly. */
export const packageJsonReader: DependencyReader = {
  matches: (filePath) => /(^|\/)package\.json$/.test(filePath),
  read(file, context) {
    const manifest = readJsonObject(file, context, 'a package manifest');
    if (!manifest) return [];
    const found: Dependency[] = [];
    const lines = file.text.split('\n');
    for (const key of ['dependencies', 'optionalDependencies', 'devDependencies'] as const) {
      const declared = manifest?.[key];
      if (!declared || typeof declared !== 'object') continue;
      const sectionLine = lines.findIndex((line) => line.includes(`"${key}"`));
      for (const [name, requested] of Object.entries(declared as Record<string, unknown>)) {
        if (typeof requested !== 'string' || LOCAL_PROTOCOL.test(requested) || /^(git|github|https?|file):|\//.test(requested)) continue;
        const index = lines.findIndex((line, at) => at > sectionLine && line.includes(`${JSON.stringify(name)}`));
        const exact = /^=?v?(\d+\.\d+\.\d+(?:[-+][\w.+-]*)?)$/.exec(requested.trim())?.[1];
        found.push({
          ecosystem: 'npm',
          name,
          version: exact,
          requested,
          direct: true,
          development: key === 'devDependencies',
          file: file.path,
          line: index === -1 ? 1 : index + 1,
          purl: exact ? purlOf('npm', name, exact) : undefined,
        });
      }
    }
    return found;
  },
};
