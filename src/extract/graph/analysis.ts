import { broaderNames, isOidcScope, rankClaims, resourceAffinity, type Claim, type GraphPermissionIndex, type Scheme } from '../../knowledge/graph/permission-index.ts';
import type { AppKind } from '../../engine/types.ts';
import type { AuthFlow, AuthFlowEvidence, GraphCall, RequestedPermission } from './types.ts';
import { SEARCH_QUERY_PATH, SUBSCRIPTIONS_PATH } from '../../knowledge/graph/graph-path.ts';

/**
 * How a permission is granted: to the app for its users (delegated) or itself (application), or per team, chat
 * or user by whoever installs a Teams app (resource-specific consent, whose names no tenant-wide permission shares).
 */
export type GrantType = 'delegated' | 'application' | 'rsc';

export interface NeededPermission {
  name: string;
  type: GrantType;
  /** Indexes into inventory.graphCalls: the calls that need this permission (the justification). */
  calls: number[];
  /** Calls whose own least permission is lower, served by this one because it is needed anyway. */
  alsoServes?: number[];
}

export interface ExcessivePermission {
  name: string;
  type: GrantType;
  reason: 'unused' | 'reducible';
  /** For reducible: the least-privileged permissions that cover every call this one is used for. */
  lowerAlternative?: string[];
  calls?: number[];
  /** For unused: requested permissions that already allow the calls this one could serve (it adds nothing). */
  redundantWith?: string[];
}

export interface HighRiskPermission {
  name: string;
  type: 'delegated' | 'application';
  why: string;
  justification?: string;
}

/**
 * A permission the app should add. `coveredCalls` are calls whose own least-privileged permission is a lower
 * one, allowed here because this permission is needed for other calls anyway (adding both would grant more).
 */
export interface MissingPermission extends NeededPermission {
  anyOf: string[];
  /** In a Teams app: resource-specific consent that would allow every one of these calls instead, scoped to where the app is installed. */
  rscAlternatives?: string[];
  coveredCalls?: { call: number; least: string[] }[];
}

export interface AppPermissionAnalysis {
  appRoot: string;
  flows: { delegated: boolean; application: boolean; assumed: boolean; evidence: string[] };
  needed: NeededPermission[];
  excessive: ExcessivePermission[];
  missing: MissingPermission[];
  highRisk: HighRiskPermission[];
  /** Application permissions requested by an app whose code only signs users in. */
  applicationInDelegatedApp: string[];
  /** Calls with no permission data for their method, path and scheme. */
  unmatchedCalls: { call: number; reason: string }[];
  betaCalls: { call: number; inV1?: boolean }[];
  /** The app asks for `/.default`: the registration decides, so its requiredResourceAccess is what is judged. */
  usesDefaultScope: boolean;
  /** Calls that could not be resolved statically: "unused" verdicts are then less certain. */
  unresolvedCalls: number;
  /** Application RSC no Graph call uses that may serve something else, with why (not judged unused). */
  rscNotJudged: { name: string; why: string }[];
}

/** Permissions an analyst asks a written justification for (certification guidance on least privilege). */
const HIGH_RISK_PATTERNS: [RegExp, string][] = [
  [/^Directory\./, 'directory-wide access'],
  [/^RoleManagement\./, 'can change role assignments'],
  [/^Application\.ReadWrite\./, 'can change app registrations and their credentials'],
  [/^AppRoleAssignment\.ReadWrite\.All$/, 'can grant itself any permission'],
  [/^Sites\.FullControl\.All$/, 'full control of every site'],
  [/^Mail\.Send$/, 'can send mail as the user (or any user, app-only)'],
  [/\.ReadWrite\.All$/, 'writes to data across the whole organisation'],
  [/^(User|Group)\.ReadWrite\.All$/, 'can change every user or group'],
];

/** Curated rules where $select/$expand raise the need above what the path data says (the data has no property-level detail). */
const PROPERTY_RULES: { path: RegExp; properties: RegExp; excludes?: RegExp; alsoRequires?: string; why: string }[] = [
  { path: /\/messages(\/|$)/i, properties: /^(body|uniquebody|attachments|bodypreview|singlevalueextendedproperties|multivalueextendedproperties)$/i, excludes: /^Mail\.ReadBasic/, why: 'ReadBasic excludes body, preview, attachments and extended properties' },
  { path: /\/(events|calendarview)(\/|$)/i, properties: /^(body|bodypreview|attachments|singlevalueextendedproperties|multivalueextendedproperties)$/i, excludes: /^Calendars\.ReadBasic/, why: 'Calendars.ReadBasic excludes body, preview, attachments and extended properties' },
  { path: /^\/(users(\/\{id\})?|me)$/i, properties: /^(?!(id|displayname|givenname|surname|mail|userprincipalname|photo|businessphones|jobtitle|mobilephone|officelocation|preferredlanguage)$).+$/i, excludes: /^User\.ReadBasic\.All$/, why: 'User.ReadBasic.All returns only basic profile properties' },
  { path: /^\/(users|me)/i, properties: /^signinactivity$/i, alsoRequires: 'AuditLog.Read.All', why: 'signInActivity also needs AuditLog.Read.All' },
  { path: /^\/(users|me)/i, properties: /^mailboxsettings$/i, alsoRequires: 'MailboxSettings.Read', why: 'mailboxSettings needs MailboxSettings.Read' },
];

