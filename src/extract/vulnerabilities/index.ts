import type { ScanProblem } from '../../engine/types.ts';
import { bandOf, CvssError, scoreVector, type SeverityBand } from '../../knowledge/advisories/cvss.ts';
import { matchAdvisory, type PackageAdvisory } from '../../knowledge/advisories/osv.ts';
import { openAdvisories, type AdvisorySource } from '../../knowledge/advisories/store.ts';
import { versionScheme } from '../../knowledge/advisories/versions.ts';
import { uniquePackages, type Dependency, type Ecosystem, type PackageVersion } from '../dependencies/index.ts';

/**
 * Known vulnerabilities of the dependency inventory: OSV advisories matched per ecosystem, advisories that
 * are aliases of one another merged (a GHSA and its CVE are one vulnerability), severity computed from the
 * CVSS vectors, and the time the fix has been available measured against the publisher's patch windows.
 */

/** Days a fix may wait, by severity; the publisher defines them (OPS-4), these are m365cert's defaults. */
export interface PatchWindows {
  critical: number;
  high: number;
  medium: number;
  low?: number;
}

export const DEFAULT_PATCH_WINDOWS: PatchWindows = { critical: 14, high: 30, medium: 90 };

export type PatchStatus = 'overdue' | 'within-window' | 'no-fix' | 'no-window';

export interface Severity {
  band: SeverityBand | 'unknown';
  score?: number;
  vector?: string;
  /** Where the band comes from: a CVSS vector scored by m365cert, or the advisory database's own label. */
  basis: 'cvss' | 'database' | 'unknown';
}

export interface Vulnerability {
  /** The advisory id shown first (GHSA or the ecosystem's own), then every other id and alias. */
  id: string;
  aliases: string[];
  summary?: string;
  ecosystem: Ecosystem;
  package: string;
  version: string;
  purl: string;
  direct: boolean;
  development: boolean;
  /** Only an optional install (a platform-specific package that may never be installed). */
  optional: boolean;
  /** Where the vulnerable version is declared (first few places). */
  locations: { file: string; line: number }[];
  severity: Severity;
  published?: string;
  fixedIn?: string;
  /** Days since the advisory (and so the fix) was published, at scan time. */
  daysAvailable?: number;
  windowDays?: number;
  status: PatchStatus;
  /** Files in the data directory the advisories came from. */
  sources: string[];
}

export interface VulnerabilityFacts {
  /** Ecosystems in the inventory whose advisories were read. */
  assessed: { ecosystem: Ecosystem; files: string[]; records: number; indexedAt: string }[];
  /** Ecosystems in the inventory without advisory data. */
  notAssessed: Ecosystem[];
  packagesChecked: number;
  /** Declared dependencies without an exact version (no lockfile): they cannot be matched. */
  unpinned: number;
  windows: PatchWindows;
  vulnerabilities: Vulnerability[];
}

const SEVERITY_ORDER: (SeverityBand | 'unknown')[] = ['critical', 'high', 'medium', 'low', 'none', 'unknown'];

export async function findVulnerabilities(dependencies: readonly Dependency[], dataDir: string, windows: PatchWindows, now: Date, problems: ScanProblem[]): Promise<VulnerabilityFacts> {
  const packages = uniquePackages(dependencies);
  const ecosystems = [...new Set(packages.map((entry) => entry.ecosystem))].sort();
  const facts: VulnerabilityFacts = { assessed: [], notAssessed: [], packagesChecked: packages.length, unpinned: dependencies.filter((dependency) => !dependency.version).length, windows, vulnerabilities: [] };
  for (const ecosystem of ecosystems) {
    let source: AdvisorySource | undefined;
    try {
      source = await openAdvisories(dataDir, ecosystem);
    } catch (error) {
      problems.push({ kind: 'read-error', message: `advisories for ${ecosystem} could not be read: ${(error as Error).message}` });
    }
    if (!source) {
      facts.notAssessed.push(ecosystem);
      continue;
    }
    for (const problem of source.problems.slice(0, 20)) problems.push({ kind: 'parse-error', file: `<data>/${problem.source}`, message: `advisory: ${problem.message}` });
    if (source.problems.length > 20) problems.push({ kind: 'parse-error', message: `advisories for ${ecosystem}: ${source.problems.length - 20} more problem(s) not listed` });
    const found: Vulnerability[] = [];
    try {
      for (const entry of packages.filter((item) => item.ecosystem === ecosystem)) found.push(...vulnerabilitiesOf(entry, source.lookup(entry.name), windows, now));
      facts.assessed.push({ ecosystem, files: source.files, records: source.records, indexedAt: source.builtAt });
      facts.vulnerabilities.push(...found);
    } catch (error) {
      // A damaged index (edited or half-written by hand) must not pass the tree: this ecosystem is not assessed.
      problems.push({ kind: 'read-error', message: `advisories for ${ecosystem} could not be read (${(error as Error).message}); delete ${ecosystem}'s .index folder in the data directory to rebuild it` });
      facts.notAssessed.push(ecosystem);
    } finally {
      source.close();
    }
  }
  facts.vulnerabilities.sort((a, b) => SEVERITY_ORDER.indexOf(a.severity.band) - SEVERITY_ORDER.indexOf(b.severity.band) || a.package.localeCompare(b.package) || a.id.localeCompare(b.id));
  return facts;
}

