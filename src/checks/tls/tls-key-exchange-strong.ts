// ECDH ≥ 256 bits on the profile's curves, DH groups ≥ 2048 bits (v1 encryption profile, App. B [S1]).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES, tlsOf } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-key-exchange-strong',
    title: 'Key exchange uses strong groups',
    domain: 'tls',
    severity: 'medium',
    controls: ['DATA-1'],
    appliesTo: [],
    description: 'Reports the ephemeral key-exchange groups the endpoint chose during suite enumeration that fall below the encryption profile: finite-field DH groups under 2048 bits and elliptic curves other than P-256, P-384, P-521, X25519 and X448.',
    remediation: 'Configure the server\'s groups (curves) to X25519, P-256 and P-384, and DH parameters of at least 2048 bits (ffdhe2048 or larger), or drop DHE suites.',
    references: PROBE_REFERENCES,
    messages: {
      weak: '{{endpoint}} negotiates {{group}} over {{protocol}}: {{reason}}',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, tlsOf, (snapshot, tls) => {
      for (const protocol of tls.protocols) {
        for (const group of protocol.keyExchange ?? []) {
          if (group.acceptable) continue;
          const name = group.primeBits ? `DHE ${group.primeBits} bits` : group.group;
          context.report({ messageId: 'weak', data: { endpoint: endpointLabel(snapshot), group: name, protocol: protocol.protocol, reason: group.reason ?? 'below the profile' }, at: endpointLocation(snapshot), key: `${endpointLabel(snapshot)}|${protocol.protocol}|${name}` });
        }
      }
    });
  },
});
