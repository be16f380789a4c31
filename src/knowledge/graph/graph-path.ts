/**
 * One normal form for Microsoft Graph paths, used for both the permission data's templates and the calls
 * found in code, so the two meet segment by segment:
 * - lower case (Graph paths are case-insensitive; the data mixes cases);
 * - any placeholder (`{id}`, `{user-id}`, `{value}`) or dynamic value → `{id}`;
 * - key in parentheses (`users('x')`, `users(x)`) → `users/{id}`;
 * - functions keep their parameter names only: `getemailactivityuserdetail(period='D7')` → `getemailactivityuserdetail(period)`,
 *   `delta()` → `delta`; alternate keys likewise: `applications(appId='…')` → `applications(appid)`;
 * - OneDrive path addressing `root:/a/b.docx:` → `root:` `{id}:`;
 * - `microsoft.graph.` prefixes of functions and actions are dropped (casts are handled by the matcher).
 */

import { escapeRegExp } from '../../util/regexp.ts';

export const PLACEHOLDER = '{id}';

/** Splits a version-less Graph path (no host, no query) into normalised segments. */
export function normalizeGraphPath(path: string): string[] {
  let text = path.trim();
  const query = text.indexOf('?');
  if (query !== -1) text = text.slice(0, query);
  text = safeDecode(text).replace(/\/+$/, '');
  const raw = splitOutsideQuotes(text);
  const segments: string[] = [];
  for (let index = 0; index < raw.length; index++) {
    let segment = raw[index]!;
    if (segment === '') continue;
    // OneDrive: root:/folder/file.docx:/content — everything between the colons is one item path.
    if (/:$/.test(segment) && segment.length > 1 && !segment.startsWith('{') && index + 1 < raw.length) {
      segments.push(segment.toLowerCase());
      let end = index + 1;
      while (end < raw.length && !raw[end]!.endsWith(':')) end++;
      if (end < raw.length) {
        segments.push(`${PLACEHOLDER}:`);
        index = end;
        continue;
      }
      continue;
    }
    if (/^\{[^}]*\}:?$/.test(segment)) {
      segments.push(segment.endsWith(':') ? `${PLACEHOLDER}:` : PLACEHOLDER);
      continue;
    }
    segment = segment.replace(/^microsoft\.graph\.(?=[a-z]+\()/i, '');
    const call = /^([^()]+)\((.*)\)$/.exec(segment);
    if (call) {
      const name = call[1]!.toLowerCase();
      const inside = call[2]!.trim();
      if (inside === '') segments.push(name);
      else if (!/=/.test(inside)) segments.push(name, PLACEHOLDER);
      else segments.push(`${name}(${parameterNames(inside).join(',')})`);
      continue;
    }
    segments.push(isDynamicValue(segment) ? PLACEHOLDER : segment.toLowerCase());
  }
  return segments;
}

/** Values that are ids, e-mail addresses or numbers rather than path names. */
function isDynamicValue(segment: string): boolean {
  if (segment.startsWith('$')) return false;
  // A cast names a type, digits and all (`microsoft.graph.win32LobApp`).
  if (/^microsoft\.graph\.[A-Za-z][A-Za-z0-9]*$/i.test(segment)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(segment)) return true;
  if (/@/.test(segment) || /^\d+$/.test(segment)) return true;
  if (/^'.*'$/.test(segment)) return true;
  return /[^A-Za-z0-9_.:-]/.test(segment) || (/\d/.test(segment) && /[A-Za-z]/.test(segment) && !/^[A-Za-z][A-Za-z0-9]*$/.test(segment));
}

function parameterNames(inside: string): string[] {
  return splitOutsideQuotes(inside, ',').map((part) => part.split('=')[0]!.trim().toLowerCase()).filter(Boolean);
}

