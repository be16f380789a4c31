import { escapeRegExp } from '../../util/regexp.ts';
import type { Node as TsNode, Parser } from 'web-tree-sitter';
import { isKnownPath, MENTIONS_GRAPH_HOST, PLACEHOLDER, parseGraphUrl, optionList, queryOptions, SEARCH_QUERY_PATH, subscribedResourceIn, SUBSCRIPTIONS_PATH, TOKEN_EXCHANGE } from '../../knowledge/graph/graph-path.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { emptyCodeFacts, type CodeGraphFacts } from './javascript.ts';
import { indexNodes, initializedMember, type NodesOf, type TreeLanguage } from './tree-sitter.ts';
import { fluentPath, isScopeLike, kiotaParameterSegment, kiotaVerb, methodOfUnknownRequest, sdkSegment, withoutGraphHost } from './sdk-shapes.ts';
import type { AuthFlow, Confidence } from './types.ts';
import type { ExtractorChoice } from '../code/extractor.ts';
import { environmentUrl, SPRING_TYPE_KEY, springPropertyKey, type EnvironmentLookup, type EnvironmentUrls } from '../code/environment.ts';
import { fillTemplate, gluedToVersion, markedTemplate, mayReachGraph, parameterMarker, resolveReference, suppliesRoot, templateText, isAbsoluteUrl, withBaseUrl, withoutTrailingValue, type RequestWrapper, type UrlTemplate } from './url-templates.ts';
import { CONNECTIVITY_NODE_TYPES, treeConnectivity } from '../hosts/tree-connectivity.ts';
import { OFFICE365_GRAPH_IMPORT, office365Rules } from './office365-python.ts';
import { actionPath } from './library-rules.ts';
import { O365_IMPORT, o365Rules } from './o365-python.ts';
import { PATTERN_NODE_TYPES, treePatterns } from '../patterns/tree-patterns.ts';
import { partitionPoint } from '../../util/partition-point.ts';
import { batchStepUrl, isBatchPath, jsonBatchRequests } from './batch.ts';

/**
 * Microsoft Graph calls in C#, Python and Java, read from tree-sitter syntax trees:
 * - Graph SDK fluent chains: C# v5 `graphClient.Users["id"].Messages.GetAsync()` and v4
 *   `.Request().Select(…).GetAsync()`; Python `client.users.by_user_id(id).messages.get()`; Java v6
 *   `graphClient.users().byUserId(id).messages().get()` and v5 `graphClient.users(id).messages().buildRequest().get()`;
 * - HTTP clients with Graph URLs: HttpClient / HttpRequestMessage, requests / httpx, java.net.http;
 * - scope lists and the token acquisition that tells the auth flow.
 * String constants and interpolations are evaluated; dynamic parts become `{id}`. Comments and code after
 * return/throw or under `if (false)` are not calls.
 */

export interface LanguageRules {
  language: TreeLanguage;
  call: string;
  /** The callee of a call node and the receiver/name of a member call. */
  /** `args` is read on demand: most calls of a file are not Graph calls, and reading arguments crosses into WebAssembly. */
  member(node: TsNode): { object: TsNode | null; name: string; args: () => TsNode[] } | undefined;
  /** Steps of a fluent chain below a call's receiver. */
  /**
   * `item-path`: an item addressed by its path below the drive root (`.Root.ItemWithPath(path)`), i.e. `items/{id}`;
   * `request`: the SDK's `.Request()`; `action`: a method call that is a path segment only to the left of `.Request()`.
   */
  step(node: TsNode): { kind: 'segment' | 'action'; name: string; next: TsNode | null; id?: boolean } | { kind: 'id' | 'item-path' | 'skip' | 'request'; next: TsNode | null } | { kind: 'root'; name: string } | undefined;
  sdkVerbs: Record<string, string>;
  httpVerbs: Record<string, string>;
  strings: Set<string>;
  /**
   * The node types that assign a name (declarations, and assignments: a field set in a constructor), and how
   * to read them. A field is named as it is read: `_url` and `this._url` alike in C# and Java, `self.url` in Python.
   */
  declaration: { types: string[]; name(node: TsNode): string | undefined; value(node: TsNode): TsNode | null };
  betaMarker: RegExp;
  dead: { block: Set<string>; exits: Set<string>; ifType: string };
  flows: [RegExp, AuthFlow, string][];
  /**
   * Methods that are requests of their own, by name: the HTTP method and the segments they add to the path of
   * the chain they are called on (office365's `client.me.send_mail(…)` is POST /me/sendMail).
   */
  actions?: Record<string, SdkAction>;
  /** Via of the SDK chains these rules read (`sdk` unless another library's). */
  sdkVia?: string;
  /** Methods sending what a chain queued (office365's `execute_query()`): a queuing method not mapped is reported. */
  sends?: RegExp;
  /** SDK verbs that take a name as their first argument (office365's `add("Home")`), unlike a dictionary's `get("key")`. */
  verbsTakingNames?: ReadonlySet<string>;
  /** A library's own reading of an SDK chain's segments before they are taken for a path (O365's resources). */
  chainSegments?(segments: readonly string[]): readonly string[];
  /** The auth flow a call names beyond `flows` (O365's `Account(…, auth_flow_type=…)`). */
  flowOf?(call: TsNode): [AuthFlow, string] | undefined;
}

/** A method of an SDK that makes a request: its HTTP method and what it adds to the path of its chain. */
export interface SdkAction {
  method: string;
  /** Segments after the chain's path; `itemPath`: the drive item addressed by a name below it (`root:/{name}:`). */
  segments: string[];
  itemPath?: boolean;
}

/** A C# property's initializer or expression body (the grammar's `value` field holds either: `= "…"` or `=> "…"`). */
function propertyValue(property: TsNode): TsNode | null {
  const value = property.childForFieldName('value');
  return value?.type === 'arrow_expression_clause' ? value.namedChildren[0] ?? null : value;
}

const CSHARP: LanguageRules = {
  language: 'csharp',
  call: 'invocation_expression',
  member(node) {
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'member_access_expression') return undefined;
    return { object: fn.childForFieldName('expression'), name: fn.childForFieldName('name')?.text ?? '', args: lazyArguments(node) };
  },
  step(node) {
    if (node.type === 'member_access_expression') return { kind: 'segment', name: node.childForFieldName('name')?.text ?? '', next: node.childForFieldName('expression') };
    if (node.type === 'element_access_expression') return { kind: 'id', next: node.childForFieldName('expression') };
    if (node.type === 'invocation_expression') {
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'member_access_expression') return undefined;
      const name = fn.childForFieldName('name')?.text ?? '';
      if (name === 'Request') return { kind: 'request', next: fn.childForFieldName('expression') };
      if (/^(Select|Expand|Filter|Top|OrderBy|Skip|Header|Count|Search|With[A-Z]\w*)$/.test(name)) return { kind: 'skip', next: fn.childForFieldName('expression') };
      if (/^By\w+Id$/.test(name)) return { kind: 'id', next: fn.childForFieldName('expression') };
      if (name === 'ItemWithPath') return { kind: 'item-path', next: fn.childForFieldName('expression') };
      const withParameters = kiotaParameterSegment(name, argumentsOf(node.childForFieldName('arguments')).length);
      if (withParameters) return { kind: 'segment', name: withParameters, next: fn.childForFieldName('expression') };
      // v4 actions and functions are methods before `.Request()`: `.SendMail(message, true)`, `.Delta()`, `.CreateUploadSession(item)`.
      return { kind: 'action', name, next: fn.childForFieldName('expression') };
    }
    // `_client?.Me`: a member reached when its object is not null (the grammar puts an `await` before it inside).
    if (node.type === 'conditional_access_expression') {
      const condition = node.childForFieldName('condition');
      const binding = node.namedChildren.find((child) => child?.type === 'member_binding_expression' || child?.type === 'element_binding_expression');
      const next = condition?.type === 'await_expression' ? condition.namedChild(0) : condition;
      if (binding?.type === 'element_binding_expression') return { kind: 'id', next };
      return binding ? { kind: 'segment', name: binding.childForFieldName('name')?.text ?? '', next } : undefined;
    }
    // `_client!.Me`: the null-forgiving operator changes nothing at run time.
    if (node.type === 'postfix_unary_expression' && node.text.endsWith('!')) return { kind: 'skip', next: node.namedChild(0) };
    if (node.type === 'identifier' || node.type === 'this_expression') return { kind: 'root', name: node.text };
    return undefined;
  },
  sdkVerbs: { GetAsync: 'GET', PostAsync: 'POST', PatchAsync: 'PATCH', PutAsync: 'PUT', DeleteAsync: 'DELETE', AddAsync: 'POST', UpdateAsync: 'PATCH' },
  httpVerbs: { GetAsync: 'GET', GetStringAsync: 'GET', GetStreamAsync: 'GET', GetByteArrayAsync: 'GET', GetFromJsonAsync: 'GET', PostAsync: 'POST', PostAsJsonAsync: 'POST', PutAsync: 'PUT', PutAsJsonAsync: 'PUT', PatchAsync: 'PATCH', DeleteAsync: 'DELETE' },
  strings: new Set(['string_literal', 'verbatim_string_literal', 'interpolated_string_expression', 'raw_string_literal']),
  declaration: {
    // Properties with an initializer or an expression body hold a value as fields do (`string Url { get; } = "…"`, `string Url => "…"`).
    types: ['variable_declarator', 'assignment_expression', 'property_declaration'],
    name: (node) => (node.type === 'assignment_expression' ? assignedField(node, 'this_expression') : node.type === 'property_declaration' ? node.childForFieldName('name')?.text : node.namedChildren.find((child) => child?.type === 'identifier')?.text),
    value: (node) => (node.type === 'assignment_expression' ? assignedValue(node) : node.type === 'property_declaration' ? propertyValue(node) : lastNamed(node)),
  },
  betaMarker: /using\s+Microsoft\.Graph\.Beta\b/,
  dead: { block: new Set(['block']), exits: new Set(['return_statement', 'throw_statement']), ifType: 'if_statement' },
  flows: [
    [/^(AcquireTokenForClient|GetAccessTokenForAppAsync)$/, 'application', 'client-credentials'],
    [/^(ClientSecretCredential|ClientCertificateCredential|ClientAssertionCredential)$/, 'application', 'client-credentials'],
    [/^ManagedIdentityCredential$/, 'application', 'managed-identity'],
    [/^(AcquireTokenOnBehalfOf|OnBehalfOfCredential|GetAccessTokenForUserAsync)$/, 'delegated', 'on-behalf-of'],
    [/^(AcquireTokenInteractive|AcquireTokenSilent|AcquireTokenByAuthorizationCode|InteractiveBrowserCredential|AuthorizationCodeCredential)$/, 'delegated', 'auth-code'],
    [/^(AcquireTokenWithDeviceCode|DeviceCodeCredential)$/, 'delegated', 'device-code'],
  ],
};

const PYTHON: LanguageRules = {
  language: 'python',
  call: 'call',
  member(node) {
    const fn = node.childForFieldName('function');
    if (fn?.type !== 'attribute') return undefined;
    return { object: fn.childForFieldName('object'), name: fn.childForFieldName('attribute')?.text ?? '', args: lazyArguments(node) };
  },
  step(node) {
    if (node.type === 'attribute') return { kind: 'segment', name: node.childForFieldName('attribute')?.text ?? '', next: node.childForFieldName('object') };
    if (node.type === 'call') {
      const fn = node.childForFieldName('function');
      if (fn?.type !== 'attribute') return undefined;
      const name = fn.childForFieldName('attribute')?.text ?? '';
      if (/^by_\w+_id$/.test(name)) return { kind: 'id', next: fn.childForFieldName('object') };
      // with_url(next_link): the same request builder for the next page, as C#'s WithUrl.
      if (name === 'with_url') return { kind: 'skip', next: fn.childForFieldName('object') };
      const withParameters = kiotaParameterSegment(name, argumentsOf(node.childForFieldName('arguments')).length);
      return withParameters ? { kind: 'segment', name: withParameters, next: fn.childForFieldName('object') } : undefined;
    }
    if (node.type === 'identifier') return { kind: 'root', name: node.text };
    return undefined;
  },
  sdkVerbs: { get: 'GET', post: 'POST', patch: 'PATCH', put: 'PUT', delete: 'DELETE' },
  httpVerbs: { get: 'GET', post: 'POST', patch: 'PATCH', put: 'PUT', delete: 'DELETE' },
  strings: new Set(['string', 'concatenated_string']),
  declaration: {
    types: ['assignment'],
    name: (node) => {
      const left = node.childForFieldName('left');
      return left?.type === 'identifier' || (left?.type === 'attribute' && left.childForFieldName('object')?.text === 'self') ? left.text : undefined;
    },
    value: (node) => node.childForFieldName('right'),
  },
  betaMarker: /\bmsgraph_beta\b/,
  dead: { block: new Set(['block', 'module']), exits: new Set(['return_statement', 'raise_statement']), ifType: 'if_statement' },
  flows: [
    [/^acquire_token_for_client$/, 'application', 'client-credentials'],
    [/^(ClientSecretCredential|CertificateCredential|ClientAssertionCredential)$/, 'application', 'client-credentials'],
    [/^ManagedIdentityCredential$/, 'application', 'managed-identity'],
    [/^(acquire_token_on_behalf_of|OnBehalfOfCredential)$/, 'delegated', 'on-behalf-of'],
    [/^(acquire_token_by_authorization_code|acquire_token_interactive|acquire_token_silent|initiate_auth_code_flow|acquire_token_by_auth_code_flow|InteractiveBrowserCredential|AuthorizationCodeCredential)$/, 'delegated', 'auth-code'],
    [/^(initiate_device_flow|acquire_token_by_device_flow|DeviceCodeCredential)$/, 'delegated', 'device-code'],
    [/^(acquire_token_by_username_password|UsernamePasswordCredential)$/, 'delegated', 'password'],
  ],
};

const JAVA: LanguageRules = {
  language: 'java',
  call: 'method_invocation',
  member(node) {
    const object = node.childForFieldName('object');
    if (!object) return undefined;
    return { object, name: node.childForFieldName('name')?.text ?? '', args: lazyArguments(node) };
  },
  step(node) {
    if (node.type === 'method_invocation') {
      const name = node.childForFieldName('name')?.text ?? '';
      const next = node.childForFieldName('object');
      const args = argumentsOf(node.childForFieldName('arguments'));
      // withUrl(nextLink): the same request builder for the next page, as C#'s WithUrl.
      if (/^(buildRequest|select|expand|filter|top|orderBy|skip|count|header|withUrl)$/.test(name)) return { kind: 'skip', next };
      // A request already made (`users().get(…).getValue().get(0)`): what it returns is no request builder.
      if (/^(get|post|patch|put|delete)$/.test(name)) return undefined;
      if (/^by\w+Id$/.test(name)) return { kind: 'id', next };
      if (name === 'itemWithPath') return { kind: 'item-path', next };
      const withParameters = kiotaParameterSegment(name, args.length);
      if (withParameters) return { kind: 'segment', name: withParameters, next };
      // v5 puts the key in a collection's call, users(id); an action takes a parameter set instead,
      // sendMail(UserSendMailParameterSet…) or copy(params), and is no collection.
      const keyed = args.length > 0 && /(s|children|people)$/.test(name) && !args.some((arg) => /ParameterSet\b/.test(arg.text));
      return { kind: 'segment', name, next, id: keyed };
    }
    if (node.type === 'field_access') return { kind: 'segment', name: node.childForFieldName('field')?.text ?? '', next: node.childForFieldName('object') };
    if (node.type === 'identifier' || node.type === 'this') return { kind: 'root', name: node.text };
    return undefined;
  },
  sdkVerbs: { get: 'GET', post: 'POST', patch: 'PATCH', put: 'PUT', delete: 'DELETE' },
  // Spring's RestTemplate (put and delete are the SDK's verbs too: a Graph URL argument decides).
  httpVerbs: { getForObject: 'GET', getForEntity: 'GET', postForObject: 'POST', postForEntity: 'POST', postForLocation: 'POST', patchForObject: 'PATCH' },
  strings: new Set(['string_literal']),
  declaration: {
    types: ['variable_declarator', 'assignment_expression'],
    name: (node) => (node.type === 'assignment_expression' ? assignedField(node, 'this') : node.childForFieldName('name')?.text),
    value: (node) => (node.type === 'assignment_expression' ? assignedValue(node) : node.childForFieldName('value')),
  },
  betaMarker: /import\s+com\.microsoft\.graph\.beta\./,
  dead: { block: new Set(['block']), exits: new Set(['return_statement', 'throw_statement']), ifType: 'if_statement' },
  flows: [
    [/^(ClientSecretCredentialBuilder|ClientCertificateCredentialBuilder|ClientCredentialParameters)$/, 'application', 'client-credentials'],
    [/^ManagedIdentityCredentialBuilder$/, 'application', 'managed-identity'],
    [/^(OnBehalfOfCredentialBuilder|OnBehalfOfParameters)$/, 'delegated', 'on-behalf-of'],
    [/^(InteractiveBrowserCredentialBuilder|AuthorizationCodeCredentialBuilder|AuthorizationCodeParameters|InteractiveRequestParameters)$/, 'delegated', 'auth-code'],
    [/^(DeviceCodeCredentialBuilder|DeviceCodeFlowParameters)$/, 'delegated', 'device-code'],
  ],
};

const RULES: Record<TreeLanguage, LanguageRules> = { csharp: CSHARP, python: PYTHON, java: JAVA };
const OFFICE365_PYTHON = office365Rules(PYTHON);
const O365_PYTHON = o365Rules(PYTHON);