/**
 * Microsoft Search (`POST /search/query`, SEARCH_QUERY_PATH): the permission follows the entity types searched, not
 * the path (the data lists every entity's permission for the one path). Each entity type's permissions, any of them.
 */
const SEARCH_ENTITY_PERMISSIONS: Record<string, string[]> = {
  message: ['Mail.Read'],
  event: ['Calendars.Read'],
  drive: ['Files.Read.All', 'Sites.Read.All'],
  driveitem: ['Files.Read.All', 'Sites.Read.All'],
  list: ['Sites.Read.All'],
  listitem: ['Sites.Read.All'],
  site: ['Sites.Read.All'],
  externalitem: ['ExternalItem.Read.All'],
  acronym: ['Acronym.Read.All'],
  bookmark: ['Bookmark.Read.All'],
  qna: ['QnA.Read.All'],
  chatmessage: ['Chat.Read', 'ChannelMessage.Read.All'],
  person: ['People.Read'],
};

/**
 * Resources that exist only to be subscribed to (the data lists no read of them), with the permissions Graph's
 * change-notification reference gives, by flow; a flow without any is not supported.
 */
const SUBSCRIPTION_RESOURCES: { path: RegExp; application: string[]; delegated: string[] }[] = [
  { path: /^\/teams\/getAllMessages$/i, application: ['ChannelMessage.Read.All'], delegated: [] },
  { path: /^\/chats\/getAllMessages$/i, application: ['Chat.Read.All'], delegated: [] },
];

function subscriptionOnlyRequirement(index: GraphPermissionIndex, entry: (typeof SUBSCRIPTION_RESOURCES)[number], resource: string, flow: AuthFlow): Requirement {
  const names = flow === 'application' ? entry.application : entry.delegated;
  if (!names.length) return { unmatched: `a subscription to ${resource} needs application permissions: Graph supports no ${flow} subscription to it` };
  const scheme = schemeOf(flow);
  const claims: Claim[] = names.map((permission) => ({ permission, least: true, alsoRequires: [], methodCount: 1, privilegeLevel: index.permission(permission)?.schemes[scheme]?.privilegeLevel ?? 3, rsc: false, leastElsewhere: false }));
  return { ranked: claims, least: claims, alsoRequired: [], standalone: new Set(names), claimants: new Set(names) };
}

/** Delegated permissions that reach only the signed-in user (see requirementFor). */
const SELF_ONLY = /^User\.(Read|ReadWrite)$/;

export interface AnalysisInput {
  appRoot: string;
  kinds: readonly AppKind[];
  requested: readonly RequestedPermission[];
  /** All calls of the scan with their global index; only this app's are used. */
  calls: readonly { call: GraphCall; index: number }[];
  flows: readonly AuthFlowEvidence[];
  unresolvedCalls: number;
  usesDefaultScope: boolean;
  justifications: Readonly<Record<string, string>>;
}

export function schemeOf(flow: AuthFlow): Scheme {
  return flow === 'application' ? 'Application' : 'DelegatedWork';
}

/** Decides each call's flow: the file's own evidence, else the app's single flow, else delegated (assumed). */
export function resolveFlows(kinds: readonly AppKind[], flows: readonly AuthFlowEvidence[]): AppPermissionAnalysis['flows'] & { flowOf: (call: GraphCall) => AuthFlow } {
  const delegated = flows.some((flow) => flow.flow === 'delegated');
  const application = flows.some((flow) => flow.flow === 'application');
  const userFacing = kinds.some((kind) => kind === 'spfx-solution' || kind === 'office-addin-xml' || kind === 'office-addin-unified');
  const assumed = !delegated && !application;
  const evidence = [...new Set(flows.map((flow) => `${flow.kind} (${flow.source.file}:${flow.source.line})`))];
  const byFile = new Map<string, Set<AuthFlow>>();
  for (const flow of flows) if (!flow.perCall) byFile.set(flow.source.file, (byFile.get(flow.source.file) ?? new Set()).add(flow.flow));
  const appFlow: AuthFlow = application && !delegated && !userFacing ? 'application' : 'delegated';
  return {
    delegated: delegated || assumed || userFacing,
    application,
    assumed,
    evidence,
    flowOf(call) {
      const inFile = byFile.get(call.source.file);
      if (call.flow) return call.flow;
      if (inFile?.size === 1) return [...inFile][0]!;
      return appFlow;
    },
  };
}

