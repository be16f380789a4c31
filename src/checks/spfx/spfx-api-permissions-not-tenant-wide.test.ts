import { check } from './spfx-api-permissions-not-tenant-wide.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { json, lineOf, spfxSolution } from '../../../test/harness/manifests.ts';

const graphRead = [{ resource: 'Microsoft Graph', scope: 'Sites.Read.All' }];
const tenantWide = json(spfxSolution({ skipFeatureDeployment: true, webApiPermissionRequests: graphRead }));

checkTester(check, {
  valid: [
    { name: 'site-level deployment with API permissions', files: { 'config/package-solution.json': json(spfxSolution({ skipFeatureDeployment: false, webApiPermissionRequests: graphRead })) } },
    { name: 'tenant-wide deployment without API permissions', files: { 'config/package-solution.json': json(spfxSolution({ skipFeatureDeployment: true })) } },
  ],
  invalid: [
    { name: 'tenant-wide deployment with API permissions', files: { 'config/package-solution.json': tenantWide }, findings: [{ messageId: 'tenantWide', file: 'config/package-solution.json', line: lineOf(tenantWide, 'skipFeatureDeployment') }] },
  ],
  notApplicable: [{ name: 'no SPFx solution', files: { 'package.json': json({ name: 'x' }) } }],
});
