import { GRAPH_HOST_PATTERN, PLACEHOLDER } from '../../knowledge/graph/graph-path.ts';

/**
 * What every language's recogniser needs to know about Graph SDK shapes and scope strings, in one place:
 * the first segments of Graph paths (to tell a fluent SDK chain from any other member chain), how SDK
 * property names map to path segments, and what a scope string looks like.
 */

/** First segments of Graph paths, lower case without underscores (Python's mail_folders is mailfolders). */
const GRAPH_ROOT_SEGMENTS = new Set([
  'me', 'users', 'groups', 'sites', 'drives', 'drive', 'teams', 'chats', 'applications', 'serviceprincipals', 'organization', 'communications',
  'education', 'identity', 'identitygovernance', 'policies', 'reports', 'security', 'solutions', 'subscriptions', 'directoryobjects', 'devices',
  'planner', 'admin', 'search', 'auditlogs', 'devicemanagement', 'places', 'contacts', 'invitations', 'directory', 'directoryroles',
  'grouplifecyclepolicies', 'oauth2permissiongrants', 'domains', 'shares', 'teamwork', 'appcatalogs', 'external', 'connections', 'print',
  'rolemanagement', 'informationprotection', 'employeeexperience', 'storage', 'copilot', 'agreements', 'authenticationmethodspolicy',
  // Further entity sets and singletons the permission data lists at the root (words as generic as `contracts` or
  // `privacy` are left out: `self.contracts.get()` is far more often a model's).
  'subscribedskus', 'deviceappmanagement', 'identityprotection', 'identityproviders', 'groupsettings', 'groupsettingtemplates',
  'directoryroletemplates', 'directorysettingtemplates', 'schemaextensions', 'applicationtemplates', 'bookingbusinesses',
  'bookingcurrencies', 'riskdetections', 'riskyusers', 'tenantrelationships', 'trustframework', 'administrativeunits',
  'dataclassification', 'termstore', 'accessreviews',
]);

