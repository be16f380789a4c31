// OCSP stapling lets clients check revocation without asking the CA; not a certification requirement, but part of the certificate evidence assessors read (SSL Labs).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-ocsp-stapled',
    title: 'Endpoints staple OCSP responses',
    domain: 'tls',
    severity: 'info',
    controls: ['DATA-1'],
    appliesTo: [],
    description: 'Asks for a stapled OCSP response (status_request) during the certificate handshake and reports endpoints that send none. Self-signed and private-CA certificates have no OCSP responder and are not reported.',
    remediation: 'Enable OCSP stapling on the server or front end (nginx ssl_stapling on; IIS and Azure front ends staple by default).',
    references: PROBE_REFERENCES,
    messages: {
      missing: '{{endpoint}} does not staple an OCSP response',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.tls?.certificate, (snapshot, certificate) => {
      if (!certificate.ocspStapled && certificate.trusted) context.report({ messageId: 'missing', data: { endpoint: endpointLabel(snapshot) }, at: endpointLocation(snapshot), key: endpointLabel(snapshot) });
    });
  },
});
