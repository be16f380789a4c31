import assert from 'node:assert/strict';
import { it } from 'node:test';
import { check, judgeDomain } from './manifest-valid-domains-specific.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { addinXml, json, lineOf, teamsManifest } from '../../../test/harness/manifests.ts';

const shared = json(teamsManifest({ validDomains: ['tasks.fabrikam.com', '*.azurewebsites.net'] }));
const everything = json(teamsManifest({ validDomains: ['*', '*.com', 'tasks.*.fabrikam.com'] }));
const addin = addinXml(`  <AppDomains>
    <AppDomain>https://login.fabrikam.com</AppDomain>
    <AppDomain>*.ngrok-free.app</AppDomain>
  </AppDomains>`);

checkTester(check, {
  valid: [
    { name: 'exact hosts and a wildcard under an owned domain', files: { 'appPackage/manifest.json': json(teamsManifest({ validDomains: ['tasks.fabrikam.com', '*.fabrikam.com', 'token.botframework.com'] })) } },
    { name: 'placeholders filled at provisioning', files: { 'appPackage/manifest.json': json(teamsManifest({ validDomains: ['${{TAB_DOMAIN}}'] })) } },
    { name: 'an add-in with specific AppDomains', files: { 'manifest.xml': addinXml('  <AppDomains>\n    <AppDomain>https://login.fabrikam.com</AppDomain>\n  </AppDomains>') } },
  ],
  invalid: [
    { name: 'a shared hosting suffix', files: { 'appPackage/manifest.json': shared }, findings: [{ messageId: 'sharedSuffix', file: 'appPackage/manifest.json', line: lineOf(shared, '*.azurewebsites.net') }] },
    {
      name: 'bare, top-level and inner wildcards',
      files: { 'appPackage/manifest.json': everything },
      findings: [
        { messageId: 'wildcardAll', file: 'appPackage/manifest.json', line: lineOf(everything, '"*"') },
        { messageId: 'wildcardAll', file: 'appPackage/manifest.json', line: lineOf(everything, '"*.com"') },
        { messageId: 'wildcardAll', file: 'appPackage/manifest.json', line: lineOf(everything, 'tasks.*.fabrikam.com') },
      ],
    },
    { name: 'an add-in AppDomain on a tunnel service', files: { 'manifest.xml': addin }, findings: [{ messageId: 'sharedSuffix', file: 'manifest.xml', line: lineOf(addin, 'ngrok-free.app') }] },
  ],
  notApplicable: [{ name: 'an SPFx-only tree', files: { 'config/package-solution.json': json({ solution: { name: 'x', id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d' } }) } }],
});

it('judgeDomain treats two-label public suffixes as top-level', () => {
  assert.deepEqual(judgeDomain('*.co.uk'), { kind: 'wildcardAll' });
  assert.deepEqual(judgeDomain('*.fabrikam.co.uk'), { kind: 'ok' });
  assert.deepEqual(judgeDomain('https://*.herokuapp.com/path'), { kind: 'sharedSuffix', suffix: 'herokuapp.com' });
});
