import { isKnownPath, MENTIONS_GRAPH_HOST, parseGraphUrl } from '../../knowledge/graph/graph-path.ts';
import type { JsonDocument } from '../../sources/formats/json.ts';
import type { YamlDocument } from '../../sources/formats/yaml.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { isOpenApiDocument, mayBeOpenApi } from '../hosts/file-hosts.ts';
import type { GraphCall } from './types.ts';

/**
 * OpenAPI descriptions whose server is Microsoft Graph — the API plugins of Copilot agents (`apiSpecificationFile`),
 * Power Platform connectors — describe the Graph requests made for the app: each operation is a call, the path
 * joined to the server's (`https://graph.microsoft.com/v1.0` + `/me/messages`), of the server's version. A
 * Swagger 2 `host` and `basePath` count as a server.
 */
const METHODS = ['get', 'put', 'post', 'patch', 'delete'] as const;
/** Operations read per document: a generated description of all of Graph has some ten thousand. */
const MAX_OPERATIONS = 10_000;

/** Whether a structured file may be an OpenAPI description naming a Graph server (before parsing it). */
export function mayDescribeGraphApi(file: SourceFile): boolean {
  return !file.path.includes('!') && mayBeOpenApi(file) && MENTIONS_GRAPH_HOST.test(file.text);
}

export function graphCallsFromOpenApi(file: SourceFile, doc: JsonDocument | YamlDocument): Omit<GraphCall, 'appRoot'>[] {
  const value = doc.value;
  if (!isOpenApiDocument(value)) return [];
  const servers = (Array.isArray(value.servers) ? value.servers : []).map((server) => (server as { url?: unknown })?.url).filter((url): url is string => typeof url === 'string');
  if (typeof value.host === 'string') servers.push(`https://${value.host}${typeof value.basePath === 'string' ? value.basePath : ''}`);
  const graphServers = servers.map((url) => url.replace(/\/+$/, '')).filter((url) => parseGraphUrl(url)?.host);
  if (!graphServers.length) return [];
  const calls: Omit<GraphCall, 'appRoot'>[] = [];
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(value.paths as Record<string, unknown>)) {
    if (!item || typeof item !== 'object' || calls.length >= MAX_OPERATIONS) continue;
    for (const method of METHODS) {
      if (!(item as Record<string, unknown>)[method]) continue;
      for (const server of graphServers) {
        const target = parseGraphUrl(`${server}${path.startsWith('/') ? path : `/${path}`}`);
        if (!target?.host || !isKnownPath(target.path)) continue;
        const key = `${method} ${target.version} ${target.path}`;
        if (seen.has(key)) continue;
        seen.add(key);
        calls.push({ method: method.toUpperCase(), path: target.path, apiVersion: target.version === 'beta' ? 'beta' : 'v1.0', via: 'openapi', confidence: 'high', source: { file: file.path, line: doc.locate(['paths', path, method], true)?.line ?? 1 } });
      }
    }
  }
  return calls;
}
