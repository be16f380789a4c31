// Reducible permissions: https://learn.microsoft.com/security/zero-trust/develop/overprivileged-permissions
import { defineCheck } from '../../engine/define-check.ts';
import { declarations, describeCall, forEachAnalysis, graphCheckBase, locationOf } from '../_shared/graph.ts';

export const check = defineCheck({
  meta: {
    id: 'graph-permission-least-privileged',
    title: 'Requested Microsoft Graph permissions are the least-privileged ones for the calls that use them',
    ...graphCheckBase(),
    severity: 'high',
    description:
      'A permission is reducible when every call it is used for is also allowed by a lower permission (for example Mail.ReadWrite where only reads happen and Mail.Read suffices). The least-privileged permission per operation comes from Microsoft\'s Graph permissions data, with a documented tie-break.',
    remediation: 'Replace the permission by the lower one named in the finding (m365cert permissions --fix can rewrite Entra and Agents Toolkit manifests) and consent again.',
    references: ['https://learn.microsoft.com/security/zero-trust/develop/overprivileged-permissions', 'https://learn.microsoft.com/graph/permissions-reference'],
    messages: {
      reducible: '{{type}} permission {{name}} is more than the calls need; {{lower}} covers {{calls}}{{caveat}}',
    },
  },
  run(inventory, context) {
    forEachAnalysis(inventory, context, (analysis) => {
      // Calls the analysis could not resolve may be the ones that need the higher permission: say so.
      const caveat = analysis.unresolvedCalls ? ` (${analysis.unresolvedCalls} Graph call(s) could not be resolved statically; check them before reducing)` : '';
      for (const permission of analysis.excessive.filter((entry) => entry.reason === 'reducible')) {
        const [first] = declarations(inventory, analysis.appRoot, permission.name, permission.type);
        if (!first) continue;
        const calls = (permission.calls ?? []).map((index) => describeCall(inventory.graph?.calls[index]));
        context.report({
          messageId: 'reducible',
          data: { type: permission.type, name: permission.name, lower: (permission.lowerAlternative ?? []).join(' + ') || 'a lower permission', calls: calls.slice(0, 3).join(', ') + (calls.length > 3 ? ` and ${calls.length - 3} more` : ''), caveat },
          at: locationOf(first.source),
          key: `${analysis.appRoot}|${permission.type}|${permission.name}`,
          fix: `Request ${(permission.lowerAlternative ?? []).join(' and ')} instead of ${permission.name}.`,
        });
      }
    });
  },
});
