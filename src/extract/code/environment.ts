import path from 'node:path';
import { DOTENV_FILE, dotenvEntries } from '../../sources/formats/dotenv.ts';
import { parseJson } from '../../sources/formats/json.ts';
import { propertiesEntries } from '../../sources/formats/properties.ts';
import { parseYaml } from '../../sources/formats/yaml.ts';
import type { SourceFile } from '../../sources/source-file.ts';

/**
 * URLs the app's `.env` files give its environment variables (`GRAPH_API_ENDPOINT=https://graph.microsoft.com/`),
 * its `appsettings*.json` give configuration keys (`DownstreamApi:BaseUrl`, as .NET names them), its JSON
 * settings files give their keys (`json:endpoint`) and Spring's application.properties/yml give properties
 * (`app.graph.base-url`, for the module's code), by folder:
 * code reading `process.env.GRAPH_API_ENDPOINT` gets the value of the nearest folder's files, as dotenv and
 * ASP.NET Core load them. Only URL values are kept: nothing else of the environment matters to a call, and a
 * secret never enters the extraction.
 */
export type EnvironmentUrls = Record<string, Record<string, string>>;

/** Which of several `.env` files of a folder wins: the file the app loads, then local and development ones, then templates. */
function preference(file: string): number {
  const name = path.posix.basename(file).toLowerCase();
  const order = ['.env', '.env.local', '.env.development', '.env.development.local', '.env.dev', '.env.example', '.env.sample', '.env.template', 'appsettings.json', 'appsettings.development.json', 'application.properties', 'application.yml', 'application.yaml'];
  const index = order.indexOf(name);
  return index === -1 ? order.length : index;
}

export function environmentUrls(files: readonly SourceFile[]): EnvironmentUrls {
  const urls: EnvironmentUrls = {};
  const sources = files.filter((file) => (DOTENV_FILE.test(file.path) || APPSETTINGS.test(file.path) || JSON_SETTINGS.test(file.path) || SPRING_CONFIG.test(file.path)) && !file.path.includes('!')).sort((a, b) => preference(a.path) - preference(b.path) || a.path.localeCompare(b.path));
  for (const file of sources) {
    const spring = SPRING_CONFIG.exec(file.path);
    // Spring reads src/main/resources/application.* for the module's code: its values belong to the module's folder.
    const folder = spring ? (spring[1] ? spring[1].replace(/\/$/, '') : '.') : path.posix.dirname(file.path);
    const values = (urls[folder] ??= {});
    const entries = spring ? springEntries(file) : APPSETTINGS.test(file.path) ? settingsEntries(file) : JSON_SETTINGS.test(file.path) ? settingsEntries(file).map(({ key, value }) => ({ key: `json:${key}`, value })) : dotenvEntries(file).map(({ key, value }) => ({ key, value: value.trim().replace(/^(["'])(.*)\1$/, '$2') }));
    for (const { key, value } of entries) if (!(key in values) && URL_VALUE.test(value)) values[key] = value;
  }
  return urls;
}

/** Spring Boot's configuration (`src/main/resources/application.properties`, `application-dev.yml`); group 1: the module's folder. */
const SPRING_CONFIG = /^(.*\/)?src\/main\/resources\/application(-[\w-]+)?\.(properties|ya?ml)$/i;

/** A Spring configuration file's values by their dotted property name (`app.graph.base-url`), as `@Value("${…}")` reads them. */
function springEntries(file: SourceFile): { key: string; value: string }[] {
  if (/\.properties$/i.test(file.path)) return propertiesEntries(file).map(({ key, value }) => ({ key, value: value.trim() }));
  const parsed = parseYaml(file);
  return parsed.ok ? stringLeaves(parsed.doc.value, '.') : [];
}

/** The string values of nested objects by their path, its keys joined with `separator`; deeper than 12 levels is not read. */
function stringLeaves(document: unknown, separator: string): { key: string; value: string }[] {
  const entries: { key: string; value: string }[] = [];
  const walk = (value: unknown, key: string, depth: number) => {
    if (typeof value === 'string' && key) entries.push({ key, value });
    else if (value && typeof value === 'object' && !Array.isArray(value) && depth < 12) for (const [name, inner] of Object.entries(value)) walk(inner, key ? `${key}${separator}${name}` : name, depth + 1);
  };
  walk(document, '', 0);
  return entries;
}

const APPSETTINGS = /(^|\/)appsettings(\.[\w-]+)?\.json$/i;
/**
 * A JSON settings file a program loads itself (`config = json.load(open("parameters.json"))`, as Microsoft's
 * Python daemon samples do): its values by `json:key` (`json:endpoint`; nested keys joined with `:`).
 */
const JSON_SETTINGS = /(^|\/)(parameters|config|settings|[\w-]+[._-](config|settings|parameters))\.json$/i;
const URL_VALUE = /^https?:\/\/[^\s/]+(\/\S*)?$/i;

/** String values of a settings file by their .NET configuration key (`DownstreamApi:BaseUrl`); an unreadable file gives none. */
function settingsEntries(file: SourceFile): { key: string; value: string }[] {
  const parsed = parseJson(file);
  return parsed.ok ? stringLeaves(parsed.doc.value, ':') : [];
}

/** `ignoreCase`: .NET configuration keys (`configuration["graphApiUrl"]` reads `GraphApiUrl`); environment variables keep their case. */
export type EnvironmentLookup = (name: string, options?: { ignoreCase?: boolean }) => string | undefined;

/** The value a file sees for a variable: from its folder's `.env` files, else the nearest parent folder's. */
export function environmentUrl(urls: EnvironmentUrls | undefined, file: string, name: string, options: { ignoreCase?: boolean } = {}): string | undefined {
  if (!urls) return undefined;
  const lower = name.toLowerCase();
  for (let folder = path.posix.dirname(file); ; folder = path.posix.dirname(folder)) {
    const values = urls[folder];
    const value = values?.[name] ?? (options.ignoreCase && values ? Object.entries(values).find(([key]) => key.toLowerCase() === lower)?.[1] : undefined);
    if (value !== undefined) return value;
    if (folder === '.' || folder === '/' || folder === '') return undefined;
  }
}
