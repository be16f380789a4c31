import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { GraphPermissionIndex } from '../../src/knowledge/graph/permission-index.ts';
import { parseIac } from '../../src/sources/formats/iac.ts';
import { runCli } from '../harness/cli.ts';
import { lineOf } from '../harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

const index = GraphPermissionIndex.load(requireSharedData());
const scope = (name: string) => index.idOfName('Scope', name)!;
const role = (name: string) => index.idOfName('Role', name)!;

const terraform = `# App registration of the expense app
data "azuread_application_published_app_ids" "well_known" {}

data "azuread_service_principal" "msgraph" {
  client_id = data.azuread_application_published_app_ids.well_known.result.MicrosoftGraph
}

resource "azuread_application" "expenses" {
  display_name = "Expenses"
  required_resource_access {
    resource_app_id = "00000003-0000-0000-c000-000000000000" # Microsoft Graph
    resource_access {
      id   = "${scope('User.Read')}"
      type = "Scope"
    }
    resource_access {
      id   = data.azuread_service_principal.msgraph.oauth2_permission_scope_ids["Mail.ReadWrite"]
      type = "Scope"
    }
  }
  required_resource_access {
    resource_app_id = "00000002-0000-0ff1-ce00-000000000000" # SharePoint, not Graph
    resource_access {
      id   = "${scope('User.Read')}"
      type = "Scope"
    }
  }
}

resource "azuread_application_api_access" "graph" {
  application_id = azuread_application.expenses.id
  api_client_id  = data.azuread_application_published_app_ids.well_known.result["MicrosoftGraph"]
  role_ids = [
    data.azuread_service_principal.msgraph.app_role_ids["Mail.Send"],
  ]
}
`;

const bicep = `extension microsoftGraphV1

@description('The expense app')
resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: 'expenses'
  displayName: 'Expenses'
  requiredResourceAccess: [
    {
      resourceAppId: '00000003-0000-0000-c000-000000000000'
      resourceAccess: [
        { id: '${scope('Calendars.Read')}', type: 'Scope' }
        {
          id: '${role('User.Read.All')}'
          type: 'Role'
        }
      ]
    }
  ]
}
`;

