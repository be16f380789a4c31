// Patch management (OPS-4/OPS-5 [S1]): third-party dependencies are patched within the publisher's windows, measured from the fix's release.
import { defineCheck } from '../../engine/define-check.ts';
import { advisoryCoverage } from '../_shared/advisory-coverage.ts';
import { describeVulnerability } from '../_shared/describe-vulnerability.ts';

export const check = defineCheck({
  meta: {
    id: 'deps-vulnerabilities-overdue',
    title: 'Vulnerable dependencies are patched within the patch windows',
    domain: 'deps',
    severity: 'high',
    controls: ['OPS-4', 'OPS-5'],
    appliesTo: [],
    description: 'Matches every exact dependency version of the lockfiles against the OSV advisories of its ecosystem (aliases merged, severity scored from the CVSS vector) and fails when a fix has been available longer than the patch window of its severity (config patchWindows; defaults critical 14, high 30, medium 90 days), or when a critical or high vulnerability has no fix past its window.',
    remediation: 'Upgrade to the fixed version (or a later one) and refresh the lockfile; where no fix exists, remove or replace the package, or record the mitigation and accepted risk for the assessor.',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security', 'https://ossf.github.io/osv-schema/'],
    messages: {
      overdue: '{{vulnerability}}: fixed in {{fixedIn}}, available {{days}} days, window {{window}} days — overdue',
      noFix: '{{vulnerability}}: no fixed version after {{days}} days (window {{window}} days) — mitigate, replace or remove',
    },
  },
  run(inventory, context) {
    if (!advisoryCoverage(inventory, context)) return;
    for (const vulnerability of inventory.vulnerabilities!.vulnerabilities) {
      const { status, windowDays, daysAvailable, severity } = vulnerability;
      const pastWindow = windowDays !== undefined && daysAvailable !== undefined && daysAvailable > windowDays;
      const serious = severity.band === 'critical' || severity.band === 'high';
      if (status !== 'overdue' && !(status === 'no-fix' && serious && pastWindow)) continue;
      const at = vulnerability.locations[0]!;
      context.report({
        messageId: status === 'overdue' ? 'overdue' : 'noFix',
        data: { vulnerability: describeVulnerability(vulnerability), fixedIn: vulnerability.fixedIn ?? '', days: daysAvailable ?? 0, window: windowDays ?? 0 },
        at: { file: at.file, line: at.line },
        key: `${vulnerability.purl}|${vulnerability.id}`,
        evidence: vulnerability.locations.slice(1).map((location) => ({ label: 'also declared in', value: `${location.file}:${location.line}` })),
      });
    }
  },
});
