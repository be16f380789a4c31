import http from 'node:http';
import https from 'node:https';
import { isIP } from 'node:net';
import type { Endpoint } from './tls/exchange.ts';

/**
 * The HTTP side of an endpoint: the HTTPS response to a GET (HSTS, cookies, security headers, CORS with a
 * foreign origin, banners, redirect chain) and the plain-HTTP listener (it may only redirect to HTTPS and
 * set no cookie). Every request has a time limit and a byte cap; a server that never finishes is reported.
 */
export interface HttpLimits {
  timeoutMs: number;
  maxBodyBytes: number;
  maxRedirects: number;
}

export const DEFAULT_HTTP_LIMITS: HttpLimits = { timeoutMs: 8_000, maxBodyBytes: 64 * 1024, maxRedirects: 5 };

export interface CookieInfo {
  name: string;
  secure: boolean;
  httpOnly: boolean;
  sameSite?: string;
}

export interface HttpsSnapshot {
  url: string;
  status: number;
  redirects: { status: number; location: string }[];
  hsts?: { raw: string; maxAge?: number; includeSubDomains: boolean; preload: boolean };
  cookies: CookieInfo[];
  contentSecurityPolicy?: string;
  frameAncestors?: string[];
  xContentTypeOptions?: string;
  xFrameOptions?: string;
  cors: { allowOrigin?: string; allowCredentials: boolean; reflectsForeignOrigin: boolean };
  banners: { header: string; value: string; revealsVersion: boolean }[];
}

export interface PlainHttpSnapshot {
  url: string;
  status: number;
  location?: string;
  redirectsToHttps: boolean;
  setsCookies: string[];
}

export type Outcome<T> = T | { failure: string };

const FOREIGN_ORIGIN = 'https://m365cert-probe.invalid';

interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
}

function request(url: URL, endpoint: Endpoint, limits: HttpLimits, headers: Record<string, string> = {}): Promise<Outcome<RawResponse>> {
  return new Promise((resolve) => {
    let settled = false;
    const finish = (outcome: Outcome<RawResponse>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.destroy();
      resolve(outcome);
    };
    const secure = url.protocol === 'https:';
    const servername = endpoint.serverName && !isIP(endpoint.serverName) ? endpoint.serverName : undefined;
    const options: https.RequestOptions = {
      host: endpoint.address,
      port: url.port || (secure ? 443 : 80),
      path: `${url.pathname}${url.search}`,
      method: 'GET',
      headers: { host: url.host, 'user-agent': 'm365cert-probe', accept: '*/*', ...headers },
      agent: false,
      ...(secure ? { servername, rejectUnauthorized: false, minVersion: 'TLSv1' as const, ciphers: 'DEFAULT:@SECLEVEL=0' } : {}),
    };
    const req = (secure ? https : http).request(options, (response) => {
      // Headers are what is judged; the body is read up to the cap so the connection ends cleanly.
      let bytes = 0;
      response.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        if (bytes > limits.maxBodyBytes) finish({ status: response.statusCode ?? 0, headers: response.headers });
      });
      response.on('end', () => finish({ status: response.statusCode ?? 0, headers: response.headers }));
      response.on('error', () => finish({ status: response.statusCode ?? 0, headers: response.headers }));
    });
    const timer = setTimeout(() => finish({ failure: `no complete HTTP response within ${limits.timeoutMs} ms` }), limits.timeoutMs);
    req.on('error', (error: NodeJS.ErrnoException) => finish({ failure: `${url.protocol.slice(0, -1).toUpperCase()} request failed: ${error.code === 'ECONNREFUSED' ? 'connection refused' : error.message}` }));
    req.end();
  });
}

