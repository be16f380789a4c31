import { DOMAINS } from '../catalog/controls.ts';
import type { ControlResult, ControlStatus, Finding, Location, ScanResult } from '../engine/types.ts';
import { severityAtLeast } from '../engine/scan.ts';

export const CONTROL_STATUS_LABEL: Record<ControlStatus, string> = {
  passed: 'passed',
  failed: 'failed',
  'not-assessed': 'not assessed',
  manual: 'manual evidence needed',
  'not-applicable': 'not applicable',
  error: 'error',
};

export function formatLocation(location: Location | undefined): string {
  if (!location) return '';
  // Probe findings point at the endpoint itself: a URL has no lines.
  if (/^https?:\/\//.test(location.file)) return location.file;
  return `${location.file}:${location.line}${location.column ? `:${location.column}` : ''}`;
}

export function controlsByDomain(result: ScanResult): { title: string; controls: ControlResult[] }[] {
  return DOMAINS.map((domain) => ({ title: domain.title, controls: result.controls.filter((control) => control.domain === domain.id) })).filter(
    (group) => group.controls.length > 0,
  );
}

export function openFindings(result: ScanResult): Finding[] {
  return result.findings.filter((finding) => !finding.suppressed);
}

/** Findings that make the run fail under its threshold. */
export function blockingFindings(result: ScanResult): Finding[] {
  return openFindings(result).filter((finding) => severityAtLeast(finding.severity, result.failOn));
}

/** One line that says how the scan ended, the same in every format. */
export function summaryLine(result: ScanResult): string {
  const { summary } = result;
  const open = openFindings(result).length;
  const bySeverity = Object.entries(summary.findings)
    .filter(([, count]) => count > 0)
    .map(([severity, count]) => `${count} ${severity}`)
    .join(', ');
  const controls = Object.entries(summary.controls)
    .filter(([, count]) => count > 0)
    .map(([status, count]) => `${count} ${CONTROL_STATUS_LABEL[status as ControlStatus]}`)
    .join(', ');
  const notAssessed = summary.checks['not-assessed'] + summary.checks.error;
  return [
    `${open} finding${open === 1 ? '' : 's'}${bySeverity ? ` (${bySeverity})` : ''}${summary.suppressed ? `, ${summary.suppressed} suppressed` : ''}`,
    `controls: ${controls}`,
    `${notAssessed} check${notAssessed === 1 ? '' : 's'} not assessed or failed to run`,
    `${summary.filesScanned} files in ${(summary.durationMs / 1000).toFixed(1)}s`,
  ].join('; ');
}

export function appLine(app: ScanResult['apps'][number]): string {
  return `${app.name} (${app.kinds.join(', ')}) in ${app.root === '.' ? './' : `${app.root}/`}`;
}
