import { check } from './graph-application-permission-app-only.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { aadManifest, daemon, lineOf, oboBackend } from '../../../test/harness/manifests.ts';

const mixed = aadManifest([['User.Read', 'Scope'], ['User.Read.All', 'Role']]);

checkTester(check, {
  valid: [{ name: 'a daemon with client credentials', files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read.All', 'Role']]), 'src/sync.ts': daemon("  await graph.api('/users').get();") } }],
  invalid: [
    { name: 'an on-behalf-of backend asking for an application permission', files: { 'appPackage/aad.manifest.json': mixed, 'src/api.ts': oboBackend("  await graph.api('/me').get();") }, findings: [{ messageId: 'applicationInDelegatedApp', file: 'appPackage/aad.manifest.json', line: lineOf(mixed, 'User.Read.All') }] },
  ],
  notApplicable: [{ name: 'no Graph use', files: { 'README.md': '# x\n' } }],
});
