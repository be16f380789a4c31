import { check } from './graph-permission-requested.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { aadManifest, lineOf, oboBackend } from '../../../test/harness/manifests.ts';

const calendarCall = oboBackend("  await graph.api('/me/events').get();");
const batch = oboBackend("  await graph.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me/drive/root/children' }] });");

checkTester(check, {
  valid: [{ name: 'every call covered', files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Calendars.Read', 'Scope']]), 'src/api.ts': calendarCall } }],
  invalid: [
    { name: 'a calendar call without a calendar permission', files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope']]), 'src/api.ts': calendarCall }, findings: [{ messageId: 'missing', file: 'src/api.ts', line: lineOf(calendarCall, '/me/events') }] },
    { name: 'an inner request of a $batch', files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope']]), 'src/api.ts': batch }, findings: [{ messageId: 'missing', file: 'src/api.ts', line: lineOf(batch, '$batch') }] },
  ],
  notAssessed: [{ name: '/.default without the registration in the tree', files: { 'src/api.ts': calendarCall }, reason: '/.default' }],
});
