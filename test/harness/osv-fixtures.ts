/** OSV records written for tests (never copies of real advisories), and lockfiles that pin the versions they name. */
export function osvRecord(id: string, ecosystem: string, name: string, events: Record<string, string>[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({
    schema_version: '1.6.0',
    id,
    modified: '2026-01-01T00:00:00Z',
    published: '2026-09-01T00:00:00Z',
    affected: [{ package: { ecosystem, name }, ranges: [{ type: ecosystem === 'npm' || ecosystem === 'Go' ? 'SEMVER' : 'ECOSYSTEM', events }] }],
    ...extra,
  });
}

/** A package-lock.json (v3) with the given top-level packages, all direct; `development` ones are devDependencies. */
export function packageLock(packages: Record<string, string>, development: string[] = []): string {
  const declared = (dev: boolean) => Object.fromEntries(Object.keys(packages).filter((name) => development.includes(name) === dev).map((name) => [name, '*']));
  const entries: Record<string, unknown> = { '': { name: 'app', version: '1.0.0', dependencies: declared(false), devDependencies: declared(true) } };
  for (const [name, version] of Object.entries(packages)) entries[`node_modules/${name}`] = development.includes(name) ? { version, dev: true } : { version };
  return `${JSON.stringify({ name: 'app', version: '1.0.0', lockfileVersion: 3, requires: true, packages: entries }, null, 2)}\n`;
}
