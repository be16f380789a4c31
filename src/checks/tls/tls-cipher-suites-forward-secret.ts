// 3DES, static RSA and CBC-SHA-1 are weak but not named as banned by the public profile (m365-controls.md §4.1, UNCONFIRMED).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES, tlsOf } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-cipher-suites-forward-secret',
    title: 'Endpoints accept no weak cipher suites (3DES, static RSA, CBC with SHA-1)',
    domain: 'tls',
    severity: 'medium',
    controls: ['DATA-1'],
    appliesTo: [],
    description: 'Reports accepted suites that the certification\'s profile treats as weak rather than banned: 3DES (64-bit blocks), static RSA key exchange (no forward secrecy) and CBC with SHA-1 (kept only for compatibility). Assessors and SSL Labs grade these down.',
    remediation: 'Prefer ECDHE suites with AES-GCM or ChaCha20-Poly1305 and remove static-RSA, 3DES and CBC-SHA-1 suites once no client needs them.',
    references: PROBE_REFERENCES,
    messages: {
      weak: '{{endpoint}} accepts {{count}} weak cipher suite(s) over {{protocol}}: {{suites}}',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, tlsOf, (snapshot, tls) => {
      for (const protocol of tls.protocols) {
        const weak = (protocol.suites ?? []).filter((suite) => suite.strength === 'weak');
        if (!weak.length) continue;
        context.report({
          messageId: 'weak',
          data: { endpoint: endpointLabel(snapshot), count: String(weak.length), protocol: protocol.protocol, suites: weak.slice(0, 4).map((suite) => suite.iana).join(', ') + (weak.length > 4 ? ', …' : '') },
          at: endpointLocation(snapshot),
          key: `${endpointLabel(snapshot)}|${protocol.protocol}`,
          evidence: weak.map((suite) => ({ label: suite.iana, value: suite.reasons.join('; ') })),
        });
      }
    });
  },
});