/** Whether a path's first segment names something at Graph's root (`users`, `roleManagement`, …), in any case. */
export function isGraphRootSegment(segment: string): boolean {
  // An entity set addressed by an alternate key counts as the set: `applications(appId='…')`.
  return GRAPH_ROOT_SEGMENTS.has(normalized(segment.replace(/\(.*$/, '')));
}

/** SDK properties that stand for OData segments (`content`: see fluentPath); v4's `References` and `Reference` are `$ref`. */
const SEGMENT_ALIASES: Record<string, string> = { count: '$count', ref: '$ref', references: '$ref', reference: '$ref', value: '$value' };
/**
 * Entities whose stream an SDK's `content` reaches as `$value`: a photo, a message's MIME, an attachment, hosted
 * content (`.photo.content` is `/photo/$value`). Elsewhere — drive items, their versions and streams, OneNote
 * pages and resources, recordings — Graph names it `/content`.
 */
const VALUE_STREAM_PARENTS = new Set(['photo', 'photos', 'messages', 'attachments', 'hostedcontents']);

function normalized(segment: string): string {
  return segment.replace(/_/g, '').toLowerCase();
}

/** The path segment an SDK property or method name stands for (Kiota casts: graphUser → microsoft.graph.user). */
export function sdkSegment(name: string): string {
  const lower = normalized(name);
  if (SEGMENT_ALIASES[lower]) return SEGMENT_ALIASES[lower]!;
  // In each SDK's spelling: graphUser, GraphUser (C#), graph_user (Python).
  if (/^[Gg]raph(?:[A-Z]|_[a-z])/.test(name)) return `microsoft.graph.${lower.slice(5)}`;
  // Graph's own spelling: camelCase (C# `MailFolders`, Python `mail_folders` → `mailFolders`).
  const camel = name.replace(/_+([a-z0-9])/gi, (_, next: string) => next.toUpperCase()).replace(/_/g, '');
  return camel.charAt(0).toLowerCase() + camel.slice(1);
}

/**
 * Kiota's builders taking a function's parameters or an alternate key, told by the method's name and its number
 * of arguments: `GetOffice365ActiveUserDetailWithPeriod("D7")` → `getOffice365ActiveUserDetail(period='{id}')`,
 * `applications_with_app_id(x)` → `applications(appId='{id}')`. Undefined for any other method (`SharedWithMe()`,
 * a function of no parameters, takes none).
 */
export function kiotaParameterSegment(name: string, argumentCount: number): string | undefined {
  const [base, ...parameters] = name.includes('_with_') ? name.split('_with_') : name.split(/With(?=[A-Z0-9])/);
  if (!base || !parameters.length || parameters.length !== argumentCount || parameters.some((parameter) => !parameter)) return undefined;
  return `${sdkSegment(base)}(${parameters.map((parameter) => `${sdkSegment(parameter)}='${PLACEHOLDER}'`).join(',')})`;
}

/**
 * The Graph path of a fluent chain's segments, or undefined when the chain does not start at a Graph root.
 * Leading fields that hold the client (`this._graphClient.me…`) are not part of the path.
 */
export function fluentPath(segments: readonly string[]): string | undefined {
  let start = 0;
  while (start < segments.length && !isGraphRootSegment(segments[start]!) && /graph|client/i.test(segments[start]!)) start++;
  const path = segments.slice(start).map((segment, index, all) => (segment === 'content' && VALUE_STREAM_PARENTS.has((all[index - 1] === PLACEHOLDER ? all[index - 2] : all[index - 1])?.toLowerCase() ?? '') ? '$value' : segment));
  return path.length && isGraphRootSegment(path[0]!) ? `/${path.join('/')}` : undefined;
}

const SCOPE_NAME = /^([A-Z][A-Za-z]*(\.[A-Za-z-]+)+|\.default)$/;
const GRAPH_URL_PREFIX = new RegExp(`^https://(${GRAPH_HOST_PATTERN})/`, 'i');

/** A permission-shaped name (`Mail.Read`) or `.default`. */
export function isScopeLike(text: string): boolean {
  return SCOPE_NAME.test(text);
}

/** `https://graph.microsoft.com/Mail.Read` → `Mail.Read`; a bare name stays as it is. */
export function withoutGraphHost(scope: string): string {
  return scope.replace(GRAPH_URL_PREFIX, '');
}

/** A scope written as a Graph URL (`https://graph.microsoft.com/.default`): a scope, not a request. */
export function isGraphScopeUrl(text: string): boolean {
  const name = withoutGraphHost(text);
  return name !== text && isScopeLike(name);
}

/**
 * Names of functions that make a request for their caller (`RetrieveData`, `callMSGraph`, `SendRequest`): a
 * Graph URL handed to one is its request. Building, logging or storing a URL (`URI.create`, `console.log`,
 * `links.push`) is not.
 */
const REQUEST_NAME = /get|post|put|patch|delete|send|call|request|fetch|retrieve|query|invoke|execute|download|upload|load|list/i;

/**
 * The HTTP method of a request made by code m365cert does not know (`graphApi.RetrieveData(url)`,
 * `PostToGraphAsync(url, body)`): the verb its name starts with, else GET; undefined for a name that does not
 * say it requests anything.
 */
export function methodOfUnknownRequest(name: string): string | undefined {
  if (!REQUEST_NAME.test(name)) return undefined;
  const verb = /^_?(get|post|put|patch|delete)(?=[A-Z_\d]|$)/i.exec(name)?.[1];
  return verb ? verb.toUpperCase() : 'GET';
}

/**
 * The HTTP verb of a Kiota SDK method beyond the plain verbs: typed-response variants
 * (`GetAsDeltaGetResponseAsync`, `PostAsGetMemberGroupsPostResponseAsync`) and the request information a batch
 * step is built from (`ToGetRequestInformation()`, Python's `to_post_request_information`), in any language's case.
 */
export function kiotaVerb(name: string): string | undefined {
  const verb = /^(get|post|patch|put|delete)As\w*ResponseAsync$/i.exec(name)?.[1] ?? /^to_?(get|post|patch|put|delete)_?request_?information(Async)?$/i.exec(name)?.[1];
  return verb?.toUpperCase();
}
