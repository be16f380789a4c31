import type { ScanResult } from '../engine/types.ts';
import type { HostEntry, PublicEndpoint } from '../extract/hosts/index.ts';

/**
 * The connectivity walkthrough an assessor does by hand: every host with its operator, purpose and the
 * places that show it; the app's public endpoints; and the penetration-test verdict with its reasons.
 * Also the penetration-test scope document (Markdown and JSON) the publisher hands to the testing firm.
 */
type Paint = (style: 'bold' | 'red' | 'yellow' | 'green' | 'gray', text: string) => string;

const OWNER_LABEL: Record<HostEntry['owner'], string> = { microsoft: 'Microsoft', publisher: 'publisher', 'third-party': 'third party', unknown: 'unknown operator' };

/** The hosts of the production footprint as table rows, shared by the Markdown and HTML reports. */
export function hostRows(result: ScanResult): { host: string; owner: string; service: string; purpose: string; where: string }[] {
  return (result.inventory?.hosts ?? [])
    .filter((host) => !host.excluded)
    .map((host) => ({
      host: host.host,
      owner: OWNER_LABEL[host.owner],
      service: host.service ?? '',
      purpose: host.purpose ?? '',
      where: `${host.sources[0] ? `${host.sources[0].file}:${host.sources[0].line}` : ''}${host.sourceCount > 1 ? ` (+${host.sourceCount - 1})` : ''}`,
    }));
}

/** One line for the verdict: what the scan reports say about the penetration test. */
export function pentestLine(result: ScanResult): string | undefined {
  const connectivity = result.connectivity;
  if (!connectivity) return undefined;
  if (!connectivity.pentestRequired) return `Penetration test: not required — ${notRequiredBecause(result)}`;
  return `Penetration test: required — ${connectivity.reasons.length} reason(s), e.g. ${connectivity.reasons[0]}. \`m365cert connectivity --scope scope.md\` writes the scope.`;
}

export function renderConnectivityTable(result: ScanResult, paint: Paint = (_style, text) => text): string {
  const hosts = result.inventory?.hosts ?? [];
  const lines: string[] = [paint('bold', 'Connections outside Microsoft 365')];
  const inFootprint = hosts.filter((host) => !host.excluded);
  if (inFootprint.length === 0) lines.push('  No host found in code, configuration, manifests or infrastructure.');
  for (const host of inFootprint) {
    const owner = host.owner === 'microsoft' ? paint('green', OWNER_LABEL.microsoft) : host.owner === 'publisher' ? OWNER_LABEL.publisher : paint('yellow', OWNER_LABEL[host.owner]);
    const first = host.sources[0];
    lines.push(`  ${host.host}  ${owner}${host.service ? ` — ${host.service}` : ''}`, paint('gray', `      ${host.directions.join('+')} · ${host.purpose ?? ''} · ${first ? `${first.file}:${first.line}` : ''}${host.sourceCount > 1 ? ` (+${host.sourceCount - 1})` : ''}`));
  }
  const excluded = hosts.filter((host) => host.excluded);
  if (excluded.length) lines.push(paint('gray', `  Not in the production footprint: ${excluded.map((host) => `${host.host} (${host.excluded})`).join(', ')}`));
  const endpoints = result.inventory?.publicEndpoints ?? [];
  if (endpoints.length) {
    lines.push(paint('bold', 'Public endpoints the app serves'));
    for (const endpoint of endpoints.slice(0, 60)) lines.push(`  ${endpointText(endpoint)}  ${paint('gray', `${endpoint.purpose} · ${endpoint.source.file}:${endpoint.source.line}`)}`);
    if (endpoints.length > 60) lines.push(paint('gray', `  … ${endpoints.length - 60} more (JSON report or --scope)`));
  }
  const connectivity = result.connectivity;
  if (connectivity) {
    lines.push(paint('bold', `Penetration test: ${connectivity.pentestRequired ? paint('yellow', 'required') : paint('green', 'not required')}`));
    for (const reason of connectivity.reasons.slice(0, 20)) lines.push(`  - ${reason}`);
    if (connectivity.reasons.length > 20) lines.push(`  … ${connectivity.reasons.length - 20} more reasons`);
    if (!connectivity.pentestRequired) lines.push(`  ${notRequiredBecause(result)}`);
    for (const bad of connectivity.malformedUrls.slice(0, 10)) lines.push(paint('yellow', `  unreadable URL at ${bad.source.file}:${bad.source.line}: ${bad.reason}`));
  }
  return `${lines.join('\n')}\n`;
}

