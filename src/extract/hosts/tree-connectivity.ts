import type { Node as TsNode } from 'web-tree-sitter';
import { PLACEHOLDER } from '../../knowledge/graph/graph-path.ts';
import { AZURE_CLIENT_TYPES, AZURE_SDK_MODULES, SDK_HOSTS, type SdkLanguage } from '../../knowledge/hosts/sdk-hosts.ts';
import { initializedMember, type NodesOf, type TreeLanguage } from '../graph/tree-sitter.ts';
import type { SourceRef } from '../graph/types.ts';
import { hostFromConnectionString, isConnectionString } from './connection-string.ts';
import type { CodeConnectivity, HostReference } from './types.ts';

/**
 * Outbound connections and served routes in C#, Python and Java, on the tree-sitter tree the Graph
 * extractor already built: HTTP client calls with URL arguments (HttpClient, RestSharp, WebRequest;
 * requests/httpx/aiohttp/urllib; java.net.http, RestTemplate, WebClient, OkHttp), client base addresses,
 * SDK clients with a default host or an Azure resource endpoint, and the routes of ASP.NET controllers and
 * minimal APIs, Flask/FastAPI/Azure Functions decorators and Spring mappings.
 */
export interface TreeConnectivityContext {
  language: TreeLanguage;
  evaluate(node: TsNode | null | undefined): string | undefined;
  where(node: TsNode): SourceRef;
  isDead(node: TsNode): boolean;
}

interface ClientRules {
  /** Names of calls whose first URL-valued argument is the request target. */
  requestCalls: RegExp;
  /** Receivers of those calls that mark an HTTP client (an empty match means any receiver). */
  receivers: RegExp;
  imports(nodes: NodesOf): { module: string; names: string[]; node: TsNode }[];
  sdk: SdkLanguage;
}

const CLIENTS: Record<TreeLanguage, ClientRules> = {
  csharp: {
    requestCalls: /^(GetAsync|GetStringAsync|GetStreamAsync|GetByteArrayAsync|GetFromJsonAsync|PostAsync|PostAsJsonAsync|PutAsync|PutAsJsonAsync|PatchAsync|PatchAsJsonAsync|DeleteAsync|SendAsync|ConnectAsync|DownloadString|DownloadStringTaskAsync|UploadString|Create|CreateHttp)$/,
    receivers: /client|http|web|socket|request/i,
    imports: (nodes) => nodes('using_directive').map((node) => ({ module: node.namedChildren.find((child) => child && /name|identifier/.test(child.type))?.text ?? '', names: [], node })),
    sdk: 'csharp',
  },
  python: {
    requestCalls: /^(get|post|put|patch|delete|head|options|request|urlopen|stream|ws_connect|connect)$/,
    receivers: /^(requests|httpx|session|s|client|http|aiohttp|urllib3|pool|self\.session|self\.client|self\.http|urllib\.request|request|websockets|sess|async_client)$/,
    imports: (nodes) =>
      nodes('import_statement', 'import_from_statement').flatMap((node) => {
        if (node.type === 'import_from_statement') {
          const module = node.childForFieldName('module_name')?.text ?? '';
          const names = node.childrenForFieldName('name').flatMap((name) => (name ? [(name.childForFieldName('alias') ?? name).text] : []));
          return [{ module, names, node }];
        }
        return node.childrenForFieldName('name').flatMap((name) => (name ? [{ module: (name.childForFieldName('name') ?? name).text, names: [(name.childForFieldName('alias') ?? name).text.split('.')[0]!], node }] : []));
      }),
    sdk: 'python',
  },
  java: {
    requestCalls: /^(create|url|baseUrl|getForObject|getForEntity|postForObject|postForEntity|exchange|put|delete|patchForObject|uri)$/,
    receivers: /^(URI|restTemplate|RestTemplate|webClient|WebClient|builder|Request\.Builder|HttpRequest|client|template|restClient|RestClient)$|Builder\(\)$/,
    imports: (nodes) => nodes('import_declaration').map((node) => ({ module: node.namedChildren.find((child) => child && /identifier/.test(child.type))?.text ?? '', names: [], node })),
    sdk: 'java',
  },
};

