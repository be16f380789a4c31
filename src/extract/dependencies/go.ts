import path from 'node:path/posix';
import { purlOf, type Dependency, type DependencyReader } from './types.ts';

/**
 * Go modules: go.mod lists every module the build needs (direct, and `// indirect` since Go 1.17). go.sum
 * also holds versions the build no longer uses, so it only adds modules when go.mod predates 1.17.
 */

const MODULE_LINE = /^\s*(\S+)\s+(v\S+)(\s*\/\/\s*indirect)?/;

function goDependency(name: string, version: string, file: string, line: number, direct: boolean | undefined): Dependency {
  return { ecosystem: 'Go', name, version, direct, file, line, purl: purlOf('Go', name, version) };
}

export const goModReader: DependencyReader = {
  matches: (filePath) => /(^|\/)go\.mod$/.test(filePath),
  read(file, context) {
    const found: Dependency[] = [];
    const replacements = new Map<string, { name: string; version?: string }>();
    let block: 'require' | 'replace' | 'other' | undefined;
    let goVersion: string | undefined;
    const lines = file.text.split('\n');
    lines.forEach((raw, index) => {
      const line = raw.replace(/\r$/, '').replace(/^\s+/, '');
      if (!line || line.startsWith('//')) return;
      if (block) {
        if (line.startsWith(')')) block = undefined;
        else if (block === 'require') requireLine(line, index + 1);
        else if (block === 'replace') replaceLine(line);
        return;
      }
      const directive = /^(\w+)\s*(\(?)\s*(.*)$/.exec(line);
      if (!directive) return context.problem(`unexpected line ${JSON.stringify(line.slice(0, 80))}`, index + 1);
      const [, keyword, opens, rest] = directive;
      if (keyword === 'go') goVersion = rest?.trim();
      if (opens) block = keyword === 'require' ? 'require' : keyword === 'replace' ? 'replace' : 'other';
      else if (keyword === 'require') requireLine(rest!, index + 1);
      else if (keyword === 'replace') replaceLine(rest!);
    });
    function requireLine(line: string, at: number) {
      const match = MODULE_LINE.exec(line);
      if (!match) return context.problem(`require line without a module version: ${JSON.stringify(line.slice(0, 80))}`, at);
      found.push(goDependency(match[1]!, match[2]!, file.path, at, !match[3]));
    }
    function replaceLine(line: string) {
      const match = /^(\S+)(?:\s+v\S+)?\s*=>\s*(\S+)(?:\s+(v\S+))?/.exec(line);
      if (match) replacements.set(match[1]!, { name: match[2]!, version: match[3] });
    }
    const resolved = found.flatMap((dependency) => {
      const replacement = replacements.get(dependency.name);
      if (!replacement) return [dependency];
      // A replacement by a local folder is the publisher's own code, not a module version.
      if (!replacement.version) return [];
      return [goDependency(replacement.name, replacement.version, dependency.file, dependency.line, dependency.direct)];
    });
    if (goVersion && compareGoDirective(goVersion, '1.17') < 0) {
      const sum = context.sibling(path.join(path.dirname(file.path), 'go.sum'));
      const known = new Set(resolved.map((dependency) => dependency.name));
      sum?.text.split('\n').forEach((line, index) => {
        const match = /^(\S+)\s+(v[^\s/]+)\s+h1:/.exec(line);
        if (match && !known.has(match[1]!)) {
          known.add(match[1]!);
          resolved.push(goDependency(match[1]!, match[2]!, sum.path, index + 1, false));
        }
      });
    }
    return resolved;
  },
};

function compareGoDirective(a: string, b: string): number {
  const [aMajor = 0, aMinor = 0] = a.split('.').map(Number);
  const [bMajor = 0, bMinor = 0] = b.split('.').map(Number);
  return aMajor - bMajor || aMinor - bMinor;
}
