// No stream ciphers, NULL/EXPORT/anonymous suites or MD5 (v1 encryption profile, App. B [S1]).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES, tlsOf } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-cipher-suites-secure',
    title: 'Endpoints accept no insecure cipher suites',
    domain: 'tls',
    severity: 'high',
    controls: ['DATA-1'],
    appliesTo: [],
    description: 'Enumerates the cipher suites the endpoint accepts per protocol version (including RC4, 3DES, EXPORT, NULL and anonymous suites that Node itself cannot negotiate) and reports the insecure ones: no encryption, no server authentication, RC4/RC2, keys under 112 bits, MD5 MACs.',
    remediation: 'Remove the listed suites from the server\'s cipher configuration; keep ECDHE suites with AES-GCM or ChaCha20-Poly1305.',
    references: PROBE_REFERENCES,
    messages: {
      insecure: '{{endpoint}} accepts {{count}} insecure cipher suite(s) over {{protocol}}: {{suites}}',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, tlsOf, (snapshot, tls) => {
      for (const protocol of tls.protocols) {
        const insecure = (protocol.suites ?? []).filter((suite) => suite.strength === 'insecure');
        if (!insecure.length) continue;
        context.report({
          messageId: 'insecure',
          data: { endpoint: endpointLabel(snapshot), count: String(insecure.length), protocol: protocol.protocol, suites: insecure.slice(0, 5).map((suite) => suite.iana).join(', ') + (insecure.length > 5 ? ', …' : '') },
          at: endpointLocation(snapshot),
          key: `${endpointLabel(snapshot)}|${protocol.protocol}`,
          evidence: insecure.map((suite) => ({ label: suite.iana, value: suite.reasons.join('; ') })),
        });
      }
    });
  },
});
