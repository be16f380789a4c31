import { applyEdits, findNodeAtLocation, modify, parseTree } from 'jsonc-parser';
import type { AppPermissionAnalysis } from '../extract/graph/analysis.ts';
import type { RequestedPermission } from '../extract/graph/types.ts';
import type { Inventory } from '../extract/inventory.ts';
import type { GraphPermissionIndex } from '../knowledge/graph/permission-index.ts';

export interface PlannedFix {
  file: string;
  before: string;
  after: string;
  changes: string[];
}

export interface FixPlan {
  fixes: PlannedFix[];
  /** What was not edited and why (scope lists in code, zipped packages, unknown GUIDs, missing permissions). */
  reported: string[];
}

/**
 * Declarations m365cert rewrites: JSON manifests an admin consents from (and the Teams manifest's
 * resource-specific consent, which whoever installs the app consents to), and the registration input of
 * Azure-Samples' AppCreationScripts (the permission names themselves). Code scope lists are only reported.
 */
const EDITABLE = new Set(['entra-manifest', 'aad-manifest', 'spfx', 'app-creation-script', 'teams-rsc', 'teams-legacy-rsc']);
/** Declarations that are the name itself (an array of strings), not an object holding it. */
const NAME_ITSELF = new Set(['app-creation-script', 'teams-legacy-rsc']);
/** The property of a declaration object holding the permission. */
const NAME_PROPERTY: Record<string, string> = { spfx: 'scope', 'teams-rsc': 'name' };

/**
 * Plans the rewrite of the manifests to the least-privileged set: unused permissions are removed, reducible
 * ones replaced by their lower alternative (or removed when that one is already requested). Edits keep the
 * files' formatting and comments. Nothing is written here.
 */
