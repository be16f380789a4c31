import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { aadManifest, json, teamsManifest } from '../harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

const DATA = ['--data-dir', requireSharedData()];

/** A Teams app whose server calls Graph with its own token (client credentials) on the teams it is installed in. */
function rscApp(grants: { name: string; type: 'Application' | 'Delegated' }[], calls: string[], extra: Record<string, unknown> = {}): Record<string, string> {
  return {
    'appPackage/manifest.json': json(teamsManifest({ authorization: { permissions: { resourceSpecific: grants } }, ...extra })),
    'server.js': [
      "const axios = require('axios');",
      "const form = { grant_type: 'client_credentials', scope: 'https://graph.microsoft.com/.default' };",
      'async function run(teamId, channelId, userId, headers) {',
      ...calls.map((call) => `  ${call};`),
      '}',
      '',
    ].join('\n'),
  };
}

async function report(root: string): Promise<ScanResult> {
  return JSON.parse((await runCli(['permissions', root, ...DATA, '-f', 'json'])).stdout) as ScanResult;
}

describe('Teams resource-specific consent in the permission analysis', () => {
  it('an application RSC grant serves the app-only calls it allows: needed, reducible or unused like any grant', async (t) => {
    const root = tempDir(t);
    writeTree(root, rscApp(
      [{ name: 'ChannelMessage.Read.Group', type: 'Application' }, { name: 'ChannelSettings.ReadWrite.Group', type: 'Application' }, { name: 'TeamsTab.Delete.Group', type: 'Application' }],
      ['await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels/${channelId}/messages`, { headers })', 'await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels`, { headers })'],
    ));
    const result = await report(root);
    const analysis = result.permissionAnalysis!;
    assert.deepEqual(analysis.needed.map((entry) => `${entry.name} ${entry.type}`), ['ChannelMessage.Read.Group rsc']);
    assert.deepEqual(analysis.excessive.map((entry) => `${entry.name} ${entry.type} ${entry.reason} ${(entry.lowerAlternative ?? []).join('+')}`).sort(), ['ChannelSettings.ReadWrite.Group rsc reducible ChannelSettings.Read.Group', 'TeamsTab.Delete.Group rsc unused '].sort());
    assert.deepEqual(analysis.missing, [], 'the RSC grants cover the calls: nothing app-wide is missing');
    assert.deepEqual(analysis.highRisk, [], 'RSC is scoped to where the app is installed: not a tenant-wide grant');
    const findings = result.findings.filter((finding) => finding.checkId === 'graph-permission-used').map((finding) => finding.message);
    assert.deepEqual(findings, ['rsc permission TeamsTab.Delete.Group is requested but no Graph call in the code needs it']);
  });

  it('does not judge RSC that may serve more than Graph: message RSC beside a bot, RSC with no Graph operation, unknown names, delegated RSC', async (t) => {
    const root = tempDir(t);
    const grants = [
      { name: 'ChannelMessage.Read.Group', type: 'Application' as const },
      { name: 'Member.Read.Group', type: 'Application' as const },
      { name: 'TeamSettings.Edit.Group', type: 'Application' as const },
      { name: 'LiveShareSession.ReadWrite.Group', type: 'Delegated' as const },
      { name: 'TeamsTab.Create.Group', type: 'Application' as const },
    ];
    writeTree(root, rscApp(grants, ['await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels`, { headers })'], { bots: [{ botId: '7b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', scopes: ['team'] }] }));
    const result = await report(root);
    const app = result.permissionAnalysis!.apps[0]!;
    assert.deepEqual(app.rscNotJudged.map((entry) => entry.name).sort(), ['ChannelMessage.Read.Group', 'Member.Read.Group', 'TeamSettings.Edit.Group']);
    assert.match(app.rscNotJudged.find((entry) => entry.name === 'ChannelMessage.Read.Group')!.why, /bot receive every message/);
    assert.deepEqual(result.permissionAnalysis!.excessive.map((entry) => entry.name), ['TeamsTab.Create.Group'], 'only the tab permission no call and no feature uses is unused');
    assert.deepEqual(result.inventory!.permissionsRequested.filter((entry) => entry.type === 'rsc').map((entry) => `${entry.name} ${entry.rsc?.mode} ${entry.rsc?.besideBot}`), grants.map((grant) => `${grant.name} ${grant.type.toLowerCase()} true`));
    const table = (await runCli(['permissions', root, ...DATA])).stdout;
    assert.match(table, /ChannelMessage\.Read\.Group\s+rsc .*not judged: lets the bot receive every message/);
    assert.match(table, /LiveShareSession\.ReadWrite\.Group\s+rsc .*delegated RSC: a Teams client feature/);
    assert.match(table, /TeamSettings\.Edit\.Group\s+rsc .*not an RSC permission of the Graph permission data/);
    // Without a bot, message RSC that no call uses is unused.
    const botless = tempDir(t);
    writeTree(botless, rscApp([{ name: 'ChannelMessage.Read.Group', type: 'Application' }], ['await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels`, { headers })']));
    assert.deepEqual((await report(botless)).permissionAnalysis!.excessive.map((entry) => `${entry.name} ${entry.reason}`), ['ChannelMessage.Read.Group unused']);
  });

  it('names the RSC alternative of a missing tenant-wide permission, and the missing RSC a call needs as RSC', async (t) => {
    const root = tempDir(t);
    writeTree(root, rscApp([], ['await axios.get(`https://graph.microsoft.com/v1.0/users/${userId}/teamwork/installedApps`, { headers })', 'await axios.post(`https://graph.microsoft.com/v1.0/users/${userId}/teamwork/sendActivityNotification`, {}, { headers })']));
    const result = await report(root);
    const missing = result.permissionAnalysis!.missing.map((entry) => `${entry.name} ${entry.type} ${(entry.rscAlternatives ?? []).join('|')}`).sort();
    assert.deepEqual(missing, ['TeamsActivity.Send.User rsc ', 'TeamsAppInstallation.ReadForUser.All application TeamsAppInstallation.Read.User']);
    const message = result.findings.find((finding) => finding.checkId === 'graph-permission-requested' && finding.message.includes('installedApps'))!.message;
    assert.match(message, /needs TeamsAppInstallation\.ReadForUser\.All \(application\), which the app does not request; resource-specific consent TeamsAppInstallation\.Read\.User in the Teams manifest would allow it/);
  });

  it('an app that is no Teams app gets no RSC suggestion and its RSC-like names count for nothing', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'daemon.js': "const form = { grant_type: 'client_credentials' };\nasync function run(userId) { await fetch(`https://graph.microsoft.com/v1.0/users/${userId}/teamwork/installedApps`); }\n" });
    const missing = (await report(root)).permissionAnalysis!.missing;
    assert.deepEqual(missing.map((entry) => `${entry.name} ${entry.type} ${entry.rscAlternatives ?? '-'}`), ['TeamsAppInstallation.ReadForUser.All application -']);
  });
});

