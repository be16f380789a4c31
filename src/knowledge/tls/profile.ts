import type { CipherSuite } from './cipher-suites.ts';

/**
 * The Microsoft 365 Certification TLS profile, as far as it is stated (m365-controls.md §4.1 [S1][S16]):
 * TLS 1.2 or later only; no stream ciphers (RC4), no NULL, EXPORT or anonymous suites, no MD5; RSA keys of at
 * least 2048 bits and EC keys of at least 256; SHA-1 only for compatibility. The "M365 TLS Configuration
 * Standard" the v2 text refers to is not public (UNCONFIRMED), so 3DES, static-RSA key exchange and
 * CBC-with-SHA-1 suites are reported as weak, not insecure.
 */
export const ALLOWED_PROTOCOLS = new Set(['TLSv1.2', 'TLSv1.3']);
export const MIN_RSA_BITS = 2048;
export const MIN_EC_BITS = 256;
export const MIN_DH_BITS = 2048;
/** Certificates expiring sooner are reported (an m365cert default: renewal must not lapse during the assessment). */
export const EXPIRY_WARNING_DAYS = 30;
/** HSTS max-age of at least 180 days [S1][S16]. */
export const MIN_HSTS_SECONDS = 15_552_000;

export type SuiteStrength = 'insecure' | 'weak' | 'strong';

export function classifySuite(suite: CipherSuite): { strength: SuiteStrength; reasons: string[] } {
  const insecure: string[] = [];
  const weak: string[] = [];
  if (suite.cipher === 'None') insecure.push('no encryption (NULL)');
  if (suite.au === 'None') insecure.push('anonymous: the server is not authenticated');
  if (suite.cipher === 'RC4') insecure.push('RC4 stream cipher');
  if (suite.cipher === 'RC2') insecure.push('RC2');
  if (suite.cipher !== 'None' && suite.bits > 0 && suite.bits < 112) insecure.push(`${suite.bits}-bit key${/EXP/.test(suite.openssl) ? ' (EXPORT)' : ''}`);
  if (suite.mac === 'MD5') insecure.push('MD5 MAC');
  if (suite.cipher === '3DES') weak.push('3DES (64-bit blocks, SWEET32)');
  if (suite.kx === 'RSA') weak.push('static RSA key exchange: no forward secrecy');
  if (suite.mac === 'SHA1' && suite.cipher !== 'None' && suite.cipher !== 'RC4') weak.push('CBC with SHA-1');
  if (insecure.length) return { strength: 'insecure', reasons: [...insecure, ...weak] };
  if (weak.length) return { strength: 'weak', reasons: weak };
  return { strength: 'strong', reasons: [] };
}

/** Groups for ECDHE/ECDSA on the NIST curves the profile names, plus X25519/X448 (widely deployed; not named by the profile — UNCONFIRMED). */
export function classifyGroup(name: string, primeBits?: number): { acceptable: boolean; reason?: string } {
  if (primeBits !== undefined) return primeBits >= MIN_DH_BITS ? { acceptable: true } : { acceptable: false, reason: `${primeBits}-bit DH group (minimum ${MIN_DH_BITS})` };
  if (/^secp(256|384|521)r1$|^x25519$|^x448$|^ffdhe(2048|3072|4096)$/.test(name)) return { acceptable: true };
  return { acceptable: false, reason: `group ${name} is not on the profile's curves` };
}