export function planPermissionFixes(inventory: Inventory, analyses: readonly AppPermissionAnalysis[], index: GraphPermissionIndex): FixPlan {
  const requested = inventory.graph?.requested ?? [];
  const reported: string[] = [];
  type Edit = { declaration: RequestedPermission; replacement?: string; reason: string };
  const editsByFile = new Map<string, Edit[]>();
  const plan = (declaration: RequestedPermission, replacement: string | undefined, reason: string) => {
    if (!EDITABLE.has(declaration.via) || !declaration.jsonPath || declaration.source.file.includes('!')) {
      reported.push(`${declaration.source.file}:${declaration.source.line} (${declaration.via}): ${reason} — edit by hand`);
      return;
    }
    editsByFile.set(declaration.source.file, [...(editsByFile.get(declaration.source.file) ?? []), { declaration, replacement, reason }]);
  };

  for (const analysis of analyses) {
    const declarationsOf = (name: string, type: string) => requested.filter((entry) => entry.appRoot === analysis.appRoot && entry.type === type && entry.name.toLowerCase() === name.toLowerCase());
    const isRequested = (name: string, type: string) => declarationsOf(name, type).length > 0;
    // Calls that could not be resolved may be exactly the ones that need a permission: such an app is not edited.
    if (analysis.unresolvedCalls) {
      for (const excessive of analysis.excessive) reported.push(`${analysis.appRoot}: ${excessive.name} (${excessive.type}) looks ${excessive.reason}, but ${analysis.unresolvedCalls} Graph call(s) could not be resolved statically — not edited; check those calls first`);
    }
    // RSC lives in the Teams manifest, app-wide permissions in the registration: one is never rewritten into the other.
    const grantOf = (name: string) => (index.permission(name)?.rsc ? 'rsc' : undefined);
    for (const excessive of analysis.unresolvedCalls ? [] : analysis.excessive) {
      const lower = (excessive.lowerAlternative ?? []).filter((name) => !isRequested(name, grantOf(name) ?? excessive.type));
      const elsewhere = lower.filter((name) => (grantOf(name) === 'rsc') !== (excessive.type === 'rsc'));
      if (elsewhere.length) {
        reported.push(`${analysis.appRoot}: ${excessive.name} (${excessive.type}) could give way to ${elsewhere.join(' + ')}, declared in the ${excessive.type === 'rsc' ? 'app registration' : "Teams manifest's resource-specific consent"} — change by hand`);
        continue;
      }
      for (const declaration of declarationsOf(excessive.name, excessive.type)) {
        if (excessive.reason === 'unused') plan(declaration, undefined, `remove unused ${excessive.type} permission ${excessive.name}`);
        else if (lower.length === 0) plan(declaration, undefined, `remove ${excessive.name}: ${(excessive.lowerAlternative ?? []).join(', ')} already requested covers its calls`);
        else plan(declaration, lower[0], `replace ${excessive.name} by ${lower[0]}${lower.length > 1 ? ` (also needs ${lower.slice(1).join(', ')}: add by hand)` : ''}`);
      }
    }
    for (const missing of analysis.missing) reported.push(`${analysis.appRoot}: add ${missing.anyOf.join(' or ')} (${missing.type})${missing.rscAlternatives?.length ? ` or RSC ${missing.rscAlternatives.join(' or ')} to the Teams manifest` : ''} for ${missing.calls.length} call(s) — m365cert does not add permissions`);
  }

  const fixes: PlannedFix[] = [];
  for (const [file, edits] of editsByFile) {
    const source = inventory.files.find((candidate) => candidate.path === file);
    if (!source) continue;
    let text = source.text;
    const changes: string[] = [];
    // Highest array index first, so removals do not shift the paths of the edits still to come.
    const ordered = [...edits].sort((a, b) => comparePaths(b.declaration.jsonPath!, a.declaration.jsonPath!));
    for (const edit of ordered) {
      const path = edit.declaration.jsonPath!;
      const formatting = { formattingOptions: { insertSpaces: true, tabSize: detectIndent(text), eol: text.includes('\r\n') ? '\r\n' : '\n' } };
      if (edit.replacement === undefined) {
        text = removeArrayElement(text, path);
      } else {
        const isName = NAME_ITSELF.has(edit.declaration.via);
        const property = NAME_PROPERTY[edit.declaration.via] ?? 'id';
        const usesGuid = !isName && property === 'id' && /^[0-9a-f-]{36}$/i.test(currentId(edit.declaration));
        let value = edit.replacement;
        if (usesGuid) {
          const id = index.idOfName(edit.declaration.type === 'application' ? 'Role' : 'Scope', edit.replacement);
          if (!id) {
            reported.push(`${file}:${edit.declaration.source.line}: ${edit.reason}, but the id of ${edit.replacement} is unknown — edit by hand`);
            continue;
          }
          value = id;
        }
        text = applyEdits(text, modify(text, isName ? path : [...path, property], value, formatting));
      }
      changes.push(edit.reason);
    }
    if (text !== source.text) fixes.push({ file, before: source.text, after: text, changes: changes.reverse() });
  }
  return { fixes, reported };

  function currentId(declaration: RequestedPermission): string {
    const manifest = inventory.manifests.find((candidate) => candidate.file === declaration.source.file);
    if (!manifest || manifest.format !== 'json') return declaration.name;
    let value: unknown = manifest.doc.value;
    for (const segment of [...declaration.jsonPath!, 'id']) value = (value as Record<string | number, unknown> | undefined)?.[segment];
    return typeof value === 'string' ? value : declaration.name;
  }
}

/**
 * Removes one array element by its offsets, with the comma that joined it, and leaves every other byte
 * of the file (formatting, comments) as it was.
 */
export function removeArrayElement(text: string, path: (string | number)[]): string {
  const tree = parseTree(text, [], { allowTrailingComma: true });
  const node = tree && findNodeAtLocation(tree, path);
  const array = node?.parent;
  if (!node || !array || array.type !== 'array' || !array.children) return text;
  const position = array.children.indexOf(node);
  const previous = array.children[position - 1];
  const next = array.children[position + 1];
  if (previous) return text.slice(0, previous.offset + previous.length) + text.slice(node.offset + node.length);
  if (next) return text.slice(0, node.offset) + text.slice(next.offset);
  // The only element: drop it with the whitespace around it, keeping the brackets.
  const open = text.lastIndexOf('[', node.offset);
  const close = text.indexOf(']', node.offset + node.length);
  return text.slice(0, open + 1) + text.slice(close);
}

function comparePaths(a: readonly (string | number)[], b: readonly (string | number)[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return String(x).localeCompare(String(y));
  }
  return a.length - b.length;
}

function detectIndent(text: string): number {
  const match = /\n( +)\S/.exec(text);
  return match ? Math.min(8, match[1]!.length) : 2;
}
