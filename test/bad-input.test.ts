import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ScanResult } from '../src/engine/types.ts';
import { addinXml, json, teamsManifest } from './harness/manifests.ts';
import { REPO_ROOT, requireSharedData, tempDir, writeTree } from './harness/paths.ts';

const billionLaughs = (() => {
  const lines = ['<?xml version="1.0"?>', '<!DOCTYPE OfficeApp [', ' <!ENTITY lol "lol">'];
  for (let i = 1; i < 10; i++) lines.push(` <!ENTITY lol${i} "${`&lol${i === 1 ? '' : i - 1};`.repeat(10)}">`);
  lines.push(']>', '<OfficeApp><DisplayName DefaultValue="&lol9;"/></OfficeApp>');
  return lines.join('\n');
})();

/**
 * Runs the real CLI in a child process and returns its JSON report. With `withoutDacOverride` the child
 * runs without the capabilities that let root read any file (util-linux setpriv), so that a permission
 * error is real even when the tests run as root.
 */
function scanJson(root: string, withoutDacOverride = false): { report: ScanResult; status: number | null; stderr: string } {
  const command = [process.execPath, '--import', 'tsx', path.join(REPO_ROOT, 'src', 'cli', 'main.ts'), 'scan', root, '--data-dir', requireSharedData(), '-f', 'json'];
  const [program, ...args] = withoutDacOverride ? ['setpriv', '--bounding-set=-dac_override,-dac_read_search', '--', ...command] : command;
  const run = spawnSync(program!, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 120_000, cwd: REPO_ROOT });
  assert.ok(run.stdout.startsWith('{'), `no JSON report (exit ${run.status}): ${run.stderr}`);
  return { report: JSON.parse(run.stdout) as ScanResult, status: run.status, stderr: run.stderr };
}

