import path from 'node:path';
import { MENTIONS_GRAPH_HOST } from '../../knowledge/graph/graph-path.ts';
import type { AppSummary, ScanProblem } from '../../engine/types.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { CodeGraphFacts } from '../graph/javascript.ts';
import { LANGUAGE_OF_EXTENSION, type TreeLanguage, type TreeParsers } from '../graph/tree-sitter.ts';
import { dotSourcedPaths } from '../graph/powershell.ts';
import { createFileExtractor, importedPaths, IMPORTING_FILES, isClassicScript, JS_FILES } from './extractor.ts';
import { environmentUrls, type EnvironmentUrls } from './environment.ts';
import { PAGE_FILES } from './page-scripts.ts';
import { TEXT_URL_FILES } from '../graph/text-urls.ts';
import { escapeRegExp } from '../../util/regexp.ts';

/**
 * Every code file is parsed once; each extractor (Graph calls, scopes and auth flows; outbound connections
 * and served routes) reads the same tree. This module decides which files are worth parsing and runs the
 * language's extractor on them.
 */
export interface FileCodeFacts {
  file: string;
  appRoot: string;
  facts: CodeGraphFacts;
}

const CODE_FILES = /\.((m|c)?(j|t)sx?|cs|py|java|ps1|psm1)$/i;
const SPRING_CLIENT = /\b(WebClient|RestClient)\b/;
/**
 * Cheap tests before parsing. A file that mentions none of the Graph markers cannot call Graph, hold a Graph
 * URL for another file, request scopes or acquire tokens (Kiota chains need a client, whose name or import
 * matches — the O365 library's included; a client handed over under another name is missed, like any untyped
 * data flow).
 */
