/**
 * `npm run bench:secrets`: m365cert's secret scan side by side with secretlint 12 (recommended preset) on
 * (1) a generated tree with planted secrets of every kind, placeholders and example values, and (2) the
 * large benchmark tree. Prints each tool's time, what it found of the planted secrets, and what else it
 * reported. secretlint is taken from $SECRETLINT_DIR (a folder where `npm install secretlint@12
 * @secretlint/secretlint-rule-preset-recommend@12` was run), or installed into a temporary folder with npm.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { findSecrets } from '../src/extract/secrets/index.ts';
import { loadProject } from '../src/sources/project.ts';
import { fake } from '../test/harness/fake-secrets.ts';

const KINDS: [string, () => string][] = [
  ['Entra client secret', () => `const clientSecret = "${fake.entraClientSecret()}";`],
  ['Azure Storage key', () => `AzureWebJobsStorage=DefaultEndpointsProtocol=https;AccountName=fabrikam;AccountKey=${fake.storageKey()};EndpointSuffix=core.windows.net`],
  ['GitHub token', () => `const token = "${fake.github()}";`],
  ['npm token', () => `//registry.npmjs.org/:_authToken=${fake.npm()}`],
  ['OpenAI key', () => `OPENAI_API_KEY=${fake.openai()}`],
  ['AWS access key', () => `aws_access_key_id = ${fake.aws()}`],
  ['Slack webhook', () => `SLACK_WEBHOOK=${fake.slackWebhook()}`],
  ['Teams webhook', () => `TEAMS_WEBHOOK=${fake.teamsWebhook()}`],
  ['SAS token', () => `BLOB=https://fabrikam.blob.core.windows.net/f${fake.sas()}`],
  ['bot password', () => `MicrosoftAppPassword=${fake.password()}`],
  ['Azure OpenAI key', () => `AZURE_OPENAI_API_KEY=${fake.azureAiKey()}`],
  ['SQL password', () => `"Db": "Server=tcp:fabrikam.database.windows.net,1433;User ID=app;Password=${fake.password()};"`],
  ['URL password', () => `DATABASE_URL=postgres://app:${fake.password()}@db.fabrikam.com:5432/app`],
  ['private key', () => fake.privateKey()],
];
const DECOYS = ['AZURE_CLIENT_SECRET=<your-client-secret>', 'clientSecret: ${{SECRET_AAD_APP_CLIENT_SECRET}}', 'aws_access_key_id = AKIAIOSFODNN7EXAMPLE', 'const url = "https://user:${PASSWORD}@host.fabrikam.com";', 'MicrosoftAppPassword=', '"ClientSecret": "@Microsoft.KeyVault(SecretUri=https://kv.vault.azure.net/secrets/app)"'];

function plantedTree(dir: string): Map<string, string> {
  const planted = new Map<string, string>(); // "file:line" → kind
  for (let index = 0; index < 2_000; index++) {
    const file = `src/module-${index}.${['ts', 'env', 'json', 'yml', 'cs'][index % 5]}`;
    const lines = Array.from({ length: 40 }, (_, line) => `// line ${line} of generated module ${index}: const value${line} = compute(${line});`);
    if (index % 10 === 0) {
      const [kind, make] = KINDS[(index / 10) % KINDS.length]!;
      lines[20] = make();
      planted.set(`${file}:21`, kind);
    }
    if (index % 7 === 0) lines[30] = DECOYS[index % DECOYS.length]!;
    mkdirSync(path.join(dir, 'src'), { recursive: true });
    writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  }
  return planted;
}

async function ours(dir: string): Promise<{ seconds: number; places: Set<string> }> {
  const sources = await loadProject({ root: dir, include: [], exclude: ['**/node_modules/**'], maxFileBytes: 5 * 1024 * 1024, respectGitignore: true });
  const started = performance.now();
  const facts = findSecrets(sources.files);
  return { seconds: (performance.now() - started) / 1000, places: new Set(facts.filter((fact) => !fact.fixture).map((fact) => `${fact.file}:${fact.line}`)) };
}

function secretlintDir(): string | undefined {
  if (process.env.SECRETLINT_DIR && existsSync(path.join(process.env.SECRETLINT_DIR, 'node_modules', '.bin', 'secretlint'))) return process.env.SECRETLINT_DIR;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'secretlint-'));
  spawnSync('npm', ['init', '-y'], { cwd: dir, stdio: 'ignore' });
  const install = spawnSync('npm', ['install', '--no-audit', '--no-fund', 'secretlint@12', '@secretlint/secretlint-rule-preset-recommend@12'], { cwd: dir, stdio: 'ignore' });
  return install.status === 0 ? dir : undefined;
}

function secretlint(toolDir: string, dir: string): { seconds: number; places: Set<string> } {
  const config = path.join(toolDir, '.secretlintrc.json');
  writeFileSync(config, JSON.stringify({ rules: [{ id: '@secretlint/secretlint-rule-preset-recommend' }] }));
  const started = performance.now();
  // The unix formatter prints one line per finding (the json one repeats every file's content).
  const run = spawnSync(path.join(toolDir, 'node_modules', '.bin', 'secretlint'), ['--secretlintrc', config, '--format', 'unix', '**/*'], { cwd: dir, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const seconds = (performance.now() - started) / 1000;
  const places = new Set<string>();
  for (const match of run.stdout.matchAll(/^(.+?):(\d+):\d+: \[/gm)) places.add(`${path.relative(dir, match[1]!).split(path.sep).join('/')}:${match[2]}`);
  if (run.status !== 0 && run.status !== 1) console.log(`secretlint ended with ${run.status}${run.error ? ` (${run.error.message})` : ''}: ${run.stderr.slice(0, 300)}`);
  return { seconds, places };
}

const dir = mkdtempSync(path.join(os.tmpdir(), 'm365cert-secrets-'));
const planted = plantedTree(dir);
const toolDir = secretlintDir();
console.log(`planted tree: 2,000 files, ${planted.size} planted secrets of ${KINDS.length} kinds, ${Math.ceil(2000 / 7)} decoys\n`);
console.log('tool | time (s) | planted found | other findings | missed kinds');
console.log('--- | --- | --- | --- | ---');
const report = (tool: string, result: { seconds: number; places: Set<string> }) => {
  const hit = [...planted.keys()].filter((place) => result.places.has(place));
  const missedKinds = [...new Set([...planted.entries()].filter(([place]) => !result.places.has(place)).map(([, kind]) => kind))];
  console.log(`${tool} | ${result.seconds.toFixed(2)} | ${hit.length}/${planted.size} | ${[...result.places].filter((place) => !planted.has(place)).length} | ${missedKinds.join(', ') || 'none'}`);
};
report('m365cert', await ours(dir));
if (toolDir) report('secretlint 12 (recommended preset)', secretlint(toolDir, dir));
else console.log('secretlint | could not be installed | | |');

const large = path.join(path.dirname(new URL(import.meta.url).pathname), '..', '.bench', 'large-tree');
if (existsSync(large)) {
  const mine = await ours(large);
  console.log(`\nlarge benchmark tree (25,225 files): m365cert ${mine.seconds.toFixed(2)} s, ${mine.places.size} findings`);
  if (toolDir) {
    const theirs = secretlint(toolDir, large);
    console.log(`large benchmark tree: secretlint ${theirs.seconds.toFixed(2)} s, ${theirs.places.size} findings`);
  }
}
rmSync(dir, { recursive: true, force: true });
