import type { Parser } from 'web-tree-sitter';
import { classifyHost, registrableDomain, type HostOwner } from '../../knowledge/hosts/ownership.ts';
import { KNOWN_RUNTIME_ORIGINS } from '../../knowledge/hosts/sdk-hosts.ts';
import { structuredFormatOf, type StructuredDoc } from '../../sources/project.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { FileCodeFacts } from '../code/index.ts';
import type { GraphFacts } from '../graph/index.ts';
import type { SourceRef } from '../graph/types.ts';
import type { Manifest } from '../inventory.ts';
import type { ScanProblem } from '../../engine/types.ts';
import { hostReferencesFromConfig, isHostConfigFile, type ConfigEntry } from './config-hosts.ts';
import { localKindOf, parseEndpointUrl, type LocalKind } from './endpoint-url.ts';
import { cspInText, fromArmTemplate, fromBicepOrTerraform, fromHtml, fromOpenApi, HTML_FILE, IAC_FILE, isArmTemplate, isOpenApiDocument, mayBeOpenApi } from './file-hosts.ts';
import { hostReferencesFromManifest } from './manifest-hosts.ts';
import type { HostReference, HostSourceKind, RouteFact } from './types.ts';

/**
 * The connectivity inventory: every host the app connects to, serves or declares, who operates it and why
 * it is contacted, with the places that show it; the app's public endpoints and API routes; and whether the
 * certification's penetration test is required (m365-controls.md §2.2–2.3).
 */
export interface HostSource extends SourceRef {
  kind: HostSourceKind;
  via: string;
  /** The URL as written, with credentials and query values masked. */
  url?: string;
}

export interface HostEntry {
  /** Lower-case ASCII host, `*.suffix` for SDKs with regional hosts, or `dynamic: <name>` when only known at run time. */
  host: string;
  owner: HostOwner;
  service?: string;
  /** Why the owner was chosen: a table rule, a publisher domain, or the publisher's own annotation. */
  ownerBasis: string;
  purpose?: string;
  dynamic?: string;
  directions: HostReference['direction'][];
  schemes: string[];
  ports?: number[];
  /** Loopback, private-network and development hosts are listed but are not part of the production footprint. */
  excluded?: LocalKind;
  sources: HostSource[];
  /** All places found; `sources` keeps the first 50. */
  sourceCount: number;
}

export interface PublicEndpoint {
  kind: 'url' | 'route';
  /** Origin and path for URLs the app serves; absent for code routes whose host is not in the tree. */
  url?: string;
  host?: string;
  method?: string;
  path?: string;
  purpose: string;
  framework?: string;
  source: HostSource;
}

export interface MalformedUrl {
  text: string;
  reason: string;
  source: HostSource;
}

export interface ConnectivityFacts {
  hosts: HostEntry[];
  publicEndpoints: PublicEndpoint[];
  malformed: MalformedUrl[];
  publisherDomains: { domain: string; basis: string }[];
  pentest: { required: boolean; reasons: string[] };
}

export interface HostAnnotation {
  owner?: Exclude<HostOwner, 'unknown'>;
  service?: string;
  purpose?: string;
}

export interface ConnectivityInput {
  files: readonly SourceFile[];
  manifests: readonly Manifest[];
  code: readonly FileCodeFacts[];
  graph?: GraphFacts;
  parse?: (path: string) => StructuredDoc | undefined;
  htmlParser?: Parser;
  /** Recorded traffic (--har). */
  observed?: readonly HostReference[];
  publisherDomains?: readonly string[];
  annotations?: Readonly<Record<string, HostAnnotation>>;
  /** Where a page too deep to parse is reported. */
  problems?: ScanProblem[];
}

const MAX_SOURCES = 50;