describe('app registrations in Terraform and Bicep', () => {
  it('reads GUIDs and the azuread provider lookups, ignores other APIs, and judges them against the code', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'infra/app.tf': terraform,
      'infra/graph.bicep': bicep,
      'src/me.ts': "import { Client } from '@microsoft/microsoft-graph-client';\nexport const me = (graph: Client) => graph.api('/me').get();\n",
    });
    const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const requested = report.inventory!.permissionsRequested.map((permission) => `${permission.via} ${permission.type} ${permission.name} ${permission.source.file}:${permission.source.line}`).sort();
    assert.deepEqual(requested, [
      `bicep application User.Read.All infra/graph.bicep:${lineOf(bicep, role('User.Read.All'))}`,
      `bicep delegated Calendars.Read infra/graph.bicep:${lineOf(bicep, scope('Calendars.Read'))}`,
      `terraform application Mail.Send infra/app.tf:${lineOf(terraform, 'app_role_ids["Mail.Send"]')}`,
      `terraform delegated Mail.ReadWrite infra/app.tf:${lineOf(terraform, 'oauth2_permission_scope_ids["Mail.ReadWrite"]')}`,
      `terraform delegated User.Read infra/app.tf:${lineOf(terraform, scope('User.Read'))}`,
    ]);
    const unused = report.permissionAnalysis!.excessive.filter((entry) => entry.reason === 'unused').map((entry) => entry.name).sort();
    assert.ok(unused.includes('Mail.ReadWrite') && unused.includes('Calendars.Read'), JSON.stringify(report.permissionAnalysis!.excessive));
    assert.ok(!unused.includes('User.Read'), 'GET /me needs User.Read');
  });

  it('GUIDs held in Bicep vars and params, Terraform locals and variables, and Bicep lookups of a permission by name', async (t) => {
    const root = tempDir(t);
    const named = `extension microsoftGraphV1
var graphAppId = '00000003-0000-0000-c000-000000000000'
param userReadId string = '${scope('User.Read')}'
resource graphSp 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: graphAppId
}
resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: 'contoso'
  displayName: 'Contoso'
  requiredResourceAccess: [
    {
      resourceAppId: graphAppId
      resourceAccess: [
        { id: userReadId, type: 'Scope' }
        { id: filter(graphSp.appRoles, r => r.value == 'Mail.Read')[0].id, type: 'Role' }
        { id: filter(graphSp.oauth2PermissionScopes, s => s.value == 'Files.Read')[0].id, type: 'Scope' }
        { id: unknownId, type: 'Role' }
      ]
    }
  ]
}
`;
    const locals = `locals {
  graph_app_id = "00000003-0000-0000-c000-000000000000"
}
variable "calendar_scope" {
  default = "${scope('Calendars.Read')}"
}
resource "azuread_application" "app" {
  display_name = "Contoso"
  required_resource_access {
    resource_app_id = local.graph_app_id
    resource_access {
      id   = var.calendar_scope
      type = "Scope"
    }
  }
}
`;
    writeTree(root, { 'infra/named.bicep': named, 'infra/locals.tf': locals });
    const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const requested = report.inventory!.permissionsRequested.map((permission) => `${permission.via} ${permission.type} ${permission.name} ${permission.source.line}${permission.unresolved ? ' (not resolved)' : ''}`).sort();
    assert.deepEqual(requested, [
      `bicep application Mail.Read ${lineOf(named, "'Mail.Read'")}`,
      `bicep application unknownId ${lineOf(named, 'id: unknownId')} (not resolved)`,
      `bicep delegated Files.Read ${lineOf(named, "'Files.Read'")}`,
      `bicep delegated User.Read ${lineOf(named, 'id: userReadId')}`,
      `terraform delegated Calendars.Read ${lineOf(locals, 'var.calendar_scope')}`,
    ]);
  });

  // As Microsoft's Bicep and Terraform guidance grants a managed identity its Graph permissions: outright, on Graph's
  // service principal, since a managed identity has no registration to request them in.
  it('permissions granted on Graph\'s service principal (app role assignments, delegated grants), not those on another API', async (t) => {
    const root = tempDir(t);
    const bicep = `extension microsoftGraphV1
param principalId string
resource graphSp 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}
resource otherSp 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '11111111-2222-3333-4444-555555555555'
}
resource userRead 'Microsoft.Graph/appRoleAssignedTo@v1.0' = {
  appRoleId: (filter(graphSp.appRoles, role => role.value == 'User.Read.All')[0]).id
  principalId: principalId
  resourceId: graphSp.id
}
resource mailSend 'Microsoft.Graph/appRoleAssignedTo@v1.0' = {
  appRoleId: '${role('Mail.Send')}'
  principalId: principalId
  resourceId: graphSp.id
}
resource otherRole 'Microsoft.Graph/appRoleAssignedTo@v1.0' = {
  appRoleId: '${role('Sites.Read.All')}'
  principalId: principalId
  resourceId: otherSp.id
}
resource consent 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = {
  clientId: clientSp.id
  consentType: 'AllPrincipals'
  resourceId: graphSp.id
  scope: 'User.Read Calendars.Read'
}
`;
    const terraform = `data "azuread_application_published_app_ids" "well_known" {}
data "azuread_service_principal" "msgraph" {
  client_id = data.azuread_application_published_app_ids.well_known.result["MicrosoftGraph"]
}
resource "azuread_app_role_assignment" "groups" {
  app_role_id         = data.azuread_service_principal.msgraph.app_role_ids["Group.Read.All"]
  principal_object_id = azurerm_user_assigned_identity.app.principal_id
  resource_object_id  = data.azuread_service_principal.msgraph.object_id
}
resource "azuread_service_principal_delegated_permission_grant" "consent" {
  service_principal_object_id          = azuread_service_principal.app.object_id
  resource_service_principal_object_id = data.azuread_service_principal.msgraph.object_id
  claim_values                         = ["openid", "User.Read"]
}
`;
    // A loop over a list of role names, as public Logic App and Function templates grant their identity's roles.
    const loop = `resource graphSpn 'Microsoft.Graph/servicePrincipals@v1.0' existing = {
  appId: '00000003-0000-0000-c000-000000000000'
}
param appRoles array = [
  'Device.Read.All'
]
param otherRoles array = [
  'Sites.Read.All'
]
resource assignAppRole 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [for appRole in appRoles: {
  appRoleId: (filter(graphSpn.appRoles, role => role.value == appRole)[0]).id
  principalId: miSpn.id
  resourceId: graphSpn.id
}]
resource assignOther 'Microsoft.Graph/appRoleAssignedTo@v1.0' = [for appRole in otherRoles: {
  appRoleId: (filter(apiSp.appRoles, role => role.value == appRole)[0]).id
  principalId: miSpn.id
  resourceId: apiSp.id
}]
`;
    writeTree(root, { 'infra/grants.bicep': bicep, 'infra/grants.tf': terraform, 'infra/loop.bicep': loop });
    const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const requested = report.inventory!.permissionsRequested.map((permission) => `${permission.via} ${permission.type} ${permission.name} ${permission.source.line}`).sort();
    assert.deepEqual(requested, [
      `bicep application Device.Read.All ${lineOf(loop, "'Device.Read.All'")}`,
      `bicep application Mail.Send ${lineOf(bicep, `'${role('Mail.Send')}'`)}`,
      `bicep application User.Read.All ${lineOf(bicep, "'User.Read.All'")}`,
      `bicep delegated Calendars.Read ${lineOf(bicep, "scope: 'User.Read")}`,
      `bicep delegated User.Read ${lineOf(bicep, "scope: 'User.Read")}`,
      `terraform application Group.Read.All ${lineOf(terraform, '"Group.Read.All"')}`,
      `terraform delegated User.Read ${lineOf(terraform, 'claim_values')}`,
      `terraform delegated openid ${lineOf(terraform, 'claim_values')}`,
    ]);
  });

  it('a broken file is reported with its line and the scan goes on', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'infra/app.tf': 'resource "azuread_application" "x" {\n  required_resource_access {\n    resource_app_id = "00000003-0000-0000-c000-000000000000"\n' });
    const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    assert.ok(report.problems.some((problem) => problem.file === 'infra/app.tf' && problem.line === 2 && /could not parse Terraform: the block opened on line 2 is not closed/.test(problem.message)), JSON.stringify(report.problems));
  });

  it('the reader survives hostile input', () => {
    assert.throws(() => parseIac('a = '.concat('{ b = '.repeat(200)), 'hcl'), /nesting deeper than 64/);
    assert.throws(() => parseIac('x = [1, 2', 'hcl'), /not closed/);
    assert.deepEqual(parseIac('x = [ ) ]\ny = "ok"\n', 'hcl').map((entry) => entry.key), ['x', 'y']);
    const big = `locals {\n${Array.from({ length: 20_000 }, (_, i) => `  v${i} = "value ${i}"`).join('\n')}\n}\n`;
    const parsed = parseIac(big, 'hcl');
    assert.equal(parsed[0]!.value.kind === 'object' ? parsed[0]!.value.entries.length : 0, 20_000);
    assert.deepEqual(parseIac("param location string = resourceGroup().location\nvar name = 'x'\n", 'bicep').map((entry) => [entry.key, entry.labels.join(' ')]), [['param', 'location string'], ['var', 'name']]);
  });
});
