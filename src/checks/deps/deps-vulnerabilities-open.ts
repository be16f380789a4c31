// Patch management (OPS-5 [S1]): known vulnerabilities still inside their window are tracked until fixed; the list is the assessor's patch report.
import { defineCheck } from '../../engine/define-check.ts';
import { advisoryCoverage, isPastDue, vulnerabilityReport } from '../_shared/advisory-coverage.ts';

export const check = defineCheck({
  meta: {
    id: 'deps-vulnerabilities-open',
    title: 'Known vulnerabilities inside their patch window',
    domain: 'deps',
    severity: 'low',
    controls: ['OPS-5'],
    appliesTo: [],
    description: 'Lists the known vulnerabilities of the dependencies that are not yet overdue: a fix released within its window, a severity without a window (low by default), or no fix yet inside the window. They become failures of deps-vulnerabilities-overdue once the window passes.',
    remediation: 'Schedule the upgrade before the window closes (the finding says how many days remain).',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security'],
    messages: {
      withinWindow: '{{vulnerability}}: fixed in {{fixedIn}}, available {{days}} of {{window}} days — patch before the window closes',
      noWindow: '{{vulnerability}}: fixed in {{fixedIn}}; no patch window is set for this severity',
      noFixYet: '{{vulnerability}}: no fixed version yet ({{days}} days since publication)',
    },
  },
  run(inventory, context) {
    if (!advisoryCoverage(inventory, context)) return;
    for (const vulnerability of inventory.vulnerabilities!.vulnerabilities) {
      if (isPastDue(vulnerability)) continue;
      const messageId = vulnerability.status === 'within-window' ? 'withinWindow' : vulnerability.status === 'no-window' ? 'noWindow' : 'noFixYet';
      context.report({ messageId, ...vulnerabilityReport(vulnerability) });
    }
  },
});
