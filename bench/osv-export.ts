/**
 * A synthetic OSV export shaped like the public npm one (https://osv-vulnerabilities.storage.googleapis.com/npm/all.zip):
 * mostly malicious-package records (MAL-…, every version affected), a smaller share of GHSA-style advisories
 * with SEMVER ranges, aliases and CVSS vectors — and a package-lock.json (v3) whose packages partly overlap it.
 * Deterministic, so every machine measures the same work. Never real advisories.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';

export interface ExportShape {
  malicious: number;
  advisories: number;
  packages: number;
}

/** The public npm export holds ~200,000 records (mostly MAL-), over ~190,000 package names. */
export const NPM_EXPORT_SHAPE: ExportShape = { malicious: 185_000, advisories: 20_000, packages: 190_000 };

const VECTORS = ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N', 'CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:N/A:N'];

export function packageName(index: number): string {
  return index % 9 === 0 ? `@bench-scope-${index % 97}/pkg-${index}` : `bench-pkg-${index}`;
}

/** Writes <dataDir>/osv/npm/all.zip; returns its size in bytes. */
export function writeNpmExport(dataDir: string, shape: ExportShape = NPM_EXPORT_SHAPE): number {
  const folder = path.join(dataDir, 'osv', 'npm');
  mkdirSync(folder, { recursive: true });
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, data) => {
    if (error) throw error;
    chunks.push(data);
  });
  const add = (name: string, record: unknown) => {
    const entry = new ZipDeflate(name, { level: 6 });
    zip.add(entry);
    entry.push(strToU8(JSON.stringify(record)), true);
  };
  for (let i = 0; i < shape.malicious; i++) {
    add(`MAL-2025-${i}.json`, {
      schema_version: '1.6.0', id: `MAL-2025-${i}`, modified: '2026-01-01T00:00:00Z', published: '2025-06-01T00:00:00Z',
      summary: `Malicious code in ${packageName(i)} (npm)`,
      details: 'The package was found to contain malicious code that exfiltrates environment variables on install.',
      affected: [{ package: { ecosystem: 'npm', name: packageName(i) }, ranges: [{ type: 'SEMVER', events: [{ introduced: '0' }] }], database_specific: { source: 'https://github.com/ossf/malicious-packages' } }],
      database_specific: { 'malicious-packages-origins': [{ source: 'bench', sha256: 'x'.repeat(64) }] },
    });
  }
  for (let i = 0; i < shape.advisories; i++) {
    const name = packageName(shape.malicious + (i % (shape.packages - shape.malicious)));
    const major = 1 + (i % 5);
    add(`GHSA-bnch-${String(i).padStart(4, '0')}-xxxx.json`, {
      schema_version: '1.6.0', id: `GHSA-bnch-${String(i).padStart(4, '0')}-xxxx`, aliases: [`CVE-2025-${10_000 + i}`], modified: '2026-01-01T00:00:00Z', published: `2026-0${1 + (i % 9)}-15T00:00:00Z`,
      summary: `Prototype pollution in ${name}`,
      details: 'A crafted payload can modify the prototype of Object through the merge function. '.repeat(4),
      severity: [{ type: VECTORS[i % VECTORS.length]!.startsWith('CVSS:4') ? 'CVSS_V4' : 'CVSS_V3', score: VECTORS[i % VECTORS.length] }],
      affected: [{ package: { ecosystem: 'npm', name }, ranges: [{ type: 'SEMVER', events: [{ introduced: `${major}.0.0` }, { fixed: `${major}.4.2` }] }], database_specific: { source: 'bench' } }],
      references: [{ type: 'ADVISORY', url: `https://nvd.nist.gov/vuln/detail/CVE-2025-${10_000 + i}` }],
      database_specific: { severity: 'HIGH', cwe_ids: ['CWE-1321'], github_reviewed: true },
    });
  }
  zip.end();
  const bytes = Buffer.concat(chunks);
  writeFileSync(path.join(folder, 'all.zip'), bytes);
  return bytes.length;
}

/**
 * A package-lock.json (v3) of `count` packages: a few in the malicious set, a tenth in the advisory set (half of
 * them in an affected range), the rest unknown to the export, as in a real app.
 */
export function packageLockOf(count: number, shape: ExportShape = NPM_EXPORT_SHAPE, seed = 0): string {
  const packages: Record<string, unknown> = { '': { name: 'bench-app', version: '1.0.0', dependencies: {} as Record<string, string> } };
  for (let i = 0; i < count; i++) {
    const bucket = (i + seed) % 100;
    const index = bucket < 1 ? (i * 7919) % shape.malicious : bucket < 11 ? shape.malicious + ((i * 104_729) % (shape.packages - shape.malicious)) : shape.packages + i + seed * count;
    const name = packageName(index);
    const version = bucket < 11 ? `${1 + (i % 5)}.${i % 2 === 0 ? 3 : 6}.0` : `${i % 7}.${i % 13}.${i % 5}`;
    packages[`node_modules/${name}`] = { version, resolved: `https://registry.npmjs.org/${name}/-/pkg-${version}.tgz`, integrity: `sha512-${'A'.repeat(86)}==`, ...(i % 3 === 0 ? { dev: true } : {}) };
    if (i % 10 === 0) (packages['']! as { dependencies: Record<string, string> }).dependencies[name] = `^${version}`;
  }
  return `${JSON.stringify({ name: 'bench-app', version: '1.0.0', lockfileVersion: 3, requires: true, packages }, null, 2)}\n`;
}
