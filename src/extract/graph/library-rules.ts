import type { Node as TsNode } from 'web-tree-sitter';
import { PLACEHOLDER } from '../../knowledge/graph/graph-path.ts';
import type { LanguageRules, SdkAction } from './tree-languages.ts';

/**
 * What the rules of Python Graph libraries with object models of their own (office365-rest-python-client, O365)
 * share: requests described by method and path segments, entities a `for` loop runs over, and where an action's
 * request goes.
 */

/** A request a library method makes: its HTTP method and the segments it adds to the path it is called on. */
export function sdkRequest(method: string, ...segments: string[]): SdkAction {
  return { method, segments };
}

/** `for message in messages:` — the loop's name is one entity of the collection it runs over. */
export function loopStep(node: TsNode): { kind: 'id'; next: TsNode | null } | undefined {
  const loop = node.type === 'identifier' ? node.parent : null;
  return loop?.type === 'for_statement' && loop.childForFieldName('left')?.id === node.id ? { kind: 'id', next: loop.childForFieldName('right') } : undefined;
}

/** Python's declarations and a `for` loop's name, given its value by the loop (the name stands for it: see loopStep). */
export function withLoopNames(declaration: LanguageRules['declaration']): LanguageRules['declaration'] {
  return {
    types: [...declaration.types, 'for_statement'],
    name: (node) => (node.type === 'for_statement' ? (node.childForFieldName('left')?.type === 'identifier' ? node.childForFieldName('left')!.text : undefined) : declaration.name(node)),
    value: (node) => (node.type === 'for_statement' ? node.childForFieldName('left') : declaration.value(node)),
  };
}

/** The path of an action called on a chain whose path is `path`. */
export function actionPath(path: string, action: SdkAction): string {
  // Below the drive root or a folder, a name addresses another item: its own id in Graph's terms.
  const base = action.itemPath ? path.replace(/\/root$/, `/items/${PLACEHOLDER}`) : path;
  return [base, ...action.segments].join('/');
}