function splitOutsideQuotes(text: string, separator = '/'): string[] {
  const parts: string[] = [];
  let current = '';
  let quote = false;
  let depth = 0;
  for (const char of text) {
    if (char === "'") quote = !quote;
    if (!quote && char === '(') depth++;
    if (!quote && char === ')') depth = Math.max(0, depth - 1);
    if (char === separator && !quote && depth === 0) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** Graph hosts of the global service and the national clouds. */
export const GRAPH_HOSTS = ['graph.microsoft.com', 'graph.microsoft.us', 'dod-graph.microsoft.us', 'microsoftgraph.chinacloudapi.cn', 'graph.microsoft.de'];
/**
 * Microsoft Search's query operation (`POST /search/query`, with or without its version), whose permission
 * depends on the entity types its body searches rather than on the path.
 */
export const SEARCH_QUERY_PATH = /^\/?(v1\.0\/|beta\/)?search\/query\/?$/i;
/** The GRAPH_HOSTS as a regular expression alternation (`graph\.microsoft\.com|…`), to build URL patterns with. */
export const GRAPH_HOST_PATTERN = GRAPH_HOSTS.map(escapeRegExp).join('|');
/** Text naming one of the GRAPH_HOSTS (each contains `graph.microsoft` or `microsoftgraph.`): a cheap test before parsing URLs. */
export const MENTIONS_GRAPH_HOST = /graph\.microsoft|microsoftgraph\./i;

export interface GraphUrl {
  host?: string;
  version?: string;
  /** Version-less path, starting with "/". */
  path: string;
  query?: string;
}

/**
 * Splits a Graph URL or path into host, version and path. Accepts absolute URLs on any Graph host, and
 * relative paths with or without a version prefix. Returns undefined for URLs on other hosts.
 */
/** Whether a parsed path names something: not the root, not a path whose start is known only at run time (`/{id}/…`). */
export function isKnownPath(path: string): boolean {
  return path !== '/' && !path.startsWith(`/${PLACEHOLDER}`);
}

export function parseGraphUrl(text: string): GraphUrl | undefined {
  let rest = text.trim();
  let host: string | undefined;
  const absolute = /^https?:\/\/([^/?#]+)(.*)$/i.exec(rest);
  if (absolute) {
    host = absolute[1]!.toLowerCase();
    if (!GRAPH_HOSTS.includes(host) && host !== PLACEHOLDER) return undefined;
    rest = absolute[2] || '/';
  }
  if (!rest.startsWith('/')) rest = `/${rest}`;
  const queryAt = rest.indexOf('?');
  const query = queryAt === -1 ? undefined : rest.slice(queryAt + 1);
  // A trailing slash names the same resource (`/installedApps/?$expand=…`), and so does a doubled one, as joining a
  // base and a path with slashes on both sides writes it (`…/v1.0` + `/` + `/me`).
  let path = (queryAt === -1 ? rest : rest.slice(0, queryAt)).replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1');
  let version: string | undefined;
  const versioned = /^\/(v1\.0|beta)(?=\/|$)/i.exec(path);
  if (versioned) {
    version = versioned[1]!.toLowerCase();
    path = path.slice(versioned[0].length) || '/';
  }
  return { host, version, path, query };
}

/** The `$select` and `$expand` of a Graph URL's query (`$select=id,mail`), each list trimmed; absent when not given. */
export function queryOptions(query: string | undefined): { select?: string[]; expand?: string[] } {
  if (!query) return {};
  const search = new URLSearchParams(query);
  return { select: optionList(search.get('$select')), expand: optionList(search.get('$expand')) };
}

/**
 * The items of a `$select` or `$expand` value (`id, mail`), trimmed. A list computed at run time (`${FIELDS}`,
 * `{properties}`) selects what m365cert cannot know: as if none were given.
 */
export function optionList(value: string | null | undefined): string[] | undefined {
  const items = value?.split(',').map((item) => item.trim()).filter(Boolean);
  // `{properties}`: a URI template variable (Spring's RestTemplate) filled at run time, as unknown as `{id}`.
  return items?.length && !items.some((item) => /\{[^}]*\}/.test(item)) ? items : undefined;
}

/** Creating a change-notification subscription: its permission is the read permission of the resource subscribed to. */
export const SUBSCRIPTIONS_PATH = /^\/subscriptions\/?$/i;

/**
 * The resource a subscription's body names, in the text of the body as code writes it: `resource: 'me/messages'`,
 * `"resource": "…"`, `Resource = "…"` (C#), `resource="…"` (Python), `setResource("…")` (Java), `-Resource "…"`.
 */
export function subscribedResourceIn(text: string): string | undefined {
  // The whole value a literal: `"users/" + id + "/messages"` is built at run time, not "users/".
  const match = /(?:\bsetResource\(\s*|-Resource\s+|["']?\bresource["']?\s*[:=]\s*)(["'`])((?:(?!\1)[^\n])+)\1(?=\s*(?:[),;}\]\r\n]|$))/i.exec(text);
  return match?.[2]?.trim() || undefined;
}

/** The audience a managed identity's token is requested for when it serves as a federated client assertion (no Graph token). */
export const TOKEN_EXCHANGE = 'api://AzureADTokenExchange';
