import type { AppKind } from '../../engine/types.ts';
import {
  API_PLUGIN_VERSIONS,
  DECLARATIVE_AGENT_VERSIONS,
  SPFX_PACKAGE_SOLUTION_SCHEMA_PATH,
  TEAMS_MANIFEST_VERSIONS,
  apiPluginSchemaPath,
  declarativeAgentSchemaPath,
  teamsSchemaPath,
} from '../../knowledge/datasets.ts';
import { firstChild, type XmlElement } from '../../sources/formats/xml.ts';

/** What recognising one file tells: its kind and identity, and which official schema applies. */
export interface Recognition {
  kind: AppKind;
  version?: string;
  id?: string;
  name?: string;
  shape?: 'aad-graph' | 'ms-graph';
  /** Data-directory path of the schema this version validates against (set even when the file is missing). */
  schemaPath?: string;
  /** Set when the kind has schemas but none is published for this version. */
  schemaGap?: string;
}

type JsonObject = Record<string, unknown>;

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string | undefined {
  return typeof value === 'string' && value.length ? value : undefined;
}

function basename(path: string): string {
  return path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('!')) + 1);
}

/** Recognises the JSON manifests m365cert knows; returns undefined for any other JSON file. */
export function recognizeJson(path: string, value: unknown): Recognition | undefined {
  if (!isObject(value)) return undefined;
  const schemaUrl = str(value.$schema)?.toLowerCase() ?? '';
  const name = basename(path).toLowerCase();

  if (typeof value.manifestVersion === 'string' && (schemaUrl.includes('teams') || 'developer' in value || 'id' in value)) {
    const version = value.manifestVersion;
    const hasAddin = Array.isArray(value.extensions) && value.extensions.length > 0;
    const recognition: Recognition = { kind: hasAddin ? 'office-addin-unified' : 'teams-app', version, id: str(value.id), name: teamsName(value) };
    const schemaVersion = version.toLowerCase() === 'devpreview' ? 'DevPreview' : version;
    if (TEAMS_MANIFEST_VERSIONS.includes(schemaVersion)) recognition.schemaPath = teamsSchemaPath(schemaVersion);
    else recognition.schemaGap = `no official schema is published for manifest version ${version}`;
    return recognition;
  }

  if (schemaUrl.includes('declarative-agent') || (typeof value.instructions === 'string' && typeof value.name === 'string' && /^v1\.\d+$/.test(String(value.version)))) {
    const version = str(value.version)?.replace(/^v/, '') ?? /declarative-agent\/v([\d.]+)\//.exec(schemaUrl)?.[1];
    return withSchema({ kind: 'declarative-agent', version: version && `v${version}`, name: str(value.name) }, version, DECLARATIVE_AGENT_VERSIONS, declarativeAgentSchemaPath);
  }

  if (schemaUrl.includes('copilot/plugin') || (/^v2\.\d+$/.test(String(value.schema_version)) && ('name_for_human' in value || 'functions' in value || 'runtimes' in value))) {
    const version = str(value.schema_version)?.replace(/^v/, '') ?? /plugin\/v([\d.]+)\//.exec(schemaUrl)?.[1];
    return withSchema({ kind: 'api-plugin', version: version && `v${version}`, name: str(value.name_for_human) }, version, API_PLUGIN_VERSIONS, apiPluginSchemaPath);
  }

  if (isObject(value.solution) && (name === 'package-solution.json' || schemaUrl.includes('package-solution'))) {
    return { kind: 'spfx-solution', version: str(value.solution.version), id: str(value.solution.id), name: str(value.solution.name), schemaPath: SPFX_PACKAGE_SOLUTION_SCHEMA_PATH };
  }

  if (Array.isArray(value.requiredResourceAccess) || /^aad\.manifest(\.[\w-]+)?\.json$/.test(name)) {
    const entraKeys = ['appId', 'displayName', 'signInAudience', 'oauth2Permissions', 'replyUrlsWithType', 'api', 'web', 'spa', 'identifierUris', 'name'];
    if (!entraKeys.some((key) => key in value)) return undefined;
    const shape = 'replyUrlsWithType' in value || 'oauth2Permissions' in value || 'oauth2AllowImplicitFlow' in value || 'signInUrl' in value ? 'aad-graph' : 'ms-graph';
    const kind: AppKind = /^aad\.manifest(\.[\w-]+)?\.json$/.test(name) ? 'toolkit-aad-manifest' : 'entra-app';
    return { kind, shape, id: str(value.appId), name: str(value.displayName) ?? str(value.name) };
  }
  return undefined;
}

function withSchema(recognition: Recognition, version: string | undefined, published: string[], pathOf: (version: string) => string): Recognition {
  if (version && published.includes(version)) recognition.schemaPath = pathOf(version);
  else recognition.schemaGap = version ? `no official schema is published for version v${version}` : 'the manifest declares no version';
  return recognition;
}

function teamsName(value: JsonObject): string | undefined {
  const name = value.name;
  if (isObject(name)) return str(name.short) ?? str(name.full);
  return undefined;
}

/** Office add-in XML manifests (<OfficeApp>). */
export function recognizeXml(root: XmlElement): Recognition | undefined {
  if (root.local !== 'OfficeApp') return undefined;
  const displayName = firstChild(root, 'DisplayName')?.attributes.DefaultValue;
  return {
    kind: 'office-addin-xml',
    version: firstChild(root, 'Version')?.text.trim() || undefined,
    id: firstChild(root, 'Id')?.text.trim() || undefined,
    name: displayName || undefined,
  };
}

/** Microsoft 365 Agents Toolkit / Teams Toolkit project files (teamsapp.yml, m365agents.yml and their variants). */
export function recognizeYaml(path: string, value: unknown): Recognition | undefined {
  if (!/^(teamsapp|m365agents)(\.[\w-]+)?\.ya?ml$/i.test(basename(path)) || !isObject(value)) return undefined;
  return { kind: 'toolkit-project', version: str(value.version) };
}
