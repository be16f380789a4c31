import type { AppSummary, ScanProblem } from '../../engine/types.ts';
import type { GraphPermissionIndex } from '../../knowledge/graph/permission-index.ts';
import { structuredFormatOf, type StructuredDoc } from '../../sources/project.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { JsonDocument } from '../../sources/formats/json.ts';
import { normalizeGraphPath, parseGraphUrl, queryOptions } from '../../knowledge/graph/graph-path.ts';
import type { Manifest } from '../inventory.ts';
import { analyzePermissions, requirementCache, type AppPermissionAnalysis } from './analysis.ts';
import { isScopeConfigFile, scopesFromConfig } from './config-scopes.ts';
import type { TreeParsers } from './tree-sitter.ts';
import { extractCode, rootResolver, type FileCodeFacts } from '../code/index.ts';
import type { PowerShellCommandMap } from '../../knowledge/graph/powershell-commands.ts';
import { helperCall, resolveCmdlet, resolveForwarders, type PowerShellHelper } from './powershell.ts';
import { markBodyReads } from './body-reads.ts';
import { APP_CREATION_SCRIPT, requestedFromAppCreationScript, requestedFromArmTemplate, requestedFromManifests } from './requested.ts';
import { IAC_REGISTRATION_HINT, requestedFromIac } from './requested-iac.ts';
import { CLI_REGISTRATION_HINT, CLI_SCRIPT, requestedFromCliScript } from './requested-cli.ts';
import { withoutGraphHost } from './sdk-shapes.ts';
import { graphToolkitUses } from './graph-toolkit.ts';
import { graphCallsFromOpenApi, mayDescribeGraphApi } from './openapi-calls.ts';
import { resolveReference, withBaseUrl } from './url-templates.ts';
import type { AuthFlowEvidence, GraphCall, RequestedPermission, SourceRef, UnresolvedGraphCall } from './types.ts';
import { groupBy } from '../../util/group-by.ts';

export interface GraphFacts {
  requested: RequestedPermission[];
  calls: GraphCall[];
  unresolved: UnresolvedGraphCall[];
  flows: AuthFlowEvidence[];
  analysis: AppPermissionAnalysis[];
}

/**
 * Graph facts of the whole tree: requested permissions from manifests and from scope lists in code, the
 * Graph calls in JavaScript/TypeScript, the auth flows, and per app the least-privilege analysis.
 */
export interface GraphExtractionInput {
  files: readonly SourceFile[];
  manifests: readonly Manifest[];
  apps: readonly AppSummary[];
  index: GraphPermissionIndex | undefined;
  justifications: Readonly<Record<string, string>>;
  problems: ScanProblem[];
  /** Recorded traffic (--har). */
  observed?: readonly Omit<GraphCall, 'appRoot'>[];
  parsers?: TreeParsers;
  /** The project's parse cache: configuration files are parsed once, by the loader, and their errors reported there. */
  parse?: (path: string) => StructuredDoc | undefined;
  /** The code extractors' results; extracted here when not given. */
  code?: readonly FileCodeFacts[];
  /** The Graph PowerShell SDK's command map, when the data directory has it (else the curated cmdlet table). */
  powershellCommands?: PowerShellCommandMap;
}

