import { check } from './graph-high-privilege-justified.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { aadManifest, json, lineOf, oboBackend } from '../../../test/harness/manifests.ts';

const manifest = aadManifest([['User.Read', 'Scope'], ['Mail.Send', 'Scope']]);
const code = oboBackend("  await graph.api('/me/sendMail').post({ message: {} });");

checkTester(check, {
  valid: [
    { name: 'a justified Mail.Send', files: { 'appPackage/aad.manifest.json': manifest, 'src/mail.ts': code, 'm365cert.config.json': json({ permissions: { justifications: { 'Mail.Send': 'Sends the approval request to the approver as the submitting user.' } } }) } },
    { name: 'low-privilege permissions need no justification', files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope']]), 'src/me.ts': oboBackend("  await graph.api('/me').get();") } },
  ],
  invalid: [{ name: 'Mail.Send without a justification', files: { 'appPackage/aad.manifest.json': manifest, 'src/mail.ts': code }, findings: [{ messageId: 'unjustified', file: 'appPackage/aad.manifest.json', line: lineOf(manifest, 'Mail.Send') }] }],
  notApplicable: [{ name: 'no Graph use', files: { 'README.md': '# x\n' } }],
});
