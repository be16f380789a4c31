import type { CheckMeta } from '../../engine/define-check.ts';
import type { Location } from '../../engine/types.ts';
import type { AppPermissionAnalysis } from '../../extract/graph/analysis.ts';
import type { GraphCall, RequestedPermission } from '../../extract/graph/types.ts';
import type { Inventory } from '../../extract/inventory.ts';

/** Where a permission is declared: manifests first (that is what an admin consents to), then code. */
export function declarations(inventory: Inventory, app: string, name: string, type: string): RequestedPermission[] {
  const found = (inventory.graph?.requested ?? []).filter((permission) => permission.appRoot === app && permission.type === type && permission.name.toLowerCase() === name.toLowerCase());
  const inCode = (permission: RequestedPermission) => Number(permission.via === 'code-scopes' || permission.via === 'config-scopes');
  return found.sort((a, b) => inCode(a) - inCode(b) || a.source.file.localeCompare(b.source.file) || a.source.line - b.source.line);
}

export function locationOf(source: { file: string; line: number; column?: number }): Location {
  return { file: source.file, line: source.line, column: source.column };
}

export function describeCall(call: GraphCall | undefined): string {
  return call ? `${call.method} ${call.path} (${call.source.file}:${call.source.line})` : 'unknown call';
}

/** Runs `each` per analysed app, or marks the check not applicable when the tree does not use Graph. */
export function forEachAnalysis(inventory: Inventory, context: { notApplicable(reason: string): void }, each: (analysis: AppPermissionAnalysis) => void): void {
  const analyses = inventory.graph?.analysis ?? [];
  if (analyses.length === 0) {
    context.notApplicable('no Microsoft Graph permission is requested and no Graph call was found');
    return;
  }
  for (const analysis of analyses) each(analysis);
}

/** What every Graph least-privilege check shares: its folder, its control and the knowledge it needs. */
export function graphCheckBase(): Pick<CheckMeta, 'domain' | 'controls' | 'appliesTo' | 'needsData'> {
  return { domain: 'graph', controls: ['APP-1'], appliesTo: [], needsData: ['graph-permissions'] };
}
