import type { Ecosystem } from '../../extract/dependencies/types.ts';
import { normalizePythonName } from '../../extract/dependencies/types.ts';
import { versionScheme } from './versions.ts';

/**
 * OSV records (https://ossf.github.io/osv-schema/) reduced to what matching needs, one package at a time.
 * Ranges are checked against the ecosystem's version scheme when the index is built, so an advisory with an
 * invalid range is reported once, with its file, and never compared wrongly.
 */

export interface RangeEvent {
  introduced?: string;
  fixed?: string;
  last_affected?: string;
  limit?: string;
}

export interface AffectedEntry {
  ranges: { type: string; events: RangeEvent[] }[];
  versions: string[];
}

/** One advisory as it concerns one package. */
export interface PackageAdvisory {
  id: string;
  aliases: string[];
  summary?: string;
  published?: string;
  modified?: string;
  /** CVSS vectors of the advisory ("CVSS_V3", "CVSS_V4", "CVSS_V2"). */
  severity: { type: string; score: string }[];
  /** The database's own label (GitHub: LOW, MODERATE, HIGH, CRITICAL) when no vector is given. */
  databaseSeverity?: string;
  /** Where it came from inside the data directory. */
  source: string;
  affected: AffectedEntry[];
}

export interface AdvisoryProblem {
  source: string;
  message: string;
}

/** The key a package name is filed under: PyPI names normalised, NuGet names case-insensitive. */
export function packageKey(ecosystem: Ecosystem, name: string): string {
  if (ecosystem === 'PyPI') return normalizePythonName(name);
  if (ecosystem === 'NuGet') return name.toLowerCase();
  return name;
}

/** OSV ecosystem names may carry a suffix ("Debian:12"); only the five m365cert inventories count. */
export function ecosystemOf(value: unknown): Ecosystem | undefined {
  const base = typeof value === 'string' ? value.split(':')[0] : undefined;
  return base === 'npm' || base === 'NuGet' || base === 'PyPI' || base === 'Maven' || base === 'Go' ? base : undefined;
}

/**
 * Splits one OSV record into per-package advisories for the given ecosystem, validating as it goes. A record
 * that is not OSV, or a range the ecosystem cannot order, becomes a problem naming the source.
 */
export function readOsvRecord(record: unknown, source: string, ecosystem: Ecosystem, problems: AdvisoryProblem[]): Map<string, PackageAdvisory> {
  const byPackage = new Map<string, PackageAdvisory>();
  if (!record || typeof record !== 'object' || Array.isArray(record)) {
    problems.push({ source, message: 'not an OSV record (expected a JSON object)' });
    return byPackage;
  }
  const osv = record as Record<string, any>;
  if (typeof osv.id !== 'string' || !osv.id) {
    problems.push({ source, message: 'OSV record without an "id"' });
    return byPackage;
  }
  if (osv.withdrawn) return byPackage;
  if (!Array.isArray(osv.affected)) {
    problems.push({ source, message: `${osv.id}: no "affected" list` });
    return byPackage;
  }
  const scheme = versionScheme(ecosystem);
  const severity = (list: unknown) => (Array.isArray(list) ? list.filter((item) => typeof item?.type === 'string' && typeof item?.score === 'string').map((item) => ({ type: item.type as string, score: item.score as string })) : []);
  for (const [index, affected] of (osv.affected as unknown[]).entries()) {
    const entry = affected as Record<string, any> | null;
    if (!entry || ecosystemOf(entry.package?.ecosystem) !== ecosystem || typeof entry.package?.name !== 'string') continue;
    const key = packageKey(ecosystem, entry.package.name);
    const ranges: AffectedEntry['ranges'] = [];
    for (const range of Array.isArray(entry.ranges) ? entry.ranges : []) {
      if (range?.type === 'GIT' || !Array.isArray(range?.events)) continue;
      const events: RangeEvent[] = [];
      let valid = true;
      for (const event of range.events as Record<string, unknown>[]) {
        const [kind, value] = Object.entries(event ?? {})[0] ?? [];
        if (typeof value !== 'string' || !['introduced', 'fixed', 'last_affected', 'limit'].includes(kind ?? '')) {
          problems.push({ source, message: `${osv.id}: affected[${index}] has a malformed range event ${JSON.stringify(event)}` });
          valid = false;
          break;
        }
        if (!(kind === 'introduced' && value === '0') && !scheme.valid(value)) {
          problems.push({ source, message: `${osv.id}: affected[${index}] range event ${kind} ${JSON.stringify(value)} is not a valid ${ecosystem} version; the range is ignored` });
          valid = false;
          break;
        }
        events.push({ [kind!]: value });
      }
      // Older GitHub exports put an inclusive upper bound beside the events instead of a last_affected event.
      const upper = /^\s*(<=?)\s*(\S+)\s*$/.exec(String(entry.database_specific?.last_known_affected_version_range ?? ''));
      if (valid && upper && scheme.valid(upper[2]!) && !events.some((event) => event.fixed !== undefined || event.last_affected !== undefined)) events.push(upper[1] === '<=' ? { last_affected: upper[2]! } : { fixed: upper[2]! });
      if (valid && events.length) ranges.push({ type: String(range.type), events });
    }
    const versions = Array.isArray(entry.versions) ? entry.versions.filter((version: unknown): version is string => typeof version === 'string') : [];
    if (!ranges.length && !versions.length) continue;
    const advisory: PackageAdvisory = byPackage.get(key) ?? {
      id: osv.id,
      aliases: Array.isArray(osv.aliases) ? osv.aliases.filter((alias: unknown): alias is string => typeof alias === 'string') : [],
      summary: typeof osv.summary === 'string' ? osv.summary.slice(0, 300) : typeof osv.details === 'string' ? osv.details.slice(0, 200) : undefined,
      published: typeof osv.published === 'string' ? osv.published : undefined,
      modified: typeof osv.modified === 'string' ? osv.modified : undefined,
      severity: [...severity(osv.severity), ...severity(entry.severity)],
      databaseSeverity: typeof osv.database_specific?.severity === 'string' ? osv.database_specific.severity : undefined,
      source,
      affected: [],
    };
    advisory.affected.push({ ranges, versions });
    byPackage.set(key, advisory);
  }
  return byPackage;
}

