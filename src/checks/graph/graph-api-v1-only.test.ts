import { check } from './graph-api-v1-only.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { aadManifest, lineOf, oboBackend } from '../../../test/harness/manifests.ts';

const beta = oboBackend("  await graph.api('/me/messages').version('beta').get();\n  await fetch('https://graph.microsoft.com/beta/me/events');");

checkTester(check, {
  valid: [{ name: 'v1.0 calls', files: { 'appPackage/aad.manifest.json': aadManifest([['Mail.ReadBasic', 'Scope']]), 'src/mail.ts': oboBackend("  await graph.api('/me/messages').get();") } }],
  invalid: [
    {
      name: 'beta through the SDK and through fetch',
      files: { 'appPackage/aad.manifest.json': aadManifest([['Mail.ReadBasic', 'Scope'], ['Calendars.ReadBasic', 'Scope']]), 'src/mail.ts': beta },
      findings: [
        { messageId: 'beta', file: 'src/mail.ts', line: lineOf(beta, "version('beta')") },
        { messageId: 'beta', file: 'src/mail.ts', line: lineOf(beta, 'graph.microsoft.com/beta') },
      ],
    },
  ],
  notApplicable: [{ name: 'no Graph use', files: { 'README.md': '# x\n' } }],
});