export function extractConnectivity(input: ConnectivityInput): ConnectivityFacts {
  const references: HostReference[] = [];
  const routes: RouteFact[] = [];
  const configEntries: (ConfigEntry & { file: string })[] = [];
  for (const { facts } of input.code) {
    append(references, facts.connectivity.references);
    append(routes, facts.connectivity.routes);
  }
  for (const manifest of input.manifests) append(references, hostReferencesFromManifest(manifest));
  const doc = (file: SourceFile) => (input.parse && structuredFormatOf(file.path) ? input.parse(file.path) : undefined);
  for (const file of input.files) {
    if (file.path.includes('!')) continue;
    if (isHostConfigFile(file.path)) {
      const parsed = doc(file);
      if (structuredFormatOf(file.path) && !parsed) continue; // a parse error, already reported
      const found = hostReferencesFromConfig(file, parsed && parsed.format !== 'iac' ? parsed.doc : undefined);
      append(references, found.references);
      for (const entry of found.entries) configEntries.push({ ...entry, file: file.path });
    }
    if (mayBeOpenApi(file)) {
      const parsed = doc(file);
      if (parsed && (parsed.format === 'json' || parsed.format === 'yaml') && isOpenApiDocument(parsed.doc.value)) {
        const found = fromOpenApi(file, parsed.doc);
        append(references, found.references);
        append(routes, found.routes);
      }
    }
    if (/\.json$/i.test(file.path) && file.text.includes('deploymentTemplate')) {
      const parsed = doc(file);
      if (parsed?.format === 'json' && isArmTemplate(parsed.doc.value)) append(references, fromArmTemplate(file, parsed.doc));
    }
    if (IAC_FILE.test(file.path)) {
      const parsed = doc(file);
      if (parsed?.format === 'iac') append(references, fromBicepOrTerraform(file, parsed.doc));
    }
    if (HTML_FILE.test(file.path) && input.htmlParser) append(references, fromHtml(file, input.htmlParser, input.problems));
    else if (/\.(m|c)?(j|t)sx?$|\.(cs|py|java|json|config|conf|ya?ml)$|(^|\/)(staticwebapp\.config\.json|_headers|nginx\.conf)$/i.test(file.path)) append(references, cspInText(file));
  }
  append(references, graphReferences(input.graph));
  append(references, input.observed ?? []);

  return assemble(references, routes, configEntries, input.publisherDomains ?? [], input.annotations ?? {});
}

/** Appends without spreading: a spread of a very long list overflows the call stack. */
function append<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