describe('bad input: every hostile file gets a located entry and the scan goes on', () => {
  it('malformed, hostile, huge, binary, deep and looping inputs', (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'good/appPackage/manifest.json': json(teamsManifest({ validDomains: ['*.azurewebsites.net'] })),
      'bad/malformed/manifest.json': '{\n  "manifestVersion": "1.17",\n  "id": \n}',
      'bad/toolkit/teamsapp.yml': 'version: v1.7\nprovision:\n  - uses: [\n',
      'bad/malformed.xml': '<OfficeApp>\n  <Id>1</Id>\n</Office>',
      'bad/laughs/manifest.xml': billionLaughs,
      'bad/xxe/manifest.xml': '<?xml version="1.0"?>\n<!DOCTYPE OfficeApp [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<OfficeApp><Id>&xxe;</Id></OfficeApp>',
      'bad/deep/manifest.json': `{"manifestVersion": ${'['.repeat(50_000)}${']'.repeat(50_000)}}`,
      'bad/binary.js': Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]),
      'bad/addin/manifest.xml': addinXml('  <Permissions>ReadWriteMailbox</Permissions>'),
    });
    writeFileSync(path.join(root, 'bad', 'bundle.min.js'), `var a=${JSON.stringify('x'.repeat(50 * 1024 * 1024))};`);
    mkdirSync(path.join(root, 'bad', 'loop'));
    symlinkSync(path.join(root, 'bad'), path.join(root, 'bad', 'loop', 'again'));
    symlinkSync('/etc', path.join(root, 'bad', 'etc-link'));

    const { report, status, stderr } = scanJson(root);
    assert.equal(status, 1, stderr);
    const entries = report.problems.map((p) => `${p.kind} ${p.file ?? ''}${p.line ? `:${p.line}` : ''}`);
    for (const expected of [
      'parse-error bad/malformed/manifest.json:4',
      'parse-error bad/toolkit/teamsapp.yml:4',
      'parse-error bad/malformed.xml:3',
      'parse-error bad/laughs/manifest.xml',
      'parse-error bad/xxe/manifest.xml',
      'parse-error bad/deep/manifest.json',
      'skipped bad/binary.js',
      'skipped bad/bundle.min.js',
      'skipped bad/loop/again',
      'skipped bad/etc-link',
    ]) {
      assert.ok(entries.some((entry) => entry.startsWith(expected)), `missing "${expected}" in:\n${entries.join('\n')}`);
    }
    const message = (file: string) => report.problems.find((p) => p.file === file)?.message ?? '';
    assert.match(message('bad/laughs/manifest.xml'), /never expands XML entities/);
    assert.match(message('bad/bundle.min.js'), /larger than the 5 MiB limit/);
    assert.match(message('bad/loop/again'), /link loop/);
    assert.match(message('bad/etc-link'), /outside the scan root/);
    assert.doesNotMatch(JSON.stringify(report), /root:x:0:0/, 'the external entity was never resolved');
    // The scan went on: the good manifest and the add-in were still checked.
    assert.deepEqual(report.findings.map((f) => f.checkId).sort(), ['addin-mailbox-permission-minimal', 'connectivity-declared-domains-match', 'manifest-valid-domains-specific']);
    assert.ok(report.checkRuns.every((run) => run.status !== 'error'));
  });

  it('hostile lockfiles, manifests and runtime declarations: located entries, no crash, big lockfiles still read', (t) => {
    const root = tempDir(t);
    const bigLock: Record<string, unknown> = { '': { name: 'app', dependencies: { 'pkg-0': '*' } } };
    for (let i = 0; i < 70_000; i++) bigLock[`node_modules/pkg-${i}`] = { version: '1.0.0', resolved: `https://registry.npmjs.org/pkg-${i}/-/pkg-${i}-1.0.0.tgz`, integrity: `sha512-${'A'.repeat(86)}==` };
    writeTree(root, {
      'web/package-lock.json': JSON.stringify({ lockfileVersion: 3, packages: bigLock }, null, 2),
      'a/package-lock.json': '{"lockfileVersion": 3, "packages": {"node_modules/x": ',
      'b/yarn.lock': 'this is not a lockfile at all\n',
      'c/pnpm-lock.yaml': "lockfileVersion: '9.0'\npackages:\n  a: &a [*a]\n",
      'd/poetry.lock': '[[package]]\nname = "x"\nversion = ',
      'e/pom.xml': billionLaughs.replace(/OfficeApp/g, 'project'),
      'f/go.mod': `module m\nrequire (\n${'\tgithub.com/a/b\n'.repeat(1000)})\n`,
      'g/Dockerfile': `FROM ${'x'.repeat(100_000)}:${'9'.repeat(10_000)}\nFROM --platform=$BUILDPLATFORM\n`,
      'h/Api.csproj': '<Project><ItemGroup><PackageReference Include="A" Version="[1.0,"/></ItemGroup>',
      'i/requirements.txt': `${'-r other.txt\n'.repeat(1000)}${'a'.repeat(100_000)}==${'1'.repeat(100_000)}\n`,
    });
    const { report, stderr } = scanJson(root);
    const entries = report.problems.map((p) => `${p.kind} ${p.file ?? ''}`);
    for (const expected of ['parse-error a/package-lock.json', 'parse-error b/yarn.lock', 'parse-error c/pnpm-lock.yaml', 'parse-error d/poetry.lock', 'parse-error e/pom.xml', 'parse-error f/go.mod', 'parse-error h/Api.csproj']) {
      assert.ok(entries.some((entry) => entry === expected), `missing "${expected}" in:\n${entries.join('\n')}\n${stderr}`);
    }
    assert.equal(entries.filter((entry) => entry === 'parse-error f/go.mod').length, 11, 'ten located entries and a count, not a thousand');
    // A lockfile over the 5 MiB per-file limit is still read whole: lockfiles have their own limit.
    assert.ok(!entries.includes('skipped web/package-lock.json'));
    assert.equal(report.inventory!.dependencies!.filter((d) => d.file === 'web/package-lock.json').length, 70_000);
    assert.ok(report.checkRuns.every((run) => run.status !== 'error'), JSON.stringify(report.checkRuns.filter((run) => run.status === 'error')));
  });

  it('hostile settings and modules the Graph extraction follows: located entries, no crash, no hang', (t) => {
    const root = tempDir(t);
    const constants = Array.from({ length: 20_000 }, (_, i) => `C${i} = "https://graph.microsoft.com/v1.0/users/${i}"`).join('\n');
    writeTree(root, {
      // Registration scripts, Spring configuration and .NET settings that do not parse.
      'AppCreationScripts/sample.json': '{ "AADApps": [ { "RequiredResourcesAccess": [ { "Resource": "Microsoft Graph", "DelegatedPermissions": [ "User.Read" ',
      'api/src/main/resources/application.yml': 'app:\n  url: [https://graph.microsoft.com/v1.0\n',
      'api/src/main/resources/application-dev.yml': 'app:\n  graph: &a [*a]\n  url: https://graph.microsoft.com/v1.0\n',
      'api/src/main/java/A.java': 'class A { @Value("${app.url}") String url; String me() { return client.get().uri(url + "/me").retrieve().body(String.class); } }\n',
      // Python modules importing each other, and one with 20,000 constants.
      'py/a.py': 'import requests\nfrom b import B\nA = "https://graph.microsoft.com/v1.0"\nrequests.get(B + "/me")\n',
      'py/b.py': 'from a import A\nB = A\n',
      'py/big.py': `${constants}\n`,
      'py/use.py': 'import requests\nimport big\nrequests.get(big.C19999)\nrequests.get("{0}/me/{1}/{2}".format(*args))\nrequests.get("%s%s%s" % ())\n',
    });
    const { report, stderr } = scanJson(root);
    const entries = report.problems.map((p) => `${p.kind} ${p.file ?? ''}`);
    for (const expected of ['parse-error AppCreationScripts/sample.json', 'parse-error api/src/main/resources/application.yml']) {
      assert.ok(entries.some((entry) => entry === expected), `missing "${expected}" in:\n${entries.join('\n')}\n${stderr}`);
    }
    const calls = report.inventory!.graphCalls!.map((call) => `${call.path} ${call.source.file}`);
    assert.ok(calls.includes('/users/19999 py/use.py'), calls.join('\n'));
    assert.ok(report.checkRuns.every((run) => run.status !== 'error'), JSON.stringify(report.checkRuns.filter((run) => run.status === 'error')));
  });

  it('an unreadable file is reported as not read', (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/manifest.json': json(teamsManifest()), 'secret.json': '{"a":1}' });
    chmodSync(path.join(root, 'secret.json'), 0o000);
    const { report } = scanJson(root, process.getuid?.() === 0);
    const problem = report.problems.find((p) => p.file === 'secret.json');
    assert.equal(problem?.kind, 'read-error');
    assert.match(problem?.message ?? '', /EACCES/);
    assert.equal(report.apps.length, 1);
  });
});