/**
 * `requirements` may be shared by the apps of one scan (see requirementCache): they repeat the same calls.
 */
export function analyzePermissions(index: GraphPermissionIndex, input: AnalysisInput, requirements: Requirements = requirementCache(index)): AppPermissionAnalysis {
  const flows = resolveFlows(input.kinds, input.flows);
  const teamsApp = input.kinds.some((kind) => kind === 'teams-app' || kind === 'office-addin-unified');
  const graphRequested = input.requested.filter((permission) => permission.resource === 'Microsoft Graph' && (permission.type === 'delegated' || permission.type === 'application') && !isOidcScope(permission.name) && !permission.unresolved && !permission.name.endsWith('.default'));
  const requestedNames = { delegated: new Set<string>(), application: new Set<string>() };
  for (const permission of graphRequested) requestedNames[permission.type as 'delegated' | 'application'].add(index.canonicalName(permission.name));
  // Application RSC a Teams manifest declares serves the app-only calls on the teams, chats and users the app is
  // installed in: for those calls it is requested, and it is judged like any other grant.
  const applicationRsc = teamsApp ? input.requested.filter((permission) => permission.type === 'rsc' && permission.rsc?.mode === 'application') : [];
  const rscRequested = applicationRsc.filter((permission) => index.permission(permission.name)?.rsc);
  for (const permission of rscRequested) requestedNames.application.add(index.canonicalName(permission.name));
  /** The grant a permission serving a call of `type` is. */
  const grantOf = (name: string, type: 'delegated' | 'application'): GrantType => (type === 'application' && index.permission(name)?.rsc ? 'rsc' : type);

  const needed = new Map<string, NeededPermission>();
  const higher = new Map<string, { type: GrantType; calls: number[]; lower: Set<string> }>();
  const missing = new Map<string, MissingPermission>();
  const unmatchedCalls: AppPermissionAnalysis['unmatchedCalls'] = [];
  /**
   * Per matched call, the permissions that allow it: `standalone` on their own (what the set cover and the
   * redundancy fold may stand in with), `claimants` alone or with an AlsoRequires partner.
   */
  const allowedBy = new Map<number, Allowed>();
  /** Permissions needed in addition to the path's (property rules): never folded into another. */
  const additional = new Set<string>();
  const betaCalls: AppPermissionAnalysis['betaCalls'] = [];
  /** For calls allowed only by a higher requested permission: which one. */
  const coveringOf = new Map<number, string>();
  /** Permissions needed as an AlsoRequires pair: they allow their calls only together, so neither is folded away. */
  const paired = new Set<string>();

  const watched = onlyWatchedResource(input.calls);
  for (const { call, index: callIndex } of input.calls) {
    const flow = flows.flowOf(call);
    const type = flow === 'application' ? 'application' : 'delegated';
    if (call.apiVersion === 'beta') betaCalls.push({ call: callIndex, inV1: call.method === 'GET' ? requirements.versionsOf(call.path)?.v1 : undefined });
    const requirement = requirements.of(watched && managesSubscription(call) ? { ...call, subscribedResource: watched } : call, flow, teamsApp);
    if ('unmatched' in requirement) {
      unmatchedCalls.push({ call: callIndex, reason: requirement.unmatched });
      continue;
    }
    const { ranked, least } = requirement;
    const alsoRequired = [...requirement.alsoRequired];
    if (ranked.length === 0) continue;
    allowedBy.set(callIndex, requirement);
    const requestedHere = requestedNames[type];
    // A claim marked AlsoRequires allows the call only together with one of the permissions it names
    // (POST /servicePrincipals/{id}/appRoleAssignments: AppRoleAssignment.ReadWrite.All + Application.Read.All).
    const partnerOf = (claim: Claim) => claim.alsoRequires.map((other) => index.canonicalName(other)).find((other) => requestedHere.has(other));
    const coveredBy = ranked.filter((claim) => requestedHere.has(claim.permission) && (claim.alsoRequires.length === 0 || partnerOf(claim) !== undefined));
    // Of a tenant-wide permission and RSC that both allow the call, the RSC (only where the app is installed) serves it.
    if (type === 'application') coveredBy.sort((a, b) => Number(b.rsc) - Number(a.rsc));
    const leastRequested = coveredBy.find((claim) => least.some((candidate) => candidate.permission === claim.permission));
    const leastOption = [least[0]!.permission, ...least[0]!.alsoRequires.slice(0, 1).map((other) => index.canonicalName(other))];
    if (leastRequested) {
      addCall(needed, leastRequested.permission, grantOf(leastRequested.permission, type), callIndex);
      const partner = partnerOf(leastRequested);
      if (partner) {
        addCall(needed, partner, grantOf(partner, type), callIndex);
        paired.add(leastRequested.permission).add(partner);
      }
    } else if (coveredBy.length) {
      const entry = higher.get(coveredBy[0]!.permission) ?? { type: grantOf(coveredBy[0]!.permission, type), calls: [], lower: new Set<string>() };
      entry.calls.push(callIndex);
      for (const name of leastOption) entry.lower.add(name);
      higher.set(coveredBy[0]!.permission, entry);
      coveringOf.set(callIndex, coveredBy[0]!.permission);
    } else {
      const name = least[0]!.permission;
      const grant = grantOf(name, type);
      const entry = missing.get(`${grant}:${name}`) ?? { name, type: grant, calls: [], anyOf: least.map((claim) => claim.permission) };
      entry.calls.push(callIndex);
      missing.set(`${grant}:${name}`, entry);
      // The least option's partner is suggested too, unless the app already has it; a pair is never folded away.
      for (const partner of leastOption.slice(1)) alsoRequired.push(partner);
      if (leastOption.length > 1) additional.add(name);
    }
    for (const extra of alsoRequired) {
      additional.add(extra);
      if (requestedHere.has(extra)) addCall(needed, extra, grantOf(extra, type), callIndex);
      else {
        const grant = grantOf(extra, type);
        const entry = missing.get(`${grant}:${extra}`) ?? { name: extra, type: grant, calls: [], anyOf: [extra] };
        entry.calls.push(callIndex);
        missing.set(`${grant}:${extra}`, entry);
      }
    }
  }

  // Set cover over the suggestions: a missing permission whose calls another suggested (or already needed)
  // permission of the same kind also allows is dropped, so the app is told the smallest set to add. (An
  // application permission never stands in for a delegated one: the calls of a user's token cannot use it.)
  for (const [key, entry] of [...missing.entries()].sort((a, b) => a[1].calls.length - b[1].calls.length)) {
    if (additional.has(entry.name)) continue;
    const others = [...missing.values(), ...needed.values()].filter((other) => appOnly(other.type) === appOnly(entry.type) && other.name !== entry.name).map((other) => other.name);
    const cover = others.find((other) => entry.calls.every((call) => allowedBy.get(call)?.standalone.has(other)));
    if (cover) {
      missing.delete(key);
      const target = [...missing.values()].find((other) => other.name === cover && appOnly(other.type) === appOnly(entry.type));
      if (target) {
        target.calls = [...new Set([...target.calls, ...entry.calls])];
        target.coveredCalls = [...(target.coveredCalls ?? []), ...(entry.coveredCalls ?? []), ...entry.calls.filter((call) => !entry.coveredCalls?.some((covered) => covered.call === call)).map((call) => ({ call, least: entry.anyOf }))];
      }
    }
  }

  // A Teams app may ask for RSC instead of a tenant-wide application permission (the narrower grant).
  if (teamsApp) {
    for (const entry of missing.values()) {
      if (entry.type !== 'application') continue;
      const rscOf = (call: number) => [...(allowedBy.get(call)?.standalone ?? [])].filter((name) => index.permission(name)?.rsc);
      const [first, ...rest] = entry.calls.map(rscOf);
      const common = (first ?? []).filter((name) => rest.every((names) => names.includes(name)));
      if (common.length) entry.rscAlternatives = common;
    }
  }

  const redundant = foldRedundant(needed, higher, { allowedBy, coveringOf, additional, paired });

  // A higher permission the app needs anyway also serves the calls it covers: they belong to its justification.
  for (const [name, entry] of higher) {
    const kept = needed.get(`${entry.type}:${name}`);
    if (kept) kept.alsoServes = [...new Set([...(kept.alsoServes ?? []), ...entry.calls])].filter((call) => !kept.calls.includes(call));
  }

  const excessive: ExcessivePermission[] = [];
  const rscNotJudged: AppPermissionAnalysis['rscNotJudged'] = dedupe(applicationRsc.filter((permission) => !index.permission(permission.name)?.rsc), index).map((permission) => ({ name: permission.name, why: 'not an RSC permission of the Graph permission data (retired or misspelt?)' }));
  for (const permission of dedupe([...graphRequested, ...rscRequested], index)) {
    const name = index.canonicalName(permission.name);
    if (needed.has(`${permission.type}:${name}`)) continue;
    const folded = redundant.get(`${permission.type}:${name}`);
    if (folded) {
      excessive.push({ name, type: permission.type as GrantType, reason: 'unused', redundantWith: folded });
      continue;
    }
    const used = higher.get(name);
    const servesMore = permission.type === 'rsc' ? rscServesMoreThanGraph(index, name, permission.rsc!) : undefined;
    if (used && used.type === permission.type) {
      const lower = smallestCover([...used.lower].filter((candidate) => candidate !== name), used.calls, allowedBy, additional);
      excessive.push({ name, type: permission.type as GrantType, reason: 'reducible', lowerAlternative: lower, calls: used.calls });
    } else if (servesMore) {
      rscNotJudged.push({ name, why: servesMore });
    } else {
      // Requested, able to serve some calls, but they are already allowed by another requested permission.
      const redundantWith = [...new Set([...allowedBy].filter(([, allowed]) => allowed.claimants.has(name)).map(([call]) => coveringOf.get(call) ?? [...needed.values()].find((item) => item.type === permission.type && item.calls.includes(call))?.name).filter((other): other is string => Boolean(other) && other !== name))];
      excessive.push({ name, type: permission.type as GrantType, reason: 'unused', ...(redundantWith.length ? { redundantWith } : {}) });
    }
  }
  const highRisk: HighRiskPermission[] = [];
  for (const permission of dedupe(graphRequested, index)) {
    const name = index.canonicalName(permission.name);
    const pattern = HIGH_RISK_PATTERNS.find(([regex]) => regex.test(name));
    const why = permission.type === 'application' ? `application permission: acts across the tenant without a user${pattern ? `; ${pattern[1]}` : ''}` : pattern?.[1];
    if (why) highRisk.push({ name, type: permission.type as 'delegated' | 'application', why, justification: input.justifications[name] });
  }
  const applicationInDelegatedApp = !flows.application ? [...requestedNames.application] : [];

  return {
    appRoot: input.appRoot,
    flows: { delegated: flows.delegated, application: flows.application, assumed: flows.assumed, evidence: flows.evidence },
    needed: [...needed.values()].map((entry) => ({ ...entry, calls: [...new Set(entry.calls)] })),
    excessive,
    missing: [...missing.values()],
    highRisk,
    applicationInDelegatedApp,
    unmatchedCalls,
    betaCalls,
    usesDefaultScope: input.usesDefaultScope,
    unresolvedCalls: input.unresolvedCalls,
    rscNotJudged,
  };
}

