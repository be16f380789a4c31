import path from 'node:path';
import type { ScanProblem } from '../../engine/types.ts';
import { SourceFile } from '../../sources/source-file.ts';
import { emptyCodeFacts, extractJavaScript, type CodeGraphFacts, type GlobalResolver, type ImportResolver } from '../graph/javascript.ts';
import { readsItemBody } from '../graph/body-reads.ts';
import { dotSourcedPaths, extractPowerShell, scriptConstants } from '../graph/powershell.ts';
import { extractTreeLanguage, submodule, type ModuleConstantResolver, type ModuleHelperResolver, type TreeHelper } from '../graph/tree-languages.ts';
import { compactReferences } from '../hosts/types.ts';
import { groupBy } from '../../util/group-by.ts';
import type { RequestWrapper } from '../graph/url-templates.ts';
import type { EnvironmentUrls } from './environment.ts';
import { LANGUAGE_OF_EXTENSION, type TreeLanguage, type TreeParsers } from '../graph/tree-sitter.ts';
import { graphUrlsInText, TEXT_URL_FILES } from '../graph/text-urls.ts';
import { PAGE_FILES, pageScripts as scriptsOfPage, SERVER_PAGES } from './page-scripts.ts';

export const JS_FILES = /\.(m|c)?(j|t)sx?$/i;
/** Files whose imports of the tree's modules (or, in C# and Java, reads of its classes' constants) are followed. */
export const IMPORTING_FILES = /\.((m|c)?(j|t)sx?|py|cs|java|psm?1)$/i;

/** What a JavaScript/TypeScript module gives the modules importing it: string constants and request helpers. */
interface ModuleExports {
  constants: ReadonlyMap<string, string>;
  wrappers?: ReadonlyMap<string, RequestWrapper>;
  /** A classic script's top-level values (see CodeGraphFacts.scriptGlobals). */
  globals?: CodeGraphFacts['scriptGlobals'];
}

/** Which extractors read the tree: with `graphOnly`, the Graph extractor alone (no connections, no insecure patterns). */
export interface ExtractorChoice {
  graphOnly?: boolean;
  /** Paths of the tree's files, for the classic scripts beside a script (their globals are its globals). */
  paths?: readonly string[];
  /** URLs the app's `.env` files give environment variables (`process.env.GRAPH_API_ENDPOINT`). */
  environment?: EnvironmentUrls;
}

/**
 * Extracts one code file with its language's extractor. JavaScript/TypeScript constants and request helpers
 * imported from relative modules are followed: the imported file is extracted (once, memoised) for its exports.
 * `lookup` finds a file of the tree by path; problems (parse errors) go to `onProblem`, once per file.
 */
