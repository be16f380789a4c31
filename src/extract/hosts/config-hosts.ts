import { DOTENV_FILE, dotenvEntries, type DotenvEntry } from '../../sources/formats/dotenv.ts';
import type { JsonDocument } from '../../sources/formats/json.ts';
import { descendants, type XmlDocument } from '../../sources/formats/xml.ts';
import { documentsOf, type YamlDocument } from '../../sources/formats/yaml.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { hostFromConnectionString, isConnectionString } from './connection-string.ts';
import type { HostReference } from './types.ts';

/**
 * Hosts named in configuration: `.env*` files (including the Agents Toolkit's `env/.env.<environment>`),
 * appsettings*.json, local.settings.json, config/*.json, web.config appSettings and connectionStrings, and
 * Spring/Python YAML settings, SPFx `config/config.json` externals and `config/write-manifests.json`
 * cdnBasePath. A setting is a connection when its value is a URL, a connection string, or
 * (for keys ending in HOST/DOMAIN/HOSTNAME) a host name. Links shown to people (privacy, terms, support,
 * logos) are not connections; redirect URIs and the app's own tab/bot endpoints are what the app serves.
 */
const JSON_CONFIG = /(^|\/)(appsettings[\w.-]*\.json|local\.settings[\w.-]*\.json|[\w.-]*settings[\w.-]*\.json|config\/[\w.-]+\.json|config(\.[\w-]+)?\.json)$/i;
const YAML_CONFIG = /(^|\/)(application[\w.-]*|[\w.-]*(settings|config)[\w.-]*)\.ya?ml$/i;
const WEB_CONFIG = /(^|\/)(web|app)\.config$/i;

export function isHostConfigFile(path: string): boolean {
  return DOTENV_FILE.test(path) || JSON_CONFIG.test(path) || YAML_CONFIG.test(path) || WEB_CONFIG.test(path);
}

/** Keys whose URLs are shown to people or identify formats, never contacted by the app. */
const LINK_KEY = /privacy|terms|tos\b|eula|support|help|docs?\b|documentation|website|homepage|home_?page|marketing|logo|icon|image|avatar|\$schema|schema|xmlns|namespace|feedback|learn_?more|about/i;
/** Keys naming the app's own endpoints (Agents Toolkit TAB_ENDPOINT/BOT_DOMAIN, redirect URIs). */
const SERVED_KEY = /cdnBasePath|redirect|callback|reply_?url|signin_?url|post_?logout|(^|_)TAB_(ENDPOINT|DOMAIN)|(^|_)BOT_(ENDPOINT|DOMAIN)|PUBLIC_?URL|APP_?URL|SITE_?URL|BASE_?URL_?SELF|FRONTEND_?URL|WEBSITE_HOSTNAME/i;
const HOST_KEY = /(HOST|HOSTNAME|DOMAIN|FQDN)$/i;

/** A setting: a dotenv line, a JSON/YAML string leaf (key = dotted path) or a web.config `<add>`. */
export type ConfigEntry = DotenvEntry;

export function hostReferencesFromConfig(file: SourceFile, doc: JsonDocument | YamlDocument | XmlDocument | undefined): { references: HostReference[]; entries: ConfigEntry[] } {
  const entries = DOTENV_FILE.test(file.path) ? dotenvEntries(file) : doc ? structuredEntries(doc) : [];
  const references: HostReference[] = [];
  for (const entry of entries) {
    const reference = referenceOf(entry, file.path);
    if (reference) references.push(reference);
  }
  return { references, entries };
}

function referenceOf(entry: ConfigEntry, file: string): HostReference | undefined {
  const value = entry.value.trim().replace(/^["']|["']$/g, '');
  if (!value || LINK_KEY.test(entry.key)) return undefined;
  const lastKey = entry.key.split(/[.:/]/).pop() ?? entry.key;
  const direction = SERVED_KEY.test(lastKey) || SERVED_KEY.test(entry.key) ? 'served' : 'outbound';
  const base = { direction, kind: 'config' as const, via: `setting ${entry.key}`, purpose: `configured by ${entry.key}`, source: { file, line: entry.line } } satisfies Omit<HostReference, 'url'>;
  if (/^(https?|wss?):\/\//i.test(value)) return { ...base, url: value };
  if (isConnectionString(value)) {
    const host = hostFromConnectionString(value);
    return host ? { ...base, host } : undefined;
  }
  if (HOST_KEY.test(lastKey) && /^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/i.test(value)) return { ...base, url: `https://${value}` };
  return undefined;
}

function structuredEntries(doc: JsonDocument | YamlDocument | XmlDocument): ConfigEntry[] {
  const entries: ConfigEntry[] = [];
  if ('root' in doc) {
    // web.config: <appSettings><add key value/></appSettings>, <connectionStrings><add name connectionString/></connectionStrings>
    for (const element of descendants(doc.root)) {
      if (element.local !== 'add') continue;
      const key = element.attributes.key ?? element.attributes.name;
      const value = element.attributes.value ?? element.attributes.connectionString;
      if (key && value) entries.push({ key, value, line: element.position.line });
    }
    return entries;
  }
  // Every document of a YAML stream (Kubernetes manifests, a profile's settings) names its own hosts.
  for (const { value: document, locate } of documentsOf(doc)) {
    const visit = (value: unknown, path: (string | number)[], depth: number) => {
      if (depth > 32 || entries.length > 50_000) return;
      if (typeof value === 'string') {
        if (/^(https?|wss?):\/\/|=|^[a-z0-9.-]+\.[a-z]{2,}(:\d+)?$/i.test(value.trim())) entries.push({ key: path.join('.'), value, line: locate(path)?.line ?? 1 });
        return;
      }
      if (value === null || typeof value !== 'object') return;
      for (const [key, child] of Object.entries(value as Record<string, unknown>)) visit(child, [...path, Array.isArray(value) ? Number(key) : key], depth + 1);
    };
    visit(document, [], 0);
  }
  return entries;
}
