// Delegated vs application permissions: https://learn.microsoft.com/graph/permissions-overview
import { defineCheck } from '../../engine/define-check.ts';
import { declarations, forEachAnalysis, graphCheckBase, locationOf } from '../_shared/graph.ts';

export const check = defineCheck({
  meta: {
    id: 'graph-application-permission-app-only',
    title: 'Application permissions are requested only by apps that call Graph without a user',
    ...graphCheckBase(),
    severity: 'high',
    description:
      'Application permissions act across the whole tenant without a signed-in user. An app whose code only obtains delegated tokens (sign-in, SSO, on-behalf-of, the SPFx context) has no use for them, and an analyst will ask why they are there.',
    remediation: 'Remove the application permission, or, if a background job really calls Graph app-only, keep it with a justification and make sure the code that uses it is in the scanned tree.',
    references: ['https://learn.microsoft.com/graph/permissions-overview'],
    messages: {
      applicationInDelegatedApp: 'Application permission {{name}} is requested, but the app only signs users in ({{evidence}})',
    },
  },
  run(inventory, context) {
    forEachAnalysis(inventory, context, (analysis) => {
      for (const name of analysis.applicationInDelegatedApp) {
        const [first] = declarations(inventory, analysis.appRoot, name, 'application');
        if (!first) continue;
        const evidence = analysis.flows.assumed ? 'no app-only token acquisition found in the code' : analysis.flows.evidence.slice(0, 2).join(', ');
        context.report({ messageId: 'applicationInDelegatedApp', data: { name, evidence }, at: locationOf(first.source), key: `${analysis.appRoot}|${name}` });
      }
    });
  },
});
