import type { SourceRef } from '../graph/types.ts';

/** Where a host reference was found. */
export type HostSourceKind = 'code' | 'config' | 'manifest' | 'iac' | 'html' | 'csp' | 'openapi' | 'har' | 'graph';

/**
 * One place that names a host the app talks to, serves or declares. `outbound`: the app connects to it;
 * `served`: the app's own endpoint (tab page, API, bot, redirect URI); `declared`: allowed in a manifest
 * (validDomains, AppDomains, CSP) without evidence of use.
 */
export interface HostReference {
  direction: 'outbound' | 'served' | 'declared';
  kind: HostSourceKind;
  /** How it was recognised: fetch, axios, HttpClient, openai-sdk, env API_URL, validDomains, … */
  via: string;
  /** The URL text as found (placeholders kept); absent for SDKs with a default host. */
  url?: string;
  /** For SDKs with a default host (`new OpenAI()` → api.openai.com) or a host read from a connection string. */
  host?: string;
  /** The variable, setting or expression a run-time host comes from. */
  dynamic?: string;
  purpose?: string;
  source: SourceRef;
  /** Further places in the same file with the same client, direction and origin (the first one is `source`). */
  occurrences?: number;
}

/** An API route the app's own code serves. */
export interface RouteFact {
  method: string;
  path: string;
  framework: string;
  source: SourceRef;
}

/** What the code extractors hand over about connectivity for one file. */
export interface CodeConnectivity {
  references: HostReference[];
  routes: RouteFact[];
}

/**
 * One reference per file, client and origin: a module that calls the same API from fifty functions names
 * the host once, with the count. The first place stays the evidence; hosts keep the total as `sourceCount`.
 */
export function compactReferences(references: HostReference[]): HostReference[] {
  const byKey = new Map<string, HostReference>();
  for (const reference of references) {
    const origin = reference.host ?? reference.dynamic ?? /^[a-z][\w+.-]*:\/\/[^/?#]*/i.exec(reference.url ?? '')?.[0] ?? reference.url;
    const key = `${reference.direction}|${reference.kind}|${reference.via}|${origin}`;
    const first = byKey.get(key);
    if (first) first.occurrences = (first.occurrences ?? 1) + (reference.occurrences ?? 1);
    else byKey.set(key, reference);
  }
  return [...byKey.values()];
}