describe('m365cert permissions --fix and resource-specific consent', () => {
  it('removes unused RSC from the Teams manifest and renames a reducible one; an app-wide permission whose lower alternative is RSC is left to the publisher', async (t) => {
    const root = tempDir(t);
    const files = rscApp(
      [{ name: 'ChannelSettings.ReadWrite.Group', type: 'Application' }, { name: 'TeamsTab.Delete.Group', type: 'Application' }],
      ['await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels`, { headers })', 'await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels/${channelId}`, { headers })'],
    );
    files['appPackage/aad.manifest.json'] = aadManifest([['ChannelSettings.Read.All', 'Role']]);
    writeTree(root, files);
    const run = await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    assert.match(run.stdout, /# remove unused rsc permission TeamsTab\.Delete\.Group/);
    assert.match(run.stdout, /# replace ChannelSettings\.ReadWrite\.Group by ChannelSettings\.Read\.Group/);
    const manifest = JSON.parse(readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8')) as { authorization: { permissions: { resourceSpecific: unknown[] } } };
    assert.deepEqual(manifest.authorization.permissions.resourceSpecific, [{ name: 'ChannelSettings.Read.Group', type: 'Application' }]);
    // The registration's tenant-wide read of channel settings adds nothing beside the RSC grant, which serves the calls.
    assert.match(run.stdout, /# remove unused application permission ChannelSettings\.Read\.All/);
    assert.doesNotMatch(readFileSync(path.join(root, 'appPackage', 'aad.manifest.json'), 'utf8'), /ChannelSettings/);
    const after = JSON.parse((await runCli(['permissions', root, ...DATA, '-f', 'json'])).stdout) as ScanResult;
    assert.deepEqual(after.permissionAnalysis!.needed.map((entry) => `${entry.name} ${entry.type}`), ['ChannelSettings.Read.Group rsc']);
  });

  it('edits the legacy list of RSC names (webApplicationInfo.applicationPermissions) as well', async (t) => {
    const root = tempDir(t);
    const files = rscApp([], ['await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels`, { headers })']);
    files['appPackage/manifest.json'] = json(teamsManifest({ webApplicationInfo: { id: '7b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', resource: 'https://RscApp', applicationPermissions: ['ChannelSettings.ReadWrite.Group', 'TeamsTab.Delete.Group'] } }, '1.11'));
    writeTree(root, files);
    const run = await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    assert.match(run.stdout, /# remove unused rsc permission TeamsTab\.Delete\.Group/);
    const manifest = JSON.parse(readFileSync(path.join(root, 'appPackage', 'manifest.json'), 'utf8')) as { webApplicationInfo: { applicationPermissions: string[] } };
    assert.deepEqual(manifest.webApplicationInfo.applicationPermissions, ['ChannelSettings.Read.Group']);
  });

  it('does not turn an app-wide permission into RSC (or back): that is the publisher\'s choice', async (t) => {
    const root = tempDir(t);
    const files = rscApp([{ name: 'TeamsTab.Read.Group', type: 'Application' }], ['await axios.get(`https://graph.microsoft.com/v1.0/teams/${teamId}/channels`, { headers })']);
    const registration = aadManifest([['ChannelSettings.ReadWrite.All', 'Role']]);
    files['appPackage/aad.manifest.json'] = registration;
    writeTree(root, files);
    const run = await runCli(['permissions', root, ...DATA, '--fix', '--quiet']);
    assert.match(run.stdout, /ChannelSettings\.ReadWrite\.All \(application\) could give way to ChannelSettings\.Read\.Group, declared in the Teams manifest's resource-specific consent — change by hand/);
    assert.equal(readFileSync(path.join(root, 'appPackage', 'aad.manifest.json'), 'utf8'), registration);
  });
});
