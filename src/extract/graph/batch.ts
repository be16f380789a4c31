/**
 * JSON batching (`POST /$batch`), as every reader meets it — code in each language, recorded traffic: the batch
 * is no call of its own, each inner request is, and an inner request's `url` is relative to the version root
 * (`me/events` and `/me/events` alike).
 */

/** Whether a version-less Graph path is the batch endpoint. */
export function isBatchPath(path: string): boolean {
  return path.replace(/\//g, '') === '$batch';
}

/** An inner request's url as a Graph path or URL: a relative one gets its leading slash. */
export function batchStepUrl(url: string): string {
  return /^(\/|https?:)/i.test(url) ? url : `/${url}`;
}

/** The inner requests of a batch body written as JSON text (`{"requests": [{"method", "url"}, …]}`); undefined when it is none. */
export function jsonBatchRequests(text: unknown): { method?: string; url?: string }[] | undefined {
  if (typeof text !== 'string') return undefined;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return undefined;
  }
  const requests = (body as { requests?: unknown } | null)?.requests;
  if (!Array.isArray(requests)) return undefined;
  return requests.map((request: { method?: unknown; url?: unknown } | null) => ({ method: typeof request?.method === 'string' ? request.method : undefined, url: typeof request?.url === 'string' ? request.url : undefined }));
}
