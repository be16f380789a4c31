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
  addBoundOptions(urls, optionBindings(files));
  addSpringPropertyTypes(urls, springPropertyTypes(files));
  return urls;
}

/** The key under which a Spring @ConfigurationProperties type's property is kept (see springPropertyKey). */
export const SPRING_TYPE_KEY = 'spring-type:';

/**
 * Spring's relaxed binding: `ms-graph`, `msGraph`, `ms_graph` and `MSGRAPH` name the same property, so property
 * paths are compared lower case without separators.
 */
export function relaxedPropertyName(name: string): string {
  return name.replace(/[-_]/g, '').toLowerCase();
}

/** The environment key of a property read through a @ConfigurationProperties type's accessors (`msGraph().baseUrl()`). */
export function springPropertyKey(type: string, accessors: readonly string[]): string {
  return `${SPRING_TYPE_KEY}${type}:${accessors.map(relaxedPropertyName).join('.')}`;
}

/**
 * Spring configuration values also under the @ConfigurationProperties types bound to them: `application.ms-graph.base-url`
 * as ApplicationProperties's `msGraph.baseUrl` (prefix `application`) and MSGraphProperties's `baseUrl` (prefix
 * `application.ms-graph`), for code reading them through the type's accessors.
 */
function addSpringPropertyTypes(urls: EnvironmentUrls, types: readonly { type: string; prefix: string }[]): void {
  if (types.length === 0) return;
  for (const values of Object.values(urls)) {
    for (const [key, value] of Object.entries(values)) {
      if (key.includes(':')) continue;
      const path = key.split('.').map(relaxedPropertyName);
      for (const { type, prefix } of types) {
        const head = prefix.split('.').map(relaxedPropertyName);
        if (path.length > head.length && head.every((part, index) => path[index] === part)) values[springPropertyKey(type, path.slice(head.length))] ??= value;
      }
    }
  }
}

/**
 * The annotation opening its line (not in a comment), then (past other annotations, `@EnableConfigurationProperties({…})`
 * among them) the type it binds.
 */
const CONFIGURATION_PROPERTIES = /^[ \t]*@ConfigurationProperties\s*\(\s*(?:(?:prefix|value)\s*=\s*)?"([^"]+)"\s*\)[\s\S]{0,600}?\b(?:record|class)\s+([A-Z]\w*)/gm;

/** The Java types bound to a configuration prefix: `@ConfigurationProperties("application") public record ApplicationProperties(…)`. */
function springPropertyTypes(files: readonly SourceFile[]): { type: string; prefix: string }[] {
  const types: { type: string; prefix: string }[] = [];
  for (const file of files) {
    if (!/\.(java|kt)$/i.test(file.path) || file.path.includes('!') || !file.text.includes('@ConfigurationProperties')) continue;
    for (const match of file.text.matchAll(CONFIGURATION_PROPERTIES)) types.push({ prefix: match[1]!, type: match[2]! });
  }
  return types;
}

/**
 * .NET options classes bound to configuration in code: each URL of the section a class is bound to is also given
 * under `Type:Property`, as the class's IOptions reads it (see boundOptionValueOf). Direct properties only.
 */
function addBoundOptions(urls: EnvironmentUrls, bindings: readonly OptionBinding[]): void {
  for (const values of Object.values(urls)) {
    for (const { type, section } of bindings) {
      const prefix = section ? `${section.toLowerCase()}:` : '';
      for (const [key, value] of Object.entries(values)) {
        const property = key.toLowerCase().startsWith(prefix) ? key.slice(prefix.length) : '';
        if (property && !property.includes(':') && !key.startsWith('json:')) values[`${type}:${property}`] ??= value;
      }
    }
  }
}

interface OptionBinding {
  type: string;
  /** The configuration section, `A:B` for nested ones; empty for the root (`Configure<T>(configuration)`). */
  section: string;
}

/**
 * Where the tree's C# code binds options classes: `Configure<T>(configuration)` (the root),
 * `Configure<T>(config.GetSection("A:B"))`, `GetSection(T.SectionName)` with the class's string constant,
 * `AddOptions<T>().Bind(….GetSection("A"))` and `.BindConfiguration("A")`. Read from the text: a registration is
 * one call with literal arguments, and one in a comment only names a section to look values up in.
 */
