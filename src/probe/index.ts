import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { performance } from 'node:perf_hooks';
import { DEFAULT_HTTP_LIMITS, probeHttps, probePlainHttp, type HttpLimits, type HttpsSnapshot, type Outcome, type PlainHttpSnapshot } from './http.ts';
import { DEFAULT_EXCHANGE_LIMITS, type ExchangeLimits } from './tls/exchange.ts';
import { scanTls, type TlsSnapshot } from './tls/scan-tls.ts';

/**
 * Probing endpoints: targets given as URL, host:port or IP (with a separate SNI name), resolved once, probed
 * for TLS and HTTP within per-endpoint limits and an overall deadline, several at a time. The result is a
 * serialisable snapshot that later scans evaluate offline and that goes into the evidence.
 */
export interface ProbeTarget {
  /** As the user gave it. */
  input: string;
  host: string;
  port: number;
  path: string;
  /** SNI and certificate name; the host unless the target is an IP and a name was given. */
  serverName?: string;
  /** Port of the plain-HTTP listener to check (80 for the default HTTPS port), if any. */
  httpPort?: number;
}

export interface EndpointSnapshot {
  target: ProbeTarget;
  /** Every address the name resolved to; the first was probed. */
  addresses: string[];
  address?: string;
  startedAt: string;
  durationMs: number;
  tls?: TlsSnapshot;
  https?: Outcome<HttpsSnapshot>;
  plainHttp?: Outcome<PlainHttpSnapshot>;
  /** Why the endpoint could not be assessed at all (name not resolved, deadline). */
  failure?: string;
}

export interface ProbeSnapshotFile {
  schemaVersion: '1.0.0';
  tool: string;
  takenAt: string;
  endpoints: EndpointSnapshot[];
}

export interface ProbeOptions {
  tls?: ExchangeLimits;
  http?: HttpLimits;
  /** The whole probe of one endpoint ends by then, whatever is left unfinished. */
  endpointDeadlineMs?: number;
  concurrency?: number;
  now?: () => Date;
}

export class TargetError extends Error {
  override name = 'TargetError';
}

/** `https://app.contoso.com:8443/path`, `app.contoso.com:443`, `app.contoso.com`, `203.0.113.5:443`, `[2001:db8::1]:443`. */
export function parseTarget(input: string, serverName?: string): ProbeTarget {
  const text = input.trim();
  let url: URL;
  try {
    url = new URL(/^[a-z][\w+.-]*:\/\//i.test(text) ? text : `https://${text}`);
  } catch {
    throw new TargetError(`not a URL, host:port or IP: ${input}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TargetError(`only http(s) targets can be probed: ${input}`);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  if (!host) throw new TargetError(`no host in ${input}`);
  const port = Number(url.port || 443);
  const name = serverName ?? (isIP(host) ? undefined : host);
  return { input, host, port, path: `${url.pathname}${url.search}` || '/', ...(name ? { serverName: name } : {}), ...(port === 443 ? { httpPort: 80 } : {}) };
}

export async function probeEndpoint(target: ProbeTarget, options: ProbeOptions = {}): Promise<EndpointSnapshot> {
  const started = performance.now();
  const startedAt = (options.now?.() ?? new Date()).toISOString();
  const snapshot: EndpointSnapshot = { target, addresses: [], startedAt, durationMs: 0 };
  const deadline = options.endpointDeadlineMs ?? 60_000;
  let timer: NodeJS.Timeout | undefined;
  const work = (async () => {
    try {
      snapshot.addresses = isIP(target.host) ? [target.host] : (await lookup(target.host, { all: true })).map((entry) => entry.address);
    } catch (error) {
      snapshot.failure = `the name ${target.host} did not resolve (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
      return;
    }
    const address = snapshot.addresses[0]!;
    snapshot.address = address;
    const endpoint = { address, port: target.port, serverName: target.serverName };
    snapshot.tls = await scanTls(endpoint, options.tls ?? DEFAULT_EXCHANGE_LIMITS, options.now?.());
    const hostForUrl = target.host.includes(':') ? `[${target.host}]` : target.host;
    snapshot.https = await probeHttps(endpoint, new URL(`https://${hostForUrl}:${target.port}${target.path}`), options.http ?? DEFAULT_HTTP_LIMITS);
    if (target.httpPort) snapshot.plainHttp = await probePlainHttp({ ...endpoint, port: target.httpPort }, new URL(`http://${hostForUrl}:${target.httpPort}${target.path}`), options.http ?? DEFAULT_HTTP_LIMITS);
  })();
  await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(() => {
    snapshot.failure = `the probe did not finish within ${deadline} ms`;
    resolve();
  }, deadline)))]);
  clearTimeout(timer);
  snapshot.durationMs = Math.round(performance.now() - started);
  return snapshot;
}

/** Probes every target, `concurrency` at a time, in the order given. */
export async function probeEndpoints(targets: readonly ProbeTarget[], options: ProbeOptions = {}): Promise<EndpointSnapshot[]> {
  const results = new Array<EndpointSnapshot>(targets.length);
  let next = 0;
  const worker = async () => {
    while (next < targets.length) {
      const index = next++;
      results[index] = await probeEndpoint(targets[index]!, options);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 8, targets.length)) }, worker));
  return results;
}
