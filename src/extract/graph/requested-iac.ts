import type { GraphPermissionIndex } from '../../knowledge/graph/permission-index.ts';
import { entriesNamed, type IacEntry, type IacValue } from '../../sources/formats/iac.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { GRAPH_APP_ID } from './requested.ts';
import type { RequestedPermission } from './types.ts';

/**
 * Graph permissions requested by app registrations in infrastructure code:
 * - Terraform azuread: `azuread_application` `required_resource_access { resource_app_id, resource_access { id, type } }`
 *   and `azuread_application_api_access` `scope_ids` / `role_ids`; ids are GUIDs or the provider's lookups
 *   `…oauth2_permission_scope_ids["User.Read"]` / `…app_role_ids["Mail.Send"]`;
 * - Bicep with the Microsoft Graph extension: `resource … 'Microsoft.Graph/applications@…'` with
 *   `requiredResourceAccess: [{ resourceAppId, resourceAccess: [{ id, type }] }]`; an id is a GUID or a lookup in
 *   Graph's service principal by name (`filter(graphSp.appRoles, r => r.value == 'Mail.Read')[0].id`).
 * And permissions granted outright, as a managed identity (which has no registration to request them) gets its own:
 * Terraform `azuread_app_role_assignment` (`app_role_id`, on Graph's service principal as `resource_object_id`) and
 * `azuread_service_principal_delegated_permission_grant` (`claim_values`); Bicep `Microsoft.Graph/appRoleAssignedTo`
 * (`appRoleId`, `resourceId`) and `Microsoft.Graph/oauth2PermissionGrants` (`scope`), on Graph's service principal
 * (`resource graphSp 'Microsoft.Graph/servicePrincipals@…' existing = { appId: '00000003-…' }`, then `graphSp.id`).
 * Graph is recognised by its app id or by the provider's well-known lookups naming Microsoft Graph. A GUID may
 * be held in a Bicep `var` or `param` default, a Terraform `locals` entry or `variable` default.
 */
export const IAC_REGISTRATION_HINT = /required_resource_access|azuread_application_api_access|azuread_app_role_assignment|azuread_service_principal_delegated_permission_grant|Microsoft\.Graph\/(applications|appRoleAssignedTo|oauth2PermissionGrants)/;

