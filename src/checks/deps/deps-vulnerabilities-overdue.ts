// Patch management (OPS-4/OPS-5 [S1]): third-party dependencies are patched within the publisher's windows, measured from the fix's release.
import { defineCheck } from '../../engine/define-check.ts';
import { advisoryCoverage, isPastDue, vulnerabilityReport } from '../_shared/advisory-coverage.ts';

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
      if (!isPastDue(vulnerability)) continue;
      context.report({
        messageId: vulnerability.status === 'overdue' ? 'overdue' : 'noFix',
        ...vulnerabilityReport(vulnerability),
        evidence: vulnerability.locations.slice(1).map((location) => ({ label: 'also declared in', value: `${location.file}:${location.line}` })),
      });
    }
  },
});
