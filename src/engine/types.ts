import type { Dependency } from '../extract/dependencies/index.ts';
import type { RuntimeUse } from '../extract/runtimes/index.ts';
import type { Vulnerability, VulnerabilityFacts } from '../extract/vulnerabilities/index.ts';
import type { AppPermissionAnalysis } from '../extract/graph/analysis.ts';
import type { AuthFlowEvidence, GraphCall, RequestedPermission, UnresolvedGraphCall } from '../extract/graph/types.ts';
import type { HostEntry, MalformedUrl, PublicEndpoint } from '../extract/hosts/index.ts';
import type { EndpointSnapshot } from '../probe/index.ts';
import type { SecretFact } from '../extract/secrets/index.ts';
import type { InventoryPart } from './inventory-parts.ts';

/**
 * The shared vocabulary of the scanner: locations, findings, check runs, control results and the
 * result object every command produces and every reporter renders.
 */

export const SEVERITIES = ['critical', 'high', 'medium', 'low', 'info'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** A place in a scanned file. Paths are POSIX and relative to the scan root. */
export interface Location {
  file: string;
  line: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  /** JSON pointer or element path inside the file, when the finding is about one value. */
  pointer?: string;
}

/** A piece of evidence behind a finding. Sensitive values are masked before any report sees them. */
export interface Evidence {
  label: string;
  value: string;
  sensitive?: boolean;
}

export interface Suppression {
  reason: string;
  owner?: string;
  expires?: string;
}

export type BaselineState = 'new' | 'unchanged';

export interface Finding {
  checkId: string;
  messageId: string;
  message: string;
  severity: Severity;
  location?: Location;
  evidence: Evidence[];
  /** Stable identity of the finding, independent of line numbers (used by baselines and SARIF). */
  fingerprint: string;
  fix?: string;
  suppressed?: Suppression;
  baselineState?: BaselineState;
}

/** How one check ended for this scan. */
export type CheckStatus = 'pass' | 'fail' | 'not-assessed' | 'not-applicable' | 'error';

export interface CheckRun {
  checkId: string;
  status: CheckStatus;
  /** Why the check could not assess, was not applicable, or crashed. */
  reason?: string;
  durationMs: number;
  findingCount: number;
}

export type ControlStatus = 'passed' | 'failed' | 'not-assessed' | 'manual' | 'not-applicable' | 'error';
export type ControlMode = 'automated' | 'partial' | 'manual';
export type DomainId = 'application-security' | 'operational-security' | 'data-handling' | 'external-audit';

export interface ControlResult {
  id: string;
  domain: DomainId;
  title: string;
  mode: ControlMode;
  status: ControlStatus;
  /** One sentence explaining the status (which checks failed, what is missing, what document is needed). */
  reason: string;
  checks: string[];
  findingCount: number;
  evidenceExpected: string[];
}

/** Something the scan could not read or parse: shown in every report, never silent. */
export interface ScanProblem {
  kind: 'parse-error' | 'skipped' | 'read-error' | 'schema-unavailable' | 'suppression-expired' | 'data-missing';
  file?: string;
  line?: number;
  column?: number;
  message: string;
}

export type AppKind =
  | 'teams-app'
  | 'office-addin-xml'
  | 'office-addin-unified'
  | 'spfx-solution'
  | 'entra-app'
  | 'toolkit-aad-manifest'
  | 'toolkit-project'
  | 'declarative-agent'
  | 'api-plugin';

/** One manifest or project file that defines (part of) an app. */
export interface ManifestSummary {
  kind: AppKind;
  file: string;
  /** Schema or manifest version as declared, e.g. "1.17", "devPreview", "v1.2". */
  version?: string;
  id?: string;
  name?: string;
}

/** An app found in the tree: the manifests that belong to one project folder. */
export interface AppSummary {
  name: string;
  root: string;
  kinds: AppKind[];
  manifests: ManifestSummary[];
}

export interface CheckMetaSummary {
  id: string;
  title: string;
  domain: string;
  severity: Severity;
  description: string;
  remediation: string;
  controls: string[];
  helpUri: string;
}

export interface DataUsed {
  dir: string;
  source: string;
  /** `optional`: fetched only for trees that need it (advisories, the PowerShell command map). */
  datasets: { id: string; present: boolean; optional?: boolean; sha256?: string; retrievedAt?: string }[];
}

export interface ScanSummary {
  findings: Record<Severity, number>;
  suppressed: number;
  checks: Record<CheckStatus, number>;
  controls: Record<ControlStatus, number>;
  problems: number;
  filesScanned: number;
  filesSkipped: number;
  bytesScanned: number;
  durationMs: number;
}

/** The one result object of every command that produces results. Its JSON form is the public report. */
export interface ScanResult {
  schemaVersion: string;
  tool: { name: string; version: string };
  command: string;
  root: string;
  startedAt: string;
  failOn: Severity;
  apps: AppSummary[];
  controls: ControlResult[];
  findings: Finding[];
  checkRuns: CheckRun[];
  checks: CheckMetaSummary[];
  problems: ScanProblem[];
  data: DataUsed;
  baseline?: { file: string; fixed: { checkId: string; fingerprint: string; message: string }[] };
  /** Facts gathered from the tree that reports and later tools use (file paths relative to root). */
  inventory?: {
    permissionsRequested: RequestedPermission[];
    graphCalls: GraphCall[];
    unresolvedGraphCalls: UnresolvedGraphCall[];
    authFlows: AuthFlowEvidence[];
    hosts: HostEntry[];
    publicEndpoints: PublicEndpoint[];
    /** Hard-coded secrets, masked; `fixture` ones were found in test or example files. */
    secrets: readonly SecretFact[];
    /** Packages the lockfiles and manifests declare (absent in reports older than 1.4.0). */
    dependencies?: readonly Dependency[];
    /** Runtimes, frameworks and base images with their support status. */
    runtimes?: readonly RuntimeUse[];
    /**
     * Parts the command did not gather because none of its checks read them (`permissions` gathers only the
     * Graph facts): their arrays are empty because they were not looked for (since 1.6.0).
     */
    notGathered?: InventoryPart[];
  };
  /** Known vulnerabilities of the dependencies and their patch-window status. */
  vulnerabilities?: VulnerabilityReport;
  /** The connectivity walkthrough: whether a penetration test is required and why, and what could not be read. */
  connectivity?: ConnectivityReport;
  /** Least-privilege verdicts; `calls` are indexes into inventory.graphCalls. */
  permissionAnalysis?: PermissionAnalysisReport;
  /** Endpoint probe snapshots (probe, scan --probe, or loaded with --snapshot-in). */
  probes?: EndpointSnapshot[];
  summary: ScanSummary;
}

export interface VulnerabilityReport extends Omit<VulnerabilityFacts, 'vulnerabilities'> {
  items: Vulnerability[];
}

export interface ConnectivityReport {
  pentestRequired: boolean;
  reasons: string[];
  publisherDomains: { domain: string; basis: string }[];
  malformedUrls: MalformedUrl[];
}

export interface PermissionAnalysisReport {
  apps: AppPermissionAnalysis[];
  needed: (AppPermissionAnalysis['needed'][number] & { app: string })[];
  excessive: (AppPermissionAnalysis['excessive'][number] & { app: string })[];
  missing: (AppPermissionAnalysis['missing'][number] & { app: string })[];
  highRisk: (AppPermissionAnalysis['highRisk'][number] & { app: string })[];
}