export function createFileExtractor(lookup: (path: string) => SourceFile | undefined, parsers: TreeParsers, onProblem: (problem: ScanProblem) => void, choice: ExtractorChoice = {}): (file: SourceFile) => CodeGraphFacts | undefined {
  // A thread extracts thousands of files: only their exported constants are kept for the modules importing
  // them, and the whole facts only of a module extracted for an import before its own turn (it is used once).
  const exportsOf = new Map<string, ModuleExports>();
  const extractedForImport = new Map<string, CodeGraphFacts>();
  const inProgress = new Set<string>();
  // A page script may be extracted twice (see pageGlobal): its parse error is reported once.
  const reportedParseErrors = new Set<string>();
  const extractJs = (file: SourceFile): CodeGraphFacts => {
    inProgress.add(file.path);
    const result = extractJavaScript(file, resolveImport, choice, resolveWrapper, globals);
    inProgress.delete(file.path);
    exportsOf.set(file.path, { constants: result.exportedConstants, wrappers: result.exportedWrappers, globals: result.scriptGlobals });
    reportParseError(file, result, 'JavaScript/TypeScript');
    return result;
  };
  const reportParseError = (file: SourceFile, facts: CodeGraphFacts, language: string) => {
    if (!facts.parseError || reportedParseErrors.has(file.path)) return;
    reportedParseErrors.add(file.path);
    onProblem({ kind: 'parse-error', file: file.path, line: facts.parseError.line, message: `could not parse ${language}: ${facts.parseError.message}` });
  };
  /**
   * What the first of a module's candidate files exports (`stopAtFirstFile`: the one an import resolves to), or the
   * first value `pick` finds among them all (the files named after a class); each file extracted on first use,
   * once, its facts kept for its own turn. A file being extracted (an import cycle) gives nothing.
   */
  const fromExports = <T>(candidates: readonly string[], pick: (exported: ModuleExports) => T | undefined, stopAtFirstFile: boolean): T | undefined => {
    for (const candidate of candidates) {
      const file = lookup(candidate);
      if (!file || inProgress.has(candidate)) continue;
      let exported = exportsOf.get(candidate);
      if (!exported) {
        const facts = extractAnew(file);
        if (facts) extractedForImport.set(candidate, facts);
        exported = exportsOf.get(candidate);
      }
      const value = exported && pick(exported);
      if (value !== undefined || stopAtFirstFile) return value;
    }
    return undefined;
  };
  /** A constant or request helper of the JavaScript/TypeScript module a relative import names. */
  const resolveImport: ImportResolver = (fromFile, specifier, name) => fromExports(importCandidates(fromFile, specifier), (exported) => exported.constants.get(name), true);
  function resolveWrapper(fromFile: string, specifier: string, name: string): RequestWrapper | undefined {
    return fromExports(importCandidates(fromFile, specifier), (exported) => exported.wrappers?.get(name), true);
  }
  /** A constant or request helper of the Python module an import names. */
  const resolvePythonConstant: ModuleConstantResolver = (fromFile, module, name) => fromExports(pythonModuleCandidates(fromFile, module), (exported) => exported.constants.get(name), true);
  const resolvePythonHelper: ModuleHelperResolver = (fromFile, module, name) => fromExports(pythonModuleCandidates(fromFile, module), (exported) => exported.wrappers?.get(name) as TreeHelper | undefined, true);
  /**
   * A constant or request helper of a C# or Java class of the tree, from the files named after the class (as Java
   * requires and C# conventionally does), nearest first.
   */
  let classFiles: Map<string, string[]> | undefined;
  const filesOfClass = (fromFile: string, className: string) => {
    classFiles ??= filesByClassName(choice.paths ?? []);
    return classFiles.get(`${className}${path.posix.extname(fromFile).toLowerCase()}`) ?? [];
  };
  const resolveClassConstant: ModuleConstantResolver = (fromFile, className, name) => fromExports(nearestFirst(fromFile, filesOfClass(fromFile, className)), (exported) => exported.constants.get(`${className}.${name}`), false);
  const resolveClassHelper: ModuleHelperResolver = (fromFile, className, name) => fromExports(nearestFirst(fromFile, filesOfClass(fromFile, className)), (exported) => exported.wrappers?.get(`${className}.${name}`) as TreeHelper | undefined, false);
  resolveClassHelper.declares = (fromFile, className) => filesOfClass(fromFile, className).length > 0;
  // PowerShell: the string variables of the scripts a script dot-sources (and those they dot-source, a few deep), once per script.
  const constantsOfScript = new Map<string, Map<string, string>>();
  const dotSourcedConstants = (file: SourceFile, depth = 0, seen = new Set<string>([file.path])): Map<string, string> | undefined => {
    const targets = depth < 4 ? dotSourcedPaths(file).filter((target) => !seen.has(target)) : [];
    if (!targets.length) return undefined;
    const merged = new Map<string, string>();
    for (const target of targets) {
      let constants = constantsOfScript.get(target);
      if (!constants) {
        const script = lookup(target);
        if (!script) continue;
        seen.add(target);
        constants = scriptConstants(script, dotSourcedConstants(script, depth + 1, seen));
        constantsOfScript.set(target, constants);
      }
      for (const [name, value] of constants) merged.set(name, value);
    }
    return merged.size ? merged : undefined;
  };
  const extractTree = (file: SourceFile, language: TreeLanguage): CodeGraphFacts => {
    inProgress.add(file.path);
    const facts = language === 'python' ? extractTreeLanguage(file, language, parsers[language]!, choice, resolvePythonConstant, resolvePythonHelper) : extractTreeLanguage(file, language, parsers[language]!, choice, resolveClassConstant, resolveClassHelper);
    inProgress.delete(file.path);
    exportsOf.set(file.path, { constants: facts.exportedConstants, wrappers: facts.exportedWrappers });
    reportParseError(file, facts, language);
    return facts;
  };
  // Classic browser scripts of one folder are taken as one page: each sees the others' top-level values.
  const scriptsByFolder = groupBy(choice.paths ?? [], (candidate) => (/\.js$/i.test(candidate) && !candidate.includes('!') ? path.posix.dirname(candidate) : undefined));
  const pageScripts = (fromFile: string): string[] => (scriptsByFolder.get(path.posix.dirname(fromFile)) ?? []).filter((sibling) => sibling !== fromFile);
  const pageGlobal = <T>(fromFile: string, pick: (globals: NonNullable<ModuleExports['globals']>) => T | undefined): T | undefined => {
    for (const sibling of pageScripts(fromFile)) {
      if (inProgress.has(sibling)) continue;
      let exported = exportsOf.get(sibling);
      if (!exported) {
        const file = lookup(sibling);
        if (!file) continue;
        // Scripts of a page may use each other's globals both ways: extracted now, while the asking script is
        // in progress, this one misses what that script declares, so it is extracted again on its own turn.
        extractJs(file);
        exported = exportsOf.get(sibling)!;
      }
      const value = exported.globals && pick(exported.globals);
      if (value !== undefined) return value;
    }
    return undefined;
  };
  /**
   * A classic script's results may be shown by another script of its page (a callback in ui.js). Answered
   * once per page: every script of it with calls asks.
   */
  const pagesReadingBodies = new Map<string, boolean>();
  const pageReadsBody = (file: SourceFile): boolean => {
    if (!isClassicScript(file)) return false;
    const folder = path.posix.dirname(file.path);
    let reads = pagesReadingBodies.get(folder);
    if (reads === undefined) {
      reads = (scriptsByFolder.get(folder) ?? []).some((candidate) => {
        const script = lookup(candidate);
        return script !== undefined && isClassicScript(script) && readsItemBody(script.text);
      });
      pagesReadingBodies.set(folder, reads);
    }
    return reads;
  };
  const globals: GlobalResolver = {
    constant: (fromFile, name) => pageGlobal(fromFile, (page) => page.constants.get(name)),
    wrapper: (fromFile, name) => pageGlobal(fromFile, (page) => page.wrappers.get(name)),
  };
  return (file) => {
    const facts = extractFile(file);
    if (facts) {
      facts.connectivity.references = compactReferences(facts.connectivity.references);
      facts.flows.push(...tokenRequestFlows(file));
      // Cmdlets resolve to calls later; any of them, or a call here, may be a read of mail or calendar items.
      if (facts.calls.length || facts.cmdlets?.length) facts.readsBody = readsItemBody(file.text) || pageReadsBody(file);
    }
    return facts;
  };
  /** A file's facts on its own turn: those of its extraction for an importer, when there was one (used once). */
  function extractFile(file: SourceFile): CodeGraphFacts | undefined {
    const early = extractedForImport.get(file.path);
    if (!early) return extractAnew(file);
    extractedForImport.delete(file.path);
    return early;
  }
  function extractAnew(file: SourceFile): CodeGraphFacts | undefined {
    const extension = /\.(\w+)$/.exec(file.path)?.[1]?.toLowerCase() ?? '';
    const treeLanguage = LANGUAGE_OF_EXTENSION[extension];
    if (JS_FILES.test(file.path)) return extractJs(file);
    if (treeLanguage && parsers[treeLanguage]) return extractTree(file, treeLanguage);
    if (/^(ps1|psm1)$/.test(extension)) return extractPowerShell(file, dotSourcedConstants(file));
    if (PAGE_FILES.test(file.path)) return extractPage(file);
    if (TEXT_URL_FILES.test(file.path)) return { ...emptyCodeFacts(), ...graphUrlsInText(file) };
    return undefined;
  }

  /**
   * A page's scripts, read for Graph only (its hosts and links are the connectivity extractor's, from the HTML):
   * by the JavaScript extractor when they parse, else — template code m365cert cannot blank — as text (low
   * confidence); a server page's own code as text too.
   */
  function extractPage(file: SourceFile): CodeGraphFacts {
    const scripts = scriptsOfPage(file.path, file.text);
    let facts = emptyCodeFacts();
    if (scripts) {
      const parsed = extractJavaScript(new SourceFile(file.path, scripts.code), resolveImport, { ...choice, graphOnly: true }, resolveWrapper, globals);
      facts = parsed.parseError ? { ...facts, ...graphUrlsInText(file, scripts.code) } : parsed;
    }
    if (SERVER_PAGES.test(file.path)) {
      const server = graphUrlsInText(file, scripts?.rest ?? file.text);
      facts.calls.push(...server.calls);
      facts.unresolved.push(...server.unresolved);
    }
    return facts;
  }
}

