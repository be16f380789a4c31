import type { EndpointSnapshot } from '../../src/probe/index.ts';

/**
 * Endpoint snapshots for the tls and http check tests: a modern endpoint that meets every requirement, and
 * a way to change one part of it. The probe tests show that real lab servers produce snapshots of this shape.
 */
export const ENDPOINT_LABEL = 'https://app.fabrikam.com:443';

export function modernEndpoint(): EndpointSnapshot {
  const strong = (code: number, iana: string, openssl: string) => ({ code, iana, openssl, strength: 'strong' as const, reasons: [] });
  return {
    target: { input: 'https://app.fabrikam.com', host: 'app.fabrikam.com', port: 443, path: '/', serverName: 'app.fabrikam.com', httpPort: 80 },
    addresses: ['203.0.113.10'],
    address: '203.0.113.10',
    startedAt: '2026-11-28T12:00:00.000Z',
    durationMs: 420,
    tls: {
      protocols: [
        { protocol: 'TLSv1.0', accepted: false, detail: 'refused (alert 70)' },
        { protocol: 'TLSv1.1', accepted: false, detail: 'refused (alert 70)' },
        { protocol: 'TLSv1.2', accepted: true, suites: [strong(0xc030, 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384', 'ECDHE-RSA-AES256-GCM-SHA384'), strong(0xc02f, 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'ECDHE-RSA-AES128-GCM-SHA256')], serverPreference: true, keyExchange: [{ group: 'x25519', acceptable: true }] },
        { protocol: 'TLSv1.3', accepted: true, suites: [strong(0x1302, 'TLS_AES_256_GCM_SHA384', 'TLS_AES_256_GCM_SHA384'), strong(0x1301, 'TLS_AES_128_GCM_SHA256', 'TLS_AES_128_GCM_SHA256')], serverPreference: true, keyExchange: [{ group: 'x25519', acceptable: true }] },
      ],
      compression: false,
      secureRenegotiation: true,
      servedChain: { certificates: [], inOrder: true },
      certificate: {
        chain: [
          { subject: 'CN=app.fabrikam.com', issuer: 'CN=Fabrikam Issuing CA', serialNumber: '01', notBefore: '2026-09-01T00:00:00.000Z', notAfter: '2027-09-01T00:00:00.000Z', daysToExpiry: 277, keyType: 'rsa', keyBits: 2048, signatureAlgorithm: 'sha256WithRSAEncryption', fingerprint256: 'AA:01', subjectAltName: 'DNS:app.fabrikam.com', selfSigned: false },
          { subject: 'CN=Fabrikam Issuing CA', issuer: 'CN=Fabrikam Root', serialNumber: '02', notBefore: '2025-01-01T00:00:00.000Z', notAfter: '2030-01-01T00:00:00.000Z', daysToExpiry: 1130, keyType: 'rsa', keyBits: 4096, signatureAlgorithm: 'sha384WithRSAEncryption', fingerprint256: 'AA:02', selfSigned: false },
        ],
        trusted: true,
        hostnameMatches: true,
        ocspStapled: true,
        protocol: 'TLSv1.3',
        cipher: 'TLS_AES_256_GCM_SHA384',
      },
      withoutSni: 'same-certificate',
      errors: [],
      handshakes: 31,
    },
    https: {
      url: 'https://app.fabrikam.com/',
      status: 200,
      redirects: [],
      hsts: { raw: 'max-age=31536000; includeSubDomains', maxAge: 31_536_000, includeSubDomains: true, preload: false },
      cookies: [{ name: 'session', secure: true, httpOnly: true, sameSite: 'Lax' }],
      xContentTypeOptions: 'nosniff',
      cors: { allowCredentials: false, reflectsForeignOrigin: false },
      banners: [{ header: 'server', value: 'Microsoft-IIS', revealsVersion: false }],
    },
    plainHttp: { url: 'http://app.fabrikam.com/', status: 301, location: 'https://app.fabrikam.com/', redirectsToHttps: true, setsCookies: [] },
  };
}

/** The modern endpoint with one change. */
export function endpointWith(change: (snapshot: EndpointSnapshot) => void): EndpointSnapshot[] {
  const snapshot = modernEndpoint();
  change(snapshot);
  return [snapshot];
}

export const UNREACHABLE: EndpointSnapshot[] = [{ target: { input: 'https://gone.fabrikam.com', host: 'gone.fabrikam.com', port: 443, path: '/', serverName: 'gone.fabrikam.com' }, addresses: [], startedAt: '2026-11-28T12:00:00.000Z', durationMs: 3, failure: 'the name gone.fabrikam.com did not resolve (ENOTFOUND)' }];
