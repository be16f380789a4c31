import { createRequire } from 'node:module';
import { Language, Parser, type Node as TsNode } from 'web-tree-sitter';

/**
 * tree-sitter parsers for the non-JavaScript languages, from the prebuilt grammars of `tree-sitter-wasms`
 * (web-tree-sitter 0.25 reads their ABI). Loading is asynchronous, so it happens once before extraction;
 * parsing itself is synchronous.
 */
export type TreeLanguage = 'csharp' | 'python' | 'java';
/** Grammars loaded on demand: the code languages and HTML (served pages, for the hosts they load). */
export type Grammar = TreeLanguage | 'html';

const GRAMMARS: Record<Grammar, string> = {
  html: 'tree-sitter-wasms/out/tree-sitter-html.wasm',
  csharp: 'tree-sitter-wasms/out/tree-sitter-c_sharp.wasm',
  python: 'tree-sitter-wasms/out/tree-sitter-python.wasm',
  java: 'tree-sitter-wasms/out/tree-sitter-java.wasm',
};

export const LANGUAGE_OF_EXTENSION: Record<string, TreeLanguage> = { cs: 'csharp', py: 'python', java: 'java' };

export type TreeParsers = Partial<Record<Grammar, Parser>>;

let initialised: Promise<void> | undefined;
const cache = new Map<Grammar, Promise<Parser>>();

/** Parsers for the languages present in the tree; a grammar that fails to load is reported, not fatal. */
export async function loadParsers(languages: Iterable<Grammar>): Promise<{ parsers: TreeParsers; errors: string[] }> {
  const parsers: TreeParsers = {};
  const errors: string[] = [];
  for (const language of new Set(languages)) {
    try {
      parsers[language] = await parserFor(language);
    } catch (error) {
      errors.push(`the ${language} grammar could not be loaded: ${(error as Error).message}`);
    }
  }
  return { parsers, errors };
}

function parserFor(language: Grammar): Promise<Parser> {
  let pending = cache.get(language);
  if (!pending) {
    pending = (async () => {
      initialised ??= Parser.init();
      await initialised;
      const require = createRequire(import.meta.url);
      const grammar = await Language.load(require.resolve(GRAMMARS[language]));
      const parser = new Parser();
      parser.setLanguage(grammar);
      return parser;
    })();
    cache.set(language, pending);
  }
  return pending;
}

/** Nodes of the given types, in source order per type. */
export type NodesOf = (...types: string[]) => TsNode[];

/**
 * Every node of the given types, from one traversal of the tree: each traversal crosses into WebAssembly and
 * copies its nodes out, so the extractors share one rather than walking the tree once per node type.
 */
export function indexNodes(root: TsNode, types: Iterable<string>): NodesOf {
  const byType = new Map<string, TsNode[]>();
  for (const node of root.descendantsOfType([...new Set(types)])) {
    if (!node) continue;
    const list = byType.get(node.type);
    if (list) list.push(node);
    else byType.set(node.type, [node]);
  }
  return (...wanted) => (wanted.length === 1 ? (byType.get(wanted[0]!) ?? []) : wanted.flatMap((type) => byType.get(type) ?? []));
}

/** A member a C# object initializer sets: `new HttpRequestMessage { RequestUri = new Uri(url) }` → `new Uri(url)`. */
export function initializedMember(creation: TsNode, member: string): TsNode | undefined {
  const initializer = creation.childForFieldName('initializer') ?? creation.namedChildren.find((child) => child?.type === 'initializer_expression');
  const entry = initializer?.namedChildren.find((child) => child?.type === 'assignment_expression' && child.childForFieldName('left')?.text === member);
  return entry?.childForFieldName('right') ?? undefined;
}
