import path from 'node:path';
import { createHash } from 'node:crypto';
import type { ScanResult } from '../engine/types.ts';
import type { Dependency } from '../extract/dependencies/index.ts';
import { uniquePackages, type PackageVersion } from '../extract/dependencies/index.ts';
import type { Vulnerability } from '../extract/vulnerabilities/index.ts';

/**
 * The dependency inventory as a CycloneDX 1.6 SBOM (JSON): one component per package version with its purl,
 * scope and where it is declared (evidence occurrences), the app's direct dependencies, and the known
 * vulnerabilities with CVSS ratings and fixed versions. The serial number is derived from the inventory, so a
 * rescan of an unchanged tree keeps it.
 */

export const CYCLONEDX_SPEC_VERSION = '1.6';

const RATING_METHOD: Record<string, string> = { '4.0': 'CVSSv4', '3.1': 'CVSSv31', '3.0': 'CVSSv3', '2.0': 'CVSSv2' };

export function renderCycloneDx(result: ScanResult): string {
  const dependencies = (result.inventory?.dependencies ?? []) as Dependency[];
  const packages = uniquePackages(dependencies).sort((a, b) => a.purl.localeCompare(b.purl));
  const vulnerabilities = result.vulnerabilities?.items ?? [];
  const appName = result.apps[0]?.name ?? path.basename(result.root);
  const appRef = 'app';
  const content = {
    metadata: {
      timestamp: result.startedAt,
      tools: { components: [{ type: 'application', name: result.tool.name, version: result.tool.version }] },
      component: { type: 'application', 'bom-ref': appRef, name: appName },
      properties: [
        { name: 'm365cert:root', value: result.root },
        ...(result.vulnerabilities?.notAssessed ?? []).map((ecosystem) => ({ name: 'm365cert:advisories-not-assessed', value: ecosystem })),
      ],
    },
    components: packages.map(component),
    dependencies: [{ ref: appRef, dependsOn: packages.filter((entry) => entry.direct).map((entry) => entry.purl) }],
    vulnerabilities: vulnerabilities.map(vulnerability),
  };
  // The timestamp stays out of the serial: an unchanged inventory keeps its serial number.
  const serialNumber = `urn:uuid:${uuidFrom(JSON.stringify([content.components, content.dependencies, content.vulnerabilities, appName]))}`;
  return `${JSON.stringify({ bomFormat: 'CycloneDX', specVersion: CYCLONEDX_SPEC_VERSION, serialNumber, version: 1, ...content }, null, 2)}\n`;
}

function component(entry: PackageVersion) {
  const { group, name } = splitName(entry);
  return {
    type: 'library',
    'bom-ref': entry.purl,
    ...(group ? { group } : {}),
    name,
    version: entry.version,
    purl: entry.purl,
    scope: entry.development ? 'excluded' : entry.optional ? 'optional' : 'required',
    properties: [
      { name: 'm365cert:ecosystem', value: entry.ecosystem },
      { name: 'm365cert:direct', value: String(entry.direct) },
    ],
    evidence: { occurrences: entry.occurrences.slice(0, 20).map((occurrence) => ({ location: occurrence.file, line: occurrence.line })) },
  };
}

/** CycloneDX keeps npm scopes and Maven group ids in `group`. */
function splitName(entry: PackageVersion): { group?: string; name: string } {
  if (entry.ecosystem === 'npm' && entry.name.startsWith('@') && entry.name.includes('/')) {
    const slash = entry.name.indexOf('/');
    return { group: entry.name.slice(0, slash), name: entry.name.slice(slash + 1) };
  }
  if (entry.ecosystem === 'Maven' && entry.name.includes(':')) {
    const [group, artifact] = entry.name.split(':');
    return { group, name: artifact! };
  }
  return { name: entry.name };
}

function vulnerability(item: Vulnerability) {
  const { severity } = item;
  const method = severity.vector ? RATING_METHOD[/^CVSS:(\d\.\d)/.exec(severity.vector)?.[1] ?? '2.0'] : 'other';
  return {
    'bom-ref': `${item.id}|${item.purl}`,
    id: item.id,
    source: sourceOf(item.id),
    references: item.aliases.map((alias) => ({ id: alias, source: sourceOf(alias) })),
    ratings: severity.band === 'unknown' ? [] : [{ ...(severity.score !== undefined ? { score: severity.score } : {}), severity: severity.band === 'none' ? 'none' : severity.band, method, ...(severity.vector ? { vector: severity.vector } : {}) }],
    ...(item.summary ? { description: item.summary } : {}),
    ...(item.fixedIn ? { recommendation: `Upgrade ${item.package} to ${item.fixedIn} or later` } : {}),
    ...(item.published ? { published: new Date(item.published).toISOString() } : {}),
    affects: [{ ref: item.purl, versions: [{ version: item.version, status: 'affected' }] }],
    properties: [
      { name: 'm365cert:patch-status', value: item.status },
      ...(item.daysAvailable !== undefined ? [{ name: 'm365cert:days-available', value: String(item.daysAvailable) }] : []),
      ...(item.windowDays !== undefined ? [{ name: 'm365cert:window-days', value: String(item.windowDays) }] : []),
    ],
  };
}

function sourceOf(id: string): { name: string; url: string } {
  if (id.startsWith('GHSA-')) return { name: 'GitHub Advisory Database', url: `https://github.com/advisories/${id}` };
  if (id.startsWith('CVE-')) return { name: 'NVD', url: `https://nvd.nist.gov/vuln/detail/${id}` };
  return { name: 'OSV', url: `https://osv.dev/vulnerability/${encodeURIComponent(id)}` };
}

/** A version-4-shaped UUID taken from the content's hash. */
function uuidFrom(text: string): string {
  const hex = createHash('sha256').update(text).digest('hex');
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}
