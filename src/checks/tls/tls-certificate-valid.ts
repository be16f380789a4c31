// Certificate rules are not stated by the certification (UNCONFIRMED); assessors expect an SSL Labs A, which needs these.
import { defineCheck } from '../../engine/define-check.ts';
import { EXPIRY_WARNING_DAYS } from '../../knowledge/tls/profile.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

/** OpenSSL verification codes in words an assessor's report uses. */
function explainTrustError(code: string | undefined): string {
  const text: Record<string, string> = {
    DEPTH_ZERO_SELF_SIGNED_CERT: 'self-signed certificate',
    SELF_SIGNED_CERT_IN_CHAIN: 'the chain ends in a root that is not publicly trusted',
    CERT_HAS_EXPIRED: 'a certificate of the chain has expired',
    CERT_NOT_YET_VALID: 'a certificate of the chain is not valid yet',
    CERT_REVOKED: 'revoked',
  };
  return code ? `${text[code] ?? code}${text[code] ? ` — ${code}` : ''}` : 'unknown reason';
}

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
      incomplete: '{{endpoint}}: the chain is incomplete: {{issuer}} is not sent and not a public root ({{reason}})',
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
      if (!certificate.trusted) {
        const served = snapshot.tls?.servedChain?.certificates ?? certificate.chain;
        const last = served[served.length - 1];
        // The server stopped before a self-signed root and the verifier could not find the missing issuer.
        if (last && !last.selfSigned && /UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT)/.test(certificate.trustError ?? '')) context.report({ messageId: 'incomplete', data: { endpoint, issuer: last.issuer, reason: certificate.trustError! }, at, key: `${endpoint}|trust` });
        else context.report({ messageId: 'untrusted', data: { endpoint, reason: explainTrustError(certificate.trustError) }, at, key: `${endpoint}|trust` });
      }
      if (!certificate.hostnameMatches) context.report({ messageId: 'hostname', data: { endpoint, host: snapshot.target.serverName ?? snapshot.target.host, names: leaf?.subjectAltName ?? leaf?.subject ?? 'no names' }, at, key: `${endpoint}|host` });
      if (leaf && leaf.daysToExpiry < 0) context.report({ messageId: 'expired', data: { endpoint, days: String(-leaf.daysToExpiry), notAfter: leaf.notAfter }, at, key: `${endpoint}|expired` });
      else if (leaf && leaf.daysToExpiry < EXPIRY_WARNING_DAYS) context.report({ messageId: 'expiring', data: { endpoint, days: String(leaf.daysToExpiry), notAfter: leaf.notAfter }, at, key: `${endpoint}|expiring` });
      if (snapshot.tls?.servedChain && !snapshot.tls.servedChain.inOrder) context.report({ messageId: 'order', data: { endpoint }, at, key: `${endpoint}|order`, evidence: snapshot.tls.servedChain.certificates.map((cert, index) => ({ label: `#${index}`, value: `${cert.subject} (issuer ${cert.issuer})` })) });
    });
  },
});
