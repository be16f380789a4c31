// TLS compression disabled on all public services handling web requests (DATA-2 [S1][S16]).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES, tlsOf } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-compression-disabled',
    title: 'TLS compression is disabled',
    domain: 'tls',
    severity: 'high',
    controls: ['DATA-2'],
    appliesTo: [],
    description: 'Offers DEFLATE compression in a TLS 1.2-or-earlier ClientHello and reports endpoints that accept it (CRIME). TLS 1.3 has no compression.',
    remediation: 'Turn TLS-level compression off in the server or its TLS library (current OpenSSL, SChannel and Azure front ends have it off by default).',
    references: PROBE_REFERENCES,
    messages: {
      compression: '{{endpoint}} accepts TLS compression (DEFLATE)',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, tlsOf, (snapshot, tls) => {
      if (tls.compression) context.report({ messageId: 'compression', data: { endpoint: endpointLabel(snapshot) }, at: endpointLocation(snapshot), key: endpointLabel(snapshot) });
    });
  },
});
