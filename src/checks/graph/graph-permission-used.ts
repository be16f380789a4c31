// Least privilege: https://learn.microsoft.com/entra/identity-platform/secure-least-privileged-access
import { defineCheck } from '../../engine/define-check.ts';
import { declarations, forEachAnalysis, graphCheckBase, locationOf } from '../_shared/graph.ts';

export const check = defineCheck({
  meta: {
    id: 'graph-permission-used',
    title: 'Every requested Microsoft Graph permission is used by a call the app makes',
    ...graphCheckBase(),
    severity: 'high',
    description:
      'A permission that no Graph call in the code needs is unused, which the certification treats as not least-privileged (an automatic fail). The calls come from the app\'s own code; when some calls could not be resolved statically the finding says so.',
    remediation: 'Remove the permission from the app registration (and from aad.manifest.json, package-solution.json or the scope list in code), or point m365cert at the code that uses it.',
    references: ['https://learn.microsoft.com/entra/identity-platform/secure-least-privileged-access', 'https://learn.microsoft.com/security/zero-trust/develop/overprivileged-permissions'],
    messages: {
      unused: '{{type}} permission {{name}} is requested but no Graph call in the code needs it{{caveat}}',
      redundant: '{{type}} permission {{name}} adds nothing: {{others}}, also requested, already allows every call it could serve{{caveat}}',
    },
  },
  run(inventory, context) {
    forEachAnalysis(inventory, context, (analysis) => {
      const caveat = analysis.unresolvedCalls ? ` (${analysis.unresolvedCalls} Graph call(s) could not be resolved statically)` : '';
      for (const permission of analysis.excessive.filter((entry) => entry.reason === 'unused')) {
        const [first, ...others] = declarations(inventory, analysis.appRoot, permission.name, permission.type);
        if (!first) continue;
        context.report({
          messageId: permission.redundantWith ? 'redundant' : 'unused',
          data: { type: permission.type, name: permission.name, others: (permission.redundantWith ?? []).join(', '), caveat },
          at: locationOf(first.source),
          key: `${analysis.appRoot}|${permission.type}|${permission.name}`,
          evidence: others.map((other) => ({ label: 'also declared', value: `${other.source.file}:${other.source.line} (${other.via})` })),
        });
      }
    });
  },
});
