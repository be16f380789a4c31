import path from 'node:path';
import type { ScanProblem } from '../../engine/types.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { extractJavaScript, type CodeGraphFacts } from '../graph/javascript.ts';
import { extractPowerShell } from '../graph/powershell.ts';
import { extractTreeLanguage } from '../graph/tree-languages.ts';
import { compactReferences } from '../hosts/types.ts';
import { LANGUAGE_OF_EXTENSION, type TreeParsers } from '../graph/tree-sitter.ts';

export const JS_FILES = /\.(m|c)?(j|t)sx?$/i;

/**
 * Extracts one code file with its language's extractor. JavaScript/TypeScript constants imported from
 * relative modules are followed: the imported file is extracted (once, memoised) for its exported constants.
 * `lookup` finds a file of the tree by path; problems (parse errors) go to `onProblem`, once per file.
 */
export function createFileExtractor(lookup: (path: string) => SourceFile | undefined, parsers: TreeParsers, onProblem: (problem: ScanProblem) => void): (file: SourceFile) => CodeGraphFacts | undefined {
  const jsFacts = new Map<string, CodeGraphFacts>();
  const inProgress = new Set<string>();
  const extractJs = (file: SourceFile): CodeGraphFacts => {
    const known = jsFacts.get(file.path);
    if (known) return known;
    inProgress.add(file.path);
    const result = extractJavaScript(file, resolveImport);
    inProgress.delete(file.path);
    jsFacts.set(file.path, result);
    if (result.parseError) onProblem({ kind: 'parse-error', file: file.path, line: result.parseError.line, message: `could not parse JavaScript/TypeScript: ${result.parseError.message}` });
    return result;
  };
  function resolveImport(fromFile: string, specifier: string, name: string): string | undefined {
    for (const candidate of importCandidates(fromFile, specifier)) {
      const file = lookup(candidate);
      if (file && !inProgress.has(candidate)) return extractJs(file).exportedConstants.get(name);
    }
    return undefined;
  }
  return (file) => {
    const facts = extractFile(file);
    if (facts) facts.connectivity.references = compactReferences(facts.connectivity.references);
    return facts;
  };
  function extractFile(file: SourceFile): CodeGraphFacts | undefined {
    const extension = /\.(\w+)$/.exec(file.path)?.[1]?.toLowerCase() ?? '';
    const treeLanguage = LANGUAGE_OF_EXTENSION[extension];
    if (JS_FILES.test(file.path)) return extractJs(file);
    if (treeLanguage && parsers[treeLanguage]) {
      const facts = extractTreeLanguage(file, treeLanguage, parsers[treeLanguage]!);
      if (facts.parseError) onProblem({ kind: 'parse-error', file: file.path, line: facts.parseError.line, message: `could not parse ${treeLanguage}: ${facts.parseError.message}` });
      return facts;
    }
    if (/^(ps1|psm1)$/.test(extension)) return extractPowerShell(file);
    return undefined;
  }
}

/** The JavaScript/TypeScript files a relative import may name, in resolution order. */
export function importCandidates(fromFile: string, specifier: string): string[] {
  if (!specifier.startsWith('.')) return [];
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(fromFile), specifier)).replace(/\.(m|c)?js$/, '');
  return [base, `${base}.ts`, `${base}.tsx`, `${base}.js`, `${base}.mjs`, `${base}/index.ts`, `${base}/index.js`].filter((candidate) => JS_FILES.test(candidate));
}
