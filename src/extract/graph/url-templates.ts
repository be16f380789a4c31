import type { Confidence } from './types.ts';
import { PLACEHOLDER, parseGraphUrl } from '../../knowledge/graph/graph-path.ts';

/**
 * Request helpers: functions that send a request to a URL built from their parameters (a Graph client's
 * `.api(path)`, `fetch(`${GRAPH}${path}`)`, or a Node `https.get({ host, path: version + path + query })`
 * whose host is a parameter too). Their call sites are the calls; a helper calling another helper with its own
 * parameters is a helper in turn, across modules.
 */

/** A URL as a function builds it: literal text and parameter slots (the parameter's position), in order. */
export type UrlTemplate = readonly (string | { readonly param: number })[];

/** A request helper: the URL it requests, with the method and version it uses. */
export interface RequestWrapper {
  template: UrlTemplate;
  method: string;
  version?: string;
  via: string;
  /** A path alone is Graph's (a Graph client's `.api(path)`); for an HTTP client it is the page's own origin. */
  graphRelative: boolean;
  /**
   * Parameters that give the request's method (`query[method]()`), API version (`.version(version)`), `$select`
   * and `$expand` (`.select(properties)`): what each call site passes there.
   */
  given?: { method?: number; version?: number; select?: number; expand?: number };
  /** `medium` for a request made by code m365cert does not know (see methodOfUnknownRequest); `high` when absent. */
  confidence?: Confidence;
}

/** One template from parts, adjacent texts merged. */
export function joinTemplate(parts: readonly (UrlTemplate | string | { readonly param: number })[]): UrlTemplate {
  const joined: (string | { param: number })[] = [];
  const add = (part: string | { readonly param: number }) => {
    const last = joined[joined.length - 1];
    if (typeof part === 'string') {
      if (!part) return;
      if (typeof last === 'string') joined[joined.length - 1] = last + part;
      else joined.push(part);
    } else joined.push({ param: part.param });
  };
  for (const part of parts) {
    if (typeof part === 'string' || !Array.isArray(part)) add(part as string | { param: number });
    else for (const inner of part as UrlTemplate) add(inner);
  }
  return joined;
}

/** Whether a template has a parameter's slot (a string read with parameter markers: `hasSlots(markedTemplate(text))`). */
export function hasSlots(template: UrlTemplate): boolean {
  return template.some((part) => typeof part !== 'string');
}

/** What may come before a parameter that supplies a URL's root: nothing, a scheme, a bare host, a base URL. */
const ROOT_LEAD = /^(https?:\/\/[^/]*)?(\/(v1\.0|beta))?\/?$/i;

/** The text before the first parameter slot. */
function leadOf(template: UrlTemplate): string {
  const first = template.findIndex((part) => typeof part !== 'string');
  return template.slice(0, first === -1 ? template.length : first).join('');
}

/**
 * Whether a parameter supplies the root of the URL — after nothing, a scheme, a bare host or a bare base URL
 * (`https://graph.microsoft.com/v1.0/`) — which makes the function a request helper. A parameter after a path
 * segment (`/users/${id}`) is a key: the function makes a call of its own.
 */
export function suppliesRoot(template: UrlTemplate): boolean {
  return hasSlots(template) && ROOT_LEAD.test(leadOf(template));
}

/**
 * Whether a URL starting with this text may still have a parameter supply its root: the text is a bare base
 * or the start of one (`https://gra…`, `/v1`). `/users/` or `https://graph.microsoft.com/v1.0/me/` cannot.
 */
export function mayStartBase(text: string): boolean {
  if (!text) return true;
  const first = text.charCodeAt(0);
  // Anything else starts neither a scheme nor a version (a hot path: every call's first argument).
  if (first === 47 /* / */) return text.length <= 6 && /^\/((v(1(\.(0\/?)?)?)?)|(b(e(t(a\/?)?)?)?))?$/i.test(text);
  if (first !== 104 /* h */ && first !== 72 /* H */) return false;
  return ROOT_LEAD.test(text) || /^(h(t(t(p(s?(:(\/)?)?)?)?)?)?)?$/i.test(text) || /^(https?:\/\/[^/]+)?\/(v(1(\.0?)?)?|b(e(ta?)?)?)$/i.test(text);
}

/** False when the URL's fixed start names a host other than Graph's (such a helper never calls Graph). */
export function mayReachGraph(template: UrlTemplate): boolean {
  const lead = leadOf(template);
  if (!/^https?:\/\/[^/]+/i.test(lead)) return true;
  const host = parseGraphUrl(`${lead.replace(/\/+$/, '')}/me`)?.host;
  return host !== undefined && host !== PLACEHOLDER;
}

/** The template with each slot replaced by the value passed for it (a template itself), or a placeholder. */
export function fillTemplate(template: UrlTemplate, values: readonly (UrlTemplate | undefined)[]): UrlTemplate {
  return joinTemplate(template.map((part) => (typeof part === 'string' ? part : (values[part.param] ?? PLACEHOLDER))));
}

/** The URL a template gives when its slots are unknown values (`{id}`). */
export function templateText(template: UrlTemplate): string {
  return template.map((part) => (typeof part === 'string' ? part : PLACEHOLDER)).join('');
}

/** A URL without a run-time value glued to the end of its path: a query or suffix the caller adds (`/me/messages${query}`). */
export function withoutTrailingValue(url: string): string {
  return url.replace(/([^/{}])\{id\}$/, '$1');
}

/** Text glued to the version (`/v1.0Content-Type`): no Graph path. */
export function gluedToVersion(path: string): boolean {
  return /^\/(v1\.0|beta)[^/?]/i.test(path);
}

/**
 * How a URL builder's string evaluation stands for a parameter: a marker no source text holds, which
 * `markedTemplate` turns back into the parameter's slot. The evaluation then needs no template-aware copy.
 */
export function parameterMarker(index: number): string {
  return `\u0001${index}\u0001`;
}

/** The template a string with parameter markers stands for. */
export function markedTemplate(marked: string): UrlTemplate {
  return joinTemplate(marked.split(/\u0001(\d+)\u0001/).map((part, index) => (index % 2 ? { param: Number(part) } : part)));
}

/**
 * A relative reference resolved against a base URL as `new Uri(base, relative)` does (RFC 3986): a path from the
 * root replaces the base's, any other replaces its last segment — `https://graph.microsoft.com/v1.0` + `me` is
 * `https://graph.microsoft.com/me`, the trailing slash matters. Not WHATWG `new URL`, which percent-encodes the
 * `{id}` placeholders of the paths.
 */
export function resolveReference(base: string, relative: string): string {
  const origin = /^[a-z][\w+.-]*:\/\/[^/?#]*/i.exec(base)?.[0] ?? '';
  if (relative.startsWith('/')) return origin + relative;
  const path = base.slice(origin.length).replace(/[?#].*$/, '');
  return `${origin}${path.slice(0, path.lastIndexOf('/') + 1) || '/'}${relative}`;
}

/** A URL with its scheme (`https://…`, `mailto:`), not one relative to a base. */
export function isAbsoluteUrl(url: string): boolean {
  return /^[a-z][\w+.-]*:/i.test(url);
}

/** A relative URL requested through a client made with a base URL, joined to it as axios and httpx do (one slash between); an absolute one stays. */
export function withBaseUrl(url: string | undefined, base: string | undefined): string | undefined {
  if (url === undefined || base === undefined || isAbsoluteUrl(url)) return url;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}
