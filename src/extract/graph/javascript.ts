import { escapeRegExp } from '../../util/regexp.ts';
import { visitorKeys } from 'oxc-parser';
import { NestingTooDeep, parseProgram } from './oxc-program.ts';
import type { CmdletUse, PowerShellForwarder, PowerShellHelper, PowerShellInvocation } from './powershell.ts';
import { batchStepUrl, isBatchPath } from './batch.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { PLACEHOLDER, parseGraphUrl, optionList, queryOptions, SEARCH_QUERY_PATH, SUBSCRIPTIONS_PATH, TOKEN_EXCHANGE } from '../../knowledge/graph/graph-path.ts';
import { fluentPath, isGraphScopeUrl, kiotaParameterSegment, kiotaVerb, methodOfUnknownRequest, sdkSegment } from './sdk-shapes.ts';
import type { AuthFlow, AuthFlowEvidence, Confidence, GraphCall, SourceRef, UnresolvedGraphCall } from './types.ts';
import { unwrapExpression, visitJsClass, visitJsConnectivity, type JsConnectivityContext } from '../hosts/javascript-connectivity.ts';
import type { CodeConnectivity } from '../hosts/types.ts';
import type { ExtractorChoice } from '../code/extractor.ts';
import { environmentUrl } from '../code/environment.ts';
import { fillTemplate, gluedToVersion, isAbsoluteUrl, joinTemplate, markedTemplate, mayReachGraph, mayStartBase, parameterMarker, resolveReference, suppliesRoot, templateText, withBaseUrl, withoutTrailingValue, type RequestWrapper, type UrlTemplate } from './url-templates.ts';
import { visitJsPatterns } from '../patterns/javascript-patterns.ts';
import { groupBy } from '../../util/group-by.ts';
import { partitionPoint } from '../../util/partition-point.ts';
import type { InsecurePattern } from '../patterns/types.ts';

/**
 * Finds Microsoft Graph calls in JavaScript and TypeScript with a real parser (oxc): the Graph JS SDK
 * (`client.api(path)…get()`), the Kiota SDK (`client.me.messages.get()`), PnPjs (`graph.me.messages()`),
 * HTTP clients with Graph URLs (fetch, axios, got, superagent, SPFx AadHttpClient), `$batch` bodies and
 * batch steps, and wrapper functions that take a path. String constants are followed within the file and
 * through `export const` across imports; dynamic parts become `{id}`. Code in comments and unreachable
 * code is not a call.
 */

// oxc-parser produces an ESTree-shaped tree; this is the part of it we read.
interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface CodeGraphFacts {
  calls: Omit<GraphCall, 'appRoot'>[];
  unresolved: Omit<UnresolvedGraphCall, 'appRoot'>[];
  scopes: { name: string; source: SourceRef }[];
  flows: Omit<AuthFlowEvidence, 'appRoot'>[];
  /** `export const NAME = '…'` string constants, for other files that import them. */
  exportedConstants: Map<string, string>;
  /** Exported request helpers (see url-templates.ts), by export name (`default`: `module.exports =` / `export default`). */
  exportedWrappers?: Map<string, RequestWrapper>;
  /**
   * A classic browser script's top-level values, which the other scripts of its page see as globals: string
   * constants (properties of constant objects by their dotted name: `graphConfig.graphMeEndpoint`) and request helpers.
   */
  scriptGlobals?: { constants: Map<string, string>; wrappers: Map<string, RequestWrapper> };
  /** Outbound connections and served routes (read on the same tree; the connectivity inventory uses them). */
  connectivity: CodeConnectivity;
  /** Insecure code patterns (secure development), read on the same tree. */
  patterns: InsecurePattern[];
  /** PowerShell `*-Mg*` cmdlet uses, matched to calls once the SDK's command map is loaded. */
  cmdlets?: CmdletUse[];
  /** PowerShell functions that request a URL built from their parameters, for the other scripts of the app. */
  powershellHelpers?: PowerShellHelper[];
  /** Calls of functions no script of this file defines, given a Graph-like path: matched to the app's helpers once every file is read. */
  powershellInvocations?: PowerShellInvocation[];
  /** Functions handing their parameters on to a function of another script (see PowerShellForwarder). */
  powershellForwarders?: PowerShellForwarder[];
  /** The file reads the body of a message or event (see body-reads.ts). */
  readsBody?: boolean;
  /**
   * C# HttpClients registered with a base address (`AddHttpClient("Graph", c => c.BaseAddress = new Uri(…))`,
   * `AddHttpClient<GraphService>(…)`), by client: `name:Graph`, `type:GraphService`.
   */
  clientBases?: { client: string; base: string }[];
  /** Requests with a relative URL sent through a registered client (see clientBases): resolved once every file is read. */
  clientRequests?: {
    client: string;
    /** The registration to use when none has `client`'s key (a Spring bean injected by type rather than by name). */
    fallback?: string;
    /** `append`: the base and the path are joined as Spring does; else resolved as `new Uri(base, relative)`. */
    join?: 'append';
    method: string;
    url: string;
    source: SourceRef;
  }[];
  parseError?: { message: string; line?: number };
}

/** Facts of a file that holds none yet. */
export function emptyCodeFacts(): CodeGraphFacts {
  return { calls: [], unresolved: [], scopes: [], flows: [], exportedConstants: new Map(), connectivity: { references: [], routes: [] }, patterns: [] };
}

export type ImportResolver = (fromFile: string, specifier: string, name: string) => string | undefined;
/** A request helper another module exports under `name` (`default` for the module's own export). */
export type WrapperResolver = (fromFile: string, specifier: string, name: string) => RequestWrapper | undefined;
/** A global another classic script of the page declares: a string constant (dotted names for object properties) or a request helper. */
export interface GlobalResolver {
  constant(fromFile: string, name: string): string | undefined;
  wrapper(fromFile: string, name: string): RequestWrapper | undefined;
}
const NO_GLOBALS: GlobalResolver = { constant: () => undefined, wrapper: () => undefined };

const VERBS: Record<string, string> = { get: 'GET', getStream: 'GET', post: 'POST', put: 'PUT', putStream: 'PUT', patch: 'PATCH', update: 'PATCH', delete: 'DELETE', del: 'DELETE' };
const PAGING_LINK = /(next|delta)Link|nextPage/i;
/** A `.api(path)` request's verbs: the fluent ones, and microsoft-graph-client's alias `create` for `post`. */
const API_VERBS: Record<string, string> = { ...VERBS, create: 'POST' };
const HTTP_CLIENT_VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', head: 'GET', fetch: 'GET', ajax: 'GET' };
/** The node types the recognisers look at; everything else is only walked through. */
const INTERESTING = new Set(['CallExpression', 'NewExpression', 'Property', 'ExportNamedDeclaration', 'ClassDeclaration', 'ClassExpression', 'AssignmentExpression', 'ReturnStatement', 'VariableDeclarator']);
/** The SPFx context's client factories: whatever they hand out acts for the signed-in user. */
const SPFX_FACTORIES = /^(msGraphClientFactory|aadHttpClientFactory|aadTokenProviderFactory)$/;
const FUNCTIONS = new Set(['FunctionDeclaration', 'FunctionExpression', 'ArrowFunctionExpression']);
/** PnPjs query methods: they shape the request of the chain they are called on and are no path segment. */
const PNP_QUERY = /^(select|expand|top|filter|orderBy|skip|search|count|skipToken)$/;
/** React hooks that hand out the function they are given: `useCallback(fn, deps)`, `React.useMemo(() => fn, deps)`. */
const HOOK_WRAPPERS = /^(React\.)?(useCallback|useMemo)$/;
/** See typedGraphClients in extractJavaScript. */
function graphClientsByType(text: string): Set<string> {
  const names = new Set<string>();
  if (!text.includes('Client')) return names;
  const sdkClient = /import\s*\{[^}]*\bClient\b[^}]*\}\s*from\s*['"]@microsoft\/microsoft-graph-client['"]/.test(text);
  for (const match of text.matchAll(/([A-Za-z_$][\w$]*)\s*[?!]?\s*:\s*(GraphServiceClient|Client)\b/g)) if (match[2] === 'GraphServiceClient' || sdkClient) names.add(match[1]!);
  return names;
}

/**
 * Calls taking the scopes they sign in with, in a list, a string or a `scopes` property (TeamsFx React's hooks as
 * `{ scope: [...] }`, after the function they run; Kiota's AzureIdentityAuthenticationProvider as its second argument).
 */
const SCOPE_FUNCTIONS = /^(acquireToken\w*|loginPopup|loginRedirect|ssoSilent|getToken|createMicrosoftGraphClient\w*|login|getAccessToken|handleMessageExtensionQueryWithSSO|useGraphWithCredential|useGraph|AzureIdentityAuthenticationProvider)$/;
const FLOW_MARKERS: [RegExp, AuthFlow, string][] = [
  [/^acquireTokenByClientCredential$/, 'application', 'client-credentials'],
  // TeamsFx's AppCredential is the app's own identity (client credentials), as its notification bots use it.
  [/^(ClientSecretCredential|ClientCertificateCredential|ClientAssertionCredential|AppCredential)$/, 'application', 'client-credentials'],
  [/^(ManagedIdentityCredential)$/, 'application', 'managed-identity'],
  [/^(acquireTokenOnBehalfOf|OnBehalfOfCredential|OnBehalfOfUserCredential)$/, 'delegated', 'on-behalf-of'],
  // A public client application (MSAL Browser and Node) signs users in: it has no identity of its own.
  [/^(acquireTokenByCode|acquireTokenPopup|acquireTokenRedirect|acquireTokenSilent|loginPopup|loginRedirect|ssoSilent|InteractiveBrowserCredential|AuthorizationCodeCredential|PublicClientApplication|createStandardPublicClientApplication)$/, 'delegated', 'auth-code'],
  [/^(acquireTokenByDeviceCode|DeviceCodeCredential)$/, 'delegated', 'device-code'],
  // TeamsFx React's hooks hand their function a Graph client acting for the tab's signed-in user.
  [/^(TeamsUserCredential|getAuthToken|TeamsFx|useGraphWithCredential|useGraph|useTeamsUserCredential)$/, 'delegated', 'teams-sso'],
];