/** Microsoft Graph calls and token acquisition are connections too (to Microsoft); one reference per file. */
function graphReferences(graph: GraphFacts | undefined): HostReference[] {
  if (!graph) return [];
  const references: HostReference[] = [];
  const seen = new Set<string>();
  for (const call of graph.calls) {
    // Calls seen only in a recording are already hosts of that recording (hostsFromHar).
    if (call.via.startsWith('har')) continue;
    const key = `graph|${call.source.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    references.push({ direction: 'outbound', kind: 'graph', via: `Microsoft Graph ${call.via}`, host: 'graph.microsoft.com', purpose: 'Microsoft Graph API calls', source: call.source });
  }
  for (const flow of graph.flows) {
    const key = `login|${flow.source.file}`;
    if (seen.has(key)) continue;
    seen.add(key);
    references.push({ direction: 'outbound', kind: 'graph', via: `token acquisition (${flow.kind})`, host: 'login.microsoftonline.com', purpose: 'Microsoft Entra ID sign-in and tokens', source: flow.source });
  }
  return references;
}

/** Names a run-time host may come from: `process.env.API_URL`, `os.environ["X"]`, `Configuration["Api:BaseUrl"]`, `${{TAB_ENDPOINT}}`. */
export function settingNameOf(expression: string): string | undefined {
  const match = /(?:process\.env\.|import\.meta\.env\.|os\.environ(?:\.get)?\s*[([]\s*['"]|os\.getenv\(\s*['"]|GetEnvironmentVariable\(\s*"|System\.getenv\(\s*"|\$env:|Configuration\s*\[\s*"|config\s*\[\s*['"]|GetValue<\w+>\(\s*"|GetSection\(\s*")([A-Za-z_][\w:.-]*)/i.exec(expression);
  if (match) return match[1];
  return /^[A-Za-z_][\w.]*$/.test(expression) ? expression.split('.').pop() : undefined;
}

const normaliseKey = (key: string) => key.replace(/[^a-z0-9]/gi, '').toLowerCase();

function assemble(references: HostReference[], routes: RouteFact[], configEntries: (ConfigEntry & { file: string })[], declaredDomains: readonly string[], annotations: Readonly<Record<string, HostAnnotation>>): ConnectivityFacts {
  // Config values by the last segment of their key, to resolve hosts read from settings at run time.
  const byKey = new Map<string, (ConfigEntry & { file: string })[]>();
  for (const entry of configEntries) {
    const key = normaliseKey(entry.key.split(/[.:]/).pop() ?? entry.key);
    const full = normaliseKey(entry.key);
    for (const name of full === key ? [key] : [key, full]) {
      const list = byKey.get(name);
      if (list) list.push(entry);
      else byKey.set(name, [entry]);
    }
  }

  interface Resolved {
    host: string;
    reference: HostReference;
    scheme?: string;
    port?: number;
    display?: string;
    dynamic?: string;
  }
  const resolved: Resolved[] = [];
  const malformed: MalformedUrl[] = [];
  const sourceOf = (reference: HostReference, display?: string): HostSource => ({ ...reference.source, kind: reference.kind, via: reference.via, ...(display ? { url: display } : {}) });

  // The same URL text recurs across files (one base URL, many call sites): parse each text once.
  const parsedUrls = new Map<string, ReturnType<typeof parseEndpointUrl>>();
  const parseUrl = (text: string) => {
    let parsed = parsedUrls.get(text);
    if (parsed === undefined && !parsedUrls.has(text)) parsedUrls.set(text, (parsed = parseEndpointUrl(text)));
    return parsed;
  };
  const resolveOne = (reference: HostReference, depth: number): void => {
    if (reference.host) {
      resolved.push({ host: reference.host, reference, scheme: 'https' });
      return;
    }
    let dynamic = reference.dynamic;
    let display: string | undefined;
    if (reference.url) {
      const parsed = parseUrl(reference.url);
      if (!parsed) return;
      if ('error' in parsed) {
        malformed.push({ text: reference.url.replace(/\/\/[^/@]*@/, '//***@').slice(0, 200), reason: parsed.error, source: sourceOf(reference) });
        return;
      }
      if (parsed.url.host) {
        resolved.push({ host: parsed.url.host, reference, scheme: parsed.url.scheme, port: parsed.url.port, display: parsed.url.display });
        return;
      }
      dynamic = parsed.url.dynamic;
      display = parsed.url.display;
    }
    if (!dynamic) return;
    // A run-time value whose origin is known all the same (the SPFx page's SharePoint site, the bot's service URL).
    const known = KNOWN_RUNTIME_ORIGINS.find((origin) => origin.expression.test(dynamic!));
    if (known) {
      resolved.push({ host: known.host, reference: { ...reference, purpose: reference.purpose ?? known.purpose }, scheme: 'https' });
      return;
    }
    // A run-time host read from a setting the tree defines: the setting's values are the hosts.
    const name = settingNameOf(dynamic);
    const entries = name && depth === 0 ? byKey.get(normaliseKey(name.split(/[.:]/).pop()!)) ?? byKey.get(normaliseKey(name)) : undefined;
    const usable = entries?.filter((entry) => entry.value.trim()) ?? [];
    if (usable.length) {
      for (const entry of usable) {
        const value = entry.value.trim().replace(/^["']|["']$/g, '');
        const rest = reference.url && display ? (display.split(/\$\{\{[^}]*\}\}|\$\{[^}]*\}|\{id\}/)[1] ?? '') : '';
        const url = /^(https?|wss?):\/\//i.test(value) ? `${value.replace(/\/$/, '')}${rest}` : /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/i.test(value) ? `https://${value}${rest}` : undefined;
        if (url) resolveOne({ ...reference, url, dynamic: undefined, via: `${reference.via} (${name} = ${entry.file}:${entry.line})` }, depth + 1);
      }
      return;
    }
    resolved.push({ host: `dynamic: ${dynamic}`, reference, dynamic, display });
  };
  for (const reference of references) resolveOne(reference, 0);

  // Publisher domains: declared in the config, or inferred from what the app serves.
  const publisherDomains = new Map<string, string>(declaredDomains.map((domain) => [domain.replace(/^\*\./, '').toLowerCase(), 'declared in the m365cert configuration']));
  for (const item of resolved) {
    if (item.reference.direction !== 'served' || item.dynamic || localKindOf(item.host)) continue;
    if (classifyHost(item.host).owner !== 'unknown') continue;
    const domain = registrableDomain(item.host);
    if (domain && !publisherDomains.has(domain)) publisherDomains.set(domain, `the app serves ${item.reference.purpose ?? 'an endpoint'} at ${item.host} (${item.reference.source.file}:${item.reference.source.line})`);
  }
  const publisherList = [...publisherDomains.keys()];

  const entries = new Map<string, HostEntry>();
  const publicEndpoints: PublicEndpoint[] = [];
  for (const item of resolved) {
    let entry = entries.get(item.host);
    if (!entry) {
      const annotation = annotations[item.host];
      const ownership = item.dynamic ? { owner: 'unknown' as const, basis: 'host known only at run time' } : classifyHost(item.host, publisherList);
      const local = item.dynamic ? undefined : localKindOf(item.host);
      entry = {
        host: item.host,
        owner: annotation?.owner ?? ownership.owner,
        ...((annotation?.service ?? ownership.service) ? { service: annotation?.service ?? ownership.service } : {}),
        ownerBasis: annotation?.owner ? 'annotated in the m365cert configuration' : ownership.basis,
        ...(annotation?.purpose ? { purpose: annotation.purpose } : {}),
        ...(item.dynamic ? { dynamic: item.dynamic } : {}),
        directions: [],
        schemes: [],
        ...(local ? { excluded: local } : {}),
        sources: [],
        sourceCount: 0,
      };
      entries.set(item.host, entry);
    }
    const { reference } = item;
    if (!entry.directions.includes(reference.direction)) entry.directions.push(reference.direction);
    if (item.scheme && !entry.schemes.includes(item.scheme)) entry.schemes.push(item.scheme);
    if (item.port) entry.ports = [...new Set([...(entry.ports ?? []), item.port])];
    if (!entry.purpose && reference.purpose && reference.direction !== 'declared') entry.purpose = reference.purpose;
    entry.sourceCount += reference.occurrences ?? 1;
    const source = sourceOf(reference, item.display);
    if (entry.sources.length < MAX_SOURCES && !entry.sources.some((known) => known.file === source.file && known.line === source.line && known.via === source.via)) entry.sources.push(source);
    if (reference.direction === 'served' && !item.dynamic && !entry.excluded) {
      publicEndpoints.push({ kind: 'url', url: item.display ?? `https://${item.host}`, host: item.host, purpose: reference.purpose ?? 'served endpoint', source });
    }
  }
  for (const entry of entries.values()) {
    if (entry.purpose) continue;
    entry.purpose = entry.directions.length === 1 && entry.directions[0] === 'declared' ? 'declared in a manifest or policy; no use found' : `contacted via ${entry.sources[0]?.via ?? 'code'}`;
  }
  for (const route of routes) publicEndpoints.push({ kind: 'route', method: route.method, path: route.path, framework: route.framework, purpose: 'API route served by the app', source: { ...route.source, kind: route.framework === 'openapi' ? 'openapi' : 'code', via: route.framework } });

  const hosts = [...entries.values()].sort(compareHosts);
  return { hosts, publicEndpoints: dedupeEndpoints(publicEndpoints), malformed, publisherDomains: [...publisherDomains].map(([domain, basis]) => ({ domain, basis })), pentest: pentestVerdict(hosts, routes) };
}

