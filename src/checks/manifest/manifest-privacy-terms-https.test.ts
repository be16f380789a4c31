import { check } from './manifest-privacy-terms-https.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { json, lineOf, teamsManifest } from '../../../test/harness/manifests.ts';

const developer = (links: Record<string, string>) => ({ developer: { name: 'Fabrikam', websiteUrl: 'https://www.fabrikam.com', ...links } });
const httpPrivacy = json(teamsManifest(developer({ privacyUrl: 'http://www.fabrikam.com/privacy', termsOfUseUrl: 'https://www.fabrikam.com/terms' })));
const noTerms = json(teamsManifest(developer({ privacyUrl: 'https://www.fabrikam.com/privacy' })));
const emptyBoth = json(teamsManifest(developer({ privacyUrl: '', termsOfUseUrl: ' ' })));

checkTester(check, {
  valid: [{ name: 'both links over HTTPS', files: { 'appPackage/manifest.json': json(teamsManifest()) } }],
  invalid: [
    { name: 'privacy notice over HTTP', files: { 'appPackage/manifest.json': httpPrivacy }, findings: [{ messageId: 'notHttps', file: 'appPackage/manifest.json', line: lineOf(httpPrivacy, 'privacyUrl') }] },
    { name: 'no terms of use (reported at the developer object)', files: { 'appPackage/manifest.json': noTerms }, findings: [{ messageId: 'missing', file: 'appPackage/manifest.json', line: lineOf(noTerms, '"developer"') }] },
    {
      name: 'empty links',
      files: { 'appPackage/manifest.json': emptyBoth },
      findings: [
        { messageId: 'missing', file: 'appPackage/manifest.json', line: lineOf(emptyBoth, 'privacyUrl') },
        { messageId: 'missing', file: 'appPackage/manifest.json', line: lineOf(emptyBoth, 'termsOfUseUrl') },
      ],
    },
  ],
  notAssessed: [
    { name: 'links filled at provisioning', files: { 'appPackage/manifest.json': json(teamsManifest(developer({ privacyUrl: '${{TAB_ENDPOINT}}/privacy', termsOfUseUrl: 'https://www.fabrikam.com/terms' }))) }, reason: 'filled at provisioning time' },
  ],
});
