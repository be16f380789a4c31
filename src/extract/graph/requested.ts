import type { GraphPermissionIndex } from '../../knowledge/graph/permission-index.ts';
import { childrenNamed, descendants, firstChild } from '../../sources/formats/xml.ts';
import { parseJson, type JsonDocument } from '../../sources/formats/json.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { jsonLocation, xmlLocation, type JsonManifest, type Manifest } from '../inventory.ts';
import { withoutGraphHost } from './sdk-shapes.ts';
import type { PermissionType, RequestedPermission } from './types.ts';

export const GRAPH_APP_ID = '00000003-0000-0000-c000-000000000000';
const GRAPH_NAMES = new Set(['microsoft graph', GRAPH_APP_ID]);
const SHAREPOINT_NAMES = new Set(['office 365 sharepoint online', '00000003-0000-0ff1-ce00-000000000000', 'sharepoint']);
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Outlook and document add-in levels in the unified manifest's resourceSpecific list (Office.js, not Graph). */
const ADDIN_LEVELS = /^(Mailbox(Item)?\.[A-Za-z]+\.User|Document\.[A-Za-z]+\.User|Mailbox\.AppendOnSend\.User)$/;

export function isGraphResource(resource: string): boolean {
  return GRAPH_NAMES.has(resource.trim().toLowerCase());
}

/**
 * Every permission the manifests request: Entra `requiredResourceAccess` (GUIDs resolved through the Graph
 * service principal data, or names as Agents Toolkit writes them), Teams resource-specific consent (current
 * and legacy), SPFx `webApiPermissionRequests`, Office add-in levels and add-in SSO scopes.
 */
export function requestedFromManifests(manifests: readonly Manifest[], index: GraphPermissionIndex | undefined): RequestedPermission[] {
  const requested: RequestedPermission[] = [];
  for (const manifest of manifests) {
    if (manifest.format === 'json') {
      if (manifest.kind === 'entra-app' || manifest.kind === 'toolkit-aad-manifest') requested.push(...fromRequiredResourceAccess(manifest, index));
      if (manifest.kind === 'teams-app' || manifest.kind === 'office-addin-unified') requested.push(...fromTeamsManifest(manifest));
      if (manifest.kind === 'spfx-solution') requested.push(...fromSpfx(manifest));
    } else if (manifest.format === 'xml' && manifest.kind === 'office-addin-xml') {
      for (const element of descendants(manifest.doc.root)) {
        const at = xmlLocation(manifest, element);
        const source = { file: at.file, line: at.line, column: at.column };
        if (element.local === 'Permissions' && element.text.trim()) {
          requested.push({ resource: 'Office add-in', name: element.text.trim(), type: 'addin', source, via: 'addin-xml', appRoot: manifest.appRoot });
        }
        if (element.local === 'WebApplicationInfo') {
          const scopes = firstChild(element, 'Scopes');
          for (const scope of scopes ? childrenNamed(scopes, 'Scope') : []) {
            const name = scope.text.trim();
            const where = xmlLocation(manifest, scope);
            if (name) requested.push({ resource: 'Microsoft Graph', name, type: 'delegated', source: { file: where.file, line: where.line, column: where.column }, via: 'addin-sso', appRoot: manifest.appRoot });
          }
        }
      }
    }
  }
  return requested;
}

/** One permission of an Entra `requiredResourceAccess` list, with its place in the list (`[resource, 'resourceAccess', access]`). */
interface ResourceAccessEntry {
  resourceId: string;
  graph: boolean;
  id: string;
  kind: 'Scope' | 'Role';
  /** The name some tools write beside the id (`x-ms-name` in AppCreationScripts). */
  label?: string;
  path: (string | number)[];
}

