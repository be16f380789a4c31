import type { Inventory } from '../../extract/inventory.ts';

import { ADVISORY_FIX_COMMAND } from '../../knowledge/datasets.ts';

/**
 * Calls `notAssessed` for the ecosystems without advisory data, or `notApplicable` when the tree has no
 * dependency with an exact version. Returns whether anything can be judged.
 */
export function advisoryCoverage(inventory: Inventory, context: { notAssessed(reason: string): void; notApplicable(reason: string): void }): boolean {
  const facts = inventory.vulnerabilities;
  if (!facts || facts.packagesChecked === 0) {
    context.notApplicable('no lockfile or manifest pins a dependency version');
    return false;
  }
  if (facts.notAssessed.length) context.notAssessed(`no OSV advisories for ${facts.notAssessed.join(', ')} in the data directory (run ${ADVISORY_FIX_COMMAND})`);
  return facts.assessed.length > 0;
}