const OWNER_ORDER: Record<HostOwner, number> = { 'third-party': 0, unknown: 1, publisher: 2, microsoft: 3 };

function compareHosts(a: HostEntry, b: HostEntry): number {
  return Number(Boolean(a.excluded)) - Number(Boolean(b.excluded)) || OWNER_ORDER[a.owner] - OWNER_ORDER[b.owner] || a.host.localeCompare(b.host);
}

function dedupeEndpoints(endpoints: PublicEndpoint[]): PublicEndpoint[] {
  const seen = new Set<string>();
  return endpoints.filter((endpoint) => {
    const key = `${endpoint.kind}|${endpoint.url ?? ''}|${endpoint.method ?? ''}|${endpoint.path ?? ''}|${endpoint.source.file}:${endpoint.source.line}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * A penetration test is required when the app connects to any service Microsoft does not operate, its own
 * backend included (m365-controls.md §2.3 [S1][S9]). Hosts known only at run time count until the
 * publisher names their operator: the verdict cannot rule them out.
 */
function pentestVerdict(hosts: readonly HostEntry[], routes: readonly RouteFact[]): { required: boolean; reasons: string[] } {
  const reasons: string[] = [];
  const at = (entry: HostEntry) => (entry.sources[0] ? ` (${entry.sources[0].file}:${entry.sources[0].line})` : '');
  for (const entry of hosts) {
    if (entry.excluded || entry.owner === 'microsoft') continue;
    if (!entry.directions.some((direction) => direction !== 'declared')) continue;
    const verb = entry.directions.includes('served') && !entry.directions.includes('outbound') ? 'serves' : 'connects to';
    if (entry.dynamic) reasons.push(`${verb} a host known only at run time, from ${entry.dynamic}${at(entry)}: unless it is a Microsoft service, it is in scope`);
    else if (entry.owner === 'third-party') reasons.push(`${verb} ${entry.host}, operated by a third party (${entry.service ?? 'named in the table'})${at(entry)}`);
    else if (entry.owner === 'publisher') reasons.push(`${verb} ${entry.host}, ${entry.service === "publisher's domain" || !entry.service ? "under the publisher's own domain" : entry.service}${at(entry)}`);
    else reasons.push(`${verb} ${entry.host}, whose operator is not known (not a Microsoft service in m365cert's table)${at(entry)}`);
  }
  if (routes.length) {
    const first = routes[0]!;
    reasons.push(`serves ${routes.length} API route(s) of its own, e.g. ${first.method} ${first.path} (${first.source.file}:${first.source.line})`);
  }
  return { required: reasons.length > 0, reasons };
}
