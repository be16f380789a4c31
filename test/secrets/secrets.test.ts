import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { entropy, findSecrets } from '../../src/extract/secrets/index.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import { fake } from '../harness/fake-secrets.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

const found = (path: string, text: string) => findSecrets([new SourceFile(path, text)]).map((fact) => `${fact.rule}:${fact.line}${fact.fixture ? ':fixture' : ''}`);

describe('secret detection', () => {
  it('finds each format where it is written', () => {
    const clientSecret = fake.entraClientSecret();
    const storage = fake.storageKey();
    const text = [
      `const secret = "${clientSecret}";`,
      `AzureWebJobsStorage=DefaultEndpointsProtocol=https;AccountName=fabrikam;AccountKey=${storage};EndpointSuffix=core.windows.net`,
      `const token = "${fake.github()}";`,
      `//registry.npmjs.org/:_authToken=${fake.npm()}`,
      `OPENAI_API_KEY=${fake.openai()}`,
      `aws_access_key_id = ${fake.aws()}`,
      `const hook = "${fake.slackWebhook()}";`,
      `TEAMS_WEBHOOK=${fake.teamsWebhook()}`,
      `BLOB_URL=https://fabrikam.blob.core.windows.net/files${fake.sas()}`,
      `MicrosoftAppPassword=${fake.password()}`,
      `AZURE_OPENAI_API_KEY=${fake.azureAiKey()}`,
      `"Db": "Server=tcp:fabrikam.database.windows.net,1433;Initial Catalog=x;User ID=app;Password=${fake.password()};"`,
      `const db = "postgres://app:${fake.password()}@db.fabrikam.com:5432/app";`,
      fake.privateKey(),
    ].join('\n');
    assert.deepEqual(found('src/config.ts', text), [
      'private-key:14',
      'entra-client-secret:1',
      'entra-client-secret-setting:10',
      'azure-storage-key:2',
      'azure-sas-token:9',
      'connection-string-password:12',
      'url-credentials:13',
      'openai-api-key:5',
      'azure-ai-key:11',
      'github-token:3',
      'npm-token:4',
      'slack-token:7',
      'teams-webhook:8',
      'aws-access-key:6',
    ]);
  });

  it('leaves placeholders, published examples and low-entropy values alone, and marks fixtures', () => {
    const text = [
      'AZURE_CLIENT_SECRET=<your-client-secret>',
      'client_secret: ${{SECRET_AAD_APP_CLIENT_SECRET}}',
      'MicrosoftAppPassword=',
      'MicrosoftAppPassword=passwordpasswordpassword',
      'aws_access_key_id = AKIAIOSFODNN7EXAMPLE',
      'AccountKey=' + 'x'.repeat(86) + '==',
      'const url = "https://user:${PASSWORD}@host.fabrikam.com";',
      'clientSecret: process.env.CLIENT_SECRET,',
      'clientSecret: SECRET_AAD_APP_CLIENT_SECRET',
      'clientSecret: settings.auth.clientSecretValue,',
    ].join('\n');
    assert.deepEqual(found('src/settings.ts', text), []);
    assert.deepEqual(found('test/fixtures/app.env', `GITHUB_TOKEN=${fake.github()}`), ['github-token:1:fixture']);
    assert.deepEqual(found('.env.example', `GITHUB_TOKEN=${fake.github()}`), ['github-token:1:fixture']);
    assert.ok(entropy('aaaa') === 0 && entropy('ab') === 1);
  });

  it('never prints a secret: every report format carries it masked', async (t) => {
    const secret = fake.entraClientSecret();
    const token = fake.github();
    const root = tempDir(t);
    writeTree(root, { 'appsettings.json': JSON.stringify({ AzureAd: { ClientSecret: secret } }, null, 2), 'deploy.sh': `curl -H "Authorization: token ${token}" https://api.github.com/user\n` });
    const out = tempDir(t);
    const run = await runCli(['scan', root, '--data-dir', requireSharedData(), '-f', 'json,sarif,html,md,junit', '-o', out, '-q']);
    assert.equal(run.code, 1);
    const { readdirSync, readFileSync } = await import('node:fs');
    for (const name of readdirSync(out)) {
      const text = readFileSync(`${out}/${name}`, 'utf8');
      assert.ok(!text.includes(secret) && !text.includes(token), `${name} leaks a secret`);
    }
    const terminal = await runCli(['scan', root, '--data-dir', requireSharedData()]);
    assert.ok(!terminal.stdout.includes(secret) && !terminal.stdout.includes(token));
    const report = JSON.parse(readFileSync(`${out}/m365cert-report.json`, 'utf8')) as ScanResult;
    assert.deepEqual(report.findings.filter((finding) => finding.checkId === 'secrets-none-hardcoded').map((finding) => finding.location?.file).sort(), ['appsettings.json', 'deploy.sh']);
    assert.equal(report.inventory!.secrets.length, 2);
  });

  it('a huge file with thousands of candidates stays bounded', () => {
    const text = Array.from({ length: 5_000 }, () => `token=${fake.github()}`).join('\n');
    const facts = findSecrets([new SourceFile('big.txt', text)]);
    assert.equal(facts.length, 200, 'at most 200 per file');
  });
});
