import { check } from './addin-mailbox-permission-minimal.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { addinXml, json, lineOf, teamsManifest } from '../../../test/harness/manifests.ts';

const xml = addinXml('  <Permissions>ReadWriteMailbox</Permissions>');
const unified = (name: string) =>
  json(
    teamsManifest({
      extensions: [{ requirements: { scopes: ['mail'] }, runtimes: [] }],
      authorization: { permissions: { resourceSpecific: [{ name, type: 'Delegated' }] } },
    }, '1.17'),
  );
const unifiedMailbox = unified('Mailbox.ReadWrite.User');

checkTester(check, {
  valid: [
    { name: 'an XML add-in that reads items', files: { 'manifest.xml': addinXml('  <Permissions>ReadWriteItem</Permissions>') } },
    { name: 'a unified-manifest add-in with item access', files: { 'appPackage/manifest.json': unified('MailboxItem.ReadWrite.User') } },
  ],
  invalid: [
    { name: 'an XML add-in with ReadWriteMailbox', files: { 'manifest.xml': xml }, findings: [{ messageId: 'readWriteMailbox', file: 'manifest.xml', line: lineOf(xml, 'ReadWriteMailbox') }] },
    { name: 'a unified-manifest add-in with Mailbox.ReadWrite.User', files: { 'appPackage/manifest.json': unifiedMailbox }, findings: [{ messageId: 'readWriteMailbox', file: 'appPackage/manifest.json', line: lineOf(unifiedMailbox, 'Mailbox.ReadWrite.User') }] },
  ],
  notApplicable: [{ name: 'a Teams app without add-in extensions', files: { 'appPackage/manifest.json': json(teamsManifest()) } }],
});
