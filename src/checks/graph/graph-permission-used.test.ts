import { check } from './graph-permission-used.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { aadManifest, json, lineOf, oboBackend, spfxSolution } from '../../../test/harness/manifests.ts';

const calendars = aadManifest([['User.Read', 'Scope'], ['Calendars.Read', 'Scope']]);
const admin = aadManifest([['Application.ReadWrite.All', 'Scope'], ['AppRoleAssignment.ReadWrite.All', 'Scope']]);
const spfx = json(spfxSolution({ webApiPermissionRequests: [{ resource: 'Microsoft Graph', scope: 'Mail.Send' }] }));
const registration = json({
  appId: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f90',
  displayName: 'Fabrikam SaaS',
  signInAudience: 'AzureADMultipleOrgs',
  // Mail.Read as a GUID: resolved through the Graph service principal data.
  requiredResourceAccess: [{ resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{ id: '570282fd-fa5c-430d-a7fd-fc8dc98a9dca', type: 'Scope' }, { id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }] }],
});

checkTester(check, {
  valid: [
    { name: 'every permission has a call', files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope']]), 'src/api.ts': oboBackend("  await graph.api('/me').get();") } },
    { name: 'OpenID scopes are never "unused"', files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['openid', 'Scope'], ['offline_access', 'Scope']]), 'src/api.ts': oboBackend("  await graph.api('/me').get();") } },
  ],
  invalid: [
    { name: 'a calendar permission in a profile-only app', files: { 'appPackage/aad.manifest.json': calendars, 'src/api.ts': oboBackend("  await graph.api('/me').get();") }, findings: [{ messageId: 'unused', file: 'appPackage/aad.manifest.json', line: lineOf(calendars, 'Calendars.Read') }] },
    { name: 'an SPFx scope nobody uses', files: { 'config/package-solution.json': spfx }, findings: [{ messageId: 'unused', file: 'config/package-solution.json', line: lineOf(spfx, 'Mail.Send') }] },
    {
      name: 'a permission declared by GUID in an Entra registration',
      files: { 'registration/app.json': registration, 'registration/src/profile.ts': oboBackend("  await graph.api('/me').select('displayName').get();") },
      findings: [{ messageId: 'unused', file: 'registration/app.json', line: lineOf(registration, '570282fd') }],
    },
    {
      name: 'a permission another requested one already covers (Application.ReadWrite.All allows the app-role assignment)',
      files: { 'appPackage/aad.manifest.json': admin, 'src/setup.ts': oboBackend("  await graph.api(`/applications/${app}`).patch({ requiredResourceAccess: access });\n  await graph.api(`/servicePrincipals/${sp}/appRoleAssignments`).post(assignment);") },
      findings: [{ messageId: 'redundant', file: 'appPackage/aad.manifest.json', line: lineOf(admin, 'AppRoleAssignment.ReadWrite.All') }],
    },
  ],
  notApplicable: [{ name: 'no Graph use at all', files: { 'src/index.ts': 'export const answer = 42;\n' } }],
});