/** Why no test is needed; local and development hosts are named, since a production build may use others. */
function notRequiredBecause(result: ScanResult): string {
  const excluded = (result.inventory?.hosts ?? []).filter((host) => host.excluded);
  const base = 'the app contacts only services Microsoft operates and serves no endpoint of its own';
  if (!excluded.length) return `${base}.`;
  return `${base}, apart from ${excluded.length} loopback or development host(s) (${excluded.slice(0, 3).map((host) => host.host).join(', ')}${excluded.length > 3 ? ', …' : ''}); check that production uses no other host.`;
}

function endpointText(endpoint: PublicEndpoint): string {
  return endpoint.kind === 'route' ? `${endpoint.method} ${endpoint.path}` : (endpoint.url ?? endpoint.host ?? '');
}

export interface PentestScope {
  schemaVersion: '1.0.0';
  generatedBy: string;
  generatedAt: string;
  app: string;
  pentestRequired: boolean;
  reasons: string[];
  inScope: {
    hosts: ScopeHost[];
    publicUrls: { url: string; purpose: string; source: string }[];
    apiRoutes: { method: string; path: string; framework?: string; source: string }[];
  };
  authentication: { flow: string; kind: string; source: string }[];
  thirdParties: ScopeHost[];
  outOfScope: { host: string; reason: string }[];
  requirements: string[];
}

interface ScopeHost {
  host: string;
  owner: string;
  service?: string;
  purpose?: string;
  evidence: string[];
}

/** What the certification asks of the test (m365-controls.md §2.3, PT-1 to PT-5 [S1]), in m365cert's words. */
const REQUIREMENTS = [
  'Application and infrastructure penetration test by a reputable independent company, every 12 months; a report from the last 12 months at submission.',
  'Critical and high findings fixed within one month of the test (or sooner if the patch policy says so), with evidence of the fix.',
  'The whole external footprint in scope and listed in the report: IP addresses, URLs and API endpoints.',
  'Web application testing across every vulnerability class (e.g. the current OWASP Top 10).',
  'The hosting of the app code and every environment supporting it, plus connected systems that can affect its security; segmentation tested and described.',
];

export function pentestScope(result: ScanResult): PentestScope {
  const hosts = result.inventory?.hosts ?? [];
  const toScope = (host: HostEntry): ScopeHost => ({ host: host.host, owner: host.owner, ...(host.service ? { service: host.service } : {}), ...(host.purpose ? { purpose: host.purpose } : {}), evidence: host.sources.slice(0, 5).map((source) => `${source.file}:${source.line} (${source.via})`) });
  const inScope = hosts.filter((host) => !host.excluded && host.owner !== 'microsoft' && host.owner !== 'third-party' && host.directions.some((direction) => direction !== 'declared'));
  const endpoints = result.inventory?.publicEndpoints ?? [];
  return {
    schemaVersion: '1.0.0',
    generatedBy: `${result.tool.name} ${result.tool.version}`,
    generatedAt: result.startedAt,
    app: result.root,
    pentestRequired: result.connectivity?.pentestRequired ?? false,
    reasons: result.connectivity?.reasons ?? [],
    inScope: {
      hosts: inScope.map(toScope),
      publicUrls: endpoints.filter((endpoint) => endpoint.kind === 'url').map((endpoint) => ({ url: endpoint.url!, purpose: endpoint.purpose, source: `${endpoint.source.file}:${endpoint.source.line}` })),
      apiRoutes: endpoints.filter((endpoint) => endpoint.kind === 'route').map((endpoint) => ({ method: endpoint.method!, path: endpoint.path!, ...(endpoint.framework ? { framework: endpoint.framework } : {}), source: `${endpoint.source.file}:${endpoint.source.line}` })),
    },
    authentication: (result.inventory?.authFlows ?? []).map((flow) => ({ flow: flow.flow, kind: flow.kind, source: `${flow.source.file}:${flow.source.line}` })),
    thirdParties: hosts.filter((host) => !host.excluded && host.owner === 'third-party' && host.directions.some((direction) => direction !== 'declared')).map(toScope),
    outOfScope: [
      ...hosts.filter((host) => host.owner === 'microsoft' && !host.excluded).map((host) => ({ host: host.host, reason: `operated by Microsoft (${host.service ?? 'Microsoft service'})` })),
      ...hosts.filter((host) => host.excluded).map((host) => ({ host: host.host, reason: `${host.excluded} host, not part of the production footprint` })),
      ...hosts.filter((host) => !host.excluded && host.owner !== 'microsoft' && host.directions.every((direction) => direction === 'declared')).map((host) => ({ host: host.host, reason: 'declared only (manifest or Content-Security-Policy); no use found — confirm or remove' })),
    ],
    requirements: REQUIREMENTS,
  };
}