export interface Match {
  /** The lowest version that fixes it and is newer than the installed one, when the advisory names one. */
  fixedIn?: string;
}

/** Whether the version is affected (OSV's evaluation: events in order, introduced/fixed/last_affected). */
export function matchAdvisory(advisory: PackageAdvisory, ecosystem: Ecosystem, version: string): Match | undefined {
  const scheme = versionScheme(ecosystem);
  if (!scheme.valid(version)) return undefined;
  const compare = scheme.compare;
  let affected = false;
  let fixedIn: string | undefined;
  const same = ecosystem === 'PyPI' ? (a: string, b: string) => compare(a, b) === 0 : (a: string, b: string) => a === b || a === `v${b}` || `v${a}` === b;
  for (const entry of advisory.affected) {
    if (entry.versions.some((listed) => same(listed, version) || (scheme.valid(listed) && compare(listed, version) === 0))) affected = true;
    for (const range of entry.ranges) {
      // A range without an `introduced` event (invalid, but published) affects everything before its end: never a silent clean.
      const events = range.events.some((event) => event.introduced !== undefined) ? range.events : [{ introduced: '0' }, ...range.events];
      const sorted = [...events].sort((a, b) => compareEvent(a, b, compare));
      let inRange = false;
      for (const event of sorted) {
        if (event.introduced !== undefined && (event.introduced === '0' || compare(version, event.introduced) >= 0)) inRange = true;
        else if (event.fixed !== undefined && compare(version, event.fixed) >= 0) inRange = false;
        else if (event.last_affected !== undefined && compare(version, event.last_affected) > 0) inRange = false;
      }
      if (inRange) {
        affected = true;
        const fix = sorted.find((event) => event.fixed !== undefined && compare(event.fixed, version) > 0)?.fixed;
        if (fix && (!fixedIn || compare(fix, fixedIn) < 0)) fixedIn = fix;
      }
    }
  }
  return affected ? { fixedIn } : undefined;
}

function eventVersion(event: RangeEvent): string {
  return event.introduced ?? event.fixed ?? event.last_affected ?? event.limit ?? '0';
}

function compareEvent(a: RangeEvent, b: RangeEvent, compare: (a: string, b: string) => number): number {
  const x = eventVersion(a);
  const y = eventVersion(b);
  if (x === '0' || y === '0') return x === y ? 0 : x === '0' ? -1 : 1;
  return compare(x, y);
}