/** The permissions a `requiredResourceAccess` list holds; entries without an id or a Scope/Role type are skipped. */
function resourceAccessEntries(list: unknown): ResourceAccessEntry[] {
  if (!Array.isArray(list)) return [];
  return list.flatMap((resource: unknown, resourceIndex: number) => {
    const { resourceAppId, resourceAccess } = (resource ?? {}) as { resourceAppId?: unknown; resourceAccess?: unknown };
    const resourceId = typeof resourceAppId === 'string' ? resourceAppId : '';
    const graph = isGraphResource(resourceId);
    if (!Array.isArray(resourceAccess)) return [];
    return resourceAccess.flatMap((access: unknown, accessIndex: number): ResourceAccessEntry[] => {
      const { id, type, 'x-ms-name': label } = (access ?? {}) as { id?: unknown; type?: unknown; 'x-ms-name'?: unknown };
      if (typeof id !== 'string' || (type !== 'Scope' && type !== 'Role')) return [];
      return [{ resourceId, graph, id, kind: type, ...(typeof label === 'string' && label.trim() ? { label: label.trim() } : {}), path: [resourceIndex, 'resourceAccess', accessIndex] }];
    });
  });
}

/** The Graph permission an entry's id names (a GUID resolved through the permission data); undefined when the data lacks it. */
function graphNameOf(entry: ResourceAccessEntry, index: GraphPermissionIndex | undefined): string | undefined {
  return GUID.test(entry.id) ? index?.nameOfId(entry.kind, entry.id) : entry.id;
}

function fromRequiredResourceAccess(manifest: JsonManifest, index: GraphPermissionIndex | undefined): RequestedPermission[] {
  return resourceAccessEntries((manifest.doc.value as { requiredResourceAccess?: unknown }).requiredResourceAccess).map((entry) => {
    const jsonPath = ['requiredResourceAccess', ...entry.path];
    const at = jsonLocation(manifest, [...jsonPath, 'id']);
    // Another resource's permission keeps its id: only Graph's are resolved (and unresolved when the data lacks one).
    const name = entry.graph ? graphNameOf(entry, index) : entry.id;
    const type: PermissionType = SHAREPOINT_NAMES.has(entry.resourceId.toLowerCase()) ? 'sharepoint' : entry.kind === 'Scope' ? 'delegated' : 'application';
    return {
      resource: entry.graph ? 'Microsoft Graph' : entry.resourceId,
      name: name ?? entry.id,
      type,
      source: { file: at.file, line: at.line, column: at.column },
      via: manifest.kind === 'toolkit-aad-manifest' ? 'aad-manifest' : 'entra-manifest',
      appRoot: manifest.appRoot,
      ...(name ? {} : { unresolved: true }),
      jsonPath,
    };
  });
}

/** A Graph permission of a registration file m365cert reports but does not edit (ARM templates, AppCreationScripts). */
function reportedGraphPermission(entry: ResourceAccessEntry, name: string | undefined, file: SourceFile, at: { line: number; column?: number } | undefined, via: string, appRoot: string): RequestedPermission {
  return { resource: 'Microsoft Graph', name: name ?? entry.id, type: entry.kind === 'Scope' ? 'delegated' : 'application', source: { file: file.path, line: at?.line ?? 1, column: at?.column }, via, appRoot, ...(name ? {} : { unresolved: true }) };
}

/**
 * App registrations in ARM templates (the Microsoft Graph Bicep/ARM extension's `Microsoft.Graph/applications`
 * resources, compiled templates included): their `requiredResourceAccess` is what gets deployed.
 */
export function requestedFromArmTemplate(file: SourceFile, appRoot: string, index: GraphPermissionIndex | undefined, document?: JsonDocument): RequestedPermission[] {
  if (!file.text.includes('Microsoft.Graph/applications')) return [];
  const parsed = document ? { ok: true as const, doc: document } : parseJson(file);
  if (!parsed.ok) return [];
  const resources = (parsed.doc.value as { resources?: unknown }).resources;
  const list = Array.isArray(resources) ? resources.map((resource, position) => [position, resource] as const) : resources && typeof resources === 'object' ? Object.entries(resources) : [];
  const out: RequestedPermission[] = [];
  for (const [key, resource] of list) {
    const { type, properties } = (resource ?? {}) as { type?: unknown; properties?: { requiredResourceAccess?: unknown } };
    if (typeof type !== 'string' || !/^Microsoft\.Graph\/applications@/i.test(type)) continue;
    for (const entry of resourceAccessEntries(properties?.requiredResourceAccess)) {
      if (!entry.graph) continue;
      const at = parsed.doc.locate(['resources', key, 'properties', 'requiredResourceAccess', ...entry.path, 'id']);
      out.push(reportedGraphPermission(entry, graphNameOf(entry, index), file, at, 'arm-template', appRoot));
    }
  }
  return out;
}