/** RSC that lets a bot receive every message of its team or chat, not only those that @mention it. */
const MESSAGE_RSC = /^(ChannelMessage\.Read\.Group|ChatMessage\.Read\.Chat)$/i;

/**
 * Why an application RSC permission that no Graph call uses may still be used: the data lists no Graph
 * operation for it (calling and meeting features, membership shown to the app), or it lets the manifest's bot
 * receive every message. Undefined when only Graph calls could use it.
 */
function rscServesMoreThanGraph(index: GraphPermissionIndex, name: string, rsc: NonNullable<RequestedPermission['rsc']>): string | undefined {
  if (!index.permission(name)?.allowsGraphOperations) return 'the permission data lists no Graph operation for it: a Teams feature uses it';
  if (rsc.besideBot && MESSAGE_RSC.test(name)) return 'lets the bot receive every message without an @mention';
  return undefined;
}

/**
 * The lower permissions a reducible one should give way to, without those the others make unnecessary:
 * Files.ReadWrite alone for a read and a write of the user's files, not Files.Read + Files.ReadWrite. Each call
 * stays allowed on its own by one kept; permissions a property rule adds (`keep`) and pairs stay.
 */
function smallestCover(lower: readonly string[], calls: readonly number[], allowedBy: ReadonlyMap<number, Allowed>, keep: ReadonlySet<string>): string[] {
  const allows = (name: string, call: number) => allowedBy.get(call)?.standalone.has(name) ?? false;
  const reach = (name: string) => calls.filter((call) => allows(name, call)).length;
  let kept = [...lower];
  for (const name of [...lower].sort((a, b) => reach(a) - reach(b))) {
    if (keep.has(name)) continue;
    const others = kept.filter((other) => other !== name);
    if (others.length && calls.every((call) => others.some((other) => allows(other, call)))) kept = others;
  }
  return kept;
}

