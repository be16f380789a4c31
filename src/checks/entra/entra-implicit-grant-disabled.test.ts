import { check } from './entra-implicit-grant-disabled.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { json, lineOf } from '../../../test/harness/manifests.ts';

const graphShape = (implicitGrantSettings: Record<string, boolean>) =>
  json({
    appId: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f90',
    displayName: 'Fabrikam Tasks',
    signInAudience: 'AzureADMultipleOrgs',
    web: { redirectUris: ['https://tasks.fabrikam.com/auth'], implicitGrantSettings },
    requiredResourceAccess: [{ resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }] }],
  });
const classic = json({ appId: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f90', displayName: 'Fabrikam', oauth2AllowImplicitFlow: true, oauth2AllowIdTokenImplicitFlow: true, replyUrlsWithType: [], requiredResourceAccess: [] });
const both = graphShape({ enableAccessTokenIssuance: true, enableIdTokenIssuance: false });

checkTester(check, {
  valid: [
    { name: 'Microsoft Graph shape with implicit grant off', files: { 'entra/app.json': graphShape({ enableAccessTokenIssuance: false, enableIdTokenIssuance: false }) } },
    { name: 'Toolkit aad.manifest.json with implicit flow off', files: { 'aad.manifest.json': json({ name: 'x', oauth2AllowImplicitFlow: false, requiredResourceAccess: [] }) } },
  ],
  invalid: [
    { name: 'Microsoft Graph shape issuing access tokens', files: { 'entra/app.json': both }, findings: [{ messageId: 'implicitGrant', file: 'entra/app.json', line: lineOf(both, 'enableAccessTokenIssuance') }] },
    {
      name: 'classic shape with both switches on',
      files: { 'manifest.json': classic },
      findings: [
        { messageId: 'implicitGrant', file: 'manifest.json', line: lineOf(classic, 'oauth2AllowImplicitFlow') },
        { messageId: 'implicitGrant', file: 'manifest.json', line: lineOf(classic, 'oauth2AllowIdTokenImplicitFlow') },
      ],
    },
  ],
  notApplicable: [{ name: 'no app registration', files: { 'appsettings.json': json({ Logging: {} }) } }],
});
