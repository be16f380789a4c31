import { existsSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { evaluateControls } from '../catalog/evaluate.ts';
import { ALL_CHECKS } from '../checks/index.gen.ts';
import { DEFAULT_EXCLUDES, type Config } from '../config/config.ts';
import { extractApps } from '../extract/apps/index.ts';
import type { AppPermissionAnalysis } from '../extract/graph/analysis.ts';
import { extractCodeInParallel } from '../extract/code/parallel.ts';
import type { FileCodeFacts } from '../extract/code/index.ts';
import type { InsecurePattern } from '../extract/patterns/types.ts';
import { callsFromHar, hostsFromHar } from '../extract/graph/har.ts';
import { extractGraphFacts } from '../extract/graph/index.ts';
import { loadParsers } from '../extract/graph/tree-sitter.ts';
import { extractConnectivity } from '../extract/hosts/index.ts';
import { findSecrets } from '../extract/secrets/index.ts';
import { repositoryEvidence } from '../extract/repository/index.ts';
import { extractDependencies } from '../extract/dependencies/index.ts';
import { findVulnerabilities } from '../extract/vulnerabilities/index.ts';
import { findRuntimes } from '../extract/runtimes/index.ts';
import { patternsInSettings } from '../extract/patterns/settings-patterns.ts';
import { HTML_FILE } from '../extract/hosts/file-hosts.ts';
import type { HostReference } from '../extract/hosts/types.ts';
import { parseTarget, probeEndpoints, type EndpointSnapshot, type ProbeOptions, type ProbeTarget } from '../probe/index.ts';
import type { GraphCall } from '../extract/graph/types.ts';
import { GraphPermissionIndex } from '../knowledge/graph/permission-index.ts';
import { PowerShellCommandMap } from '../knowledge/graph/powershell-commands.ts';
import type { Inventory } from '../extract/inventory.ts';
import { readRecords, type DataDir } from '../knowledge/data-dir.ts';
import { DATASETS } from '../knowledge/datasets.ts';
import { SchemaStore } from '../knowledge/schemas.ts';
import { loadProject, type ProgressListener, type ProjectSources } from '../sources/project.ts';
import { sha256 } from '../util/hash.ts';
import { toolVersion } from '../util/package-files.ts';
import type { Check } from './define-check.ts';
import { codeToParse, INVENTORY_PARTS, partsReadBy, type InventoryPart } from './inventory-parts.ts';
import { ConfigError, InputError, UsageError } from './errors.ts';
import { runChecks } from './runner.ts';
import { applySuppressions, compareWithBaseline, maskFindings, type BaselineFinding } from './triage.ts';
import {
  SEVERITIES,
  type CheckRun,
  type ControlResult,
  type DataUsed,
  type Finding,
  type PermissionAnalysisReport,
  type ScanProblem,
  type ScanResult,
  type Severity,
  type VulnerabilityReport,
} from './types.ts';

/** Version of the JSON report's shape (schemas/report.schema.json). Bump the major on breaking changes. */
export const REPORT_SCHEMA_VERSION = '1.7.0';

export interface ScanOptions {
  root: string;
  config: Config;
  dataDir: DataDir;
  baselineFile?: string;
  /** Overrides config.failOn. */
  failOn?: Severity;
  checks?: readonly Check[];
  /** The command the result is for (scan, permissions, …); shown in every report. */
  command?: string;
  /** HTTP Archives (browser or Dev Proxy recordings) whose Graph requests count as observed calls. */
  harFiles?: string[];
  /** Receives the inventory, for commands that act on it after the scan (permissions --fix). */
  onInventory?: (inventory: Inventory) => void;
  onProgress?: ProgressListener;
  /** How long each inventory stage took (diagnostics: `--timing`, the bench). */
  onStage?: StageListener;
  now?: () => Date;
  /** The probe command: endpoints only, no tree to read. */
  skipTree?: boolean;
  /** Live probes: the targets given plus, with `fromInventory`, the publisher's hosts the tree names. */
  probe?: { targets: ProbeTarget[]; fromInventory: boolean; options?: ProbeOptions };
  /** Snapshots of earlier probes, evaluated offline. */
  probeSnapshots?: EndpointSnapshot[];
}

export async function scan(options: ScanOptions): Promise<ScanResult> {
  const started = performance.now();
  const now = options.now ?? (() => new Date());
  const startedAt = now();
  const root = path.resolve(options.root);
  if (!existsSync(root)) throw new InputError(`${options.root}: no such file or folder`);
  if (!statSync(root).isDirectory()) throw new InputError(`${options.root}: not a folder (give the folder that holds the app)`);
  const { config } = options;
  const checks = selectChecks(options.checks ?? ALL_CHECKS, config);
  const baseline = options.baselineFile ? readBaseline(options.baselineFile) : undefined;

  const sources = options.skipTree
    ? emptySources(root)
    : await loadProject(
        { root, include: config.include, exclude: [...DEFAULT_EXCLUDES, ...config.exclude], maxFileBytes: config.maxFileBytes, respectGitignore: config.respectGitignore },
        options.onProgress,
      );
  // The same array, not a copy: files parsed on first use during extraction report their errors into it.
  const problems: ScanProblem[] = sources.problems;
  const recordings = (options.harFiles ?? []).map((file) => readHar(file, root));
  // What the command's checks read (the configuration's check selection does not narrow the inventory, which is evidence in its own right).
  const parts = partsReadBy(options.checks ?? ALL_CHECKS);
  if (options.probe?.fromInventory) parts.add('connectivity');
  const inventory = await buildInventory(root, sources, options.dataDir.dir, config, problems, {
    calls: recordings.flatMap((recording) => recording.calls),
    hosts: recordings.flatMap((recording) => recording.hosts),
  }, startedAt, options.onStage, parts);
  const probes = [...(options.probeSnapshots ?? [])];
  if (options.probe) {
    const targets = [...options.probe.targets, ...(options.probe.fromInventory ? probeTargetsOf(inventory) : [])];
    probes.push(...(await probeEndpoints(dedupeTargets(targets), { now, ...options.probe.options })));
  }
  if (probes.length) inventory.probes = probes;
  options.onInventory?.(inventory);
  const { graph, graphIndex, connectivity } = inventory;

  const { findings, runs } = runChecks(checks, inventory, { severityOverrides: config.checks.severity });
  problems.push(...applySuppressions(findings, config.suppressions, startedAt.toISOString().slice(0, 10)));
  const fixed = baseline ? compareWithBaseline(findings, baseline.findings) : undefined;
  maskFindings(findings);
  findings.sort(compareFindings);
  const controls = evaluateControls(checks, runs, findings);

  if (sources.binaryFiles.length > 0) {
    const examples = sources.binaryFiles.slice(0, 3).join(', ');
    problems.push({ kind: 'skipped', message: `${sources.binaryFiles.length} binary file(s) were not read as text (e.g. ${examples})` });
  }

  return {
    schemaVersion: REPORT_SCHEMA_VERSION,
    tool: { name: 'm365cert', version: toolVersion() },
    command: options.command ?? 'scan',
    root,
    startedAt: startedAt.toISOString(),
    failOn: options.failOn ?? config.failOn,
    apps: [...inventory.apps],
    controls,
    findings,
    checkRuns: runs,
    checks: checks.map(({ meta }) => ({
      id: meta.id,
      title: meta.title,
      domain: meta.domain,
      severity: config.checks.severity[meta.id] ?? meta.severity,
      description: meta.description,
      remediation: meta.remediation,
      controls: meta.controls,
      helpUri: meta.references[0] ?? 'https://learn.microsoft.com/microsoft-365-app-certification/overview',
    })),
    problems,
    data: dataUsed(options.dataDir),
    baseline: baseline && fixed ? { file: options.baselineFile!, fixed } : undefined,
    inventory: {
      permissionsRequested: graph?.requested ?? [],
      graphCalls: graph?.calls ?? [],
      unresolvedGraphCalls: graph?.unresolved ?? [],
      authFlows: graph?.flows ?? [],
      hosts: connectivity?.hosts ?? [],
      publicEndpoints: connectivity?.publicEndpoints ?? [],
      secrets: inventory.secrets ?? [],
      dependencies: inventory.dependencies ?? [],
      runtimes: inventory.runtimes ?? [],
      ...(parts.size < INVENTORY_PARTS.length ? { notGathered: INVENTORY_PARTS.filter((part) => !parts.has(part) && !(part === 'graph' && graph)) } : {}),
    },
    vulnerabilities: vulnerabilityReport(inventory),
    connectivity: connectivity && { pentestRequired: connectivity.pentest.required, reasons: connectivity.pentest.reasons, publisherDomains: connectivity.publisherDomains, malformedUrls: connectivity.malformed },
    permissionAnalysis: graph && graphIndex ? permissionReport(graph.analysis) : undefined,
    ...(probes.length ? { probes } : {}),
    summary: summarize(findings, runs, controls, problems, sources.files.length, sources.filesSkipped, sources.bytesRead, performance.now() - started),
  };
}

/** Receives how long each stage of building the inventory took (the bench and `--timing` read it). */
export type StageListener = (stage: InventoryStage, milliseconds: number) => void;
/**
 * In order. `threads` picks the code files to parse and starts the threads, which parse while this thread runs
 * the stages up to `runtimes`; `code` is the wait for them after that.
 */
export type InventoryStage = 'grammars' | 'apps' | 'threads' | 'graph-index' | 'secrets' | 'dependencies' | 'vulnerabilities' | 'repository' | 'runtimes' | 'code' | 'patterns' | 'graph' | 'connectivity';

/** The extractors' work: every fact the checks read, built from sources that were read once. */
export async function buildInventory(root: string, sources: ProjectSources, dataDir: string, config: Config, problems: ScanProblem[], observed: Recorded = { calls: [], hosts: [] }, now: Date = new Date(), onStage?: StageListener, parts: ReadonlySet<InventoryPart> = new Set(INVENTORY_PARTS)): Promise<Inventory> {
  const stage = stageTimer(onStage);
  // The connectivity inventory counts the Graph calls among the app's connections.
  const gatherGraph = parts.has('graph') || parts.has('connectivity');
  const code = codeToParse(parts);
  const missingData = missingDatasets(dataDir);
  // The code grammars are loaded by the extraction threads; this thread needs HTML's, for served pages.
  const { parsers, errors } = await loadParsers(sources.files.some((file) => HTML_FILE.test(file.path)) ? ['html'] : []);
  for (const error of errors) problems.push({ kind: 'read-error', message: error });
  stage('grammars');
  const apps = extractApps(sources, new SchemaStore(dataDir));
  problems.push(...apps.problems);
  stage('apps');
  // Code is parsed on other threads while this one does the work that does not read it; the threads' problems
  // join the others' when they are awaited, so the report's order stays fixed.
  const codeProblems: ScanProblem[] = [];
  const extraction = code === 'none' ? Promise.resolve([]) : extractCodeInParallel({ files: sources.files, apps: apps.apps, problems: codeProblems, graphOnly: code === 'graph' }, extractionThreads());
  // Awaited below; if a stage in between throws first, its failure is the one reported, not an unhandled rejection.
  extraction.catch(() => undefined);
  stage('threads');
  // Stages of parts not gathered are not reported (`--timing` lists what ran).
  const graphIndex = gatherGraph ? loadGraphKnowledge(dataDir, missingData) : undefined;
  if (gatherGraph) stage('graph-index');
  const secrets = parts.has('secrets') ? findSecrets(sources.files) : undefined;
  if (secrets) stage('secrets');
  const dependencies = parts.has('dependencies') ? extractDependencies(sources.files, problems) : undefined;
  if (dependencies) stage('dependencies');
  const vulnerabilities = dependencies && (await findVulnerabilities(dependencies, dataDir, config.patchWindows, now, problems));
  if (dependencies) stage('vulnerabilities');
  const repository = parts.has('repository') ? await repositoryEvidence(root, sources.files, config.repository) : undefined;
  if (parts.has('repository')) stage('repository');
  const runtimes = parts.has('dependencies') ? findRuntimes(sources.files, now) : undefined;
  if (runtimes) stage('runtimes');
  const extracted = await extraction;
  problems.push(...codeProblems);
  stage('code');
  const patterns = parts.has('patterns') ? gatheredPatterns(extracted, sources.files) : undefined;
  if (patterns) stage('patterns');
  const base = { root, files: sources.files, manifests: apps.manifests, apps: apps.apps, missingData, secrets, repository, dependencies, vulnerabilities, runtimes, patterns };
  if (!gatherGraph) return base;
  const graph = extractGraphFacts({
    code: extracted,
    powershellCommands: extracted.some((entry) => entry.facts.cmdlets?.length) ? loadPowerShellCommands(dataDir, problems) : undefined,
    files: sources.files,
    manifests: apps.manifests,
    apps: apps.apps,
    index: graphIndex,
    justifications: config.permissions.justifications,
    problems,
    observed: observed.calls,
    parse: sources.parse,
  });
  stage('graph');
  if (!parts.has('connectivity')) return { ...base, graph, graphIndex };
  const connectivity = extractConnectivity({
    files: sources.files,
    manifests: apps.manifests,
    code: extracted,
    graph,
    parse: sources.parse,
    htmlParser: parsers.html,
    problems,
    observed: observed.hosts,
    publisherDomains: config.connectivity.publisherDomains,
    annotations: config.connectivity.hosts,
  });
  stage('connectivity');
  return { ...base, graph, graphIndex, connectivity };
}

/** Insecure patterns: the code extractors' and the settings files'. */
function gatheredPatterns(code: readonly FileCodeFacts[], files: ProjectSources['files']): InsecurePattern[] {
  return [...code.flatMap((entry) => entry.facts.patterns), ...patternsInSettings(files)];
}

/** Calls the listener with the time since the previous stage ended; free when nobody listens. */
function stageTimer(onStage: StageListener | undefined): (stage: InventoryStage) => void {
  if (!onStage) return () => {};
  let last = performance.now();
  return (stage) => {
    const at = performance.now();
    onStage(stage, at - last);
    last = at;
  };
}

/** The Graph PowerShell SDK's command map, when the data directory has it; an unusable file is a problem, not a crash. */
function loadPowerShellCommands(dataDir: string, problems: ScanProblem[]): PowerShellCommandMap | undefined {
  const map = PowerShellCommandMap.load(dataDir);
  if (map instanceof Error) {
    problems.push({ kind: 'read-error', message: `${map.message}; PowerShell cmdlets are matched through m365cert's curated table instead` });
    return undefined;
  }
  return map;
}

/** Threads for code extraction: one per core, at most four (beyond that the shared-text copy and GC win little). */
function extractionThreads(): number {
  return Math.min(4, availableParallelism());
}

function emptySources(root: string): ProjectSources {
  return { root, files: [], structured: new Map(), parse: () => undefined, problems: [], bytesRead: 0, filesSkipped: 0, binaryFiles: [] };
}

/** The publisher's own hosts and the URLs the app serves, from the connectivity inventory: what a probe of the footprint covers. */
function probeTargetsOf(inventory: Inventory): ProbeTarget[] {
  const hosts = (inventory.connectivity?.hosts ?? []).filter((host) => host.owner === 'publisher' && !host.excluded && !host.dynamic && !host.host.startsWith('*.') && host.schemes.includes('https'));
  return hosts.map((host) => parseTarget(`https://${host.host}${host.ports?.length ? `:${host.ports[0]}` : ''}`));
}

function dedupeTargets(targets: ProbeTarget[]): ProbeTarget[] {
  const seen = new Set<string>();
  return targets.filter((target) => {
    const key = `${target.host}:${target.port}|${target.serverName ?? ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** What recorded traffic (--har) adds: Graph calls for the permission analysis, hosts for the connectivity inventory. */
interface Recorded {
  calls: Omit<GraphCall, 'appRoot'>[];
  hosts: HostReference[];
}

function readHar(file: string, root: string): Recorded {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`--har ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message}`);
  }
  const relative = path.relative(root, path.resolve(file));
  const label = relative.startsWith('..') || path.isAbsolute(relative) ? file : relative.split(path.sep).join('/');
  try {
    return { calls: callsFromHar(text, label), hosts: hostsFromHar(text, label) };
  } catch (error) {
    throw new UsageError(`--har ${(error as Error).message}`);
  }
}

const indexCache = new Map<string, GraphPermissionIndex>();

/** Loads the Graph permission index once per run (and once per data directory in a process); a missing or broken file makes the dependent checks "not assessed". */
function loadGraphKnowledge(dataDir: string, missingData: Map<string, string>): GraphPermissionIndex | undefined {
  if (missingData.has('graph-permissions')) return undefined;
  try {
    const cached = indexCache.get(dataDir);
    if (cached) return cached;
    const index = GraphPermissionIndex.load(dataDir);
    indexCache.set(dataDir, index);
    return index;
  } catch (error) {
    missingData.set('graph-permissions', (error as Error).message);
    return undefined;
  }
}

function permissionReport(apps: AppPermissionAnalysis[]): PermissionAnalysisReport {
  const flatten = <T>(pick: (app: AppPermissionAnalysis) => T[]) => apps.flatMap((app) => pick(app).map((entry) => ({ ...entry, app: app.appRoot })));
  return { apps, needed: flatten((app) => app.needed), excessive: flatten((app) => app.excessive), missing: flatten((app) => app.missing), highRisk: flatten((app) => app.highRisk) };
}

function selectChecks(all: readonly Check[], config: Config): Check[] {
  // Ids are validated against every check m365cert has, so a command that runs a subset accepts the same config.
  const known = new Set([...ALL_CHECKS, ...all].map((check) => check.meta.id));
  const named = [...(config.checks.only ?? []), ...config.checks.disable, ...Object.keys(config.checks.severity), ...config.suppressions.map((rule) => rule.check)];
  const unknown = [...new Set(named.filter((id) => !known.has(id)))];
  if (unknown.length) {
    throw new ConfigError(`${config.file ?? 'configuration'}: unknown check id(s): ${unknown.join(', ')} (m365cert checks lists them)`);
  }
  return all.filter((check) => (!config.checks.only || config.checks.only.includes(check.meta.id)) && !config.checks.disable.includes(check.meta.id));
}

function readBaseline(file: string): { findings: BaselineFinding[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--baseline ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON (${(error as Error).message})`}`);
  }
  const report = parsed as Partial<ScanResult>;
  if (!report || typeof report.schemaVersion !== 'string' || !Array.isArray(report.findings)) {
    throw new UsageError(`--baseline ${file}: not an m365cert JSON report (write one with --format json)`);
  }
  if (report.schemaVersion.split('.')[0] !== REPORT_SCHEMA_VERSION.split('.')[0]) {
    throw new UsageError(`--baseline ${file}: report schema ${report.schemaVersion} is not compatible with ${REPORT_SCHEMA_VERSION}`);
  }
  return { findings: report.findings.map(({ checkId, fingerprint, message }) => ({ checkId, fingerprint, message })) };
}

/** Datasets with none of their files present, with the reason checks will give. */
function missingDatasets(dir: string): Map<string, string> {
  const missing = new Map<string, string>();
  for (const dataset of DATASETS) {
    // Advisory datasets are judged per ecosystem in use (the vulnerability facts), not as a whole.
    if (dataset.optional) continue;
    if (!dataset.files.some((file) => existsSync(path.join(dir, file.path)))) missing.set(dataset.id, `${dataset.title} not found in ${dir}`);
  }
  return missing;
}

/**
 * Which knowledge the scan used: per dataset, the sha-256 of its file (of the list of its files' digests when
 * it has several) and, when every file was downloaded or imported, the oldest retrieval date.
 */
function dataUsed(dataDir: DataDir): DataUsed {
  const records = readRecords(dataDir.dir);
  return {
    dir: dataDir.dir,
    source: dataDir.source,
    datasets: DATASETS.map((dataset) => {
      const present = dataset.files.filter((file) => existsSync(path.join(dataDir.dir, file.path)));
      const recorded = present.map((file) => records.files[file.path]);
      const fileDigest = (file: { path: string }) => records.files[file.path]?.sha256 ?? sha256(readFileSync(path.join(dataDir.dir, file.path)));
      const digest =
        present.length === 0 ? undefined
        : present.length === 1 ? fileDigest(present[0]!)
        : sha256(present.map((file) => `${file.path}\u0000${fileDigest(file)}`).join('\n'));
      const retrieved = recorded.every(Boolean) ? recorded.map((record) => record!.retrievedAt).sort()[0] : undefined;
      return { id: dataset.id, present: present.length > 0, ...(dataset.optional ? { optional: true } : {}), sha256: digest, retrievedAt: retrieved };
    }),
  };
}

const SEVERITY_RANK = Object.fromEntries(SEVERITIES.map((severity, index) => [severity, index])) as Record<Severity, number>;

function compareFindings(a: Finding, b: Finding): number {
  return (
    (a.location?.file ?? '').localeCompare(b.location?.file ?? '') ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] ||
    a.checkId.localeCompare(b.checkId) ||
    a.fingerprint.localeCompare(b.fingerprint)
  );
}

export function severityAtLeast(severity: Severity, threshold: Severity): boolean {
  return SEVERITY_RANK[severity] <= SEVERITY_RANK[threshold];
}

function summarize(
  findings: Finding[],
  runs: CheckRun[],
  controls: ControlResult[],
  problems: ScanProblem[],
  filesScanned: number,
  filesSkipped: number,
  bytesScanned: number,
  durationMs: number,
): ScanResult['summary'] {
  const count = <K extends string>(keys: readonly K[], values: K[]) =>
    Object.fromEntries(keys.map((key) => [key, values.filter((value) => value === key).length])) as Record<K, number>;
  const open = findings.filter((finding) => !finding.suppressed);
  return {
    findings: count(SEVERITIES, open.map((finding) => finding.severity)),
    suppressed: findings.length - open.length,
    checks: count(['pass', 'fail', 'not-assessed', 'not-applicable', 'error'] as const, runs.map((run) => run.status)),
    controls: count(['passed', 'failed', 'not-assessed', 'manual', 'not-applicable', 'error'] as const, controls.map((control) => control.status)),
    problems: problems.length,
    filesScanned,
    filesSkipped,
    bytesScanned,
    durationMs: Math.round(durationMs),
  };
}

function vulnerabilityReport(inventory: Inventory): VulnerabilityReport | undefined {
  if (!inventory.vulnerabilities) return undefined;
  const { vulnerabilities, ...rest } = inventory.vulnerabilities;
  return { ...rest, items: vulnerabilities };
}
