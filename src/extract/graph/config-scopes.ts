import { DOTENV_FILE, dotenvEntries } from '../../sources/formats/dotenv.ts';
import { propertiesEntries } from '../../sources/formats/properties.ts';
import { parseJson, type JsonDocument } from '../../sources/formats/json.ts';
import { documentsOf, parseYaml, type YamlDocument } from '../../sources/formats/yaml.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { AuthFlow, SourceRef } from './types.ts';

/**
 * Scopes declared in configuration rather than code: `.env` files (OAUTH_SCOPES=user.read,mail.read),
 * appsettings*.json / local.settings.json (Microsoft.Identity.Web "DownstreamApi": { "Scopes": "…" },
 * "GraphScopes": [...]), YAML settings (oauth_settings.yml `scopes: …`) and INI files (config.cfg, as Python's
 * configparser reads them: `graphUserScopes = User.Read Mail.Read`). Values are split on spaces and
 * commas; the caller keeps only names Microsoft Graph knows.
 */
export interface ConfigScope {
  name: string;
  source: SourceRef;
}

const JSON_CONFIG = /(^|\/)(appsettings[\w.-]*\.json|local\.settings\.json|[\w.-]*settings[\w.-]*\.json|config(\.[\w-]+)?\.json)$/i;
const YAML_CONFIG = /(^|\/)([\w.-]*(settings|config|oauth)[\w.-]*|application[\w.-]*)\.ya?ml$/i;
const SCOPE_KEY = /scope/i;
/**
 * INI files as Python's configparser reads them (config.cfg `graphUserScopes = User.Read Mail.Read`). Like
 * `.env.example`, a template committed in place of the real file (kept out of the repository for its secrets:
 * `oAuth.properties.example`, `config.cfg.sample`) holds the scopes the app will ask for.
 */
const INI_CONFIG = /(^|\/)[\w.-]+\.(cfg|ini)(\.(example|sample|template|dist))?$/i;
/** Java properties (Spring Boot: spring.cloud.azure.active-directory.authorization-clients.graph.scopes=…), or their template. */
const PROPERTIES_CONFIG = /(^|\/)[\w.-]+\.properties(\.(example|sample|template|dist))?$/i;

export function isScopeConfigFile(path: string): boolean {
  return DOTENV_FILE.test(path) || JSON_CONFIG.test(path) || YAML_CONFIG.test(path) || INI_CONFIG.test(path) || PROPERTIES_CONFIG.test(path);
}

