import type { ScanResult } from '../engine/types.ts';
import { OPTIONAL_DATA_COMMAND } from '../knowledge/datasets.ts';
import { PRODUCT_NAMES } from '../knowledge/eol/lifecycles.ts';

/**
 * The software inventory the certification's initial submission asks for, in words and rows shared by the
 * terminal, Markdown and HTML reports: packages per ecosystem, whether advisories were checked, the known
 * vulnerabilities with fix and patch-window status, and the declared runtimes with their support dates.
 */

/** One line: "Dependencies: 412 package versions (npm 380, NuGet 32) from 3 files; advisories: …; 2 known vulnerabilities (1 overdue)". */
export function dependencyLine(result: ScanResult): string | undefined {
  const dependencies = result.inventory?.dependencies ?? [];
  if (!dependencies.length) return undefined;
  const versions = new Map<string, Set<string>>();
  for (const dependency of dependencies) {
    if (!dependency.version) continue;
    const set = versions.get(dependency.ecosystem) ?? new Set<string>();
    set.add(`${dependency.name}@${dependency.version}`);
    versions.set(dependency.ecosystem, set);
  }
  const total = [...versions.values()].reduce((sum, set) => sum + set.size, 0);
  const files = new Set(dependencies.map((dependency) => dependency.file)).size;
  const report = result.vulnerabilities;
  const unpinned = report?.unpinned ? `, ${report.unpinned} declared without an exact version` : '';
  const parts = [`Dependencies: ${total} package version(s) (${[...versions].sort(([a], [b]) => a.localeCompare(b)).map(([ecosystem, set]) => `${ecosystem} ${set.size}`).join(', ') || 'none pinned'}) from ${files} file(s)${unpinned}`];
  if (report) {
    if (report.notAssessed.length) parts.push(`advisories not checked for ${report.notAssessed.join(', ')} (run ${OPTIONAL_DATA_COMMAND})`);
    if (report.assessed.length) {
      const overdue = report.items.filter((item) => item.status === 'overdue').length;
      parts.push(`${report.items.length} known vulnerabilit${report.items.length === 1 ? 'y' : 'ies'} in ${report.assessed.map((entry) => entry.ecosystem).join(', ')}${overdue ? ` (${overdue} past the patch window)` : ''}`);
    }
  }
  return parts.join('; ');
}

const STATUS_LABEL = { overdue: 'overdue', 'within-window': 'within window', 'no-fix': 'no fix yet', 'no-window': 'no window set' } as const;

export function vulnerabilityRows(result: ScanResult): { package: string; ids: string; severity: string; fixedIn: string; age: string; status: string; where: string }[] {
  return (result.vulnerabilities?.items ?? []).map((item) => ({
    package: `${item.package} ${item.version}${item.direct ? '' : ' (transitive)'}${item.development ? ' (dev)' : ''}`,
    ids: [item.id, ...item.aliases].join(', '),
    severity: `${item.severity.band}${item.severity.score !== undefined ? ` ${item.severity.score}` : ''}`,
    fixedIn: item.fixedIn ?? '—',
    age: item.daysAvailable === undefined ? '' : `${item.daysAvailable} d${item.windowDays !== undefined ? ` / ${item.windowDays} d` : ''}`,
    status: STATUS_LABEL[item.status],
    where: item.locations[0] ? `${item.locations[0].file}:${item.locations[0].line}` : '',
  }));
}

export function runtimeRows(result: ScanResult): { runtime: string; declared: string; support: string; where: string }[] {
  return (result.inventory?.runtimes ?? []).map((use) => ({
    runtime: `${PRODUCT_NAMES[use.product as keyof typeof PRODUCT_NAMES] ?? use.product} ${use.cycle}`,
    declared: use.declared,
    support: use.support.status === 'end-of-life' ? `ended ${use.support.endsOn}` : use.support.status === 'supported' ? (use.support.endsOn ? `until ${use.support.endsOn}` : 'supported') : 'not in the lifecycle table',
    where: `${use.file}:${use.line}`,
  }));
}