function optionBindings(files: readonly SourceFile[]): OptionBinding[] {
  const code = files.filter((file) => /\.cs$/i.test(file.path) && !file.path.includes('!'));
  const registering = code.filter((file) => file.text.includes('Configure<') || file.text.includes('AddOptions<') || file.text.includes('Get<'));
  if (registering.length === 0) return [];
  const bindings: OptionBinding[] = [];
  const constants = new Map<string, string | undefined>();
  const constantOf = (className: string, name: string) => {
    const key = `${className}.${name}`;
    if (!constants.has(key)) constants.set(key, classConstant(code, className, name));
    return constants.get(key);
  };
  for (const file of registering) {
    for (const match of file.text.matchAll(/\b(Configure|AddOptions)<\s*([A-Za-z_][\w.]*)\s*>\s*\(/g)) {
      const type = match[2]!.split('.').pop()!;
      const open = match.index! + match[0].length - 1;
      const argument = bracketed(file.text, open);
      const section = match[1] === 'Configure' ? sectionOf(argument, constantOf) : chainedBinding(file.text, open + argument.length + 2, constantOf);
      if (section !== undefined) bindings.push({ type, section });
    }
    // `configuration.Get<T>()`, `builder.Build().Get<T>()`, `….GetSection("A").Get<T>()`: an instance read from configuration.
    for (const match of file.text.matchAll(/(GetSection\s*\([^()]*\)|\b[Cc]onfig(?:uration)?|\bBuild\s*\(\s*\))\s*\.\s*Get<\s*([A-Za-z_][\w.]*)\s*>\s*\(\s*\)/g)) {
      const section = match[1]!.startsWith('GetSection') ? sectionOf(match[1]!, constantOf) : '';
      if (section !== undefined) bindings.push({ type: match[2]!.split('.').pop()!, section });
    }
  }
  return bindings;
}

/** The section `.Bind(…)` or `.BindConfiguration("…")` chained after `AddOptions<T>()` (ending at `from`) names. */
function chainedBinding(text: string, from: number, constantOf: ConstantOf): string | undefined {
  const chain = /^\s*\.\s*(?:BindConfiguration\s*\(\s*"([^"]*)"|Bind\s*\()/.exec(text.slice(from, from + 400));
  if (!chain) return undefined;
  return chain[1] ?? sectionOf(bracketed(text, from + chain[0].length - 1), constantOf);
}

/** The section a binding's argument names; undefined for anything but configuration (a lambda, a variable of unknown origin). */
function sectionOf(argument: string, constantOf: ConstantOf): string | undefined {
  const literal = /GetSection\s*\(\s*"([^"]*)"\s*\)/.exec(argument);
  if (literal) return literal[1];
  const constant = /GetSection\s*\(\s*(?:[\w.]+\.)?([A-Za-z_]\w*)\.([A-Za-z_]\w*)\s*\)/.exec(argument);
  if (constant) return constantOf(constant[1]!, constant[2]!);
  // The configuration itself: `configuration`, `Configuration`, `builder.Configuration`, `context.Configuration`.
  return /^\s*(?:[\w.]+\.)?[Cc]onfig(uration)?\s*$/.test(argument) ? '' : undefined;
}

/** A class's string constant by class and constant name, looked up once each. */
type ConstantOf = (className: string, name: string) => string | undefined;

/** A string constant of a C# class of the tree (`public const string SectionName = "Graph";`). */
function classConstant(code: readonly SourceFile[], className: string, name: string): string | undefined {
  const declares = new RegExp(`\\b(class|record|struct)\\s+${className}\\b`);
  const value = new RegExp(`\\b(?:const|static\\s+readonly)\\s+string\\s+${name}\\s*=\\s*"([^"]*)"`);
  for (const file of code) if (declares.test(file.text)) return value.exec(file.text)?.[1];
  return undefined;
}

/** The text between the bracket at `open` and its match (at most 500 characters: a registration is short; strings not considered). */
function bracketed(text: string, open: number): string {
  let depth = 0;
  const end = Math.min(text.length, open + 500);
  for (let index = open; index < end; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return text.slice(open + 1, index);
  }
  return '';
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

/** Each folder's values by lower-case key (the first such key wins), made on its first case-insensitive lookup. */
const byLowerCaseKey = new WeakMap<Record<string, string>, Map<string, string>>();

/** A folder's value for a key in any case (.NET configuration keys are case-insensitive): a map look-up, not a scan per call. */
function valueIgnoringCase(values: Record<string, string>, lowerCaseKey: string): string | undefined {
  let index = byLowerCaseKey.get(values);
  if (!index) {
    index = new Map();
    for (const [key, value] of Object.entries(values)) if (!index.has(key.toLowerCase())) index.set(key.toLowerCase(), value);
    byLowerCaseKey.set(values, index);
  }
  return index.get(lowerCaseKey);
}

/** The value a file sees for a variable: from its folder's `.env` files, else the nearest parent folder's. */
export function environmentUrl(urls: EnvironmentUrls | undefined, file: string, name: string, options: { ignoreCase?: boolean } = {}): string | undefined {
  if (!urls) return undefined;
  const lower = name.toLowerCase();
  for (let folder = path.posix.dirname(file); ; folder = path.posix.dirname(folder)) {
    const values = urls[folder];
    const value = values?.[name] ?? (options.ignoreCase && values ? valueIgnoringCase(values, lower) : undefined);
    if (value !== undefined) return value;
    if (folder === '.' || folder === '/' || folder === '') return undefined;
  }
}
