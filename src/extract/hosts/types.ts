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
