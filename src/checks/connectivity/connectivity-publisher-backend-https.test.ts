import { check } from './connectivity-publisher-backend-https.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { json, lineOf, teamsManifest } from '../../../test/harness/manifests.ts';

const api = "export const list = () => fetch('http://tasks.fabrikam.com/api/items');\nexport const blob = () => fetch('http://fabrikamdocs.blob.core.windows.net/files/a.pdf');\n";
const openapi = 'openapi: 3.0.1\ninfo:\n  title: Tasks\n  version: "1"\nservers:\n  - url: http://tasks-api.azurewebsites.net/api\npaths:\n  /items:\n    get:\n      responses:\n        "200":\n          description: ok\n';

checkTester(check, {
  valid: [
    { name: 'the publisher\'s hosts over https', files: { 'appPackage/manifest.json': json(teamsManifest()), 'src/api.ts': "export const list = () => fetch('https://tasks.fabrikam.com/api/items');\n" } },
    { name: 'a third party over http is the other check\'s', files: { 'src/a.ts': "await fetch('http://api.frankfurter.app/latest');\n" } },
  ],
  invalid: [
    {
      name: 'publisher domain and Azure Storage over http',
      files: { 'appPackage/manifest.json': json(teamsManifest()), 'src/api.ts': api },
      findings: [
        { messageId: 'plain', file: 'src/api.ts', line: lineOf(api, 'blob.core') },
        { messageId: 'plain', file: 'src/api.ts', line: lineOf(api, 'tasks.fabrikam.com') },
      ],
    },
    {
      name: 'an OpenAPI server over http',
      files: { 'apis/tasks.yaml': openapi },
      findings: [{ messageId: 'plain', file: 'apis/tasks.yaml', line: lineOf(openapi, 'http://') }],
    },
  ],
  notApplicable: [{ name: 'nothing connects', files: { 'README.md': '# x\n' } }],
});