/** Azure-Samples' registration scripts read `AppCreationScripts/sample.json` (or `apps.json`): the app registrations they create. */
export const APP_CREATION_SCRIPT = /(^|\/)AppCreationScripts\/[^/]+\.json$/i;

/** The older AppCreationScripts shape (`apps.json`): Entra `requiredResourceAccess` entries per registration. Reported, not edited. */
function fromAppRegistrations(document: JsonDocument, file: SourceFile, appRoot: string, index: GraphPermissionIndex | undefined): RequestedPermission[] {
  const registrations = (document.value as { AppRegistrations?: unknown }).AppRegistrations;
  return (Array.isArray(registrations) ? registrations : []).flatMap((registration: unknown, registrationIndex: number) =>
    resourceAccessEntries((registration as { requiredResourceAccess?: unknown } | null)?.requiredResourceAccess)
      .filter((entry) => entry.graph)
      .map((entry) => {
        // An id the data lacks may still carry its name beside it (`x-ms-name`).
        const name = graphNameOf(entry, index) ?? (entry.label ? (index?.canonicalName(entry.label) ?? entry.label) : undefined);
        const at = document.locate(['AppRegistrations', registrationIndex, 'requiredResourceAccess', ...entry.path, 'id']);
        return reportedGraphPermission(entry, name, file, at, 'app-creation-script', appRoot);
      }),
  );
}

/**
 * Graph permissions of the registrations a sample's AppCreationScripts create (Microsoft's identity samples:
 * `"AADApps": [{ "RequiredResourcesAccess": [{ "Resource": "Microsoft Graph", "DelegatedPermissions": ["User.Read"],
 * "ApplicationPermissions": […] }] }]`, and the older `"AppRegistrations": [{ "requiredResourceAccess": [{
 * "resourceAppId", "resourceAccess": [{ "id", "type", "x-ms-name" }] }] }]`), the registration a `/.default` scope
 * stands for. GUIDs resolve through the service principal data, else the entry's `x-ms-name`.
 */
export function requestedFromAppCreationScript(file: SourceFile, appRoot: string, document?: JsonDocument, index?: GraphPermissionIndex): RequestedPermission[] {
  if (!APP_CREATION_SCRIPT.test(file.path) || !/RequiredResourcesAccess|requiredResourceAccess/.test(file.text)) return [];
  const parsed = document ? { ok: true as const, doc: document } : parseJson(file);
  if (!parsed.ok) return [];
  const apps = (parsed.doc.value as { AADApps?: unknown }).AADApps;
  const out: RequestedPermission[] = fromAppRegistrations(parsed.doc, file, appRoot, index);
  (Array.isArray(apps) ? apps : []).forEach((app: unknown, appIndex: number) => {
    const resources = (app as { RequiredResourcesAccess?: unknown } | null)?.RequiredResourcesAccess;
    (Array.isArray(resources) ? resources : []).forEach((resource: unknown, resourceIndex: number) => {
      const entry = (resource ?? {}) as Record<string, unknown>;
      if (typeof entry.Resource !== 'string' || !isGraphResource(entry.Resource)) return;
      for (const [key, type] of [['DelegatedPermissions', 'delegated'], ['ApplicationPermissions', 'application']] as const) {
        const names = entry[key];
        (Array.isArray(names) ? names : []).forEach((name: unknown, nameIndex: number) => {
          if (typeof name !== 'string' || !name.trim()) return;
          const jsonPath = ['AADApps', appIndex, 'RequiredResourcesAccess', resourceIndex, key, nameIndex];
          const at = parsed.doc.locate(jsonPath);
          out.push({ resource: 'Microsoft Graph', name: name.trim(), type, source: { file: file.path, line: at?.line ?? 1, column: at?.column }, via: 'app-creation-script', appRoot, jsonPath });
        });
      }
    });
  });
  return out;
}

