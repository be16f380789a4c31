import type { Location } from '../../engine/types.ts';
import type { Inventory } from '../../extract/inventory.ts';
import type { EndpointSnapshot } from '../../probe/index.ts';
import type { TlsSnapshot } from '../../probe/tls/scan-tls.ts';

/** Where a probe finding points: the endpoint itself (reports show it as the location). */
export function endpointLocation(snapshot: EndpointSnapshot): Location {
  return { file: endpointLabel(snapshot), line: 1 };
}

export function endpointLabel(snapshot: EndpointSnapshot): string {
  const host = snapshot.target.host.includes(':') ? `[${snapshot.target.host}]` : snapshot.target.host;
  return `https://${host}:${snapshot.target.port}`;
}

/**
 * Runs `each` on every probed endpoint that has the part the check needs. A part that is absent (not
 * measured for that endpoint, e.g. no plain-HTTP port to try) is skipped; a part that failed makes the check
 * "not assessed" with the reason; no probe at all, or nothing measured, makes it not applicable.
 */
export function forEachProbe<T>(inventory: Inventory, context: { notApplicable(reason: string): void; notAssessed(reason: string): void }, part: (snapshot: EndpointSnapshot) => T | { failure: string } | undefined, each: (snapshot: EndpointSnapshot, value: T) => void): void {
  const probes = inventory.probes ?? [];
  const missing: string[] = [];
  let measured = 0;
  for (const snapshot of probes) {
    const value = snapshot.failure ? { failure: snapshot.failure } : part(snapshot);
    if (value === undefined) continue;
    if (typeof value === 'object' && value !== null && 'failure' in value) {
      missing.push(`${endpointLabel(snapshot)}: ${(value as { failure: string }).failure}`);
      continue;
    }
    measured++;
    each(snapshot, value as T);
  }
  if (missing.length) context.notAssessed(`could not assess ${missing.join('; ')}`);
  else if (measured === 0) context.notApplicable(probes.length ? 'not measured on the endpoints probed' : 'no endpoint was probed (m365cert probe <url>, or scan --probe)');
}

/** The TLS part of a probe, or why it is missing (no protocol could be negotiated at all). */
export function tlsOf(snapshot: EndpointSnapshot): TlsSnapshot | { failure: string } | undefined {
  const tls = snapshot.tls;
  if (!tls) return undefined;
  if (!tls.protocols.some((protocol) => protocol.accepted)) return { failure: tls.errors[0] ?? tls.protocols.map((protocol) => `${protocol.protocol}: ${protocol.detail}`).join(', ') };
  return tls;
}

export const PROBE_REFERENCES = ['https://learn.microsoft.com/microsoft-365-app-certification/docs/data-handling'];
