import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { SUITE_BY_CODE } from '../../knowledge/tls/cipher-suites.ts';

/**
 * A TLS ClientHello built byte by byte, and the server's first flight read back. Enumerating what a server
 * accepts needs hellos that Node's TLS stack refuses to send (TLS 1.0/1.1, RC4, 3DES, EXPORT, NULL,
 * anonymous suites, compression) and only the server's answer to them, never a finished handshake.
 * RFC 5246 (TLS 1.2) and RFC 8446 (TLS 1.3) give the formats.
 */
export const TLS_VERSIONS = { 'TLSv1.0': 0x0301, 'TLSv1.1': 0x0302, 'TLSv1.2': 0x0303, 'TLSv1.3': 0x0304 } as const;
export type TlsVersionName = keyof typeof TLS_VERSIONS;

export function versionName(code: number): string {
  return (Object.entries(TLS_VERSIONS).find(([, value]) => value === code)?.[0] as string | undefined) ?? (code === 0x0300 ? 'SSLv3' : `0x${code.toString(16)}`);
}

/** Named groups offered (RFC 8446 §4.2.7, RFC 7919). */
export const GROUPS: Record<number, string> = { 29: 'x25519', 23: 'secp256r1', 24: 'secp384r1', 25: 'secp521r1', 30: 'x448', 256: 'ffdhe2048', 257: 'ffdhe3072', 258: 'ffdhe4096' };
const SIGNATURE_ALGORITHMS = [0x0403, 0x0503, 0x0603, 0x0804, 0x0805, 0x0806, 0x0807, 0x0808, 0x0401, 0x0501, 0x0601, 0x0203, 0x0201, 0x0402, 0x0502, 0x0602];
const EMPTY_RENEGOTIATION_INFO_SCSV = 0x00ff;
/** The random of a HelloRetryRequest (RFC 8446 §4.1.3). */
const HELLO_RETRY_RANDOM = Buffer.from('cf21ad74e59a6111be1d8c021e65b891c2a211167abb8c5e079e09e2c8a8339c', 'hex');

export interface HelloOptions {
  version: number;
  suites: readonly number[];
  serverName?: string;
  /** Offer DEFLATE compression (TLS ≤ 1.2) to learn whether the server accepts it. */
  compression?: boolean;
  /** Groups to offer; TLS 1.3 sends a key share for the first. */
  groups?: readonly number[];
}

export function clientHello(options: HelloOptions): Buffer {
  const tls13 = options.version >= 0x0304;
  const groups = options.groups ?? [29, 23, 24, 25, 30, 256, 257];
  const extensions: Buffer[] = [];
  if (options.serverName && !isIP(options.serverName)) {
    const name = Buffer.from(options.serverName, 'ascii');
    extensions.push(extension(0, u16(name.length + 3), Buffer.from([0]), u16(name.length), name));
  }
  extensions.push(extension(10, u16(groups.length * 2), ...groups.map(u16)));
  extensions.push(extension(11, Buffer.from([1, 0])));
  if (options.version >= 0x0303) extensions.push(extension(13, u16(SIGNATURE_ALGORITHMS.length * 2), ...SIGNATURE_ALGORITHMS.map(u16)));
  extensions.push(extension(23)); // extended_master_secret
  if (tls13) {
    extensions.push(extension(43, Buffer.from([2]), u16(0x0304)));
    extensions.push(extension(45, Buffer.from([1, 1])));
    // Any 32 bytes are a valid X25519 public key; the server answers before it could notice anything.
    const share = Buffer.concat([u16(29), u16(32), randomBytes(32)]);
    extensions.push(extension(51, u16(share.length), share));
  }
  const suites = tls13 ? options.suites : [...options.suites, EMPTY_RENEGOTIATION_INFO_SCSV];
  const extensionBytes = Buffer.concat(extensions);
  const body = Buffer.concat([
    u16(tls13 ? 0x0303 : options.version),
    randomBytes(32),
    tls13 ? Buffer.concat([Buffer.from([32]), randomBytes(32)]) : Buffer.from([0]),
    u16(suites.length * 2),
    ...suites.map(u16),
    options.compression && !tls13 ? Buffer.from([2, 1, 0]) : Buffer.from([1, 0]),
    u16(extensionBytes.length),
    extensionBytes,
  ]);
  const handshake = Buffer.concat([Buffer.from([1]), u24(body.length), body]);
  return Buffer.concat([Buffer.from([22]), u16(Math.min(options.version, 0x0301)), u16(handshake.length), handshake]);
}

export interface ServerHello {
  /** The negotiated version (from supported_versions in TLS 1.3). */
  version: number;
  suite: number;
  compression: number;
  helloRetry: boolean;
  secureRenegotiation: boolean;
  /** TLS 1.3: the group of the key share or of the retry request. */
  group?: number;
}

export interface ServerFlight {
  hello?: ServerHello;
  alert?: { level: number; description: number };
  /** TLS ≤ 1.2: the certificates as sent (DER), in the order sent. */
  certificates?: Buffer[];
  /** TLS ≤ 1.2: the ephemeral key exchange of ServerKeyExchange. */
  keyExchange?: { kind: 'ecdhe'; group: number } | { kind: 'dhe'; primeBits: number };
  /** Why the answer could not be read, when it was not TLS. */
  error?: string;
  complete: boolean;
}

