/** Facts about Microsoft Graph use: what an app asks for, what its code calls, and how it signs in. */

export type PermissionType = 'delegated' | 'application' | 'rsc' | 'addin' | 'sharepoint';
export type AuthFlow = 'delegated' | 'application';
export type Confidence = 'high' | 'medium' | 'low';

export interface SourceRef {
  file: string;
  line: number;
  column?: number;
}

/** One permission an app requests, where it is declared. */
export interface RequestedPermission {
  /** "Microsoft Graph", another API's name, or its app id. */
  resource: string;
  /** Permission name; a GUID that could not be resolved stays a GUID and sets `unresolved`. */
  name: string;
  type: PermissionType;
  source: SourceRef;
  /** Where it was declared: entra-manifest, aad-manifest, teams-rsc, spfx, addin-xml, addin-sso, code-scopes, … */
  via: string;
  appRoot: string;
  unresolved?: boolean;
  /**
   * Teams resource-specific consent: granted per team, chat or user by whoever installs the app. `application`
   * grants serve the app's own (app-only) Graph calls there; `delegated` ones are Teams client features.
   * `besideBot`: the manifest declaring it also declares a bot (message RSC then serves the bot itself).
   */
  rsc?: { mode: 'application' | 'delegated'; besideBot: boolean };
  /** Path of the declaration inside a JSON manifest, for edits that keep the file's formatting. */
  jsonPath?: (string | number)[];
}

/** One Microsoft Graph request the code makes. */
export interface GraphCall {
  method: string;
  /** Version-less path template, `{id}` for dynamic parts. */
  path: string;
  apiVersion: 'v1.0' | 'beta';
  /** The SDK or client shape it was recognised in: graph-client, kiota, pnpjs, fetch, axios, batch, url-literal, … */
  via: string;
  confidence: Confidence;
  source: SourceRef;
  select?: string[];
  expand?: string[];
  /**
   * A read of messages or events that selects nothing gets their body; set when the file goes on to read a body
   * (`.body`, `body_preview`, …), since a ReadBasic permission would silently leave it out.
   */
  readsBody?: boolean;
  /** The auth flow of the code that makes the call, when the file shows it. */
  flow?: AuthFlow;
  /** `POST /search/query`: the entity types the request body searches (`message`, `driveItem`, `externalItem`, …). */
  searchEntities?: string[];
  /** `POST /subscriptions`: the resource the body subscribes to (`me/mailFolders('Inbox')/messages`); its read permission is the one needed. */
  subscribedResource?: string;
  observed?: boolean;
  appRoot: string;
}

/** A call site that talks to Graph but whose path could not be worked out statically. */
export interface UnresolvedGraphCall {
  via: string;
  reason: string;
  source: SourceRef;
  appRoot: string;
}

/** Evidence of how the app obtains tokens. */
export interface AuthFlowEvidence {
  flow: AuthFlow;
  /** client-credentials, managed-identity, on-behalf-of, auth-code, spfx-context, teams-sso, device-code, … */
  kind: string;
  source: SourceRef;
  appRoot: string;
  /** The flow of one request only (Microsoft.Identity.Web's `WithAppOnly()`, `WithScopes(…)`), not of its file's others. */
  perCall?: boolean;
}
