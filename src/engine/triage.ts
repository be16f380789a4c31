import picomatch from 'picomatch';
import type { SuppressionRule } from '../config/config.ts';
import { maskSecret, maskUrlCredentials } from '../util/mask.ts';
import type { Finding, ScanProblem } from './types.ts';

/**
 * Applies the configured suppressions. Each needs a reason; one past its expiry date stops suppressing and
 * says so, so an accepted risk cannot be forgotten.
 */
export function applySuppressions(findings: Finding[], rules: readonly SuppressionRule[], today: string): ScanProblem[] {
  const problems: ScanProblem[] = [];
  const active = rules.filter((rule) => {
    if (rule.expires && rule.expires < today) {
      problems.push({
        kind: 'suppression-expired',
        message: `the suppression of ${rule.check}${rule.path ? ` in ${rule.path}` : ''}${rule.owner ? ` (owner ${rule.owner})` : ''} expired on ${rule.expires}; its findings count again`,
      });
      return false;
    }
    return true;
  });
  const matchers = active.map((rule) => ({ rule, matchesPath: rule.path ? picomatch(rule.path, { dot: true }) : () => true }));
  for (const finding of findings) {
    const hit = matchers.find(
      ({ rule, matchesPath }) =>
        rule.check === finding.checkId && (!rule.fingerprint || rule.fingerprint === finding.fingerprint) && matchesPath(finding.location?.file ?? ''),
    );
    if (hit) finding.suppressed = { reason: hit.rule.reason, owner: hit.rule.owner, expires: hit.rule.expires };
  }
  return problems;
}

export interface BaselineFinding {
  checkId: string;
  fingerprint: string;
  message: string;
}

/** Marks each finding new or unchanged against a previous report, and returns the ones that are gone (fixed). */
export function compareWithBaseline(findings: Finding[], previous: readonly BaselineFinding[]): BaselineFinding[] {
  const before = new Map(previous.map((finding) => [finding.fingerprint, finding]));
  const now = new Set<string>();
  for (const finding of findings) {
    finding.baselineState = before.has(finding.fingerprint) ? 'unchanged' : 'new';
    now.add(finding.fingerprint);
  }
  return previous.filter((finding) => !now.has(finding.fingerprint));
}

/** Masks every value a check marked sensitive — in the evidence and wherever the message repeats it — and URL credentials. */
export function maskFindings(findings: Finding[]): void {
  for (const finding of findings) {
    for (const evidence of finding.evidence) {
      if (evidence.sensitive) {
        const masked = maskSecret(evidence.value);
        finding.message = finding.message.split(evidence.value).join(masked);
        evidence.value = masked;
      }
      evidence.value = maskUrlCredentials(evidence.value);
    }
    finding.message = maskUrlCredentials(finding.message);
  }
}