function fromTeamsManifest(manifest: JsonManifest): RequestedPermission[] {
  const value = manifest.doc.value as { authorization?: { permissions?: { resourceSpecific?: unknown } }; webApplicationInfo?: { applicationPermissions?: unknown; nestedAppAuthInfo?: unknown }; bots?: unknown };
  const out: RequestedPermission[] = [];
  const besideBot = Array.isArray(value.bots) && value.bots.length > 0;
  const grants = value.authorization?.permissions?.resourceSpecific;
  if (Array.isArray(grants)) {
    grants.forEach((grant: unknown, index: number) => {
      const { name, type } = (grant ?? {}) as { name?: unknown; type?: unknown };
      if (typeof name !== 'string') return;
      const jsonPath = ['authorization', 'permissions', 'resourceSpecific', index];
      const at = jsonLocation(manifest, [...jsonPath, 'name']);
      const source = { file: at.file, line: at.line, column: at.column };
      if (ADDIN_LEVELS.test(name)) out.push({ resource: 'Office add-in', name, type: 'addin', source, via: 'addin-unified', appRoot: manifest.appRoot });
      else out.push({ resource: 'Microsoft Teams (RSC)', name, type: 'rsc', source, via: 'teams-rsc', appRoot: manifest.appRoot, jsonPath, rsc: { mode: typeof type === 'string' && type.toLowerCase() === 'delegated' ? 'delegated' : 'application', besideBot } });
    });
  }
  // Nested app authentication: the scopes the tab's token is prefetched with (Graph scopes, by name or URL).
  const nested = value.webApplicationInfo?.nestedAppAuthInfo;
  if (Array.isArray(nested)) {
    nested.forEach((entry: unknown, entryIndex: number) => {
      const scopes = (entry as { scopes?: unknown })?.scopes;
      if (!Array.isArray(scopes)) return;
      scopes.forEach((scope: unknown, scopeIndex: number) => {
        if (typeof scope !== 'string') return;
        const name = withoutGraphHost(scope);
        if (name === scope && /^(api|https?):\/\//i.test(scope)) return; // another API's scope
        const at = jsonLocation(manifest, ['webApplicationInfo', 'nestedAppAuthInfo', entryIndex, 'scopes', scopeIndex]);
        out.push({ resource: 'Microsoft Graph', name, type: 'delegated', source: { file: at.file, line: at.line, column: at.column }, via: 'teams-naa', appRoot: manifest.appRoot });
      });
    });
  }
  const legacy = value.webApplicationInfo?.applicationPermissions;
  if (Array.isArray(legacy)) {
    legacy.forEach((name: unknown, index: number) => {
      if (typeof name !== 'string') return;
      const jsonPath = ['webApplicationInfo', 'applicationPermissions', index];
      const at = jsonLocation(manifest, jsonPath);
      // The legacy list holds application RSC only.
      out.push({ resource: 'Microsoft Teams (RSC)', name, type: 'rsc', source: { file: at.file, line: at.line, column: at.column }, via: 'teams-legacy-rsc', appRoot: manifest.appRoot, jsonPath, rsc: { mode: 'application', besideBot } });
    });
  }
  return out;
}

function fromSpfx(manifest: JsonManifest): RequestedPermission[] {
  const solution = (manifest.doc.value as { solution?: { webApiPermissionRequests?: unknown } }).solution;
  const requests = solution?.webApiPermissionRequests;
  if (!Array.isArray(requests)) return [];
  const out: RequestedPermission[] = [];
  requests.forEach((request: unknown, index: number) => {
    const { resource, scope } = (request ?? {}) as { resource?: unknown; scope?: unknown };
    if (typeof resource !== 'string' || typeof scope !== 'string') return;
    const at = jsonLocation(manifest, ['solution', 'webApiPermissionRequests', index, 'scope']);
    const graph = isGraphResource(resource);
    const type: PermissionType = SHAREPOINT_NAMES.has(resource.toLowerCase()) ? 'sharepoint' : 'delegated';
    out.push({ resource: graph ? 'Microsoft Graph' : resource, name: scope, type, source: { file: at.file, line: at.line, column: at.column }, via: 'spfx', appRoot: manifest.appRoot, jsonPath: ['solution', 'webApiPermissionRequests', index] });
  });
  return out;
}
