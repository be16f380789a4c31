import type { Node as TsNode, Parser } from 'web-tree-sitter';
import type { JsonDocument } from '../../sources/formats/json.ts';
import type { YamlDocument } from '../../sources/formats/yaml.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { IacEntry, IacValue } from '../../sources/formats/iac.ts';
import { urlsIn } from './endpoint-url.ts';
import type { HostReference, RouteFact } from './types.ts';
import type { ScanProblem } from '../../engine/types.ts';

/**
 * Hosts in files that are neither code nor configuration: OpenAPI descriptions (servers and paths), ARM
 * templates, Bicep and Terraform (string literals read by a lexer that knows each language's comments,
 * escapes and heredocs), served HTML pages (the resources they load), and Content-Security-Policy
 * directives wherever they are written.
 */

// ---------- OpenAPI ----------

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** Whether a file may be an OpenAPI description, before parsing it: JSON or YAML that says so near its top. */
export function mayBeOpenApi(file: SourceFile): boolean {
  return /\.(json|ya?ml)$/i.test(file.path) && /"?(openapi|swagger)"?\s*:/.test(file.text.slice(0, 4096));
}

export function isOpenApiDocument(value: unknown): value is Record<string, unknown> {
  return Boolean(value && typeof value === 'object' && !Array.isArray(value) && (typeof (value as Record<string, unknown>).openapi === 'string' || typeof (value as Record<string, unknown>).swagger === 'string') && (value as Record<string, unknown>).paths);
}

