import { X509Certificate } from 'node:crypto';
import { isIP } from 'node:net';
import tls from 'node:tls';
import type { Endpoint } from './exchange.ts';

/**
 * The certificate side of an endpoint, through Node's TLS stack (TLS 1.3 certificates are encrypted, so a
 * real handshake is needed): chain, trust against the default roots, host match, validity, key, signature
 * algorithm, OCSP stapling — one inventory line per certificate.
 */
export interface CertificateInfo {
  subject: string;
  issuer: string;
  serialNumber: string;
  notBefore: string;
  notAfter: string;
  daysToExpiry: number;
  keyType: string;
  /** RSA/DSA modulus bits, or EC curve size. */
  keyBits?: number;
  curve?: string;
  signatureAlgorithm: string;
  fingerprint256: string;
  subjectAltName?: string;
  selfSigned: boolean;
}

export interface CertificateSnapshot {
  chain: CertificateInfo[];
  trusted: boolean;
  trustError?: string;
  hostnameMatches: boolean;
  ocspStapled: boolean;
  protocol?: string;
  cipher?: string;
}

export function certificateOf(endpoint: Endpoint, timeoutMs: number, now: Date = new Date()): Promise<CertificateSnapshot | { failure: string }> {
  return new Promise((resolve) => {
    let ocsp = false;
    let settled = false;
    const servername = endpoint.serverName && !isIP(endpoint.serverName) ? endpoint.serverName : undefined;
    // requestOCSP is passed on to the TLSSocket (lib/_tls_wrap.js), though the connect() typings omit it.
    const socket = tls.connect({ host: endpoint.address, port: endpoint.port, servername, rejectUnauthorized: false, requestOCSP: true, minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' } as tls.ConnectionOptions);
    const finish = (outcome: CertificateSnapshot | { failure: string }) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ failure: `no TLS handshake within ${timeoutMs} ms` }), timeoutMs);
    socket.on('OCSPResponse', (response: Buffer | null) => (ocsp = Boolean(response?.length)));
    socket.once('secureConnect', () => {
      try {
        const chain: CertificateInfo[] = [];
        const seen = new Set<string>();
        for (let cert: tls.DetailedPeerCertificate | undefined = socket.getPeerCertificate(true); cert?.raw && !seen.has(cert.fingerprint256); cert = cert.issuerCertificate) {
          seen.add(cert.fingerprint256);
          chain.push(describeCertificate(new X509Certificate(cert.raw), now));
          if (chain.length > 20) break;
        }
        const leaf = socket.getPeerX509Certificate();
        const name = endpoint.serverName ?? endpoint.address;
        const hostnameMatches = leaf ? Boolean(isIP(name) ? leaf.checkIP(name) : leaf.checkHost(name)) : false;
        const cipher = socket.getCipher();
        finish({ chain, trusted: socket.authorized, ...(socket.authorizationError ? { trustError: String(socket.authorizationError) } : {}), hostnameMatches, ocspStapled: ocsp, protocol: socket.getProtocol() ?? undefined, cipher: cipher?.standardName ?? cipher?.name });
      } catch (error) {
        // A certificate Node accepted for the handshake but whose key or fields it cannot describe.
        finish({ failure: `could not read the certificate: ${(error as Error).message}` });
      }
    });
    socket.once('error', (error: Error) => finish({ failure: `TLS handshake failed: ${error.message}` }));
  });
}

export function describeCertificate(cert: X509Certificate, now: Date): CertificateInfo {
  const key = cert.publicKey;
  const details = key.asymmetricKeyDetails ?? {};
  const curve = details.namedCurve;
  const keyBits = details.modulusLength ?? (curve ? CURVE_BITS[curve] : undefined);
  return {
    subject: cert.subject.replace(/\n/g, ', '),
    issuer: cert.issuer.replace(/\n/g, ', '),
    serialNumber: cert.serialNumber,
    notBefore: new Date(cert.validFrom).toISOString(),
    notAfter: new Date(cert.validTo).toISOString(),
    daysToExpiry: Math.floor((new Date(cert.validTo).getTime() - now.getTime()) / 86_400_000),
    keyType: key.asymmetricKeyType ?? 'unknown',
    ...(keyBits ? { keyBits } : {}),
    ...(curve ? { curve } : {}),
    signatureAlgorithm: signatureAlgorithmOf(cert.raw),
    fingerprint256: cert.fingerprint256,
    ...(cert.subjectAltName ? { subjectAltName: cert.subjectAltName } : {}),
    selfSigned: cert.subject === cert.issuer && cert.verify(cert.publicKey),
  };
}

const CURVE_BITS: Record<string, number> = { prime256v1: 256, secp384r1: 384, secp521r1: 521, secp256k1: 256, 'P-256': 256, 'P-384': 384, 'P-521': 521 };

const SIGNATURE_OIDS: Record<string, string> = {
  '1.2.840.113549.1.1.4': 'md5WithRSAEncryption',
  '1.2.840.113549.1.1.5': 'sha1WithRSAEncryption',
  '1.2.840.113549.1.1.11': 'sha256WithRSAEncryption',
  '1.2.840.113549.1.1.12': 'sha384WithRSAEncryption',
  '1.2.840.113549.1.1.13': 'sha512WithRSAEncryption',
  '1.2.840.113549.1.1.10': 'rsassaPss',
  '1.2.840.10045.4.1': 'ecdsa-with-SHA1',
  '1.2.840.10045.4.3.2': 'ecdsa-with-SHA256',
  '1.2.840.10045.4.3.3': 'ecdsa-with-SHA384',
  '1.2.840.10045.4.3.4': 'ecdsa-with-SHA512',
  '1.2.840.10040.4.3': 'dsa-with-SHA1',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
};

/**
 * The signature algorithm of a DER certificate (Certificate ::= SEQUENCE { tbsCertificate, signatureAlgorithm, … }):
 * Node 20's X509Certificate does not expose it, and a few DER headers are all it takes.
 */
export function signatureAlgorithmOf(der: Buffer): string {
  try {
    const certificate = readTlv(der, 0);
    const tbs = readTlv(der, certificate.contentStart);
    const algorithm = readTlv(der, tbs.end);
    const oid = readTlv(der, algorithm.contentStart);
    if (oid.tag !== 0x06) return 'unknown';
    const text = decodeOid(der.subarray(oid.contentStart, oid.end));
    return SIGNATURE_OIDS[text] ?? text;
  } catch {
    return 'unknown';
  }
}

function readTlv(der: Buffer, offset: number): { tag: number; contentStart: number; end: number } {
  const tag = der[offset]!;
  let length = der[offset + 1]!;
  let contentStart = offset + 2;
  if (length & 0x80) {
    const bytes = length & 0x7f;
    if (bytes === 0 || bytes > 4) throw new Error('unsupported DER length');
    length = der.readUIntBE(offset + 2, bytes);
    contentStart += bytes;
  }
  if (contentStart + length > der.length) throw new Error('truncated DER');
  return { tag, contentStart, end: contentStart + length };
}

function decodeOid(bytes: Buffer): string {
  const parts: number[] = [Math.floor(bytes[0]! / 40), bytes[0]! % 40];
  let value = 0;
  for (const byte of bytes.subarray(1)) {
    value = value * 128 + (byte & 0x7f);
    if (!(byte & 0x80)) {
      parts.push(value);
      value = 0;
    }
  }
  return parts.join('.');
}
