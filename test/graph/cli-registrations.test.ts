import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { requestedFromCliScript } from '../../src/extract/graph/requested-cli.ts';
import { GraphPermissionIndex } from '../../src/knowledge/graph/permission-index.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import { permissionsReport, runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

/** Each permission with its type and line, after checking that its column points at its URI in the script. */
const requested = (path: string, text: string) => {
  const lines = text.split(/\r?\n/);
  return requestedFromCliScript(new SourceFile(path, text), '.').map((entry) => {
    const line = lines[entry.source.line - 1]!;
    assert.ok(line.startsWith(`https://graph.microsoft.com/${entry.name}`, entry.source.column! - 1), `${entry.name} at ${entry.source.line}:${entry.source.column}`);
    return `${entry.name} ${entry.type} ${entry.source.line}`;
  });
};

describe('app registrations that setup scripts make (CLI for Microsoft 365, AppCreationScripts)', () => {
  it('reads --apisDelegated and --apisApplication of entra app add, on one line or continued over several', () => {
    const bash = [
      '#!/usr/bin/env bash',
      'appInfo=$(m365 entra app add --name "Contoso" --withSecret --apisApplication "https://graph.microsoft.com/ExternalItem.ReadWrite.OwnedBy, https://graph.microsoft.com/ExternalConnection.ReadWrite.OwnedBy" --output json)',
      'm365 aad app add --name tab \\',
      "  --apisDelegated 'https://graph.microsoft.com/User.Read,https://contoso.sharepoint.com/AllSites.Read' \\",
      '  --platform spa',
      'm365 entra app add --name other --apisDelegated "$SCOPES"',
      '# m365 entra app list --apisDelegated "https://graph.microsoft.com/Mail.Read" is not a registration',
      '# m365 entra app add --apisDelegated "https://graph.microsoft.com/Mail.Send" (commented out)',
      'REM m365 entra app add --apisDelegated "https://graph.microsoft.com/Files.Read"',
    ].join('\n');
    assert.deepEqual(requested('setup.sh', bash), ['ExternalItem.ReadWrite.OwnedBy application 2', 'ExternalConnection.ReadWrite.OwnedBy application 2', 'User.Read delegated 4']);
    const powershell = ['$app = m365 entra appregistration add --name "Contoso" `', '  --apisDelegated "https://graph.microsoft.com/Calendars.Read" `', '  --apisApplication https://graph.microsoft.com/Sites.Selected', 'Write-Host done --apisDelegated "https://graph.microsoft.com/Mail.Send"'].join('\r\n');
    assert.deepEqual(requested('setup.ps1', powershell), ['Calendars.Read delegated 2', 'Sites.Selected application 3']);
  });

  it('reads entra app permission add, space-separated', () => {
    const script = 'm365 entra app permission add --appId $appId --applicationPermissions "https://graph.microsoft.com/User.Read.All https://graph.microsoft.com/Group.Read.All" --delegatedPermissions "https://graph.microsoft.com/Mail.Read" --grantAdminConsent\n';
    assert.deepEqual(requested('grant.sh', script), ['User.Read.All application 1', 'Group.Read.All application 1', 'Mail.Read delegated 1']);
  });

  it('reads the Azure CLI\'s az ad app permission add for Microsoft Graph, ids resolved through the data', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    const script = [
      'az ad app permission add --id $APP_ID --api 00000003-0000-0000-c000-000000000000 --api-permissions e1fe6dd8-ba31-4d61-89e7-88639da4683d=Scope \\',
      '  df021288-bdef-4463-88db-98f22de89214=Role',
      'az ad app permission add --id $APP_ID --api 00000002-0000-0000-c000-000000000000 --api-permissions 311a71cc-e848-46a1-bdf8-97ff7156d8e6=Scope',
      '# az ad app permission add --id $APP_ID --api 00000003-0000-0000-c000-000000000000 --api-permissions 024d486e-b451-40bb-833d-3e66d98c5c73=Scope',
    ].join('\n');
    const found = requestedFromCliScript(new SourceFile('setup.sh', script), '.', index).map((entry) => `${entry.name} ${entry.type} ${entry.via} ${entry.source.line}:${entry.source.column}`);
    assert.deepEqual(found, ['User.Read delegated cli-az 1:100', 'User.Read.All application cli-az 2:3']);
  });

  it('hostile scripts: endless continuations, unclosed quotes and 50,000 commands end with what they declare', () => {
    const endless = `m365 entra app add --name x ${'\\\n'.repeat(100_000)} --apisDelegated "https://graph.microsoft.com/User.Read"\n`;
    assert.deepEqual(requested('endless.sh', endless), [], 'a command is read over at most 200 lines');
    assert.deepEqual(requested('open.sh', 'm365 entra app add --apisDelegated "https://graph.microsoft.com/User.Read\n'), []);
    const many = 'm365 entra app add --apisDelegated "https://graph.microsoft.com/User.Read"\n'.repeat(50_000);
    assert.equal(requested('many.sh', many).length, 50_000);
  });

  it('a registration script is the app\'s declaration: its permissions are judged against the calls', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'setup.sh': 'm365 entra app add --name connector --withSecret --apisApplication "https://graph.microsoft.com/ExternalItem.ReadWrite.All,https://graph.microsoft.com/ExternalConnection.ReadWrite.OwnedBy"\n',
      'src/load.ts': "const credential = new ClientSecretCredential(tenant, id, secret);\nexport async function load(client, id, item) {\n  await client.api('/external/connections').post({ id });\n  await client.api(`/external/connections/${id}/items/${item.id}`).put(item);\n}\n",
    });
    const report = await permissionsReport(root);
    const analysis = report.permissionAnalysis!;
    assert.deepEqual(report.inventory!.permissionsRequested.map((entry) => `${entry.name} ${entry.via}`), ['ExternalItem.ReadWrite.All cli-m365', 'ExternalConnection.ReadWrite.OwnedBy cli-m365']);
    assert.deepEqual(analysis.needed.map((entry) => entry.name), ['ExternalConnection.ReadWrite.OwnedBy']);
    assert.deepEqual(analysis.excessive.map((entry) => `${entry.name} ${entry.reason} ${(entry.lowerAlternative ?? []).join('+')}`), ['ExternalItem.ReadWrite.All reducible ExternalItem.ReadWrite.OwnedBy']);
  });

  it('reads the older AppCreationScripts shape (apps.json: Entra requiredResourceAccess by GUID or x-ms-name) and reports it for editing by hand', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'AppCreationScripts/apps.json': JSON.stringify({ Sample: { Title: 'SPA' }, AppRegistrations: [{ 'x-ms-id': 'spa', requiredResourceAccess: [
        { resourceAppId: '00000003-0000-0000-c000-000000000000', resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope', 'x-ms-name': 'user.read' }, { id: '00000000-0000-0000-0000-00000000beef', type: 'Scope', 'x-ms-name': 'mail.read' }, { id: '11111111-0000-0000-0000-00000000beef', type: 'Scope' }] },
        { resourceAppId: '00000002-0000-0000-c000-000000000000', resourceAccess: [{ id: '311a71cc-e848-46a1-bdf8-97ff7156d8e6', type: 'Scope' }] },
      ] }] }, null, 2),
      'index.html': '<script>\n  fetch("https://graph.microsoft.com/v1.0/me");\n</script>\n',
    });
    const report = await permissionsReport(root);
    const requested = report.inventory!.permissionsRequested.map((entry) => `${entry.name} ${entry.type} ${entry.via}${entry.unresolved ? ' unresolved' : ''}`);
    // The GUID resolves through the data; an unknown GUID takes its label; one with neither stays a GUID; Azure AD Graph is no Microsoft Graph.
    assert.deepEqual(requested, ['User.Read delegated app-creation-script', 'Mail.Read delegated app-creation-script', '11111111-0000-0000-0000-00000000beef delegated app-creation-script unresolved']);
    const fix = await runCli(['permissions', root, '--data-dir', requireSharedData(), '--fix', '--dry-run', '--quiet']);
    assert.match(fix.stdout, /AppCreationScripts\/apps\.json:\d+ \(app-creation-script\): remove unused delegated permission Mail\.Read — edit by hand/);
  });
});