const GRAPH_NAME_HINT = /graph(?:\.microsoft|-client|_?client|serviceclient|fi)|microsoftgraph\.|msgraph|\bO365\b/i;
const GRAPH_USE_HINT = /\.api\(|acquire_?token|scopes|credential(?:builder)?\b|\$batch|aadhttpclient|-mg[a-z]|-graphrequest\b|v1\.0\/|\/beta\/|for(?:user|app)async\b/i;
/**
 * Two expressions rather than one alternation of all markers: the engine tries every alternative at every
 * character of a file, and a scan reads every code file of the tree (40% less time on the bench's 132 MB).
 */
const graphHint = (text: string) => GRAPH_NAME_HINT.test(text) || GRAPH_USE_HINT.test(text);
const graphHinted = new WeakMap<SourceFile, boolean>();
/**
 * A file with no URL that names none of these makes no outbound request, serves no route and holds none of
 * the insecure patterns the extractors read: an HTTP client, a route definition, a client library with a
 * default host (the SDK table's modules, in each language's spelling), TLS-verification switches, weak
 * hashes, browser storage, eval. Case-sensitive: the engine then scans far faster.
 */
const CONNECTIVITY_HINT = /\bfetch\s*\(|axios|\bgot\b|superagent|\bky\b|WebSocket|EventSource|HttpClient|HttpRequestMessage|RestClient|WebRequest|\brequests\b|httpx|aiohttp|urllib|URI\.create|RestTemplate|WebClient|Invoke-(RestMethod|WebRequest)|\.(get|post|put|patch|delete|del|all|route)\(\s*['"`]\/|\.route\(|app\.http\(|Map(Get|Post|Put|Patch|Delete|Methods)\(|\[(Http(Get|Post|Put|Patch|Delete)|Route)\b|Mapping\b|\b([Oo]pen[Aa][Ii]|[Ss]tripe|[Tt]wilio|[Ss]end[Gg]rid|mailgun|[Oo]ctokit|boto3|[Aa]nthropic|mistralai|cohere|pinecone|[Ss]entry|botbuilder)\b|@slack\/|slack_(sdk|bolt)|aws-sdk|@aws-sdk\/|\bAmazon\.|software\.amazon|googleapis|google[.-](cloud|genai|generativeai)|Google\.(Apis|Cloud)|Microsoft\.Bot\.Builder|com\.microsoft\.bot|@azure\/|\bazure\.|\bAzure\.|com\.azure\.|rejectUnauthorized|NODE_TLS_REJECT_UNAUTHORIZED|createHash|createHmac|localStorage|sessionStorage|\beval\(|new Function|verify=False|_create_unverified_context|hashlib|CertificateValidationCallback|CertificateCustomValidationCallback|DangerousAcceptAny|\bMD5\b|\bSHA1\b|MessageDigest/;
const hinted = new WeakMap<SourceFile, boolean>();
/** A relative import or require, before the exact test. */
const RELATIVE_IMPORT_HINT = /(from|require\()\s*['"]\.\.?\//;
/** A Python import statement, before the exact test. */
const PYTHON_IMPORT_HINT = /^[ \t]*(from|import)[ \t]/m;

/** Whether a file may import another module of the tree (see importedPaths), before the exact test. */
function mayImportModules(file: SourceFile): boolean {
  if (JS_FILES.test(file.path)) return file.text.includes('./') && RELATIVE_IMPORT_HINT.test(file.text);
  // Any C# or Java file may name another class of the tree (the exact test: filesToExtract).
  if (/\.(cs|java)$/i.test(file.path)) return true;
  return /\.py$/i.test(file.path) && PYTHON_IMPORT_HINT.test(file.text);
}

/** Source code the extractors read: not declaration files, not members of archives; pages for their scripts. */
function isParsableCode(file: SourceFile): boolean {
  return (CODE_FILES.test(file.path) || PAGE_FILES.test(file.path) || TEXT_URL_FILES.test(file.path)) && !file.path.includes('!') && !/\.d\.ts$/.test(file.path);
}

/** A code file that may call Graph, hold a Graph URL or scope, or acquire tokens (the permission analysis's share of the parsing). */
export function mentionsGraph(file: SourceFile): boolean {
  let answer = graphHinted.get(file);
  if (answer === undefined) {
    answer = isParsableCode(file) && graphHint(file.text);
    graphHinted.set(file, answer);
  }
  return answer;
}

/** Whether a code file is worth parsing; the text tests run once per file and only on code. */
export function worthParsing(file: SourceFile): boolean {
  let answer = hinted.get(file);
  if (answer === undefined) {
    answer = isParsableCode(file) && (file.text.includes('://') || mentionsGraph(file) || CONNECTIVITY_HINT.test(file.text));
    hinted.set(file, answer);
  }
  return answer;
}

/**
 * A test for the names of environment variables and configuration keys the tree's .env and settings files set
 * to Graph URLs; undefined when none. A key's sections count one by one (`GetSection("Graph")["BaseUrl"]`
 * names `Graph:BaseUrl` in two strings), in any case (.NET reads its keys so).
 */
function graphEnvironmentVariables(environment: EnvironmentUrls): RegExp | undefined {
  const names = new Set<string>();
  for (const values of Object.values(environment)) {
    for (const [name, url] of Object.entries(values)) if (MENTIONS_GRAPH_HOST.test(url)) for (const part of name.replace(/^json:/, '').split(':')) names.add(part);
  }
  return names.size ? new RegExp(`\\b(${[...names].map(escapeRegExp).join('|')})\\b`, 'i') : undefined;
}

/** Languages of the files to extract (see filesToExtract), so only their grammars are loaded. */
export function codeLanguagesIn(files: readonly SourceFile[]): TreeLanguage[] {
  const languages = new Set<TreeLanguage>();
  for (const file of files) {
    const language = LANGUAGE_OF_EXTENSION[/\.(\w+)$/.exec(file.path)?.[1]?.toLowerCase() ?? ''];
    if (language) languages.add(language);
  }
  return [...languages];
}

export interface CodeExtractionInput {
  /** Every file of the tree: the ones to extract, and the modules they may import constants from. */
  files: readonly SourceFile[];
  apps: readonly AppSummary[];
  problems: ScanProblem[];
  parsers?: TreeParsers;
  /**
   * Only what the permission analysis reads: the files that may call Graph (`mentionsGraph`), without the
   * connectivity and insecure-pattern extractors. Otherwise every file worth parsing, with every extractor.
   */
  graphOnly?: boolean;
  /** The tree's environment URLs (see environmentUrls), when the caller has read them already. */
  environment?: EnvironmentUrls;
}

/**
 * The files an extraction reads (see CodeExtractionInput.graphOnly; the files that may call Graph are all worth
 * parsing), and the JavaScript/TypeScript modules importing one that may call Graph, directly or through others,
 * and the classic scripts of a page where one may: they may call its request helpers
 * (`getGraphData(token, '/me/drive/root/children')`) without naming Graph.
 */
export function filesToExtract(files: readonly SourceFile[], graphOnly = false, environment: EnvironmentUrls = environmentUrls(files)): SourceFile[] {
  const selected = new Set(files.filter(graphOnly ? mentionsGraph : worthParsing));
  // Code reading an environment variable that an .env file sets to a Graph URL may call Graph through it.
  const graphVariables = graphEnvironmentVariables(environment);
  const readsGraphVariable = (file: SourceFile) => Boolean(graphVariables && isParsableCode(file) && graphVariables.test(file.text));
  if (graphVariables) for (const file of files) if (!selected.has(file) && readsGraphVariable(file)) selected.add(file);
  // C# clients registered with a base address in one file (Program.cs) send relative URLs in others; so do the
  // Spring clients a @Bean method builds.
  if ([...selected].some((file) => /\.cs$/i.test(file.path) && file.text.includes('AddHttpClient'))) {
    for (const file of files) if (!selected.has(file) && isParsableCode(file) && /\.cs$/i.test(file.path) && file.text.includes('HttpClient')) selected.add(file);
  }
  if ([...selected].some((file) => /\.java$/i.test(file.path) && file.text.includes('@Bean') && SPRING_CLIENT.test(file.text))) {
    for (const file of files) if (!selected.has(file) && isParsableCode(file) && /\.java$/i.test(file.path) && SPRING_CLIENT.test(file.text)) selected.add(file);
  }
  // A PowerShell script dot-sourcing one that may hold Graph URLs (`. .\config.ps1` setting `$graphBaseUrl`) uses its variables.
  const selectedScripts = new Set([...selected].filter((file) => POWERSHELL_FILES.test(file.path)).map((file) => file.path));
  if (selectedScripts.size) for (const file of files) if (!selected.has(file) && POWERSHELL_FILES.test(file.path) && isParsableCode(file) && dotSourcedPaths(file).some((target) => selectedScripts.has(target))) selected.add(file);
  // PowerShell modules call the functions of their other scripts (a helper wrapping Invoke-MgGraphRequest) by name,
  // through layers of them (Add-App → Invoke-PostRequest → Invoke-Request).
  let callers = [...selected];
  for (let depth = 0; depth < 4 && callers.length; depth++) {
    const scriptFunctions = powershellFunctionsIn(callers);
    callers = scriptFunctions ? files.filter((file) => !selected.has(file) && POWERSHELL_FILES.test(file.path) && isParsableCode(file) && scriptFunctions.test(file.text)) : [];
    for (const file of callers) selected.add(file);
  }
  const graphFiles = [...selected].filter((file) => IMPORTING_FILES.test(file.path) && (mentionsGraph(file) || readsGraphVariable(file)));
  const graphPages = new Set(graphFiles.filter(isClassicScript).map((file) => path.posix.dirname(file.path)));
  if (graphPages.size) for (const file of files) if (!selected.has(file) && isParsableCode(file) && graphPages.has(path.posix.dirname(file.path)) && isClassicScript(file)) selected.add(file);
  let graphModules = new Set(graphFiles.map((file) => file.path));
  let others = files.filter((file) => !selected.has(file) && isParsableCode(file) && mayImportModules(file));
  for (let depth = 0; depth < 4 && graphModules.size && others.length; depth++) {
    // C# and Java name another class in the text (`GraphConstants.BaseUrl`, `GraphService _graph`): its name as a word.
    const classNames = [...graphModules].filter((path) => /\.(cs|java)$/i.test(path)).map((path) => /([^/]+)\.\w+$/.exec(path)![1]!);
    const namesClass = classNames.length ? new RegExp(`\\bI?(${classNames.map(escapeRegExp).join('|')})\\b`) : undefined;
    const importers = others.filter((file) => (/\.(cs|java)$/i.test(file.path) ? Boolean(namesClass?.test(file.text)) : importedPaths(file).some((path) => graphModules.has(path))));
    for (const file of importers) selected.add(file);
    graphModules = new Set(importers.map((file) => file.path));
    others = others.filter((file) => !selected.has(file));
  }
  return files.filter((file) => selected.has(file));
}

const POWERSHELL_FILES = /\.psm?1$/i;

/** A test for a call of any function the selected PowerShell scripts define; undefined when they define none. */
function powershellFunctionsIn(selected: readonly SourceFile[]): RegExp | undefined {
  const names = new Set<string>();
  for (const file of selected) if (POWERSHELL_FILES.test(file.path)) for (const match of file.text.matchAll(/^[ \t]*function[ \t]+([A-Za-z_][\w-]*)/gim)) names.add(match[1]!);
  return names.size ? new RegExp(`(^|[\\s(=;|])(${[...names].map(escapeRegExp).join('|')})(?=[\\s)]|$)`, 'im') : undefined;
}

export function extractCode(input: CodeExtractionInput): FileCodeFacts[] {
  const byPath = new Map(input.files.map((file) => [file.path, file]));
  const environment = input.environment ?? environmentUrls(input.files);
  const extract = createFileExtractor((path) => byPath.get(path), input.parsers ?? {}, (problem) => input.problems.push(problem), { graphOnly: input.graphOnly, paths: [...byPath.keys()], environment });
  const appRootOf = rootResolver(input.apps);
  const results: FileCodeFacts[] = [];
  for (const file of filesToExtract(input.files, input.graphOnly, environment)) {
    const facts = extract(file);
    if (facts) results.push({ file: file.path, appRoot: appRootOf(file.path), facts });
  }
  return results;
}

/** The deepest app root that contains a file; "." when no app claims it. */
export function rootResolver(apps: readonly AppSummary[]): (file: string) => string {
  const roots = apps.map((app) => app.root).sort((a, b) => b.length - a.length);
  return (file) => roots.find((root) => root === '.' || file.startsWith(`${root}/`)) ?? '.';
}