export function requestedFromIac(file: SourceFile, entries: readonly IacEntry[], appRoot: string, index: GraphPermissionIndex | undefined): RequestedPermission[] {
  const language = /\.tf$/i.test(file.path) ? 'hcl' : 'bicep';
  const requested: RequestedPermission[] = [];
  const add = (name: string | undefined, id: string, kind: 'Scope' | 'Role', line: number, via: string) => {
    const resolved = name ?? index?.nameOfId(kind, id);
    requested.push({ resource: 'Microsoft Graph', name: resolved ?? id, type: kind === 'Scope' ? 'delegated' : 'application', source: { file: file.path, line }, via, appRoot, ...(resolved ? {} : { unresolved: true }) });
  };
  const lookup = (value: IacValue): { name: string; kind: 'Scope' | 'Role' } | undefined => {
    if (value.kind !== 'expression') return undefined;
    const match = /(oauth2_permission_scope_ids|app_role_ids)\s*\[\s*"([^"]+)"\s*\]/.exec(value.text) ?? /\b(oauth2PermissionScopes|appRoles)\b[^'"]*['"]([^'"]+)['"]/.exec(value.text);
    return match ? { name: match[2]!, kind: /^(app_role_ids|appRoles)$/.test(match[1]!) ? 'Role' : 'Scope' } : undefined;
  };
  /** A permission id as written: a lookup by name, else a GUID (or an expression, listed as not resolved). */
  const addId = (id: IacValue | undefined, kind: 'Scope' | 'Role', via: string) => {
    const named = id && lookup(id);
    if (named) add(named.name, named.name, named.kind, id.line, via);
    else if (id) add(undefined, idText(id), kind, id.line, via);
  };
  const constants = namedStrings(entries, language);
  /** A reference to a string the file names (`graphAppId`, `local.graph_app_id`) as the string. */
  const valueOf = (value: IacValue | undefined): IacValue | undefined => {
    const known = value?.kind === 'expression' ? constants.get(value.text.trim()) : undefined;
    return known === undefined ? value : { kind: 'string', value: known, line: value!.line };
  };

  if (language === 'hcl') {
    for (const resource of entries.filter((entry) => entry.key === 'resource')) {
      const [type] = resource.labels;
      if (type === 'azuread_application') {
        for (const access of entriesNamed(resource.value, 'required_resource_access')) {
          if (!isGraph(valueOf(attribute(access.value, 'resource_app_id')))) continue;
          for (const item of entriesNamed(access.value, 'resource_access')) {
            addId(valueOf(attribute(item.value, 'id')), text(attribute(item.value, 'type')) === 'Role' ? 'Role' : 'Scope', 'terraform');
          }
        }
      }
      if (type === 'azuread_app_role_assignment' && isGraph(valueOf(attribute(resource.value, 'resource_object_id')))) {
        addId(valueOf(attribute(resource.value, 'app_role_id')), 'Role', 'terraform');
      }
      if (type === 'azuread_service_principal_delegated_permission_grant' && isGraph(valueOf(attribute(resource.value, 'resource_service_principal_object_id')))) {
        const claims = attribute(resource.value, 'claim_values');
        for (const claim of claims?.kind === 'array' ? claims.items : []) {
          const name = text(valueOf(claim));
          if (name) add(name, name, 'Scope', claim.line, 'terraform');
        }
      }
      if (type === 'azuread_application_api_access' && isGraph(valueOf(attribute(resource.value, 'api_client_id')))) {
        for (const [key, kind] of [['scope_ids', 'Scope'], ['role_ids', 'Role']] as const) {
          const list = attribute(resource.value, key);
          for (const listed of list?.kind === 'array' ? list.items : []) {
            addId(valueOf(listed), kind, 'terraform');
          }
        }
      }
    }
    return requested;
  }

  for (const resource of entries.filter((entry) => entry.key === 'resource' && entry.labels.some((label) => /^Microsoft\.Graph\/applications@/i.test(label)))) {
    const accessList = attribute(resource.value, 'requiredResourceAccess');
    for (const access of accessList?.kind === 'array' ? accessList.items : []) {
      if (!isGraph(valueOf(attribute(access, 'resourceAppId')))) continue;
      const items = attribute(access, 'resourceAccess');
      for (const item of items?.kind === 'array' ? items.items : []) {
        addId(valueOf(attribute(item, 'id')), text(attribute(item, 'type')) === 'Role' ? 'Role' : 'Scope', 'bicep');
      }
    }
  }
  // Grants on Graph's service principal, named in the file as an existing resource (or its object id written out).
  const graphPrincipals = new Set(entries.filter((entry) => entry.key === 'resource' && /^Microsoft\.Graph\/servicePrincipals@/i.test(entry.labels[1] ?? '') && isGraph(valueOf(attribute(entry.value, 'appId')))).map((entry) => entry.labels[0]!));
  /** Lists a Bicep file names (`param appRoles array = [...]`, `var roles = [...]`). */
  const lists = new Map(entries.flatMap((entry) => ((entry.key === 'param' || entry.key === 'var') && entry.labels[0] && entry.value.kind === 'array' ? [[entry.labels[0], entry.value.items] as const] : [])));
  const onGraph = (value: IacValue | undefined) => value?.kind === 'expression' && graphPrincipals.has(value.text.trim().replace(/\.id$/, ''));
  for (const resource of entries.filter((entry) => entry.key === 'resource')) {
    const type = resource.labels[1] ?? '';
    // A loop granting each role of a list (`= [for appRole in appRoles: { appRoleId: (filter(graphSp.appRoles, role =>
    // role.value == appRole)[0]).id, resourceId: graphSp.id }]`): each name of the list, where the list is the file's.
    if (/^Microsoft\.Graph\/appRoleAssignedTo@/i.test(type) && resource.value.kind === 'expression') {
      const loop = /^\[\s*for\s+(\w+)\s+in\s+(\w+)\s*:([\s\S]*)\]$/.exec(resource.value.text.trim());
      const body = loop?.[3] ?? '';
      const resourceId = /\bresourceId\s*:\s*([A-Za-z_]\w*)\.id\b/.exec(body)?.[1];
      const byLoopName = loop && new RegExp(`appRoles[\\s\\S]*?value\\s*=\\s*=\\s*${loop[1]}\\b`).test(body);
      const list = loop && byLoopName && resourceId && graphPrincipals.has(resourceId) ? lists.get(loop[2]!) : undefined;
      for (const item of list ?? []) if (item.kind === 'string') add(item.value, item.value, 'Role', item.line, 'bicep');
    }
    if (/^Microsoft\.Graph\/appRoleAssignedTo@/i.test(type) && onGraph(attribute(resource.value, 'resourceId'))) {
      addId(valueOf(attribute(resource.value, 'appRoleId')), 'Role', 'bicep');
    }
    if (/^Microsoft\.Graph\/oauth2PermissionGrants@/i.test(type) && onGraph(attribute(resource.value, 'resourceId'))) {
      const scope = valueOf(attribute(resource.value, 'scope'));
      for (const name of text(scope)?.split(/\s+/).filter(Boolean) ?? []) add(name, name, 'Scope', scope!.line, 'bicep');
    }
  }
  return requested;
}

/** Strings a file names: Bicep `var x = '…'` and `param x string = '…'`; Terraform `locals { x = "…" }` as `local.x` and `variable "x" { default = "…" }` as `var.x`. */
function namedStrings(entries: readonly IacEntry[], language: 'hcl' | 'bicep'): Map<string, string> {
  const named = new Map<string, string>();
  for (const entry of entries) {
    if (language === 'bicep' && (entry.key === 'var' || entry.key === 'param') && entry.labels[0] && entry.value.kind === 'string') named.set(entry.labels[0], entry.value.value);
    if (language === 'hcl' && entry.key === 'locals' && entry.value.kind === 'object') for (const local of entry.value.entries) if (local.value.kind === 'string') named.set(`local.${local.key}`, local.value.value);
    const fallback = language === 'hcl' && entry.key === 'variable' && entry.labels[0] ? text(attribute(entry.value, 'default')) : undefined;
    if (fallback !== undefined) named.set(`var.${entry.labels[0]}`, fallback);
  }
  return named;
}

/** A permission id as written: the GUID, or the expression computing it (listed as not resolved, never dropped). */
function idText(value: IacValue): string {
  return value.kind === 'string' ? value.value : value.kind === 'expression' ? value.text : `(${value.kind})`;
}

function attribute(value: IacValue | undefined, key: string): IacValue | undefined {
  return value?.kind === 'object' ? value.entries.find((entry) => entry.key === key)?.value : undefined;
}

function text(value: IacValue | undefined): string | undefined {
  return value?.kind === 'string' ? value.value : undefined;
}

/** Graph's app id, or the azuread provider's well-known lookups and service principal data sources for it. */
function isGraph(value: IacValue | undefined): boolean {
  if (!value) return false;
  if (value.kind === 'string') return value.value.toLowerCase() === GRAPH_APP_ID;
  return value.kind === 'expression' && /MicrosoftGraph|msgraph|microsoft_graph|\bgraph\b/i.test(value.text);
}