/** The node types the recognisers read (the caller indexes them with the other extractors' in one traversal). */
export const CONNECTIVITY_NODE_TYPES = ['call', 'invocation_expression', 'method_invocation', 'object_creation_expression', 'class_declaration', 'method_declaration', 'decorator', 'using_directive', 'import_statement', 'import_from_statement', 'import_declaration'];

export function treeConnectivity(nodes: NodesOf, context: TreeConnectivityContext, out: CodeConnectivity): void {
  const rules = CLIENTS[context.language];
  const imports = rules.imports(nodes);
  const moduleOfName = new Map<string, string>();
  for (const entry of imports) for (const name of entry.names) moduleOfName.set(name, entry.module);
  const usesModule = (pattern: RegExp | undefined) => Boolean(pattern && imports.some((entry) => pattern.test(entry.module)));
  const callType = context.language === 'csharp' ? 'invocation_expression' : context.language === 'python' ? 'call' : 'method_invocation';

  const reference = (node: TsNode, via: string, argument: TsNode | undefined, purpose?: string): void => {
    if (!argument || context.isDead(node)) return;
    const value = context.evaluate(unwrapUri(argument));
    const base: Omit<HostReference, 'url' | 'host' | 'dynamic'> = { direction: 'outbound', kind: 'code', via, source: context.where(node), ...(purpose ? { purpose } : {}) };
    if (value === undefined) {
      if (/identifier|member_access|attribute|field_access|subscript|element_access|invocation|call|method_invocation/.test(unwrapUri(argument).type)) out.references.push({ ...base, dynamic: shortText(unwrapUri(argument).text) });
      return;
    }
    if (value.startsWith(PLACEHOLDER)) out.references.push({ ...base, dynamic: shortText(leadingText(unwrapUri(argument))) });
    else if (/^(https?|wss?):\/\//i.test(value)) out.references.push({ ...base, url: value });
    else if (isConnectionString(value)) {
      const host = hostFromConnectionString(value);
      if (host) out.references.push({ ...base, host });
    }
  };

  // SDKs with a default host: one connection per SDK and file, at its import (the client is made from it).
  for (const sdk of SDK_HOSTS) {
    const pattern = sdk.modules[rules.sdk];
    const entry = pattern && imports.find((candidate) => pattern.test(candidate.module));
    if (!entry) continue;
    const customEndpoint = sdk.endpointTypes && (imports.some((candidate) => /Azure/.test(candidate.module) && /OpenAI/i.test(candidate.module)) || entry.names.every((name) => sdk.endpointTypes!.test(name)) && entry.names.length > 0);
    if (customEndpoint) continue;
    out.references.push({ direction: 'outbound', kind: 'code', via: `${entry.module} SDK`, host: sdk.host, purpose: `${sdk.service} SDK (default endpoint)`, source: context.where(entry.node) });
  }

  for (const call of nodes(callType)) {
    const { name, receiver } = calleeOf(call, context.language);
    if (!name) continue;
    // Arguments are read only for calls whose name matters: most calls of a file are not requests.
    let argumentList: TsNode[] | undefined;
    const args = () => (argumentList ??= callArguments(call));
    // Azure SDK clients: Python `BlobServiceClient(account_url=…)` / `.from_connection_string(cs)`, Java builders `.endpoint(url)`.
    const azureType = name === 'from_connection_string' || name === 'fromConnectionString' ? receiver : name;
    if (azureType && AZURE_CLIENT_TYPES.test(azureType) && (context.language !== 'python' || usesModule(AZURE_SDK_MODULES.python) || usesModule(/^openai$/))) {
      const keyword = args().find((arg) => arg.type === 'keyword_argument' && /^(account_url|vault_url|endpoint|azure_endpoint|base_url|url|fully_qualified_namespace|conn_str|connection_string)$/.test(arg.childForFieldName('name')?.text ?? ''));
      reference(call, azureType, keyword ? keyword.childForFieldName('value') ?? undefined : args()[0], `Azure SDK client (${azureType})`);
      continue;
    }
    if (context.language === 'java' && name === 'endpoint' && /Builder/.test(call.text)) {
      reference(call, 'Azure SDK builder .endpoint()', args()[0], 'Azure SDK client');
      continue;
    }
    if (context.language === 'python' && name === 'client' && receiver === 'boto3') {
      out.references.push({ direction: 'outbound', kind: 'code', via: 'boto3.client', host: '*.amazonaws.com', purpose: `Amazon Web Services (${context.evaluate(args()[0]) ?? 'service'})`, source: context.where(call) });
      continue;
    }
    if (context.language === 'python' && /^(Client|AsyncClient)$/.test(name) && /httpx/.test(receiver ?? moduleOfName.get(name) ?? '')) {
      const base = args().find((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === 'base_url');
      if (base) reference(call, 'httpx base_url', base.childForFieldName('value') ?? undefined, 'HTTP client base URL');
      continue;
    }
    if (!rules.requestCalls.test(name)) continue;
    if (receiver !== undefined && !rules.receivers.test(receiver)) continue;
    if (receiver === undefined && !(context.language === 'python' && moduleOfName.has(name) && /^(requests|httpx|urllib|aiohttp)/.test(moduleOfName.get(name)!))) continue;
    // requests.request("GET", url) / SendAsync(new HttpRequestMessage(…)): the URL is not always first.
    const urlArgument = name === 'request' && args().length >= 2 ? args()[1] : args().find((arg) => arg.type !== 'keyword_argument' || /^(url|uri)$/.test(arg.childForFieldName('name')?.text ?? ''));
    if (!urlArgument || /object_creation_expression/.test(valueOf(urlArgument).type) || holdsRequestMessage(call, valueOf(urlArgument))) continue;
    reference(call, `${receiver ? `${receiver}.` : ''}${name}`, valueOf(urlArgument));
  }

  if (context.language === 'csharp') {
    for (const creation of nodes('object_creation_expression')) {
      const type = (creation.childForFieldName('type')?.text ?? '').replace(/<.*$/, '').split('.').pop()!;
      const args = (creation.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is TsNode => Boolean(child) && child!.type !== 'comment');
      if (AZURE_CLIENT_TYPES.test(type)) reference(creation, type, args[0], `Azure SDK client (${type})`);
      else if (type === 'HttpRequestMessage') reference(creation, 'HttpRequestMessage', args[1] ?? initializedMember(creation, 'RequestUri'));
      else if (type === 'RestClient' || (type === 'Uri' && /BaseAddress\s*=\s*$/.test(precedingText(creation)))) reference(creation, type === 'Uri' ? 'HttpClient.BaseAddress' : 'RestClient', args[0]);
    }
    csharpRoutes(nodes, context, out);
  }
  if (context.language === 'java') {
    for (const creation of nodes('object_creation_expression')) {
      const type = creation.childForFieldName('type')?.text ?? '';
      if (/^(URL|URI)$/.test(type)) {
        const args = (creation.childForFieldName('arguments')?.namedChildren ?? []).filter((child): child is TsNode => Boolean(child));
        const value = context.evaluate(args[0]);
        if (value && /^(https?|wss?):\/\//i.test(value)) reference(creation, `new ${type}`, args[0]);
      }
    }
    javaRoutes(nodes, context, out);
  }
  if (context.language === 'python') pythonRoutes(nodes, context, out);
}

function calleeOf(call: TsNode, language: TreeLanguage): { name?: string; receiver?: string } {
  if (language === 'java') return { name: call.childForFieldName('name')?.text, receiver: call.childForFieldName('object')?.text };
  const fn = call.childForFieldName('function');
  if (!fn) return {};
  if (fn.type === 'identifier') return { name: fn.text };
  if (fn.type === 'attribute') return { name: fn.childForFieldName('attribute')?.text, receiver: lastPart(fn.childForFieldName('object')) };
  if (fn.type === 'member_access_expression') return { name: fn.childForFieldName('name')?.text, receiver: lastPart(fn.childForFieldName('expression')) };
  return {};
}

function callArguments(call: TsNode): TsNode[] {
  return call.childForFieldName('arguments')?.namedChildren.filter((child): child is TsNode => Boolean(child) && child!.type !== 'comment') ?? [];
}

/** `self.session` stays whole (a known receiver shape); `a.b.client` → `client`; `foo()` → `foo()`. */
function lastPart(node: TsNode | null): string | undefined {
  if (!node) return undefined;
  if (/^(self|this)\.\w+$/.test(node.text)) return node.text.replace(/^this\./, '');
  if (/^urllib\.request$/.test(node.text)) return node.text;
  return node.text.split('.').pop();
}

/**
 * `SendAsync(request)` of a `request = new HttpRequestMessage(…)` made in the same method: the message is
 * referenced where it is made (with its URL), so the send is no connection of a URL known only at run time.
 */
function holdsRequestMessage(call: TsNode, argument: TsNode): boolean {
  if (argument.type !== 'identifier') return false;
  let method: TsNode | null = call.parent;
  while (method && !/^(method_declaration|constructor_declaration|local_function_statement|lambda_expression)$/.test(method.type)) method = method.parent;
  return Boolean(method && new RegExp(`\\b${argument.text}\\s*=\\s*new\\s+(System\\.Net\\.Http\\.)?HttpRequestMessage\\b`).test(method.text));
}

/** The value node of an argument (C# `argument`, Python keyword arguments). */
function valueOf(node: TsNode): TsNode {
  if (node.type === 'argument') return node.namedChildren.filter(Boolean).pop() ?? node;
  if (node.type === 'keyword_argument') return node.childForFieldName('value') ?? node;
  return node;
}

/** `new Uri("…")` / `URI.create("…")` → the string inside. */
function unwrapUri(node: TsNode): TsNode {
  const value = valueOf(node);
  if (value.type === 'object_creation_expression' && /^(System\.)?Uri$/.test(value.childForFieldName('type')?.text ?? '')) {
    const first = value.childForFieldName('arguments')?.namedChildren.find(Boolean);
    return first ? valueOf(first) : value;
  }
  return value;
}

function leadingText(node: TsNode): string {
  const interpolation = node.namedChildren.find((child) => child?.type === 'interpolation');
  if (interpolation) return interpolation.text.replace(/^\{|\}$/g, '');
  const left = node.childForFieldName('left');
  return left ? leadingText(left) : node.text;
}

function precedingText(node: TsNode): string {
  const parent = node.parent;
  if (!parent) return '';
  return parent.text.slice(0, node.startIndex - parent.startIndex);
}

function shortText(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 77)}...` : flat;
}

const HTTP_ATTRIBUTES: Record<string, string> = { HttpGet: 'GET', HttpPost: 'POST', HttpPut: 'PUT', HttpPatch: 'PATCH', HttpDelete: 'DELETE' };

/** ASP.NET Core: `[Route]` on the controller + `[HttpGet("x")]` on actions; minimal APIs `app.MapGet("/x", …)`. */
function csharpRoutes(nodes: NodesOf, context: TreeConnectivityContext, out: CodeConnectivity): void {
  for (const cls of nodes('class_declaration')) {
    const className = cls.childForFieldName('name')?.text ?? '';
    const prefix = attributeTemplate(cls, /^Route$/, context)?.replace(/\[controller\]/gi, className.replace(/Controller$/, '')) ?? '';
    const isController = /Controller$/.test(className) || /\[ApiController\]/.test(cls.text.slice(0, 400));
    if (!isController) continue;
    for (const method of cls.descendantsOfType('method_declaration')) {
      if (!method) continue;
      for (const list of method.children.filter((child) => child?.type === 'attribute_list')) {
        for (const attribute of list!.namedChildren) {
          const name = attribute?.childForFieldName('name')?.text ?? '';
          const verb = HTTP_ATTRIBUTES[name];
          if (!verb && name !== 'Route') continue;
          const template = context.evaluate(attribute!.descendantsOfType('string_literal')[0]) ?? '';
          const path = joinRoute(prefix, template.replace(/\[action\]/gi, method.childForFieldName('name')?.text ?? ''));
          out.routes.push({ method: verb ?? 'ANY', path, framework: 'aspnet-core', source: context.where(attribute!) });
        }
      }
    }
  }
  for (const call of nodes('invocation_expression')) {
    const fn = call.childForFieldName('function');
    const name = fn?.type === 'member_access_expression' ? fn.childForFieldName('name')?.text : undefined;
    const verb = name && /^Map(Get|Post|Put|Patch|Delete|Methods)$/.exec(name)?.[1];
    if (!verb) continue;
    const first = call.childForFieldName('arguments')?.namedChildren.find(Boolean);
    const path = first && context.evaluate(valueOf(first));
    if (path) out.routes.push({ method: verb === 'Methods' ? 'ANY' : verb.toUpperCase(), path: joinRoute('', path), framework: 'aspnet-minimal-api', source: context.where(call) });
  }
}

function attributeTemplate(node: TsNode, name: RegExp, context: TreeConnectivityContext): string | undefined {
  for (const list of node.children.filter((child) => child?.type === 'attribute_list')) {
    for (const attribute of list!.namedChildren) {
      if (attribute && name.test(attribute.childForFieldName('name')?.text ?? '')) return context.evaluate(attribute.descendantsOfType('string_literal')[0]);
    }
  }
  return undefined;
}

/** Flask / FastAPI / Azure Functions (Python v2) route decorators. */
function pythonRoutes(nodes: NodesOf, context: TreeConnectivityContext, out: CodeConnectivity): void {
  for (const decorator of nodes('decorator')) {
    const call = decorator.namedChildren.find((child) => child?.type === 'call');
    const fn = call?.childForFieldName('function');
    if (!call || fn?.type !== 'attribute') continue;
    const name = fn.childForFieldName('attribute')?.text ?? '';
    if (!/^(route|get|post|put|patch|delete|api_route|websocket)$/.test(name)) continue;
    const args = call.childForFieldName('arguments')?.namedChildren.filter((child): child is TsNode => Boolean(child)) ?? [];
    const keyword = (key: string) => args.find((arg) => arg.type === 'keyword_argument' && arg.childForFieldName('name')?.text === key)?.childForFieldName('value');
    const positional = args.find((arg) => arg.type !== 'keyword_argument');
    const routeKeyword = keyword('route');
    let path = context.evaluate(routeKeyword ?? positional ?? keyword('path') ?? keyword('rule'));
    if (path === undefined) continue;
    let framework = 'flask-fastapi';
    if (routeKeyword) {
      framework = 'azure-functions';
      path = `/api/${path.replace(/^\//, '')}`;
    }
    const methodsNode = keyword('methods');
    const methods = name === 'route' || name === 'api_route'
      ? methodsNode?.type === 'list' ? methodsNode.namedChildren.map((item) => context.evaluate(item)?.toUpperCase()).filter((method): method is string => Boolean(method)) : [framework === 'azure-functions' ? 'ANY' : 'GET']
      : [name === 'websocket' ? 'WEBSOCKET' : name.toUpperCase()];
    for (const method of methods) out.routes.push({ method, path: path.startsWith('/') ? path : `/${path}`, framework, source: context.where(decorator) });
  }
}

/** Spring: `@RequestMapping` on the class + `@GetMapping("x")` on methods. */
function javaRoutes(nodes: NodesOf, context: TreeConnectivityContext, out: CodeConnectivity): void {
  for (const cls of nodes('class_declaration')) {
    const annotationsOf = (node: TsNode) => node.childForFieldName('modifiers') ?? node.namedChildren.find((child) => child?.type === 'modifiers') ?? null;
    const mappingOf = (node: TsNode, pattern: RegExp) => {
      const modifiers = annotationsOf(node);
      const annotation = modifiers?.namedChildren.find((child) => child && /annotation/.test(child.type) && pattern.test(child.childForFieldName('name')?.text ?? ''));
      if (!annotation) return undefined;
      return { name: annotation.childForFieldName('name')?.text ?? '', path: context.evaluate(annotation.descendantsOfType('string_literal')[0]) ?? '', node: annotation };
    };
    const prefix = mappingOf(cls, /^RequestMapping$/)?.path ?? '';
    for (const method of cls.descendantsOfType('method_declaration')) {
      if (!method) continue;
      const mapping = mappingOf(method, /^(Get|Post|Put|Patch|Delete|Request)Mapping$/);
      if (!mapping) continue;
      const verb = /^(Get|Post|Put|Patch|Delete)/.exec(mapping.name)?.[1]?.toUpperCase() ?? 'ANY';
      out.routes.push({ method: verb, path: joinRoute(prefix, mapping.path), framework: 'spring', source: context.where(mapping.node) });
    }
  }
}

function joinRoute(prefix: string, path: string): string {
  if (path.startsWith('~/')) return path.slice(1);
  if (path.startsWith('/')) return path;
  const joined = [prefix, path].filter(Boolean).join('/').replace(/\/{2,}/g, '/');
  return `/${joined.replace(/^\//, '')}`;
}