/** `key = value` / `key: value` entries of an INI file; indented lines continue the value above (configparser). */
function iniEntries(file: SourceFile): { key: string; value: string; line: number }[] {
  const entries: { key: string; value: string; line: number }[] = [];
  file.text.split('\n').forEach((raw, index) => {
    const line = raw.replace(/\r$/, '');
    if (!line.trim() || /^\s*[#;]/.test(line) || /^\s*\[/.test(line)) return;
    const last = entries[entries.length - 1];
    if (/^\s/.test(line) && last) {
      last.value += ` ${line.trim()}`;
      return;
    }
    const match = /^([^=:\s][^=:]*?)\s*[=:]\s*(.*)$/.exec(line);
    if (match) entries.push({ key: match[1]!, value: match[2]!, line: index + 1 });
  });
  return entries;
}

/**
 * The OAuth grant a Spring Security client registration (`spring.security.oauth2.client.registration.<id>`) or an
 * Azure Spring Cloud authorization client uses to call Graph: its `authorization-grant-type`, where the
 * registration's scope is Graph's.
 */
export interface ConfigFlow {
  flow: AuthFlow;
  kind: string;
  source: SourceRef;
}

const GRANT_TYPES: Record<string, { flow: AuthFlow; kind: string }> = {
  client_credentials: { flow: 'application', kind: 'client-credentials' },
  authorization_code: { flow: 'delegated', kind: 'auth-code' },
  on_behalf_of: { flow: 'delegated', kind: 'on-behalf-of' },
  'urn:ietf:params:oauth:grant-type:jwt-bearer': { flow: 'delegated', kind: 'on-behalf-of' },
};
const GRANT_KEY = /^authorization[-_]?grant[-_]?type$/i;
/** A scope naming Graph: its resource URI, or a permission name (User.Read, Mail.Send). */
const GRAPH_SCOPE = /graph\.microsoft|^[A-Z][A-Za-z]+\.[A-Z][\w.]*$/;

/** `document` is the file already parsed (the project's cache); without it the file is parsed here. */
export function scopesFromConfig(file: SourceFile, document?: JsonDocument | YamlDocument): { scopes: ConfigScope[]; flows: ConfigFlow[]; error?: string } {
  const scopes: ConfigScope[] = [];
  const flows: ConfigFlow[] = [];
  /** A registration's grant type, where its own scope (or scopes) names Graph. */
  const grant = (type: unknown, scope: unknown, line: number) => {
    const known = typeof type === 'string' ? GRANT_TYPES[type.trim().toLowerCase()] : undefined;
    const names = (Array.isArray(scope) ? scope : [scope]).flatMap((item) => (typeof item === 'string' ? item.split(/[\s,;]+/) : []));
    if (known && names.some((name) => GRAPH_SCOPE.test(name))) flows.push({ ...known, source: { file: file.path, line } });
  };
  const add = (value: unknown, line: number) => {
    const values = Array.isArray(value) ? value : [value];
    for (const item of values) {
      if (typeof item !== 'string') continue;
      for (const name of item.split(/[\s,;]+/).map((part) => part.replace(/^["']|["']$/g, '')).filter(Boolean)) scopes.push({ name, source: { file: file.path, line } });
    }
  };
  if (DOTENV_FILE.test(file.path)) {
    for (const entry of dotenvEntries(file)) if (SCOPE_KEY.test(entry.key)) add(entry.value, entry.line);
    return { scopes, flows };
  }
  if (INI_CONFIG.test(file.path)) {
    for (const entry of iniEntries(file)) if (SCOPE_KEY.test(entry.key)) add(entry.value, entry.line);
    return { scopes, flows };
  }
  if (PROPERTIES_CONFIG.test(file.path)) {
    const entries = propertiesEntries(file);
    for (const entry of entries) if (SCOPE_KEY.test(entry.key)) add(entry.value, entry.line);
    // `….registration.graph.authorization-grant-type=client_credentials` beside `….registration.graph.scope=…`.
    for (const entry of entries) {
      const owner = /^(.*)\.([^.]+)$/.exec(entry.key);
      if (!owner || !GRANT_KEY.test(owner[2]!)) continue;
      grant(entry.value, entries.filter((other) => other.key.startsWith(`${owner[1]}.`) && /^scopes?$/i.test(other.key.slice(owner[1]!.length + 1))).map((other) => other.value), entry.line);
    }
    return { scopes, flows };
  }
  const parsed = document ? { ok: true as const, doc: document } : JSON_CONFIG.test(file.path) ? parseJson(file) : parseYaml(file);
  if (!parsed.ok) return { scopes, flows, error: parsed.error.message };
  // Every document of a YAML stream: a scope a profile's document asks for is asked for too.
  for (const { value: document, locate } of documentsOf(parsed.doc)) {
    const line = (path: (string | number)[]) => locate(path)?.line ?? 1;
    const visit = (value: unknown, path: (string | number)[], depth: number) => {
      if (depth > 32 || value === null || typeof value !== 'object') return;
      const grantKey = Array.isArray(value) ? undefined : Object.keys(value).find((key) => GRANT_KEY.test(key));
      if (grantKey) {
        const registration = value as Record<string, unknown>;
        const scopeKey = Object.keys(registration).find((key) => /^scopes?$/i.test(key));
        grant(registration[grantKey], scopeKey ? registration[scopeKey] : undefined, line([...path, grantKey]));
      }
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
        const childPath = [...path, Array.isArray(value) ? Number(key) : key];
        if (!Array.isArray(value) && SCOPE_KEY.test(key) && (typeof child === 'string' || Array.isArray(child))) add(child, line(childPath));
        else visit(child, childPath, depth + 1);
      }
    };
    visit(document, [], 0);
  }
  return { scopes, flows };
}
