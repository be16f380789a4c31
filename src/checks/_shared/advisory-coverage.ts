import type { Inventory } from '../../extract/inventory.ts';
import type { Vulnerability } from '../../extract/vulnerabilities/index.ts';
import { describeVulnerability } from './describe-vulnerability.ts';

import { OPTIONAL_DATA_COMMAND } from '../../knowledge/datasets.ts';

/**
 * Calls `notAssessed` for the ecosystems without advisory data, or `notApplicable` when the tree has no
 * dependency with an exact version. Returns whether anything can be judged.
 */
export function advisoryCoverage(inventory: Inventory, context: { notAssessed(reason: string): void; notApplicable(reason: string): void }): boolean {
  const facts = inventory.vulnerabilities;
  if (!facts || facts.packagesChecked === 0) {
    context.notApplicable('no lockfile or manifest pins a dependency version');
    return false;
  }
  if (facts.notAssessed.length) context.notAssessed(`no OSV advisories for ${facts.notAssessed.join(', ')} in the data directory (run ${OPTIONAL_DATA_COMMAND})`);
  return facts.assessed.length > 0;
}

/**
 * A vulnerability the publisher is late on: its fix has waited longer than its window, or a critical or high
 * one has had no fix for longer than its window (mitigation or replacement was due).
 */
export function isPastDue(vulnerability: Vulnerability): boolean {
  const { status, windowDays, daysAvailable, severity } = vulnerability;
  if (status === 'overdue') return true;
  const pastWindow = windowDays !== undefined && daysAvailable !== undefined && daysAvailable > windowDays;
  return status === 'no-fix' && pastWindow && (severity.band === 'critical' || severity.band === 'high');
}

/** Where a vulnerability is reported: its first declaration, with the finding's stable key and message data. */
export function vulnerabilityReport(vulnerability: Vulnerability) {
  const at = vulnerability.locations[0]!;
  return {
    data: { vulnerability: describeVulnerability(vulnerability), fixedIn: vulnerability.fixedIn ?? '', days: vulnerability.daysAvailable ?? 0, window: vulnerability.windowDays ?? 0 },
    at: { file: at.file, line: at.line },
    key: `${vulnerability.purl}|${vulnerability.id}`,
  };
}
