import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER, normalizeGraphPath } from './graph-path.ts';

/**
 * The Microsoft Graph permissions document (Kibali format, microsoftgraph/microsoft-graph-devx-content
 * permissions/new/permissions.json) inverted into a lookup tree: path segments → HTTP method → scheme →
 * the permissions that allow the operation, each with its least-privilege mark. Built once per run.
 */

export const SCHEMES = ['DelegatedWork', 'DelegatedPersonal', 'Application'] as const;
export type Scheme = (typeof SCHEMES)[number];
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;
export type HttpMethod = (typeof METHODS)[number];

export interface Claim {
  permission: string;
  least: boolean;
  alsoRequires: string[];
  /** How many methods the pathSet groups; a pathSet meant for writes that also lists GET marks GET least by accident. */
  methodCount: number;
  privilegeLevel: number;
  rsc: boolean;
  /** Marked least for this path in another scheme only (ChannelMessage.Read.All: least delegated, not app-only). */
  leastElsewhere: boolean;
}

export interface PermissionInfo {
  name: string;
  rsc: boolean;
  schemes: Partial<Record<Scheme, { privilegeLevel: number; requiresAdminConsent: boolean; displayName: string }>>;
  /** Whether the data lists any Graph operation it allows (some RSC permissions serve only Teams features). */
  allowsGraphOperations: boolean;
}

/** A path set's template with what it grants, kept until the first lookup under its first segment (see #materialize). */
interface PendingPath {
  template: string;
  permission: PermissionInfo;
  methods: HttpMethod[];
  schemeKeys: Scheme[];
  least: Scheme[];
  alsoRequires: string[];
}

interface TreeNode {
  literal: Map<string, TreeNode>;
  wildcard?: TreeNode;
  /** The template as the data writes it (first one seen), for reports. */
  template?: string;
  claims?: Map<HttpMethod, Map<Scheme, Claim[]>>;
}

export interface PathMatch {
  template: string;
  /** How the path had to be adjusted to match (e.g. "dropped $value", "dropped the cast"). */
  adjustment?: string;
  claims: Map<Scheme, Claim[]>;
}

export class PermissionDataError extends Error {
  override name = 'PermissionDataError';
}

const OIDC_SCOPES = new Set(['openid', 'profile', 'email', 'offline_access']);

export function isOidcScope(name: string): boolean {
  return OIDC_SCOPES.has(name.toLowerCase());
}

export class GraphPermissionIndex {
  readonly #root: TreeNode = { literal: new Map() };
  readonly #broadened = new WeakSet<Map<Scheme, Claim[]>>();
  readonly #permissions = new Map<string, PermissionInfo>();
  readonly #byLowerName = new Map<string, string>();
  readonly #scopeIds = new Map<string, string>();
  readonly #roleIds = new Map<string, string>();
  readonly #scopeNames = new Map<string, string>();
  readonly #roleNames = new Map<string, string>();
  readonly #v1GetPaths = new Set<string>();
  readonly #betaGetPaths = new Set<string>();
  /** The endpoint list is read on first use: most scans never ask about beta-only paths. */
  #endpointFile: string | undefined;
  /**
   * The data's paths by the first segment of their normal form, put in the tree on the first lookup under that
   * segment: a scan's calls reach a few dozen of Graph's hundreds of roots, and building the whole tree was
   * most of the index's load time.
   */
  readonly #pending = new Map<string, PendingPath[]>();
  /** How many distinct path templates the data lists. */
  templateCount = 0;

