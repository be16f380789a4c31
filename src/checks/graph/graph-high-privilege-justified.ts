// The analyst asks for a business justification per permission (submission guide, initial documents).
import { defineCheck } from '../../engine/define-check.ts';
import { declarations, forEachAnalysis, graphCheckBase, locationOf } from '../_shared/graph.ts';

export const check = defineCheck({
  meta: {
    id: 'graph-high-privilege-justified',
    title: 'High-privilege Microsoft Graph permissions carry a written justification',
    ...graphCheckBase(),
    severity: 'medium',
    description:
      'Application permissions and broad delegated ones (*.ReadWrite.All, Directory.*, Mail.Send, Sites.FullControl.All, RoleManagement.*, Application.ReadWrite.*) need a business justification in the permission inventory the analyst reviews. m365cert reads them from permissions.justifications in the configuration.',
    remediation: 'Add "permissions": { "justifications": { "<permission>": "<why the app needs it>" } } to m365cert.config.json, or replace the permission with a narrower one.',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/certification', 'https://learn.microsoft.com/graph/permissions-overview'],
    messages: {
      unjustified: '{{type}} permission {{name}} is high-privilege ({{why}}) and has no justification',
    },
  },
  run(inventory, context) {
    forEachAnalysis(inventory, context, (analysis) => {
      for (const permission of analysis.highRisk) {
        if (permission.justification) continue;
        const [first] = declarations(inventory, analysis.appRoot, permission.name, permission.type);
        if (!first) continue;
        context.report({ messageId: 'unjustified', data: { type: permission.type, name: permission.name, why: permission.why }, at: locationOf(first.source), key: `${analysis.appRoot}|${permission.type}|${permission.name}` });
      }
    });
  },
});