export function extractGraphFacts(input: GraphExtractionInput): GraphFacts {
  const { files, manifests, apps, index, justifications, problems, observed = [], parsers = {} } = input;
  /** A structured file through the project's cache; undefined when it did not parse (already reported). */
  const cached = (file: SourceFile): { doc?: StructuredDoc; usable: boolean } => {
    if (!input.parse || !structuredFormatOf(file.path)) return { usable: true };
    const doc = input.parse(file.path);
    return { doc, usable: Boolean(doc) };
  };
  const appRootOf = rootResolver(apps);
  const requested = requestedFromManifests(manifests, index);
  const calls: GraphCall[] = [];
  const unresolved: UnresolvedGraphCall[] = [];
  const flows: AuthFlowEvidence[] = [];
  const defaultScope = new Set<string>();
  /** A scope from code or configuration: `/.default` marks the app, known Graph names become requests. */
  const addScope = (scope: { name: string; source: SourceRef }, via: string, appRoot: string) => {
    const name = withoutGraphHost(scope.name);
    if (name === '.default') {
      if (name !== scope.name) defaultScope.add(appRoot);
      return;
    }
    // Only names Graph knows: custom API scopes (api://…/access_as_user) are not Graph permissions.
    if (!index?.permission(name) && !index?.idOfName('Scope', name)) return;
    requested.push({ resource: 'Microsoft Graph', name: index.canonicalName(name), type: 'delegated', source: scope.source, via, appRoot });
  };
  const code = input.code ?? extractCode({ files, apps, problems, parsers });
  // PowerShell request helpers by app and name: a module's functions are called from its other scripts.
  const powershellHelpers = new Map<string, PowerShellHelper>();
  for (const { facts: result, appRoot } of code) for (const helper of result.powershellHelpers ?? []) if (!powershellHelpers.has(`${appRoot}|${helper.name}`)) powershellHelpers.set(`${appRoot}|${helper.name}`, helper);
  // And the functions handing their parameters on to one of them, from script to script (Get-App → Invoke-GetRequest → Invoke-Request).
  const forwarders = code.flatMap(({ facts: result, appRoot }) => (result.powershellForwarders ?? []).map((forwarder) => ({ ...forwarder, name: `${appRoot}|${forwarder.name}`, invocation: { ...forwarder.invocation, name: `${appRoot}|${forwarder.invocation.name}` } })));
  if (forwarders.length) resolveForwarders(forwarders, (name) => powershellHelpers.get(name), (helper) => powershellHelpers.set(helper.name, helper));
  for (const { facts: result, appRoot } of code) {
    const fileCalls = result.calls.map((call) => ({ ...call, appRoot }));
    for (const item of result.unresolved) unresolved.push({ ...item, appRoot });
    for (const flow of result.flows) flows.push({ ...flow, appRoot });
    for (const scope of result.scopes) addScope(scope, 'code-scopes', appRoot);
    for (const use of result.cmdlets ?? []) {
      const call = resolveCmdlet(use, input.powershellCommands);
      if (call) fileCalls.push({ ...call, appRoot });
      else unresolved.push({ via: 'powershell', reason: input.powershellCommands ? `${use.name} is not a Microsoft Graph PowerShell SDK cmdlet` : `${use.name} is not in m365cert's curated cmdlet table (the SDK's full command map: m365cert data update --for .)`, source: use.source, appRoot });
    }
    for (const invocation of result.powershellInvocations ?? []) {
      const helper = powershellHelpers.get(`${appRoot}|${invocation.name}`);
      const outcome = helper && helperCall(helper, invocation);
      if (outcome?.call) fileCalls.push({ ...outcome.call, appRoot });
      else if (outcome) unresolved.push({ via: 'powershell-helper', reason: outcome.unresolved, source: invocation.source, appRoot });
    }
    markBodyReads(fileCalls, Boolean(result.readsBody));
    for (const call of fileCalls) calls.push(call);
  }
  for (const call of registeredClientCalls(code, unresolved)) calls.push(call);
  for (const file of files) for (const use of graphToolkitUses(file)) unresolved.push({ ...use, appRoot: appRootOf(file.path) });
  for (const file of files) {
    if (!mayDescribeGraphApi(file)) continue;
    const { doc } = cached(file);
    if (doc?.format === 'json' || doc?.format === 'yaml') for (const call of graphCallsFromOpenApi(file, doc.doc)) calls.push({ ...call, appRoot: appRootOf(file.path) });
  }
  /** Registrations declared in JSON files of the tree (not inside archives), from the parsed document. */
  const requestedFromJson = (declares: (file: SourceFile) => boolean, read: (file: SourceFile, appRoot: string, document: JsonDocument | undefined) => RequestedPermission[]) => {
    for (const file of files) {
      if (file.path.includes('!') || !declares(file)) continue;
      const { doc, usable } = cached(file);
      if (usable) requested.push(...read(file, appRootOf(file.path), doc?.format === 'json' ? doc.doc : undefined));
    }
  };
  requestedFromJson((file) => /\.json$/i.test(file.path) && file.text.includes('Microsoft.Graph/applications'), (file, appRoot, document) => requestedFromArmTemplate(file, appRoot, index, document));
  requestedFromJson((file) => APP_CREATION_SCRIPT.test(file.path), (file, appRoot, document) => requestedFromAppCreationScript(file, appRoot, document, index));
  for (const file of files) {
    if (CLI_SCRIPT.test(file.path) && !file.path.includes('!') && CLI_REGISTRATION_HINT.test(file.text)) requested.push(...requestedFromCliScript(file, appRootOf(file.path), index));
  }
  for (const file of files) {
    if (!/\.(tf|bicep)$/i.test(file.path) || file.path.includes('!') || !IAC_REGISTRATION_HINT.test(file.text)) continue;
    const { doc } = cached(file);
    if (doc?.format === 'iac') requested.push(...requestedFromIac(file, doc.doc, appRootOf(file.path), index));
  }
  for (const file of files) {
    if (file.path.includes('!') || !isScopeConfigFile(file.path)) continue;
    const { doc, usable } = cached(file);
    if (!usable) continue;
    const { scopes, flows: configured, error } = scopesFromConfig(file, doc && (doc.format === 'json' || doc.format === 'yaml') ? doc.doc : undefined);
    if (error) problems.push({ kind: 'parse-error', file: file.path, message: `could not read scopes from the configuration: ${error}` });
    for (const scope of scopes) addScope(scope, 'config-scopes', appRootOf(file.path));
    for (const flow of configured) flows.push({ ...flow, appRoot: appRootOf(file.path) });
  }
  for (const permission of requested) if (!apps.some((app) => app.root === permission.appRoot)) permission.appRoot = appRootOf(permission.source.file);
  mergeObserved(calls, observed, apps.length === 1 ? apps[0]!.root : '.');

  // Code that calls Graph counts even when no manifest of its app is in the tree (the registration lives elsewhere),
  // and so does code whose Graph requests could not be worked out (a client handed to a library): it uses Graph.
  const roots = [...new Set([...requested.map((permission) => permission.appRoot), ...calls.map((call) => call.appRoot), ...unresolved.map((item) => item.appRoot)])].sort();
  const byRoot = <T extends { appRoot: string }>(items: readonly T[]) => groupBy(items, (item) => item.appRoot);
  const requestedByRoot = byRoot(requested);
  const callsByRoot = groupBy(calls.map((call, callIndex) => ({ call, index: callIndex, appRoot: call.appRoot })), (item) => item.appRoot);
  const flowsByRoot = byRoot(flows);
  const unresolvedByRoot = byRoot(unresolved);
  const requirements = index && requirementCache(index);
  const analysis = index
    ? roots
        .map((root) => apps.find((app) => app.root === root) ?? { root, kinds: [] })
        .map((app) =>
          analyzePermissions(index, {
            appRoot: app.root,
            kinds: app.kinds,
            requested: requestedByRoot.get(app.root) ?? [],
            calls: callsByRoot.get(app.root) ?? [],
            flows: flowsByRoot.get(app.root) ?? [],
            unresolvedCalls: unresolvedByRoot.get(app.root)?.length ?? 0,
            usesDefaultScope: defaultScope.has(app.root),
            justifications,
          }, requirements),
        )
    : [];
  return { requested, calls, unresolved, flows, analysis };
}