/**
 * A requested permission is redundant when every call it would serve is allowed, on its own, by another
 * permission the app needs anyway (Mail.Read beside a needed Mail.ReadWrite; Files.ReadWrite beside a needed
 * Sites.Read.All that allows the same drive calls): the pair grants nothing the other does not, so it is
 * unused, and its calls join the justification of the one kept. Broader permissions are tried first, so of two
 * that allow each other's calls the narrower stays; pairs and permissions a property rule adds are kept.
 * Returns, per `type:name` folded away, the permissions that cover it; `needed` and `higher` lose it.
 */
function foldRedundant(
  needed: Map<string, NeededPermission>,
  higher: Map<string, { type: GrantType; calls: number[]; lower: Set<string> }>,
  facts: { allowedBy: ReadonlyMap<number, Allowed>; coveringOf: Map<number, string>; additional: ReadonlySet<string>; paired: ReadonlySet<string> },
): Map<string, string[]> {
  const served = new Map<string, { name: string; type: GrantType; calls: Set<number> }>();
  for (const [key, entry] of needed) served.set(key, { name: entry.name, type: entry.type, calls: new Set(entry.calls) });
  for (const [name, entry] of higher) {
    const key = `${entry.type}:${name}`;
    const target = served.get(key) ?? { name, type: entry.type, calls: new Set<number>() };
    for (const call of entry.calls) target.calls.add(call);
    served.set(key, target);
  }
  // How many calls each permission could serve: the broader it is, the sooner it is tried.
  const breadth = new Map<string, number>();
  for (const { claimants } of facts.allowedBy.values()) for (const name of claimants) breadth.set(name, (breadth.get(name) ?? 0) + 1);
  const order = [...served.entries()].sort((a, b) => (breadth.get(b[1].name) ?? 0) - (breadth.get(a[1].name) ?? 0) || a[1].name.localeCompare(b[1].name));
  const folded = new Map<string, string[]>();
  for (const [key, candidate] of order) {
    if (facts.additional.has(candidate.name) || facts.paired.has(candidate.name) || candidate.calls.size === 0) continue;
    const keptNeeded = [...needed.values()].filter((entry) => entry.type === candidate.type && entry.name !== candidate.name && !folded.has(`${entry.type}:${entry.name}`));
    const coverOf = (call: number) => keptNeeded.find((entry) => facts.allowedBy.get(call)?.standalone.has(entry.name));
    const covers = [...candidate.calls].map(coverOf);
    if (covers.some((cover) => !cover)) continue;
    folded.set(key, [...new Set(covers.map((cover) => cover!.name))]);
    [...candidate.calls].forEach((call, position) => {
      const cover = covers[position]!;
      if (!cover.calls.includes(call)) cover.alsoServes = [...new Set([...(cover.alsoServes ?? []), call])];
      facts.coveringOf.set(call, cover.name);
    });
    needed.delete(key);
    if (higher.get(candidate.name)?.type === candidate.type) higher.delete(candidate.name);
  }
  return folded;
}

