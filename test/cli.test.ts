import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { exitCodeOf } from '../src/cli/commands/scan.ts';
import type { ScanResult } from '../src/engine/types.ts';
import { runCli } from './harness/cli.ts';
import { json, teamsManifest } from './harness/manifests.ts';
import { REPO_ROOT, requireSharedData, tempDir, writeTree } from './harness/paths.ts';

const DATA = ['--data-dir', requireSharedData()];
const GOLDEN_APP = path.join(REPO_ROOT, 'test', 'fixtures', 'golden-app');
const ANSI = /\u001b\[/;

function cleanApp(t: { after: (fn: () => void) => void }): string {
  const root = tempDir(t);
  writeTree(root, { 'appPackage/manifest.json': json(teamsManifest()) });
  return root;
}

describe('cli', () => {
  it('has --help for every command and --version', async () => {
    for (const command of ['scan', 'checks', 'controls', 'explain', 'data']) {
      const run = await runCli([command, '--help']);
      assert.equal(run.code, 0);
      assert.match(run.stdout, new RegExp(`Usage: m365cert ${command}`));
    }
    const top = await runCli(['--help']);
    assert.match(top.stdout, /Commands:/);
    const version = await runCli(['--version']);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
  });

  it('exits 0 on a clean app, 1 on findings at or above the threshold, and honours --fail-on', async (t) => {
    const clean = await runCli(['scan', cleanApp(t), ...DATA, '--quiet']);
    assert.equal(clean.code, 0, clean.stderr + clean.stdout);
    assert.match(clean.stdout, /Findings \(0\)/);
    const findings = await runCli(['scan', GOLDEN_APP, ...DATA]);
    assert.equal(findings.code, 1);
    assert.match(findings.stdout, /Summary: 7 findings \(5 high, 2 medium\), 1 suppressed/);
    const critical = await runCli(['scan', GOLDEN_APP, ...DATA, '--fail-on', 'critical']);
    assert.equal(critical.code, 0);
  });

  it('exits 1 for "not assessed" only when asked to', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/manifest.json': json(teamsManifest({}, '1.18')) });
    assert.equal((await runCli(['scan', root, ...DATA])).code, 0);
    const strict = await runCli(['scan', root, ...DATA, '--fail-on-not-assessed']);
    assert.equal(strict.code, 1);
    assert.match(strict.stdout, /no official schema is published for manifest version 1\.18/);
  });

  it('exits 2 with a clear message for a bad path, a bad flag, a bad format and a bad config', async (t) => {
    const missing = await runCli(['scan', '/no/such/folder', ...DATA]);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /\/no\/such\/folder: no such file or folder/);
    const flag = await runCli(['scan', '--colour']);
    assert.equal(flag.code, 2);
    assert.match(flag.stderr, /Unknown option '--colour'/);
    const format = await runCli(['scan', '.', '--format', 'pdf']);
    assert.equal(format.code, 2);
    assert.match(format.stderr, /unknown format pdf/);
    const root = cleanApp(t);
    writeFileSync(path.join(root, 'm365cert.config.json'), '{\n  "failOn": "severe",\n  "colour": true\n}\n');
    const config = await runCli(['scan', root, ...DATA]);
    assert.equal(config.code, 2);
    assert.match(config.stderr, /m365cert\.config\.json:2:\d+: \/failOn must be equal to one of the allowed values/);
    assert.match(config.stderr, /m365cert\.config\.json:1:1: \(root\) must NOT have additional properties \(colour\)/);
    writeFileSync(path.join(root, 'm365cert.config.json'), '{ "failOn": "high", }x');
    const syntax = await runCli(['scan', root, ...DATA]);
    assert.match(syntax.stderr, /m365cert\.config\.json:1:\d+: not valid JSON/);
    writeFileSync(path.join(root, 'm365cert.config.json'), '{ "checks": { "disable": ["no-such-check"] } }');
    const unknownCheck = await runCli(['scan', root, ...DATA]);
    assert.equal(unknownCheck.code, 2);
    assert.match(unknownCheck.stderr, /unknown check id\(s\): no-such-check/);
  });

  it('colours only on a terminal and never with NO_COLOR', async (t) => {
    const root = cleanApp(t);
    assert.doesNotMatch((await runCli(['scan', root, ...DATA])).stdout, ANSI);
    assert.match((await runCli(['scan', root, ...DATA], { tty: true, env: {} })).stdout, ANSI);
    assert.doesNotMatch((await runCli(['scan', root, ...DATA], { tty: true, env: { NO_COLOR: '1' } })).stdout, ANSI);
  });

  it('shows progress on stderr only on a terminal, and never with --quiet', async (t) => {
    const root = cleanApp(t);
    assert.match((await runCli(['scan', root, ...DATA], { tty: true, env: { NO_COLOR: '1' } })).stderr, /reading files 1\/1 \(100%\)/);
    assert.equal((await runCli(['scan', root, ...DATA])).stderr, '');
    assert.equal((await runCli(['scan', root, ...DATA, '--quiet'], { tty: true, env: {} })).stderr, '');
  });

  it('prints the time of each stage and the slowest checks with --timing, on stderr only', async (t) => {
    const root = cleanApp(t);
    const timed = await runCli(['scan', root, ...DATA, '--timing']);
    const plain = await runCli(['scan', root, ...DATA]);
    assert.equal(timed.code, plain.code);
    assert.equal(plain.stderr, '');
    const rows = new Map([...timed.stderr.matchAll(/^ {2}(\S+) +(\d+\.\d\d)$/gm)].map((match) => [match[1]!, Number(match[2])]));
    for (const stage of ['apps', 'threads', 'graph-index', 'secrets', 'code', 'graph', 'connectivity', 'checks', 'total']) assert.ok(rows.has(stage), `${stage} missing from:\n${timed.stderr}`);
    assert.ok([...rows.values()].every((value) => value >= 0 && value <= rows.get('total')! + 0.01));
    assert.match(timed.stderr, /^ {4}[a-z0-9-]+ +\d+\.\d\d$/m);
    assert.doesNotMatch(timed.stdout, /Timing/);
  });

  it('writes several formats into a folder, or one format to a file', async (t) => {
    const out = tempDir(t);
    const many = await runCli(['scan', GOLDEN_APP, ...DATA, '--format', 'json,sarif,html,md,junit', '--output', path.join(out, 'reports')]);
    assert.equal(many.code, 1);
    assert.deepEqual(readdirSync(path.join(out, 'reports')).sort(), ['m365cert-report.html', 'm365cert-report.json', 'm365cert-report.junit.xml', 'm365cert-report.md', 'm365cert-report.sarif']);
    assert.match(many.stdout, /^Summary: 7 findings/);
    const one = await runCli(['scan', GOLDEN_APP, ...DATA, '-f', 'sarif', '-o', path.join(out, 'x', 'scan.sarif')]);
    assert.equal(JSON.parse(readFileSync(path.join(out, 'x', 'scan.sarif'), 'utf8')).version, '2.1.0');
    assert.equal(one.code, 1);
    const noOutput = await runCli(['scan', GOLDEN_APP, ...DATA, '-f', 'json,md']);
    assert.equal(noOutput.code, 2);
  });

  it('compares with a baseline: new, unchanged and fixed', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/manifest.json': json(teamsManifest({ validDomains: ['*.ngrok.io', '*.azurewebsites.net'] })) });
    const baseline = path.join(tempDir(t), 'baseline.json');
    await runCli(['scan', root, ...DATA, '-f', 'json', '-o', baseline]);
    writeTree(root, { 'appPackage/manifest.json': json(teamsManifest({ validDomains: ['*.azurewebsites.net', '*.herokuapp.com'] })) });
    const run = await runCli(['scan', root, ...DATA, '-f', 'json', '--baseline', baseline]);
    const report = JSON.parse(run.stdout) as ScanResult;
    const domainFindings = report.findings.filter((f) => f.checkId === 'manifest-valid-domains-specific');
    assert.deepEqual(domainFindings.map((f) => [f.message.match(/"([^"]+)"/)?.[1], f.baselineState]), [['*.azurewebsites.net', 'unchanged'], ['*.herokuapp.com', 'new']]);
    assert.deepEqual(report.baseline?.fixed.filter((f) => f.checkId === 'manifest-valid-domains-specific').map((f) => f.message.match(/"([^"]+)"/)?.[1]), ['*.ngrok.io']);
    const notReport = path.join(root, 'appPackage', 'manifest.json');
    const bad = await runCli(['scan', root, ...DATA, '--baseline', notReport]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not an m365cert JSON report/);
  });

  it('lists checks and controls and explains both', async () => {
    const checks = await runCli(['checks']);
    assert.match(checks.stdout, /manifest-valid-domains-specific\s+high/);
    assert.equal(JSON.parse((await runCli(['checks', '--json'])).stdout).length, 46);
    const explain = await runCli(['explain', 'spfx-api-permissions-not-tenant-wide']);
    assert.match(explain.stdout, /Fix: Set skipFeatureDeployment to false/);
    const control = await runCli(['explain', 'data-3']);
    assert.match(control.stdout, /max-age >= 15552000 seconds/);
    assert.match(control.stdout, /Checks: http-hsts-180-days/);
    assert.match((await runCli(['explain', 'ops-1'])).stdout, /Checks: none yet \(manual evidence needed\)/);
    assert.equal((await runCli(['explain', 'nothing'])).code, 2);
    assert.match((await runCli(['controls'])).stdout, /Operational security\n  OPS-1 /);
  });

  it('turns a crashed check into exit code 2', () => {
    const result = { checkRuns: [{ checkId: 'x', status: 'error', durationMs: 0, findingCount: 0 }], findings: [], controls: [], failOn: 'high' } as unknown as ScanResult;
    assert.equal(exitCodeOf(result, false), 2);
  });

  it('runs as a real process through the bin entry', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), 'scan', GOLDEN_APP, ...DATA, '--quiet'], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    assert.equal(run.status, 1, run.stderr);
    assert.match(run.stdout, /Summary: 7 findings/);
    assert.equal(run.stderr, '');
  });
});

