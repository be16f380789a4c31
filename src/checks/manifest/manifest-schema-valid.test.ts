import { check } from './manifest-schema-valid.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { json, lineOf, spfxSolution, teamsManifest } from '../../../test/harness/manifests.ts';

const badId = json(teamsManifest({ id: 'not-a-guid' }));
const unknownProperty = json(teamsManifest({ staticTabs: [{ entityId: 'tasks', name: 'Tasks', contentUrl: 'https://tasks.fabrikam.com/tab', scopes: ['personal'], colour: 'red' }] }));
const { accentColor: _dropped, ...withoutAccent } = teamsManifest();
const missingRequired = json(withoutAccent);
const agent = (extra: Record<string, unknown>) =>
  json({ $schema: 'https://developer.microsoft.com/json-schemas/copilot/declarative-agent/v1.2/schema.json', version: 'v1.2', name: 'Fabrikam helper', description: 'Answers questions about Fabrikam cases.', instructions: 'You help support staff.', ...extra });
const badAgent = agent({ conversation_starters: 'not-an-array' });

checkTester(check, {
  valid: [
    { name: 'a complete v1.17 manifest', files: { 'appPackage/manifest.json': json(teamsManifest()) } },
    { name: 'a devPreview manifest', files: { 'appPackage/manifest.json': json(teamsManifest({}, 'devPreview')) } },
    { name: 'Agents Toolkit placeholders are not judged before provisioning', files: { 'appPackage/manifest.json': json(teamsManifest({ id: '${{TEAMS_APP_ID}}' })) } },
    { name: 'an SPFx package-solution.json', files: { 'config/package-solution.json': json(spfxSolution({})) } },
    { name: 'a declarative agent', files: { 'appPackage/declarativeAgent.json': agent({}) } },
  ],
  invalid: [
    { name: 'an id that is not a GUID', files: { 'appPackage/manifest.json': badId }, findings: [{ messageId: 'violation', file: 'appPackage/manifest.json', line: lineOf(badId, '"id"') }] },
    {
      name: 'an unknown property inside a tab',
      files: { 'appPackage/manifest.json': unknownProperty },
      findings: [{ messageId: 'violation', file: 'appPackage/manifest.json', line: lineOf(unknownProperty, '"entityId"') - 1 }],
    },
    { name: 'a missing required property is reported on the root', files: { 'appPackage/manifest.json': missingRequired }, findings: [{ messageId: 'violation', file: 'appPackage/manifest.json', line: 1 }] },
    {
      name: 'a manifest inside a zipped app package',
      files: { 'appPackage/build/appPackage.zip': zipOf({ 'manifest.json': badId }) },
      findings: [{ messageId: 'violation', file: 'appPackage/build/appPackage.zip!manifest.json', line: lineOf(badId, '"id"') }],
    },
    { name: 'a declarative agent with a wrong type', files: { 'appPackage/declarativeAgent.json': badAgent }, findings: [{ messageId: 'violation', file: 'appPackage/declarativeAgent.json', line: lineOf(badAgent, 'conversation_starters') }] },
  ],
  notAssessed: [
    { name: 'version 1.18 has no published schema', files: { 'appPackage/manifest.json': json(teamsManifest({}, '1.18')) }, reason: 'no official schema is published for manifest version 1.18' },
  ],
  notApplicable: [{ name: 'a tree without manifests', files: { 'src/index.ts': 'export const x = 1;\n' } }],
});

import { zipSync, strToU8 } from 'fflate';
function zipOf(entries: Record<string, string>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(entries).map(([name, text]) => [name, strToU8(text)])));
}