/**
 * Recorded traffic confirms static calls (marked observed) and adds the ones the code analysis missed.
 * Recordings are not tied to a file of the tree, so their calls belong to the only app, or to the root.
 */
function mergeObserved(calls: GraphCall[], observed: readonly Omit<GraphCall, 'appRoot'>[], appRoot: string): void {
  if (observed.length === 0) return;
  const key = (call: { method: string; path: string; apiVersion: string }) => `${call.method} ${normalizeGraphPath(call.path).join('/')} ${call.apiVersion}`;
  const byKey = groupBy(calls, key);
  const added = new Set<string>();
  for (const call of observed) {
    const matches = byKey.get(key(call));
    if (matches) for (const match of matches) match.observed = true;
    else if (!added.has(key(call))) {
      added.add(key(call));
      calls.push({ ...call, appRoot });
    }
  }
}

/**
 * Requests with a relative URL sent through a C# HttpClient that another file registers with a base address
 * (`AddHttpClient("Graph", c => c.BaseAddress = …)` in Program.cs, `_factory.CreateClient("Graph").GetAsync("me")`
 * in a service): the URL resolved against the client's base, a call when that is Graph's. A client registered
 * with several bases is left alone; a base that loses the API version is reported (see resolveReference).
 */
function registeredClientCalls(code: readonly FileCodeFacts[], unresolved: UnresolvedGraphCall[]): GraphCall[] {
  const bases = new Map<string, Set<string>>();
  for (const { facts } of code) for (const { client, base } of facts.clientBases ?? []) bases.set(client, (bases.get(client) ?? new Set()).add(base));
  const calls: GraphCall[] = [];
  if (!bases.size) return calls;
  for (const { facts, appRoot } of code) {
    const fileCalls: GraphCall[] = [];
    for (const request of facts.clientRequests ?? []) {
      const known = bases.get(request.client) ?? (request.fallback ? bases.get(request.fallback) : undefined);
      const via = request.join === 'append' ? 'webclient' : 'csharp-http';
      if (!known) continue;
      if (known.size !== 1) {
        // Several registrations with different bases: which one this client is cannot be told from the code.
        if ([...known].some((base) => parseGraphUrl(base)?.host)) unresolved.push({ via, reason: `the client is one of ${known.size} registered with different base URLs`, source: request.source, appRoot });
        continue;
      }
      const base = [...known][0]!;
      const url = request.join === 'append' ? withBaseUrl(request.url, base)! : resolveReference(base, request.url);
      const target = parseGraphUrl(url);
      if (!target?.host) continue;
      if (parseGraphUrl(base)?.version && !target.version) {
        unresolved.push({ via, reason: `${request.url} resolved against the base address ${base} of the registered client is ${url}, without the API version (the base address needs a trailing slash)`, source: request.source, appRoot });
        continue;
      }
      const { select, expand } = queryOptions(target.query);
      fileCalls.push({ method: request.method, path: target.path, apiVersion: target.version === 'beta' ? 'beta' : 'v1.0', via, confidence: 'medium', source: request.source, appRoot, ...(select?.length ? { select } : {}), ...(expand?.length ? { expand } : {}) });
    }
    markBodyReads(fileCalls, Boolean(facts.readsBody));
    calls.push(...fileCalls);
  }
  return calls;
}
