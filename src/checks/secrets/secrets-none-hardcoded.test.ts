import { check } from './secrets-none-hardcoded.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { fake } from '../../../test/harness/fake-secrets.ts';

checkTester(check, {
  valid: [
    { name: 'secrets read from the environment and Key Vault references', files: { 'src/config.ts': 'export const secret = process.env.AZURE_CLIENT_SECRET;\n', 'appsettings.json': '{ "AzureAd": { "ClientSecret": "@Microsoft.KeyVault(SecretUri=https://fabrikam.vault.azure.net/secrets/app)" } }\n' } },
    { name: 'a token in a test fixture is listed, not raised', files: { 'test/fixtures/.npmrc': `//registry.npmjs.org/:_authToken=${fake.npm()}\n` } },
  ],
  invalid: [
    { name: 'a client secret and a private key', files: { 'src/auth.ts': `const clientSecret = "${fake.entraClientSecret()}";\n`, 'certs/app.pem': `${fake.privateKey()}\n` }, findings: [{ messageId: 'secret', file: 'src/auth.ts', line: 1 }, { messageId: 'secret', file: 'certs/app.pem', line: 1 }] },
  ],
});