export function pentestScopeMarkdown(scope: PentestScope): string {
  const cell = (text: string | undefined) => (text ?? '').replace(/\|/g, '\\|').replace(/\n/g, ' ');
  const lines = [
    `# Penetration-test scope`,
    '',
    `Generated by ${scope.generatedBy} on ${scope.generatedAt.slice(0, 10)} from the app's code, manifests, configuration and infrastructure. Review it with the testing firm: hosts known only at run time and hosts of unknown operator need the publisher's answer.`,
    '',
    `**Penetration test required: ${scope.pentestRequired ? 'yes' : 'no'}.**`,
    '',
    ...scope.reasons.map((reason) => `- ${reason}`),
    '',
    '## In scope: hosts of the publisher and hosts of unknown operator',
    '',
    '| Host | Operator | Service | Purpose | Evidence |',
    '|---|---|---|---|---|',
    ...scope.inScope.hosts.map((host) => `| ${cell(host.host)} | ${host.owner} | ${cell(host.service)} | ${cell(host.purpose)} | ${cell(host.evidence.join('; '))} |`),
    '',
    '## In scope: public URLs the app serves',
    '',
    ...(scope.inScope.publicUrls.length ? ['| URL | Purpose | Evidence |', '|---|---|---|', ...scope.inScope.publicUrls.map((url) => `| ${cell(url.url)} | ${cell(url.purpose)} | ${url.source} |`)] : ['None found in the tree.']),
    '',
    '## In scope: API routes',
    '',
    ...(scope.inScope.apiRoutes.length ? ['| Method | Path | Framework | Evidence |', '|---|---|---|---|', ...scope.inScope.apiRoutes.map((route) => `| ${route.method} | ${cell(route.path)} | ${route.framework ?? ''} | ${route.source} |`)] : ['None found in the code or OpenAPI descriptions.']),
    '',
    '## Authentication flows',
    '',
    ...(scope.authentication.length ? scope.authentication.map((flow) => `- ${flow.kind} (${flow.flow}) — ${flow.source}`) : ['None found in the code.']),
    '',
    '## Third parties the app sends data to',
    '',
    ...(scope.thirdParties.length ? ['| Host | Service | Purpose | Evidence |', '|---|---|---|---|', ...scope.thirdParties.map((host) => `| ${cell(host.host)} | ${cell(host.service)} | ${cell(host.purpose)} | ${cell(host.evidence.join('; '))} |`)] : ['None found.']),
    '',
    '## Out of scope',
    '',
    ...(scope.outOfScope.length ? scope.outOfScope.map((entry) => `- ${entry.host}: ${entry.reason}`) : ['Nothing.']),
    '',
    '## What the certification asks of the test',
    '',
    ...scope.requirements.map((requirement) => `- ${requirement}`),
    '',
  ];
  return lines.join('\n');
}