  /** Builds the index from the document's parsed JSON. Throws PermissionDataError for a document of an unknown shape. */
  static fromDocument(document: unknown): GraphPermissionIndex {
    const index = new GraphPermissionIndex();
    const permissions = (document as { permissions?: unknown })?.permissions;
    if (!permissions || typeof permissions !== 'object' || Array.isArray(permissions)) {
      throw new PermissionDataError('not a Graph permissions document: no "permissions" object (unknown format or version)');
    }
    let pathSets = 0;
    // The marks (`least=DelegatedWork,Application`) recur: parsed once; their lists are shared, never changed.
    const marksOf = new Map<string, ReturnType<typeof parseMarks>>();
    const firstSegmentOf = firstSegmentReader();
    const templates = new Set<string>();
    for (const [name, entry] of Object.entries(permissions as Record<string, unknown>)) {
      const permission = entry as { authorizationType?: string; schemes?: Record<string, { privilegeLevel?: number; requiresAdminConsent?: boolean; adminDisplayName?: string }>; pathSets?: unknown[] };
      if (!permission || typeof permission.schemes !== 'object' || !Array.isArray(permission.pathSets)) {
        throw new PermissionDataError(`permission "${name}" has no schemes or pathSets (unknown format or version)`);
      }
      const rsc = permission.authorizationType === 'RSC';
      const info: PermissionInfo = { name, rsc, schemes: {}, allowsGraphOperations: false };
      for (const scheme of SCHEMES) {
        const data = permission.schemes[scheme];
        if (data) info.schemes[scheme] = { privilegeLevel: data.privilegeLevel ?? 3, requiresAdminConsent: Boolean(data.requiresAdminConsent), displayName: (data.adminDisplayName ?? '').trim() };
      }
      index.#permissions.set(name, info);
      index.#byLowerName.set(name.toLowerCase(), name);
      for (const set of permission.pathSets as { methods?: string[]; schemeKeys?: string[]; paths?: Record<string, string> }[]) {
        pathSets++;
        const methods = (set.methods ?? []).map((method) => method.toUpperCase()).filter((method): method is HttpMethod => (METHODS as readonly string[]).includes(method));
        const schemeKeys = (set.schemeKeys ?? []).filter((scheme): scheme is Scheme => (SCHEMES as readonly string[]).includes(scheme));
        for (const [template, marks] of Object.entries(set.paths ?? {})) {
          if (methods.length && schemeKeys.length) info.allowsGraphOperations = true;
          let parsed = marksOf.get(marks);
          if (!parsed) marksOf.set(marks, (parsed = parseMarks(marks)));
          templates.add(template);
          const first = firstSegmentOf(template);
          let group = index.#pending.get(first);
          if (!group) index.#pending.set(first, (group = []));
          group.push({ template, permission: info, methods, schemeKeys, least: parsed.least, alsoRequires: parsed.alsoRequires });
        }
      }
    }
    index.templateCount = templates.size;
    if (index.#permissions.size === 0 || pathSets === 0) throw new PermissionDataError('the permissions document lists no permissions or paths (truncated?)');
    return index;
  }

  /**
   * The data lists, for some operations, only the read permissions (GET /me/messages/{id}: Mail.ReadBasic and
   * Mail.Read), although Microsoft's reference pages list the write permission of the same resource as a
   * higher one that also allows the call. Graph names its permissions so that `X.ReadWrite[.S]` includes
   * `X.Read[.S]`, which includes `X.ReadBasic[.S]`: where the broader one exists for the scheme and the data
   * does not list it, it is added as a non-least claim (same suffix only: `.All` and un-suffixed stay apart).
   * Without it an app requesting Mail.ReadWrite would be told it misses Mail.Read. Done for an operation when
   * it is first matched, so loading stays one pass over the data.
   */
  #withBroaderClaims(byScheme: Map<Scheme, Claim[]>): Map<Scheme, Claim[]> {
    if (this.#broadened.has(byScheme)) return byScheme;
    this.#broadened.add(byScheme);
    for (const [scheme, claims] of byScheme) {
      for (const claim of [...claims]) {
        for (const broader of broaderNames(claim.permission)) {
          const permission = this.#permissions.get(broader);
          const info = permission?.schemes[scheme];
          if (!info || claims.some((other) => other.permission === broader)) continue;
          claims.push({ ...claim, permission: broader, least: false, leastElsewhere: false, privilegeLevel: info.privilegeLevel, rsc: permission.rsc });
        }
      }
    }
    return byScheme;
  }

  /** Loads permissions.json, the service principal dumps and the endpoint list from the data directory. */
  static load(dataDir: string): GraphPermissionIndex {
    const file = path.join(dataDir, 'graph', 'permissions.json');
    if (!existsSync(file)) throw new PermissionDataError(`graph/permissions.json is not in the data directory ${dataDir}`);
    let document: unknown;
    try {
      document = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new PermissionDataError(`graph/permissions.json could not be read: ${(error as Error).message} (truncated download? run m365cert data update)`);
    }
    const index = GraphPermissionIndex.fromDocument(document);
    index.#loadServicePrincipal(path.join(dataDir, 'graph', 'GraphDelegateRoles.json'), index.#scopeIds, index.#scopeNames);
    index.#loadServicePrincipal(path.join(dataDir, 'graph', 'GraphAppRoles.json'), index.#roleIds, index.#roleNames);
    index.#endpointFile = path.join(dataDir, 'graph', 'msgraph-openapi-v1.endpoints.csv');
    return index;
  }

  /** Permission name for a (type, GUID) pair of an app registration; undefined when unknown. */
  nameOfId(type: 'Scope' | 'Role', id: string): string | undefined {
    return (type === 'Scope' ? this.#scopeIds : this.#roleIds).get(id.toLowerCase());
  }

  idOfName(type: 'Scope' | 'Role', name: string): string | undefined {
    return (type === 'Scope' ? this.#scopeNames : this.#roleNames).get(name.toLowerCase());
  }

  get hasServicePrincipalData(): boolean {
    return this.#scopeIds.size > 0 || this.#roleIds.size > 0;
  }

  permission(name: string): PermissionInfo | undefined {
    const canonical = this.#byLowerName.get(name.toLowerCase());
    return canonical ? this.#permissions.get(canonical) : undefined;
  }

  /** The data's spelling of a permission name (the data is case-sensitive in places, requests are not). */
  canonicalName(name: string): string {
    return this.#byLowerName.get(name.toLowerCase()) ?? name;
  }

  /**
   * Finds the operation for a method and version-less path. Tries the path as written, then without a
   * trailing OData cast, then without a trailing `$value`/`$count`/`$ref` segment (keeping the method).
   */
  match(method: string, graphPath: string): PathMatch | undefined {
    const upper = method.toUpperCase() as HttpMethod;
    const segments = normalizeGraphPath(graphPath);
    const attempts: [string[], string | undefined][] = [[segments, undefined]];
    const last = segments[segments.length - 1] ?? '';
    // A trailing cast names a type, not an item: it must not fall into an `{id}` slot, so try without it first.
    if (last.startsWith('microsoft.graph.') || last.startsWith('graph.')) attempts.unshift([segments.slice(0, -1), `dropped the cast ${last}`]);
    // A cast inside the path (`mobileApps/{id}/microsoft.graph.win32LobApp/contentVersions`) navigates the same
    // entity's property: the data lists most such paths without it.
    const isCast = (segment: string) => segment.startsWith('microsoft.graph.') || segment.startsWith('graph.');
    const innerCasts = segments.slice(0, -1).filter(isCast);
    if (innerCasts.length) attempts.push([segments.filter((segment, position) => position === segments.length - 1 || !isCast(segment)), `dropped the cast ${innerCasts.join(', ')} inside the path`]);
    // Reading the tenant's organization by its id: the data lists only Intune's and user permissions for it, while
    // Graph's reference gives "Get organization" the permissions of "List organization" (User.Read, Organization.Read.All).
    if (upper === 'GET' && segments.length === 2 && segments[0]?.toLowerCase() === 'organization' && segments[1] === PLACEHOLDER) attempts.unshift([['organization'], 'the data lists no organization permission for one organization; the API reference gives it those of the list']);
    const dollar = segments.findIndex((segment) => segment.startsWith('$'));
    if (dollar > 0) attempts.push([segments.slice(0, dollar), `dropped ${segments.slice(dollar).join('/')}`]);
    // An item addressed by path inside a special folder (`special/approot:/settings.json:`) is a drive item;
    // the data lists path addressing only under `root:`.
    const special = segments.findIndex((segment, position) => segment === 'special' && segments[position + 1]?.endsWith(':') && segments[position + 2] === `${PLACEHOLDER}:`);
    if (special > 0) attempts.push([[...segments.slice(0, special), 'items', PLACEHOLDER, ...segments.slice(special + 3)], `${segments[special + 1]}/… path addressing matched as a drive item`]);
    // Gaps in the data where Graph's reference documents the same permissions as a sibling path.
    for (const [pattern, replacement, why] of EQUIVALENT_PATHS) {
      const index = segments.findIndex((segment) => pattern === segment);
      if (index > 0) attempts.push([[...segments.slice(0, index), replacement, ...segments.slice(index + 1)], why]);
    }
    // A user's calendar itself (`/me/calendar`, `/users/{id}/calendars/{id}`): the data lists only its collection and
    // its events, and the API reference gives it the permissions of the user's events (a group's differ).
    const userCalendar = /^(me|users\/\{id\})\/(calendar|calendars\/\{id\})$/i.test(segments.join('/'));
    const calendarAt = userCalendar ? segments.findIndex((segment) => /^calendars?$/i.test(segment)) : -1;
    if (calendarAt > 0) attempts.push([[...segments.slice(0, calendarAt), 'events', PLACEHOLDER], 'a calendar has no entry in the data; the API reference gives it the permissions of its owner\'s events']);
    // The signed-in user's own paths the data lists only under /users/{id} (PATCH /me): matched there, kept as /me.
    if (segments[0]?.toLowerCase() === 'me') attempts.push([['users', PLACEHOLDER, ...segments.slice(1)], ME_AS_USER]);
    // An entity addressed by an alternate key the data does not list (`users(userPrincipalName='…')`) is the entity by its id.
    const keyed = segments.findIndex((segment) => /^[a-z]\w*\([a-z]\w*\)$/.test(segment));
    if (keyed >= 0) attempts.push([[...segments.slice(0, keyed), segments[keyed]!.replace(/\(.*$/, ''), PLACEHOLDER, ...segments.slice(keyed + 1)], `the alternate key ${segments[keyed]} matched as the entity's id`]);
    // The same drive and item under other addresses: `/sites/{id}/drives/{id}/…` is `/drives/{id}/…`, and a
    // drive's `root` is one of its items.
    for (const [attempt] of [...attempts]) {
      const rewritten = driveAliases(attempt);
      if (rewritten) attempts.push([rewritten, 'the same drive item under its drive and item address']);
    }
    // A group's team site (`/groups/{id}/sites/root/lists/…`) is a site: the data lists site paths under /sites/{id}.
    if (segments.length > 4 && segments[0] === 'groups' && segments[1] === PLACEHOLDER && segments[2] === 'sites' && segments[3] === 'root') attempts.push([['sites', PLACEHOLDER, ...segments.slice(4)], "the group's root site matched as /sites/{id}"]);
    // A folder's search or delta (`items/{id}/search(q='…')`): the data lists the drive root's, and the API reference
    // gives any folder's the same permissions.
    const folderFunction = segments.findIndex((segment, position) => segment === 'items' && segments[position + 1] === PLACEHOLDER && position + 3 === segments.length && /^(search\(q\)|delta)$/.test(segments[position + 2]!));
    if (folderFunction > 0) attempts.push([[...segments.slice(0, folderFunction), 'root', ...segments.slice(folderFunction + 2)], `a folder's ${segments[folderFunction + 2]} matched as the drive root's`]);
    // A drive's own search (`/drives/{id}/search(q='…')`, `/me/drive/search(…)`), which the data omits: the root's again.
    const driveSearch = segments.findIndex((segment, position) => position > 0 && position + 1 === segments.length && segment === 'search(q)' && (segments[position - 1] === 'drive' || (segments[position - 1] === PLACEHOLDER && segments[position - 2] === 'drives')));
    if (driveSearch > 0) attempts.push([[...segments.slice(0, driveSearch), 'root', 'search(q)'], "a drive's search matched as its root's"]);
    // Last resort for a read: an item of a collection the data lists only as the collection
    // (`/me/messages/{id}/attachments/{id}`), read with the collection's permissions as Graph's reference gives them.
    if (upper === 'GET') {
      for (const [attempt] of [...attempts]) {
        if (attempt.length > 2 && attempt[attempt.length - 1] === PLACEHOLDER) attempts.push([attempt.slice(0, -1), `an item of /${attempt.slice(0, -1).join('/')}: the data lists the collection only`]);
      }
    }
    // Last resort for adding a reference (POST /groups/{id}/members/$ref), which the data often omits: Graph's
    // reference gives it the permissions of removing one (DELETE …/members/{id}/$ref), which the data lists.
    const byMethod: [string[], string | undefined, HttpMethod][] = attempts.map(([attempt, adjustment]) => [attempt, adjustment, upper]);
    if (upper === 'POST' && segments.length > 2 && segments[segments.length - 1] === '$ref') byMethod.push([[...segments.slice(0, -1), PLACEHOLDER], 'the data lists no POST of this reference; adding one takes the permissions of removing one (DELETE …/{id}/$ref), as Graph\'s reference gives them', 'DELETE']);
    for (const [attempt, adjustment, method] of byMethod) {
      this.#materialize(attempt[0] ?? '');
      const node = this.#find(this.#root, attempt, 0, method);
      const claims = node?.claims?.get(method);
      if (!node || !claims) continue;
      // A reference's POST matched through its DELETE is reported as the path it was called on.
      const template = method !== upper ? `/${segments.join('/')}` : (node.template ?? `/${attempt.join('/')}`);
      return { template: adjustment === ME_AS_USER ? template.replace(/^\/users\/\{[^}]*\}/, '/me') : template, adjustment, claims: this.#withBroaderClaims(claims) };
    }
    return undefined;
  }

  /** Whether a GET path is known in v1.0 / beta (from Dev Proxy's endpoint list); undefined without that list. */
  versionsOf(graphPath: string): { v1: boolean; beta: boolean } | undefined {
    if (this.#endpointFile) {
      this.#loadEndpoints(this.#endpointFile);
      this.#endpointFile = undefined;
    }
    if (this.#v1GetPaths.size === 0) return undefined;
    const key = normalizeGraphPath(graphPath).join('/');
    return { v1: this.#v1GetPaths.has(key), beta: this.#betaGetPaths.has(key) };
  }

  /** Depth-first with backtracking: a literal child first, then the placeholder child. */
  #find(node: TreeNode, segments: string[], index: number, method: HttpMethod): TreeNode | undefined {
    if (index === segments.length) return node.claims?.has(method) ? node : undefined;
    const segment = segments[index]!;
    if (segment !== PLACEHOLDER) {
      const literal = node.literal.get(segment);
      const found = literal && this.#find(literal, segments, index + 1, method);
      if (found) return found;
    }
    if (segment.endsWith(':') && segment !== `${PLACEHOLDER}:`) return undefined;
    return node.wildcard ? this.#find(node.wildcard, segments, index + 1, method) : undefined;
  }

  /** Puts the paths under a first segment in the tree, and those under a placeholder (any segment may take them). */
  #materialize(first: string): void {
    for (const key of [first, PLACEHOLDER]) {
      const group = this.#pending.get(key);
      if (!group) continue;
      this.#pending.delete(key);
      // A template recurs in many permissions' path sets, all in its first segment's group: normalised once.
      const nodeOf = new Map<string, TreeNode>();
      for (const path of group) {
        let node = nodeOf.get(path.template);
        if (!node) nodeOf.set(path.template, (node = this.#insert(path.template)));
        this.#addClaims(node, path);
      }
    }
  }

  /** The claims one path set gives a template, in the data's order (a permission listed twice keeps one claim, least if either is). */
  #addClaims(node: TreeNode, { permission, methods, schemeKeys, least, alsoRequires }: PendingPath): void {
    for (const method of methods) {
      for (const scheme of schemeKeys) {
        const claim: Claim = { permission: permission.name, least: least.includes(scheme), alsoRequires, methodCount: methods.length, privilegeLevel: permission.schemes[scheme]?.privilegeLevel ?? 3, rsc: permission.rsc, leastElsewhere: least.length > 0 && !least.includes(scheme) };
        node.claims ??= new Map();
        let byScheme = node.claims.get(method);
        if (!byScheme) node.claims.set(method, (byScheme = new Map()));
        const list = byScheme.get(scheme) ?? [];
        const existing = list.find((candidate) => candidate.permission === permission.name);
        if (existing) existing.least ||= claim.least;
        else list.push(claim);
        byScheme.set(scheme, list);
      }
    }
  }

  #insert(template: string): TreeNode {
    let node = this.#root;
    for (const segment of normalizeGraphPath(template)) {
      if (segment === PLACEHOLDER) node = node.wildcard ??= { literal: new Map() };
      else {
        let child = node.literal.get(segment);
        if (!child) node.literal.set(segment, (child = { literal: new Map() }));
        node = child;
      }
    }
    node.template ??= template;
    return node;
  }

  #loadServicePrincipal(file: string, byId: Map<string, string>, byName: Map<string, string>): void {
    if (!existsSync(file)) return;
    try {
      const entries = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as { Id?: string; Value?: string; id?: string; value?: string }[];
      if (!Array.isArray(entries)) return;
      for (const entry of entries) {
        const id = entry.Id ?? entry.id;
        const value = entry.Value ?? entry.value;
        if (id && value) {
          byId.set(id.toLowerCase(), value);
          byName.set(value.toLowerCase(), id);
        }
      }
    } catch {
      // An unreadable dump only costs GUID resolution; GUIDs then stay unresolved and are reported as such.
    }
  }

  #loadEndpoints(file: string): void {
    if (!existsSync(file)) return;
    const lines = readFileSync(file, 'utf8').split('\n');
    for (const line of lines.slice(1)) {
      const [endpoint, version] = line.split(',');
      if (!endpoint || !version) continue;
      const key = normalizeGraphPath(endpoint.replace(/\bgraph\./g, 'microsoft.graph.')).join('/');
      (version.trim() === 'beta' ? this.#betaGetPaths : this.#v1GetPaths).add(key);
    }
  }
}

/** `sites/{id}/drives/{id}/…` → `drives/{id}/…`; `…/root/…` and `…/root:/path:/…` of a drive → `…/items/{id}/…`; undefined when none applies. */
function driveAliases(segments: readonly string[]): string[] | undefined {
  let result = [...segments];
  const site = result.findIndex((segment, position) => segment === 'sites' && result[position + 2] === 'drives' && result[position + 3] !== undefined);
  if (site === 0) result = result.slice(2);
  const root = result.findIndex((segment, position) => segment === 'root' && position > 0 && (result[position - 1] === 'drive' || result[position - 2] === 'drives') && result[position + 1] !== undefined && !result[position + 1]!.endsWith(':'));
  if (root > 0) result = [...result.slice(0, root), 'items', PLACEHOLDER, ...result.slice(root + 1)];
  // An item addressed by its path (`root:/a/b.txt:`, also below the root item's id, `items/root:/a/b.txt:`) is an item: `items/{id}`.
  const byPath = result.findIndex((segment, position) => segment === 'root:' && result[position + 1] === `${PLACEHOLDER}:`);
  if (byPath > 0) result = [...result.slice(0, byPath), ...(result[byPath - 1] === 'items' ? [] : ['items']), PLACEHOLDER, ...result.slice(byPath + 2)];
  return result.join('/') === segments.join('/') ? undefined : result;
}

/**
 * Paths missing from permissions.json whose permissions the Graph API reference documents as those of a
 * sibling: "List calendarView" needs exactly what "List events" needs (Calendars.ReadBasic least).
 */
/**
 * The first segment of a template's normal form (normalizeGraphPath), cheaply: a plain first segment is normalised
 * once for all the templates it begins; one that quotes, escapes, addresses by path or queries is normalised whole.
 */
function firstSegmentReader(): (template: string) => string {
  const byRawSegment = new Map<string, string>();
  return (template) => {
    const rest = template.replace(/^\/+/, '');
    const slash = rest.indexOf('/');
    const raw = slash === -1 ? rest : rest.slice(0, slash);
    if (!raw || /['"%:?\s]/.test(raw)) return normalizeGraphPath(template)[0] ?? '';
    let first = byRawSegment.get(raw);
    if (first === undefined) byRawSegment.set(raw, (first = normalizeGraphPath(`/${raw}`)[0] ?? ''));
    return first;
  };
}

const EQUIVALENT_PATHS: [segment: string, replacement: string, why: string][] = [['calendarview', 'events', 'calendarView has no entry in the data; the API reference gives it the permissions of events']];

function parseMarks(marks: string): { least: Scheme[]; alsoRequires: string[] } {
  const result = { least: [] as Scheme[], alsoRequires: [] as string[] };
  for (const pair of marks.split(';')) {
    const [key, value] = pair.split('=');
    if (!key || !value) continue;
    const list = value.split(',').map((item) => item.trim()).filter(Boolean);
    if (key.trim().toLowerCase() === 'least') result.least = list.filter((scheme): scheme is Scheme => (SCHEMES as readonly string[]).includes(scheme));
    if (key.trim().toLowerCase() === 'alsorequires') result.alsoRequires = list;
  }
  return result;
}

const OPERATION_RANK: [RegExp, number][] = [
  [/\.readbasic\b/i, 0],
  [/\.read\b/i, 1],
  [/\.(send|create)\b/i, 2],
  [/\.readwrite\b/i, 3],
  [/\.manage\b/i, 4],
  [/\.fullcontrol\b/i, 5],
];

function operationRank(permission: string): number {
  return OPERATION_RANK.find(([pattern]) => pattern.test(permission))?.[1] ?? 3;
}

/** `Mail.ReadBasic` → Mail.Read, Mail.ReadWrite; `Files.Read.All` → Files.ReadWrite.All (the names, whether they exist or not). */
export function broaderNames(permission: string): string[] {
  const match = /^([^.]+)\.(ReadBasic|Read)(\..+)?$/.exec(permission);
  if (!match) return [];
  const [, resource, level, suffix = ''] = match;
  return level === 'ReadBasic' ? [`${resource}.Read${suffix}`, `${resource}.ReadWrite${suffix}`] : [`${resource}.ReadWrite${suffix}`];
}

/**
 * Orders candidate permissions for one operation, least privileged first. Documented tie-break (the data
 * often marks several permissions "least" for one cell): (1) marked least before not marked — except that,
 * for a read, a mark from a pathSet grouping several methods does not count when a single-method candidate
 * exists (a read path grouped with writes is marked least by accident, e.g. Mail.ReadWrite for GET
 * /me/messages; a write's single-method candidates are often scoped to a few properties, User-Mail.ReadWrite.All
 * for PATCH /users/{id}, and stand in for the write the data marks least only when that mark is a read
 * permission's or another resource's);
 * (2) a pathSet with fewer methods first; (3) lower privilegeLevel; (4) ReadBasic < Read < Send/Create <
 * ReadWrite < Manage < FullControl; (5) name. Intune's marks on paths outside its own resources (GET /organization)
 * do not count where the path's own resource has a permission. A read permission allowing the operation counts as marked when its
 * write sibling is (`TeamMember.Read.All` where the data marks only `TeamMember.ReadWrite.All` least for app-only
 * GET /teams/{id}/members): writing cannot be less privilege than reading the same resource.
 */
export function rankClaims(claims: readonly Claim[], template?: string, method?: string): Claim[] {
  const stems = template ? pathStems(template) : [];
  const read = method === undefined || method === 'GET';
  const singleMethodExists = claims.some((claim) => claim.methodCount === 1);
  const ownSingleMethodExists = claims.some((claim) => claim.methodCount === 1 && affinity(claim.permission, stems) === 0);
  // For a write, a mark on a grouped pathSet is suspect when it is a read permission's (Policy.Read.All marked
  // least for POST /identity/conditionalAccess/namedLocations), or another product's where the path's own resource
  // has a single-method permission (Intune's DeviceManagementServiceConfig.ReadWrite.All for PATCH /organization/{id}).
  const suspectMark = (claim: Claim) => (read ? singleMethodExists : (singleMethodExists && operationRank(claim.permission) <= 1) || (ownSingleMethodExists && affinity(claim.permission, stems) === 1));
  // Intune lists some directory paths among its own (GET /organization): its mark there is not the path's least
  // when the path's own resource has a permission (Organization.Read.All; delegated, User.Read reads it too).
  const ownExists = claims.some((claim) => affinity(claim.permission, stems) === 0);
  const intuneElsewhere = (claim: Claim) => ownExists && INTUNE_PERMISSION.test(claim.permission) && affinity(claim.permission, stems) === 1 && !stems.some((stem) => INTUNE_STEM.test(stem));
  const entity = method === 'PATCH' && template ? updatedEntity(template) : undefined;
  const partial = (claim: Claim) => (entity !== undefined && scopedToSomeProperties(claim.permission, entity)) || (read && readsOtherFeature(claim.permission, stems));
  const markedLeast = (claim: Claim) => claim.least && !partial(claim) && !intuneElsewhere(claim) && !(claim.methodCount > 1 && suspectMark(claim));
  const marked = new Set(claims.filter(markedLeast).map((claim) => claim.permission));
  const trusted = (claim: Claim) => markedLeast(claim) || broaderNames(claim.permission).some((broader) => marked.has(broader));
  // With no least mark in this scheme (an RSC-only least set aside, say), the permission the data marks least for
  // the same operation in another scheme is the operation's own permission, before broader ones (Group.Read.All).
  const anyTrusted = claims.some(trusted);
  return [...claims].sort(
    (a, b) =>
      Number(trusted(b)) - Number(trusted(a)) ||
      Number(partial(a)) - Number(partial(b)) ||
      (anyTrusted ? 0 : Number(b.leastElsewhere) - Number(a.leastElsewhere)) ||
      a.methodCount - b.methodCount ||
      a.privilegeLevel - b.privilegeLevel ||
      operationRank(a.permission) - operationRank(b.permission) ||
      affinity(a.permission, stems) - affinity(b.permission, stems) ||
      a.permission.localeCompare(b.permission),
  );
}

/** Intune's permissions, and the path segments of its own resources (managed devices and apps, device management). */
const INTUNE_PERMISSION = /^DeviceManagement/;
const INTUNE_STEM = /manage|device|remotehelp|pfx|onpremencrypted|officeconfiguration|mobileapp/;

/**
 * The resources a path names (`/users/{id}/calendar/events` → user, calendar, event; `/me` → user). The data
 * lists, for some paths, permissions of unrelated products (Intune's DeviceManagement* on `/users`); among
 * otherwise equal candidates, the permission named for the path's own resource is the one to ask for.
 */
function pathStems(template: string): string[] {
  return template
    .split('/')
    .filter((segment) => segment && segment !== PLACEHOLDER && !segment.startsWith('$'))
    .map((segment) => (segment.toLowerCase() === 'me' ? 'user' : segment.toLowerCase().replace(/^microsoft\.graph\./, '').replace(/s$/, '')));
}

const ME_AS_USER = 'the data lists this /me path only as /users/{id}';

/** The entity an update addresses (`user` for /users/{id} and /me, `group` for /groups/{id}); undefined for other paths. */
function updatedEntity(template: string): string | undefined {
  const segments = template.split('/').filter(Boolean);
  if (template.toLowerCase() === '/me') return 'user';
  return segments.length >= 2 && segments[segments.length - 1] === PLACEHOLDER ? pathStems(template).at(-1) : undefined;
}

/**
 * A permission of the entity's own family that updates only some of its properties or one feature
 * (User-Mail.ReadWrite.All, User.EnableDisableAccount.All, Group-NestingSupport.ReadWrite.All,
 * Group.ManageProtection.All): the data marks some of them least for the entity's PATCH, but an update of
 * any other property needs the entity's ReadWrite permission.
 */
function scopedToSomeProperties(permission: string, entity: string): boolean {
  const [resource = '', operation = ''] = permission.split('.');
  if (resource.toLowerCase().split('-')[0] !== entity) return false;
  return resource.includes('-') || operation.toLowerCase() !== 'readwrite';
}

/**
 * A permission for one feature of the entity a path reads itself — the entity, its collection or their delta
 * (Group-NestingSupport.ReadWrite.All, for a group's disableNesting property, on GET /groups/{id}): the data marks
 * some least there, but they read that feature alone. Below the entity (Group-Conversation.Read.All for
 * /groups/{id}/threads) they are the path's own permission.
 */
function readsOtherFeature(permission: string, stems: readonly string[]): boolean {
  const [family, feature] = (permission.split('.')[0] ?? '').toLowerCase().split('-');
  const entity = stems.filter((stem) => stem !== 'delta').at(-1);
  return feature !== undefined && entity === family;
}

/** 0 when a permission is named for a resource the path names (User.Read.All for /users/{id}), else 1. */
export function resourceAffinity(permission: string, template: string): number {
  return affinity(permission, pathStems(template));
}

function affinity(permission: string, stems: readonly string[]): number {
  const resource = permission.split('.')[0]!.toLowerCase().replace(/s$/, '');
  return stems.some((stem) => stem === resource || stem.startsWith(resource) || resource.startsWith(stem)) ? 0 : 1;
}
