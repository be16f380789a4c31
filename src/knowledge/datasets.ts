import type { Ecosystem } from '../extract/dependencies/types.ts';

/**
 * The knowledge files m365cert reads from its data directory, with the public upstream each is fetched from.
 * Paths inside the data directory mirror the upstream layout, so an offline mirror is a plain copy.
 *
 * Sources (all MIT-licensed, see each repository):
 * - microsoftgraph/microsoft-graph-devx-content: the Graph permissions document (Kibali format) that Graph
 *   Explorer and Dev Proxy use, plus provisioning data and consent descriptions.
 * - merill/microsoft-info: daily export of the Microsoft Graph service principal's scopes and app roles.
 * - microsoft/json-schemas: the Teams / Microsoft 365 app, Copilot and SPFx manifest schemas.
 * - OSV (osv.dev, CC-BY 4.0 and per-source licences): vulnerability advisories per package ecosystem.
 * - microsoftgraph/msgraph-sdk-powershell (MIT): the SDK's command map behind Find-MgGraphCommand.
 * Files compiled by hand (RSC table, add-in permission levels, the Graph endpoint list derived from Dev
 * Proxy's database) have no downloadable upstream: they come with an offline mirror (`data import`).
 */

export interface DatasetFile {
  /** POSIX path inside the data directory. */
  path: string;
  /** Public upstream URL; absent for compiled files that only an import provides. */
  url?: string;
  /** Download size limit when larger than the default (full advisory exports). */
  maxBytes?: number;
}

export interface Dataset {
  id: string;
  title: string;
  files: DatasetFile[];
  /** Fetched only when asked for (`--only`, `--for <dir>`): large, and needed only by trees that use them. */
  optional?: boolean;
}

const DEVX = 'https://raw.githubusercontent.com/microsoftgraph/microsoft-graph-devx-content/master/permissions';
const MERILL = 'https://raw.githubusercontent.com/merill/microsoft-info/main/_info';
const SCHEMAS = 'https://raw.githubusercontent.com/microsoft/json-schemas/main';

/** Teams app manifest versions published in microsoft/json-schemas (1.18 was never published there). */
export const TEAMS_MANIFEST_VERSIONS = [
  '1.0', '1.1', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8', '1.9', '1.10', '1.11', '1.12', '1.13', '1.14', '1.15', '1.16', '1.17',
  '1.19', '1.20', '1.21', '1.22', '1.23', '1.24', '1.25', '1.26', '1.27', '1.28', '1.29', '1.30', 'DevPreview',
];
export const DECLARATIVE_AGENT_VERSIONS = ['1.0', '1.2', '1.3', '1.4', '1.5', '1.6', '1.7', '1.8'];
export const API_PLUGIN_VERSIONS = ['2.1', '2.2', '2.3', '2.4'];

export function teamsSchemaPath(version: string): string {
  return `schemas/teams/v${version}/MicrosoftTeams.schema.json`;
}
export function declarativeAgentSchemaPath(version: string): string {
  return `schemas/copilot/declarative-agent/v${version}/schema.json`;
}
export function apiPluginSchemaPath(version: string): string {
  return `schemas/copilot/plugin/v${version}/schema.json`;
}
export const SPFX_PACKAGE_SOLUTION_SCHEMA_PATH = 'schemas/spfx-build/package-solution.schema.json';

function schemaFile(path: string): DatasetFile {
  return { path, url: `${SCHEMAS}/${path.slice('schemas/'.length)}` };
}

/** Public OSV exports, one zip of OSV records per ecosystem (https://google.github.io/osv.dev/data/). */
const OSV = 'https://osv-vulnerabilities.storage.googleapis.com';
export const ADVISORY_ECOSYSTEMS: readonly Ecosystem[] = ['npm', 'NuGet', 'PyPI', 'Maven', 'Go'];

/** The command that fetches the optional data a tree needs (advisories, the PowerShell command map), named wherever it was missing. */
export const OPTIONAL_DATA_COMMAND = 'm365cert data update --for .';

export const POWERSHELL_COMMANDS_DATASET = 'graph-powershell-commands';

export function advisoryDatasetId(ecosystem: Ecosystem): string {
  return `osv-${ecosystem.toLowerCase()}`;
}

export const DATASETS: Dataset[] = [
  { id: 'graph-permissions', title: 'Microsoft Graph permissions (paths, schemes, least privilege)', files: [{ path: 'graph/permissions.json', url: `${DEVX}/new/permissions.json` }] },
  { id: 'graph-provisioning', title: 'Microsoft Graph permission provisioning info', files: [{ path: 'graph/provisioningInfo.json', url: `${DEVX}/new/provisioningInfo.json` }] },
  { id: 'graph-permission-descriptions', title: 'Microsoft Graph permission consent descriptions', files: [{ path: 'graph/permissions-descriptions.json', url: `${DEVX}/permissions-descriptions.json` }] },
  {
    id: 'graph-service-principal',
    title: 'Microsoft Graph scope and app-role ids',
    files: [
      { path: 'graph/GraphDelegateRoles.json', url: `${MERILL}/GraphDelegateRoles.json` },
      { path: 'graph/GraphAppRoles.json', url: `${MERILL}/GraphAppRoles.json` },
    ],
  },
  { id: 'graph-endpoints', title: 'Microsoft Graph v1.0/beta GET endpoints (derived from Dev Proxy)', files: [{ path: 'graph/msgraph-openapi-v1.endpoints.csv' }] },
  { id: 'teams-rsc-permissions', title: 'Teams resource-specific consent permissions (compiled)', files: [{ path: 'graph/teams-rsc-permissions.json' }] },
  { id: 'office-addin-permissions', title: 'Office add-in permission levels (compiled)', files: [{ path: 'graph/office-addin-permission-levels.json' }] },
  { id: 'schemas-teams', title: 'Teams / Microsoft 365 app manifest schemas', files: TEAMS_MANIFEST_VERSIONS.map((v) => schemaFile(teamsSchemaPath(v))) },
  { id: 'schemas-declarative-agent', title: 'Copilot declarative agent manifest schemas', files: DECLARATIVE_AGENT_VERSIONS.map((v) => schemaFile(declarativeAgentSchemaPath(v))) },
  { id: 'schemas-api-plugin', title: 'Copilot API plugin manifest schemas', files: API_PLUGIN_VERSIONS.map((v) => schemaFile(apiPluginSchemaPath(v))) },
  { id: 'schemas-spfx', title: 'SharePoint Framework package-solution.json schema', files: [schemaFile(SPFX_PACKAGE_SOLUTION_SCHEMA_PATH)] },
  {
    id: POWERSHELL_COMMANDS_DATASET,
    title: 'Microsoft Graph PowerShell SDK command map (cmdlet → method and URI)',
    optional: true,
    files: [{ path: 'graph/MgCommandMetadata.json', url: 'https://raw.githubusercontent.com/microsoftgraph/msgraph-sdk-powershell/dev/src/Authentication/Authentication/custom/common/MgCommandMetadata.json', maxBytes: 256 * 1024 * 1024 }],
  },
  ...ADVISORY_ECOSYSTEMS.map((ecosystem) => ({
    id: advisoryDatasetId(ecosystem),
    title: `OSV vulnerability advisories: ${ecosystem}`,
    optional: true,
    files: [{ path: `osv/${ecosystem}/all.zip`, url: `${OSV}/${ecosystem}/all.zip`, maxBytes: 2 * 1024 * 1024 * 1024 }],
  })),
];

