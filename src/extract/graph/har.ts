import { parseGraphUrl, queryOptions } from '../../knowledge/graph/graph-path.ts';
import { batchStepUrl, isBatchPath, jsonBatchRequests } from './batch.ts';
import { compactReferences, type HostReference } from '../hosts/types.ts';
import type { GraphCall } from './types.ts';

export class HarError extends Error {
  override name = 'HarError';
}

/**
 * Graph requests recorded in an HTTP Archive (browser dev tools, Dev Proxy's HAR output): each entry to a
 * Graph host is an observed call; a `$batch` request contributes its inner requests (from the posted body).
 * `label` names the file in reports.
 */
export function callsFromHar(text: string, label: string): Omit<GraphCall, 'appRoot'>[] {
  const entries = harEntries(text, label);
  const calls: Omit<GraphCall, 'appRoot'>[] = [];
  entries.forEach((entry: unknown, index: number) => {
    const request = (entry as { request?: { method?: unknown; url?: unknown; postData?: { text?: unknown } } })?.request;
    if (!request || typeof request.url !== 'string' || typeof request.method !== 'string') return;
    const method = request.method.toUpperCase();
    if (method === 'OPTIONS') return;
    const url = parseGraphUrl(request.url);
    if (!url?.host) return;
    const version = url.version === 'beta' ? 'beta' : 'v1.0';
    const source = { file: label, line: index + 1 };
    if (isBatchPath(url.path)) {
      for (const inner of jsonBatchRequests(request.postData?.text) ?? []) {
        const innerUrl = inner.method && inner.url ? parseGraphUrl(batchStepUrl(inner.url)) : undefined;
        if (innerUrl) calls.push({ method: inner.method!.toUpperCase(), path: innerUrl.path, apiVersion: version, via: 'har-batch', confidence: 'high', source, observed: true });
      }
      return;
    }
    const { select } = queryOptions(url.query);
    calls.push({ method, path: url.path, apiVersion: version, via: 'har', confidence: 'high', source, observed: true, ...(select?.length ? { select } : {}) });
  });
  return calls;
}

/** Every request of an HTTP Archive as an observed outbound connection (the connectivity inventory's runtime evidence). */
export function hostsFromHar(text: string, label: string): HostReference[] {
  const entries = harEntries(text, label);
  const references: HostReference[] = [];
  entries.forEach((entry: unknown, index: number) => {
    const url = (entry as { request?: { url?: unknown } })?.request?.url;
    if (typeof url === 'string' && /^(https?|wss?):\/\//i.test(url)) references.push({ direction: 'outbound', kind: 'har', via: 'recorded request', url, purpose: 'observed in recorded traffic', source: { file: label, line: index + 1 } });
  });
  return compactReferences(references);
}

/** The `log.entries` of an HTTP Archive, or a HarError naming the file and what is wrong. */
function harEntries(text: string, label: string): unknown[] {
  let har: unknown;
  try {
    har = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new HarError(`${label}: not valid JSON (${(error as Error).message})`);
  }
  const entries = (har as { log?: { entries?: unknown } })?.log?.entries;
  if (!Array.isArray(entries)) throw new HarError(`${label}: not an HTTP Archive (no log.entries)`);
  return entries;
}
