// RSA ≥ 2048, EC ≥ 256, no MD5; SHA-1 only for compatibility (v1 encryption profile, App. B [S1]).
import { defineCheck } from '../../engine/define-check.ts';
import { MIN_EC_BITS, MIN_RSA_BITS } from '../../knowledge/tls/profile.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-certificate-strong',
    title: 'Certificate keys and signatures meet the encryption profile',
    domain: 'tls',
    severity: 'high',
    controls: ['DATA-1'],
    appliesTo: [],
    description: `Reports certificates in the served chain (the root excepted, whose signature nobody checks) with an RSA key under ${MIN_RSA_BITS} bits, an EC key under ${MIN_EC_BITS} bits, or a signature made with MD5 or SHA-1.`,
    remediation: `Reissue the certificate with an RSA ${MIN_RSA_BITS}-bit or larger key (or ECDSA P-256/P-384) and a SHA-256 or stronger signature.`,
    references: PROBE_REFERENCES,
    messages: {
      key: '{{endpoint}}: {{subject}} has a {{bits}}-bit {{type}} key',
      signature: '{{endpoint}}: {{subject}} is signed with {{algorithm}}',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.tls?.certificate, (snapshot, certificate) => {
      const endpoint = endpointLabel(snapshot);
      certificate.chain.forEach((cert, index) => {
        const minimum = cert.keyType === 'rsa' || cert.keyType === 'rsa-pss' || cert.keyType === 'dsa' ? MIN_RSA_BITS : cert.keyType === 'ec' ? MIN_EC_BITS : 0;
        if (cert.keyBits !== undefined && cert.keyBits < minimum) context.report({ messageId: 'key', data: { endpoint, subject: cert.subject, bits: String(cert.keyBits), type: cert.keyType.toUpperCase() }, at: endpointLocation(snapshot), key: `${endpoint}|key|${cert.fingerprint256}` });
        const root = cert.selfSigned && index > 0;
        if (!root && /md5|sha1/i.test(cert.signatureAlgorithm)) context.report({ messageId: 'signature', data: { endpoint, subject: cert.subject, algorithm: cert.signatureAlgorithm }, at: endpointLocation(snapshot), key: `${endpoint}|signature|${cert.fingerprint256}` });
      });
    });
  },
});