export async function probeHttps(endpoint: Endpoint, startUrl: URL, limits: HttpLimits = DEFAULT_HTTP_LIMITS): Promise<Outcome<HttpsSnapshot>> {
  const redirects: HttpsSnapshot['redirects'] = [];
  let url = startUrl;
  let response: Outcome<RawResponse>;
  for (;;) {
    response = await request(url, endpoint, limits, { origin: FOREIGN_ORIGIN });
    if ('failure' in response) return response;
    const location = header(response.headers, 'location');
    if (response.status < 300 || response.status >= 400 || !location) break;
    redirects.push({ status: response.status, location });
    if (redirects.length > limits.maxRedirects) return { failure: `more than ${limits.maxRedirects} redirects (${redirects.map((step) => step.location).slice(0, 3).join(' → ')} …)` };
    const next = new URL(location, url);
    // Redirects are followed only on the endpoint probed: another host is another endpoint.
    if (next.protocol !== 'https:' || next.hostname !== url.hostname) break;
    url = next;
  }
  const headers = response.headers;
  const hstsRaw = header(headers, 'strict-transport-security');
  const csp = header(headers, 'content-security-policy');
  const allowOrigin = header(headers, 'access-control-allow-origin');
  const allowCredentials = /^true$/i.test(header(headers, 'access-control-allow-credentials') ?? '');
  return {
    url: url.href,
    status: response.status,
    redirects,
    ...(hstsRaw ? { hsts: parseHsts(hstsRaw) } : {}),
    cookies: cookiesOf(headers),
    ...(csp ? { contentSecurityPolicy: csp, frameAncestors: frameAncestorsOf(csp) } : {}),
    ...(header(headers, 'x-content-type-options') ? { xContentTypeOptions: header(headers, 'x-content-type-options') } : {}),
    ...(header(headers, 'x-frame-options') ? { xFrameOptions: header(headers, 'x-frame-options') } : {}),
    cors: { ...(allowOrigin ? { allowOrigin } : {}), allowCredentials, reflectsForeignOrigin: allowOrigin === FOREIGN_ORIGIN || (allowOrigin === '*' && allowCredentials) },
    banners: ['server', 'x-powered-by', 'x-aspnet-version', 'x-aspnetmvc-version'].flatMap((name) => {
      const value = header(headers, name);
      return value ? [{ header: name, value, revealsVersion: /\d+\.\d+/.test(value) }] : [];
    }),
  };
}

export async function probePlainHttp(endpoint: Endpoint, url: URL, limits: HttpLimits = DEFAULT_HTTP_LIMITS): Promise<Outcome<PlainHttpSnapshot>> {
  const response = await request(url, endpoint, limits);
  if ('failure' in response) return response;
  const location = header(response.headers, 'location');
  return {
    url: url.href,
    status: response.status,
    ...(location ? { location } : {}),
    redirectsToHttps: response.status >= 300 && response.status < 400 && Boolean(location && /^https:\/\//i.test(new URL(location, url).href)),
    setsCookies: cookiesOf(response.headers).map((cookie) => cookie.name),
  };
}

export function parseHsts(raw: string): NonNullable<HttpsSnapshot['hsts']> {
  const directives = raw.split(';').map((part) => part.trim().toLowerCase());
  const maxAge = directives.map((directive) => /^max-age\s*=\s*"?(\d+)"?$/.exec(directive)?.[1]).find(Boolean);
  return { raw, ...(maxAge !== undefined ? { maxAge: Number(maxAge) } : {}), includeSubDomains: directives.includes('includesubdomains'), preload: directives.includes('preload') };
}

function cookiesOf(headers: http.IncomingHttpHeaders): CookieInfo[] {
  const raw = headers['set-cookie'] ?? [];
  return raw.map((cookie) => {
    const [pair, ...attributes] = cookie.split(';').map((part) => part.trim());
    const names = attributes.map((attribute) => attribute.split('=')[0]!.toLowerCase());
    const sameSite = attributes.find((attribute) => /^samesite=/i.test(attribute))?.split('=')[1];
    return { name: (pair ?? '').split('=')[0] ?? '', secure: names.includes('secure'), httpOnly: names.includes('httponly'), ...(sameSite ? { sameSite } : {}) };
  });
}

function frameAncestorsOf(policy: string): string[] | undefined {
  const directive = policy.split(';').map((part) => part.trim()).find((part) => /^frame-ancestors\s/i.test(part));
  return directive ? directive.split(/\s+/).slice(1) : undefined;
}

function header(headers: http.IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(', ') : value;
}