/** The permissions that allow a call: on their own, and alone or with an AlsoRequires partner. */
interface Allowed {
  standalone: ReadonlySet<string>;
  claimants: ReadonlySet<string>;
}
/** What one call needs under one flow: the ranked claims, the least of them and the permissions property rules add. */
type Requirement = ({ ranked: Claim[]; least: Claim[]; alsoRequired: readonly string[] } & Allowed) | { unmatched: string };

export interface Requirements {
  of(call: GraphCall, flow: AuthFlow, teamsApp: boolean): Requirement;
  versionsOf(path: string): { v1: boolean; beta: boolean } | undefined;
}

/**
 * What a call needs depends only on its method, path, selected properties and flow (and whether the app is a
 * Teams app), so it is worked out once per distinct call: apps repeat the same calls from many places, and so
 * do the apps of one tree.
 */
export function requirementCache(index: GraphPermissionIndex): Requirements {
  const requirements = new Map<string, Requirement>();
  const versions = new Map<string, { v1: boolean; beta: boolean } | undefined>();
  return {
    of(call, flow, teamsApp) {
      const key = `${flow} ${teamsApp ? 'teams' : ''} ${call.method} ${call.path} ${call.select?.join(',') ?? ''} ${call.expand?.join(',') ?? ''} ${call.readsBody ? 'body' : ''} ${call.searchEntities?.join(',') ?? ''} ${call.subscribedResource ?? ''}`;
      let requirement = requirements.get(key);
      if (!requirement) requirements.set(key, (requirement = requirementFor(index, teamsApp, call, flow)));
      return requirement;
    },
    versionsOf(path) {
      if (!versions.has(path)) versions.set(path, index.versionsOf(path));
      return versions.get(path);
    },
  };
}

