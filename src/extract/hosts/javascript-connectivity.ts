import { PLACEHOLDER } from '../../knowledge/graph/graph-path.ts';
import { AZURE_CLIENT_TYPES, AZURE_SDK_MODULES, SDK_HOSTS } from '../../knowledge/hosts/sdk-hosts.ts';
import type { SourceRef } from '../graph/types.ts';
import { hostFromConnectionString } from './connection-string.ts';
import type { CodeConnectivity } from './types.ts';

/**
 * Outbound connections and served routes in JavaScript/TypeScript, recognised on the same oxc tree the Graph
 * extractor walks (each file is parsed once). The extractor hands over its string evaluator (constants,
 * template literals, imports) and calls `visit` for every reachable call and `new` expression.
 */
export interface JsNode {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

export interface JsConnectivityContext {
  evaluate(node: JsNode | undefined): string | undefined;
  resolveObject(node: JsNode | undefined): JsNode | undefined;
  property(object: JsNode, name: string): JsNode | undefined;
  where(node: JsNode): SourceRef;
  /** The module a local name was imported or required from. */
  moduleOf(name: string): string | undefined;
  text(node: JsNode): string;
}

/** Free functions that send a request to their first argument. */
const REQUEST_FUNCTIONS = /^(fetch|got|ky|ofetch|\$fetch|request|needle|superagent|axios|io|fetchJson)$/;
/** Receivers whose verb methods send requests (axios.get, this.http.post, superagent.put, https.request). */
const CLIENT_OBJECTS = /^(axios|got|ky|superagent|request|needle|http|https|httpClient|http_client|undici|ofetch|\$http|fetcher|window|globalThis|self|spHttpClient|aadHttpClient)$/;
const CLIENT_VERBS = /^(get|post|put|patch|delete|del|head|options|request|stream|fetch|getJSON|postJSON)$/;
const BASE_FACTORIES = /^(create|extend)$/;
const SOCKETS = /^(WebSocket|EventSource|ReconnectingWebSocket)$/;
const ROUTE_VERBS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', delete: 'DELETE', del: 'DELETE', all: 'ANY', options: 'OPTIONS', head: 'HEAD' };
/** Receivers that are HTTP clients, never servers: their verb calls are requests, not routes. */
const NOT_SERVERS = /^(axios|got|ky|superagent|request|needle|http|https|httpClient|client|apiClient|fetcher|graph|graphClient|this|\$http|cache|map|params|searchParams|headers|localStorage|sessionStorage|store|storage|config|env|process|Object|Reflect|state|res|req|response|request|ctx|context)$/i;

export function visitJsConnectivity(node: JsNode, context: JsConnectivityContext, out: CodeConnectivity): void {
  const callee = node.callee as JsNode;
  const args = ((node.arguments as JsNode[]) ?? []).filter(Boolean);
  const member = callee.type === 'MemberExpression' && !callee.computed ? { object: callee.object as JsNode, name: (callee.property as JsNode).name as string } : undefined;
  const calleeName = callee.type === 'Identifier' ? (callee.name as string) : member?.name;
  const receiver = member ? receiverName(member.object) : undefined;

  if (node.type === 'CallExpression' && member && recogniseRoute(node, member, receiver, args, context, out)) return;
  if (node.type === 'NewExpression' && calleeName && SOCKETS.test(calleeName)) return outbound(args[0], calleeName, 'WebSocket / server-sent events');
  if (recogniseSdk(node, callee, calleeName, args, context, out)) return;
  if (callee.type === 'Identifier' && REQUEST_FUNCTIONS.test(calleeName!)) return requestArguments(calleeName!);
  if (member && receiver && CLIENT_OBJECTS.test(receiver)) {
    if (BASE_FACTORIES.test(member.name)) {
      const options = context.resolveObject(args[0]);
      const base = options && (context.property(options, 'baseURL') ?? context.property(options, 'prefixUrl') ?? context.property(options, 'baseUrl'));
      if (base) outbound(base, `${receiver}.${member.name}`, 'HTTP client base URL');
      return;
    }
    if (CLIENT_VERBS.test(member.name)) return requestArguments(`${receiver}.${member.name}`);
  }

  function requestArguments(via: string) {
    const first = args[0];
    if (!first) return;
    const options = context.resolveObject(first);
    if (options) {
      // request({ url }) / axios({ url, baseURL }) / https.request({ hostname, path })
      const url = context.property(options, 'url') ?? context.property(options, 'uri') ?? context.property(options, 'baseURL');
      if (url) return outbound(url, via, undefined);
      const hostname = context.property(options, 'hostname') ?? context.property(options, 'host');
      const host = hostname && context.evaluate(hostname);
      if (host && !host.includes(PLACEHOLDER)) out.references.push({ direction: 'outbound', kind: 'code', via, host: host.toLowerCase(), source: context.where(node) });
      else if (hostname) out.references.push({ direction: 'outbound', kind: 'code', via, dynamic: shortText(context.text(hostname)), source: context.where(node) });
      return;
    }
    outbound(first, via, undefined);
  }

  function outbound(given: JsNode | undefined, via: string, purpose: string | undefined): void {
    if (!given) return;
    const argument = unwrapExpression(given);
    // `process.env.API_URL ?? 'https://…'`: the setting and its fallback are both hosts the code may contact.
    if (argument.type === 'LogicalExpression') {
      outbound(argument.left as JsNode, via, purpose);
      outbound(argument.right as JsNode, via, purpose);
      return;
    }
    const value = context.evaluate(argument);
    const base = { direction: 'outbound' as const, kind: 'code' as const, via, source: context.where(node), ...(purpose ? { purpose } : {}) };
    if (value === undefined) {
      // Request objects and relative paths built elsewhere are not hosts; an identifier or env read may be one.
      if (/^(Identifier|MemberExpression|CallExpression|ChainExpression)$/.test(argument.type)) out.references.push({ ...base, dynamic: shortText(context.text(argument)) });
      return;
    }
    if (value.startsWith(PLACEHOLDER)) {
      out.references.push({ ...base, dynamic: shortText(context.text(leadingExpression(argument))) });
      return;
    }
    if (/^(https?|wss?):\/\//i.test(value)) out.references.push({ ...base, url: value });
    // Anything else is relative: the app's own origin, not a new host.
  }
}

/** `class Bot extends TeamsActivityHandler` (from botbuilder): using an SDK's classes is using its service. */
export function visitJsClass(node: JsNode, context: JsConnectivityContext, out: CodeConnectivity): void {
  const superClass = node.superClass as JsNode | undefined;
  const name = superClass && rootIdentifier(superClass);
  const module = name && context.moduleOf(name);
  const sdk = module && SDK_HOSTS.find((candidate) => candidate.modules.js?.test(module) && !candidate.endpointTypes);
  if (sdk) out.references.push({ direction: 'outbound', kind: 'code', via: `${module} SDK`, host: sdk.host, purpose: `${sdk.service} SDK (default endpoint)`, source: context.where(node) });
}

/** Express / Koa router / Fastify / restify routes: `app.get('/api/x', handler)`, `app.route('/x').post(h)`, `fastify.route({method, url})`, Azure Functions `app.http(name, {route})`. */
function recogniseRoute(node: JsNode, member: { object: JsNode; name: string }, receiver: string | undefined, args: JsNode[], context: JsConnectivityContext, out: CodeConnectivity): boolean {
  const verb = ROUTE_VERBS[member.name];
  if (verb && args.length >= 2 && !NOT_SERVERS.test(receiver ?? '') && isHandler(args[args.length - 1]!)) {
    const path = context.evaluate(args[0]);
    if (path?.startsWith('/')) {
      out.routes.push({ method: verb, path, framework: 'express-style', source: context.where(node) });
      return true;
    }
  }
  // app.route('/x').get(handler)
  if (verb && member.object.type === 'CallExpression') {
    const inner = member.object.callee as JsNode;
    if (inner.type === 'MemberExpression' && (inner.property as JsNode).name === 'route') {
      const path = context.evaluate((member.object.arguments as JsNode[])[0]);
      if (path?.startsWith('/')) {
        out.routes.push({ method: verb, path, framework: 'express-style', source: context.where(node) });
        return true;
      }
    }
  }
  if (member.name === 'route' && args.length === 1) {
    const options = context.resolveObject(args[0]);
    const url = options && context.evaluate(context.property(options, 'url') ?? context.property(options, 'path'));
    if (options && url?.startsWith('/')) {
      for (const method of methodsOf(context.property(options, 'method'), context)) out.routes.push({ method, path: url, framework: 'fastify', source: context.where(node) });
      return true;
    }
  }
  if (member.name === 'http' && receiver === 'app' && args.length === 2) {
    const name = context.evaluate(args[0]);
    const options = context.resolveObject(args[1]);
    if (name && options && context.property(options, 'handler')) {
      const route = context.evaluate(context.property(options, 'route')) ?? name;
      const methods = methodsOf(context.property(options, 'methods'), context);
      for (const method of methods.length ? methods : ['GET', 'POST']) out.routes.push({ method, path: `/api/${route.replace(/^\//, '')}`, framework: 'azure-functions', source: context.where(node) });
      return true;
    }
  }
  return false;
}

function methodsOf(node: JsNode | undefined, context: JsConnectivityContext): string[] {
  if (!node) return ['GET'];
  if (node.type === 'ArrayExpression') return (node.elements as JsNode[]).map((element) => context.evaluate(element)?.toUpperCase()).filter((method): method is string => Boolean(method));
  const single = context.evaluate(node);
  return single ? [single.toUpperCase()] : ['ANY'];
}

/** SDK clients with a default host, and Azure SDK clients pointed at the publisher's resource. */
function recogniseSdk(node: JsNode, callee: JsNode, calleeName: string | undefined, args: JsNode[], context: JsConnectivityContext, out: CodeConnectivity): boolean {
  if (!calleeName) return false;
  const rootName = rootIdentifier(callee);
  const module = (rootName && context.moduleOf(rootName)) ?? context.moduleOf(calleeName);
  const fromConnectionString = calleeName === 'fromConnectionString';
  const azureType = fromConnectionString ? rootName : calleeName;
  if (azureType && AZURE_CLIENT_TYPES.test(azureType) && (!module || AZURE_SDK_MODULES.js.test(module) || /^openai$/.test(module))) {
    const source = context.where(node);
    const via = `${azureType}${fromConnectionString ? '.fromConnectionString' : ''}`;
    const options = args.map((argument) => context.resolveObject(argument)).find(Boolean);
    const endpoint = fromConnectionString ? args[0] : (options && (context.property(options, 'endpoint') ?? context.property(options, 'baseURL'))) ?? (context.resolveObject(args[0]) ? undefined : args[0]);
    const value = endpoint && context.evaluate(endpoint);
    const purpose = `Azure SDK client (${azureType})`;
    if (fromConnectionString && value && !value.includes(PLACEHOLDER)) {
      const host = hostFromConnectionString(value);
      out.references.push(host ? { direction: 'outbound', kind: 'code', via, host, purpose, source } : { direction: 'outbound', kind: 'code', via, dynamic: 'connection string without an endpoint', purpose, source });
    } else if (value && /^(https?|wss?):\/\//i.test(value)) out.references.push({ direction: 'outbound', kind: 'code', via, url: value, purpose, source });
    else out.references.push({ direction: 'outbound', kind: 'code', via, dynamic: endpoint ? shortText(context.text(value?.startsWith(PLACEHOLDER) ? leadingExpression(endpoint) : endpoint)) : 'endpoint not given', purpose, source });
    return true;
  }
  // Only the client's construction (`new OpenAI()`, `twilio(sid, token)`) is the connection; its method calls are not new ones.
  if (!module || (node.type !== 'NewExpression' && callee.type !== 'Identifier')) return false;
  const sdk = SDK_HOSTS.find((candidate) => candidate.modules.js?.test(module));
  if (!sdk) return false;
  const options = args.map((argument) => context.resolveObject(argument)).find(Boolean);
  const endpoint = options && (context.property(options, 'baseURL') ?? context.property(options, 'baseUrl') ?? context.property(options, 'endpoint') ?? context.property(options, 'host'));
  const value = endpoint && context.evaluate(endpoint);
  const source = context.where(node);
  const via = `${module} SDK`;
  if (value && /^(https?|wss?):\/\//i.test(value)) out.references.push({ direction: 'outbound', kind: 'code', via, url: value, purpose: `${sdk.service} SDK with a custom endpoint`, source });
  else if (endpoint && value === undefined) out.references.push({ direction: 'outbound', kind: 'code', via, dynamic: shortText(context.text(endpoint)), purpose: `${sdk.service} SDK`, source });
  else if (!(sdk.endpointTypes?.test(calleeName) ?? false)) out.references.push({ direction: 'outbound', kind: 'code', via, host: sdk.host, purpose: `${sdk.service} SDK (default endpoint)`, source });
  return true;
}

/** The expression inside parentheses, `await`, and TypeScript's `!`, `as` and `satisfies`. */
export function unwrapExpression(node: JsNode): JsNode {
  let current = node;
  while (/^(TSNonNullExpression|TSAsExpression|TSSatisfiesExpression|ParenthesizedExpression|AwaitExpression)$/.test(current.type)) current = (current.expression ?? current.argument) as JsNode;
  return current;
}

function rootIdentifier(node: JsNode): string | undefined {
  let current = node;
  while (current.type === 'MemberExpression') current = current.object as JsNode;
  return current.type === 'Identifier' ? (current.name as string) : undefined;
}

function receiverName(object: JsNode): string | undefined {
  if (object.type === 'Identifier') return object.name as string;
  if (object.type === 'ThisExpression') return 'this';
  if (object.type === 'MemberExpression' && !object.computed) return (object.property as JsNode).name as string;
  return undefined;
}

function isHandler(node: JsNode): boolean {
  return /^(ArrowFunctionExpression|FunctionExpression|Identifier|MemberExpression|CallExpression|ArrayExpression)$/.test(node.type);
}

/** The expression a URL starts with: `${base}/x` → base, `base + '/x'` → base. */
function leadingExpression(node: JsNode): JsNode {
  if (node.type === 'TemplateLiteral') return ((node.expressions as JsNode[])[0] as JsNode | undefined) ?? node;
  if (node.type === 'BinaryExpression') return leadingExpression(node.left as JsNode);
  return node;
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}
