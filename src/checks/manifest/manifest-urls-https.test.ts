import { check } from './manifest-urls-https.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { addinXml, json, lineOf, teamsManifest } from '../../../test/harness/manifests.ts';

const httpTab = json(teamsManifest({ staticTabs: [{ entityId: 'tasks', name: 'Tasks', contentUrl: 'http://tasks.fabrikam.com/tab', scopes: ['personal'] }] }));
const addin = addinXml(`  <DefaultSettings>
    <SourceLocation DefaultValue="http://addin.fabrikam.com/taskpane.html"/>
  </DefaultSettings>
  <Permissions>ReadItem</Permissions>`);
const entra = json({ appId: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f90', displayName: 'Fabrikam', web: { redirectUris: ['https://app.fabrikam.com/auth', 'http://staging.fabrikam.com/auth'] }, requiredResourceAccess: [] });

checkTester(check, {
  valid: [
    { name: 'HTTPS everywhere; schema and namespace URLs are identifiers', files: { 'appPackage/manifest.json': json(teamsManifest()), 'manifest.xml': addinXml('  <Permissions>ReadItem</Permissions>') } },
    { name: 'localhost development URLs', files: { 'appPackage/manifest.json': json(teamsManifest({ staticTabs: [{ entityId: 't', name: 'T', contentUrl: 'http://localhost:53000/tab', scopes: ['personal'] }] })) } },
  ],
  invalid: [
    { name: 'a tab over plain HTTP', files: { 'appPackage/manifest.json': httpTab }, findings: [{ messageId: 'plainHttp', file: 'appPackage/manifest.json', line: lineOf(httpTab, 'http://tasks') }] },
    { name: 'an add-in source location over plain HTTP', files: { 'manifest.xml': addin }, findings: [{ messageId: 'plainHttp', file: 'manifest.xml', line: lineOf(addin, 'SourceLocation') }] },
    { name: 'an Entra redirect URI over plain HTTP', files: { 'app-registration.json': entra }, findings: [{ messageId: 'plainHttp', file: 'app-registration.json', line: lineOf(entra, 'http://staging') }] },
  ],
  notApplicable: [{ name: 'no manifest', files: { 'README.md': 'http://example.com\n' } }],
});
