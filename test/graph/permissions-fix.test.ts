import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { removeArrayElement } from '../../src/fix/permissions-fix.ts';
import { unifiedDiff } from '../../src/fix/text-diff.ts';
import { GraphPermissionIndex } from '../../src/knowledge/graph/permission-index.ts';
import { runCli } from '../harness/cli.ts';
import { aadManifest, json, oboBackend, spfxSolution } from '../harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

const DATA = ['--data-dir', requireSharedData()];

describe('m365cert permissions --fix', () => {
  it('removes unused permissions, keeps the file\'s formatting, and a re-run is clean of them', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Calendars.Read', 'Scope'], ['Sites.Read.All', 'Role']]), 'src/api.ts': oboBackend("  await graph.api('/me').get();") });
    const run = await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    assert.match(run.stdout, /# remove unused delegated permission Calendars\.Read/);
    assert.match(run.stdout, /-\s+\{\s*\n?.*"id": "Calendars\.Read"|-\s+"id": "Calendars\.Read"/);
    assert.match(run.stdout, /Rewrote 1 file\(s\)/);
    const after = readFileSync(path.join(root, 'appPackage', 'aad.manifest.json'), 'utf8');
    assert.doesNotMatch(after, /Calendars\.Read|Sites\.Read\.All/);
    assert.match(after, /"id": "User\.Read"/);
    JSON.parse(after);
    const again = await runCli(['permissions', root, ...DATA, '-f', 'json']);
    assert.deepEqual(JSON.parse(again.stdout).permissionAnalysis.excessive, []);
  });

  it('does not edit an app whose code has Graph calls it could not resolve: they may need the permission', async (t) => {
    const root = tempDir(t);
    const manifest = aadManifest([['User.Read', 'Scope'], ['Mail.Read', 'Scope']]);
    writeTree(root, { 'appPackage/aad.manifest.json': manifest, 'src/api.ts': oboBackend("  await graph.api('/me').get();\n  await graph.api(buildPathAtRunTime(kind)).get();") });
    const run = await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    assert.match(run.stdout, /Mail\.Read \(delegated\) looks unused, but 1 Graph call\(s\) could not be resolved statically — not edited/);
    // What is left to the publisher is not called least-privileged already.
    assert.match(run.stdout, /Nothing m365cert rewrites itself; change these by hand:/);
    assert.doesNotMatch(run.stdout, /already request the least-privileged set/);
    assert.equal(readFileSync(path.join(root, 'appPackage', 'aad.manifest.json'), 'utf8'), manifest);
  });

  it('replaces a reducible permission by the lower one, by GUID in an Entra manifest', async (t) => {
    const index = GraphPermissionIndex.load(requireSharedData());
    const readWrite = index.idOfName('Scope', 'Mail.ReadWrite')!;
    const read = index.idOfName('Scope', 'Mail.Read')!;
    const root = tempDir(t);
    writeTree(root, {
      'entra/app.json': json({ appId: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f90', displayName: 'Fabrikam', signInAudience: 'AzureADMyOrg', requiredResourceAccess: [{ resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{ id: readWrite, type: 'Scope' }] }] }),
      'entra/src/mail.ts': oboBackend("  await graph.api('/me/messages').select('subject,body').get();"),
    });
    const run = await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    assert.match(run.stdout, /# replace Mail\.ReadWrite by Mail\.Read/);
    const after = JSON.parse(readFileSync(path.join(root, 'entra', 'app.json'), 'utf8'));
    assert.equal(after.requiredResourceAccess[0].resourceAccess[0].id, read);
    assert.equal(after.requiredResourceAccess[0].resourceAccess[0].type, 'Scope');
  });

  it('rewrites the permission names of an AppCreationScripts registration, comments kept', async (t) => {
    const root = tempDir(t);
    const script = '{\n  /* the apps to register */\n  "AADApps": [\n    {\n      "Id": "app",\n      "RequiredResourcesAccess": [\n        { "Resource": "Microsoft Graph", "DelegatedPermissions": [ "Directory.Read.All", "Mail.Read" ] }\n      ]\n    }\n  ]\n}\n';
    writeTree(root, {
      'AppCreationScripts/sample.json': script,
      'src/main/java/sample/Users.java': 'class Users {\n  String list(String token) throws Exception {\n    HttpURLConnection conn = (HttpURLConnection) new URL("https://graph.microsoft.com/v1.0/users").openConnection();\n    return read(conn);\n  }\n}\n',
    });
    const run = await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    assert.match(run.stdout, /# replace Directory\.Read\.All by User\.ReadBasic\.All/);
    assert.match(run.stdout, /# remove unused delegated permission Mail\.Read/);
    const after = readFileSync(path.join(root, 'AppCreationScripts', 'sample.json'), 'utf8');
    assert.match(after, /\/\* the apps to register \*\//);
    assert.match(after, /"DelegatedPermissions": \[ "User\.ReadBasic\.All" \]/);
    const again = await runCli(['permissions', root, ...DATA, '-f', 'json']);
    assert.deepEqual(JSON.parse(again.stdout).permissionAnalysis.excessive, []);
  });

  it('edits SPFx requests with comments intact; --dry-run writes nothing; code scopes are only reported', async (t) => {
    const root = tempDir(t);
    const solution = json(spfxSolution({ webApiPermissionRequests: [{ resource: 'Microsoft Graph', scope: 'Mail.Send' }, { resource: 'Microsoft Graph', scope: 'Sites.Read.All' }] })).replace('{\n', '{\n  // deployed by the intranet team\n');
    writeTree(root, {
      'config/package-solution.json': solution,
      'src/webparts/news.ts': "const pages = await client.api(`/sites/${siteId}/pages`).get();\nawait pca.acquireTokenSilent({ scopes: ['Calendars.Read'] });\n",
    });
    const dry = await runCli(['permissions', root, ...DATA, '--fix', '--dry-run', '--quiet']);
    assert.match(dry.stdout, /1 file\(s\) would change \(dry run: nothing written\)/);
    assert.match(dry.stdout, /not edited: src\/webparts\/news\.ts:2 \(code-scopes\): remove unused delegated permission Calendars\.Read/);
    assert.equal(readFileSync(path.join(root, 'config', 'package-solution.json'), 'utf8'), solution);
    await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    const after = readFileSync(path.join(root, 'config', 'package-solution.json'), 'utf8');
    assert.match(after, /\/\/ deployed by the intranet team/);
    assert.doesNotMatch(after, /Mail\.Send/);
    assert.match(after, /Sites\.Read\.All/);
    assert.equal((await runCli(['permissions', root, ...DATA, '--dry-run'])).code, 2);
  });
});

describe('fix helpers', () => {
  it('removes the first, a middle, the last and the only array element exactly', () => {
    const text = '{\n  "a": [\n    1, // one\n    2,\n    3\n  ],\n  "b": [ 9 ]\n}\n';
    assert.equal(removeArrayElement(text, ['a', 0]), '{\n  "a": [\n    2,\n    3\n  ],\n  "b": [ 9 ]\n}\n');
    assert.equal(removeArrayElement(text, ['a', 1]), '{\n  "a": [\n    1,\n    3\n  ],\n  "b": [ 9 ]\n}\n');
    assert.equal(removeArrayElement(text, ['a', 2]), '{\n  "a": [\n    1, // one\n    2\n  ],\n  "b": [ 9 ]\n}\n');
    assert.equal(removeArrayElement(text, ['b', 0]), '{\n  "a": [\n    1, // one\n    2,\n    3\n  ],\n  "b": []\n}\n');
    assert.equal(removeArrayElement(text, ['c', 0]), text);
  });

  it('prints a unified diff with context and line numbers', () => {
    const diff = unifiedDiff('f.json', 'a\nb\nc\nd\ne\nf\n', 'a\nb\nC\nd\ne\nf\n', 1);
    assert.equal(diff, '--- a/f.json\n+++ b/f.json\n@@ -2,3 +2,3 @@\n b\n-c\n+C\n d\n');
    assert.equal(unifiedDiff('f', 'same', 'same'), '');
  });
});
