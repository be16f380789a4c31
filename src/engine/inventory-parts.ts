import type { Check, CheckDomain } from './define-check.ts';

/**
 * Parts of the inventory beyond the files, apps and manifests every scan reads. A command that runs some of
 * the checks (`permissions`, `connectivity`) gathers only the parts they read: `m365cert permissions` parses
 * only the code that may call Graph and skips secrets, lockfiles, advisories and the repository history.
 */
export const INVENTORY_PARTS = ['graph', 'connectivity', 'patterns', 'secrets', 'dependencies', 'repository'] as const;
export type InventoryPart = (typeof INVENTORY_PARTS)[number];

/**
 * What the checks of each domain read (`dependencies` brings advisories and runtimes with it). A test runs
 * every check on inventories narrowed to its domain's parts and compares with the full inventory.
 */
const PARTS_READ_BY_DOMAIN: Record<CheckDomain, readonly InventoryPart[]> = {
  manifest: [],
  addin: [],
  spfx: [],
  entra: [],
  graph: ['graph'],
  connectivity: ['connectivity'],
  tls: [],
  http: ['connectivity'],
  secrets: ['secrets'],
  code: ['patterns'],
  repo: ['repository', 'connectivity'],
  deps: ['dependencies'],
};

/** The parts the given checks read. */
export function partsReadBy(checks: readonly Check[]): Set<InventoryPart> {
  return new Set(checks.flatMap((check) => PARTS_READ_BY_DOMAIN[check.meta.domain]));
}

/**
 * How much code to parse for the parts: every file worth parsing when connections or insecure patterns are
 * gathered (they may be in any code file), only the files that may call Graph for the permission analysis alone.
 */
export function codeToParse(parts: ReadonlySet<InventoryPart>): 'all' | 'graph' | 'none' {
  if (parts.has('connectivity') || parts.has('patterns')) return 'all';
  return parts.has('graph') ? 'graph' : 'none';
}
