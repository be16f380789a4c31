import type { AppKind, AppSummary, Location } from '../engine/types.ts';
import type { SchemaOutcome } from '../knowledge/schemas.ts';
import type { JsonDocument } from '../sources/formats/json.ts';
import type { XmlDocument, XmlElement } from '../sources/formats/xml.ts';
import type { YamlDocument } from '../sources/formats/yaml.ts';
import type { SourceFile } from '../sources/source-file.ts';
import type { GraphPermissionIndex } from '../knowledge/graph/permission-index.ts';
import type { GraphFacts } from './graph/index.ts';
import type { ConnectivityFacts } from './hosts/index.ts';
import type { EndpointSnapshot } from '../probe/index.ts';
import type { SecretFact } from './secrets/index.ts';
import type { InsecurePattern } from './patterns/types.ts';
import type { RepositoryEvidence } from './repository/index.ts';
import type { Dependency } from './dependencies/index.ts';
import type { VulnerabilityFacts } from './vulnerabilities/index.ts';
import type { RuntimeUse } from './runtimes/index.ts';

interface ManifestBase {
  kind: AppKind;
  file: string;
  version?: string;
  id?: string;
  name?: string;
  /** Folder of the project the manifest belongs to (the app it is part of). */
  appRoot: string;
  /** Result of validating against the official schema; absent for kinds without a published schema. */
  schema?: SchemaOutcome;
  /** Path of the official schema inside the data directory, when the kind has one. */
  schemaPath?: string;
}

export interface JsonManifest extends ManifestBase {
  format: 'json';
  doc: JsonDocument;
  /** Entra app objects come in two shapes: the classic Azure AD Graph manifest and the Microsoft Graph application. */
  shape?: 'aad-graph' | 'ms-graph';
}

export interface XmlManifest extends ManifestBase {
  format: 'xml';
  doc: XmlDocument;
}

export interface YamlManifest extends ManifestBase {
  format: 'yaml';
  doc: YamlDocument;
}

export type Manifest = JsonManifest | XmlManifest | YamlManifest;

/** The facts a scan gathered. Checks read only this; they never touch files. */
export interface Inventory {
  root: string;
  files: readonly SourceFile[];
  manifests: readonly Manifest[];
  apps: readonly AppSummary[];
  /** Knowledge data that was missing, by dataset id, with the reason; checks that need it say "not assessed". */
  missingData: ReadonlyMap<string, string>;
  /** Microsoft Graph permissions requested, calls made, auth flows and the least-privilege analysis per app. */
  graph?: GraphFacts;
  /** The Graph permission knowledge (read-only data), when the data directory has it. */
  graphIndex?: GraphPermissionIndex;
  /** Hosts the app connects to, serves or declares, its public endpoints, and the penetration-test verdict. */
  connectivity?: ConnectivityFacts;
  /** Live endpoint probes (`probe`, `scan --probe`) or snapshots of earlier ones; absent when nothing was probed. */
  probes?: readonly EndpointSnapshot[];
  /** Hard-coded secrets, masked (the values never reach the inventory). */
  secrets?: readonly SecretFact[];
  /** Insecure code and configuration patterns (TLS verification off, weak hashes, tokens in browser storage, …). */
  patterns?: readonly InsecurePattern[];
  /** Change-control evidence of the repository, when the scanned folder is a repository root. */
  repository?: RepositoryEvidence;
  /** Packages the lockfiles and manifests declare, with file:line. */
  dependencies?: readonly Dependency[];
  /** Known vulnerabilities of those packages and their patch-window status; which ecosystems had advisory data. */
  vulnerabilities?: VulnerabilityFacts;
  /** Runtimes, frameworks and base images declared in the tree, with their support status at scan time. */
  runtimes?: readonly RuntimeUse[];
}


/** Teams-schema manifests: Teams apps and the unified manifest for Microsoft 365 (which also carries add-ins). */
export function isTeamsSchemaManifest(manifest: Manifest): manifest is JsonManifest {
  return manifest.kind === 'teams-app' || manifest.kind === 'office-addin-unified';
}

export function jsonLocation(manifest: JsonManifest, path: readonly (string | number)[], key = false): Location {
  const at = manifest.doc.locate(path, key);
  return { file: manifest.file, line: at?.line ?? 1, column: at?.column, pointer: toPointer(path) };
}

export function xmlLocation(manifest: XmlManifest, element: XmlElement): Location {
  return { file: manifest.file, line: element.position.line, column: element.position.column };
}

export function yamlLocation(manifest: YamlManifest, path: readonly (string | number)[]): Location {
  const at = manifest.doc.locate(path);
  return { file: manifest.file, line: at?.line ?? 1, column: at?.column, pointer: toPointer(path) };
}

export function toPointer(path: readonly (string | number)[]): string {
  return path.length ? `/${path.map((segment) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}` : '';
}