/**
 * OAuth token requests written by hand (`grant_type: 'client_credentials'` posted to the token endpoint, in a
 * dict, an object, form fields or a query string): the grant says the flow when no SDK names it.
 */
const GRANT_TYPE = /grant_type["']?\s*(?:[:=,]|=>)\s*["']?(client_credentials|urn:ietf:params:oauth:grant-type:jwt-bearer|authorization_code|urn:ietf:params:oauth:grant-type:device_code|password)\b/gi;
const GRANT_FLOWS: Record<string, { flow: 'application' | 'delegated'; kind: string }> = {
  client_credentials: { flow: 'application', kind: 'client-credentials' },
  'urn:ietf:params:oauth:grant-type:jwt-bearer': { flow: 'delegated', kind: 'on-behalf-of' },
  authorization_code: { flow: 'delegated', kind: 'auth-code' },
  'urn:ietf:params:oauth:grant-type:device_code': { flow: 'delegated', kind: 'device-code' },
  password: { flow: 'delegated', kind: 'password' },
};

export function tokenRequestFlows(file: SourceFile): CodeGraphFacts['flows'] {
  // Any case: PowerShell's hashtables and many scripts write `Grant_Type = "client_credentials"`.
  if (!/grant_type/i.test(file.text)) return [];
  return [...file.text.matchAll(GRANT_TYPE)].flatMap((match) => {
    const grant = GRANT_FLOWS[match[1]!.toLowerCase()];
    if (!grant) return [];
    const at = file.locOf(match.index!);
    return [{ flow: grant.flow, kind: grant.kind, source: { file: file.path, line: at.line, column: at.column } }];
  });
}

const RELATIVE_IMPORT = /\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|\brequire\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;
/** A capitalised name: maybe another class of the tree (`GraphConstants`, `IGraphService`). */
const CLASS_NAME = /\b[A-Z]\w*/g;
/** Python's `import a.b, c as d` and `from .m import x, y` (the text test; the parser decides for the extraction). */
const PYTHON_IMPORT = /^[ \t]*(?:from[ \t]+(\.*[\w.]*)[ \t]+import[ \t]+\(?([\w., \t]+)|import[ \t]+([\w., \t]+))/gm;

/** A `.js` file that neither imports, exports nor requires (the text test; the parser decides for the extraction). */
export function isClassicScript(file: SourceFile): boolean {
  return /\.js$/i.test(file.path) && !/\b(import|export)\b|\brequire\s*\(|module\.exports/.test(file.text);
}

/**
 * Every path the imports of a file may name: relative imports of JavaScript/TypeScript (`from './x'`,
 * `require('../y')`), the tree's modules a Python file imports (`import app_config`, `from .settings import X`).
 */
export function importedPaths(file: SourceFile, classFiles?: ReadonlyMap<string, string[]>): string[] {
  const classFile = /\.(cs|java)$/i.exec(file.path);
  if (classFile) {
    // The files named after the classes a file names (`GraphConstants.BaseUrl`, `IGraphService _graph`): they may
    // declare the constants it reads and the request helpers it calls.
    if (!classFiles?.size) return [];
    const names = new Set<string>();
    for (const [name] of file.text.matchAll(CLASS_NAME)) names.add(name).add(/^I[A-Z]/.test(name) ? name.slice(1) : name);
    return [...names].flatMap((name) => classFiles.get(`${name}.${classFile[1]!.toLowerCase()}`) ?? []).filter((candidate) => candidate !== file.path);
  }
  if (/\.psm?1$/i.test(file.path)) return dotSourcedPaths(file);
  if (/\.py$/i.test(file.path)) {
    return [...file.text.matchAll(PYTHON_IMPORT)].flatMap((match) => {
      const names = (match[2] ?? match[3]!).split(',').map((part) => part.trim().split(/\s+/)[0]!).filter(Boolean);
      // `from m import x`: x is a constant of m, or its submodule m.x.
      const modules = match[1] !== undefined ? [match[1], ...names.map((name) => submodule(match[1]!, name))] : names;
      return modules.flatMap((module) => pythonModuleCandidates(file.path, module));
    });
  }
  return [...file.text.matchAll(RELATIVE_IMPORT)].flatMap((match) => importCandidates(file.path, match[1] ?? match[2]!));
}

/** C# and Java files by their file name (`GraphConstants.cs`): where a class of that name is declared. */
export function filesByClassName(paths: readonly string[]): Map<string, string[]> {
  return groupBy(paths, (candidate) => (/\.(cs|java)$/i.test(candidate) && !candidate.includes('!') ? path.posix.basename(candidate) : undefined));
}

/** Paths ordered by how much of their folder they share with a file's (its own folder first). */
function nearestFirst(fromFile: string, paths: readonly string[]): string[] {
  const shared = (candidate: string) => {
    const a = fromFile.split('/');
    const b = candidate.split('/');
    let count = 0;
    while (count < a.length - 1 && count < b.length - 1 && a[count] === b[count]) count++;
    return count;
  };
  return [...paths].sort((x, y) => shared(y) - shared(x) || x.localeCompare(y));
}

/**
 * The files a Python import may name, nearest first: relative ones (`.m`, `..pkg.m`) from the importing
 * file's package, absolute ones from its folder and each folder above it (where the program may run from).
 */
function pythonModuleCandidates(fromFile: string, module: string): string[] {
  const dots = /^\.*/.exec(module)![0].length;
  const parts = module.slice(dots).split('.').filter(Boolean);
  const folders: string[] = [];
  if (dots) {
    let folder = path.posix.dirname(fromFile);
    for (let level = 1; level < dots; level++) folder = path.posix.dirname(folder);
    folders.push(folder);
  } else {
    for (let folder = path.posix.dirname(fromFile); ; folder = path.posix.dirname(folder)) {
      folders.push(folder);
      if (folder === '.' || folder === '/' || folder === '') break;
    }
  }
  return folders.flatMap((folder) => (parts.length ? [`${path.posix.join(folder, ...parts)}.py`, path.posix.join(folder, ...parts, '__init__.py')] : [path.posix.join(folder, '__init__.py')]));
}

/** The JavaScript/TypeScript files a relative import may name, in resolution order. */
export function importCandidates(fromFile: string, specifier: string): string[] {
  if (!specifier.startsWith('.')) return [];
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier)).replace(/\.(m|c)?js$/, '');
  return [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.jsx`, `${base}.mjs`, `${base}.cjs`, `${base}/index.ts`, `${base}/index.tsx`, `${base}/index.js`, `${base}/index.jsx`].filter((candidate) => JS_FILES.test(candidate));
}