/**
 * Reads the server's first flight from the bytes received so far: records are reassembled into handshake
 * messages; reading stops at an alert, at ServerHelloDone (TLS ≤ 1.2), after ServerHello (TLS 1.3, the rest
 * is encrypted), or when `wantCertificates` is false, right after ServerHello.
 */
export function readServerFlight(data: Buffer, wantCertificates: boolean): ServerFlight {
  const flight: ServerFlight = { complete: false };
  let offset = 0;
  let handshake = Buffer.alloc(0);
  while (offset + 5 <= data.length) {
    const type = data[offset]!;
    const length = data.readUInt16BE(offset + 3);
    if (type !== 21 && type !== 22 && type !== 20) {
      flight.error = offset === 0 && data.subarray(0, 5).toString('latin1').startsWith('HTTP/') ? 'the port speaks plain HTTP, not TLS' : `not a TLS record (type ${type})`;
      flight.complete = true;
      return flight;
    }
    if (data[offset + 1] !== 3) {
      flight.error = `not a TLS record (version byte ${data[offset + 1]})`;
      flight.complete = true;
      return flight;
    }
    if (offset + 5 + length > data.length) break;
    const fragment = data.subarray(offset + 5, offset + 5 + length);
    offset += 5 + length;
    if (type === 21) {
      flight.alert = { level: fragment[0] ?? 0, description: fragment[1] ?? 0 };
      flight.complete = true;
      return flight;
    }
    if (type === 20) continue; // change_cipher_spec (TLS 1.3 compatibility)
    handshake = Buffer.concat([handshake, fragment]);
    while (handshake.length >= 4) {
      const messageType = handshake[0]!;
      const messageLength = handshake.readUIntBE(1, 3);
      if (handshake.length < 4 + messageLength) break;
      const message = handshake.subarray(4, 4 + messageLength);
      handshake = handshake.subarray(4 + messageLength);
      if (messageType === 2) {
        flight.hello = parseServerHello(message);
        if (flight.hello.version >= 0x0304 || !wantCertificates) {
          flight.complete = true;
          return flight;
        }
      } else if (messageType === 11) flight.certificates = parseCertificates(message);
      else if (messageType === 12 && flight.hello) flight.keyExchange = parseKeyExchange(message, flight.hello.suite);
      else if (messageType === 14) {
        flight.complete = true;
        return flight;
      }
    }
  }
  return flight;
}

function parseServerHello(message: Buffer): ServerHello {
  let offset = 0;
  const legacyVersion = message.readUInt16BE(offset);
  offset += 2;
  const random = message.subarray(offset, offset + 32);
  offset += 32;
  offset += 1 + message[offset]!;
  const suite = message.readUInt16BE(offset);
  offset += 2;
  const compression = message[offset]!;
  offset += 1;
  const hello: ServerHello = { version: legacyVersion, suite, compression, helloRetry: random.equals(HELLO_RETRY_RANDOM), secureRenegotiation: false };
  if (offset + 2 <= message.length) {
    const end = offset + 2 + message.readUInt16BE(offset);
    offset += 2;
    while (offset + 4 <= end && offset + 4 <= message.length) {
      const type = message.readUInt16BE(offset);
      const length = message.readUInt16BE(offset + 2);
      const body = message.subarray(offset + 4, offset + 4 + length);
      offset += 4 + length;
      if (type === 43 && body.length >= 2) hello.version = body.readUInt16BE(0);
      if (type === 0xff01) hello.secureRenegotiation = true;
      if (type === 51 && body.length >= 2) hello.group = body.readUInt16BE(0);
    }
  }
  return hello;
}

function parseCertificates(message: Buffer): Buffer[] {
  const certificates: Buffer[] = [];
  if (message.length < 3) return certificates;
  const end = Math.min(message.length, 3 + message.readUIntBE(0, 3));
  let offset = 3;
  while (offset + 3 <= end) {
    const length = message.readUIntBE(offset, 3);
    offset += 3;
    if (offset + length > end) break;
    certificates.push(Buffer.from(message.subarray(offset, offset + length)));
    offset += length;
  }
  return certificates;
}

function parseKeyExchange(message: Buffer, suite: number): ServerFlight['keyExchange'] {
  // ECDHE: curve_type 3 (named_curve) + group; DHE: p (length-prefixed) first. The suite says which.
  const kx = SUITE_BY_CODE.get(suite)?.kx;
  if (kx === 'ECDH' && message[0] === 3 && message.length >= 3) return { kind: 'ecdhe', group: message.readUInt16BE(1) };
  if (kx === 'DH' && message.length >= 2) {
    const primeLength = message.readUInt16BE(0);
    let bytes = message.subarray(2, 2 + primeLength);
    while (bytes.length && bytes[0] === 0) bytes = bytes.subarray(1);
    return { kind: 'dhe', primeBits: bytes.length * 8 - Math.clz32(bytes[0] ?? 0) + 24 };
  }
  return undefined;
}

function extension(type: number, ...parts: Buffer[]): Buffer {
  const body = Buffer.concat(parts);
  return Buffer.concat([u16(type), u16(body.length), body]);
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16BE(value);
  return buffer;
}

function u24(value: number): Buffer {
  const buffer = Buffer.alloc(3);
  buffer.writeUIntBE(value, 0, 3);
  return buffer;
}
