// Certificate rules are not stated by the certification (UNCONFIRMED); assessors expect an SSL Labs A, which needs these.
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

const EXPIRY_WARNING_DAYS = 30;

export const check = defineCheck({
  meta: {
    id: 'tls-certificate-valid',
    title: 'Endpoint certificates are trusted, match the host, are valid and served in order',
    domain: 'tls',
    severity: 'high',
    controls: ['DATA-1'],
    appliesTo: [],
    description: `Checks the certificate an endpoint presents: trusted by the public roots (a complete chain), issued for the host name probed, within its validity period and not expiring within ${EXPIRY_WARNING_DAYS} days, and the chain sent leaf first, each certificate issued by the next.`,
    remediation: 'Serve a certificate from a public CA for the host name, with its intermediate certificates in order (leaf, then issuers), and renew it before it expires (App Service managed certificates and Key Vault auto-renewal do this).',
    references: PROBE_REFERENCES,
    messages: {
      untrusted: '{{endpoint}}: the certificate is not trusted ({{reason}})',
      hostname: '{{endpoint}}: the certificate is not issued for {{host}} ({{names}})',
      expired: '{{endpoint}}: the certificate expired {{days}} day(s) ago ({{notAfter}})',
      expiring: '{{endpoint}}: the certificate expires in {{days}} day(s) ({{notAfter}})',
      order: '{{endpoint}}: the chain is not served in order (each certificate issued by the next)',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.tls?.certificate ?? (snapshot.tls ? { failure: snapshot.tls.errors.find((error) => error.startsWith('certificate')) ?? 'no certificate' } : undefined), (snapshot, certificate) => {
      const endpoint = endpointLabel(snapshot);
      const at = endpointLocation(snapshot);
      const leaf = certificate.chain[0];
      if (!certificate.trusted) context.report({ messageId: 'untrusted', data: { endpoint, reason: certificate.trustError ?? 'unknown' }, at, key: `${endpoint}|trust` });
      if (!certificate.hostnameMatches) context.report({ messageId: 'hostname', data: { endpoint, host: snapshot.target.serverName ?? snapshot.target.host, names: leaf?.subjectAltName ?? leaf?.subject ?? 'no names' }, at, key: `${endpoint}|host` });
      if (leaf && leaf.daysToExpiry < 0) context.report({ messageId: 'expired', data: { endpoint, days: String(-leaf.daysToExpiry), notAfter: leaf.notAfter }, at, key: `${endpoint}|expired` });
      else if (leaf && leaf.daysToExpiry < EXPIRY_WARNING_DAYS) context.report({ messageId: 'expiring', data: { endpoint, days: String(leaf.daysToExpiry), notAfter: leaf.notAfter }, at, key: `${endpoint}|expiring` });
      if (snapshot.tls?.servedChain && !snapshot.tls.servedChain.inOrder) context.report({ messageId: 'order', data: { endpoint }, at, key: `${endpoint}|order`, evidence: snapshot.tls.servedChain.certificates.map((cert, index) => ({ label: `#${index}`, value: `${cert.subject} (issuer ${cert.issuer})` })) });
    });
  },
});