export function extractJavaScript(file: SourceFile, resolveImport: ImportResolver, choice: ExtractorChoice = {}, resolveWrapper: WrapperResolver = () => undefined, globals: GlobalResolver = NO_GLOBALS): CodeGraphFacts {
  // A literal of its own rather than emptyCodeFacts(): measured 6–8% faster extraction on the bench's tree in
  // interleaved runs (V8 keeps allocation feedback per literal, and this one sees most of the files).
  const facts: CodeGraphFacts = { calls: [], unresolved: [], scopes: [], flows: [], exportedConstants: new Map(), connectivity: { references: [], routes: [] }, patterns: [] };
  let program: Node;
  try {
    // Scripts cut out of a page (page-scripts.ts) are parsed as TypeScript, which reads their JavaScript too.
    const name = (/\.(m|c)?(j|t)sx?$/i.test(file.path) ? file.path : `${file.path}.ts`).replace(/!/g, '_');
    const parsed = parseProgram(name, file.text);
    const fatal = parsed.errors.find((error) => error.severity !== 'Warning');
    if (fatal) {
      const offset = fatal.labels?.[0]?.start;
      facts.parseError = { message: fatal.message, line: offset === undefined ? undefined : file.locOf(offset).line };
      if (!((parsed.program as Node).body as Node[]).length) return facts;
    }
    program = parsed.program as Node;
  } catch (error) {
    facts.parseError = { message: (error as Error).message, line: error instanceof NestingTooDeep ? error.line : undefined };
    return facts;
  }

  // Parent links in a map, not on the nodes: a property added to a million parsed nodes gives each one a new
  // shape and a property store, which costs a third of the parse; a WeakMap's entries cost the collector more.
  const parents = new Map<Node, Node>();
  const enclosingFunction = (node: Node): Node | undefined => {
    for (let current = parents.get(node); current; current = parents.get(current)) if (FUNCTIONS.has(current.type)) return current;
    return undefined;
  };
  const scopedNameOf = (at: Node, name: string) => scopedName(at, name, enclosingFunction);
  const constants = new Map<string, Node | null>();
  /** Local name → what it is in its module: `default`, a named export, or `*` (a namespace import, a whole `require`). */
  const importBindings = new Map<string, { specifier: string; name: string }>();
  /**
   * A binding that names one named export of its module (`import { GRAPH }`, `const { GRAPH } = require(…)`): only
   * those may be string constants (a module's default export and the module itself are not).
   */
  const importedExport = (local: string) => {
    const binding = importBindings.get(local);
    return binding?.name === '*' || binding?.name === DEFAULT_EXPORT ? undefined : binding;
  };
  /** The module a local name was imported or required from. */
  const moduleOf = (local: string) => importBindings.get(local)?.specifier;
  /** The file imports PnPjs's Graph package (often only for its side effects: `import "@pnp/graph/users"`). */
  let usesPnpGraph = false;
  /** A `.js` file without imports, exports or require: a classic browser script, sharing its page's globals. */
  let classicScript = /\.js$/i.test(file.path);
  const functionParams = new Map<Node, string[]>();
  /** Request helpers of this file by function name (see url-templates.ts). */
  const wrappers = new Map<string, RequestWrapper>();
  /** Names destructured from what a function returns: local name → the function and the property. */
  const returnedNames = new Map<string, { from: string; key: string }>();
  const live: Node[] = [];
  /** Every `name = value` (declarations and assignments, `this.x` included): which client carries which credential. */
  const assignedValues: [string, Node][] = [];
  const variableInits = new Map<string, Node | null>();
  /**
   * Constants declared in a function, by the function's start and name: handlers that each declare their own
   * `const endpoint = …` are told apart (the file-wide map gives up on a name declared twice).
   */
  const localConstants = new Map<string, Node | null>();
  /** Constants declared outside any function. */
  const moduleConstants = new Map<string, Node | null>();
  /** The constant a name refers to where it is used: the nearest function's own, else the module's, else any. */
  const constantAt = (use: Node, name: string): Node | null | undefined => {
    for (let fn = enclosingFunction(use); fn; fn = enclosingFunction(fn)) {
      const key = `${fn.start}:${name}`;
      if (localConstants.has(key)) return localConstants.get(key);
      // A parameter of that name hides any constant further out.
      if (functionParams.get(fn)?.includes(name)) return undefined;
    }
    return moduleConstants.has(name) ? moduleConstants.get(name) : constants.get(name);
  };
  const reassigned = new Set<string>();
  /** The query each URL object is given after it is made, once per object (see withSearchParams). */
  const searchParamsOf = new Map<Node, string>();
  // Only files that build a credential can tie a client to a flow: the others skip the bookkeeping.
  const tracksFlows = /Credential\b/.test(file.text);
  /**
   * Names TypeScript declares with a Graph client's type, whatever they are called (`svc: GraphServiceClient`, `api: Client`
   * where Client is the Graph JS SDK's): read from the text, as the parsed tree carries no types. Computed on first use.
   */
  let graphTypedNames: Set<string> | undefined;
  const typedGraphClients = (): Set<string> => (graphTypedNames ??= graphClientsByType(file.text));
  const where = (node: Node): SourceRef => {
    const at = file.locOf(node.start);
    return { file: file.path, line: at.line, column: at.column };
  };

  // Pass 1: parents, constants, imports, reachable nodes. Iterative: generated code nests thousands deep.
  const pendingNodes: Node[] = [program];
  const pendingReachable: boolean[] = [true];
  const children: Node[] = [];
  const childReachability: boolean[] = [];
  while (pendingNodes.length) {
    const node = pendingNodes.pop()!;
    const reachable = pendingReachable.pop()!;
    const parent = parents.get(node);
    if (reachable && INTERESTING.has(node.type)) live.push(node);
    if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier') {
      const name = (node.id as Node).name as string;
      if (parent && parent.kind === 'const' && node.init) {
        constants.set(name, constants.has(name) ? null : (node.init as Node));
        const owner = enclosingFunction(node);
        const key = owner ? `${owner.start}:${name}` : name;
        const scoped = owner ? localConstants : moduleConstants;
        scoped.set(key, scoped.has(key) ? null : (node.init as Node));
      }
      // `let`/`var` given once and never reassigned is a constant too (`let endpoint = 'https://graph…'`): decided after the walk.
      else if (parent && node.init) variableInits.set(name, variableInits.has(name) ? null : (node.init as Node));
      if (tracksFlows && node.init) assignedValues.push([scopedNameOf(node, name), node.init as Node]);
    }
    if (node.type === 'AssignmentExpression' && (node.left as Node).type === 'Identifier') reassigned.add((node.left as Node).name as string);
    if (node.type === 'UpdateExpression' && (node.argument as Node).type === 'Identifier') reassigned.add((node.argument as Node).name as string);
    if (tracksFlows && node.type === 'AssignmentExpression' && node.operator === '=') {
      const target = assignmentTarget(node.left as Node);
      if (target) assignedValues.push([target.startsWith('this.') ? target : scopedNameOf(node, target), node.right as Node]);
    }
    if (MODULE_SYNTAX.has(node.type) || (node.type === 'CallExpression' && (node.callee as Node).type === 'Identifier' && (node.callee as Node).name === 'require') || (node.type === 'MemberExpression' && isModuleExports(node))) classicScript = false;
    if (node.type === 'ImportDeclaration') {
      const specifier = (node.source as Node).value as string;
      if (specifier.startsWith('@pnp/graph')) usesPnpGraph = true;
      for (const spec of (node.specifiers as Node[]) ?? []) {
        const local = (spec.local as Node).name as string;
        const imported = spec.type === 'ImportSpecifier' ? (((spec.imported as Node).name ?? (spec.imported as Node).value) as string) : spec.type === 'ImportDefaultSpecifier' ? 'default' : '*';
        importBindings.set(local, { specifier, name: imported });
      }
    }
    // `const { execute } = useGraph(…)`: a name taken from what a function returns (a React hook's helpers).
    if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'ObjectPattern') {
      const init = node.init ? unwrapExpression(node.init as Node) : undefined;
      const callee = init?.type === 'CallExpression' ? (init.callee as Node) : undefined;
      if (callee?.type === 'Identifier')
        for (const property of ((node.id as Node).properties as Node[]) ?? []) {
          const key = property.key as Node | undefined;
          const value = property.value as Node | undefined;
          if (property.type === 'Property' && key?.type === 'Identifier' && value?.type === 'Identifier') returnedNames.set(value.name as string, { from: callee.name as string, key: key.name as string });
        }
    }
    if (node.type === 'VariableDeclarator' && isRequire(node.init as Node | undefined)) {
      const specifier = ((node.init as Node).arguments as Node[])[0]!.value as string;
      const id = node.id as Node;
      if (id.type === 'Identifier') importBindings.set(id.name as string, { specifier, name: '*' });
      else if (id.type === 'ObjectPattern')
        for (const property of id.properties as Node[]) {
          const key = property.key as Node;
          if ((property.value as Node)?.type === 'Identifier' && key.type === 'Identifier') importBindings.set((property.value as Node).name as string, { specifier, name: key.name as string });
        }
    }
    if (FUNCTIONS.has(node.type)) functionParams.set(node, ((node.params as Node[]) ?? []).map((param) => (param.type === 'Identifier' ? (param.name as string) : param.type === 'AssignmentPattern' && (param.left as Node).type === 'Identifier' ? ((param.left as Node).name as string) : '')));
    children.length = 0;
    childReachability.length = 0;
    for (const key of childKeysOf(node)) {
      const value = node[key];
      if (!value || typeof value !== 'object') continue;
      let unreachableFromHere = false;
      const list = Array.isArray(value) ? value : [value];
      for (const child of list) {
        if (!child || typeof child !== 'object' || typeof (child as Node).type !== 'string') continue;
        const childNode = child as Node;
        let childReachable = reachable && !unreachableFromHere;
        if (node.type === 'IfStatement' && isConstantFalse(node.test as Node) && key === 'consequent') childReachable = false;
        if (node.type === 'IfStatement' && isConstantTrue(node.test as Node) && key === 'alternate') childReachable = false;
        if ((node.type === 'WhileStatement' || node.type === 'ForStatement') && key === 'body' && isConstantFalse(node.test as Node)) childReachable = false;
        parents.set(childNode, node);
        children.push(childNode);
        childReachability.push(childReachable);
        // Statements after return/throw/break/continue in the same block never run.
        if (Array.isArray(value) && JUMPS.has(childNode.type)) unreachableFromHere = true;
      }
    }
    for (let index = children.length - 1; index >= 0; index--) {
      pendingNodes.push(children[index]!);
      pendingReachable.push(childReachability[index]!);
    }
  }

  // String evaluation with constant propagation; unknown parts become {id}.
  const evaluating = new Set<string>();
  /** Parameter values being tried while a path is expanded for each value its callers pass (see parameterValues). */
  const bindings = new Map<string, string>();
  /** While templateOf reads a URL: what a parameter stands for (its slot's marker, or `{id}`); undefined for any other name. */
  let parameterText: ((at: Node, name: string) => string | undefined) | undefined;
  /** While a URL is read for one combination of the constants a condition chooses (see withChosenConstants): the branch of each. */
  let chosenBranches: ReadonlyMap<string, Node> | undefined;
  let callIndex: Map<string, Node[]> | undefined;
  /** Where each name is given a value with `=` or a declaration, in source order (found once per file, on first need: see reachingValues). */
  let definitionsByName: Map<string, Node[]> | undefined;
  let methodCallIndex: Map<string, Node[]> | undefined;
  /** What classes give their fields (see classFieldValue), by class and name. */
  const classFields = new Map<string, Node | null>();
  /** This module's functions, by name (see moduleFunction). */
  let functionByName: Map<string, Node> | undefined;
  const evaluate = (node: Node | undefined | null, depth = 0): string | undefined => {
    if (!node || depth > 40) return undefined;
    switch (node.type) {
      case 'Literal':
      case 'StringLiteral':
        return typeof node.value === 'string' ? node.value : typeof node.value === 'number' ? String(node.value) : undefined;
      case 'TemplateLiteral': {
        const quasis = node.quasis as Node[];
        const expressions = node.expressions as Node[];
        let text = '';
        quasis.forEach((quasi, index) => {
          text += ((quasi.value as { cooked?: string; raw: string }).cooked ?? (quasi.value as { raw: string }).raw);
          if (index < expressions.length) text += evaluate(expressions[index], depth + 1) ?? PLACEHOLDER;
        });
        return text;
      }
      case 'BinaryExpression': {
        if (node.operator !== '+') return undefined;
        const left = evaluate(node.left as Node, depth + 1);
        const right = evaluate(node.right as Node, depth + 1);
        if (left === undefined && right === undefined) return undefined;
        return (left ?? PLACEHOLDER) + (right ?? PLACEHOLDER);
      }
      case 'Identifier': {
        const name = node.name as string;
        if (bindings.has(name)) return bindings.get(name);
        const chosen = chosenBranches?.get(name);
        if (chosen) return evaluate(chosen, depth + 1);
        const parameter = parameterText?.(node, name);
        if (parameter !== undefined) return parameter;
        if (evaluating.has(name)) return undefined;
        const init = constantAt(node, name);
        if (init) {
          evaluating.add(name);
          const value = evaluate(init, depth + 1);
          evaluating.delete(name);
          return value !== undefined && isUrlCreation(init) ? withSearchParams(value, name, init, depth) : value;
        }
        const imported = importedExport(name);
        if (imported) return resolveImport(file.path, imported.specifier, imported.name);
        return classicScript && !paramSlot(node, name) ? globals.constant(file.path, name) : undefined;
      }
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
        return evaluate(node.expression as Node, depth + 1);
      case 'MemberExpression': {
        // url.href of a `new URL(…)`: its text.
        const object = node.object as Node;
        if (!node.computed && (node.property as Node).name === 'href' && object.type === 'Identifier') {
          const made = constantAt(object, object.name as string);
          if (made && isUrlCreation(made)) return evaluate(object, depth + 1);
        }
        // An environment variable the app's `.env` gives a URL: `process.env.GRAPH_API_ENDPOINT`.
        const variable = environmentVariable(node);
        if (variable) return environmentUrl(choice.environment, file.path, variable);
        // A property of a constant settings object: `graphConfig.graphMeEndpoint`, `config.graph.base` (in this
        // file, or in another script of the page).
        const value = memberValue(node, depth);
        if (value) return evaluate(value, depth + 1);
        // A field of the class the code is in (`this.base` of `private readonly base = 'https://graph…'`).
        if (object.type === 'ThisExpression' && !node.computed && (node.property as Node).type === 'Identifier') {
          const field = classFieldValue(node, (node.property as Node).name as string);
          return field && !FUNCTIONS.has(field.type) ? evaluate(field, depth + 1) : undefined;
        }
        const dotted = dottedName(node);
        const [root, ...rest] = dotted?.split('.') ?? [];
        if (!root || !rest.length || paramSlot(node, root)) return undefined;
        // A property of an object another module exports (`protectedResources.graphMe.endpoint`), or of the
        // module itself (`const config = require('./config'); config.graph.endpoint`).
        const imported = importedExport(root);
        if (imported) return resolveImport(file.path, imported.specifier, [imported.name, ...rest].join('.'));
        const whole = importBindings.get(root);
        if (whole?.name === '*') return resolveImport(file.path, whole.specifier, rest.join('.'));
        return classicScript && !constantAt(node, root) ? globals.constant(file.path, dotted!) : undefined;
      }
      case 'CallExpression': {
        // encodeURIComponent(x) and String(x) keep the shape of a path segment.
        const callee = node.callee as Node;
        if (callee.type === 'Identifier' && SHAPE_KEEPING.test(callee.name as string)) return evaluate((node.arguments as Node[])[0], depth + 1) ?? PLACEHOLDER;
        // url.toString(): a URL object's (or a string's) text.
        if (callee.type === 'MemberExpression' && !callee.computed && (callee.property as Node).name === 'toString' && !((node.arguments as Node[]) ?? []).length) return evaluate(callee.object as Node, depth + 1);
        // [GRAPH, 'groups', id, 'members'].join('/'): the parts joined, a part known only at run time a segment; FIELDS.join(',') of a constant list.
        const joined = callee.type === 'MemberExpression' && !callee.computed && (callee.property as Node).name === 'join' ? (callee.object as Node) : undefined;
        const list = joined?.type === 'Identifier' ? (constantAt(joined, joined.name as string) ?? undefined) : joined;
        if (list?.type === 'ArrayExpression') {
          const separator = (node.arguments as Node[]).length ? evaluate((node.arguments as Node[])[0], depth + 1) : ',';
          const parts = (list.elements as (Node | null)[]).map((element) => (element && element.type !== 'SpreadElement' ? evaluate(element, depth + 1) : undefined));
          if (separator === undefined || parts.every((part) => part === undefined) || (list.elements as (Node | null)[]).some((element) => !element || element.type === 'SpreadElement')) return undefined;
          return parts.map((part) => part ?? PLACEHOLDER).join(separator);
        }
        return returnedByCall(node, callee, depth);
      }
      case 'NewExpression': {
        // new URLSearchParams({ $select: 'id,displayName', $top: '10' }): the query string it prints as.
        const callee = node.callee as Node;
        const [fields] = (node.arguments as Node[]) ?? [];
        if (callee.type === 'Identifier' && callee.name === 'URLSearchParams' && fields?.type === 'ObjectExpression') {
          const pairs = (fields.properties as Node[]).map((property) => {
            const key = propertyKey(property);
            return key !== undefined ? `${key}=${evaluate(property.value as Node, depth + 1) ?? PLACEHOLDER}` : undefined;
          });
          return pairs.every((pair) => pair !== undefined) ? pairs.join('&') : undefined;
        }
        // new URL('/v1.0/me', 'https://graph.microsoft.com'): resolved as the URL standard does.
        const [path, base] = (node.arguments as Node[]) ?? [];
        if ((node.callee as Node).type !== 'Identifier' || (node.callee as Node).name !== 'URL' || !path) return undefined;
        const relative = evaluate(path, depth + 1);
        if (relative === undefined || !base || isAbsoluteUrl(relative)) return relative;
        const origin = evaluate(base, depth + 1);
        return origin === undefined ? undefined : resolveReference(origin, relative);
      }
      default:
        return undefined;
    }
  };

  /** `new URL(…)`: an object whose query the code may go on to build (see withSearchParams). */
  function isUrlCreation(node: Node): boolean {
    return node.type === 'NewExpression' && (node.callee as Node).type === 'Identifier' && (node.callee as Node).name === 'URL';
  }

  /**
   * A URL object's query set after it is made, in the function that makes it: `url.searchParams.set('$select',
   * 'id,displayName')` (or `append`) puts `$select=id,displayName` in the URL the request is given.
   */
  function withSearchParams(url: string, name: string, creation: Node, depth: number): string {
    if (!file.text.includes(`${name}.searchParams`)) return url;
    const query = searchParamsOf.get(creation) ?? searchParamsSet(name, creation, depth);
    searchParamsOf.set(creation, query);
    return query ? `${url}${url.includes('?') ? '&' : '?'}${query}` : url;
  }
  function searchParamsSet(name: string, creation: Node, depth: number): string {
    const scope = enclosingFunction(creation);
    const pairs: string[] = [];
    for (const call of live) {
      const callee = call.type === 'CallExpression' ? (call.callee as Node) : undefined;
      const params = callee?.type === 'MemberExpression' && !callee.computed ? (callee.object as Node) : undefined;
      if (!params || params.type !== 'MemberExpression' || params.computed || (params.property as Node).name !== 'searchParams') continue;
      if ((params.object as Node).type !== 'Identifier' || (params.object as Node).name !== name || !/^(set|append)$/.test((callee!.property as Node).name as string)) continue;
      if (enclosingFunction(call) !== scope) continue;
      const [key, value] = (call.arguments as Node[]) ?? [];
      const keyText = evaluate(key, depth + 1);
      if (keyText) pairs.push(`${keyText}=${evaluate(value, depth + 1) ?? PLACEHOLDER}`);
    }
    return pairs.join('&');
  }

  /** The value a property chain names in constant object literals (`a.b.c`), when every step is one. */
  function memberValue(node: Node, depth = 0): Node | undefined {
    if (depth > 8 || node.type !== 'MemberExpression') return undefined;
    const key = node.computed ? ((node.property as Node).type === 'Literal' ? String((node.property as Node).value) : undefined) : ((node.property as Node).name as string);
    const object = node.object as Node;
    const holder = object.type === 'MemberExpression' ? memberValue(object, depth + 1) : object.type === 'Identifier' ? constantAt(object, object.name as string) : undefined;
    return key !== undefined && holder?.type === 'ObjectExpression' ? objectProperty(holder, key) : undefined;
  }
  const functionName = (fn: Node): string | undefined => {
    if (fn.id && (fn.id as Node).name) return (fn.id as Node).name as string;
    const parent = parents.get(fn);
    if (parent?.type === 'VariableDeclarator' && (parent.id as Node).type === 'Identifier') return (parent.id as Node).name as string;
    if ((parent?.type === 'MethodDefinition' || parent?.type === 'Property') && (parent.key as Node)?.type === 'Identifier') return (parent.key as Node).name as string;
    // `exports.getData = function (…) {…}`; `module.exports = function (…) {…}` is the module's default.
    if (parent?.type === 'AssignmentExpression' && parent.right === fn) return isModuleExports(parent.left as Node) ? DEFAULT_EXPORT : exportedMemberName(parent.left as Node);
    // React's `const callGraph = useCallback(async (…) => {…}, deps)` hands out the function under the constant's name.
    if (parent?.type === 'CallExpression' && ((parent.arguments as Node[]) ?? [])[0] === fn && HOOK_WRAPPERS.test(dottedName(parent.callee as Node) ?? '')) {
      const holder = parents.get(parent);
      if (holder?.type === 'VariableDeclarator' && (holder.id as Node).type === 'Identifier') return (holder.id as Node).name as string;
    }
    return undefined;
  };
  /** The function whose parameter a name refers to where it is used, and the parameter's position. */
  const paramSlot = (use: Node, name: string): { fn: Node; index: number } | undefined => {
    for (let fn = enclosingFunction(use); fn; fn = enclosingFunction(fn)) {
      if (localConstants.has(`${fn.start}:${name}`)) return undefined;
      const index = functionParams.get(fn)?.indexOf(name) ?? -1;
      if (index !== -1) return { fn, index };
    }
    return undefined;
  };
  /** A parameter keeps the shape of what the caller passed unless reassigned other than `p = encodeURIComponent(p)`. */
  const shapeKept = new Map<string, boolean>();
  const keepsShape = (fn: Node, name: string): boolean => {
    const key = `${fn.start}:${name}`;
    let kept = shapeKept.get(key);
    if (kept === undefined) {
      kept = !reassigned.has(name) || live.every((node) => {
        if (node.type !== 'AssignmentExpression' || (node.left as Node).type !== 'Identifier' || (node.left as Node).name !== name || node.start < fn.start || node.end > fn.end) return true;
        const right = node.right as Node;
        const argument = right.type === 'CallExpression' ? ((right.arguments as Node[]) ?? [])[0] : undefined;
        return node.operator === '=' && (right.callee as Node | undefined)?.type === 'Identifier' && SHAPE_KEEPING.test((right.callee as Node).name as string) && argument?.type === 'Identifier' && argument.name === name;
      });
      shapeKept.set(key, kept);
    }
    return kept;
  };
  /**
   * A URL as a template of the parameters of the function building it (`owner.fn`, set on the first parameter
   * met; a parameter of another function, or one the function reassigns, counts as unknown). The string
   * evaluation reads it, with each parameter standing for its slot's marker: constants are followed, unknown
   * parts are `{id}`.
   */
  const templateOf = (node: Node | undefined | null, owner: { fn?: Node }): UrlTemplate => {
    const outer = parameterText;
    parameterText = (at, name) => {
      const slot = paramSlot(at, name);
      if (!slot) return undefined;
      if ((owner.fn && owner.fn !== slot.fn) || !keepsShape(slot.fn, name)) return PLACEHOLDER;
      owner.fn = slot.fn;
      return parameterMarker(slot.index);
    };
    try {
      return markedTemplate(evaluate(node) ?? PLACEHOLDER);
    } finally {
      parameterText = outer;
    }
  };

  /** The literal text an expression starts with (its first template chunk or leftmost string). */
  const leadingText = (node: Node | undefined | null): string => {
    for (let depth = 0; node && depth < 16; depth++) {
      if (node.type === 'TemplateLiteral') return (((node.quasis as Node[])[0]?.value as { cooked?: string } | undefined)?.cooked ?? '');
      if (node.type === 'Literal') return typeof node.value === 'string' ? node.value : '';
      if (node.type !== 'BinaryExpression') return '';
      node = node.left as Node;
    }
    return '';
  };
  /** Whether an expression may take part of its value from a parameter (cheap test before templateOf). */
  const referencesParameter = (node: Node | undefined | null, depth = 0): boolean => {
    if (!node || depth > 8) return false;
    switch (node.type) {
      case 'Identifier': {
        const name = node.name as string;
        if (paramSlot(node, name)) return true;
        const init = constantAt(node, name);
        return Boolean(init) && !evaluating.has(name) && referencesParameter(init, depth + 1);
      }
      case 'TemplateLiteral':
        return (node.expressions as Node[]).some((expression) => referencesParameter(expression, depth + 1));
      case 'BinaryExpression':
        return referencesParameter(node.left as Node, depth + 1) || referencesParameter(node.right as Node, depth + 1);
      case 'CallExpression':
        return referencesParameter(((node.arguments as Node[]) ?? [])[0], depth + 1);
      case 'ParenthesizedExpression':
      case 'TSAsExpression':
      case 'TSSatisfiesExpression':
      case 'TSNonNullExpression':
        return referencesParameter(node.expression as Node, depth + 1);
      default:
        return false;
    }
  };

  /**
   * The request a call sends, as a template of its function's parameters: a Graph client's `.api(path)`, a
   * Node `http(s).get/request` with an options object, or an HTTP client given a URL. Only the Graph clients
   * and the known HTTP clients count when the host is not written out: any call taking a parameter is not a request.
   */
  const requestOf = (call: Node): { template: UrlTemplate; owner: { fn?: Node }; wrapper: Omit<RequestWrapper, 'template'> } | undefined => {
    const callee = call.callee as Node;
    const args = (call.arguments as Node[]) ?? [];
    const owner: { fn?: Node } = {};
    const property = callee.type === 'MemberExpression' && !callee.computed ? ((callee.property as Node).name as string) : undefined;
    if (property === 'api' && args.length >= 1) {
      const template = templateOf(args[0], owner);
      // The chain's verb and version matter only to a helper.
      const chain: { method?: string; version?: string; given?: RequestWrapper['given'] } = owner.fn && suppliesRoot(template) ? apiChain(call) : {};
      const given = chain.given && Object.keys(chain.given).length ? { given: chain.given } : {};
      return { template, owner, wrapper: { method: chain.method ?? 'GET', version: chain.version, via: 'graph-client', graphRelative: true, ...given } };
    }
    const receiver = callee.type === 'MemberExpression' && (callee.object as Node).type === 'Identifier' ? ((callee.object as Node).name as string) : undefined;
    const nodeModule = receiver && NODE_HTTP.test(moduleOf(receiver) ?? '') ? moduleOf(receiver) : undefined;
    const options = nodeModule && (property === 'get' || property === 'request') ? resolveObject(args[0]) : undefined;
    if (options) {
      const host = objectProperty(options, 'hostname') ?? objectProperty(options, 'host');
      const port = evaluate(objectProperty(options, 'port'));
      const path = objectProperty(options, 'path');
      const protocol = evaluate(objectProperty(options, 'protocol')) ?? (/https$/.test(nodeModule!) ? 'https:' : 'http:');
      const defaultPort = (protocol === 'https:' && port === '443') || (protocol === 'http:' && port === '80');
      const template = joinTemplate([protocol, '//', host ? templateOf(host, owner) : PLACEHOLDER, port && !defaultPort ? `:${port}` : '', path ? templateOf(path, owner) : '/']);
      const method = property === 'get' ? 'GET' : (evaluate(objectProperty(options, 'method')) ?? 'GET').toUpperCase();
      return { template, owner, wrapper: { method, via: receiver!, graphRelative: false } };
    }
    if (!args[0]) return undefined;
    const template = templateOf(args[0], owner);
    const knownClient = (callee.type === 'Identifier' && HTTP_FUNCTIONS.test(callee.name as string)) || (receiver !== undefined && (HTTP_FUNCTIONS.test(receiver) || nodeModule !== undefined));
    if (!knownClient && !/^https?:\/\/[^/{]+/i.test(templateText(template))) return undefined;
    // A function that logs or stores the URL it builds (`console.log(GRAPH + path)`) is no request helper.
    const request = requestBy(callee, args);
    return request && { template, owner, wrapper: { method: request.method, via: request.via, graphRelative: false, confidence: request.confidence } };
  };

  /** A function sending a request to a URL whose root one of its parameters supplies: a request helper. */
  const registerWrapper = (call: Node): boolean => {
    const args = (call.arguments as Node[]) ?? [];
    // Most calls take nothing or a literal (`.get()`, `.top(10)`, `.api('/me')`): no parameter can supply a URL.
    if (!args[0] || !MAY_CARRY_PARAMETER.has(args[0].type)) return false;
    const options = args[0].type === 'ObjectExpression' || args[0].type === 'Identifier' ? resolveObject(args[0]) : undefined;
    const sources = options ? [objectProperty(options, 'host'), objectProperty(options, 'hostname'), objectProperty(options, 'path')] : [args[0]];
    if (!sources.some((source) => mayStartBase(leadingText(source)) && referencesParameter(source))) return false;
    const request = requestOf(call);
    if (!request || !addWrapper(request.owner.fn, { ...request.wrapper, template: request.template })) return false;
    helperRequests.add(call);
    return true;
  };
  /**
   * A named function's parameter supplies the root of this URL: the function passes on a path its callers give
   * (to a client this file does not know as a request helper); its call sites, not this call, are the calls.
   */
  const rootFromParameter = (argument: Node): boolean => {
    if (!mayStartBase(leadingText(argument)) || !referencesParameter(argument)) return false;
    const owner: { fn?: Node } = {};
    return suppliesRoot(templateOf(argument, owner)) && Boolean(owner.fn && functionName(owner.fn));
  };
  /** The requests inside helpers: their URL is the callers' to give, they are no call of their own. */
  const helperRequests = new Set<Node>();
  const addWrapper = (fn: Node | undefined, wrapper: RequestWrapper): boolean => {
    const name = fn && functionName(fn);
    if (!name || wrappers.has(name) || !suppliesRoot(wrapper.template) || !mayReachGraph(wrapper.template)) return false;
    wrappers.set(name, wrapper);
    return true;
  };
  /** The request helper a call calls: one of this file's, or one an imported module exports. */
  const wrapperAt = (call: Node): { wrapper: RequestWrapper; name: string } | undefined => {
    const callee = call.callee as Node;
    if (callee.type === 'Identifier') {
      const name = callee.name as string;
      const local = wrappers.get(name);
      if (local) return { wrapper: local, name };
      const returned = returnedNames.get(name);
      if (returned) {
        const helper = returnedHelper(returned.from, returned.key);
        return helper ? { wrapper: helper, name } : undefined;
      }
      const binding = importBindings.get(name);
      const imported = binding ? resolveWrapper(file.path, binding.specifier, binding.name === '*' ? DEFAULT_EXPORT : binding.name) : classicScript ? globals.wrapper(file.path, name) : undefined;
      return imported ? { wrapper: imported, name } : undefined;
    }
    if (callee.type !== 'MemberExpression' || callee.computed) return undefined;
    const name = (callee.property as Node).name as string;
    const object = callee.object as Node;
    const binding = object.type === 'Identifier' ? importBindings.get(object.name as string) : undefined;
    if (binding?.name === '*') {
      const imported = resolveWrapper(file.path, binding.specifier, name);
      if (imported) return { wrapper: imported, name };
    }
    const local = object.type === 'ThisExpression' || object.type === 'Identifier' ? wrappers.get(name) : undefined;
    return local ? { wrapper: local, name } : undefined;
  };
  /** A helper a function of this file, or one another module exports, returns under `key` (`{ execute }`). */
  const returnedHelper = (from: string, key: string): RequestWrapper | undefined => {
    const local = helpersReturnedBy().get(from)?.get(key);
    if (local) return local;
    const binding = importBindings.get(from);
    return binding ? resolveWrapper(file.path, binding.specifier, `${binding.name === '*' ? DEFAULT_EXPORT : binding.name}().${key}`) : undefined;
  };
  /** Per function of this file, the helpers it returns in an object (`return { execute: useCallback(execute, […]) }`). */
  let returnedHelpers: Map<string, Map<string, RequestWrapper>> | undefined;
  const helpersReturnedBy = (): Map<string, Map<string, RequestWrapper>> => {
    if (returnedHelpers) return returnedHelpers;
    returnedHelpers = new Map();
    if (!wrappers.size) return returnedHelpers;
    // `return { … }`, and an arrow function whose body is the object (`() => ({ … })`).
    const returns: [Node | undefined, Node | null][] = [
      ...live.filter((node) => node.type === 'ReturnStatement').map((node) => [enclosingFunction(node), node.argument as Node | null] as [Node | undefined, Node | null]),
      ...[...functionParams.keys()].filter((fn) => fn.type === 'ArrowFunctionExpression' && (fn.body as Node).type !== 'BlockStatement').map((fn) => [fn, fn.body as Node] as [Node | undefined, Node | null]),
    ];
    for (const [fn, returned] of returns) {
      const object = returned ? unwrapExpression(returned) : undefined;
      const name = fn && functionName(fn);
      if (!name || object?.type !== 'ObjectExpression') continue;
      for (const property of (object.properties as Node[]) ?? []) {
        const key = property.key as Node | undefined;
        let value = property.value as Node | undefined;
        // useCallback(execute, deps) and useMemo(() => execute, deps) hand out the same function.
        if (value?.type === 'CallExpression' && HOOK_WRAPPERS.test(dottedName(value.callee as Node) ?? '')) value = ((value.arguments as Node[]) ?? [])[0];
        if (value?.type === 'ArrowFunctionExpression' && (value.body as Node).type === 'Identifier') value = value.body as Node;
        const helper = property.type === 'Property' && key?.type === 'Identifier' && value?.type === 'Identifier' ? wrappers.get(value.name as string) : undefined;
        if (helper) returnedHelpers.set(name, (returnedHelpers.get(name) ?? new Map()).set(key!.name as string, helper));
      }
    }
    return returnedHelpers;
  };

  /** The URL a call to a helper requests, as a template of the calling function's parameters. */
  const filledAt = (call: Node, wrapper: RequestWrapper): { template: UrlTemplate; owner: { fn?: Node } } => {
    const args = (call.arguments as Node[]) ?? [];
    const owner: { fn?: Node } = {};
    const used = new Set(wrapper.template.flatMap((part) => (typeof part === 'string' ? [] : [part.param])));
    return { template: fillTemplate(wrapper.template, args.map((argument, index) => (used.has(index) ? templateOf(argument, owner) : undefined))), owner };
  };

  const addCall = (node: Node, method: string, url: string, via: string, confidence: Confidence, extra: { version?: string; select?: string[]; expand?: string[]; flow?: AuthFlow; searchEntities?: string[]; subscribedResource?: string } = {}) => {
    const parsed = parseGraphUrl(url);
    if (!parsed || parsed.path === '/' || isGraphScopeUrl(url)) return;
    const version = (extra.version ?? parsed.version ?? 'v1.0').toLowerCase() === 'beta' ? 'beta' : 'v1.0';
    const query = queryOptions(parsed.query);
    const select = extra.select ?? query.select;
    const expand = extra.expand ?? query.expand;
    if (isBatchPath(parsed.path)) return addBatchBody(node, version);
    facts.calls.push({ method, path: parsed.path, apiVersion: version, via, confidence, source: where(node), ...(select?.length ? { select } : {}), ...(expand?.length ? { expand } : {}), ...(extra.flow ? { flow: extra.flow } : {}), ...(extra.searchEntities ? { searchEntities: extra.searchEntities } : {}), ...(extra.subscribedResource && method === 'POST' && SUBSCRIPTIONS_PATH.test(parsed.path) ? { subscribedResource: extra.subscribedResource } : {}) });
  };

  /** Objects already read as inner requests of a `$batch` body (not read again as loose batch steps). */
  const batchSteps = new Set<Node>();
  /** `$batch`: each inner request of a literal body is a call of its own. */
  const addBatchBody = (node: Node, version: 'v1.0' | 'beta') => {
    // The body sits in this call (fetch(url, {body})) or in a call further up the chain (.api('/$batch').post(body)).
    let body: Node | undefined;
    for (let current: Node | undefined = node; current && !body; current = parents.get(current)) {
      if (current.type !== 'CallExpression') continue;
      for (const argument of (current.arguments as Node[]) ?? []) {
        const object = resolveObject(argument);
        const inner = object && (objectProperty(object, 'requests') ? object : resolveObject(unwrapStringify(objectProperty(object, 'body'))));
        if (inner && objectProperty(inner, 'requests')) body = inner;
      }
    }
    const requests = body && objectProperty(body, 'requests');
    if (!requests || requests.type !== 'ArrayExpression') {
      facts.unresolved.push({ via: 'batch', reason: 'a $batch request whose inner requests are built at run time', source: where(node) });
      return;
    }
    for (const element of requests.elements as Node[]) {
      const request = resolveObject(element);
      if (!request) continue;
      batchSteps.add(request);
      const urlNode = objectProperty(request, 'url');
      // A url a condition or an if/else chooses gives each of its values.
      const urls = urlNode ? possibleValues(urlNode) : [];
      const method = (evaluate(objectProperty(request, 'method')) ?? 'GET').toUpperCase();
      for (const url of distinctRequests(urls.filter((url): url is string => Boolean(url) && !url!.startsWith(PLACEHOLDER)))) addCall(element, method, batchStepUrl(url), 'batch', 'high', { version });
      if (!urls.length || urls.some((url) => !url || url.startsWith(PLACEHOLDER))) facts.unresolved.push({ via: 'batch', reason: 'a $batch inner request with a dynamic url', source: where(element) });
    }
  };
  /** `JSON.stringify(body)` → `body`. */
  const unwrapStringify = (node: Node | undefined): Node | undefined => {
    if (node?.type !== 'CallExpression') return node;
    const callee = node.callee as Node;
    const isStringify = callee.type === 'MemberExpression' && (callee.object as Node).name === 'JSON' && (callee.property as Node).name === 'stringify';
    return isStringify ? (node.arguments as Node[])[0] : node;
  };
  const findCall = (node: Node): Node | undefined => {
    for (let current: Node | undefined = node; current; current = parents.get(current)) if (current.type === 'CallExpression') return current;
    return undefined;
  };
  const resolveObject = (node: Node | undefined): Node | undefined => {
    if (!node) return undefined;
    if (node.type === 'ObjectExpression') return node;
    if (node.type === 'Identifier') {
      const init = constantAt(node, node.name as string);
      return init?.type === 'ObjectExpression' ? init : undefined;
    }
    return undefined;
  };

  const connectivityContext: JsConnectivityContext = {
    evaluate: (node) => evaluate(node as Node | undefined),
    resolveObject: (node) => resolveObject(node as Node | undefined),
    property: (object, name) => objectProperty(object as Node, name),
    where: (node) => where(node as Node),
    moduleOf,
    text: (node) => file.text.slice(node.start, node.end),
  };

  for (const [name, init] of variableInits) if (init && !reassigned.has(name) && !constants.has(name)) constants.set(name, init);
  const clientFlows = tracksFlows ? flowsOfClients(assignedValues, scopedNameOf) : new Map<string, AuthFlow | null>();

  // Pass 2: wrapper functions first (a wrapper may be declared after its callers), then the calls.
  for (const node of live) if (node.type === 'CallExpression') registerWrapper(node);
  // A function calling a helper with its own parameters as the URL's root is a helper too (to a fixed point:
  // chains of helpers, across modules).
  if (wrappers.size || classicScript || [...importBindings.values()].some((binding) => binding.specifier.startsWith('.')))
    for (let round = 0, added = true; added && round < 6; round++) {
      added = false;
      for (const node of live) {
        if (node.type !== 'CallExpression') continue;
        const called = wrapperAt(node);
        const filled = called && filledAt(node, called.wrapper);
        if (filled && addWrapper(filled.owner.fn, { ...called!.wrapper, template: filled.template })) added = true;
      }
    }
  const others = !choice.graphOnly;
  for (const node of live) {
    if (others && (node.type === 'ClassDeclaration' || node.type === 'ClassExpression')) visitJsClass(node, connectivityContext, facts.connectivity);
    if (others && (node.type === 'CallExpression' || node.type === 'NewExpression' || node.type === 'Property' || node.type === 'AssignmentExpression')) visitJsPatterns(node, connectivityContext, facts.patterns);
    if (node.type === 'CallExpression' || node.type === 'NewExpression') {
      if (others) visitJsConnectivity(node, connectivityContext, facts.connectivity);
      const callee = node.callee as Node;
      const args = (node.arguments as Node[]) ?? [];
      const calleeName = callee.type === 'Identifier' ? (callee.name as string) : callee.type === 'MemberExpression' && !callee.computed ? ((callee.property as Node).name as string) : undefined;
      // SPFx hands out its clients from factories on the context: `this.context.msGraphClientFactory.getClient('3')`.
      const receiver = callee.type === 'MemberExpression' ? (callee.object as Node) : undefined;
      const receiverName = receiver?.type === 'Identifier' ? (receiver.name as string) : receiver?.type === 'MemberExpression' && !receiver.computed ? ((receiver.property as Node).name as string) : undefined;
      if (receiverName && SPFX_FACTORIES.test(receiverName)) facts.flows.push({ flow: 'delegated', kind: 'spfx-context', source: where(node) });
      if (calleeName) {
        if (!(calleeName === 'ManagedIdentityCredential' && federationAssertionOnly(node))) for (const [pattern, flow, kind] of FLOW_MARKERS) if (pattern.test(calleeName)) facts.flows.push({ flow, kind, source: where(node) });
        if (SCOPE_FUNCTIONS.test(calleeName)) for (const argument of args) collectScopes(argument);
        // MSAL Angular's protectedResourceMap: the scopes its interceptor requests for each Graph URL.
        if (calleeName === 'set' && args.length === 2 && receiverName && /protectedResource/i.test(receiverName)) protectedResourceScopes(args[0]!, args[1]!);
        if (calleeName === 'Map' && node.type === 'NewExpression' && args[0]?.type === 'ArrayExpression') {
          for (const entry of (args[0].elements as Node[]) ?? []) if (entry?.type === 'ArrayExpression' && (entry.elements as Node[]).length === 2) protectedResourceScopes((entry.elements as Node[])[0]!, (entry.elements as Node[])[1]!);
        }
      }
      if (node.type === 'NewExpression') {
        if (calleeName === 'Request' && args[0]) {
          const url = evaluate(args[0]);
          const options = resolveObject(args[1]);
          // An absolute Graph URL is the Fetch API's request; a relative path, a batch step's.
          const absolute = Boolean(url && parseGraphUrl(url)?.host);
          if (url && (url.startsWith('/') || absolute)) addCall(node, (evaluate(options && objectProperty(options, 'method')) ?? 'GET').toUpperCase(), url, absolute ? 'Request' : 'batch-step', absolute ? 'high' : 'medium');
        }
        continue;
      }
      if (callee.type === 'MemberExpression' && !callee.computed && (callee.property as Node).name === 'api' && args.length >= 1) {
        recogniseApiChain(node, args[0]!);
        continue;
      }
      const called = wrapperAt(node);
      if (called) {
        addHelperCall(node, called.wrapper, called.name);
        continue;
      }
      if (recogniseNodeRequest(node)) continue;
      if (recogniseFluent(node)) continue;
      recogniseHttpClient(node, callee, args);
    }
  }

  /**
   * What a `.api(path)` chain adds to its request: the verb, `.version()`, `.select()`, `.expand()`, also when the
   * chain is kept in a constant and continued on it (`const query = client.api(url); query.select(…); query.get()`).
   * In a helper, a parameter given there (`query[method]()`, `.version(version)`) is the callers' to give.
   */
  function apiChain(call: Node): { method?: string; version?: string; select: string[]; expand: string[]; given: NonNullable<RequestWrapper['given']>; body?: Node } {
    let method: string | undefined;
    let body: Node | undefined;
    let version: string | undefined;
    const select: string[] = [];
    const expand: string[] = [];
    const given: NonNullable<RequestWrapper['given']> = {};
    const parameterAt = (node: Node | undefined) => (node?.type === 'Identifier' ? paramSlot(node, node.name as string)?.index : undefined);
    const step = (member: Node, args: Node[]) => {
      if (member.computed) {
        const index = parameterAt(member.property as Node);
        const verb = index === undefined ? evaluate(member.property as Node) : undefined;
        if (index !== undefined) given.method = index;
        else if (verb && Object.hasOwn(API_VERBS, verb)) method = API_VERBS[verb];
        return;
      }
      const name = (member.property as Node).name as string;
      const key = name === 'version' || name === 'select' || name === 'expand' ? name : undefined;
      if (key && parameterAt(args[0]) !== undefined) given[key] = parameterAt(args[0]);
      else if (name === 'version') version = evaluate(args[0]);
      else if (name === 'select') select.push(...args.flatMap(listItems));
      else if (name === 'expand') expand.push(...args.flatMap(listItems));
      else if (name === 'query' && args[0]) {
        // `.query({ $select: 'id,subject' })` or `.query('$select=id,subject')`.
        const options = queryParameters(args[0]);
        select.push(...(options.select ?? []));
        expand.push(...(options.expand ?? []));
      } else if (Object.hasOwn(API_VERBS, name)) {
        method = API_VERBS[name];
        body = args[0];
      }
    };
    let current = call;
    for (;;) {
      const member = parents.get(current);
      const outer = member && parents.get(member);
      if (!member || member.type !== 'MemberExpression' || member.object !== current || !outer || outer.type !== 'CallExpression' || outer.callee !== member) break;
      step(member, (outer.arguments as Node[]) ?? []);
      current = outer;
    }
    const holder = parents.get(current);
    if (holder?.type === 'VariableDeclarator' && holder.init === current && (holder.id as Node).type === 'Identifier') {
      const scope = enclosingFunction(holder) ?? program;
      for (const node of callsOnName().get((holder.id as Node).name as string) ?? []) {
        if (node.start >= holder.end && node.end <= scope.end) step(node.callee as Node, (node.arguments as Node[]) ?? []);
      }
    }
    return { method, version, select, expand, given, body };
  }

  /**
   * The entity types a search request body asks for (`{ requests: [{ entityTypes: ['externalItem'] }] }`): which
   * permission `POST /search/query` needs depends on them. Undefined when the body is not known statically.
   */
  /** The `resource` a subscription's body (an object, or one given to JSON.stringify) subscribes to. */
  function subscriptionResourceOf(body: Node | undefined): string | undefined {
    const object = resolveObject(unwrapStringify(body));
    const resource = object && objectProperty(object, 'resource');
    return resource ? evaluate(resource) : undefined;
  }

  function searchEntityTypes(body: Node | undefined): string[] | undefined {
    const requests = resolveObject(unwrapStringify(body));
    const list = requests && objectProperty(requests, 'requests');
    if (list?.type !== 'ArrayExpression') return undefined;
    const types: string[] = [];
    for (const element of (list.elements as Node[]) ?? []) {
      const request = resolveObject(element ?? undefined);
      const entities = request && objectProperty(request, 'entityTypes');
      if (entities?.type !== 'ArrayExpression') return undefined;
      for (const entity of (entities.elements as Node[]) ?? []) {
        const value = entity && evaluate(entity);
        if (!value) return undefined;
        types.push(value);
      }
    }
    return types.length ? [...new Set(types)] : undefined;
  }

  /** Calls of a method on a name (`query.select(…)`), by the name, found once per file. */
  function callsOnName(): Map<string, Node[]> {
    return (methodCallIndex ??= groupBy(live, (node) => {
      const callee = node.type === 'CallExpression' ? (node.callee as Node) : undefined;
      return callee?.type === 'MemberExpression' && (callee.object as Node).type === 'Identifier' ? ((callee.object as Node).name as string) : undefined;
    }));
  }

  function recogniseApiChain(call: Node, argument: Node) {
    if (helperRequests.has(call) || rootFromParameter(argument)) return; // a helper: its call sites are the calls
    const { method, version, select, expand, body } = apiChain(call);
    const confidence: Confidence = method ? 'high' : 'medium';
    const searchEntities = method === 'POST' ? searchEntityTypes(body) : undefined;
    const subscribedResource = method === 'POST' ? subscriptionResourceOf(body) : undefined;
    const paths = possibleValues(argument);
    const known = paths.filter((path): path is string => path !== undefined && !path.startsWith(PLACEHOLDER));
    if (known.length) {
      const receiver = rootOf(((call.callee as Node).object as Node | undefined) ?? call);
      // Scoping the receiver's name costs a walk of its functions: only worth it when some client carries a flow.
      const receiverFlow = receiver && clientFlows.size ? (receiver.startsWith('this.') ? clientFlows.get(receiver) : clientFlows.get(scopedNameOf(call, receiver))) : undefined;
      for (const path of distinctRequests(known)) addCall(call, method ?? 'GET', path, 'graph-client', confidence, { version, select: select.length ? select : undefined, expand: expand.length ? expand : undefined, flow: receiverFlow ?? undefined, ...(searchEntities && SEARCH_QUERY_PATH.test(path) ? { searchEntities } : {}), subscribedResource });
      if (known.length === paths.length) return;
    }
    // Paging (`.api(page['@odata.nextLink'])`, or a variable holding the link) continues a request already counted: not a new, unknown call.
    if (followsPagingLink(argument)) return;
    facts.unresolved.push({ via: 'graph-client', reason: known.length ? 'a branch of the path passed to .api() is computed at run time' : 'the path passed to .api() is computed at run time', source: where(call) });
  }

  /** Whether every value of a path that is not known is a paging link (`@odata.nextLink`, `deltaLink`), directly or through a variable. */
  function followsPagingLink(argument: Node): boolean {
    const mentionsLink = (node: Node) => PAGING_LINK.test(file.text.slice(node.start, node.end));
    if (mentionsLink(argument)) return true;
    const unknown = branchesOf(argument).filter((branch) => evaluate(branch)?.startsWith(PLACEHOLDER) !== false);
    return unknown.length > 0 && unknown.every((branch) => mentionsLink(branch.type === 'Identifier' ? (constantAt(branch, branch.name as string) ?? branch) : branch));
  }

  /** A call to a request helper: the URL its arguments give is the call, unless the caller is a helper in turn. */
  function addHelperCall(call: Node, wrapper: RequestWrapper, name: string) {
    const { template, owner } = filledAt(call, wrapper);
    if (owner.fn && suppliesRoot(template) && wrappers.get(functionName(owner.fn) ?? '')) return;
    requestedUrl(call, { ...wrapper, ...givenAt(call, wrapper.given) }, templateText(template), `${wrapper.via} via ${name}()`, `the path passed to ${name}() is computed at run time`);
  }

  /** The method, version, `$select` and `$expand` a call of a helper passes where the helper takes them (see RequestWrapper.given). */
  function givenAt(call: Node, given: RequestWrapper['given']): { method?: string; version?: string; select?: string[]; expand?: string[] } {
    if (!given) return {};
    const args = (call.arguments as Node[]) ?? [];
    const value = (index: number | undefined) => (index === undefined || !args[index] ? undefined : evaluate(args[index]));
    const list = (index: number | undefined) => (index === undefined || !args[index] ? undefined : listItems(args[index]!));
    const verb = value(given.method);
    const select = list(given.select);
    const expand = list(given.expand);
    return {
      ...(verb && Object.hasOwn(API_VERBS, verb) ? { method: API_VERBS[verb] } : {}),
      ...(value(given.version) ? { version: value(given.version) } : {}),
      ...(select?.length ? { select } : {}),
      ...(expand?.length ? { expand } : {}),
    };
  }

  /** Node `http(s).get/request` with an options object naming the host and path (a URL string is an HTTP client's). */
  function recogniseNodeRequest(call: Node): boolean {
    const callee = call.callee as Node;
    const receiver = callee.type === 'MemberExpression' ? (callee.object as Node) : undefined;
    if (receiver?.type !== 'Identifier' || !NODE_HTTP.test(moduleOf(receiver.name as string) ?? '') || !resolveObject(((call.arguments as Node[]) ?? [])[0])) return false;
    const request = requestOf(call);
    if (!request) return false;
    if (request.owner.fn && suppliesRoot(request.template) && wrappers.has(functionName(request.owner.fn) ?? '')) return true;
    requestedUrl(call, request.wrapper, templateText(request.template), request.wrapper.via, `the URL of this ${request.wrapper.via} request is built at run time`);
    return true;
  }

  /** A URL a request helper or an options object gives: a Graph call, a run-time path (unresolved), or another host's. */
  function requestedUrl(call: Node, wrapper: Omit<RequestWrapper, 'template'> & { select?: string[]; expand?: string[] }, given: string, via: string, unknown: string) {
    const whole = withoutTrailingValue(given);
    // A base known only at run time (an unset environment variable) followed by a Graph version: Graph, less sure.
    const afterBase = wrapper.graphRelative ? undefined : pathAfterUnknownBase(whole);
    const unknownBase = afterBase !== undefined;
    const url = afterBase ?? whole;
    const parsed = parseGraphUrl(url);
    if (!parsed || (!parsed.host && !wrapper.graphRelative && !unknownBase)) return;
    if (parsed.host === PLACEHOLDER && !parsed.version) return;
    // A call of some other `get` of the same name.
    if (gluedToVersion(parsed.path)) return;
    if (UNKNOWN_ROOT.test(url) || parsed.path === '/') {
      // A helper handed the next page's link (`handleNextPage(page['@odata.nextLink'])`) continues a counted request.
      if (!((call.arguments as Node[]) ?? []).some(followsPagingLink)) facts.unresolved.push({ via, reason: unknown, source: where(call) });
      return;
    }
    const unsure = unknownBase || parsed.host === PLACEHOLDER;
    addCall(call, wrapper.method, parsed.host === PLACEHOLDER ? url.replace(/^https?:\/\/\{id\}/i, '') : url, via, unsure ? 'medium' : (wrapper.confidence ?? 'high'), { version: wrapper.version, select: wrapper.select, expand: wrapper.expand });
  }

  /** Kiota (`client.users.byUserId(id).messages.get()`) and PnPjs (`graph.users.getById(id).messages()`) chains. */
  function recogniseFluent(call: Node): boolean {
    const callee = call.callee as Node;
    let verb: string | undefined;
    let chain: Node;
    let via = 'kiota';
    const kiota = callee.type === 'MemberExpression' && !callee.computed ? kiotaVerb((callee.property as Node).name as string) : undefined;
    if (callee.type === 'MemberExpression' && !callee.computed && (Object.hasOwn(VERBS, (callee.property as Node).name as string) || kiota) && (callee.property as Node).name !== 'update') {
      verb = kiota ?? VERBS[(callee.property as Node).name as string];
      chain = callee.object as Node;
    } else if (callee.type === 'MemberExpression' && !callee.computed && /^(add|update)$/.test((callee.property as Node).name as string)) {
      // PnPjs: collection.add(…) is POST, item.update(…) is PATCH (plain `update` calls are left to the root test below).
      verb = (callee.property as Node).name === 'add' ? 'POST' : 'PATCH';
      chain = callee.object as Node;
      via = 'pnpjs';
    } else if (callee.type === 'MemberExpression' && !callee.computed && (callee.property as Node).name === 'paged') {
      // PnPjs: graph.users.top(300).paged() requests the first page.
      verb = 'GET';
      chain = callee.object as Node;
      via = 'pnpjs';
    } else if (callee.type === 'MemberExpression' && !/^(by[A-Z]\w*Id|getById|getByEmail|using|withUrl)$/.test((callee.property as Node).name as string) && !PNP_QUERY.test((callee.property as Node).name as string)) {
      // PnPjs invokes the chain itself: graph.me() is GET /me. Builder calls (getById) are not requests.
      verb = 'GET';
      chain = callee;
      via = 'pnpjs';
    } else if (callee.type === 'CallExpression' && (callee.callee as Node).type === 'MemberExpression' && PNP_QUERY.test(((callee.callee as Node).property as Node).name as string)) {
      // PnPjs: the query built, then invoked — graph.me.select('id', 'mail')() is GET /me?$select=id,mail.
      verb = 'GET';
      chain = callee;
      via = 'pnpjs';
    } else return false;
    const segments: string[] = [];
    /** $select and $expand of PnPjs query methods along the chain (`.select('id', 'mail')`, `.select(...fields)`). */
    const chainQuery: { select: string[]; expand: string[] } = { select: [], expand: [] };
    let node: Node = chain;
    let fieldRoot: string | undefined;
    for (;;) {
      if (node.type === 'MemberExpression' && !node.computed) {
        const property = (node.property as Node).name as string;
        // A PnPjs graph instance kept on an object (`this._graph`, `SG._graph`) is the root of the chain.
        if (usesPnpGraph && segments.length && /^_?graph$/i.test(property)) {
          fieldRoot = 'graph';
          break;
        }
        segments.unshift(sdkSegment(property));
        node = node.object as Node;
      } else if (node.type === 'CallExpression' && (node.callee as Node).type === 'MemberExpression') {
        const name = ((node.callee as Node).property as Node).name as string;
        const withParameters = kiotaParameterSegment(name, ((node.arguments as Node[]) ?? []).length);
        if (/^by[A-Z]\w*Id$|^getById$|^getByEmail$/.test(name)) segments.unshift(PLACEHOLDER);
        else if (withParameters) segments.unshift(withParameters);
        else if (PNP_QUERY.test(name)) {
          if (name === 'select' || name === 'expand') chainQuery[name].unshift(...((node.arguments as Node[]) ?? []).flatMap((argument) => listItems(argument)));
        } else return false;
        node = (node.callee as Node).object as Node;
      } else break;
    }
    const rootName = fieldRoot ?? (node.type === 'Identifier' ? (node.name as string) : node.type === 'ThisExpression' ? 'this' : undefined);
    if (!rootName) return false;
    const path = fluentPath(segments);
    if (!path || segments.includes('api')) return false;
    const clientLike = /graph|client|msgraph/i.test(rootName) || rootName === 'this' || isGraphClientBinding(node) || typedGraphClients().has(rootName);
    if (!clientLike) return false;
    if (via === 'pnpjs' && !(isPnpBinding(node) || rootName === 'graph')) return false;
    // Kiota: .get({ queryParameters: { select: [...], expand: [...] } })
    const configuration = resolveObject(((call.arguments as Node[]) ?? []).find((argument) => resolveObject(argument) && objectProperty(resolveObject(argument)!, 'queryParameters')));
    const query = configuration && resolveObject(objectProperty(configuration, 'queryParameters'));
    const listOf = (name: string) => {
      const value = query && objectProperty(query, name);
      return value ? listItems(value) : [];
    };
    const select = [...listOf('select'), ...chainQuery.select];
    const expand = [...listOf('expand'), ...chainQuery.expand];
    addCall(call, verb!, path, via, 'high', { select: select.length ? select : undefined, expand: expand.length ? expand : undefined });
    return true;
  }

  /** The strings a list argument gives (`.select(…)` and the like): `'id,mail'`, `['id', 'mail']`, `FIELDS` or `...FIELDS` (a constant array). */
  function listItems(argument: Node): string[] {
    const value = argument.type === 'SpreadElement' ? (argument.argument as Node) : argument;
    const array = value.type === 'Identifier' ? constantAt(value, value.name as string) : value;
    if (array?.type === 'ArrayExpression') return arrayStrings(array);
    return splitList(evaluate(value)) ?? [];
  }

  /**
   * How a call requests the URL it is handed: an HTTP client's (fetch, axios, got, …, or any receiver's HTTP verb
   * method: `this.http.get(url)`) with high confidence; code m365cert does not know whose name says it requests
   * (`callMSGraph(url)`, `api.retrieveData(url)`) with medium; undefined for anything else (`console.log(url)`,
   * `links.push(url)`, `new URL(url)`). The method: an options object's `method`, else the function's verb.
   */
  function requestBy(callee: Node, args: Node[]): { method: string; via: string; confidence: Confidence } | undefined {
    let request: { method: string; via: string; confidence: Confidence } | undefined;
    if (callee.type === 'Identifier') {
      const name = callee.name as string;
      const unknown = methodOfUnknownRequest(name);
      if (HTTP_FUNCTIONS.test(name)) request = { method: 'GET', via: name, confidence: 'high' };
      else if (unknown) request = { method: unknown, via: name, confidence: 'medium' };
    } else if (callee.type === 'MemberExpression' && !callee.computed) {
      const name = (callee.property as Node).name as string;
      const object = callee.object as Node;
      const via = object.type === 'Identifier' ? (object.name as string) : object.type === 'MemberExpression' ? (((object.property as Node).name as string) ?? 'http') : 'http';
      // `axios.request(url)`, `got.stream(url)`: any method of an HTTP client function requests.
      const verb = Object.hasOwn(HTTP_CLIENT_VERBS, name) ? HTTP_CLIENT_VERBS[name] : object.type === 'Identifier' && HTTP_FUNCTIONS.test(via) ? 'GET' : undefined;
      const unknown = verb ? undefined : methodOfUnknownRequest(name);
      if (verb || unknown) request = { method: (verb ?? unknown)!, via, confidence: verb ? 'high' : 'medium' };
    }
    if (!request) return undefined;
    const options = resolveObject(args[1]) ?? resolveObject(args[2]);
    const declared = options && declaredMethod(options);
    if (declared) request.method = declared;
    return request;
  }

  function recogniseHttpClient(call: Node, callee: Node, args: Node[]) {
    const opened = xmlHttpRequestOpen(callee, args);
    const settings = opened ? undefined : settingsRequest(callee, args[0]);
    const urlArgument = opened ? args[1] : settings ? objectProperty(settings.options, 'url') : args[0];
    if (!urlArgument || helperRequests.has(call) || rootFromParameter(urlArgument)) return;
    const request = opened ?? settings?.request ?? requestBy(callee, args);
    if (!request) return;
    const options = settings ? settings.options : args[/^(POST|PUT|PATCH)$/.test(request.method) ? 2 : 1];
    // A base URL in the request's own options (`axios.get('/me', { baseURL })`) wins over the instance's, as in axios.
    const base = baseUrlOption(options) ?? (callee.type === 'MemberExpression' ? instanceBaseUrl(callee.object as Node) : undefined);
    for (const given of new Set(possibleValues(urlArgument))) {
      const url = withBaseUrl(given, base);
      if (!url) continue;
      const parsed = parseGraphUrl(url);
      const absoluteGraph = parsed?.host && parsed.host !== PLACEHOLDER;
      const afterBase = pathAfterUnknownBase(url);
      if (!absoluteGraph && afterBase === undefined) continue;
      if (afterBase === undefined && UNKNOWN_ROOT.test(url)) {
        facts.unresolved.push({ via: request.via, reason: 'the URL after the Graph base is computed at run time', source: where(call) });
        continue;
      }
      addCall(call, request.method, afterBase ?? url, request.via, afterBase === undefined ? request.confidence : 'medium', { ...optionQuery(options), subscribedResource: request.method === 'POST' ? subscriptionResourceOf(requestBody(settings?.options, args)) : undefined });
    }
  }

  /** A request's body: a settings object's `data` or `body`, fetch's `body` option, else the data axios and got take second. */
  function requestBody(settings: Node | undefined, args: Node[]): Node | undefined {
    if (settings) return objectProperty(settings, 'data') ?? objectProperty(settings, 'body');
    const options = resolveObject(args[1]);
    return (options && objectProperty(options, 'body')) ?? args[1];
  }

  /** `xhr.open('GET', url)`: an XMLHttpRequest's method and URL (the method first: `window.open(url)` is no request). */
  function xmlHttpRequestOpen(callee: Node, args: Node[]): { method: string; via: string; confidence: Confidence } | undefined {
    if (callee.type !== 'MemberExpression' || callee.computed || (callee.property as Node).name !== 'open' || args.length < 2) return undefined;
    const method = evaluate(args[0])?.toUpperCase();
    return method && /^(GET|POST|PUT|PATCH|DELETE)$/.test(method) ? { method, via: 'XMLHttpRequest', confidence: 'high' } : undefined;
  }

  /** `$select`/`$expand` given as query parameters in a client's options: axios's `params`, got's and ky's `searchParams`. */
  function optionQuery(options: Node | undefined): { select?: string[]; expand?: string[] } {
    const object = options && resolveObject(options);
    const params = object && (objectProperty(object, 'params') ?? objectProperty(object, 'searchParams'));
    return params ? queryParameters(params) : {};
  }

  /** `$select`/`$expand` of query parameters given as an object (`{ $select: 'id,mail' }`) or a query string. */
  function queryParameters(parameters: Node): { select?: string[]; expand?: string[] } {
    const query = resolveObject(parameters);
    if (query?.type === 'ObjectExpression') return { select: optionList(evaluate(objectProperty(query, '$select'))), expand: optionList(evaluate(objectProperty(query, '$expand'))) };
    const text = evaluate(parameters);
    return text?.includes('=') ? queryOptions(text.replace(/^\?/, '')) : {};
  }

  /** The HTTP method a request's settings name: `method`, or jQuery's `type` (which elsewhere may mean a content type). */
  function declaredMethod(options: Node): string | undefined {
    const method = evaluate(objectProperty(options, 'method'))?.toUpperCase();
    if (method) return method;
    const type = evaluate(objectProperty(options, 'type'))?.toUpperCase();
    return type && HTTP_METHOD.test(type) ? type : undefined;
  }

  /**
   * A client handed one settings object holding the URL: `axios({ url, method })`, `$.ajax({ url, type })` (jQuery
   * names the method `type` or `method`).
   */
  function settingsRequest(callee: Node, first: Node | undefined): { options: Node; request: { method: string; via: string; confidence: Confidence } } | undefined {
    const name = dottedName(callee);
    if (!name || !SETTINGS_REQUESTS.test(name)) return undefined;
    const options = resolveObject(first);
    if (!options || !objectProperty(options, 'url')) return undefined;
    return { options, request: { method: declaredMethod(options) ?? 'GET', via: name.split('.')[0]!, confidence: 'high' } };
  }

  /**
   * The base URL an HTTP client instance was made with: `axios.create({ baseURL })`, `got.extend({ prefixUrl })`,
   * `ky.create({ prefixUrl })`, held in a constant, a class property or a field set in the constructor. Relative
   * URLs it requests are joined to it as axios does (one slash between).
   */
  function instanceBaseUrl(holder: Node): string | undefined {
    if (holder.type === 'Identifier') {
      const made = constantAt(holder, holder.name as string);
      if (made) return factoryBaseUrl(made) ?? calledFactoryBaseUrl(made);
      // An instance another module exports (`export const graphApi = axios.create({ baseURL })`).
      const imported = importedExport(holder.name as string);
      return imported ? resolveImport(file.path, imported.specifier, `${imported.name}${BASE_URL_SUFFIX}`) : undefined;
    }
    if (holder.type === 'MemberExpression' && !holder.computed && (holder.object as Node).type === 'ThisExpression') {
      const made = classFieldValue(holder, (holder.property as Node).name as string);
      return made ? (factoryBaseUrl(made) ?? calledFactoryBaseUrl(made)) : undefined;
    }
    return undefined;
  }

  /**
   * The base URL of the instance a function of the app makes and returns (`this.http = createGraphApi()`), this
   * module's or one it imports (see exportedFactoryBases).
   */
  function calledFactoryBaseUrl(made: Node): string | undefined {
    const callee = made.type === 'CallExpression' ? (made.callee as Node) : undefined;
    if (callee?.type !== 'Identifier' || ((made.arguments as Node[]) ?? []).length) return undefined;
    const name = callee.name as string;
    const local = functionReturning(name);
    if (local) return factoryBaseUrl(local);
    const imported = importedExport(name);
    return imported ? resolveImport(file.path, imported.specifier, `${imported.name}()${BASE_URL_SUFFIX}`) : undefined;
  }

  /** A function this module exports that makes and returns a client instance: its base URL, for importers (`name()#baseURL`). */
  function exportFactoryBase(name: string, fn: Node) {
    const returned = name ? returnedExpression(fn) : undefined;
    const base = returned ? factoryBaseUrl(returned) : undefined;
    if (base !== undefined) facts.exportedConstants.set(`${name}()${BASE_URL_SUFFIX}`, base);
  }

  /** What a function of this module declared under a name returns (see returnedExpression), looked up once per name. */
  function functionReturning(name: string): Node | undefined {
    const fn = moduleFunction(name);
    return fn ? returnedExpression(fn) : undefined;
  }

  /** A function this module declares under a name (see functionsByName). */
  function moduleFunction(name: string): Node | undefined {
    functionByName ??= functionsByName();
    return functionByName.get(name);
  }

  /**
   * The module's functions by name, found in one pass: function declarations among its statements (exported or not),
   * then functions assigned in declarations anywhere (the first of a name).
   */
  function functionsByName(): Map<string, Node> {
    const found = new Map<string, Node>();
    for (const statement of (program.body as Node[]) ?? []) {
      const declaration = statement.type === 'ExportNamedDeclaration' && statement.declaration ? (statement.declaration as Node) : statement;
      const name = declaration.type === 'FunctionDeclaration' ? ((declaration.id as Node | null)?.name as string | undefined) : undefined;
      if (name && !found.has(name)) found.set(name, declaration);
    }
    for (const node of live) {
      if (node.type !== 'VariableDeclarator' || (node.id as Node).type !== 'Identifier' || !FUNCTIONS.has((node.init as Node | null)?.type ?? '')) continue;
      const name = (node.id as Node).name as string;
      if (!found.has(name)) found.set(name, node.init as Node);
    }
    return found;
  }

  /**
   * What a call of a URL-building function of this module gives (`usersUrl(id)` of `const usersUrl = (id) =>
   * `${GRAPH}/users/${id}``): its one returned expression, read with the parameters given the arguments' values
   * (a value known only at run time stays `{id}`); or, for a function another module exports, what it exports as
   * its result. Undefined for anything else.
   */
  function returnedByCall(call: Node, callee: Node, depth: number): string | undefined {
    // A method of the class the call is in (`this.url('/me')`, a method or a property holding an arrow function).
    const method = callee.type === 'MemberExpression' && !callee.computed && (callee.object as Node).type === 'ThisExpression' && (callee.property as Node).type === 'Identifier' ? ((callee.property as Node).name as string) : undefined;
    // Or a function kept in a settings object (`endpoints.messages(id)` of `const endpoints = { messages: (id) => … }`).
    const dotted = callee.type === 'MemberExpression' && !method ? dottedName(callee) : undefined;
    if (callee.type !== 'Identifier' && !method && !dotted) return undefined;
    const name = method ?? dotted ?? (callee.name as string);
    const held = dotted ? memberValue(callee) : undefined;
    const fn = method ? classMethod(call, method) : dotted ? (held && FUNCTIONS.has(held.type) ? held : undefined) : moduleFunction(name);
    if (!fn && method) return undefined;
    if (!fn) {
      // Another module's function, or a function of an object it exports (`name()#result`, `object.key()#result`).
      const [root, ...rest] = name.split('.');
      const imported = root && !paramSlot(callee, root) ? importedExport(root) : undefined;
      return imported ? resolveImport(file.path, imported.specifier, `${[imported.name, ...rest].join('.')}${RESULT_SUFFIX}`) : undefined;
    }
    const returned = returnedExpression(fn);
    if (!returned || evaluating.has(`${name}()`)) return undefined;
    const given = new Map<string, string | undefined>();
    ((fn.params as Node[]) ?? []).forEach((param, index) => {
      const argument = ((call.arguments as Node[]) ?? [])[index];
      const target = param.type === 'AssignmentPattern' ? (param.left as Node) : param;
      const value = argument ? evaluate(argument, depth + 1) : param.type === 'AssignmentPattern' ? evaluate(param.right as Node, depth + 1) : undefined;
      if (target.type === 'Identifier') given.set(target.name as string, value);
    });
    // The parameters shadow what the caller's names are bound to; one known only at run time is bound to nothing.
    const outer = new Map([...given.keys()].filter((key) => bindings.has(key)).map((key) => [key, bindings.get(key)!] as const));
    for (const [key, value] of given) {
      if (value === undefined) bindings.delete(key);
      else bindings.set(key, value);
    }
    evaluating.add(`${name}()`);
    try {
      return evaluate(returned, depth + 1);
    } finally {
      evaluating.delete(`${name}()`);
      for (const key of given.keys()) bindings.delete(key);
      for (const [key, value] of outer) bindings.set(key, value);
    }
  }

  /** The body of the class a node is in. */
  function classAround(use: Node): Node | undefined {
    let owner = parents.get(use);
    while (owner && owner.type !== 'ClassBody') owner = parents.get(owner);
    return owner;
  }

  /**
   * What the module's URL builders give, for the modules calling them: its exported functions, however exported
   * (`export function`, `export { f }`, `export default`, `module.exports = { f }`, `exports.f = …`), and the functions
   * of the settings objects it exports (`endpoints.messages`).
   */
  function exportUrlBuilders(exported: ReadonlyMap<string, string>) {
    for (const [exportName, local] of exported) {
      const fn = moduleFunction(local);
      if (fn) exportReturnedUrl(exportName, fn);
      else for (const property of (moduleObject(local)?.properties as Node[]) ?? []) {
        const key = propertyKey(property);
        if (key !== undefined && FUNCTIONS.has((property.value as Node).type)) exportReturnedUrl(`${exportName}.${key}`, property.value as Node);
      }
    }
    // CommonJS exports written in place (`module.exports = { usersUrl: (id) => … }`).
    for (const [name, value] of commonJsExports(program)) if (name !== DEFAULT_EXPORT && FUNCTIONS.has(value.type)) exportReturnedUrl(name, value);
  }

  /** An object literal the module declares at its top level under a name. */
  function moduleObject(name: string): Node | undefined {
    for (const statement of (program.body as Node[]) ?? []) {
      const declaration = statement.type === 'ExportNamedDeclaration' && statement.declaration ? (statement.declaration as Node) : statement;
      if (declaration.type !== 'VariableDeclaration') continue;
      const declarator = ((declaration.declarations as Node[]) ?? []).find((candidate) => (candidate.id as Node).type === 'Identifier' && (candidate.id as Node).name === name);
      if (declarator) return (declarator.init as Node | null)?.type === 'ObjectExpression' ? (declarator.init as Node) : undefined;
    }
    return undefined;
  }

  /** An exported URL-building function's result, its parameters unknown (`{id}`), for the modules calling it (`name()#result`). */
  function exportReturnedUrl(name: string, fn: Node) {
    const returned = name ? returnedExpression(fn) : undefined;
    const value = returned && returned.type !== 'CallExpression' && returned.type !== 'NewExpression' ? evaluate(returned) : undefined;
    if (value !== undefined && value.includes('/')) facts.exportedConstants.set(`${name}${RESULT_SUFFIX}`, value);
  }

  /** A function's arrow body, or its one top-level `return` expression. */
  function returnedExpression(fn: Node): Node | undefined {
    const body = fn.body as Node;
    if (body.type !== 'BlockStatement') return body;
    const returns = ((body.body as Node[]) ?? []).filter((statement) => statement.type === 'ReturnStatement' && statement.argument);
    return returns.length === 1 ? (returns[0]!.argument as Node) : undefined;
  }

  /** The base URL an HTTP client factory call gives its instance (`axios.create({ baseURL })`); undefined for anything else. */
  function factoryBaseUrl(made: Node): string | undefined {
    const factory = made.type === 'CallExpression' ? (made.callee as Node) : undefined;
    if (factory?.type !== 'MemberExpression' || factory.computed || !/^(create|extend)$/.test((factory.property as Node).name as string)) return undefined;
    if (!HTTP_FUNCTIONS.test(dottedName(factory.object as Node) ?? '')) return undefined;
    return baseUrlOption(((made.arguments as Node[]) ?? [])[0]);
  }

  /** The base URL client options name: axios's `baseURL`, got's and ky's `prefixUrl`. */
  function baseUrlOption(options: Node | undefined): string | undefined {
    const object = options && resolveObject(options);
    const base = object && (objectProperty(object, 'baseURL') ?? objectProperty(object, 'prefixUrl'));
    return base ? evaluate(base) : undefined;
  }

  /** The function a class around a node defines under a name: a method, or a property holding a function. */
  function classMethod(use: Node, name: string): Node | undefined {
    for (const member of (classAround(use)?.body as Node[]) ?? []) {
      if ((member.key as Node)?.type !== 'Identifier' || (member.key as Node).name !== name || member.static) continue;
      const value = member.value as Node | null;
      if ((member.type === 'MethodDefinition' && member.kind === 'method') || (member.type === 'PropertyDefinition' && FUNCTIONS.has(value?.type ?? ''))) return value ?? undefined;
    }
    return undefined;
  }

  /** The value a class gives `this.name`: its property definition, or its one assignment `this.name = …` (once per class and name). */
  function classFieldValue(use: Node, name: string): Node | undefined {
    const owner = classAround(use);
    if (!owner) return undefined;
    const key = `${owner.start}:${name}`;
    if (classFields.has(key)) return classFields.get(key) ?? undefined;
    let value: Node | null = null;
    for (const member of (owner.body as Node[]) ?? []) {
      if (member.type === 'PropertyDefinition' && (member.key as Node)?.type === 'Identifier' && (member.key as Node).name === name && member.value) value = member.value as Node;
    }
    if (!value) {
      const assigned = live.filter((node) => node.type === 'AssignmentExpression' && node.operator === '=' && node.start > owner!.start && node.end < owner!.end && (node.left as Node).type === 'MemberExpression' && ((node.left as Node).object as Node).type === 'ThisExpression' && ((node.left as Node).property as Node).name === name);
      value = assigned.length === 1 ? (assigned[0]!.right as Node) : null;
    }
    classFields.set(key, value);
    return value ?? undefined;
  }

  /** Every string a path argument can be: one per branch of a condition, per value its function's callers pass. */
  function possibleValues(argument: Node): (string | undefined)[] {
    return branchesOf(argument).flatMap((branch) => withChosenConstants(branch, () => withParameterValues(branch, () => evaluate(branch))).flat());
  }

  /**
   * A URL built from constants a condition chooses (`const drive = id ? `/drives/${id}` : '/drive'`, then
   * `${drive}/root/children` in another), directly or through other constants: `read` once per combination of
   * their branches (at most 3 such constants, 8 combinations); once otherwise.
   */
  function withChosenConstants<T>(path: Node, read: () => T): T[] {
    const choices = new Map<string, Node[]>();
    const seen = new Set<string>();
    const visit = (node: Node | null | undefined, depth: number) => {
      if (!node || depth > 8 || choices.size > 3) return;
      if (node.type === 'TemplateLiteral') for (const expression of node.expressions as Node[]) visit(expression, depth + 1);
      else if (node.type === 'BinaryExpression') [node.left, node.right].forEach((operand) => visit(operand as Node, depth + 1));
      else if (node.type === 'ParenthesizedExpression') visit(node.expression as Node, depth + 1);
      else if (node.type === 'Identifier' && !seen.has(node.name as string)) {
        seen.add(node.name as string);
        const init = constantAt(node, node.name as string);
        if (init?.type !== 'ConditionalExpression') return visit(init, depth + 1);
        const branches = [init.consequent as Node, init.alternate as Node];
        choices.set(node.name as string, branches);
        for (const branch of branches) visit(branch, depth + 1);
      }
    };
    visit(path, 0);
    if (!choices.size || choices.size > 3) return [read()];
    let combinations: Map<string, Node>[] = [new Map()];
    for (const [name, branches] of choices) combinations = combinations.flatMap((combination) => branches.map((branch) => new Map([...combination, [name, branch]])));
    return combinations.map((combination) => {
      chosenBranches = combination;
      try {
        return read();
      } finally {
        chosenBranches = undefined;
      }
    });
  }

  /**
   * A path segment from a parameter of the enclosing function (`/groups/${groupId}/${endpoint}`) takes, when every
   * call of the function in this file passes a known string (or omits it and the parameter has a default), each
   * of those values: `endpoint` → members, owners. Evaluates `read` once per combination (at most 8); once, with
   * the parameters unknown, otherwise.
   */
  function withParameterValues(path: Node, read: () => string | undefined): (string | undefined)[] {
    const expressions = path.type === 'TemplateLiteral' ? (path.expressions as Node[]) : [];
    const fn = expressions.length ? enclosingFunction(path) : undefined;
    const params = fn && functionParams.get(fn);
    const name = fn && functionName(fn);
    if (!fn || !params || !name) return [read()];
    const slots = expressions.filter((expression): expression is Node => expression.type === 'Identifier' && params.includes(expression.name as string)).map((expression) => expression.name as string);
    const choices = [...new Set(slots)].map((param) => [param, parameterValues(fn, name, params.indexOf(param))] as const).filter((choice): choice is readonly [string, string[]] => choice[1] !== undefined);
    if (!choices.length) return [read()];
    let combinations: Map<string, string>[] = [new Map()];
    for (const [param, values] of choices) combinations = combinations.flatMap((combination) => values.map((value) => new Map([...combination, [param, value]])));
    if (combinations.length > 8) return [read()];
    return combinations.map((combination) => {
      for (const [param, value] of combination) bindings.set(param, value);
      try {
        return read();
      } finally {
        for (const param of combination.keys()) bindings.delete(param);
      }
    });
  }

  /** The strings a function's parameter receives from its calls in this file; undefined when any is unknown or there are none. */
  function parameterValues(fn: Node, name: string, index: number): string[] | undefined {
    const sites = callsByName().get(name) ?? [];
    if (!sites.length) return undefined;
    const param = ((fn.params as Node[]) ?? [])[index];
    const fallback = param?.type === 'AssignmentPattern' ? evaluate(param.right as Node) : undefined;
    const values = new Set<string>();
    for (const site of sites) {
      const argument = ((site.arguments as Node[]) ?? [])[index];
      const candidates = argument ? branchesOf(argument).map((branch) => (branch.type === 'Identifier' && functionParams.get(enclosingFunction(branch) ?? program)?.includes(branch.name as string) ? undefined : evaluate(branch))) : [fallback];
      for (const candidate of candidates) {
        // A value that is not a plain segment (empty, a path, a placeholder) leaves the parameter unknown.
        if (!candidate || !/^[\w.$-]+$/.test(candidate)) return undefined;
        values.add(candidate);
      }
    }
    return [...values];
  }

  /** Calls by the name of the function they call (`name(…)`, `this.name(…)`), found once per file. */
  function callsByName(): Map<string, Node[]> {
    return (callIndex ??= groupBy(live, (node) => {
      if (node.type !== 'CallExpression') return undefined;
      const callee = node.callee as Node;
      const called = callee.type === 'Identifier' ? (callee.name as string) : callee.type === 'MemberExpression' && !callee.computed && (callee.object as Node).type === 'ThisExpression' ? ((callee.property as Node).name as string) : undefined;
      return called || undefined;
    }));
  }

  /**
   * The values an argument may take when a condition chooses it (`replyAll ? '/…/createReplyAll' : '/…/createReply'`,
   * directly or through a constant): each branch is a call the code can make.
   */
  function branchesOf(node: Node, depth = 0): Node[] {
    if (depth > 4) return [node];
    if (node.type === 'ConditionalExpression') return [...branchesOf(node.consequent as Node, depth + 1), ...branchesOf(node.alternate as Node, depth + 1)];
    if (node.type === 'ParenthesizedExpression') return branchesOf(node.expression as Node, depth + 1);
    // `${url}`: the value itself.
    if (node.type === 'TemplateLiteral' && (node.expressions as Node[]).length === 1 && (node.quasis as Node[]).every((quasi) => !(quasi.value as { cooked?: string }).cooked)) return branchesOf((node.expressions as Node[])[0]!, depth + 1);
    if (node.type === 'Identifier') {
      const init = constantAt(node, node.name as string);
      if (init && (init.type === 'ConditionalExpression' || init.type === 'ParenthesizedExpression')) return branchesOf(init, depth + 1);
      // `let url; if (id) url = a; else url = b; fetch(url)`: each value that may reach the use.
      const reaching = !init && reassigned.has(node.name as string) ? reachingValues(node, node.name as string, enclosingFunction(node)) : undefined;
      if (reaching?.length) return reaching.flatMap((value) => branchesOf(value, depth + 1));
    }
    return [node];
  }

  /**
   * The values of a reassigned variable that may reach a point (a use, or the end of an `if` arm) from the
   * definitions in `scope` (the function, or the arm): the last one before it, and when that one lies in an `if`
   * the point is outside of, the values reaching the end of each arm (or, for an arm defining none, the value
   * before the `if`). Undefined when no definition precedes the point.
   */
  function reachingValues(point: { start: number; end: number }, name: string, scope: Node | undefined, depth = 0): Node[] | undefined {
    if (depth > 6) return undefined;
    definitionsByName ??= groupBy(live.filter((node) => (node.type === 'AssignmentExpression' && node.operator === '=' && (node.left as Node).type === 'Identifier') || (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier' && node.init)), (node) => ((node.type === 'AssignmentExpression' ? node.left : node.id) as Node).name as string);
    const definitions = definitionsByName.get(name) ?? [];
    const arm = scope && !FUNCTIONS.has(scope.type) ? scope : undefined;
    const owner = arm ? enclosingFunction(arm) : scope;
    // The last definition ending before the point (binary search: thousands of assignments stay cheap), then back
    // past those of nested functions; never before the arm or the function.
    let last: Node | undefined;
    for (let index = partitionPoint(definitions, (definition) => definition.end <= point.start) - 1; index >= 0 && !last; index--) {
      const definition = definitions[index]!;
      if ((arm && definition.start < arm.start) || (owner && definition.end < owner.start)) break;
      if (enclosingFunction(definition) === owner) last = definition;
    }
    if (!last) return undefined;
    let branch: Node | undefined;
    for (let current = parents.get(last); current && current !== scope && !FUNCTIONS.has(current.type); current = parents.get(current)) {
      if (current.type === 'IfStatement' && !(point.start >= current.start && point.end <= current.end)) branch = current;
    }
    if (!branch) return [(last.type === 'AssignmentExpression' ? last.right : last.init) as Node];
    const outer = branch;
    // An `else if` is an arm holding another `if`: its arms count as the outer one's.
    const armValues = (ifStatement: Node): Node[] =>
      [ifStatement.consequent as Node | null, ifStatement.alternate as Node | null].flatMap((node) => {
        if (node?.type === 'IfStatement') return armValues(node);
        return (node && reachingValues({ start: node.end, end: node.end }, name, node, depth + 1)) ?? reachingValues(outer, name, scope, depth + 1) ?? [];
      });
    return armValues(outer);
  }

  /**
   * A managed identity credential whose every token is for Entra's token-exchange audience
   * (`mi.getToken("api://AzureADTokenExchange/.default")`): the app's federated client assertion, not a Graph flow
   * (the credential or client it signs in with says the flow).
   */
  function federationAssertionOnly(creation: Node): boolean {
    if (!file.text.includes(TOKEN_EXCHANGE)) return false;
    const holder = parents.get(creation);
    const name = holder?.type === 'VariableDeclarator' && (holder.id as Node).type === 'Identifier' ? ((holder.id as Node).name as string) : undefined;
    if (!name) return false;
    const uses = [...file.text.matchAll(new RegExp(`\\b${escapeRegExp(name)}\\s*\\.\\s*getToken\\(\\s*(["'\`])([^"'\`]*)`, 'g'))];
    return uses.length > 0 && uses.every((use) => use[2]!.startsWith(TOKEN_EXCHANGE));
  }

  /** A resource map's entry (`[url, scopes]`): its scopes are requested when the URL is Graph's. */
  function protectedResourceScopes(url: Node, scopes: Node) {
    const value = url && evaluate(url);
    if (value && parseGraphUrl(value)?.host && scopes?.type === 'ArrayExpression') collectScopes(scopes);
  }

  function collectScopes(argument: Node) {
    const visitScopes = (node: Node | undefined, depth: number) => {
      if (!node || depth > 4) return;
      if (node.type === 'ArrayExpression') {
        for (const element of node.elements as Node[]) {
          const value = element && evaluate(element);
          if (value) facts.scopes.push({ name: value, source: where(element) });
        }
      } else if (node.type === 'ObjectExpression') {
        for (const property of node.properties as Node[]) {
          const key = property.key as Node | undefined;
          if (key && /^scopes?$/i.test((key.name ?? key.value) as string)) visitScopes(property.value as Node, depth + 1);
        }
      } else if (node.type === 'Identifier') {
        visitScopes(constantAt(node, node.name as string) ?? undefined, depth + 1);
      } else if (node.type === 'Literal' || node.type === 'TemplateLiteral') {
        // TeamsFx and MSAL also take scopes as one string: `createMicrosoftGraphClientWithCredential(credential, "Mail.Read")`,
        // `"User.Read Files.Read"` (only names Graph knows count later: a tenant id or a URL handed to the same call does not).
        for (const name of (evaluate(node) ?? '').split(/[\s,]+/)) if (name) facts.scopes.push({ name, source: where(node) });
      }
    };
    visitScopes(argument, 0);
  }

  function isGraphClientBinding(root: Node): boolean {
    const init = root.type === 'Identifier' ? constantAt(root, root.name as string) : undefined;
    return Boolean(init && init.type === 'CallExpression' && (init.callee as Node).type === 'Identifier' && /GraphServiceClient|createGraphServiceClient|graphfi/.test((init.callee as Node).name as string));
  }
  /** `const graph = graphfi().using(SPFx(this.context))`: the innermost call of the initialiser is graphfi(). */
  function isPnpBinding(root: Node): boolean {
    let node = (root.type === 'Identifier' ? constantAt(root, root.name as string) : undefined) ?? undefined;
    while (node && (node.type === 'CallExpression' || node.type === 'MemberExpression')) {
      if (node.type === 'CallExpression' && (node.callee as Node).type === 'Identifier') return (node.callee as Node).name === 'graphfi';
      node = (node.type === 'CallExpression' ? node.callee : node.object) as Node;
    }
    return false;
  }

  // JSON-batch steps outside a literal `$batch` body (a helper of the app's own sends them): `{ id, method, url }`
  // with a verb and a relative Graph path; the id makes the shape specific to Graph's JSON batching.
  for (const node of live) {
    if (node.type !== 'Property' || ((node.key as Node)?.name ?? (node.key as Node)?.value) !== 'url') continue;
    const object = parents.get(node);
    if (!object || object.type !== 'ObjectExpression' || batchSteps.has(object) || !objectProperty(object, 'id') || !objectProperty(object, 'method')) continue;
    const url = evaluate(objectProperty(object, 'url'));
    const method = evaluate(objectProperty(object, 'method'))?.toUpperCase();
    if (!url || !method || !/^(GET|POST|PATCH|PUT|DELETE)$/.test(method) || !/^\/?(me|users|groups|teams|chats|sites|drives|applications|servicePrincipals|organization|subscriptions|planner|solutions|communications|security|reports|deviceManagement|identity|policies|directory|auditLogs|search|admin|education|print|external|storage|employeeExperience|copilot|appCatalogs|contacts|places|shares|agreements|invitations|oauth2PermissionGrants|roleManagement|domains|subscribedSkus|$batch)(\/|\?|$)/i.test(url)) continue;
    addCall(object, method, batchStepUrl(url), 'batch-step', 'medium');
  }

  // Scope arrays on objects handed to any call (e.g. `{ scopes: ['Mail.Read'] }` for MSAL or Azure Identity), and
  // in settings objects (`graphUserScopes: ['user.read', 'mail.read']`, as the Microsoft Graph training samples keep them).
  for (const node of live) {
    if (node.type === 'Property' && /scopes$/i.test(((node.key as Node)?.name ?? (node.key as Node)?.value) as string) && (node.value as Node).type === 'ArrayExpression') {
      const inCall = findCall(node);
      const calleeName = inCall && ((inCall.callee as Node).type === 'Identifier' ? (inCall.callee as Node).name : ((inCall.callee as Node).property as Node)?.name);
      if (!calleeName || !SCOPE_FUNCTIONS.test(calleeName as string)) collectScopes(node.value as Node);
    }
    // Lists kept in a variable named for scopes (`const scopes = ["user.read"]`, `export const defaultScopes = […]`), as
    // Office's nested-app-authentication samples hand them to a token helper: only names Graph knows count later.
    if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier' && /scopes$/i.test((node.id as Node).name as string)) {
      const init = node.init as Node | null;
      const list = init && (init.type === 'TSAsExpression' || init.type === 'TSSatisfiesExpression') ? (init.expression as Node) : init;
      if (list?.type === 'ArrayExpression') collectScopes(list);
    }
    if (node.type === 'ExportNamedDeclaration' && (node.declaration as Node)?.type === 'VariableDeclaration') {
      for (const declarator of ((node.declaration as Node).declarations as Node[]) ?? []) {
        if ((declarator.id as Node).type !== 'Identifier') continue;
        for (const [name, value] of constantStrings((declarator.id as Node).name as string, declarator.init as Node | null, evaluate)) facts.exportedConstants.set(name, value);
        const base = declarator.init ? factoryBaseUrl(declarator.init as Node) : undefined;
        if (base !== undefined) facts.exportedConstants.set(`${(declarator.id as Node).name as string}${BASE_URL_SUFFIX}`, base);
        if (FUNCTIONS.has((declarator.init as Node | null)?.type ?? '')) exportFactoryBase((declarator.id as Node).name as string, declarator.init as Node);
      }
    }
    if (node.type === 'ExportNamedDeclaration' && (node.declaration as Node)?.type === 'FunctionDeclaration') exportFactoryBase((((node.declaration as Node).id as Node | null)?.name as string | undefined) ?? '', node.declaration as Node);
  }
  const exported = exportedFunctions(program);
  exportUrlBuilders(exported);
  // The module's own value is no named constant (see importedExport).
  for (const [name, value] of commonJsExports(program)) if (name !== DEFAULT_EXPORT) for (const [key, text] of constantStrings(name, value, evaluate)) if (!facts.exportedConstants.has(key)) facts.exportedConstants.set(key, text);
  facts.scopes = dedupeScopes(facts.scopes);
  if (classicScript) facts.scriptGlobals = { constants: topLevelStrings(program, evaluate), wrappers };
  if (wrappers.size) {
    const helpers = new Map([...exported].flatMap(([exportName, local]) => (wrappers.has(local) ? [[exportName, wrappers.get(local)!] as const] : [])));
    // A hook's helpers, by `hook().key` (see returnedHelper).
    for (const [exportName, local] of exported) for (const [key, helper] of helpersReturnedBy().get(local) ?? []) helpers.set(`${exportName}().${key}`, helper);
    if (helpers.size) facts.exportedWrappers = helpers;
  }
  return facts;
}

/**
 * Names a module exports, with the local name of each (`export function f`, `export const f = …`,
 * `export { f as g }`, `export default f`, `module.exports = f`, `module.exports = { f, g: h }`, `exports.f = f`;
 * a function assigned in place is named by its export, see functionName).
 */
function exportedFunctions(program: Node): Map<string, string> {
  const exported = new Map<string, string>();
  for (const statement of (program.body as Node[]) ?? []) {
    if (statement.type === 'ExportNamedDeclaration') {
      const declaration = statement.declaration as Node | null;
      if (declaration?.type === 'FunctionDeclaration' && (declaration.id as Node | null)) exported.set((declaration.id as Node).name as string, (declaration.id as Node).name as string);
      if (declaration?.type === 'VariableDeclaration') for (const declarator of (declaration.declarations as Node[]) ?? []) if ((declarator.id as Node).type === 'Identifier') exported.set((declarator.id as Node).name as string, (declarator.id as Node).name as string);
      if (!statement.source) for (const specifier of (statement.specifiers as Node[]) ?? []) exported.set(((specifier.exported as Node).name ?? (specifier.exported as Node).value) as string, (specifier.local as Node).name as string);
    }
    if (statement.type === 'ExportDefaultDeclaration') {
      const declaration = statement.declaration as Node;
      const local = declaration.type === 'Identifier' ? (declaration.name as string) : ((declaration.id as Node | null)?.name as string | undefined);
      if (local) exported.set(DEFAULT_EXPORT, local);
    }
  }
  for (const [name, value] of commonJsExports(program)) {
    // A value written in place is named by its export; the module's own value only when it is a function.
    const local = value.type === 'Identifier' ? (value.name as string) : name !== DEFAULT_EXPORT ? name : FUNCTIONS.has(value.type) ? (((value.id as Node | null)?.name as string | undefined) ?? DEFAULT_EXPORT) : undefined;
    if (local) exported.set(name, local);
  }
  return exported;
}

/** Calls that keep the shape of a path segment: `encodeURIComponent(x)` is x, as far as the path goes. */
const SHAPE_KEEPING = /^(encodeURIComponent|encodeURI|String)$/;
/** A base known only at run time, then a Graph version: `${process.env.GRAPH_ENDPOINT}v1.0/me` with the variable unset. */
const UNKNOWN_BASE_GRAPH = /^\{id\}\/?(v1\.0|beta)\//i;

/** The Graph path of a URL whose base is known only at run time (`{id}v1.0/me` → `/v1.0/me`); undefined for any other URL. */
function pathAfterUnknownBase(url: string): string | undefined {
  return UNKNOWN_BASE_GRAPH.test(url) ? url.slice(PLACEHOLDER.length).replace(/^(?!\/)/, '/') : undefined;
}
/** A URL whose path is a run-time value right after the base (`https://graph.microsoft.com/v1.0{id}`). */
const UNKNOWN_ROOT = /^(https?:\/\/[^/]+)?(\/(v1\.0|beta))?\/?\{id\}/i;
/** Argument shapes through which a parameter may reach a URL (directly, in a string, through a constant or an options object). */
const MAY_CARRY_PARAMETER = new Set(['Identifier', 'TemplateLiteral', 'BinaryExpression', 'CallExpression', 'ObjectExpression', 'ParenthesizedExpression', 'TSAsExpression', 'TSNonNullExpression']);
/** Node's own HTTP modules, whose `get`/`request` take an options object. */
const NODE_HTTP = /^(node:)?https?$/;
const HTTP_METHOD = /^(GET|POST|PUT|PATCH|DELETE|HEAD)$/;
/** Clients taking one settings object with the URL in it: `axios({ url })`, `request({ url })`, jQuery's `$.ajax({ url })`. */
const SETTINGS_REQUESTS = /^(axios|axios\.request|request|got|needle|superagent|\$\.ajax|jQuery\.ajax)$/;
/** HTTP clients that take a URL: a call of one with a parameter as the URL's root makes a request helper. */
const HTTP_FUNCTIONS = /^(fetch|got|ky|axios|superagent|request|needle|undici|ofetch|\$fetch)$/;
/** The export name of a module's own value (`module.exports = …`, `export default …`). */
const DEFAULT_EXPORT = 'default';
/** How an exported HTTP client instance's base URL is kept among the module's constants (`graphApi#baseURL`). */
const BASE_URL_SUFFIX = '#baseURL';
/** The key under which a module exports what a URL-building function of it returns (see exportReturnedUrl). */
const RESULT_SUFFIX = '()#result';

/** Statements that make a file a module rather than a classic script. */
const MODULE_SYNTAX = new Set(['ImportDeclaration', 'ExportNamedDeclaration', 'ExportDefaultDeclaration', 'ExportAllDeclaration', 'ImportExpression']);

/** `process.env.NAME` / `process.env['NAME']`: the variable's name. */
function environmentVariable(node: Node): string | undefined {
  const object = node.object as Node;
  if (object.type !== 'MemberExpression' || object.computed || (object.property as Node).name !== 'env' || (object.object as Node).type !== 'Identifier' || (object.object as Node).name !== 'process') return undefined;
  const property = node.property as Node;
  return node.computed ? (property.type === 'Literal' && typeof property.value === 'string' ? property.value : undefined) : (property.name as string);
}

/** `a.b.c` as a dotted name, when the chain is plain names. */
function dottedName(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type !== 'MemberExpression' || node.computed) return undefined;
  const object = dottedName(node.object as Node);
  return object && `${object}.${(node.property as Node).name as string}`;
}

/**
 * What a CommonJS module exports, by name, with the expression giving it: `exports.A = …`,
 * `module.exports.A = …`, each property of `module.exports = { A, B: … }`, and any other
 * `module.exports = …` as the module's own value (DEFAULT_EXPORT).
 */
function commonJsExports(program: Node): [string, Node][] {
  const exported: [string, Node][] = [];
  for (const statement of (program.body as Node[]) ?? []) {
    const assignment = statement.type === 'ExpressionStatement' && (statement.expression as Node).type === 'AssignmentExpression' ? (statement.expression as Node) : undefined;
    if (!assignment) continue;
    const left = assignment.left as Node;
    const right = assignment.right as Node;
    const member = exportedMemberName(left);
    if (member) exported.push([member, right]);
    else if (isModuleExports(left) && right.type === 'ObjectExpression')
      for (const property of (right.properties as Node[]) ?? []) {
        const key = property.key as Node | undefined;
        if (property.type === 'Property' && key?.type === 'Identifier') exported.push([key.name as string, property.value as Node]);
      }
    else if (isModuleExports(left)) exported.push([DEFAULT_EXPORT, right]);
  }
  return exported;
}

/** Top-level string constants of a script, object literal properties by dotted name (`graphConfig.graphMeEndpoint`). */
function topLevelStrings(program: Node, evaluate: (node: Node) => string | undefined): Map<string, string> {
  const strings = new Map<string, string>();
  for (const statement of (program.body as Node[]) ?? []) {
    if (statement.type !== 'VariableDeclaration') continue;
    for (const declarator of (statement.declarations as Node[]) ?? []) {
      if ((declarator.id as Node).type === 'Identifier') for (const [name, value] of constantStrings((declarator.id as Node).name as string, declarator.init as Node | null, evaluate)) strings.set(name, value);
    }
  }
  return strings;
}

/** The strings a constant gives: itself, or each string property of an object literal by dotted name (nested up to 4). */
function constantStrings(name: string, value: Node | undefined | null, evaluate: (node: Node) => string | undefined, depth = 0): [string, string][] {
  if (!value || depth > 4) return [];
  if (value.type !== 'ObjectExpression') {
    const text = evaluate(value);
    return text === undefined ? [] : [[name, text]];
  }
  return ((value.properties as Node[]) ?? []).flatMap((property) => {
    const key = property.key as Node | undefined;
    const keyName = key && ((key.name ?? key.value) as string | undefined);
    return property.type === 'Property' && typeof keyName === 'string' ? constantStrings(`${name}.${keyName}`, property.value as Node, evaluate, depth + 1) : [];
  });
}

/** `module.exports` */
function isModuleExports(node: Node): boolean {
  return node.type === 'MemberExpression' && !node.computed && (node.object as Node).type === 'Identifier' && (node.object as Node).name === 'module' && (node.property as Node).name === 'exports';
}

/** `exports.name` or `module.exports.name`: the name exported; undefined for anything else. */
function exportedMemberName(node: Node): string | undefined {
  if (node.type !== 'MemberExpression' || node.computed) return undefined;
  const object = node.object as Node;
  const exportsObject = (object.type === 'Identifier' && object.name === 'exports') || isModuleExports(object);
  return exportsObject ? ((node.property as Node).name as string) : undefined;
}

/** The values of one URL that are distinct requests: values differing only in a filter or a top are one request. */
function distinctRequests(urls: readonly string[]): string[] {
  const byRequest = new Map<string, string>();
  for (const url of urls) {
    const key = requestKey(url);
    if (!byRequest.has(key)) byRequest.set(key, url);
  }
  return [...byRequest.values()];
}

/** A request's identity among values of one URL: its path and what it selects and expands. */
function requestKey(url: string): string {
  const parsed = parseGraphUrl(batchStepUrl(url));
  if (!parsed) return url;
  const { select, expand } = queryOptions(parsed.query);
  return `${parsed.path}|${select?.join(',') ?? ''}|${expand?.join(',') ?? ''}`;
}

const JUMPS = new Set(['ReturnStatement', 'ThrowStatement', 'BreakStatement', 'ContinueStatement']);
const NOT_CHILDREN = new Set(['type', 'start', 'end', 'loc', 'range']);
/**
 * The keys of a node that may hold child nodes, in source order: oxc's visitor keys for the node's type (the
 * tree is walked twice per file, and enumerating every property of every node costs more than the parse);
 * a type they do not name falls back to the node's own keys.
 */
function childKeysOf(node: Node): readonly string[] {
  return (visitorKeys as Record<string, readonly string[] | undefined>)[node.type] ?? Object.keys(node).filter((key) => !NOT_CHILDREN.has(key));
}

/** Functions and the names declared in them (parameters and declarations), found on first use. */
const declaredNames = new WeakMap<Node, Set<string>>();
function namesDeclaredIn(fn: Node): Set<string> {
  let names = declaredNames.get(fn);
  if (names) return names;
  names = new Set(((fn.params as Node[]) ?? []).flatMap((param) => (param.type === 'Identifier' ? [param.name as string] : [])));
  const stack = [fn.body as Node];
  while (stack.length) {
    const node = stack.pop();
    if (!node || typeof node !== 'object') continue;
    if (node.type === 'VariableDeclarator' && (node.id as Node).type === 'Identifier') names.add((node.id as Node).name as string);
    if (FUNCTIONS.has(node.type)) continue;
    for (const key of childKeysOf(node)) {
      const child = node[key] as Node | Node[] | undefined;
      if (Array.isArray(child)) stack.push(...child);
      else if (child && typeof child === 'object' && typeof (child as Node).type === 'string') stack.push(child);
    }
  }
  declaredNames.set(fn, names);
  return names;
}

/** A variable's key for flow tracking: local to the function that declares it, else the module's. */
function scopedName(at: Node, name: string, enclosingFunction: (node: Node) => Node | undefined): string {
  for (let fn = enclosingFunction(at); fn; fn = enclosingFunction(fn)) if (namesDeclaredIn(fn).has(name)) return `${fn.start}:${name}`;
  return name;
}

/** `x` or `this.x` as an assignment target's name; anything else (destructuring, computed members) is not followed. */
function assignmentTarget(node: Node): string | undefined {
  if (node.type === 'Identifier') return node.name as string;
  if (node.type === 'MemberExpression' && !node.computed && (node.object as Node).type === 'ThisExpression') return `this.${(node.property as Node).name as string}`;
  return undefined;
}

/** The variable a call chain starts from: `_appClient?.api('/users').get()` → `_appClient`, `this.graph.api(…)` → `this.graph`. */
function rootOf(node: Node): string | undefined {
  let current: Node | undefined = node;
  for (let depth = 0; current && depth < 64; depth++) {
    const target = assignmentTarget(current);
    if (target) return target;
    current = (current.type === 'CallExpression' ? current.callee : current.type === 'MemberExpression' ? current.object : current.type === 'ChainExpression' || current.type === 'AwaitExpression' ? (current.expression ?? current.argument) : undefined) as Node | undefined;
  }
  return undefined;
}

/**
 * Which auth flow each client variable carries: a variable assigned a credential (new ClientSecretCredential,
 * DeviceCodeCredential, …), and a variable whose value refers to such a credential, directly or through other
 * variables (authProvider → credential). Followed to a fixed point; a variable given two flows carries none.
 */
function flowsOfClients(assigned: readonly [string, Node][], scopedName: (at: Node, name: string) => string): Map<string, AuthFlow | null> {
  const flows = new Map<string, AuthFlow | null>();
  const set = (name: string, flow: AuthFlow) => {
    const known = flows.get(name);
    if (known === undefined) flows.set(name, flow);
    else if (known !== flow) flows.set(name, null);
  };
  /** Flows an expression names: credential constructors, and variables already known to carry one. */
  const flowsIn = (root: Node): Set<AuthFlow> => {
    const found = new Set<AuthFlow>();
    const stack = [root];
    let visited = 0;
    while (stack.length && visited++ < 2_000) {
      const node = stack.pop()!;
      if (!node || typeof node !== 'object') continue;
      if (node.type === 'NewExpression' || node.type === 'CallExpression') {
        const callee = node.callee as Node;
        const name = callee.type === 'Identifier' ? (callee.name as string) : callee.type === 'MemberExpression' && !callee.computed ? ((callee.property as Node).name as string) : undefined;
        const marker = name ? FLOW_MARKERS.find(([pattern]) => pattern.test(name)) : undefined;
        if (marker && /Credential$/.test(name!)) found.add(marker[1]);
      }
      const target = assignmentTarget(node);
      const flow = target ? flows.get(target.startsWith('this.') ? target : scopedName(node, target)) : undefined;
      if (flow) found.add(flow);
      for (const key of ['callee', 'object', 'arguments', 'properties', 'value', 'expression', 'argument', 'elements'] as const) {
        const child = node[key] as Node | Node[] | undefined;
        if (Array.isArray(child)) stack.push(...child);
        else if (child && typeof child === 'object') stack.push(child);
      }
    }
    return found;
  };
  for (let round = 0; round < 4; round++) {
    const before = JSON.stringify([...flows]);
    for (const [name, value] of assigned) {
      const found = flowsIn(value);
      if (found.size === 1) set(name, [...found][0]!);
      else if (found.size > 1) flows.set(name, null);
    }
    if (JSON.stringify([...flows]) === before) break;
  }
  return flows;
}

/** A property's name as written (`key:`, `'key':`); undefined for a computed key or a spread. */
function propertyKey(property: Node): string | undefined {
  const key = property.type === 'Property' && !property.computed ? ((property.key as Node).name ?? (property.key as Node).value) : undefined;
  return typeof key === 'string' ? key : undefined;
}

function objectProperty(object: Node, name: string): Node | undefined {
  const property = (object.properties as Node[]).find((candidate) => {
    const key = candidate.key as Node | undefined;
    return key && ((key.name ?? key.value) as string) === name;
  });
  return property?.value as Node | undefined;
}

function arrayStrings(node: Node): string[] {
  if (node.type !== 'ArrayExpression') return [];
  return (node.elements as Node[]).filter((element) => element?.type === 'Literal' && typeof element.value === 'string').map((element) => element.value as string);
}

function splitList(value: string | undefined | null): string[] | undefined {
  if (!value) return undefined;
  return value.split(',').map((item) => item.trim()).filter(Boolean);
}

function isRequire(node: Node | undefined): boolean {
  if (node?.type !== 'CallExpression') return false;
  const callee = node.callee as Node;
  const first = (node.arguments as Node[])[0];
  return callee.type === 'Identifier' && callee.name === 'require' && first?.type === 'Literal' && typeof first.value === 'string';
}

function isConstantFalse(node: Node | undefined): boolean {
  return Boolean(node && node.type === 'Literal' && (node.value === false || node.value === 0));
}
function isConstantTrue(node: Node | undefined): boolean {
  return Boolean(node && node.type === 'Literal' && node.value === true);
}

function dedupeScopes(scopes: { name: string; source: SourceRef }[]): { name: string; source: SourceRef }[] {
  const seen = new Set<string>();
  return scopes.filter((scope) => {
    const key = `${scope.name}|${scope.source.line}|${scope.source.column}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
