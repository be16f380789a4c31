// https://learn.microsoft.com/sharepoint/dev/spfx/use-aadhttpclient#request-permissions-to-an-entra-id-application
// https://learn.microsoft.com/sharepoint/dev/spfx/tenant-scoped-deployment
import { defineCheck } from '../../engine/define-check.ts';
import { jsonLocation } from '../../extract/inventory.ts';
import { isRecord } from '../_shared/json-values.ts';

export const check = defineCheck({
  meta: {
    id: 'spfx-api-permissions-not-tenant-wide',
    title: 'SPFx solutions that request API permissions are not deployed tenant-wide without feature deployment',
    domain: 'spfx',
    severity: 'medium',
    controls: ['APP-1'],
    appliesTo: ['spfx-solution'],
    description:
      'An SPFx solution with skipFeatureDeployment: true is available on every site as soon as it is deployed. Its webApiPermissionRequests are granted to the SharePoint Online client extensibility principal, which every script in the tenant shares, so tenant-wide availability widens who can use those permissions.',
    remediation: 'Set skipFeatureDeployment to false so site owners add the solution where it is needed, or move the API calls behind a domain-isolated web part or your own backend, and keep webApiPermissionRequests to the least-privileged scopes.',
    references: ['https://learn.microsoft.com/sharepoint/dev/spfx/use-aadhttpclient', 'https://learn.microsoft.com/sharepoint/dev/spfx/tenant-scoped-deployment'],
    messages: {
      tenantWide: 'skipFeatureDeployment is true while the solution requests {{count}} API permission(s): {{permissions}}',
    },
  },
  run(inventory, context) {
    for (const manifest of inventory.manifests) {
      if (manifest.kind !== 'spfx-solution' || manifest.format !== 'json') continue;
      const solution = (manifest.doc.value as { solution?: unknown }).solution;
      if (!isRecord(solution) || solution.skipFeatureDeployment !== true) continue;
      const requests = Array.isArray(solution.webApiPermissionRequests) ? solution.webApiPermissionRequests.filter(isRecord) : [];
      if (requests.length === 0) continue;
      const permissions = requests.map((request) => `${String(request.resource ?? '?')} ${String(request.scope ?? '?')}`).join(', ');
      context.report({
        messageId: 'tenantWide',
        data: { count: requests.length, permissions },
        at: jsonLocation(manifest, ['solution', 'skipFeatureDeployment'], true),
        key: 'skipFeatureDeployment',
      });
    }
  },
});
