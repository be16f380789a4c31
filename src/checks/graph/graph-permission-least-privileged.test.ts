import { check } from './graph-permission-least-privileged.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { aadManifest, lineOf, oboBackend } from '../../../test/harness/manifests.ts';

const readWrite = aadManifest([['Mail.ReadWrite', 'Scope']]);
const allUsers = aadManifest([['User.ReadWrite.All', 'Scope']]);

checkTester(check, {
  valid: [
    { name: 'Mail.Read when the body is selected (ReadBasic excludes it)', files: { 'appPackage/aad.manifest.json': aadManifest([['Mail.Read', 'Scope']]), 'src/mail.ts': oboBackend("  await graph.api('/me/messages').select('subject,body').top(10).get();") } },
    { name: 'Mail.ReadWrite when the code also updates messages', files: { 'appPackage/aad.manifest.json': readWrite, 'src/mail.ts': oboBackend("  await graph.api(`/me/messages/${id}`).patch({ isRead: true });") } },
  ],
  invalid: [
    { name: 'Mail.ReadWrite for reads only', files: { 'appPackage/aad.manifest.json': readWrite, 'src/mail.ts': oboBackend("  await graph.api('/me/messages').select('subject,body').get();") }, findings: [{ messageId: 'reducible', file: 'appPackage/aad.manifest.json', line: lineOf(readWrite, 'Mail.ReadWrite') }] },
    { name: 'User.ReadWrite.All to list users', files: { 'appPackage/aad.manifest.json': allUsers, 'src/people.ts': oboBackend("  await graph.api('/users').select('displayName,mail').get();") }, findings: [{ messageId: 'reducible', file: 'appPackage/aad.manifest.json', line: lineOf(allUsers, 'User.ReadWrite.All') }] },
  ],
  notApplicable: [{ name: 'no Graph use', files: { 'README.md': '# nothing\n' } }],
});
