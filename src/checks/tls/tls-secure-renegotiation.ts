// Insecure renegotiation (CVE-2009-3555) lets an attacker prefix requests; RFC 5746 fixes it. Graded down by SSL Labs, the assessors' evidence tool.
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES, tlsOf } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-secure-renegotiation',
    title: 'TLS 1.2-and-earlier endpoints support secure renegotiation',
    domain: 'tls',
    severity: 'medium',
    controls: ['DATA-1'],
    appliesTo: [],
    description: 'Sends the renegotiation SCSV (RFC 5746) in a TLS 1.2-or-earlier hello and reports endpoints whose ServerHello lacks the renegotiation_info extension. Endpoints that speak only TLS 1.3 have no renegotiation and pass.',
    remediation: 'Update the TLS library or front end; every maintained one supports RFC 5746.',
    references: PROBE_REFERENCES,
    messages: {
      insecure: '{{endpoint}} does not support secure renegotiation (RFC 5746)',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, tlsOf, (snapshot, tls) => {
      if (tls.secureRenegotiation === false) context.report({ messageId: 'insecure', data: { endpoint: endpointLabel(snapshot) }, at: endpointLocation(snapshot), key: endpointLabel(snapshot) });
    });
  },
});
