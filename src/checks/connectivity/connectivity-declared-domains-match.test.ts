import { check } from './connectivity-declared-domains-match.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { addinXml, json, lineOf, teamsManifest } from '../../../test/harness/manifests.ts';

const manifest = json(teamsManifest({ validDomains: ['tasks.fabrikam.com', 'cdn.jsdelivr.net', 'old.fabrikam-partner.com'] }));
const tab = "export const chart = () => import('https://cdn.jsdelivr.net/npm/chart.js');\nexport const rate = () => fetch('https://api.frankfurter.app/latest');\nexport const quote = () => fetch('https://cdn.jsdelivr.net/npm/quotes.json');\n";
const addin = addinXml(`  <AppDomains>\n    <AppDomain>https://login.fabrikam.com</AppDomain>\n  </AppDomains>\n  <DefaultSettings><SourceLocation DefaultValue="https://addin.fabrikam.com/taskpane.html"/></DefaultSettings>`);

checkTester(check, {
  valid: [
    { name: 'every contacted third party declared, every declaration used', files: { 'appPackage/manifest.json': json(teamsManifest({ validDomains: ['tasks.fabrikam.com', 'cdn.jsdelivr.net'] })), 'src/tab.ts': "export const q = () => fetch('https://cdn.jsdelivr.net/npm/quotes.json');\n" } },
    { name: 'the publisher\'s own API needs no declaration', files: { 'appPackage/manifest.json': json(teamsManifest()), 'src/tab.ts': "export const q = () => fetch('https://api.fabrikam.com/items');\n" } },
  ],
  invalid: [
    {
      name: 'an undeclared third party and an unused declaration',
      files: { 'appPackage/manifest.json': manifest, 'src/tab.ts': tab },
      findings: [
        { messageId: 'unused', file: 'appPackage/manifest.json', line: lineOf(manifest, 'old.fabrikam-partner.com') },
        { messageId: 'undeclared', file: 'src/tab.ts', line: lineOf(tab, 'frankfurter') },
      ],
    },
    {
      name: 'an add-in AppDomain nothing uses',
      files: { 'manifest.xml': addin },
      findings: [{ messageId: 'unused', file: 'manifest.xml', line: lineOf(addin, '<AppDomain>') }],
    },
  ],
  notApplicable: [{ name: 'no manifest declares domains', files: { 'src/a.ts': "await fetch('https://api.frankfurter.app/latest');\n" } }],
});
