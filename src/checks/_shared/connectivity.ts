import type { Location } from '../../engine/types.ts';
import type { HostEntry, HostSource } from '../../extract/hosts/index.ts';
import type { Inventory } from '../../extract/inventory.ts';

/** The hosts of the production footprint (loopback, private and development hosts left out), or undefined when nothing was found. */
export function footprint(inventory: Inventory, context: { notApplicable(reason: string): void }): HostEntry[] | undefined {
  const hosts = (inventory.connectivity?.hosts ?? []).filter((host) => !host.excluded);
  if (hosts.length === 0) {
    context.notApplicable('no host outside loopback and development names was found in the tree');
    return undefined;
  }
  return hosts;
}

/** Sources that show the app talking to the host over plain HTTP or WebSocket, outside the manifests (a manifest check covers those). */
export function plainSources(host: HostEntry): HostSource[] {
  return host.sources.filter((source) => source.kind !== 'manifest' && source.kind !== 'graph' && /^(http|ws):\/\//i.test(source.url ?? ''));
}

export function sourceLocation(source: HostSource): Location {
  return { file: source.file, line: source.line, column: source.column };
}

export const CONNECTIVITY_REFERENCES = ['https://learn.microsoft.com/microsoft-365-app-certification/docs/application-security', 'https://learn.microsoft.com/microsoft-365-app-certification/docs/data-handling'];