/** A subscription's requirement: read access to the resource it watches (`call.subscribedResource`). */
function watchedResourceRequirement(index: GraphPermissionIndex, teamsApp: boolean, call: GraphCall, subscribed: string, flow: AuthFlow): Requirement {
  const resource = watchedPath(subscribed);
  const only = SUBSCRIPTION_RESOURCES.find((entry) => entry.path.test(resource));
  if (only) return subscriptionOnlyRequirement(index, only, resource, flow);
  const read = requirementFor(index, teamsApp, { ...call, method: 'GET', path: resource, select: undefined, expand: undefined, readsBody: undefined, subscribedResource: undefined }, flow);
  return 'unmatched' in read ? { unmatched: `a subscription to ${resource}: ${read.unmatched}` } : read;
}

/** A subscription's resource as a path: `me/messages?$filter=…` → `/me/messages`. */
const watchedPath = (resource: string) => `/${resource.replace(/^\/+/, '').split('?')[0]!}`;

/**
 * Getting, renewing and deleting a subscription need what creating it needs (read access to the resource it
 * watches), yet name only its id. Where every subscription an app creates watches one resource, the app's
 * other subscription requests are taken to manage those: the resource they inherit. Undefined when the app
 * creates none, or subscribes to several resources or to one only known at run time.
 */
function onlyWatchedResource(calls: readonly { call: GraphCall }[]): string | undefined {
  const watched = new Map<string | undefined, string | undefined>();
  for (const { call } of calls) {
    if (call.method !== 'POST' || !SUBSCRIPTIONS_PATH.test(call.path)) continue;
    const resource = call.subscribedResource && watchedPath(call.subscribedResource);
    watched.set(resource?.toLowerCase(), resource);
  }
  const [only] = watched.values();
  return watched.size === 1 ? only : undefined;
}

/** A request on the app's existing subscriptions (GET, PATCH, DELETE; not the POST creating one). */
const managesSubscription = (call: GraphCall) => /^\/subscriptions(\/|$)/i.test(call.path) && !(call.method === 'POST' && SUBSCRIPTIONS_PATH.test(call.path));

function requirementFor(index: GraphPermissionIndex, teamsApp: boolean, call: GraphCall, flow: AuthFlow): Requirement {
  // Change notifications: creating a subscription needs read access to the resource it watches (the data lists none).
  if (call.method === 'POST' && SUBSCRIPTIONS_PATH.test(call.path)) {
    if (!call.subscribedResource) return { unmatched: 'creating a subscription needs read access to the resource it watches, which the request names only at run time' };
    return watchedResourceRequirement(index, teamsApp, call, call.subscribedResource, flow);
  }
  if (managesSubscription(call)) {
    if (call.subscribedResource) return watchedResourceRequirement(index, teamsApp, call, call.subscribedResource, flow);
    return { unmatched: 'reading, renewing or deleting a subscription needs read access to the resource it watches, which the request does not name (nor do the subscriptions the app creates, as one resource)' };
  }
  const match = index.match(call.method, call.path);
  if (!match) return { unmatched: `no permission data for ${call.method} ${call.path}` };
  // Resource-specific consent (ChannelMessage.Read.Group, …) exists only for Teams apps that declare it in their
  // manifest; for any other app it is never the least-privileged choice, because it cannot be granted at all.
  let claims = (match.claims.get(schemeOf(flow)) ?? []).filter((claim) => !claim.rsc || teamsApp);
  // User.Read and User.ReadWrite reach only the signed-in user's own profile (the data marks them least for
  // /users/{id} because the id may be the user's own): a delegated call addressing a user by id needs a
  // permission over other users, as far as the code shows (an org chart, a people picker).
  if (flow !== 'application' && /^\/users\/\{[^}]*\}(\/|$)/i.test(match.template)) {
    const others = claims.filter((claim) => !SELF_ONLY.test(claim.permission));
    if (others.length) claims = others;
  }
  // And the signed-in user's own profile is theirs to read and update: where the data lists it only as /users/{id}
  // (PATCH /me), User.ReadWrite is the least, not the tenant-wide permission marked least there.
  if (flow !== 'application' && match.template.toLowerCase() === '/me') {
    const own = claims.filter((claim) => SELF_ONLY.test(claim.permission));
    if (own.length) claims = [...own.map((claim) => ({ ...claim, least: true })), ...claims.filter((claim) => !SELF_ONLY.test(claim.permission))];
  }
  if (claims.length === 0) return { unmatched: flow === 'application' && /^\/me(\/|$)/i.test(call.path) ? '/me cannot be called without a signed-in user (app-only)' : `${call.method} ${match.template} has no ${schemeOf(flow)} permission` };
  const alsoRequired: string[] = [];
  const properties = [...(call.select ?? []), ...(call.expand ?? []), ...(call.readsBody ? ['body'] : [])];
  for (const rule of PROPERTY_RULES) {
    // `$select=*` asks for every property a ReadBasic permission leaves out, but not those Graph returns only when named (signInActivity).
    if (!rule.path.test(call.path) || !properties.some((property) => rule.properties.test(property) || (property === '*' && rule.excludes))) continue;
    if (rule.excludes) claims = claims.filter((claim) => !rule.excludes!.test(claim.permission));
    if (rule.alsoRequires) alsoRequired.push(rule.alsoRequires);
  }
  const ranked = rankClaims(claims, match.template, call.method);
  const search = SEARCH_QUERY_PATH.test(match.template) ? searchRequirement(index, ranked, call.searchEntities) : undefined;
  if (search) alsoRequired.push(...search.alsoRequired);
  const chosen = search?.ranked ?? ranked;
  return {
    ranked: chosen,
    least: search?.least ?? (ranked.length ? leastOf(ranked, match.template) : []),
    alsoRequired,
    // A search's permissions stand alone: the other entity types' permissions are already in alsoRequired.
    standalone: new Set((search ? chosen : chosen.filter((claim) => claim.alsoRequires.length === 0)).map((claim) => claim.permission)),
    claimants: new Set(chosen.map((claim) => claim.permission)),
  };
}