function vulnerabilitiesOf(entry: PackageVersion, advisories: PackageAdvisory[], windows: PatchWindows, now: Date): Vulnerability[] {
  const matched = advisories.flatMap((advisory) => {
    const match = matchAdvisory(advisory, entry.ecosystem, entry.version);
    return match ? [{ advisory, fixedIn: match.fixedIn }] : [];
  });
  return mergeAliases(matched).map((group) => {
    const ids = [...new Set(group.flatMap(({ advisory }) => [advisory.id, ...advisory.aliases]))];
    const primary = ids.find((id) => id.startsWith('GHSA-')) ?? group[0]!.advisory.id;
    const severity = group.map(({ advisory }) => severityOf(advisory)).sort((a, b) => SEVERITY_ORDER.indexOf(a.band) - SEVERITY_ORDER.indexOf(b.band))[0]!;
    const published = group.map(({ advisory }) => advisory.published).filter((date): date is string => Boolean(date) && !Number.isNaN(Date.parse(date!))).sort()[0];
    // Every merged advisory must be fixed: the highest of their lowest fixed versions.
    const compare = versionScheme(entry.ecosystem).compare;
    const fixedIn = group.map(({ fixedIn: fix }) => fix).filter((fix): fix is string => Boolean(fix)).sort(compare).at(-1);
    const daysAvailable = published ? Math.max(0, Math.floor((now.getTime() - Date.parse(published)) / 86_400_000)) : undefined;
    const windowDays = severity.band === 'critical' || severity.band === 'high' || severity.band === 'medium' || severity.band === 'low' ? windows[severity.band] : undefined;
    const status: PatchStatus = !fixedIn ? 'no-fix' : windowDays === undefined || daysAvailable === undefined ? 'no-window' : daysAvailable > windowDays ? 'overdue' : 'within-window';
    return {
      id: primary,
      aliases: ids.filter((id) => id !== primary).sort(),
      summary: group.find(({ advisory }) => advisory.summary)?.advisory.summary,
      ecosystem: entry.ecosystem,
      package: entry.name,
      version: entry.version,
      purl: entry.purl,
      direct: entry.direct,
      development: entry.development,
      optional: entry.optional,
      locations: entry.occurrences.slice(0, 5).map(({ file, line }) => ({ file, line })),
      severity,
      published,
      fixedIn,
      daysAvailable,
      windowDays,
      status,
      sources: [...new Set(group.map(({ advisory }) => advisory.source))],
    };
  });
}

/** Groups advisories that share an id or alias (union of overlapping id sets). */
function mergeAliases<T extends { advisory: PackageAdvisory }>(matched: T[]): T[][] {
  const groups: { ids: Set<string>; members: T[] }[] = [];
  for (const item of matched) {
    const ids = new Set([item.advisory.id, ...item.advisory.aliases]);
    const overlapping = groups.filter((group) => [...ids].some((id) => group.ids.has(id)));
    const merged = { ids, members: [item] };
    for (const group of overlapping) {
      for (const id of group.ids) merged.ids.add(id);
      merged.members.unshift(...group.members);
      groups.splice(groups.indexOf(group), 1);
    }
    groups.push(merged);
  }
  return groups.map((group) => group.members);
}

const VECTOR_PREFERENCE = ['CVSS_V4', 'CVSS_V3', 'CVSS_V2'];

/** The newest CVSS version the advisory gives, scored here; else the database's label. */
export function severityOf(advisory: PackageAdvisory): Severity {
  const vectors = [...advisory.severity].sort((a, b) => rank(a.type) - rank(b.type));
  for (const { score } of vectors) {
    try {
      const scored = scoreVector(score);
      return { band: scored.band, score: scored.score, vector: scored.vector, basis: 'cvss' };
    } catch (error) {
      if (!(error instanceof CvssError)) throw error;
      // A numeric score in place of a vector (some databases do this) still gives the band.
      const numeric = Number(score);
      if (Number.isFinite(numeric) && numeric >= 0 && numeric <= 10) return { band: bandOf(numeric), score: numeric, basis: 'cvss' };
    }
  }
  const label = advisory.databaseSeverity?.toLowerCase();
  const band = label === 'moderate' ? 'medium' : label;
  if (band === 'critical' || band === 'high' || band === 'medium' || band === 'low') return { band, basis: 'database' };
  return { band: 'unknown', basis: 'unknown' };
}

function rank(type: string): number {
  const index = VECTOR_PREFERENCE.indexOf(type);
  return index === -1 ? VECTOR_PREFERENCE.length : index;
}
