import { domainToASCII } from 'node:url';

/**
 * Reading the host out of a URL-ish string found in code or configuration. Strings here are often
 * partial (`https://${HOST}/api`), carry placeholders (`${{BOT_DOMAIN}}`, `{id}`), credentials, IDNs or
 * IPv6 literals; none of that may throw, and a credential never survives into a report.
 */
export interface EndpointUrl {
  scheme: 'http' | 'https' | 'ws' | 'wss';
  /** Lower-case ASCII host (IDNs in punycode); IPv6 literals without brackets. Absent when dynamic. */
  host?: string;
  /** The expression or placeholder the host comes from when it is not literal text. */
  dynamic?: string;
  port?: number;
  /** Path without query or fragment; `/` when none. */
  path: string;
  /** The URL as it may be shown: user info and query values masked. */
  display: string;
  ipv6?: boolean;
  hadUserInfo?: boolean;
}

export type EndpointParse = { url: EndpointUrl } | { error: string } | undefined;

const URL_START = /^(https?|wss?):\/\//i;
/** Placeholders our evaluators and the Agents Toolkit leave in strings. */
const PLACEHOLDER_IN_HOST = /^\$\{\{\s*([\w.]+)\s*\}\}|^\{\{\s*([\w.]+)\s*\}\}|^\$\{\s*([\w.]+)\s*\}|^\{(\w+)\}|^%(\w+)%|^\$\(([\w.]+)\)/;
const MAX_URL_LENGTH = 4096;

/**
 * Parses an absolute http(s)/ws(s) URL. Returns undefined when the text is not such a URL at all, an error
 * when it looks like one but cannot be read (bad port, broken IPv6 literal, invalid IDN).
 */
export function parseEndpointUrl(text: string): EndpointParse {
  const raw = text.trim();
  const scheme = URL_START.exec(raw)?.[1]?.toLowerCase() as EndpointUrl['scheme'] | undefined;
  if (!scheme) return undefined;
  if (raw.length > MAX_URL_LENGTH) return { error: `URL longer than ${MAX_URL_LENGTH} characters` };
  const afterScheme = raw.slice(scheme.length + 3);
  const authorityEnd = firstIndexOf(afterScheme, ['/', '?', '#']);
  let authority = afterScheme.slice(0, authorityEnd);
  const rest = afterScheme.slice(authority.length);
  let hadUserInfo = false;
  const at = authority.lastIndexOf('@');
  if (at !== -1 && !PLACEHOLDER_IN_HOST.test(authority)) {
    hadUserInfo = true;
    authority = authority.slice(at + 1);
  }
  const path = (rest.split(/[?#]/)[0] || '/').replace(/\/{2,}/g, '/');
  const display = `${scheme}://${hadUserInfo ? '***@' : ''}${authority}${maskQuery(rest)}`;
  if (!authority) return { error: 'URL without a host' };
  // `https://${name}.openai.azure.com`: a run-time resource name under a literal domain is a pattern on that domain.
  const dynamicLabel = /^(?:[^./]*[{}$%][^./]*\.)+([a-z0-9-]+(?:\.[a-z0-9-]+)+)(?::\d+)?$/i.exec(authority);
  if (dynamicLabel && !authority.includes("${{") && !/[{}$%]/.test(dynamicLabel[1]!)) return { url: { scheme, host: `*.${dynamicLabel[1]!.toLowerCase()}`, path, display } };
  const placeholder = PLACEHOLDER_IN_HOST.exec(authority);
  if (placeholder) {
    const name = placeholder.slice(1).find(Boolean)!;
    return { url: { scheme, dynamic: name === 'id' ? 'computed at run time' : name, path, display, ...(hadUserInfo ? { hadUserInfo } : {}) } };
  }
  if (/[{}$%]/.test(authority)) return { url: { scheme, dynamic: authority, path, display } };
  // A wildcard (`*.contoso.com` in AppDomains, validDomains or a CSP) is a pattern: kept as written, validated without the `*.`.
  const wildcard = authority.startsWith('*.');
  if (wildcard) authority = authority.slice(2);
  let parsed: URL;
  try {
    parsed = new URL(`${scheme}://${authority}/`);
  } catch {
    return { error: `not a valid host: ${authority}` };
  }
  let host = parsed.hostname.toLowerCase();
  const ipv6 = host.startsWith('[');
  if (ipv6) host = host.slice(1, -1);
  else {
    const ascii = domainToASCII(host);
    if (!ascii) return { error: `not a valid internationalised host name: ${authority}` };
    host = ascii.replace(/\.$/, '');
  }
  if (!ipv6 && !/^[a-z0-9.-]+$/.test(host)) return { error: `not a valid host: ${authority}` };
  // DNS limits (RFC 1035): 63 octets a label, 253 a name.
  if (!ipv6 && (host.length > 253 || host.split('.').some((label) => label.length > 63))) return { error: `host name longer than DNS allows: ${host.slice(0, 40)}…` };
  if (wildcard) host = `*.${host}`;
  const port = parsed.port ? Number(parsed.port) : undefined;
  return { url: { scheme, host, path, display, ...(port ? { port } : {}), ...(ipv6 ? { ipv6 } : {}), ...(hadUserInfo ? { hadUserInfo } : {}) } };
}

/** URL-shaped substrings of a longer text (a connection string, a CSP header, a comment-free value). */
export function urlsIn(text: string): string[] {
  return text.match(/\b(?:https?|wss?):\/\/[^\s"'<>`,;)\]]+/gi) ?? [];
}

/** Query values can carry SAS signatures and API keys; only their names are kept. */
function maskQuery(rest: string): string {
  const query = rest.indexOf('?');
  if (query === -1) return rest.split('#')[0]!;
  const base = rest.slice(0, query);
  const names = rest.slice(query + 1).split('#')[0]!.split('&').map((pair) => pair.split('=')[0]).filter(Boolean);
  return names.length ? `${base}?${names.map((name) => `${name}=…`).join('&')}` : base;
}

function firstIndexOf(text: string, needles: string[]): number {
  let best = text.length;
  for (const needle of needles) {
    const index = text.indexOf(needle);
    if (index !== -1 && index < best) best = index;
  }
  return best;
}

const LOOPBACK_HOSTS = /^(localhost|.*\.localhost|127(?:\.\d{1,3}){3}|::1|0\.0\.0\.0|host\.docker\.internal)$/i;
const PRIVATE_V4 = /^(10\.\d+\.\d+\.\d+|192\.168\.\d+\.\d+|172\.(1[6-9]|2\d|3[01])\.\d+\.\d+|169\.254\.\d+\.\d+)$/;
/** Names reserved for examples and documentation (RFC 2606, RFC 6761) and tunnels used only while developing. */
const DEV_HOSTS = /(^|\.)(example\.(com|org|net)|example|test|invalid|local|ngrok\.io|ngrok-free\.app|ngrok\.app|loca\.lt|devtunnels\.ms)$/i;

export type LocalKind = 'loopback' | 'private-network' | 'development';

/** Hosts that are not part of the production footprint: loopback, private addresses, documentation and tunnel names. */
export function localKindOf(host: string): LocalKind | undefined {
  if (LOOPBACK_HOSTS.test(host) || /^fe80:|^f[cd][0-9a-f]{2}:/i.test(host)) return LOOPBACK_HOSTS.test(host) ? 'loopback' : 'private-network';
  if (PRIVATE_V4.test(host)) return 'private-network';
  if (DEV_HOSTS.test(host)) return 'development';
  return undefined;
}