/**
 * What a search needs: for known entity types, one of each type's permissions (the first type's as the claim, the
 * others as also required); for unknown ones, any permission the data lists, none lower than another.
 */
function searchRequirement(index: GraphPermissionIndex, ranked: Claim[], entities: readonly string[] | undefined): { ranked: Claim[]; least: Claim[]; alsoRequired: string[] } | undefined {
  if (ranked.length === 0) return undefined;
  const sets = entities?.map((entity) => SEARCH_ENTITY_PERMISSIONS[entity.toLowerCase()]);
  if (!sets?.length || sets.some((set) => !set)) return { ranked, least: ranked, alsoRequired: [] };
  const [first, ...others] = sets as string[][];
  const claimOf = (name: string): Claim => ranked.find((claim) => claim.permission === name) ?? { permission: name, least: true, alsoRequires: [], methodCount: 1, privilegeLevel: index.permission(name)?.schemes.DelegatedWork?.privilegeLevel ?? 2, rsc: false, leastElsewhere: false };
  const least = first!.map(claimOf);
  // A broader permission of the same resource the data lists for the path allows the search too (Mail.ReadWrite for messages).
  const claims = [...least, ...ranked.filter((claim) => !first!.includes(claim.permission) && first!.some((name) => broaderNames(name).includes(claim.permission)))];
  const alsoRequired = [...new Set(others.map((set) => set[0]!).filter((name) => !first!.includes(name)))];
  return { ranked: claims, least, alsoRequired };
}

/**
 * The least-privileged candidates: the best ranked one, plus genuine alternatives that rank equal on every
 * criterion but the name (reported as "any of").
 */
function leastOf(ranked: Claim[], template: string): Claim[] {
  const best = ranked[0]!;
  const sameRank = (claim: Claim) => claim.least === best.least && claim.methodCount === best.methodCount && claim.privilegeLevel === best.privilegeLevel && operationLevel(claim.permission) === operationLevel(best.permission) && resourceAffinity(claim.permission, template) === resourceAffinity(best.permission, template);
  return [best, ...ranked.slice(1).filter(sameRank)];
}

function operationLevel(permission: string): string {
  return permission.split('.')[1]?.toLowerCase() ?? '';
}

/** Whether a grant serves the app's own token (application permissions and RSC) rather than a user's. */
const appOnly = (type: GrantType) => type !== 'delegated';

function addCall(map: Map<string, NeededPermission>, name: string, type: GrantType, call: number): void {
  const key = `${type}:${name}`;
  const entry = map.get(key) ?? { name, type, calls: [] };
  entry.calls.push(call);
  map.set(key, entry);
}

function dedupe(permissions: readonly RequestedPermission[], index: GraphPermissionIndex): RequestedPermission[] {
  const seen = new Set<string>();
  return permissions.filter((permission) => {
    const key = `${permission.type}:${index.canonicalName(permission.name)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
