import type { XmlElement } from '../../sources/formats/xml.ts';
import { parseXml } from '../../sources/formats/xml.ts';
import { purlOf, type Dependency, type DependencyReader } from './types.ts';

/**
 * Maven pom.xml: declared dependencies (direct only: the pom does not list transitive ones), versions
 * resolved through the pom's own properties and dependencyManagement; a version the pom cannot settle
 * (from a parent or a BOM) stays a request.
 */

function child(element: XmlElement | undefined, local: string): XmlElement | undefined {
  return element?.children.find((item) => item.local === local);
}

function text(element: XmlElement | undefined, local: string): string | undefined {
  return child(element, local)?.text.trim() || undefined;
}

export const pomReader: DependencyReader = {
  matches: (filePath) => /(^|\/)pom\.xml$/.test(filePath),
  read(file, context) {
    const parsed = parseXml(file);
    if (!parsed.ok) {
      context.problem(`could not parse XML: ${parsed.error.message}`, parsed.error.line);
      return [];
    }
    const project = parsed.doc.root;
    if (project.local !== 'project') {
      context.problem(`root element is <${project.name}>, not <project>`);
      return [];
    }
    const properties = new Map<string, string>();
    for (const property of child(project, 'properties')?.children ?? []) properties.set(property.local, property.text.trim());
    const projectVersion = text(project, 'version') ?? text(child(project, 'parent'), 'version');
    if (projectVersion) properties.set('project.version', projectVersion);
    const resolve = (value: string | undefined, depth = 0): string | undefined => {
      if (!value) return undefined;
      const resolved = value.replace(/\$\{([^}]+)\}/g, (match, name: string) => properties.get(name) ?? match);
      return resolved.includes('${') && depth < 8 && resolved !== value ? resolve(resolved, depth + 1) : resolved;
    };
    const managed = new Map<string, string>();
    for (const dependency of child(child(project, 'dependencyManagement'), 'dependencies')?.children ?? []) {
      const version = resolve(text(dependency, 'version'));
      if (version) managed.set(`${text(dependency, 'groupId')}:${text(dependency, 'artifactId')}`, version);
    }
    const found: Dependency[] = [];
    const declarations = [...(child(project, 'dependencies')?.children ?? [])];
    for (const profile of child(project, 'profiles')?.children ?? []) declarations.push(...(child(profile, 'dependencies')?.children ?? []));
    for (const dependency of declarations) {
      if (dependency.local !== 'dependency') continue;
      const group = resolve(text(dependency, 'groupId'));
      const artifact = resolve(text(dependency, 'artifactId'));
      if (!group || !artifact) {
        context.problem('a <dependency> without groupId or artifactId', dependency.position.line);
        continue;
      }
      const name = `${group}:${artifact}`;
      const requested = resolve(text(dependency, 'version')) ?? managed.get(name);
      const exact = requested && !requested.includes('${') && !/^[[(]/.test(requested) ? requested : undefined;
      const scope = text(dependency, 'scope');
      found.push({
        ecosystem: 'Maven',
        name,
        version: exact,
        requested: exact ? undefined : requested ?? '(version from a parent pom or BOM)',
        direct: true,
        development: scope === 'test' || undefined,
        file: file.path,
        line: dependency.position.line,
        purl: exact ? purlOf('Maven', name, exact) : undefined,
      });
    }
    return found;
  },
};
