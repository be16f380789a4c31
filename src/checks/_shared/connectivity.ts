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
function plainSources(host: HostEntry): HostSource[] {
  return host.sources.filter((source) => source.kind !== 'manifest' && source.kind !== 'graph' && /^(http|ws):\/\//i.test(source.url ?? ''));
}

/**
 * One finding per host the app reaches over plain text (the first place; the others as evidence), for the
 * hosts `include` selects. `data` fills the check's message from the host and the URL as written.
 */
export function reportPlainConnections<M extends string>(
  hosts: readonly HostEntry[],
  include: (host: HostEntry) => boolean,
  context: { report(input: { messageId: M; data: Record<string, string>; at: Location; key: string; evidence: { label: string; value: string }[] }): void },
  messageId: M,
  data: (host: HostEntry, url: string) => Record<string, string>,
): void {
  for (const host of hosts) {
    if (!include(host)) continue;
    const [first, ...others] = plainSources(host);
    if (!first) continue;
    context.report({
      messageId,
      data: { ...data(host, first.url ?? host.host), more: others.length ? ` (${others.length} more place(s))` : '' },
      at: sourceLocation(first),
      key: host.host,
      evidence: others.slice(0, 20).map((source) => ({ label: 'also at', value: `${source.file}:${source.line}` })),
    });
  }
}

export function sourceLocation(source: HostSource): Location {
  return { file: source.file, line: source.line, column: source.column };
}

export const CONNECTIVITY_REFERENCES = ['https://learn.microsoft.com/microsoft-365-app-certification/docs/application-security', 'https://learn.microsoft.com/microsoft-365-app-certification/docs/data-handling'];