const SCOPE_CONTEXT = /scope|AcquireToken|acquire_token|GraphServiceClient|Credential|AuthenticationProvider/i;
/** MSAL for Java's token request parameters, whose builders take the scopes first. */
const MSAL_PARAMETERS = /^(Silent|AuthorizationCode|ClientCredential|InteractiveRequest|DeviceCodeFlow|OnBehalfOf|UserNamePassword|IntegratedWindowsAuthentication|RefreshToken)Parameters$/;
/** How any scope-like string literal ends in source: a capitalised dotted name or `.default`, then its quote. */
const SCOPE_LITERAL = /[A-Z][A-Za-z]*(\.[A-Za-z-]+)+["'`]|\.default["'`]/;

/**
 * A string constant another module (Python: the module as the import names it, `app_config`, `..pkg.mod`) or class
 * (C#, Java: `GraphConstants`) of the tree defines, by the constant's name; undefined when unknown.
 */
export type ModuleConstantResolver = (fromFile: string, module: string, name: string) => string | undefined;
/**
 * A request helper another module (Python: `from graph_helper import graph_get`) or class (C#, Java) of the tree
 * defines; `declares` says cheaply whether the tree has a file for a class at all.
 */
export interface ModuleHelperResolver {
  (fromFile: string, module: string, name: string): TreeHelper | undefined;
  declares?(fromFile: string, className: string): boolean;
}

export function extractTreeLanguage(file: SourceFile, language: TreeLanguage, parser: Parser, choice: ExtractorChoice = {}, resolveConstant?: ModuleConstantResolver, resolveHelper?: ModuleHelperResolver): CodeGraphFacts {
  const facts = emptyCodeFacts();
  // A file calling Graph through office365-rest-python-client or O365 reads that library's shapes too.
  const rules = language !== 'python' ? RULES[language] : OFFICE365_GRAPH_IMPORT.test(file.text) ? OFFICE365_PYTHON : O365_IMPORT.test(file.text) ? O365_PYTHON : PYTHON;
  const tree = parser.parse(file.text);
  if (!tree) {
    facts.parseError = { message: 'the parser gave up' };
    return facts;
  }
  const root = tree.rootNode;
  // Scope names are strings ending in `.Name` (User.Read, …/Mail.Send) or `.default`: a file without such a
  // literal needs none of its strings, which are most of the nodes a traversal would copy out.
  const mayHoldScopes = SCOPE_LITERAL.test(file.text);
  // Member accesses are many; they are read only for `….Request().RequestUrl` (C# SDK v4).
  const handsOutRequestUrls = language === 'csharp' && file.text.includes('.RequestUrl');
  const pythonImports = language === 'python' && resolveConstant ? ['import_statement', 'import_from_statement'] : [];
  const typedClients = language === 'csharp' && file.text.includes('HttpClient ') ? ['constructor_declaration'] : [];
  const springValues = language === 'java' && file.text.includes('@Value') ? ['field_declaration', 'formal_parameter'] : [];
  // msgraph-core's GraphClient (before its 1.0) prefixes a path starting with `/` with its Graph base URL.
  const msgraphCore = language === 'python' && MSGRAPH_CORE_IMPORT.test(file.text);
  const clientsWithBase = language === 'python' && (msgraphCore || file.text.includes('base_url')) ? ['as_pattern', ...(msgraphCore ? ['typed_parameter', 'typed_default_parameter'] : [])] : [];
  // Spring clients built with a base URL in a @Bean method or handed over by another constructor (`this(…)`).
  const springClients = language === 'java' && /\b(WebClient|RestClient)\b/.test(file.text) ? ['method_declaration', 'explicit_constructor_invocation'] : [];
  const boundOptions = language === 'csharp' && (/\bIOptions(Monitor|Snapshot)?</.test(file.text) || OPTIONS_DECLARATION.test(file.text)) ? ['parameter'] : [];
  // Parameters typed with a class of the tree (`Run(IGraphService graph)`) may receive its request helpers: read them too.
  /** Whether the tree declares a class of this name, or the class an interface name (`IGraphService`) stands for. */
  const declares = (type: string) => Boolean(resolveHelper?.declares?.(file.path, type) || (/^I[A-Z]/.test(type) && resolveHelper?.declares?.(file.path, type.slice(1))));
  const typedParameters = language !== 'python' && !boundOptions.length && resolveHelper?.declares && takesTreeClass(file.text, declares) ? [language === 'java' ? 'formal_parameter' : 'parameter'] : [];
  // URL builders other files call: C# and Java static methods (`GraphApiHelper.GetWorkbookSearchUrl(fields)`), Python
  // module functions (`endpoints.user_url(uid)`).
  const urlBuilders = RETURNS_STRING_LIKE.test(file.text) && (language === 'python' ? mayBuildUrlsInModule(file.text) : mayBuildUrlsStatically(file.text)) ? [FUNCTION_DEFINITION[language]] : [];
  const nodes = indexNodes(root, [rules.call, ...(mayHoldScopes ? rules.strings : []), ...(handsOutRequestUrls ? ['member_access_expression'] : []), ...rules.declaration.types, ...rules.dead.block, rules.dead.ifType, 'object_creation_expression', 'method_invocation', ...pythonImports, ...typedClients, ...springValues, ...clientsWithBase, ...springClients, ...boundOptions, ...typedParameters, ...urlBuilders, ...(choice.graphOnly ? [] : [...CONNECTIVITY_NODE_TYPES, ...PATTERN_NODE_TYPES])]);
  const constants = declarators(nodes(...rules.declaration.types), rules.declaration);
  const environment: EnvironmentLookup = (name, options) => environmentUrl(choice.environment, file.path, name, options);
  // Clients whose base URL the file sets to Graph's beta endpoint after creating them.
  const betaClients = betaBaseUrlClients(file.text);
  // Graph clients under any name, by their declared type (`GraphServiceClient api`, `api: GraphServiceClient`).
  const graphTypedNames = graphClientsByType(file.text);
  // Whether any credential may be for the token-exchange audience (see federationAssertion): looked up once, not per call.
  const exchangesTokens = file.text.includes(TOKEN_EXCHANGE);
  /** The client each SDK call is made on, for files using more than one flow (see clientFlow). */
  const sdkRoots = new Map<CodeGraphFacts['calls'][number], { root: string; at: TsNode }>();
  /** Parameters standing for a marker while a request helper's URL is read (see registerHelper). */
  const bindings = new Map<string, string>();
  /** Functions of this file returning one expression, by name (see urlReturnedBy). */
  const returning = new Map<string, { params: string[]; defaults: (string | undefined)[]; expression: TsNode } | null>();
  /** This file's request helpers by name, and their parameters. */
  const helpers = new Map<string, TreeHelper>();
  const injected = springValues.length ? injectedValueOf(nodes, environment) : undefined;
  // A class's constant read by another class (`GraphConstants.BaseUrl`): this file's, else the tree's (the resolver, by class and member).
  let classConstant: ((node: TsNode) => string | undefined) | undefined;
  const pythonBindings = pythonImports.length ? pythonImportBindings(nodes) : undefined;
  const fromImports = pythonBindings ? importedConstantOf(file.path, pythonBindings, resolveConstant!) : undefined;
  // What evaluation cannot read in the file itself: a URL a function of the file returns, another module's or class's constant.
  // Spring configuration read through a @ConfigurationProperties type's accessors (`applicationProperties.msGraph().baseUrl()`).
  const springProperty = language === 'java' && hasSpringPropertyTypes(choice.environment) ? springPropertyValueOf(file.text, environment) : undefined;
  const importedConstant = (node: TsNode) => (isCall(node) ? (urlReturnedBy(node) ?? classUrlReturnedBy(node) ?? springProperty?.(node)) : fromImports ? fromImports(node) : language !== 'python' ? (injected?.(node) ?? classConstant?.(node) ?? optionValue?.(node)) : undefined);
  /** The declared type of each field, variable and (where read) parameter of a C# or Java file. */
  const declared = language !== 'python' && (boundOptions.length || resolveHelper?.declares) ? declaredTypes(nodes('variable_declarator'), nodes('parameter', 'formal_parameter')) : undefined;
  // A property of options bound from configuration (`_settings.BaseUrl` of an IOptions<GraphSettings>).
  const optionValue = boundOptions.length ? boundOptionValueOf(declared!, constants, environment, (type, property) => resolveConstant?.(file.path, type, property)) : undefined;
  const evaluate = (node: TsNode | null | undefined, depth = 0): string | undefined => evaluateString(node, rules, constants, environment, depth, bindings, importedConstant);
  const where = (node: TsNode) => ({ file: file.path, line: node.startPosition.row + 1, column: node.startPosition.column + 1 });
  try {
    if (root.hasError && !nodes(rules.call).length) {
      facts.parseError = { message: 'syntax errors throughout the file', line: firstError(root) };
      return facts;
    }
    const isDead = unreachableTest(nodes, rules);
    /**
     * A Graph client handed to a class the tree does not declare (`new OneDriveConnector(graphClient)`, a library's
     * connector): that class makes Graph calls m365cert cannot see, which is said rather than passed over in silence.
     */
    const clientNames = language === 'python' ? undefined : graphClientNames(file.text, graphTypedNames);
    const clientHandedOver = (creation: TsNode, type: string) => {
      if (!clientNames || !resolveHelper?.declares) return;
      const client = argumentsOf(creation.childForFieldName('arguments')).find((argument) => clientNames.has(argument.text.replace(/^this\./, '')));
      const name = type.replace(/<.*>$/, '').split('.').pop()!;
      if (!client || !/^\w+$/.test(name) || GRAPH_SDK_TYPES.test(name) || NOT_A_CONSUMER.test(name) || declares(name) || isDead(creation)) return;
      if (new RegExp(`\\b(class|record|interface)\\s+${name}\\b`).test(file.text)) return;
      facts.unresolved.push({ via: `${language}-sdk`, reason: `the Graph client ${client.text} is handed to ${name}, which the scanned tree does not declare: the Graph calls it makes are not seen`, source: where(creation) });
    };
    // What a module importing this one may read (`app_config.ENDPOINT`): its module-level string constants.
    if (language === 'python') for (const [name, value] of moduleConstants(nodes('assignment'), evaluate)) facts.exportedConstants.set(name, value);
    // What other classes may read (`GraphConstants.BaseUrl`): the class constants of this file.
    if (language !== 'python' && MAY_DECLARE_CONSTANTS.test(file.text)) for (const [name, value] of classConstants(nodes('variable_declarator'), evaluate)) facts.exportedConstants.set(name, value);
    if (urlBuilders.length) for (const method of nodes(FUNCTION_DEFINITION[language])) exportStaticUrlBuilder(method);
    // And what options read from configuration default to (`public string ApiUrl { get; set; } = "…"`), by `Class.Property`.
    if (language === 'csharp') for (const [name, value] of optionDefaults(nodes('property_declaration'), evaluate)) if (!facts.exportedConstants.has(name)) facts.exportedConstants.set(name, value);
    classConstant = (node) => {
      const [owner, member] = qualifiedMember(node);
      if (!owner || !member) return undefined;
      return facts.exportedConstants.get(`${owner}.${member}`) ?? resolveConstant?.(file.path, owner, member);
    };
    const clients = language === 'csharp' && file.text.includes('BaseAddress') ? clientBaseAddresses(nodes('assignment_expression'), evaluate) : undefined;
    const baseAddresses = clients?.holders;
    const baseUrls = clientsWithBase.length ? pythonClientBases(constants, nodes('as_pattern'), msgraphCore, msgraphCore ? nodes('typed_parameter', 'typed_default_parameter') : [], evaluate) : undefined;
    if (clients?.registrations.length) facts.clientBases = clients.registrations;
    if (springClients.length) {
      const beans = springBeanBases(nodes('method_declaration'), (node) => baseUrlOf(node));
      if (beans.length) facts.clientBases = [...(facts.clientBases ?? []), ...beans];
    }
    // Clients handed out by the factory or injected into a typed client: their base is registered elsewhere.
    const registeredClients = language === 'csharp' && file.text.includes('HttpClient') ? clientIdentities(constants, file.text.includes('HttpClient ') ? nodes('constructor_declaration') : [], evaluate) : undefined;
    /**
     * A relative URL requested through a C# HttpClient with a base address: resolved against the base of the
     * client it is sent with, or, for a request message sent elsewhere, the file's only one.
     */
    const onlyBase = baseAddresses && new Set(baseAddresses.values()).size === 1 ? [...baseAddresses.values()][0] : undefined;
    const withBaseAddress = (url: string | undefined, client: TsNode | null, at: TsNode): string | undefined => {
      if (url === undefined || !baseAddresses?.size || isAbsoluteUrl(url)) return url;
      const base = client ? baseAddresses.get(client.text.replace(/^this\./, '')) : onlyBase;
      if (base === undefined) return url;
      const resolved = resolveReference(base, url);
      // `https://graph.microsoft.com/v1.0` + `me` loses the version: the request fails at run time; say why.
      const version = /^https?:\/\/[^/]+\/(v1\.0|beta)(\/|$)/i;
      if (version.test(base) && !version.test(resolved) && parseGraphUrl(base)?.host) {
        facts.unresolved.push({ via: 'csharp-http', reason: `${url} resolved against the base address ${base} is ${resolved}, without the API version (the base address needs a trailing slash)`, source: where(at) });
        return undefined;
      }
      return resolved;
    };
    // A Graph URL handed to unknown code needs a Graph host, written out or from the app's configuration.
    const mentionsGraphHost = MENTIONS_GRAPH_HOST.test(file.text) || configuresGraph(choice.environment);
    const beta = rules.betaMarker.test(file.text);
    /** The file uses the Graph SDK itself (its namespace or package), not another Kiota-generated client. */
    const usesGraphSdk = language === 'csharp' ? /\bMicrosoft\.Graph\b/.test(file.text) : language === 'java' ? /\bcom\.microsoft\.graph\b/.test(file.text) : /\bmsgraph(_beta)?\b/.test(file.text);

    for (const call of nodes(rules.call)) {
      if (isDead(call)) continue;
      const member = rules.member(call);
      const calleeName = member?.name ?? call.childForFieldName('function')?.text ?? '';
      // MSAL Python's silent lookup with no account is the app's own token (a daemon's cache), no user flow.
      const appCacheLookup = calleeName === 'acquire_token_silent' && /\baccount\s*=\s*None\b/.test(call.text);
      // MSAL for Java builds its token requests: `AuthorizationCodeParameters.builder(code, uri)` names the flow by its class.
      const builtClass = language === 'java' && calleeName === 'builder' && member?.object?.type === 'identifier' ? member.object.text : undefined;
      if (!appCacheLookup) for (const [pattern, flow, kind] of rules.flows) if (pattern.test(builtClass ?? calleeName) && !federationAssertion(call)) facts.flows.push({ flow, kind, source: where(call) });
      const namedFlow = rules.flowOf?.(call);
      if (namedFlow) facts.flows.push({ flow: namedFlow[0], kind: namedFlow[1], source: where(call) });
      if (!member) continue;
      if (language === 'csharp' && DOWNSTREAM_API.test(member.name)) {
        downstreamApiCall(call, member.name);
        continue;
      }
      const action = rules.actions && Object.hasOwn(rules.actions, member.name) ? rules.actions[member.name]! : undefined;
      if (action) {
        for (const { path, version } of sdkTargets(member.object)) addCall(call, action.method, actionPath(path, action), version ?? (beta ? 'beta' : undefined), rules.sdkVia ?? 'sdk', 'high');
        continue;
      }
      if (rules.sends?.test(member.name)) {
        unmappedRequest(member.object, call);
        continue;
      }
      const verb = verbOf(rules.sdkVerbs, member.name) ?? kiotaVerb(member.name);
      const httpMethod = verbOf(rules.httpVerbs, member.name);
      // Neither an SDK verb nor an HTTP method: a request only when it is handed a Graph URL.
      if (!verb && !httpMethod && member.name !== 'request') {
        const method = mentionsGraphHost ? methodOfUnknownRequest(member.name.replace(/<.*>$/, '')) : undefined;
        if (method) graphUrlHandedOver(call, method, member.args()[0]);
        continue;
      }
      const args = member.args();
      // requests.request("PATCH", url): the method comes first, the URL second.
      const generic = member.name === 'request' && args.length >= 2;
      const urlArgument = args[generic ? 1 : 0];
      // A variable given its URL in the arms of an `if` may hold any of them at the request: each is a URL.
      // RestTemplate fills a URL's `{name}` variables with the arguments after the response type, in order.
      const uriVariables = language === 'java' && httpMethod ? args.slice(/^get/.test(member.name) ? 2 : 3) : [];
      const urls = (urlArgument ? urlValues(firstValue(urlArgument)) : [undefined]).map((given) => (baseUrls ? withBaseUrl(given, baseUrls.get(member.object?.text ?? '')) : language === 'java' ? javaClientUrl(uriVariables.length ? withUriVariables(given, uriVariables) : given, member.object) : withBaseAddress(given, member.object, call)));
      const url = urls[0];
      const httpVerb = generic ? evaluate(firstValue(args[0]!))?.toUpperCase() : httpMethod;
      // Only a URL whose root is unknown may be a helper's (its root a parameter).
      if ((httpMethod || generic) && urlArgument && (url === undefined || ROOT_UNKNOWN.test(url)) && registerHelper(call, urlArgument, httpVerb ?? 'GET')) continue;
      const targets = urls.map((each) => (each ? parseGraphUrl(each) : undefined)).filter((target) => target?.host && target.host !== PLACEHOLDER);
      if (targets.length && (httpVerb || verb)) {
        for (const target of targets) {
          // JSON batching: each inner request of the body is a call; the batch itself is none.
          if (isBatchPath(target!.path)) batchRequests(call, args, target!.version);
          else addCall(call, (httpVerb ?? verb)!, target!.path, target!.version, 'http', 'high', { ...queryOptions(target!.query), ...keywordQuery(args), ...subscription((httpVerb ?? verb)!, target!.path, args.slice(1), call) });
        }
        continue;
      }
      // A relative URL through a client whose base another file registers: resolved once every file is read.
      const client = httpVerb && url !== undefined && !isAbsoluteUrl(url) && member.object ? registeredClients?.get(member.object.text.replace(/^this\./, '')) : undefined;
      if (client && !baseAddresses?.has(member.object!.text.replace(/^this\./, ''))) (facts.clientRequests ??= []).push({ client, method: httpVerb!, url: url!, source: where(call) });
      // A string argument marks a dictionary's get('key') or a set's add('x'), no SDK request (unless the SDK's verb
      // takes a name: see verbsTakingNames).
      if (!verb || (!rules.verbsTakingNames?.has(member.name) && args.some((arg) => stringValue(arg, rules)))) continue;
      const flow = language === 'csharp' ? requestFlow(call) : undefined;
      const chains = sdkTargets(member.object);
      for (const { path, version, root } of chains) {
        const added = addCall(call, verb, path, version ?? (beta ? 'beta' : undefined), rules.sdkVia ?? 'sdk', 'high', { ...sdkSelection(call), ...(flow ? { flow } : {}), ...(verb === 'POST' && SEARCH_QUERY_PATH.test(path) ? { searchEntities: sdkSearchEntities(args[0]) } : {}), ...subscription(verb, path, args.slice(0, 1), call) });
        if (added && !flow) sdkRoots.set(added, { root, at: call });
      }
      // The Graph SDK's request on a builder another part of the app hands out (`mailbox = client.get_user_context(id)`,
      // then `mailbox.events.get(request_configuration=…)`): a Graph request whose path m365cert cannot follow.
      if (!chains.length && member.object && usesGraphSdk && unfollowedSdkRequest(member.object, member.name, args, call)) {
        facts.unresolved.push({ via: `${language}-sdk`, reason: `an SDK request on ${member.object.text.replace(/\s+/g, '')} whose client or root m365cert cannot follow`, source: where(call) });
      }
    }

    // `….Request().RequestUrl` (SDK v4): the URL of a Graph request that other code sends, with a method it alone knows.
    if (handsOutRequestUrls) {
      for (const access of nodes('member_access_expression')) {
        if (access.childForFieldName('name')?.text !== 'RequestUrl' || isDead(access)) continue;
        for (const path of sdkPaths(access.childForFieldName('expression'))) facts.unresolved.push({ via: 'csharp-sdk', reason: `the request URL of ${path} is sent by other code, with a method only that code knows`, source: where(access) });
      }
    }

    // HttpRequestMessage(HttpMethod.Post, url) in C#.
    if (language === 'csharp') {
      for (const creation of nodes('object_creation_expression')) {
        const type = creation.childForFieldName('type')?.text ?? '';
        for (const [pattern, flow, kind] of rules.flows) if (pattern.test(type)) facts.flows.push({ flow, kind, source: where(creation) });
        clientHandedOver(creation, type);
        if (/RequestBuilder$/.test(type) && !isDead(creation)) {
          // new MessageItemRequestBuilder(url, adapter): a request builder for a URL, often one from a notification.
          const url = evaluate(firstValue(argumentsOf(creation.childForFieldName('arguments'))[0] ?? creation));
          const target = url ? parseGraphUrl(url) : undefined;
          if (target?.host && /[a-z]/i.test(target.path.replace(/\{id\}/g, ''))) addCall(creation, 'GET', target.path, target.version, 'sdk-builder', 'medium');
          else if (target?.host) facts.unresolved.push({ via: `${language}-sdk-builder`, reason: `${type} created for a URL known only at run time (${url})`, source: where(creation) });
          continue;
        }
        if (!/^(System\.Net\.Http\.)?HttpRequestMessage$/.test(type) || isDead(creation)) continue;
        const args = argumentsOf(creation.childForFieldName('arguments'));
        // Or set in an object initializer: `new HttpRequestMessage { Method = HttpMethod.Delete, RequestUri = new Uri(url) }`
        // (a request is a GET unless its method is set).
        const urlNode = args[1] ?? initializedMember(creation, 'RequestUri');
        const method = /HttpMethod\.(\w+)/.exec(args[0]?.text ?? initializedMember(creation, 'Method')?.text ?? 'HttpMethod.Get')?.[1]?.toUpperCase();
        const givenUrls = urlNode ? urlValues(firstValue(urlNode)) : [];
        // A URL from the method's own parameter (`new HttpRequestMessage(HttpMethod.Get, itemsUrl)`): the method is a
        // request helper, and the URLs its callers pass are the calls.
        if (urlNode && method && givenUrls.every((given) => given === undefined || ROOT_UNKNOWN.test(given)) && registerHelper(creation, urlNode, method, true)) continue;
        for (const given of givenUrls) {
          const url = withBaseAddress(given, null, creation);
          const target = url ? parseGraphUrl(url) : undefined;
          if (method && target?.host) addCall(creation, method, target.path, target.version, 'http', 'high');
        }
      }
    }
    if (language === 'java') {
      for (const creation of nodes('object_creation_expression')) {
        const type = creation.childForFieldName('type')?.text ?? '';
        for (const [pattern, flow, kind] of rules.flows) if (pattern.test(type)) facts.flows.push({ flow, kind, source: where(creation) });
        clientHandedOver(creation, type);
        if ((type === 'URL' || type === 'java.net.URL') && !isDead(creation)) urlConnection(creation);
      }
      for (const call of nodes('method_invocation')) {
        if (call.childForFieldName('name')?.text === 'uri' && !isDead(call)) {
          webClientRequest(call);
          continue;
        }
        // java.net.http: HttpRequest.newBuilder(URI.create(url)) … .GET() / .POST(…)
        if (call.childForFieldName('name')?.text !== 'create' || call.childForFieldName('object')?.text !== 'URI') continue;
        const statement = enclosingStatement(call);
        const method = /\.(GET|POST|PUT|DELETE)\s*\(/.exec(statement?.text ?? '')?.[1] ?? (/method\(\s*"(PATCH)"/.exec(statement?.text ?? '')?.[1] ?? 'GET');
        const urlArgument = argumentsOf(call.childForFieldName('arguments'))[0];
        if (urlArgument && !isDead(call)) for (const url of urlValues(firstValue(urlArgument))) requestTo(call, url, method, 'http', 'medium', { argument: urlArgument, requests: false });
      }
    }

    // Calls of request helpers, this file's or another's: the URL their arguments give.
    // Only names of a type the tree declares, and calls on a class name, can reach another class's helper.
    const typeOf = declared && resolveHelper?.declares ? new Map([...declared].map(([name, type]) => [name, type.replace(/<.*>$/, '')] as const).filter(([, type]) => /^[A-Z]/.test(type) && declares(type))) : undefined;
    const classCalls = typeOf && (typeOf.size > 0 || STATIC_CALL.test(file.text)) ? typeOf : undefined;
    /** The request helper a call calls: this file's, or another module's or class's. */
    const helperAt = (call: TsNode): { helper: TreeHelper; name: string } | undefined => {
      const name = calledName(call);
      const local = name ? helpers.get(name) : undefined;
      if (local) return { helper: local, name: name! };
      return pythonBindings && resolveHelper ? importedHelper(call, pythonBindings, resolveHelper) : classCalls ? classHelper(call, classCalls, resolveHelper!, declares) : undefined;
    };
    if (helpers.size || (pythonBindings?.size && resolveHelper) || classCalls) {
      const calls = nodes(rules.call).filter((call) => !isDead(call));
      // A function passing its own parameter as a helper's URL is a helper in turn (chains of private methods):
      // found to a fixed point first, so a caller above its callee in the file is seen too. Its calls are the calls.
      const chained = new Set<TsNode>();
      for (let round = 0, added = true; added && round < 6; round++) {
        added = false;
        for (const call of calls) {
          const found = chained.has(call) ? undefined : helperAt(call);
          if (found && chainHelper(call, found.helper)) {
            chained.add(call);
            added = true;
          }
        }
      }
      for (const call of calls) {
        const found = chained.has(call) ? undefined : helperAt(call);
        if (found) helperCall(call, found.name, found.helper);
      }
    }
    // A file's own request helpers (those chaining to another included), for the files calling them: a Python module's
    // by name, a class's by `Class.Method`.
    if (helpers.size) facts.exportedWrappers = new Map([...helpers].flatMap(([name, helper]) => (language === 'python' ? (helper.selfFirst ? [] : [[name, helper]]) : helper.owner ? [[`${helper.owner}.${name}`, helper]] : []) as [string, TreeHelper][]));

    // A file holding a user's client and the app's own (`_userClient` on a device-code credential, `_appClient` on a
    // client secret, as Graph's tutorials do): each SDK call takes the flow of the credential its client is built on.
    if (new Set(facts.flows.filter((flow) => !flow.perCall).map((flow) => flow.flow)).size > 1) {
      // Once per client and function: a file may make thousands of calls on one client.
      const known = new Map<string, AuthFlow | undefined>();
      for (const [graphCall, { root, at }] of sdkRoots) {
        const scope = functionAround(at);
        const key = `${root}@${scope?.startIndex ?? -1}`;
        if (!known.has(key)) known.set(key, clientFlow(root, at));
        const flow = known.get(key);
        if (flow) graphCall.flow = flow;
      }
    }

    for (const literal of nodes(...rules.strings)) {
      const value = stringValue(literal, rules);
      if (!value || !isScopeLike(withoutGraphHost(value))) continue;
      let context: TsNode | null = literal.parent;
      for (let depth = 0; context && depth < 6; depth++, context = context.parent) {
        // C#'s declarator names its variable without a field: `string[] GraphScopes = [ "User.Read" ]`.
        const declared = context.type === 'variable_declarator' ? context.namedChildren.find((child) => child?.type === 'identifier')?.text : undefined;
        const name = context.childForFieldName('name')?.text ?? declared ?? context.childForFieldName('function')?.text ?? context.childForFieldName('left')?.text ?? context.childForFieldName('type')?.text ?? '';
        // Java's `SilentParameters.builder(Collections.singleton(scope), account)`: the class says what `builder` builds.
        const receiver = context.type === 'method_invocation' ? context.childForFieldName('object') : null;
        if (SCOPE_CONTEXT.test(name) || (receiver?.type === 'identifier' && MSAL_PARAMETERS.test(receiver.text))) {
          facts.scopes.push({ name: value, source: where(literal) });
          break;
        }
      }
    }
    if (!choice.graphOnly) {
      treeConnectivity(nodes, { language, evaluate, where, isDead }, facts.connectivity);
      treePatterns(nodes, language, file.text, where, isDead, facts.patterns);
    }
  } finally {
    tree.delete();
  }
  return facts;

  /**
   * The entity types an SDK search request body asks for: `new QueryPostRequestBody { Requests = … EntityTypes = new
   * List<EntityType?> { EntityType.ExternalItem } … }` (C#), `entity_types=[EntityType.ExternalItem]` (Python),
   * `setEntityTypes(List.of(EntityType.ExternalItem))` (Java) — the body as written or where the name holding it was
   * given it. Undefined when it names none (built at run time).
   */
  function sdkSearchEntities(body: TsNode | undefined): string[] | undefined {
    const value = body?.type === 'argument' ? body.namedChildren[0] : body;
    const written = value?.type === 'identifier' ? valueAt(constants, value) : value;
    const types = [...new Set([...(written?.text ?? '').matchAll(/\bEntityType\.(\w+)/g)].map((match) => match[1]!.replace(/_(\w)/g, (_, letter: string) => letter.toUpperCase()).replace(/^\w/, (letter) => letter.toLowerCase())))];
    return types.length ? types : undefined;
  }

  /**
   * `POST /subscriptions`: the resource its body subscribes to, written in the body (a dict, an object initializer,
   * JSON), in the variable's value, or set on the variable in the same function (`subscription.setResource("…")`).
   */
  function subscription(method: string, path: string, body: readonly TsNode[], call: TsNode): { subscribedResource?: string } {
    if (method !== 'POST' || !SUBSCRIPTIONS_PATH.test(path)) return {};
    for (const argument of body) {
      const value = firstValue(argument);
      const written = value.type === 'identifier' ? valueAt(constants, value) : value;
      const direct = written ? subscribedResourceIn(written.text) : undefined;
      if (direct) return { subscribedResource: direct };
      if (value.type !== 'identifier') continue;
      const scope = functionAround(call);
      const set = new RegExp(`\\b${escapeRegExp(value.text)}\\s*\\.\\s*(?:setResource\\(\\s*|[Rr]esource\\s*=\\s*)"([^"\\n]+)"\\s*[);]`).exec(scope?.text ?? '');
      if (set) return { subscribedResource: set[1]! };
    }
    return {};
  }

  /** Records a call; returns it, or undefined when the path is no call (the root, a scope name). */
  function addCall(node: TsNode, method: string, path: string, version: string | undefined, via: string, confidence: Confidence, options: { select?: string[]; expand?: string[]; flow?: AuthFlow; searchEntities?: string[]; subscribedResource?: string } = {}): CodeGraphFacts['calls'][number] | undefined {
    if (path === '/' || isScopeLike(path.slice(1))) return undefined;
    facts.calls.push({
      method, path, apiVersion: version === 'beta' ? 'beta' : 'v1.0', via: `${language}-${via}`, confidence,
      source: where(node),
      ...(options.select?.length ? { select: options.select } : {}),
      ...(options.expand?.length ? { expand: options.expand } : {}),
      ...(options.flow ? { flow: options.flow } : {}),
      ...(options.searchEntities ? { searchEntities: options.searchEntities } : {}),
      ...(options.subscribedResource ? { subscribedResource: options.subscribedResource } : {}),
    });
    return facts.calls.at(-1);
  }

  /**
   * A request whose URL's root a parameter of the enclosing function gives (`def graph_get(path): return
   * requests.get(GRAPH + path)`) makes the function a request helper: its calls, not this one, are the calls.
   * `requests`: the call surely requests (`new URL(url)` opened); otherwise a URL without Graph's host written
   * out needs a known HTTP client as receiver.
   */
  function registerHelper(call: TsNode, urlArgument: TsNode, method: string, requests = false, confidence: Confidence = 'high', base?: string): boolean {
    // A keyword argument other than url is a body or a parameter (`.post(body=body)` of an SDK chain), not the URL.
    if (urlArgument.type === 'keyword_argument' && urlArgument.childForFieldName('name')?.text !== 'url') return false;
    const owner = definitionAround(call);
    if (!owner) return false;
    const { fn, name, params, selfFirst } = owner;
    const given = withParameterMarkers(params, () => evaluate(firstValue(urlArgument)));
    // A client built with a base URL joins it to the path the parameter gives (Spring's WebClient/RestClient).
    const marked = base !== undefined ? withBaseUrl(given, base) : given;
    if (marked === undefined) return false;
    const template = markedTemplate(marked);
    if (!suppliesRoot(template) || !mayReachGraph(template)) return false;
    // Without Graph's host written out, only a known HTTP client's request is one (any call may take a parameter).
    if (!requests && !/^https?:\/\/[^/{\u0001]+/i.test(marked) && !HTTP_CLIENT_RECEIVER.test(rules.member(call)?.object?.text ?? (call.type === 'method_invocation' ? 'URI' : ''))) return false;
    const ownerName = language === 'python' ? undefined : ownerOf(fn);
    helpers.set(name, { template, method, via: 'http', graphRelative: false, params, selfFirst, ...(ownerName ? { owner: ownerName } : {}), confidence });
    return true;
  }

  /**
   * A call of code m365cert does not know (`_graphApiService.RetrieveData(url, token)`) whose first argument is
   * a Graph URL: the request that code makes, with the verb its name suggests (see methodOfUnknownRequest), of
   * medium confidence. Anything else passed first (a name, a body, a run-time URL) is no evidence of a request.
   */
  function graphUrlHandedOver(call: TsNode, method: string, argument: TsNode | undefined) {
    if (!argument) return;
    const value = firstValue(argument);
    if (!/^(identifier|member_access_expression|field_access|attribute|binary_expression|binary_operator|parenthesized_expression|element_access_expression|invocation_expression|call)$/.test(value.type) && !rules.strings.has(value.type)) return;
    // `RetrieveData(url, token)` inside a method whose parameter gives the URL: that method is a request helper.
    requestTo(call, evaluate(value), method, 'http', 'medium', { argument, requests: true });
  }

  /**
   * A request to the URL a call's argument gives: a request helper when a parameter of the enclosing function
   * gives the URL's root (`helper`: the argument, and whether the call surely requests; none where the shape
   * makes no helper), the URL after Graph's base known only at run time reported, a Graph call added; a URL of
   * any other host ignored.
   */
  function requestTo(call: TsNode, url: string | undefined, method: string, via: string, confidence: Confidence, helper?: { argument: TsNode; requests: boolean }) {
    if (helper && (url === undefined || ROOT_UNKNOWN.test(url)) && registerHelper(call, helper.argument, method, helper.requests, confidence)) return;
    const target = url ? parseGraphUrl(url) : undefined;
    if (!url || !target?.host || target.host === PLACEHOLDER) return;
    if (ROOT_UNKNOWN.test(url)) facts.unresolved.push({ via: `${language}-${via}`, reason: 'the URL after the Graph base is computed at run time', source: where(call) });
    else addCall(call, method, target.path, target.version, via, confidence, queryOptions(target.query));
  }

  /**
   * Makes the function around a call of a helper a helper in turn when its own parameter gives the URL's root
   * there (`GetGraphUsers(string url)` calling `RetrieveAndAddGraphUsers(list, url)`); false otherwise.
   */
  function chainHelper(call: TsNode, helper: TreeHelper): boolean {
    const owner = definitionAround(call);
    if (!owner || helpers.has(owner.name)) return false;
    const { fn, name, params, selfFirst } = owner;
    const values = withParameterMarkers(params, () => helperArguments(call, helper));
    const template = markedTemplate(templateText(fillTemplate(helper.template, values)));
    if (!suppliesRoot(template) || !mayReachGraph(template)) return false;
    helpers.set(name, { ...helper, template, params, selfFirst, owner: helper.owner && ownerOf(fn) });
    return true;
  }

  /**
   * Spring's WebClient (and RestClient): `webClient.get().uri(url)…retrieve()`, `.post().uri(…)`,
   * `.method(HttpMethod.PATCH).uri(…)`, as Spring Cloud Azure's samples call Graph. A `baseUrl(…)` the client was
   * built with, in the chain or where the field holding it was assigned, is joined to the path as Spring does
   * (appended, not resolved); `uri(builder -> …)` builds the URL at run time.
   */
  function webClientRequest(call: TsNode) {
    const object = call.childForFieldName('object');
    // `var request = client.get(); request.uri(location)`: the verb call kept in a local variable.
    const verbCall = object?.type === 'identifier' ? (valueAt(constants, object)?.type === 'method_invocation' ? valueAt(constants, object)! : object) : object;
    const verbName = verbCall?.type === 'method_invocation' ? verbCall.childForFieldName('name')?.text ?? '' : '';
    const verbArgument = verbName === 'method' ? argumentsOf(verbCall!.childForFieldName('arguments'))[0] : undefined;
    const method = /^(get|post|put|patch|delete|head)$/.test(verbName) ? verbName.toUpperCase() : /HttpMethod\.(\w+)/.exec(verbArgument?.text ?? '')?.[1]?.toUpperCase();
    if (!method) return;
    const urlArgument = argumentsOf(call.childForFieldName('arguments'))[0];
    if (!urlArgument) return;
    if (urlArgument.type === 'lambda_expression') {
      if (MENTIONS_GRAPH_HOST.test(baseUrlOf(verbCall!.childForFieldName('object')) ?? '')) facts.unresolved.push({ via: 'java-webclient', reason: 'the URI is built at run time by a lambda', source: where(call) });
      return;
    }
    const path = evaluate(urlArgument);
    const receiver = verbCall!.childForFieldName('object');
    if (path === undefined) {
      // The path a parameter gives (`request(token, location)`): the method is a request helper, joined to the client's base.
      const base = baseUrlOf(receiver);
      if (base !== undefined && MENTIONS_GRAPH_HOST.test(base)) registerHelper(call, urlArgument, method, true, 'high', base);
      return;
    }
    const base = isAbsoluteUrl(path) ? undefined : baseUrlOf(receiver);
    // A client injected into the class (a @Bean of another class): its base is joined once every file is read.
    if (!isAbsoluteUrl(path) && base === undefined) {
      const injected = springClientOf(receiver);
      if (injected) (facts.clientRequests ??= []).push({ client: `java-bean:${injected.name}`, fallback: `java-type:${injected.type}`, join: 'append', method, url: path, source: where(call) });
      return;
    }
    requestTo(call, withBaseUrl(path, base), method, 'webclient', 'high');
  }

  /** The field or parameter a Spring client is read from, with its declared type (WebClient, RestClient). */
  function springClientOf(receiver: TsNode | null): { name: string; type: string } | undefined {
    const name = receiver?.type === 'identifier' ? receiver.text : receiver?.type === 'field_access' ? ownFieldName(receiver) : undefined;
    if (!name) return undefined;
    const declaredAs = new RegExp(`\\b(WebClient|RestClient)\\s+${name}\\b`).exec(file.text)?.[1];
    return declaredAs ? { name, type: declaredAs } : undefined;
  }

  /** What another constructor hands over (`this(…)`) for the parameter a field is set from (`this.client = client`). */
  function fieldHandedOver(field: string): TsNode | undefined {
    for (const assignment of nodes('assignment_expression')) {
      const left = assignment.childForFieldName('left');
      const right = assignment.childForFieldName('right');
      const target = left?.type === 'field_access' ? ownFieldName(left) : left?.type === 'identifier' ? left.text : undefined;
      const handed = target === field && right?.type === 'identifier' ? handedOverByThis(right) : undefined;
      if (handed) return handed;
    }
    return undefined;
  }

  /**
   * A constructor parameter another constructor of the class hands over with `this(…)`: that call's argument at
   * the parameter's position (`this(RestClient.builder().baseUrl(…).build())` for `Client(RestClient client)`).
   */
  function handedOverByThis(parameter: TsNode): TsNode | undefined {
    let constructor: TsNode | null = parameter.parent;
    while (constructor && constructor.type !== 'constructor_declaration') constructor = constructor.parent;
    const parameters = constructor?.childForFieldName('parameters')?.namedChildren.filter((child) => child?.type === 'formal_parameter') ?? [];
    const position = parameters.findIndex((child) => child?.childForFieldName('name')?.text === parameter.text);
    if (!constructor || position === -1) return undefined;
    for (const invocation of nodes('explicit_constructor_invocation')) {
      if (invocation.childForFieldName('constructor')?.type !== 'this' && invocation.namedChildren[0]?.type !== 'this') continue;
      const given = argumentsOf(invocation.childForFieldName('arguments'));
      if (given.length === parameters.length) return given[position];
    }
    return undefined;
  }

  /**
   * A token request for Entra's token-exchange audience (`api://AzureADTokenExchange`): a managed identity's token
   * used as the app's client assertion (workload identity federation), not a Graph token. Its audience is written in
   * the call, or handed to the function making it (`get_managed_identity_token('api://AzureADTokenExchange')`).
   */
  function federationAssertion(call: TsNode): boolean {
    if (!exchangesTokens) return false;
    if (call.text.includes(TOKEN_EXCHANGE)) return true;
    const audience = argumentsOf(call.childForFieldName('arguments')).map(firstValue).find((value) => value.type === 'identifier');
    if (!audience) return false;
    const fn = functionAround(call);
    const name = fn?.childForFieldName('name')?.text;
    const parameters = fn?.childForFieldName('parameters')?.text ?? '';
    return Boolean(name && new RegExp(`\\b${escapeRegExp(audience.text)}\\b`).test(parameters) && new RegExp(`\\b${escapeRegExp(name)}\\s*\\(\\s*["']${escapeRegExp(TOKEN_EXCHANGE)}`).test(file.text));
  }

  /**
   * The flow of the credential a Graph client is built on, followed through the variables its value names (an
   * auth provider wrapping the credential): `_appClient = GraphServiceClient.builder().authenticationProvider(
   * authProvider)…` with `authProvider = new TokenCredentialAuthProvider(scopes, _clientSecretCredential)`. Of a name
   * assigned in several places, the assignment in the function of the use counts. Undefined unless one flow is found.
   */
  function clientFlow(root: string, at: TsNode): AuthFlow | undefined {
    const found = new Set<AuthFlow>();
    const visit = (name: string, use: TsNode, depth: number) => {
      for (const value of assignmentsReaching(name, use)) {
        // Names as written, qualified ones whole (`self.credential`, `azure.identity.ClientSecretCredential`).
        for (const qualified of new Set(value.text.match(/[A-Za-z_][\w.]*/g) ?? [])) {
          const named = rules.flows.find(([pattern]) => pattern.test(qualified.split('.').pop()!));
          const variable = constants.has(qualified) ? qualified : qualified.replace(/^this\./, '');
          if (named) found.add(named[1]);
          else if (depth < 3 && variable !== name && constants.has(variable)) visit(variable, value, depth + 1);
        }
      }
    };
    // A chain on a field (`self.user_client.me`) roots at `self`: the field is the client.
    const field = /^(self|this)$/.test(root) ? /^(?:self|this)\s*\.\s*\w+/.exec(at.text)?.[0].replace(/\s+/g, '') : root;
    if (field) visit(constants.has(field) ? field : field.replace(/^this\./, ''), at, 0);
    return found.size === 1 ? [...found][0] : undefined;
  }

  /** The assignments of a name that may reach a use: those in the use's own function, else every one. */
  function assignmentsReaching(name: string, use: TsNode): TsNode[] {
    const values = constants.get(name) ?? [];
    const own = functionAround(use);
    const local = own ? values.filter((value) => value.startIndex > own!.startIndex && value.endIndex <= own!.endIndex && value.startIndex < use.startIndex) : [];
    return local.length ? [local.at(-1)!] : values;
  }

  /** A URL template's `{name}` variables given the values passed for them in order; one not known stays a variable. */
  function withUriVariables(url: string | undefined, values: readonly TsNode[]): string | undefined {
    let position = 0;
    return url?.replace(/\{[A-Za-z_][\w-]*\}/g, (variable) => {
      const value = values[position++];
      const text = value ? evaluate(firstValue(value)) : undefined;
      return text === undefined || /[/?#]/.test(text) ? variable : text;
    });
  }

  /** A Java client's URL: a relative one joined to the root the client was built with (RestTemplateBuilder's `rootUri`). */
  function javaClientUrl(given: string | undefined, client: TsNode | null): string | undefined {
    if (given === undefined || isAbsoluteUrl(given) || !/^\//.test(given)) return given;
    const base = baseUrlOf(client);
    return base === undefined ? given : withBaseUrl(given, base);
  }

  /** The `baseUrl(…)` a WebClient was built with: in the chain before the request, or where the name holding it was assigned. */
  function baseUrlOf(client: TsNode | null, depth = 0): string | undefined {
    for (let node = client; node && depth < 12; depth++) {
      if (node.type === 'method_invocation') {
        // WebClient's and RestClient's builders name it baseUrl, RestTemplateBuilder rootUri.
        if (/^(baseUrl|rootUri)$/.test(node.childForFieldName('name')?.text ?? '')) {
          const first = argumentsOf(node.childForFieldName('arguments'))[0];
          return first ? evaluate(first) : undefined;
        }
        node = node.childForFieldName('object');
      } else if (node.type === 'identifier' || node.type === 'field_access') {
        const name = node.type === 'identifier' ? node.text : ownFieldName(node);
        const value = name ? valueAt(constants, node, name) : undefined;
        if (value) return baseUrlOf(value, depth + 1);
        // `this.client = client`: the field holds a constructor's parameter, which another constructor may hand over.
        const handed = name && springClients.length ? fieldHandedOver(name) : undefined;
        return handed ? baseUrlOf(handed, depth + 1) : undefined;
      } else return undefined;
    }
    return undefined;
  }

  /**
   * java.net's `new URL(url)` opened in the same method (`(HttpURLConnection) url.openConnection()`, as MSAL for
   * Java's samples call Graph): a request, with the method the connection is given (`setRequestMethod("POST")`),
   * else GET. A URL whose root is a parameter of the method makes it a request helper.
   */
  function urlConnection(creation: TsNode) {
    let method: TsNode | null = creation.parent;
    while (method && !/^(method_declaration|constructor_declaration|lambda_expression)$/.test(method.type)) method = method.parent;
    const body = method?.text ?? '';
    if (!/\.openConnection\s*\(/.test(body)) return;
    const verb = (/\.setRequestMethod\s*\(\s*"(\w+)"/.exec(body)?.[1] ?? 'GET').toUpperCase();
    const urlArgument = argumentsOf(creation.childForFieldName('arguments'))[0];
    if (urlArgument) requestTo(creation, evaluate(firstValue(urlArgument)), verb, 'http', 'high', { argument: urlArgument, requests: true });
  }

  /**
   * A request helper another class defines, called on the class (`GraphHelper.GetAsync("me")`) or on a field,
   * parameter or variable of its type (`_graphService.GetJsonAsync("me/events")` of a `GraphService`, also
   * declared as its interface `IGraphService`).
   */
  function classHelper(call: TsNode, typeOf: ReadonlyMap<string, string>, resolve: ModuleHelperResolver, declares: (type: string) => boolean): { helper: TreeHelper; name: string } | undefined {
    const member = rules.member(call);
    const receiver = member?.object;
    if (!member || !receiver) return undefined;
    const name = member.name.replace(/<.*>$/, '');
    const holder = receiver.type === 'identifier' ? receiver.text : ownFieldName(receiver);
    const type = holder && /^[A-Z]/.test(holder) && !typeOf.has(holder) ? (declares(holder) ? holder : undefined) : holder ? typeOf.get(holder) : undefined;
    if (!type) return undefined;
    for (const className of /^I[A-Z]/.test(type) ? [type, type.slice(1)] : [type]) {
      const helper = resolve(file.path, className, name);
      if (helper) return { helper, name };
    }
    return undefined;
  }

  /** A request helper another module defines, called by an imported name (`graph_get(…)`) or through its module (`graph_helper.graph_get(…)`). */
  function importedHelper(call: TsNode, imports: PythonImports, resolve: ModuleHelperResolver): { helper: TreeHelper; name: string } | undefined {
    const callee = call.childForFieldName('function');
    const target = callee ? importedName(callee, imports) : undefined;
    const helper = target && resolve(file.path, target.module, target.name);
    return helper ? { helper, name: callee!.type === 'attribute' ? target!.name : callee!.text } : undefined;
  }

  /**
   * The function or method definition around a call, with its name and parameters (`selfFirst`: a Python method
   * whose first parameter is the instance or class); undefined outside one or without parameters.
   */
  function definitionAround(call: TsNode): { fn: TsNode; name: string; params: string[]; selfFirst: boolean } | undefined {
    let fn: TsNode | null = call.parent;
    while (fn && fn.type !== FUNCTION_DEFINITION[language]) fn = fn.parent;
    const name = fn?.childForFieldName('name')?.text;
    const params = fn ? parameterNames(fn) : [];
    return fn && name && params.length ? { fn, name, params, selfFirst: language === 'python' && /^(self|cls)$/.test(params[0]!) } : undefined;
  }

  /**
   * The URL a function of this file returns for a call's arguments (`String location = outcomeLocation(classId, …)`
   * where the function's one return builds it from its parameters); arguments not known statically are ids.
   */
  function urlReturnedBy(call: TsNode): string | undefined {
    const name = calledName(call);
    if (!name || returning.size > 500) return undefined;
    let definition = returning.get(name);
    if (definition === undefined) returning.set(name, (definition = returningFunction(name)));
    if (!definition) return undefined;
    const values = argumentValues(call, definition.params, definition.defaults).map((value) => value ?? PLACEHOLDER);
    const saved = new Map(bindings);
    definition.params.forEach((param, position) => bindings.set(param, values[position]!));
    try {
      return evaluate(definition.expression);
    } finally {
      bindings.clear();
      for (const [param, value] of saved) bindings.set(param, value);
    }
  }

  /** A function of this file with one `return <expression>` (or an expression body), by name; null when there is none. */
  function returningFunction(name: string): { params: string[]; defaults: (string | undefined)[]; expression: TsNode } | null {
    for (const match of file.text.matchAll(new RegExp(`\\b${name.replace(/[^\w]/g, '')}\\s*\\(`, 'g'))) {
      const fn = root.descendantForIndex(match.index!)?.parent;
      if (!fn || fn.type !== FUNCTION_DEFINITION[language] || fn.childForFieldName('name')?.startIndex !== match.index) continue;
      const expression = returnedExpression(fn);
      if (!expression) return null;
      const params = parameterDefaults(fn);
      return { params: params.map(([param]) => param), defaults: params.map(([, value]) => value ?? undefined), expression };
    }
    return null;
  }

  /** A function's expression body (`=> …`), or the expression of its one `return`. */
  function returnedExpression(fn: TsNode): TsNode | undefined {
    const arrow = fn.namedChildren.find((child) => child?.type === 'arrow_expression_clause')?.namedChildren[0];
    if (arrow) return arrow;
    const returns = (fn.childForFieldName('body')?.descendantsOfType('return_statement') ?? []).filter((statement): statement is TsNode => Boolean(statement) && enclosingFunction(statement!) === fn.id);
    return returns.length === 1 ? (returns[0]!.namedChildren[0] ?? undefined) : undefined;
  }

  /**
   * A URL builder other files may call — a C# or Java static method (`static string SearchUrl(string query) => Base +
   * "/search" + query`), a Python module's function —: what it returns, its parameters marked, exported as
   * `Class.Method()` (Python: `function()`) with its parameters' names and defaults beside it.
   */
  function exportStaticUrlBuilder(method: TsNode) {
    const name = method.childForFieldName('name');
    // Python: a module-level function (`def users_url(user_id):`), for the modules importing it (`name()`).
    const owner = language === 'python' ? (isModuleLevel(method) ? '' : undefined) : ownerOf(method);
    if (!name || owner === undefined || (language !== 'python' && !/\bstatic\b/.test(file.text.slice(method.startIndex, name.startIndex)))) return;
    // URL builders are short and return a string, a concatenation or a format: other functions (most of a file's)
    // are not read for one, by their text alone.
    const start = method.startIndex;
    const end = method.endIndex;
    if (end - start > MAX_URL_BUILDER_LENGTH || !RETURNS_STRING_LIKE.test(file.text.slice(start, end))) return;
    const expression = returnedExpression(method);
    if (!expression || (!URL_BUILDING_EXPRESSION.test(expression.type) && !(isCall(expression) && /(format|Format|join)\s*\(/.test(expression.text)))) return;
    const marked = withParameterMarkers(parameterNames(method), () => evaluate(expression));
    if (marked === undefined || !/\//.test(marked)) return;
    const key = `${owner ? `${owner}.` : ''}${name.text}()`;
    facts.exportedConstants.set(key, marked);
    // Its parameters' names and defaults, for calls naming or leaving out an argument (`users_url(uid, part="events")`).
    facts.exportedConstants.set(`${key}${PARAMETERS_SUFFIX}`, JSON.stringify(parameterDefaults(method)));
  }

  /** A definition's parameters (Python's `self` or `cls` left out), each with its default's value when it has one. */
  function parameterDefaults(fn: TsNode): [string, string | null][] {
    const pairs = (fn.childForFieldName('parameters')?.namedChildren ?? []).flatMap((param): [string, string | null][] => {
      const name = param ? parameterName(param) : undefined;
      if (!name) return [];
      const value = param!.childForFieldName('value') ?? param!.namedChildren.find((child) => child?.type === 'equals_value_clause')?.namedChildren[0];
      return [[name, value ? (evaluate(value) ?? null) : null]];
    });
    return language === 'python' && /^(self|cls)$/.test(pairs[0]?.[0] ?? '') ? pairs.slice(1) : pairs;
  }

  /**
   * What a call of another class's static URL builder gives (`GraphApiHelper.GetWorkbookSearchUrl("?$select=name")`):
   * the URL it returns with the arguments' values in their parameters' places (`{id}` for one known only at run time).
   */
  function classUrlReturnedBy(call: TsNode): string | undefined {
    if (!resolveConstant) return undefined;
    if (language === 'python') {
      // A function another module of the tree defines, called by an imported name (`users_url(uid)`, `endpoints.users_url(uid)`).
      const callee = call.childForFieldName('function');
      const target = callee && pythonBindings ? importedName(callee, pythonBindings) : undefined;
      const marked = target ? resolveConstant(file.path, target.module, `${target.name}()`) : undefined;
      return marked === undefined ? undefined : filledUrl(marked, call, resolveConstant(file.path, target!.module, `${target!.name}()${PARAMETERS_SUFFIX}`));
    }
    const [owner, method] = language === 'csharp' ? qualifiedMember(call.childForFieldName('function') ?? call) : call.childForFieldName('object')?.type === 'identifier' && /^[A-Z]/.test(call.childForFieldName('object')!.text) ? [call.childForFieldName('object')!.text, call.childForFieldName('name')?.text] : [undefined, undefined];
    if (!owner || !method) return undefined;
    // This class's own (`Class.Method()`), or another's, extracted on first use.
    const lookup = (member: string) => facts.exportedConstants.get(`${owner}.${member}`) ?? (declares(owner) ? resolveConstant(file.path, owner, member) : undefined);
    const marked = lookup(`${method}()`);
    return marked === undefined ? undefined : filledUrl(marked, call, lookup(`${method}()${PARAMETERS_SUFFIX}`));
  }

  /**
   * A URL builder's result (its parameters marked) with the call's arguments in their places — by position, or by
   * name (`part="events"`, C#'s `part: "events"`), a left-out one its default — and `{id}` for one known only at run time.
   */
  function filledUrl(marked: string, call: TsNode, parameters: string | undefined): string {
    const params = parameters ? (JSON.parse(parameters) as [string, string | null][]) : [];
    const values = argumentValues(call, params.map(([name]) => name), params.map(([, value]) => value ?? undefined));
    return templateText(fillTemplate(markedTemplate(marked), values.map((value) => (value === undefined ? undefined : [value]))));
  }

  /** The value each parameter takes at a call: the argument in its place or naming it, else its default. */
  function argumentValues(call: TsNode, names: readonly string[], defaults: readonly (string | undefined)[]): (string | undefined)[] {
    const given = argumentsOf(call.childForFieldName('arguments'));
    const values: (string | undefined)[] = [...defaults];
    let position = 0;
    for (const argument of given) {
      const named = argument.type === 'keyword_argument' ? argument.childForFieldName('name')?.text : argument.namedChildren.find((child) => child?.type === 'name_colon')?.namedChildren[0]?.text;
      const index = named !== undefined ? names.indexOf(named) : position++;
      if (index >= 0) values[index] = evaluate(firstValue(argument));
    }
    return values;
  }

  /** The id of the function definition a node is in. */
  function enclosingFunction(node: TsNode): number | undefined {
    return functionAround(node)?.id;
  }

  /** What `read` evaluates while each parameter stands for its slot's marker (see url-templates.ts). */
  function withParameterMarkers<T>(params: readonly string[], read: () => T): T {
    params.forEach((param, index) => bindings.set(param, parameterMarker(index)));
    try {
      return read();
    } finally {
      bindings.clear();
    }
  }

  /** The values a call of a helper gives its parameters, by position (after a method's receiver) or keyword. */
  function helperArguments(call: TsNode, helper: TreeHelper): (UrlTemplate | undefined)[] {
    const values: (UrlTemplate | undefined)[] = [];
    const receiverGiven = helper.selfFirst && call.childForFieldName('function')?.type === 'attribute';
    argumentsOf(call.childForFieldName('arguments')).forEach((argument, position) => {
      const keyword = argument.type === 'keyword_argument' ? argument.childForFieldName('name')?.text : undefined;
      const index = keyword ? helper.params.indexOf(keyword) : position + (receiverGiven ? 1 : 0);
      const value = evaluate(firstValue(argument));
      if (index >= 0 && value !== undefined) values[index] = [value];
    });
    return values;
  }

  function helperCall(call: TsNode, name: string, helper: TreeHelper) {
    const url = withoutTrailingValue(templateText(fillTemplate(helper.template, helperArguments(call, helper))));
    const target = parseGraphUrl(url);
    if (!target?.host || target.host === PLACEHOLDER) return;
    const at = where(call);
    if (target.path.startsWith(`/${PLACEHOLDER}`) || gluedToVersion(target.path) || target.path === '/') facts.unresolved.push({ via: `${language}-http`, reason: `the path passed to ${name}() is computed at run time`, source: at });
    else addCall(call, helper.method, target.path, target.version, `http via ${name}()`, helper.confidence ?? 'high', queryOptions(target.query));
  }

  /**
   * Microsoft.Identity.Web's IDownstreamApi: `GetForUserAsync<User>("DownstreamApi", o => o.RelativePath = "me")`
   * calls the service the configuration section names (`DownstreamApi:BaseUrl` in appsettings.json) at the
   * relative path; `…ForApp…` acts as the app itself; `CallApi…` takes its method from `HttpMethod`.
   */
  function downstreamApiCall(call: TsNode, name: string) {
    const args = argumentsOf(call.childForFieldName('arguments'));
    const service = args[0] ? evaluate(firstValue(args[0])) : undefined;
    const base = service ? environment(`${service}:BaseUrl`) : undefined;
    const assigned = (property: string) => call.descendantsOfType('assignment_expression').find((assignment) => assignment?.childForFieldName('left')?.text.split('.').pop() === property)?.childForFieldName('right');
    const relative = assigned('RelativePath');
    const relativePath = relative ? evaluate(relative) : '';
    const target = base ? parseGraphUrl(`${base.replace(/\/+$/, '')}/${(relativePath ?? PLACEHOLDER).replace(/^\/+/, '')}`) : undefined;
    if (!target?.host || target.host === PLACEHOLDER) return;
    const [, verb = 'CallApi', audience] = DOWNSTREAM_API.exec(name)!;
    const method = verb === 'CallApi' || verb === 'CallWebApi' ? (/(Get|Post|Put|Patch|Delete)/i.exec(assigned('HttpMethod')?.text ?? '')?.[1]?.toUpperCase() ?? 'GET') : verb.toUpperCase();
    if (relativePath === undefined || target.path.startsWith(`/${PLACEHOLDER}`)) {
      facts.unresolved.push({ via: 'csharp-downstream-api', reason: `the relative path given to ${name.replace(/<.*>$/, '')} for ${service} is computed at run time`, source: where(call) });
      return;
    }
    addCall(call, method, target.path, target.version, 'downstream-api', 'high', { ...queryOptions(target.query), flow: audience === 'App' ? 'application' : 'delegated' });
  }

  /**
   * What a library sending queued requests (office365's `execute_query()`) sends when the method queuing it is
   * none the rules know: reported for the Graph chain it was called on, never guessed.
   */
  function unmappedRequest(queued: TsNode | null, at: TsNode): void {
    const fn = queued?.type === 'call' ? queued.childForFieldName('function') : null;
    if (fn?.type !== 'attribute' || rules.step(queued!)) return;
    const name = fn.childForFieldName('attribute')?.text ?? '';
    if (verbOf(rules.sdkVerbs, name) || (rules.actions && Object.hasOwn(rules.actions, name))) return;
    for (const path of sdkPaths(fn.childForFieldName('object'))) facts.unresolved.push({ via: `${language}-${rules.sdkVia}`, reason: `${name}() on ${path} sends a request m365cert has no mapping for`, source: where(at) });
  }

  /** A URL argument's values: one, or for a variable given its value in the arms of an `if`, the value from each arm. */
  function urlValues(argument: TsNode): (string | undefined)[] {
    const reaching = argument.type === 'identifier' ? reachingAt(constants, argument) : undefined;
    const values = reaching && reaching.length > 1 ? reaching : [argument];
    return [...new Set(values.flatMap((value) => conditionalBranches(value).map((branch) => evaluate(branch))))];
  }

  /** A value a condition chooses (`c ? a : b`, `a if c else b`), also held in a variable: each branch; else the value. */
  function conditionalBranches(node: TsNode, depth = 0): TsNode[] {
    const value = node.type === 'identifier' ? valueAt(constants, node) : node;
    const branches = value && depth < 4 ? branchesOf(value) : [];
    return branches.length ? branches.flatMap((branch) => conditionalBranches(branch, depth + 1)) : [node];
  }

  /** The Graph paths of the SDK chains below a receiver (a variable followed to its value, a condition's branches). */
  function sdkPaths(receiver: TsNode | null): Set<string> {
    return new Set(sdkTargets(receiver).map((target) => target.path));
  }

  /** The Graph paths of the SDK chains below a receiver, each with the version its client's base URL names, if any. */
  function sdkTargets(receiver: TsNode | null): { path: string; version?: string; root: string }[] {
    const targets = new Map<string, { path: string; version?: string; root: string }>();
    // A receiver given in the arms of an `if` (`folder = root.get_by_path(p)` / `folder = root`) is each of them.
    for (const chain of walkChains(receiver, rules, (root) => reachingAt(constants, root) ?? [valueAt(constants, root)].filter((value): value is TsNode => value !== undefined))) {
      const path = fluentPath(rules.chainSegments?.(chain.segments) ?? chain.segments);
      const version = chain.version ?? (betaClients?.has(chain.root) || betaClients?.has(chain.root.split('.').pop()!) ? 'beta' : undefined);
      if (path && (GRAPH_ROOT.test(chain.root) || graphTypedNames?.has(chain.root.replace(/^(this|self)\./, '')))) targets.set(`${version ?? ''} ${path}`, { path, ...(version ? { version } : {}), root: chain.root });
    }
    return [...targets.values()];
  }

  /**
   * A Kiota request, by its shape, on a chain (not a bare variable): Python's `get(request_configuration=…)` or a
   * `by_…_id(…)` step; C#'s `GetAsync()`/`GetAsync(rc => …)`, or `PostAsync(body)` with one argument (HttpClient's
   * take a URL first). Plain msgraph-sdk in Python (not office365 or O365, whose own rules read their chains).
   */
  function unfollowedSdkRequest(receiver: TsNode, name: string, args: TsNode[], call: TsNode): boolean {
    if (rules === PYTHON) return (receiver.type === 'attribute' || receiver.type === 'call') && (/\brequest_configuration\s*=/.test(call.text) || /\.by_\w+_id\(/.test(receiver.text));
    // Java: `mailbox.messages().get(requestConfiguration -> …)`, `builder.byMessageId(id).patch(message)`.
    if (language === 'java') return receiver.type === 'method_invocation' && /^(get|post|patch|put|delete)$/.test(name) && (args.some((arg) => arg.type === 'lambda_expression') || /\.by\w+Id\(/.test(receiver.text));
    if (language !== 'csharp' || !/^(member|element)_access_expression$/.test(receiver.type) || !/^(Get|Post|Patch|Put|Delete)Async$/.test(name)) return false;
    // SDK v4's `page.NextPageRequest.GetAsync()`: the next page of a request already counted, as `WithUrl(nextLink)` is.
    if (receiver.childForFieldName('name')?.text === 'NextPageRequest') return false;
    const lambda = (arg: TsNode) => firstValue(arg).type === 'lambda_expression';
    return args.length === 0 || args.some(lambda) || (args.length === 1 && /^(Post|Patch|Put)Async$/.test(name));
  }

  /**
   * Microsoft.Identity.Web picks the token per request: `WithAppOnly()` in a request's options (v5) or after its
   * `Request()` (v4) is the app's own token, `WithScopes(…)` the signed-in user's. That request's flow alone.
   */
  function requestFlow(call: TsNode): AuthFlow | undefined {
    const flow: AuthFlow | undefined = /\.WithAppOnly\s*\(/.test(call.text) ? 'application' : /\.WithScopes\s*\(/.test(call.text) ? 'delegated' : undefined;
    if (flow) facts.flows.push({ flow, kind: flow === 'application' ? 'client-credentials' : 'on-behalf-of', source: where(call), perCall: true });
    return flow;
  }

  /**
   * The properties an SDK call selects: in its own text, or — for Python's `get(request_configuration=config)`,
   * whose query parameters are built beforehand — in the function that makes the call.
   */
  function sdkSelection(call: TsNode): { select?: string[] } {
    const own = selectedProperties(call.text);
    // A list the class keeps in a field or constant (`QueryParameters.Select = AppSelect`, `queryParameters.select = FIELDS`).
    const named = own.select ? undefined : /\b(?:Select|select)\s*=\s*([A-Za-z_]\w*)\s*[;,})\n]/.exec(call.text)?.[1];
    const list = named && language !== 'python' ? (constants.get(named) ?? []).at(-1) : undefined;
    if (list) return selectedProperties(`Select = ${list.text}`);
    if (own.select || language !== 'python' || !/request_configuration\s*=/.test(call.text)) return own;
    let scope: TsNode | null = call.parent;
    while (scope && scope.type !== 'function_definition') scope = scope.parent;
    return scope ? selectedProperties(scope.text) : own;
  }

  /**
   * The inner requests of a `$batch` body: Python's `json={"requests": [{"method": …, "url": …}, …]}` (a dict, also
   * held in a variable), or a body that is a JSON string in any language. A body built otherwise is reported.
   */
  function batchRequests(call: TsNode, args: TsNode[], version: string | undefined) {
    const keyword = args.find((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'json')?.childForFieldName('value');
    const given = keyword?.type === 'identifier' ? valueAt(constants, keyword) : keyword;
    // C# wraps the text: `new StringContent(json, Encoding.UTF8, "application/json")`.
    const text = (arg: TsNode) => {
      const value = firstValue(arg);
      const wrapped = value.type === 'object_creation_expression' && /StringContent$/.test(value.childForFieldName('type')?.text ?? '') ? argumentsOf(value.childForFieldName('arguments'))[0] : undefined;
      return evaluate(wrapped ? firstValue(wrapped) : value);
    };
    const items: { method?: string; url?: string; at?: TsNode }[] | undefined = given?.type === 'dictionary' ? dictionaryRequests(given) : jsonBatchRequests(args.slice(1).map(text).find((value) => value?.trimStart().startsWith('{')));
    if (!items) {
      facts.unresolved.push({ via: `${language}-batch`, reason: 'a $batch request whose inner requests are built at run time', source: where(call) });
      return;
    }
    for (const item of items) {
      const target = item.url ? parseGraphUrl(batchStepUrl(item.url)) : undefined;
      if (!target || !isKnownPath(target.path)) facts.unresolved.push({ via: `${language}-batch`, reason: 'a $batch inner request with a url known only at run time', source: where(item.at ?? call) });
      else addCall(item.at ?? call, (item.method ?? 'GET').toUpperCase(), target.path, version, 'batch', 'high', queryOptions(target.query));
    }
  }

  /** `{"requests": [{"method": "GET", "url": "/me"}, …]}` as a Python dict literal. */
  function dictionaryRequests(dictionary: TsNode): { method?: string; url?: string; at?: TsNode }[] | undefined {
    const entry = (node: TsNode, name: string) => node.namedChildren.find((pair) => pair?.type === 'pair' && evaluate(pair.childForFieldName('key')) === name)?.childForFieldName('value');
    const list = entry(dictionary, 'requests');
    if (list?.type !== 'list') return undefined;
    return list.namedChildren.flatMap((item) => (item?.type === 'dictionary' ? [{ method: evaluate(entry(item, 'method')), url: evaluate(entry(item, 'url')), at: item }] : []));
  }

  /** requests/httpx `params={'$select': '…', '$expand': '…'}`. */
  function keywordQuery(args: TsNode[]): { select?: string[]; expand?: string[] } {
    const params = args.find((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'params')?.childForFieldName('value');
    const dictionary = params?.type === 'identifier' ? valueAt(constants, params) : params;
    if (dictionary?.type !== 'dictionary') return {};
    const result: { select?: string[]; expand?: string[] } = {};
    for (const pair of dictionary.namedChildren) {
      if (pair?.type !== 'pair') continue;
      const key = evaluate(pair.childForFieldName('key'));
      const value = evaluate(pair.childForFieldName('value'));
      if (key === '$select') result.select = optionList(value);
      if (key === '$expand') result.expand = optionList(value);
    }
    return result;
  }
}

/**
 * Properties an SDK call selects, read from the call's own text (its parsed node): v4 `.Select("a,b")` and
 * `.Select(u => new { u.A, u.B })`, v5 `QueryParameters.Select = new[] { "a", "b" }`, Java `.select("a,b")`,
 * Python `select=['a', 'b']` and office365's `.select(['a', 'b'])`. They feed the property rules ($select of mailboxSettings needs MailboxSettings.Read).
 */
export function selectedProperties(text: string): { select?: string[] } {
  const found: string[] = [];
  for (const match of text.matchAll(/\.(?:Select|select)\(\s*"([^"]*)"\s*\)/g)) found.push(...match[1]!.split(','));
  for (const match of text.matchAll(/\.Select\(\s*(\w+)\s*=>\s*new\s*\{([^}]*)\}/g)) found.push(...[...match[2]!.matchAll(new RegExp(`\\b${match[1]}\\.(\\w+)`, 'g'))].map((property) => property[1]!));
  // office365-rest-python-client: `.select(["id", "subject"])`.
  for (const match of text.matchAll(/\.select\(\s*\[([^\]]*)\]\s*\)/g)) found.push(...[...match[1]!.matchAll(/["']([^"']+)["']/g)].map((item) => item[1]!));
  for (const match of text.matchAll(/\b(?:Select|select)\s*=\s*(?:new\s*(?:string|String)?\s*\[\s*\]\s*|\[|(?=\{))\s*\{?([^}\]]*)[}\]]/g)) found.push(...[...match[1]!.matchAll(/["']([^"']+)["']/g)].map((item) => item[1]!));
  const properties = [...new Set(found.map((item) => item.trim()).filter(Boolean))];
  return properties.length ? { select: properties } : {};
}

/**
 * Names the file declares with a Graph client's type, whatever they are called: C# and Java fields, parameters and
 * variables (`GraphServiceClient api`, `GraphServiceClient<Request> gsc`, `GraphServiceClient? _gs`), Python's
 * annotated parameters and attributes (`api: GraphServiceClient`). Undefined when the file names no such type.
 */
function graphClientsByType(text: string): Set<string> | undefined {
  if (!text.includes('GraphServiceClient')) return undefined;
  const names = new Set<string>();
  for (const match of text.matchAll(/\b(?:I|Base)?GraphServiceClient(?:<[^<>()]*>)?\??\s+(?:this\.)?([A-Za-z_]\w*)\s*[;,)=]/g)) names.add(match[1]!);
  for (const match of text.matchAll(/\b(?:self\.)?([A-Za-z_]\w*)\s*:\s*(?:[\w.]+\.)?GraphServiceClient\b/g)) names.add(match[1]!);
  return names.size ? names : undefined;
}

/** Names holding a Graph client: those declared with its type and those assigned a new one (`var graphClient = new GraphServiceClient(…)`). */
function graphClientNames(text: string, typed: ReadonlySet<string> | undefined): Set<string> | undefined {
  if (!text.includes('GraphServiceClient')) return undefined;
  const names = new Set(typed);
  for (const match of text.matchAll(/\b([A-Za-z_]\w*)\s*=\s*new\s+(?:[\w.]+\.)?GraphServiceClient\b/g)) names.add(match[1]!);
  return names.size ? names : undefined;
}

/** The Graph SDK's own classes that take a client (batches, page iterators, uploads, request builders): their requests are read as such. */
const GRAPH_SDK_TYPES = /^(GraphServiceClient|BatchRequestContent(Collection)?|BatchRequestStep|PageIterator|LargeFileUploadTask|ChunkedUploadProvider|\w*RequestBuilder|\w*Handler|DelegateAuthenticationProvider)$/;
/** Containers and test doubles that hold a client without calling Graph with it. */
const NOT_A_CONSUMER = /^(Lazy|Tuple|KeyValuePair|List|ArrayList|Dictionary|HashMap|Optional|AtomicReference|ServiceDescriptor|Mock|Spy|Func|Action|Task)$/;

/** A fluent chain's receiver that can be a Graph client: `graphClient`, `client`, `this`, `self`. */
const GRAPH_ROOT = /graph|client|this|self/i;

/**
 * The chains below a call's receiver, root first. A receiver held in a variable (`messages_request =
 * (client.users.by_user_id(u).messages if u else client.me.messages)`, then `messages_request.get()`) is
 * followed to its value, and a condition gives a chain per branch.
 */
function walkChains(start: TsNode | null, rules: LanguageRules, valueOf: (root: TsNode) => TsNode[], depth = 0, requestSeen = false): SdkChain[] {
  const segments: string[] = [];
  const below = (chains: SdkChain[]) => chains.map((chain) => ({ ...chain, segments: [...chain.segments, ...segments] }));
  let node = start;
  let afterItemPath = false;
  let afterItemOfItemPath = false;
  let sawRequest = requestSeen;
  for (let guard = 0; node && guard < 64; guard++) {
    const step = rules.step(node);
    if (!step) {
      const branches = depth < 3 ? branchesOf(node) : [];
      return below(branches.flatMap((branch) => walkChains(branch, rules, valueOf, depth + 1, sawRequest)));
    }
    if (step.kind === 'root') {
      // Objects handed from variable to variable (O365: account → mailbox → folder → message) are followed a few deep.
      const values = !GRAPH_ROOT.test(step.name) && depth < 6 ? valueOf(node) : [];
      // A client made right there (`var beta = new GraphServiceClient("https://graph.microsoft.com/beta", …)`), whatever its name.
      const client = values.find((value) => GRAPH_CLIENT_CREATION.test(value.text));
      if (client) return [{ root: 'GraphServiceClient', segments, ...(baseUrlVersion(client.text) === 'beta' ? { version: 'beta' } : {}) }];
      const followed = values.flatMap((value) => walkChains(value, rules, valueOf, depth + 1, sawRequest));
      return followed.length ? below(followed) : [{ root: step.name, segments }];
    }
    // A method after `.Request()` (or with no `.Request()` at all) is not part of the path.
    if (step.kind === 'action' && !sawRequest) return [];
    if (step.kind === 'request') sawRequest = true;
    // An item by its id with a path below it (`Items["root"].ItemWithPath(p)`) is the one item the path names.
    const itemOfItemPath = afterItemPath && step.kind === 'id';
    if (step.kind === 'id' && !itemOfItemPath) segments.unshift(PLACEHOLDER);
    if (step.kind === 'item-path') segments.unshift('items', PLACEHOLDER);
    // The drive root an item path hangs from, or the items collection of that item, is already said by `items/{id}`.
    // (Java v5 keys the collection in one step: `items(itemId).itemWithPath(name)`.)
    const rootOfItemPath = step.kind === 'segment' && ((afterItemPath && (/^root$/i.test(step.name) || (step.id === true && /^items$/i.test(step.name)))) || (afterItemOfItemPath && /^items$/i.test(step.name)));
    if ((step.kind === 'segment' || step.kind === 'action') && !rootOfItemPath) {
      if (step.id) segments.unshift(PLACEHOLDER);
      segments.unshift(sdkSegment(step.name));
    }
    afterItemPath = step.kind === 'item-path';
    afterItemOfItemPath = itemOfItemPath;
    node = step.next;
  }
  return [];
}

/** A fluent chain from its root: the root's name, the path's segments, the version a client's base URL names. */
interface SdkChain {
  root: string;
  segments: string[];
  version?: string;
}
/** `new GraphServiceClient(…)` (C#, Java), `GraphServiceClient(…)` (Python), qualified or generic. */
const GRAPH_CLIENT_CREATION = /^(new\s+)?([\w.]+\.)?GraphServiceClient\s*[(<]/;
/**
 * Clients given Graph's beta endpoint after they are made, by name (as written, and its last part): C#'s
 * `client.BaseUrl = "…/beta"` (SDK v4) and `client.RequestAdapter.BaseUrl = …` (v5), Java's
 * `graphClient.getRequestAdapter().setBaseUrl("…")`, Python's `client.request_adapter.base_url = "…"`.
 */
function betaBaseUrlClients(text: string): Set<string> | undefined {
  if (!/base_?url/i.test(text)) return undefined;
  const names = new Set<string>();
  const setters = /([A-Za-z_][\w.]*?)\s*\.\s*(?:(?:RequestAdapter\s*\.\s*)?BaseUrl\s*=\s*|getRequestAdapter\(\)\s*\.\s*setBaseUrl\(\s*|request_adapter\s*\.\s*base_url\s*=\s*)["'](https:\/\/[^"'\s]+)["']/g;
  for (const match of text.matchAll(setters)) {
    if (parseGraphUrl(match[2]!)?.version !== 'beta') continue;
    names.add(match[1]!);
    names.add(match[1]!.split('.').pop()!);
  }
  return names.size ? names : undefined;
}

/** The version a client's base URL names, from the Graph URLs written in its creation (`"https://graph.microsoft.com/beta"`). */
function baseUrlVersion(creation: string): string | undefined {
  for (const literal of creation.matchAll(/["'](https:\/\/[^"'\s]+)["']/g)) {
    const target = parseGraphUrl(literal[1]!);
    if (target?.host && target.version) return target.version;
  }
  return undefined;
}

/** The branches of a conditional expression (`a if c else b`, `c ? a : b`), or what parentheses hold. */
function branchesOf(node: TsNode): TsNode[] {
  if (node.type === 'parenthesized_expression') return node.namedChildren.filter((child): child is TsNode => Boolean(child) && child!.type !== 'comment').slice(0, 1);
  if (node.type === 'conditional_expression' || node.type === 'ternary_expression') {
    const consequence = node.childForFieldName('consequence');
    const alternative = node.childForFieldName('alternative');
    if (consequence && alternative) return [consequence, alternative];
    // Python names no fields: `a if c else b` is [a, c, b].
    const named = node.namedChildren.filter((child): child is TsNode => Boolean(child) && child!.type !== 'comment');
    return named.length === 3 ? [named[0]!, named[2]!] : [];
  }
  return [];
}

function evaluateString(node: TsNode | null | undefined, rules: LanguageRules, constants: Assignments, environment: EnvironmentLookup, depth: number, bindings: ReadonlyMap<string, string> = NO_BINDINGS, imported?: (node: TsNode) => string | undefined): string | undefined {
  if (!node || depth > 30) return undefined;
  const inner = (child: TsNode | null | undefined) => evaluateString(child, rules, constants, environment, depth + 1, bindings, imported);
  if (rules.strings.has(node.type)) return stringValue(node, rules, inner);
  if (node.type === 'parenthesized_expression') return inner(node.namedChildren[0]);
  if (node.type === 'binary_expression' || node.type === 'binary_operator') {
    const left = node.childForFieldName('left');
    const right = node.childForFieldName('right');
    const operator = node.childForFieldName('operator')?.text ?? node.children.find((child) => child?.type === '+')?.type;
    // Python's printf-style formatting: '%s/me/events' % graph_url, '%s/users/%s' % (base, id).
    if (operator === '%' && rules.language === 'python') {
      const template = inner(left);
      const values = right?.type === 'tuple' || right?.type === 'parenthesized_expression' ? right.namedChildren.filter((child): child is TsNode => child !== null) : right ? [right] : [];
      return template === undefined ? undefined : printfFormat(template, (index) => inner(values[index]));
    }
    if (operator !== '+') return undefined;
    const a = inner(left);
    const b = inner(right);
    if (a === undefined && b === undefined) return undefined;
    return (a ?? PLACEHOLDER) + (b ?? PLACEHOLDER);
  }
  // Python's str.format: '{0}/me'.format(graph_url), '{base}/users/{}'.format(id, base=GRAPH).
  const formatted = node.type === 'call' && rules.language === 'python' ? node.childForFieldName('function') : null;
  if (formatted?.type === 'attribute' && formatted.childForFieldName('attribute')?.text === 'format') {
    const template = inner(formatted.childForFieldName('object'));
    if (template === undefined) return undefined;
    const positional: TsNode[] = [];
    const named = new Map<string, TsNode>();
    for (const argument of node.childForFieldName('arguments')?.namedChildren ?? []) {
      if (argument?.type === 'keyword_argument') named.set(argument.childForFieldName('name')?.text ?? '', argument.childForFieldName('value')!);
      else if (argument) positional.push(argument);
    }
    return fieldFormat(template, (field) => {
      const argument = typeof field === 'number' ? positional[field] : named.get(field);
      return argument && inner(argument);
    });
  }
  // C#'s string.Format("{0}/users/{1}", GraphBase, id) and Java's String.format("%s/me", base).
  const formatCall = (node.type === 'invocation_expression' && rules.language === 'csharp') || (node.type === 'method_invocation' && rules.language === 'java') ? formatArguments(node) : undefined;
  if (formatCall) {
    const template = inner(formatCall[0]);
    const values = formatCall.slice(1);
    if (template === undefined) return undefined;
    return rules.language === 'csharp' ? fieldFormat(template, (field) => (typeof field === 'number' && values[field] ? inner(values[field]) : undefined)) : printfFormat(template, (index) => inner(values[index]));
  }
  // Java's String.join(",", "id", "mail") and new StringJoiner(",").add("id").add("mail").toString(), C#'s
  // string.Join(",", Fields) of an array, Python's ",".join(FIELDS): a $select list.
  const joined = node.type === 'method_invocation' && rules.language === 'java' ? javaJoin(node, constants) : node.type === 'invocation_expression' && rules.language === 'csharp' ? csharpJoin(node, constants) : node.type === 'call' && rules.language === 'python' ? pythonJoin(node, constants) : undefined;
  if (joined) {
    const separator = inner(joined.separator);
    const parts = joined.parts.map((part) => inner(part));
    return separator === undefined || parts.some((part) => part === undefined) ? undefined : parts.join(separator);
  }
  // C#'s new Uri("…"), new Uri(baseUri, "me/events"), new Uri(path, UriKind.Relative).
  if (node.type === 'object_creation_expression' && rules.language === 'csharp' && /^(System\.)?Uri$/.test(node.childForFieldName('type')?.text ?? '')) {
    const [first, second] = argumentsOf(node.childForFieldName('arguments')).map(firstValue);
    const given = inner(first);
    if (!second || /^UriKind\./.test(second.text)) return given;
    const relative = inner(second);
    return given === undefined || relative === undefined ? undefined : resolveReference(given, relative);
  }
  if (node.type === 'identifier') {
    if (bindings.has(node.text)) return bindings.get(node.text);
    const value = valueAt(constants, node);
    return value ? inner(value) : imported?.(node);
  }
  const field = ownFieldName(node);
  if (field) {
    const value = valueAt(constants, node, field);
    return value ? inner(value) : imported?.(node);
  }
  if ((node.type === 'attribute' || node.type === 'member_access_expression' || node.type === 'field_access' || isCall(node)) && imported) {
    const value = imported(node);
    if (value !== undefined) return value;
  }
  // An environment variable the app's .env files give a URL: os.getenv("GRAPH_ENDPOINT"), os.environ["…"],
  // System.getenv("…"), Environment.GetEnvironmentVariable("…").
  const variable = environmentVariableOf(node, rules, constants);
  if (variable) return environment(variable);
  const key = rules.language === 'csharp' ? configurationKeyOf(node, rules) : undefined;
  return key ? environment(key, { ignoreCase: true }) : undefined;
}

/** What a Python file's imports bind: `import a.b as c` → c: a.b; `from m import X as Y` → Y: m, X. */
type PythonImports = Map<string, { module: string; name?: string }>;

function pythonImportBindings(nodes: NodesOf): PythonImports {
  const bound: PythonImports = new Map();
  for (const statement of nodes('import_statement', 'import_from_statement')) {
    const from = statement.type === 'import_from_statement' ? statement.childForFieldName('module_name')?.text.replace(/\s+/g, '') : undefined;
    for (const imported of statement.childrenForFieldName('name')) {
      if (!imported) continue;
      const target = imported.type === 'aliased_import' ? imported.childForFieldName('name')?.text : imported.text;
      const alias = imported.type === 'aliased_import' ? imported.childForFieldName('alias')?.text : undefined;
      if (!target) continue;
      // `import a.b` binds `a`, the package; `a.b.X` names the submodule then.
      if (from === undefined) bound.set(alias ?? target.split('.')[0]!, { module: alias ? target : target.split('.')[0]! });
      else bound.set(alias ?? target, { module: from, name: target });
    }
  }
  return bound;
}

/**
 * A constant read from another module of the tree: a name imported from it (`from app_config import ENDPOINT`)
 * or an attribute of an imported module (`app_config.ENDPOINT`, `settings.graph.URL` after `import settings.graph`).
 */
function importedConstantOf(fromFile: string, imports: PythonImports, resolve: ModuleConstantResolver): (node: TsNode) => string | undefined {
  return (node) => {
    const target = imports.size ? importedName(node, imports) : undefined;
    return target && resolve(fromFile, target.module, target.name);
  };
}

/** A module's member, `.` between them unless the module is a relative prefix (`.` + `settings` is `.settings`). */
export function submodule(module: string, name: string): string {
  return module.endsWith('.') ? `${module}${name}` : `${module}.${name}`;
}

/**
 * The module and name an expression reads through the imports: a name imported from a module (`ENDPOINT` after
 * `from app_config import ENDPOINT`), or a member of an imported module (`app_config.ENDPOINT`, `settings.graph.URL`
 * after `import settings.graph`, `gh.graph_get` after `from . import graph_helper as gh`).
 */
function importedName(node: TsNode, imports: PythonImports): { module: string; name: string } | undefined {
  if (node.type === 'identifier') {
    const binding = imports.get(node.text);
    return binding?.name ? { module: binding.module, name: binding.name } : undefined;
  }
  const object = node.type === 'attribute' ? node.childForFieldName('object') : null;
  const name = node.type === 'attribute' ? node.childForFieldName('attribute')?.text : undefined;
  if (!object || !name || (object.type !== 'identifier' && object.type !== 'attribute')) return undefined;
  const [first, ...rest] = object.text.split('.');
  const binding = imports.get(first!);
  if (!binding) return undefined;
  return { module: [binding.name ? submodule(binding.module, binding.name) : binding.module, ...rest].reduce(submodule), name };
}

/**
 * Spring's `@Value("${app.graph.url}")` on a field or parameter: the value the module's application.properties/yml
 * give the property, else the default after `:` (`${graph.url:https://graph.microsoft.com/v1.0}`).
 */
function injectedValueOf(nodes: NodesOf, environment: EnvironmentLookup): (node: TsNode) => string | undefined {
  const injected = new Map<string, { key: string; fallback?: string }>();
  for (const declaration of nodes('field_declaration', 'formal_parameter')) {
    const annotation = declaration.namedChildren.find((child) => child?.type === 'modifiers')?.namedChildren.find((child) => child?.type === 'annotation' && child.childForFieldName('name')?.text === 'Value');
    const placeholder = /^"\$\{([^:}]+)(?::([^}]*))?\}"$/.exec(annotation?.childForFieldName('arguments')?.namedChildren.find((child) => child?.type === 'string_literal')?.text ?? '');
    if (!placeholder) continue;
    const names = declaration.type === 'formal_parameter' ? [declaration.childForFieldName('name')] : declaration.childrenForFieldName('declarator').map((declarator) => declarator?.childForFieldName('name') ?? null);
    for (const name of names) if (name) injected.set(name.text, { key: placeholder[1]!, fallback: placeholder[2] });
  }
  return (node) => {
    const name = node.type === 'identifier' ? node.text : ownFieldName(node);
    const value = name ? injected.get(name) : undefined;
    return value && (environment(value.key) ?? (value.fallback && /^https?:\/\//i.test(value.fallback) ? value.fallback : undefined));
  };
}

/** Whether the tree's Spring configuration is bound to @ConfigurationProperties types (see environment.ts). */
function hasSpringPropertyTypes(environment: EnvironmentUrls | undefined): boolean {
  return Boolean(environment && Object.values(environment).some((values) => Object.keys(values).some((key) => key.startsWith(SPRING_TYPE_KEY))));
}

/**
 * A configuration value read through accessors of a @ConfigurationProperties type (`applicationProperties.msGraph().baseUrl()`,
 * `props.getGraph().getBaseUrl()`): the chain's root is a field or parameter declared with the type.
 */
function springPropertyValueOf(text: string, environment: EnvironmentLookup): (node: TsNode) => string | undefined {
  return (node) => {
    const accessors: string[] = [];
    let current: TsNode | null = node;
    while (current?.type === 'method_invocation' && argumentsOf(current.childForFieldName('arguments')).length === 0 && accessors.length < 8) {
      accessors.unshift((current.childForFieldName('name')?.text ?? '').replace(/^get(?=[A-Z])/, ''));
      current = current.childForFieldName('object');
    }
    const root = current?.type === 'identifier' ? current.text : current ? ownFieldName(current) : undefined;
    if (!root || accessors.length === 0) return undefined;
    const type = new RegExp(`\\b([A-Z]\\w*)\\s+${escapeRegExp(root)}\\s*[,;)=]`).exec(text)?.[1];
    return type ? environment(springPropertyKey(type, accessors)) : undefined;
  };
}

/** A C# or Java file that may declare class constants: `const string`, `static readonly`, `static final`. */
const MAY_DECLARE_CONSTANTS = /\bconst\s|\bstatic\s+(readonly|final)\b|\bfinal\s+static\b/;

/**
 * A C# or Java file's class constants (`const string`, `static readonly string`, `static final String` fields
 * given a string), by `Class.Field` as other classes name them.
 */
function classConstants(declarators: readonly TsNode[], evaluate: (node: TsNode) => string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const declarator of declarators) {
    const field = declarator.parent?.type === 'field_declaration' ? declarator.parent : declarator.parent?.parent?.type === 'field_declaration' ? declarator.parent.parent : null;
    if (!field || !/\bconst\b|\bstatic\b[\s\S]*\b(readonly|final)\b|\bfinal\b[\s\S]*\bstatic\b/.test(field.namedChildren.filter((child) => child?.type === 'modifier' || child?.type === 'modifiers').map((child) => child!.text).join(' '))) continue;
    const className = ownerOf(field);
    const name = declaratorName(declarator);
    const value = declarator.childForFieldName('value') ?? lastNamed(declarator);
    const text = className && name && value ? evaluate(value) : undefined;
    if (text !== undefined) found.set(`${className}.${name}`, text);
  }
  return found;
}

/** A parameter list naming a type (`(IGraphService graph,`, `(final GraphService service)`), before the exact reading. */
const TYPED_PARAMETER = /[(,]\s*(?:final\s+|this\s+|ref\s+|in\s+)?([A-Z]\w*)(?:<[^<>()]*>)?\??\s+[A-Za-z_]\w*\s*[,)=]/g;

/** Whether a C# or Java file has a parameter typed with a class the tree declares (each type name asked once). */
function takesTreeClass(text: string, declares: (type: string) => boolean): boolean {
  const asked = new Set<string>();
  for (const match of text.matchAll(TYPED_PARAMETER)) {
    const type = match[1]!;
    if (asked.has(type)) continue;
    asked.add(type);
    if (declares(type)) return true;
  }
  return false;
}

/**
 * Spring clients a `@Bean` method builds with a base URL (`return builder.baseUrl("https://graph…").build()`): by the
 * bean's name (the method's) and by its type, for the classes the bean is injected into.
 */
function springBeanBases(methods: readonly TsNode[], baseUrlOf: (node: TsNode) => string | undefined): { client: string; base: string }[] {
  const bases: { client: string; base: string }[] = [];
  for (const method of methods) {
    const annotated = method.namedChildren.find((child) => child?.type === 'modifiers')?.namedChildren.some((child) => /annotation$/.test(child?.type ?? '') && child?.childForFieldName('name')?.text === 'Bean');
    const type = method.childForFieldName('type')?.text;
    if (!annotated || (type !== 'WebClient' && type !== 'RestClient')) continue;
    const returned = method.childForFieldName('body')?.namedChildren.find((child) => child?.type === 'return_statement')?.namedChildren[0];
    const base = returned ? baseUrlOf(returned) : undefined;
    const name = method.childForFieldName('name')?.text;
    if (base === undefined || !name) continue;
    bases.push({ client: `java-bean:${name}`, base }, { client: `java-type:${type}`, base });
  }
  return bases;
}

/** Options classes as ASP.NET Core samples name them (`GraphSettings`, `WebOptions`, `AuthenticationConfig`). */
const OPTIONS_CLASS = /(Options|Settings|Configuration|Config)$/;
/** A variable, field or parameter of such a class (`AuthenticationConfig config =`), before the exact reading. */
const OPTIONS_DECLARATION = /\b[A-Z]\w*(Options|Settings|Configuration|Config)\??\s+[A-Za-z_]\w*\s*[=;,)]/;

/** The defaults an options class gives its properties (`public string ApiUrl { get; set; } = "https://graph.microsoft.com/"`). */
function optionDefaults(properties: readonly TsNode[], evaluate: (node: TsNode) => string | undefined): Map<string, string> {
  const found = new Map<string, string>();
  for (const property of properties) {
    const value = property.childForFieldName('value');
    const className = value && value.type !== 'arrow_expression_clause' ? ownerOf(property) : undefined;
    const name = property.childForFieldName('name')?.text;
    const text = className && OPTIONS_CLASS.test(className) && name ? evaluate(value!) : undefined;
    if (text !== undefined) found.set(`${className}.${name}`, text);
  }
  return found;
}

/**
 * The value appsettings gives a property of options bound from configuration: `_settings.BaseUrl` where
 * `_settings` is a `GraphSettings` taken from `IOptions<GraphSettings>.Value` (or `_options.Value.BaseUrl`,
 * `.CurrentValue` of a monitor). The section is the one ASP.NET Core samples bind such a class to by convention:
 * the class name without its `Options`/`Settings`/`Configuration`/`Config` suffix, else the class name
 * (`Graph:BaseUrl`, `GraphSettings:BaseUrl`); no value when appsettings gives neither.
 */
function boundOptionValueOf(declared: ReadonlyMap<string, string>, assignments: Assignments, environment: EnvironmentLookup, classDefault: (type: string, property: string) => string | undefined): (node: TsNode) => string | undefined {
  /** The options class a name holds: `GraphSettings` for both the settings and their IOptions wrapper (`wrapped`). */
  const optionsOf = (name: string, depth = 0): { type: string; wrapped: boolean } | undefined => {
    const type = declared.get(name);
    const wrapper = type ? /^IOptions(Monitor|Snapshot)?<(\w+)>$/.exec(type) : null;
    if (wrapper) return { type: wrapper[2]!, wrapped: true };
    // `_settings = options.Value` where options is an IOptions<T>.
    const value = assignments.get(name)?.[0];
    const source = value?.type === 'member_access_expression' && /^(Value|CurrentValue)$/.test(value.childForFieldName('name')?.text ?? '') ? value.childForFieldName('expression') : null;
    const inner = source?.type === 'identifier' && depth < 4 ? optionsOf(source.text, depth + 1) : undefined;
    if (inner?.wrapped) return { type: inner.type, wrapped: false };
    return type && OPTIONS_CLASS.test(type) ? { type, wrapped: false } : undefined;
  };
  return (node) => {
    if (node.type !== 'member_access_expression') return undefined;
    const property = node.childForFieldName('name')?.text;
    let holder = node.childForFieldName('expression');
    let unwrapped = false;
    if (holder?.type === 'member_access_expression' && /^(Value|CurrentValue)$/.test(holder.childForFieldName('name')?.text ?? '')) {
      holder = holder.childForFieldName('expression');
      unwrapped = true;
    }
    const name = holder?.type === 'identifier' ? holder.text : holder ? ownFieldName(holder) : undefined;
    const options = name ? optionsOf(name) : undefined;
    if (!property || !options || options.wrapped !== unwrapped) return undefined;
    const section = options.type.replace(OPTIONS_CLASS, '');
    return environment(`${section}:${property}`, { ignoreCase: true }) ?? environment(`${options.type}:${property}`, { ignoreCase: true }) ?? classDefault(options.type, property);
  };
}

/** A call on a capitalised name (`GraphHelper.PostAsync(…)`, `Task.FromResult(…)`): maybe a static helper of another class. */
const STATIC_CALL = /\b[A-Z]\w*\.\w+\s*[(<]/;

/** The name a C# or Java declarator declares (Java names it in a field; C# as its identifier child). */
function declaratorName(declarator: TsNode): string | undefined {
  return declarator.childForFieldName('name')?.text ?? declarator.namedChildren.find((child) => child?.type === 'identifier')?.text;
}

/** The name of the C# or Java class (struct, record, interface) declaring a node. */
function ownerOf(node: TsNode): string | undefined {
  let owner: TsNode | null = node.parent;
  while (owner && !/^(class|struct|record|interface)_declaration$/.test(owner.type)) owner = owner.parent;
  return owner?.childForFieldName('name')?.text;
}

/**
 * The declared type of each field, variable and parameter of a C# or Java file, as written (`IGraphService _graph`,
 * `IOptions<GraphSettings> options`).
 */
function declaredTypes(declarators: readonly TsNode[], parameters: readonly TsNode[]): Map<string, string> {
  const types = new Map<string, string>();
  for (const declarator of declarators) {
    const type = declarator.parent?.childForFieldName('type')?.text;
    const name = declaratorName(declarator);
    if (type && name) types.set(name, type);
  }
  for (const parameter of parameters) {
    const type = parameter.childForFieldName('type')?.text;
    const name = parameter.childForFieldName('name')?.text;
    if (type && name) types.set(name, type);
  }
  return types;
}

/** `Class.Member` read as a qualified name (C# member access, Java field access); the class capitalised, as C# and Java name them. */
function qualifiedMember(node: TsNode): [string | undefined, string | undefined] {
  const [owner, member] = node.type === 'member_access_expression' ? [node.childForFieldName('expression'), node.childForFieldName('name')] : node.type === 'field_access' ? [node.childForFieldName('object'), node.childForFieldName('field')] : [null, null];
  return owner?.type === 'identifier' && /^[A-Z]/.test(owner.text) && member?.type === 'identifier' ? [owner.text, member.text] : [undefined, undefined];
}

/** A Python module's top-level `NAME = <string>` constants (assigned once), as its importers read them. */
function moduleConstants(assignments: readonly TsNode[], evaluate: (node: TsNode) => string | undefined): Map<string, string> {
  const found = new Map<string, string | null>();
  for (const assignment of assignments) {
    if (assignment.parent?.type !== 'expression_statement' || assignment.parent.parent?.type !== 'module') continue;
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (left?.type !== 'identifier' || !right) continue;
    const value = found.has(left.text) ? undefined : evaluate(right);
    found.set(left.text, value ?? null);
  }
  return new Map([...found].filter((entry): entry is [string, string] => entry[1] !== null));
}

/** `{0}`, `{}`, `{name}` fields (Python's str.format, C#'s string.Format; `{0:x}` formats are dropped) filled in order or by name, `{id}` when unknown. */
function fieldFormat(template: string, value: (field: number | string) => string | undefined): string {
  let automatic = 0;
  return template.replace(/\{([^{}]*)\}/g, (_, field: string) => {
    const name = field.split(/[!:,]/)[0]!;
    return value(name === '' ? automatic++ : /^\d+$/.test(name) ? Number(name) : name) ?? PLACEHOLDER;
  });
}

/** printf-style `%s`/`%d` conversions (Python's %, Java's String.format) filled in order, `{id}` when unknown. */
function printfFormat(template: string, value: (index: number) => string | undefined): string {
  let position = 0;
  return template.replace(/%%|%(\([^)]*\))?(\d+\$)?[-#0 +]*\d*(\.\d+)?[sdifrx]/g, (match) => (match === '%%' ? '%' : (value(position++) ?? PLACEHOLDER)));
}

/** The arguments of `string.Format(…)` / `String.format(…)`, template first; undefined for any other call. */
/**
 * The separator and parts of a Java join: `String.join(sep, a, b)` (or of one `List.of(…)`/`Arrays.asList(…)`), and
 * `new StringJoiner(sep).add(a).add(b).toString()` (at most 200 parts).
 */
function javaJoin(call: TsNode, constants: Assignments): { separator: TsNode; parts: TsNode[] } | undefined {
  const name = call.childForFieldName('name')?.text;
  const args = argumentsOf(call.childForFieldName('arguments'));
  if (name === 'join' && call.childForFieldName('object')?.text === 'String' && args.length >= 2) {
    // One list: written (List.of(…), Arrays.asList(…), new String[] { … }) or held in a constant.
    const one = args.length === 2 ? (args[1]!.type === 'identifier' ? (valueAt(constants, args[1]!) ?? args[1]!) : args[1]!) : undefined;
    const listed = one?.type === 'method_invocation' && /^(List\.of|Arrays\.asList|Set\.of)$/.test(`${one.childForFieldName('object')?.text}.${one.childForFieldName('name')?.text}`) ? argumentsOf(one.childForFieldName('arguments')) : undefined;
    const initializer = one?.type === 'array_initializer' ? one : one?.type === 'array_creation_expression' ? one.childForFieldName('value') : undefined;
    const written = initializer ? initializer.namedChildren.filter((child): child is TsNode => child !== null) : undefined;
    if (one?.type === 'identifier' && !listed && !written) return undefined;
    return { separator: args[0]!, parts: listed ?? written ?? args.slice(1) };
  }
  if (name !== 'toString' || args.length) return undefined;
  const parts: TsNode[] = [];
  let current = call.childForFieldName('object');
  while (current?.type === 'method_invocation' && current.childForFieldName('name')?.text === 'add' && parts.length < 200) {
    const added = argumentsOf(current.childForFieldName('arguments'));
    if (added.length !== 1) return undefined;
    parts.unshift(added[0]!);
    current = current.childForFieldName('object');
  }
  if (current?.type !== 'object_creation_expression' || !/^(java\.util\.)?StringJoiner$/.test(current.childForFieldName('type')?.text ?? '')) return undefined;
  const separator = argumentsOf(current.childForFieldName('arguments'))[0];
  return separator && parts.length ? { separator, parts } : undefined;
}

/** C#'s string.Join(separator, values…) or string.Join(separator, array), the array written or held in a field or variable. */
function csharpJoin(call: TsNode, constants: Assignments): { separator: TsNode; parts: TsNode[] } | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'member_access_expression' || fn.childForFieldName('name')?.text !== 'Join' || !/^(string|String|System\.String)$/.test(fn.childForFieldName('expression')?.text ?? '')) return undefined;
  const args = argumentsOf(call.childForFieldName('arguments')).map(firstValue);
  if (args.length < 2) return undefined;
  if (args.length > 2) return { separator: args[0]!, parts: args.slice(1) };
  const list = args[1]!.type === 'identifier' ? valueAt(constants, args[1]!) : args[1];
  const elements = list ? arrayElements(list) : undefined;
  return elements?.length ? { separator: args[0]!, parts: elements } : undefined;
}

/** Python's `",".join(["id", "mail"])`, the list written or held in a variable. */
function pythonJoin(call: TsNode, constants: Assignments): { separator: TsNode; parts: TsNode[] } | undefined {
  const fn = call.childForFieldName('function');
  const separator = fn?.type === 'attribute' && fn.childForFieldName('attribute')?.text === 'join' ? fn.childForFieldName('object') : null;
  const args = argumentsOf(call.childForFieldName('arguments'));
  if (separator?.type !== 'string' || args.length !== 1) return undefined;
  const list = args[0]!.type === 'identifier' ? valueAt(constants, args[0]!) : args[0];
  return list && /^(list|tuple)$/.test(list.type) ? { separator, parts: list.namedChildren.filter((child): child is TsNode => child !== null) } : undefined;
}

/**
 * The elements of a C# array written out: `{ "a", "b" }`, `new[] { … }`, `new string[] { … }`, `[ "a", "b" ]` (which
 * the grammar reads as an element binding of bracketed arguments).
 */
function arrayElements(node: TsNode): TsNode[] | undefined {
  const value = node.type === 'equals_value_clause' ? node.namedChildren[0] : node;
  if (!value) return undefined;
  const list =
    value.type === 'initializer_expression' || value.type === 'collection_expression' ? value
    : /array_creation_expression$/.test(value.type) ? value.namedChildren.find((child) => child?.type === 'initializer_expression')
    : value.type === 'element_binding_expression' ? value.namedChildren.find((child) => child?.type === 'bracketed_argument_list')
    : undefined;
  return list?.namedChildren.filter((child): child is TsNode => child !== null).map((child) => (child.type === 'expression_element' || child.type === 'argument' ? (child.namedChildren[0] ?? child) : child));
}

function formatArguments(call: TsNode): TsNode[] | undefined {
  const [receiver, name] = call.type === 'method_invocation' ? [call.childForFieldName('object'), call.childForFieldName('name')] : [call.childForFieldName('function')?.childForFieldName('expression') ?? null, call.childForFieldName('function')?.childForFieldName('name') ?? null];
  if (!/^(string|String|System\.String)$/.test(receiver?.text ?? '') || !/^[Ff]ormat$/.test(name?.text ?? '')) return undefined;
  return argumentsOf(call.childForFieldName('arguments')).map(firstValue);
}

/** A field read through the object itself, by the name its assignments are kept under (see LanguageRules.declaration). */
function ownFieldName(node: TsNode): string | undefined {
  if (node.type === 'member_access_expression') return node.childForFieldName('expression')?.type === 'this_expression' ? node.childForFieldName('name')?.text : undefined;
  if (node.type === 'field_access') return node.childForFieldName('object')?.type === 'this' ? node.childForFieldName('field')?.text : undefined;
  if (node.type === 'attribute') return node.childForFieldName('object')?.text === 'self' ? node.text : undefined;
  return undefined;
}

/** A .NET configuration by its usual names: `configuration`, `_config`, `Configuration`, `builder.Configuration`, `this.configuration`. */
const CONFIGURATION = /^((this|builder|context|hostContext|hostingContext|host|app|ctx)\.)?_?[cC]onfig(uration)?$/;

/**
 * The key a .NET configuration read names, its sections joined with ':' as appsettings.json's keys are read:
 * `configuration["Graph:BaseUrl"]`, `Configuration.GetValue<string>("GraphApiUrl")`, `config.GetSection("Graph")["BaseUrl"]`,
 * `….GetSection("Graph").GetValue<string>("BaseUrl")`, `….GetSection("Graph:BaseUrl").Value`.
 */
function configurationKeyOf(node: TsNode, rules: LanguageRules): string | undefined {
  const firstString = (list: TsNode | null) => {
    const first = list?.namedChildren.find((child) => child !== null);
    return first ? stringValue(firstValue(first), rules) : undefined;
  };
  /** The section an expression stands for: [] for the configuration itself. */
  const sectionOf = (holder: TsNode | null, depth = 0): string[] | undefined => {
    if (!holder || depth > 8) return undefined;
    if ((holder.type === 'identifier' || holder.type === 'member_access_expression') && holder.endIndex - holder.startIndex < 64 && CONFIGURATION.test(holder.text)) return [];
    const method = holder.type === 'invocation_expression' ? holder.childForFieldName('function') : null;
    if (method?.type !== 'member_access_expression' || method.childForFieldName('name')?.text !== 'GetSection') return undefined;
    const outer = sectionOf(method.childForFieldName('expression'), depth + 1);
    const key = firstString(holder.childForFieldName('arguments'));
    return outer && key ? [...outer, key] : undefined;
  };
  const keyIn = (holder: TsNode | null, key: string | undefined) => {
    const section = sectionOf(holder);
    return section && key ? [...section, key].join(':') : undefined;
  };
  if (node.type === 'element_access_expression') return keyIn(node.childForFieldName('expression'), firstString(node.childForFieldName('subscript')));
  if (node.type === 'member_access_expression' && node.childForFieldName('name')?.text === 'Value') {
    const section = sectionOf(node.childForFieldName('expression'));
    return section?.length ? section.join(':') : undefined;
  }
  const method = node.type === 'invocation_expression' ? node.childForFieldName('function') : null;
  if (method?.type === 'member_access_expression' && /^GetValue\b/.test(method.childForFieldName('name')?.text ?? '')) return keyIn(method.childForFieldName('expression'), firstString(node.childForFieldName('arguments')));
  return undefined;
}

const graphConfigured = new WeakMap<EnvironmentUrls, boolean>();
/** Whether the app's configuration gives any name a Graph URL; answered once per tree (every file of it asks). */
function configuresGraph(environment: EnvironmentUrls | undefined): boolean {
  if (!environment) return false;
  let answer = graphConfigured.get(environment);
  if (answer === undefined) {
    answer = Object.values(environment).some((values) => Object.values(values).some((url) => MENTIONS_GRAPH_HOST.test(url)));
    graphConfigured.set(environment, answer);
  }
  return answer;
}

/** IDownstreamApi / IDownstreamWebApi methods: the verb (or a generic call) and whom the call acts for. */
const DOWNSTREAM_API = /^(Get|Post|Put|Patch|Delete|CallApi|CallWebApi)For(User|App)Async(<.*>)?$/;

const NO_BINDINGS: ReadonlyMap<string, string> = new Map();
/** A request helper of a file (see registerHelper): its parameters' names, for keyword arguments; whether a method's first is the receiver. */
/** `owner`: the C# or Java class declaring the helper, by which other classes' calls find it. */
export type TreeHelper = RequestWrapper & { params: readonly string[]; selfFirst: boolean; owner?: string };
/** A URL whose host, or whose path right after the base, is unknown: `{id}/…`, `https://graph.microsoft.com/v1.0{id}`. */
const ROOT_UNKNOWN = /^(https?:\/\/)?([^/]*\{id\}|[^/]+(\/(v1\.0|beta))?\/?\{id\})/i;
/** Receivers of HTTP requests: the clients' usual names (`requests`, `httpx`, `self.session`, `_httpClient`, `URI`). */
const HTTP_CLIENT_RECEIVER = /(^|[._])(requests|httpx|aiohttp|session|http|http_?client|web_?client|rest_?template|URI)$/i;

/** The parameter names of a function or method definition, in order. */
function parameterNames(fn: TsNode): string[] {
  const list = fn.childForFieldName('parameters');
  return (list?.namedChildren ?? []).flatMap((param) => {
    const name = param ? parameterName(param) : undefined;
    return name ? [name] : [];
  });
}

/** A parameter's name (`id`, `string id`, `part="messages"`, `id: str`); undefined for `*`, `/` and comments. */
function parameterName(param: TsNode): string | undefined {
  if (param.type === 'identifier') return param.text;
  return (param.childForFieldName('name') ?? param.namedChildren.find((child) => child?.type === 'identifier'))?.text;
}

/**
 * The name of the function of this file a call calls: `f(…)`, `self.f(…)`, `this.F<T>(…)`, `F<T>(…)`; undefined
 * for a call on anything else (`requests.post(…)` is no call of a helper named post).
 */
function calledName(call: TsNode): string | undefined {
  if (call.type === 'method_invocation') {
    const object = call.childForFieldName('object');
    return !object || object.type === 'this' ? call.childForFieldName('name')?.text : undefined;
  }
  const target = call.childForFieldName('function');
  if (target?.type === 'attribute' || target?.type === 'member_access_expression') {
    const object = target.childForFieldName(target.type === 'attribute' ? 'object' : 'expression');
    if (!object || !/^(self|cls|this)$/.test(object.text)) return undefined;
    return target.childForFieldName(target.type === 'attribute' ? 'attribute' : 'name')?.text.replace(/<.*>$/, '');
  }
  return target?.text.replace(/<.*>$/, '');
}
/** A call in any of the three languages. */
function isCall(node: TsNode): boolean {
  return node.type === 'call' || node.type === 'invocation_expression' || node.type === 'method_invocation';
}

/** Function and method definitions, whose parameters may give a request's URL (request helpers). */
const FUNCTION_DEFINITION: Record<TreeLanguage, string> = { python: 'function_definition', csharp: 'method_declaration', java: 'method_declaration' };
/** A static method's signature in C# or Java (`static string SearchUrl(`, `public static String url(`). */
const STATIC_METHOD = /\bstatic\s+(?:[\w<>[\],.?]+\s+)+\w+\s*\(/;
/** The longest function read for a URL builder, in characters. */
const MAX_URL_BUILDER_LENGTH = 600;
/** A function's text returning what may be a URL: a string, a name joined with `+`, a bracket, a format call. */
const RETURNS_STRING_LIKE = /(\breturn\s+|=>\s*)(f?r?["'$@]|\(|[\w.]+\s*\+|String\.format\b|string\.Format\b)/;
/** What a URL builder returns: a string, a concatenation, an interpolation (a call of a formatting function is checked apart). */
const URL_BUILDING_EXPRESSION = /^(string|string_literal|verbatim_string_literal|raw_string_literal|interpolated_string_expression|concatenated_string|binary_expression|binary_operator|parenthesized_expression|template_expression)$/;
/** The key under which a URL builder's parameters and defaults are exported beside its result (see exportStaticUrlBuilder). */
const PARAMETERS_SUFFIX = '#parameters';
/** A Python module that may define a function returning a URL, for the modules importing it. */
const mayBuildUrlsInModule = (text: string) => (text.includes('"/') || text.includes("'/") || text.includes('/"') || text.includes("/'") || text.includes('http')) && /^def\s+\w+\s*\(/m.test(text);
/** Whether a definition is at the top level of its Python module (directly, or under a decorator). */
function isModuleLevel(definition: TsNode): boolean {
  const parent = definition.parent?.type === 'decorated_definition' ? definition.parent.parent : definition.parent;
  return parent?.type === 'module';
}
/** A C# or Java file that may have a static method returning a URL (a URL builder other classes call). */
const mayBuildUrlsStatically = (text: string) => (text.includes('"/') || text.includes('/"') || text.includes('http')) && STATIC_METHOD.test(text);

const ENVIRONMENT_READERS = /^(os\.getenv|os\.environ\.get|System\.getenv|(System\.)?Environment\.GetEnvironmentVariable)$/;

function environmentVariableOf(node: TsNode, rules: LanguageRules, constants: Assignments): string | undefined {
  if (node.type === 'subscript' && node.childForFieldName('value')?.text === 'os.environ') return stringValue(node.childForFieldName('subscript') ?? node, rules);
  // A key of a JSON settings file the program loads: `config = json.load(open(…))`, then `config["endpoint"]`.
  const holder = node.type === 'subscript' ? node.childForFieldName('value') : undefined;
  if (holder?.type === 'identifier' && /^json\.loads?\(/.test(valueAt(constants, holder)?.text ?? '')) {
    const key = stringValue(node.childForFieldName('subscript') ?? node, rules);
    return key === undefined ? undefined : `json:${key}`;
  }
  if (node.type !== 'call' && node.type !== 'invocation_expression' && node.type !== 'method_invocation') return undefined;
  const callee = node.type === 'method_invocation' ? `${node.childForFieldName('object')?.text ?? ''}.${node.childForFieldName('name')?.text ?? ''}` : (node.childForFieldName('function')?.text ?? '');
  if (!ENVIRONMENT_READERS.test(callee)) return undefined;
  const first = node.childForFieldName('arguments')?.namedChildren.find((child) => child !== null);
  return first ? stringValue(firstValue(first), rules) : undefined;
}

/**
 * The text of a string literal. Interpolations (`$"{Base}/me"`, `f"{GRAPH}/me"`) take the value of the
 * expression when `evaluate` knows it (a constant), `{id}` otherwise.
 */
function stringValue(node: TsNode, rules: LanguageRules, evaluate: (expression: TsNode) => string | undefined = () => undefined): string | undefined {
  if (!rules.strings.has(node.type)) return undefined;
  if (node.type === 'concatenated_string') return node.namedChildren.map((child) => (child ? stringValue(child, rules, evaluate) ?? PLACEHOLDER : '')).join('');
  // Each interpolation's source range is replaced by its value; then the prefix and quotes come off.
  const interpolations = node.namedChildren.filter((child): child is TsNode => child?.type === 'interpolation');
  let text = '';
  let cursor = node.startIndex;
  for (const interpolation of interpolations) {
    const expression = interpolation.namedChildren.find((inner) => inner && !/alignment|format|conversion|specifier/.test(inner.type));
    text += node.text.slice(cursor - node.startIndex, interpolation.startIndex - node.startIndex) + ((expression && evaluate(expression)) ?? PLACEHOLDER);
    cursor = interpolation.endIndex;
  }
  text += node.text.slice(cursor - node.startIndex);
  text = text.replace(/^(\$@|@\$|\$|@|[rRbBuUfF]{1,2})?("""|'''|"|')/, '').replace(/("""|'''|"|')$/, '');
  return text.replace(/\\(["'\\])/g, '$1').replace(/\{\{/g, '{').replace(/\}\}/g, '}');
}


function firstValue(argument: TsNode): TsNode {
  // C# and Python wrap arguments; the value is the last named child (after a name: for keyword arguments).
  if (argument.type === 'argument' || argument.type === 'keyword_argument') return lastNamed(argument) ?? argument;
  return argument;
}

/** A method name's HTTP verb in a verb table (own keys only: `constructor` or `toString` are not verbs). */
function verbOf(table: Record<string, string>, name: string): string | undefined {
  // `GetFromJsonAsync<User>` is GetFromJsonAsync.
  const plain = name.replace(/<.*>$/, '');
  return Object.hasOwn(table, plain) ? table[plain] : undefined;
}

function lazyArguments(call: TsNode): () => TsNode[] {
  let list: TsNode[] | undefined;
  return () => (list ??= argumentsOf(call.childForFieldName('arguments')));
}

/**
 * C# HttpClient base addresses: by the name holding the client (`this.` dropped) for `_http.BaseAddress = new
 * Uri(…)` and `var http = new HttpClient(handler) { BaseAddress = new Uri(…) }`; by client (see
 * CodeGraphFacts.clientBases) for a registration's configuration (`services.AddHttpClient("Graph", client =>
 * client.BaseAddress = new Uri(…))`, `.AddHttpClient<IGraph, GraphService>().ConfigureHttpClient(c => …)`).
 */
function clientBaseAddresses(assignments: readonly TsNode[], evaluate: (node: TsNode) => string | undefined): { holders: Map<string, string>; registrations: { client: string; base: string }[] } {
  const holders = new Map<string, string>();
  const registrations: { client: string; base: string }[] = [];
  for (const assignment of assignments) {
    const left = assignment.childForFieldName('left');
    const right = assignment.childForFieldName('right');
    if (right?.type !== 'object_creation_expression' || !/^(System\.)?Uri$/.test(right.childForFieldName('type')?.text ?? '')) continue;
    const first = argumentsOf(right.childForFieldName('arguments'))[0];
    const url = first ? evaluate(firstValue(first)) : undefined;
    if (!url || !/^https?:\/\//i.test(url)) continue;
    let holder: string | undefined;
    if (left?.type === 'member_access_expression' && left.childForFieldName('name')?.text === 'BaseAddress') {
      const client = registeredClientAround(assignment, evaluate);
      if (client) {
        registrations.push({ client, base: url });
        continue;
      }
      holder = left.childForFieldName('expression')?.text;
    } else if (left?.type === 'identifier' && left.text === 'BaseAddress' && assignment.parent?.type === 'initializer_expression') {
      const creation = assignment.parent.parent;
      const owner = creation?.parent?.type === 'equals_value_clause' ? creation.parent.parent : creation?.parent;
      holder = owner?.type === 'variable_declarator' ? owner.namedChildren.find((child) => child?.type === 'identifier')?.text : owner?.type === 'assignment_expression' ? owner.childForFieldName('left')?.text : undefined;
    }
    if (holder) holders.set(holder.replace(/^this\./, ''), url);
  }
  return { holders, registrations };
}

/**
 * A file importing from msgraph-core and naming its GraphClient (also in a parenthesised, multi-line import), or its
 * first preview's GraphSession; msgraph-core 1.0 has neither.
 */
const MSGRAPH_CORE_IMPORT = /\bfrom[ \t]+msgraph\.core[ \t]+import\b[^;]*?\bGraphClient\b|\bmsgraph\.core\.GraphClient\b|\bfrom[ \t]+msgraphcore[ \t]+import\b[^;]*?\bGraphSession\b/;
const MSGRAPH_CORE_CLIENT = /^(msgraph\.core\.)?GraphClient$|^GraphSession$/;
/** msgraph-core's NationalClouds members, by name. */
const MSGRAPH_CORE_CLOUDS: Record<string, string> = {
  Global: 'https://graph.microsoft.com',
  US_GOV: 'https://graph.microsoft.us',
  US_DoD: 'https://dod-graph.microsoft.us',
  Germany: 'https://graph.microsoft.de',
  China: 'https://microsoftgraph.chinacloudapi.cn',
};

/** A keyword argument's value node (`api_version=…`). */
function keywordArgument(call: TsNode, name: string): TsNode | undefined {
  return call.childForFieldName('arguments')?.namedChildren.find((argument) => argument?.type === 'keyword_argument' && argument.childForFieldName('name')?.text === name)?.childForFieldName('value') ?? undefined;
}

/**
 * The base URL of msgraph-core's GraphClient: its cloud (`cloud=NationalClouds.US_GOV` or a URL) and API version
 * (`api_version=APIVersion.beta` or `'beta'`), v1.0 on the global cloud unless given.
 */
function msgraphCoreBase(made: TsNode, evaluate: (node: TsNode) => string | undefined): string | undefined {
  const valueOf = (name: string, members: Record<string, string>) => {
    const value = keywordArgument(made, name);
    if (!value) return undefined;
    const member = value.type === 'attribute' ? value.childForFieldName('attribute')?.text : undefined;
    return member !== undefined ? members[member] : evaluate(value);
  };
  const cloud = keywordArgument(made, 'cloud') ? valueOf('cloud', MSGRAPH_CORE_CLOUDS) : MSGRAPH_CORE_CLOUDS.Global;
  const version = keywordArgument(made, 'api_version') ? valueOf('api_version', { v1: 'v1.0', beta: 'beta' }) : 'v1.0';
  return cloud && version ? `${cloud.replace(/\/+$/, '')}/${version}` : undefined;
}

/**
 * Python clients that put a base URL before a relative one, by the name holding them (`self.client` as written):
 * httpx clients and aiohttp sessions made with one (`client = httpx.Client(base_url=GRAPH)`, `async with
 * aiohttp.ClientSession(base_url=…) as session:`), and msgraph-core's GraphClient, also as a parameter typed with it (`graph_client: GraphClient`;
 * only where the file imports it: `msgraphCore`). A name also set to None holds the client when set.
 */
function pythonClientBases(assignments: Assignments, withItems: readonly TsNode[], msgraphCore: boolean, typed: readonly TsNode[], evaluate: (node: TsNode) => string | undefined): Map<string, string> {
  const bases = new Map<string, string>();
  const baseOf = (made: TsNode | null | undefined) => {
    if (made?.type !== 'call') return undefined;
    const maker = made.childForFieldName('function')?.text ?? '';
    if (msgraphCore && MSGRAPH_CORE_CLIENT.test(maker)) return msgraphCoreBase(made, evaluate);
    // httpx's clients, and aiohttp's session (a base URL since aiohttp 3.8).
    if (!/^(httpx\.)?(Async)?Client$|^(aiohttp\.)?ClientSession$/.test(maker)) return undefined;
    const option = keywordArgument(made, 'base_url');
    return option ? evaluate(option) : undefined;
  };
  for (const [name, values] of assignments) {
    const set = values.filter((value) => value.type !== 'none');
    const base = set.length === 1 ? baseOf(set[0]) : undefined;
    if (base) bases.set(name, base);
  }
  for (const parameter of typed) {
    const name = parameter.namedChildren.find((child) => child?.type === 'identifier')?.text;
    const type = parameter.childForFieldName('type')?.text.replace(/^(Optional\[)?["']?|["']?\]?$/g, '');
    if (name && type && MSGRAPH_CORE_CLIENT.test(type) && !bases.has(name)) bases.set(name, `${MSGRAPH_CORE_CLOUDS.Global}/v1.0`);
  }
  for (const item of withItems) {
    const base = baseOf(item.namedChildren[0]);
    const alias = item.childForFieldName('alias')?.namedChildren[0]?.text;
    if (base && alias) bases.set(alias, base);
  }
  return bases;
}

/** A named client's key: its name (`name:Graph`), or the expression naming it when not a constant of the file (`name:Constants.GraphApi`). */
function clientName(argument: TsNode | undefined, evaluate: (node: TsNode) => string | undefined): string | undefined {
  if (!argument) return undefined;
  const value = firstValue(argument);
  return `name:${evaluate(value) ?? value.text}`;
}

/**
 * The client an `AddHttpClient(…)` registration around a node configures: `name:…` for a named client, `type:…`
 * for a typed one (its implementation, the last type argument); a `ConfigureHttpClient(…)` chained after it
 * configures the same. Undefined when the node is not in such a call.
 */
function registeredClientAround(node: TsNode, evaluate: (node: TsNode) => string | undefined): string | undefined {
  let current: TsNode | null = node.parent;
  for (let depth = 0; current && depth < 12; depth++, current = current.parent) {
    if (current.type !== 'invocation_expression') continue;
    let call: TsNode | null = current;
    for (let hops = 0; call && hops < 4; hops++) {
      const method = call.childForFieldName('function');
      if (method?.type !== 'member_access_expression') break;
      const name = method.childForFieldName('name');
      if (name?.text.startsWith('AddHttpClient')) {
        const typeArguments = name.type === 'generic_name' ? name.namedChildren.find((child) => child?.type === 'type_argument_list')?.namedChildren.filter(Boolean) : undefined;
        if (typeArguments?.length) return `type:${typeArguments[typeArguments.length - 1]!.text}`;
        const first = argumentsOf(call.childForFieldName('arguments'))[0];
        return first && firstValue(first).type !== 'lambda_expression' ? clientName(first, evaluate) : undefined;
      }
      if (name?.text !== 'ConfigureHttpClient') break;
      const receiver = method.childForFieldName('expression');
      call = receiver?.type === 'invocation_expression' ? receiver : null;
    }
    return undefined;
  }
  return undefined;
}

/**
 * The registered client each name of a C# file holds: `factory.CreateClient("Graph")` → `name:Graph`; the
 * `HttpClient` a typed client's constructor receives (`GraphService(HttpClient http)`) and the field it keeps it
 * in → `type:GraphService`.
 */
function clientIdentities(assignments: Assignments, constructors: readonly TsNode[], evaluate: (node: TsNode) => string | undefined): Map<string, string> {
  const identities = new Map<string, string>();
  for (const [name, values] of assignments) {
    const value = values.length === 1 ? values[0]! : undefined;
    const method = value?.type === 'invocation_expression' ? value.childForFieldName('function') : undefined;
    if (method?.type === 'member_access_expression' && method.childForFieldName('name')?.text === 'CreateClient') {
      const client = clientName(argumentsOf(value!.childForFieldName('arguments'))[0], evaluate);
      if (client) identities.set(name, client);
    }
  }
  if (!constructors.length) return identities;
  // The fields each name is stored in (`_http = http`), found once for all constructors.
  const storedIn = new Map<string, string[]>();
  for (const [field, values] of assignments) {
    for (const value of values) {
      if (value.type !== 'identifier') continue;
      const fields = storedIn.get(value.text);
      if (fields) fields.push(field);
      else storedIn.set(value.text, [field]);
    }
  }
  for (const constructor of constructors) {
    const owner = constructor.childForFieldName('name')?.text;
    for (const parameter of constructor.childForFieldName('parameters')?.namedChildren ?? []) {
      if (!owner || !parameter || !/^(System\.Net\.Http\.)?HttpClient$/.test(parameter.childForFieldName('type')?.text ?? '')) continue;
      const name = parameter.childForFieldName('name')?.text;
      if (!name) continue;
      for (const holder of [name, ...(storedIn.get(name) ?? [])]) identities.set(holder, `type:${owner}`);
    }
  }
  return identities;
}

function argumentsOf(list: TsNode | null): TsNode[] {
  return list ? list.namedChildren.filter((child): child is TsNode => Boolean(child) && child!.type !== 'comment') : [];
}

function lastNamed(node: TsNode): TsNode | null {
  const named = node.namedChildren.filter(Boolean);
  const last = named[named.length - 1] ?? null;
  return last?.type === 'equals_value_clause' ? (last.namedChildren[0] ?? null) : last;
}

/**
 * The field or variable a C# or Java assignment sets (`_url = …`, `this.url = …`, both named `url`/`_url`), or
 * undefined for anything else (`items[0] = …`, `other.url = …`).
 */
function assignedField(assignment: TsNode, self: 'this_expression' | 'this'): string | undefined {
  const left = assignment.childForFieldName('left');
  if (left?.type === 'identifier') return left.text;
  const [object, field] = left?.type === 'member_access_expression' ? [left.childForFieldName('expression'), left.childForFieldName('name')] : left?.type === 'field_access' ? [left.childForFieldName('object'), left.childForFieldName('field')] : [null, null];
  return object?.type === self && field?.type === 'identifier' ? field.text : undefined;
}

/**
 * The value a C# or Java assignment gives; a compound one (`url += "/me"`) is itself, which evaluates to
 * nothing: the name's value is then unknown from there on rather than the value before it.
 */
function assignedValue(assignment: TsNode): TsNode | null {
  const operator = assignment.childForFieldName('operator') ?? assignment.children.find((child) => child?.type === 'assignment_operator' || child?.type === '=' || /^[-+*/%&|^<>?]+=$/.test(child?.type ?? ''));
  return operator?.text === '=' ? assignment.childForFieldName('right') : assignment;
}

/** Every assignment of each name, in source order. */
type Assignments = Map<string, TsNode[]>;

function declarators(declarations: readonly TsNode[], reader: LanguageRules['declaration']): Assignments {
  const map: Assignments = new Map();
  // Declarations and assignments come per node type: valueAt needs them in source order.
  const ordered = reader.types.length > 1 ? [...declarations].sort((a, b) => a.startIndex - b.startIndex) : declarations;
  for (const node of ordered) {
    const name = reader.name(node);
    const value = reader.value(node);
    // `this.url = url` in a constructor says nothing more of `url` than the parameter does; a `for` loop's own
    // name stands for its value (office365's entities of a collection).
    if (!name || !value || (value.text === name && value.parent?.type !== 'for_statement')) continue;
    const list = map.get(name);
    if (list) list.push(value);
    else map.set(name, [value]);
  }
  return map;
}

/**
 * The nodes that open a scope of names (Python, C#, Java). Listed, not matched by a word: Java's `method_invocation`
 * is no scope, and taking it for one had lost every local variable read as a call's argument.
 */
const FUNCTION_NODE = /^(function_definition|lambda|method_declaration|constructor_declaration|compact_constructor_declaration|local_function_statement|lambda_expression|anonymous_method_expression|accessor_declaration)$/;

/** The function, method, constructor or lambda a node is in; null at the top level. */
function functionAround(node: TsNode): TsNode | null {
  let fn = node.parent;
  while (fn && !FUNCTION_NODE.test(fn.type)) fn = fn.parent;
  return fn;
}

/**
 * The value a name has where it is used: its only assignment, or, for a name assigned several times, the
 * last assignment before the use in the same function (`url = f"…"; requests.get(url)` even when a loop
 * below reuses `url`). Anything else is not known statically.
 */
function valueAt(assignments: Assignments, use: TsNode, name = use.text): TsNode | undefined {
  const candidates = assignments.get(name);
  if (!candidates) return undefined;
  // A Python instance attribute (`self.account`) is set in one method (often __init__) and read in others: the
  // class's last assignment before the use, else its first.
  if (name.startsWith('self.')) {
    let owner: TsNode | null = use.parent;
    while (owner && owner.type !== 'class_definition') owner = owner.parent;
    // Not the value the use is part of (`self.items = self.items.get_messages()`).
    const inClass = (owner ? candidates.filter((candidate) => candidate.startIndex >= owner!.startIndex && candidate.endIndex <= owner!.endIndex) : candidates).filter((candidate) => !(candidate.startIndex <= use.startIndex && use.endIndex <= candidate.endIndex));
    return inClass.filter((candidate) => candidate.endIndex <= use.startIndex).pop() ?? inClass[0];
  }
  const scope = functionAround(use);
  const from = scope?.startIndex ?? 0;
  const to = scope?.endIndex ?? Number.POSITIVE_INFINITY;
  // A parameter hides what a name is assigned outside its function (`url` of one method, `var url` of another).
  if (scope && use.type === 'identifier' && parameterNames(scope).includes(name) && !candidates.some((candidate) => candidate.startIndex >= from && candidate.endIndex <= to)) return undefined;
  if (candidates.length === 1) return candidates[0];
  // The candidates are in source order: search back from the last one starting before the use, and stop at the
  // scope's start (a file assigning one name thousands of times stays linear).
  for (let index = partitionPoint(candidates, (candidate) => candidate.startIndex < use.startIndex) - 1; index >= 0; index--) {
    const candidate = candidates[index]!;
    if (candidate.startIndex < from) return undefined;
    if (candidate.endIndex <= to && candidate.endIndex <= use.startIndex) return candidate;
  }
  return undefined;
}

/**
 * The values a name may hold at a use when the assignment before it lies in an arm of an `if` the use is outside
 * of (`if x: url = a` / `else: url = b`, C# and Java alike): the values reaching the end of each arm — an `if`
 * nested in an arm gives each of its own arms' values — and the ones reaching the `if` when an arm gives none or
 * there is no `else`. Undefined when there is no such `if` (valueAt then answers).
 */
function reachingAt(assignments: Assignments, use: TsNode): TsNode[] | undefined {
  const name = use.text;
  const values = assignments.get(name) ?? [];
  const last = valueAt(assignments, use);
  // Each step to a parent walks down from the root in the parser's WebAssembly: a value's statements are climbed
  // once, however many arms ask (ifs nested 2,000 deep took 8 s, not 1).
  const statements = new Map<TsNode, TsNode[]>();
  const outermostIfLeft = (value: TsNode, holdsPoint: (node: TsNode) => boolean, arm: TsNode | undefined): TsNode | undefined => {
    let around = statements.get(value);
    if (!around) statements.set(value, (around = enclosingWithinFunction(value)));
    let branch: TsNode | undefined;
    for (const node of around) {
      if (node.id === arm?.id) break;
      if (node.type === 'if_statement' && !holdsPoint(node)) branch = node;
    }
    return branch;
  };
  const holdsUse = (node: TsNode) => use.startIndex >= node.startIndex && use.endIndex <= node.endIndex;
  if (!last || !outermostIfLeft(last, holdsUse, undefined)) return undefined;
  /**
   * What reaches a point (the use, the start of an `if`, the end of an arm) when `last` is the last assignment
   * before it within `arm` (undefined: the function); `holdsPoint` tells the statements the point lies in, and
   * `outer` gives what reaches the arm's start.
   */
  const reaching = (last: TsNode, holdsPoint: (node: TsNode) => boolean, arm: TsNode | undefined, outer: () => TsNode[], depth: number): TsNode[] => {
    const branch = depth < 8 ? outermostIfLeft(last, holdsPoint, arm) : undefined;
    if (!branch) return [last];
    // Asked for by every arm giving no value and by a missing `else`: worked out once.
    let reachingBranch: TsNode[] | undefined;
    const before = (): TsNode[] => {
      if (reachingBranch) return reachingBranch;
      const previous = arm ? lastWithin(values, arm.startIndex, branch.startIndex) : valueAt(assignments, branch, name);
      return (reachingBranch = previous ? reaching(previous, (node) => node.startIndex <= branch.startIndex && branch.endIndex <= node.endIndex, arm, outer, depth + 1) : outer());
    };
    const found: TsNode[] = [];
    /** The arms of an `if` and whether it ends with an `else`: C# and Java chain `else if` as an `if` in the alternative; Python's elif and else are clauses. */
    const visit = (ifNode: TsNode): boolean => {
      let hasElse = false;
      for (const armNode of [...ifNode.childrenForFieldName('consequence'), ...ifNode.childrenForFieldName('alternative')]) {
        if (!armNode) continue;
        if (armNode.type === 'if_statement') {
          hasElse = visit(armNode);
          continue;
        }
        if (armNode.type === 'else_clause' || (armNode.type !== 'elif_clause' && ifNode.childForFieldName('alternative')?.id === armNode.id)) hasElse = true;
        const end = Math.min(armNode.endIndex, use.startIndex);
        const lastInArm = lastWithin(values, armNode.startIndex, end);
        // At an arm's end every statement within it has ended (a Python block ends where its last `if` does).
        found.push(...(lastInArm ? reaching(lastInArm, () => false, armNode, before, depth + 1) : before()));
      }
      return hasElse;
    };
    if (!visit(branch)) found.push(...before());
    return [...new Set(found)];
  };
  return reaching(last, holdsUse, undefined, () => [], 0);
}

/** The nodes around an assignment's value, innermost first, up to (not including) its function. */
function enclosingWithinFunction(value: TsNode): TsNode[] {
  const around: TsNode[] = [];
  for (let current = value.parent?.parent; current && !FUNCTION_NODE.test(current.type); current = current.parent) around.push(current);
  return around;
}

/** The last of values in source order lying within [from, to] (binary search: a name assigned thousands of times stays cheap). */
function lastWithin(values: readonly TsNode[], from: number, to: number): TsNode | undefined {
  const value = values[partitionPoint(values, (candidate) => candidate.endIndex <= to) - 1];
  return value && value.startIndex >= from ? value : undefined;
}

/**
 * Code that never runs: statements after a return/throw in the same block, and the body of `if false`. The
 * ranges are found in one pass per file, so testing a node is a range lookup rather than a climb through its
 * ancestors (each parent step crosses into the parser's WebAssembly and walks down from the root).
 */
function unreachableTest(nodes: NodesOf, rules: LanguageRules): (node: TsNode) => boolean {
  const ranges: [number, number][] = [];
  for (const node of nodes(...rules.dead.block, rules.dead.ifType)) {
    if (node.type === rules.dead.ifType) {
      const condition = node.childForFieldName('condition');
      const consequence = node.childForFieldName('consequence');
      if (condition && consequence && /^\(?\s*(false|False)\s*\)?$/.test(condition.text)) ranges.push([consequence.startIndex, consequence.endIndex]);
      continue;
    }
    const cursor = node.walk();
    try {
      if (!cursor.gotoFirstChild()) continue;
      while (!rules.dead.exits.has(cursor.nodeType)) if (!cursor.gotoNextSibling()) break;
      // What starts after the first exit statement, up to the end of its block, never runs.
      if (rules.dead.exits.has(cursor.nodeType) && cursor.gotoNextSibling()) ranges.push([cursor.startIndex, node.endIndex]);
    } finally {
      cursor.delete();
    }
  }
  if (!ranges.length) return () => false;
  // A node's position is read from the parser's memory on each access: once per test.
  return (node) => {
    const at = node.startIndex;
    return ranges.some(([start, end]) => at >= start && at < end);
  };
}

function enclosingStatement(node: TsNode): TsNode | null {
  let current: TsNode | null = node;
  while (current && !/statement|declaration$/.test(current.type)) current = current.parent;
  return current;
}

function firstError(root: TsNode): number | undefined {
  const stack: TsNode[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'ERROR' || node.isMissing) return node.startPosition.row + 1;
    for (let i = node.childCount - 1; i >= 0; i--) {
      const child = node.child(i);
      if (child?.hasError || child?.type === 'ERROR') stack.push(child);
    }
  }
  return undefined;
}