export function fromOpenApi(file: SourceFile, doc: JsonDocument | YamlDocument): { references: HostReference[]; routes: RouteFact[] } {
  const value = doc.value as Record<string, unknown>;
  const references: HostReference[] = [];
  const routes: RouteFact[] = [];
  const line = (path: (string | number)[]) => doc.locate(path)?.line ?? 1;
  const servers = Array.isArray(value.servers) ? value.servers : [];
  servers.forEach((server, index) => {
    const url = (server as { url?: unknown })?.url;
    if (typeof url === 'string' && /^(https?|wss?):\/\//i.test(url)) references.push({ direction: 'served', kind: 'openapi', via: 'OpenAPI servers', url, purpose: `API described by ${file.path}`, source: { file: file.path, line: line(['servers', index, 'url']) } });
  });
  if (typeof value.host === 'string') {
    const schemes = Array.isArray(value.schemes) && value.schemes.length ? value.schemes.map(String) : ['https'];
    for (const scheme of schemes) references.push({ direction: 'served', kind: 'openapi', via: 'Swagger host', url: `${scheme}://${value.host}${typeof value.basePath === 'string' ? value.basePath : ''}`, purpose: `API described by ${file.path}`, source: { file: file.path, line: line(['host']) } });
  }
  const paths = value.paths && typeof value.paths === 'object' ? (value.paths as Record<string, unknown>) : {};
  for (const [path, item] of Object.entries(paths).slice(0, 10_000)) {
    if (!item || typeof item !== 'object') continue;
    for (const method of HTTP_METHODS) if ((item as Record<string, unknown>)[method]) routes.push({ method: method.toUpperCase(), path, framework: 'openapi', source: { file: file.path, line: line(['paths', path, method]) } });
  }
  return { references, routes };
}

// ---------- ARM templates ----------

export function isArmTemplate(value: unknown): boolean {
  const schema = (value as { $schema?: unknown })?.$schema;
  return typeof schema === 'string' && /deploymentTemplate/i.test(schema) && Array.isArray((value as { resources?: unknown }).resources);
}

export function fromArmTemplate(file: SourceFile, doc: JsonDocument): HostReference[] {
  const references: HostReference[] = [];
  const visit = (value: unknown, path: (string | number)[], resourceType: string, depth: number) => {
    if (depth > 40 || references.length > 10_000) return;
    if (typeof value === 'string') {
      if (!/^(https?|wss?):\/\//i.test(value)) return;
      const key = String(path[path.length - 1]);
      const bot = /botServices/i.test(resourceType) && key === 'endpoint';
      references.push({ direction: bot ? 'served' : 'outbound', kind: 'iac', via: `ARM ${resourceType || 'template'}`, url: value, purpose: bot ? 'bot messaging endpoint' : `IaC setting ${settingName(path)}`, source: { file: file.path, line: doc.locate(path)?.line ?? 1 } });
      return;
    }
    if (!value || typeof value !== 'object') return;
    const type = typeof (value as { type?: unknown }).type === 'string' && path[path.length - 2] === 'resources' ? ((value as { type: string }).type) : resourceType;
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (key === '$schema' || key === 'metadata') continue;
      visit(child, [...path, Array.isArray(value) ? Number(key) : key], type, depth + 1);
    }
  };
  visit(doc.value, [], '', 0);
  return references;

  function settingName(path: (string | number)[]): string {
    // appSettings entries are { name, value }: the name is the purpose.
    const parentPath = path.slice(0, -1);
    let parent: unknown = doc.value;
    for (const segment of parentPath) parent = (parent as Record<string | number, unknown>)?.[segment];
    const name = (parent as { name?: unknown })?.name;
    return typeof name === 'string' ? name : String(path[path.length - 1]);
  }
}

// ---------- Bicep and Terraform ----------

export const IAC_FILE = /\.(bicep|bicepparam|tf|tfvars)$/i;

/**
 * URLs in the string values of a Terraform or Bicep file (parsed once by the project's IaC reader); the attribute name is the purpose, and a bot resource's
 * `endpoint` is the bot's messaging endpoint, which the app serves.
 */
export function fromBicepOrTerraform(file: SourceFile, entries: readonly IacEntry[]): HostReference[] {
  const language = /\.(bicep|bicepparam)$/i.test(file.path) ? 'bicep' : 'hcl';
  const references: HostReference[] = [];
  const visit = (value: IacValue, key: string, bot: boolean, depth: number) => {
    if (depth > 64) return;
    if (value.kind === 'object') for (const entry of value.entries) visit(entry.value, entry.key, bot || entry.labels.some((label) => /botServices|azurerm_bot_/i.test(label)), depth + 1);
    else if (value.kind === 'array') for (const item of value.items) visit(item, key, bot, depth + 1);
    else if (value.kind === 'string') {
      for (const url of urlsIn(value.value)) {
        const served = bot && /^(endpoint|messagingEndpoint)$/i.test(key);
        references.push({ direction: served ? 'served' : 'outbound', kind: 'iac', via: language === 'bicep' ? 'Bicep' : 'Terraform', url, purpose: served ? 'bot messaging endpoint' : `IaC setting ${key}`, source: { file: file.path, line: value.line } });
      }
    }
  };
  for (const entry of entries) visit(entry.value, entry.key, entry.labels.some((label) => /botServices|azurerm_bot_/i.test(label)), 0);
  return references;
}

// ---------- HTML ----------

export const HTML_FILE = /\.(html?|cshtml|ejs|hbs|handlebars)$/i;
/** Elements whose attribute the browser fetches when the page loads (or submits to); `<a href>` is a link. */
const LOADED: Record<string, string> = { script: 'src', link: 'href', img: 'src', iframe: 'src', frame: 'src', source: 'src', video: 'src', audio: 'src', embed: 'src', object: 'data', form: 'action' };
const LINK_RELS_NOT_LOADED = /^(canonical|alternate|author|help|license|next|prev|search|bookmark|external|nofollow|noopener|noreferrer)$/i;

/**
 * tree-sitter's HTML scanner copies its stack of open elements at every tag, so its time grows with the nesting depth
 * times the tags inside: 5,000 nested elements took 0.8 s, 20,000 took 12 s. A page whose estimated work (the sum, over
 * its tags, of the elements open at each) passes this is not parsed; real pages stay far below (100,000 tags 30 deep
 * are 3 million).
 */
const MAX_HTML_NESTING_WORK = 10_000_000;
/** Elements that never hold others, so the parser keeps none of them open. */
const VOID_ELEMENTS = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
/** Elements whose content is text to their closing tag. */
const RAW_TEXT_ELEMENTS = new Set(['script', 'style', 'textarea', 'title']);

/**
 * Whether a page is nested too deep for tree-sitter's HTML parser to read in reasonable time (see
 * MAX_HTML_NESTING_WORK): one pass over its tags, skipping comments and the text of scripts and styles.
 */
export function htmlTooDeep(text: string, limit = MAX_HTML_NESTING_WORK): boolean {
  let depth = 0;
  let work = 0;
  for (let index = text.indexOf('<'); index !== -1 && index < text.length; index = text.indexOf('<', index + 1)) {
    if (text.startsWith('<!--', index)) {
      const end = text.indexOf('-->', index + 4);
      if (end === -1) break;
      index = end + 2;
      continue;
    }
    const closing = text[index + 1] === '/';
    const name = /^[A-Za-z][\w:-]*/.exec(text.slice(index + (closing ? 2 : 1), index + 66))?.[0].toLowerCase();
    if (!name) continue;
    if (closing) depth = Math.max(0, depth - 1);
    else {
      const end = text.indexOf('>', index);
      if (end === -1) break;
      if (text[end - 1] !== '/' && !VOID_ELEMENTS.has(name)) depth += 1;
      index = end;
      if (RAW_TEXT_ELEMENTS.has(name)) {
        const closingTag = new RegExp(`</${name}`, 'gi');
        closingTag.lastIndex = end;
        const close = closingTag.exec(text);
        if (!close) break;
        index = close.index - 1;
      }
    }
    work += depth;
    if (work > limit) return true;
  }
  return false;
}

export function fromHtml(file: SourceFile, parser: Parser, problems?: ScanProblem[]): HostReference[] {
  if (htmlTooDeep(file.text)) {
    problems?.push({ kind: 'parse-error', file: file.path, message: 'could not parse HTML: elements nested too deep for the HTML parser (its time grows with the square of the nesting); the hosts its tags load are not listed' });
    return [];
  }
  const tree = parser.parse(file.text);
  if (!tree) return [];
  const references: HostReference[] = [];
  try {
    for (const element of tree.rootNode.descendantsOfType(['start_tag', 'self_closing_tag'])) {
      if (!element) continue;
      const tag = element.namedChildren.find((child) => child?.type === 'tag_name')?.text.toLowerCase() ?? '';
      const attributes = attributesOf(element);
      if (tag === 'meta' && /content-security-policy/i.test(attributes.get('http-equiv')?.value ?? '')) {
        const content = attributes.get('content');
        if (content) references.push(...cspReferences(content.value, file.path, content.line));
        continue;
      }
      const name = LOADED[tag];
      const attribute = name && attributes.get(name);
      if (!attribute || !/^(https?|wss?):\/\/|^\/\//i.test(attribute.value.trim())) continue;
      if (tag === 'link' && LINK_RELS_NOT_LOADED.test(attributes.get('rel')?.value ?? '')) continue;
      const url = attribute.value.trim().replace(/^\/\//, 'https://');
      references.push({ direction: 'outbound', kind: 'html', via: `<${tag} ${name}>`, url, purpose: tag === 'form' ? 'form submission target' : `${tag} loaded by the page`, source: { file: file.path, line: attribute.line } });
    }
  } finally {
    tree.delete();
  }
  return references;
}

function attributesOf(element: TsNode): Map<string, { value: string; line: number }> {
  const map = new Map<string, { value: string; line: number }>();
  for (const attribute of element.namedChildren) {
    if (attribute?.type !== 'attribute') continue;
    const name = attribute.namedChildren.find((child) => child?.type === 'attribute_name')?.text.toLowerCase();
    const valueNode = attribute.namedChildren.find((child) => child?.type === 'quoted_attribute_value' || child?.type === 'attribute_value');
    const value = valueNode?.type === 'quoted_attribute_value' ? (valueNode.namedChildren.find((child) => child?.type === 'attribute_value')?.text ?? '') : valueNode?.text;
    if (name && value !== undefined) map.set(name, { value: decodeEntities(value), line: attribute.startPosition.row + 1 });
  }
  return map;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&#x2F;/gi, '/').replace(/&#47;/g, '/');
}

// ---------- Content-Security-Policy ----------

const CSP_DIRECTIVE = /\b(default-src|connect-src|script-src(?:-elem)?|style-src(?:-elem)?|img-src|font-src|frame-src|child-src|media-src|worker-src|form-action)\s+([^;"'`\n]*(?:'[^']*'[^;"'`\n]*)*)/g;

/** Hosts a Content-Security-Policy allows the page to load from or connect to; `frame-ancestors` (who may embed the page) is not a connection. */
export function cspReferences(policy: string, file: string, line: number): HostReference[] {
  const references: HostReference[] = [];
  for (const match of policy.matchAll(CSP_DIRECTIVE)) {
    for (const source of match[2]!.split(/\s+/)) {
      const value = source.trim();
      if (!value || /^'|^(data|blob|mediastream|filesystem|https?|wss?):$|^\*$/i.test(value)) continue;
      const url = /:\/\//.test(value) ? value : /^[\w*.-]+\.[a-z]{2,}(:\d+)?(\/.*)?$/i.test(value) ? `https://${value}` : undefined;
      if (url) references.push({ direction: 'declared', kind: 'csp', via: `CSP ${match[1]}`, url, purpose: `allowed by Content-Security-Policy ${match[1]}`, source: { file, line } });
    }
  }
  return references;
}

/** CSP directives written in code or configuration (header values, helmet options as strings, meta tags in templates). */
export function cspInText(file: SourceFile): HostReference[] {
  if (!/(connect|script|default|frame|img|style)-src/.test(file.text)) return [];
  const references: HostReference[] = [];
  const lines = file.text.split('\n');
  lines.forEach((text, index) => {
    if (/(connect|script|default|frame|img|style|font|media|worker|child)-src/.test(text)) references.push(...cspReferences(text, file.path, index + 1));
  });
  return references;
}
