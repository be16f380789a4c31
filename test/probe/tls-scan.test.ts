import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scanTls, type TlsSnapshot } from '../../src/probe/tls/scan-tls.ts';
import { signatureAlgorithmOf } from '../../src/probe/tls/certificate.ts';
import { tempDir } from '../harness/paths.ts';
import { makeCertificate, nodeTlsServer, opensslServer, rawServer, type LabServer } from '../harness/tls-lab.ts';

const LIMITS = { connectMs: 2_000, answerMs: 2_000, maxBytes: 64 * 1024 };
const FAST = { connectMs: 1_000, answerMs: 400, maxBytes: 64 * 1024 };

async function scanLab(server: LabServer, serverName = 'localhost', limits = LIMITS): Promise<TlsSnapshot> {
  try {
    return await scanTls({ address: '127.0.0.1', port: server.port, serverName }, limits);
  } finally {
    await server.close();
  }
}

const accepted = (snapshot: TlsSnapshot) => snapshot.protocols.filter((protocol) => protocol.accepted).map((protocol) => protocol.protocol);
const strengths = (snapshot: TlsSnapshot) => new Set(snapshot.protocols.flatMap((protocol) => protocol.suites ?? []).map((suite) => suite.strength));

describe('TLS probe against loopback lab servers', () => {
  it('modern: TLS 1.2 and 1.3 only, strong suites first, no compression, secure renegotiation, a sound certificate', async (t) => {
    const dir = tempDir(t);
    const snapshot = await scanLab(await nodeTlsServer(makeCertificate(dir, { name: 'modern' }), { minVersion: 'TLSv1.2', ciphers: 'ECDHE-RSA-AES256-GCM-SHA384:ECDHE-RSA-AES128-GCM-SHA256:ECDHE-RSA-CHACHA20-POLY1305', honorCipherOrder: true }));
    assert.deepEqual(accepted(snapshot), ['TLSv1.2', 'TLSv1.3']);
    const tls12 = snapshot.protocols.find((protocol) => protocol.protocol === 'TLSv1.2')!;
    assert.deepEqual(tls12.suites!.map((suite) => suite.openssl), ['ECDHE-RSA-AES256-GCM-SHA384', 'ECDHE-RSA-AES128-GCM-SHA256', 'ECDHE-RSA-CHACHA20-POLY1305']);
    assert.equal(tls12.serverPreference, true);
    assert.deepEqual([...strengths(snapshot)], ['strong']);
    assert.equal(snapshot.compression, false);
    assert.equal(snapshot.secureRenegotiation, true);
    assert.ok(tls12.keyExchange!.some((group) => group.acceptable));
    const leaf = snapshot.certificate!.chain[0]!;
    assert.deepEqual([leaf.keyType, leaf.keyBits, leaf.signatureAlgorithm], ['rsa', 2048, 'sha256WithRSAEncryption']);
    assert.equal(snapshot.certificate!.hostnameMatches, true);
    assert.equal(snapshot.certificate!.trusted, false, 'a self-signed lab certificate is not trusted');
    assert.equal(snapshot.servedChain!.inOrder, true);
    assert.deepEqual(snapshot.errors, []);
  });

  it('legacy (openssl s_server): TLS 1.0 and 1.1 accepted, static-RSA and anonymous or NULL suites found', async (t) => {
    const dir = tempDir(t);
    const server = await opensslServer(dir, makeCertificate(dir, { name: 'legacy' }), ['-cipher', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0', '-min_protocol', 'TLSv1']);
    const snapshot = await scanLab(server);
    assert.ok(accepted(snapshot).includes('TLSv1.0') && accepted(snapshot).includes('TLSv1.1'), JSON.stringify(snapshot.protocols));
    const suites = snapshot.protocols.flatMap((protocol) => protocol.suites ?? []);
    assert.ok(suites.some((suite) => suite.openssl === 'AES128-SHA' && suite.strength === 'weak' && suite.reasons.includes('static RSA key exchange: no forward secrecy')));
    assert.ok(suites.some((suite) => suite.strength === 'insecure'), 'NULL or anonymous suites are accepted at SECLEVEL=0');
  });

  it('weak certificates: RSA 1024 signed with SHA-1, expired, for another host', async (t) => {
    const dir = tempDir(t);
    const weak = await scanLab(await nodeTlsServer(makeCertificate(dir, { name: 'weak', key: 'rsa:1024', digest: 'sha1' }), { ciphers: 'DEFAULT:@SECLEVEL=0' }));
    assert.deepEqual([weak.certificate!.chain[0]!.keyBits, weak.certificate!.chain[0]!.signatureAlgorithm], [1024, 'sha1WithRSAEncryption']);
    const expired = await scanLab(await nodeTlsServer(makeCertificate(dir, { name: 'expired', expired: true })));
    assert.ok(expired.certificate!.chain[0]!.daysToExpiry < 0);
    const elsewhere = await scanLab(await nodeTlsServer(makeCertificate(dir, { name: 'elsewhere', host: 'other.example' })), 'localhost');
    assert.equal(elsewhere.certificate!.hostnameMatches, false);
    const ec = await scanLab(await nodeTlsServer(makeCertificate(dir, { name: 'ec', key: 'ec:prime256v1' })));
    assert.deepEqual([ec.certificate!.chain[0]!.keyType, ec.certificate!.chain[0]!.keyBits, ec.certificate!.chain[0]!.signatureAlgorithm], ['ec', 256, 'ecdsa-with-SHA256']);
  });

  it('a leaf served without its intermediate is an incomplete chain', async (t) => {
    const dir = tempDir(t);
    const issued = makeCertificate(dir, { name: 'alone', withCa: true });
    const snapshot = await scanLab(await nodeTlsServer({ key: issued.key, cert: issued.cert }, { maxVersion: 'TLSv1.2' }));
    assert.equal(snapshot.servedChain!.certificates.length, 1);
    assert.equal(snapshot.servedChain!.certificates[0]!.selfSigned, false);
    assert.match(snapshot.certificate!.trustError ?? '', /UNABLE_TO_(VERIFY_LEAF_SIGNATURE|GET_ISSUER_CERT)/);
  });

  it('a chain served out of order is reported', async (t) => {
    const dir = tempDir(t);
    const issued = makeCertificate(dir, { name: 'issued', withCa: true });
    const unrelated = makeCertificate(dir, { name: 'unrelated', withCa: true });
    // Leaf, then a CA that did not issue it, then its real issuer.
    const server = await nodeTlsServer({ key: issued.key, cert: issued.cert + unrelated.ca! + issued.ca! }, { maxVersion: 'TLSv1.2' });
    const snapshot = await scanLab(server);
    assert.equal(snapshot.servedChain!.certificates.length, 3);
    assert.equal(snapshot.servedChain!.inOrder, false);
  });

  it('hostile servers end within their limits with the reason, never hang', async () => {
    const silent = await scanLab(await rawServer(() => {}), 'localhost', FAST);
    assert.ok(silent.protocols.every((protocol) => !protocol.accepted && /no complete TLS answer within 400 ms/.test(protocol.detail ?? '')), JSON.stringify(silent.protocols));
    assert.match(silent.errors.join('\n'), /could not assess TLS/);

    const garbage = await scanLab(await rawServer((socket) => socket.end(Buffer.from('garbage, not TLS at all\r\n'))), 'localhost', FAST);
    assert.ok(garbage.protocols.every((protocol) => !protocol.accepted));
    assert.match(garbage.errors.join('\n'), /not a TLS record/);

    const http = await scanLab(await rawServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n'))), 'localhost', FAST);
    assert.match(http.errors.join('\n'), /plain HTTP, not TLS/);

    // A server that answers with an endless handshake record stream (a "1 MB certificate chain").
    const flood = await scanLab(await rawServer((socket) => socket.once('data', () => {
      const header = Buffer.from([22, 3, 3, 0x40, 0x00]);
      for (let i = 0; i < 64; i++) socket.write(Buffer.concat([header, Buffer.alloc(0x4000, 0x0b)]));
    })), 'localhost', FAST);
    assert.ok(flood.protocols.every((protocol) => !protocol.accepted));
    assert.match(JSON.stringify(flood.protocols), /more than 65536 bytes/);

    // A well-formed ServerHello followed by a Certificate message of garbage bytes.
    const badCertificate = await scanLab(await rawServer((socket) => socket.once('data', () => {
      const hello = Buffer.concat([Buffer.from([3, 3]), Buffer.alloc(32, 7), Buffer.from([0, 0xc0, 0x2f, 0, 0, 0])]);
      const certificateList = Buffer.concat([Buffer.from([0, 0, 8]), Buffer.from([0, 0, 5]), Buffer.from('junk!')]);
      const message = (type: number, body: Buffer) => Buffer.concat([Buffer.from([type, 0, body.length >> 8, body.length & 0xff]), body]);
      const handshake = Buffer.concat([message(2, hello), message(11, certificateList), message(14, Buffer.alloc(0))]);
      socket.end(Buffer.concat([Buffer.from([22, 3, 3, handshake.length >> 8, handshake.length & 0xff]), handshake]));
    })), 'localhost', FAST);
    assert.match(badCertificate.errors.join('\n'), /certificate that does not parse/);

    const drip = await scanLab(await rawServer((socket) => {
      const timer = setInterval(() => socket.write(Buffer.from([22])), 100);
      socket.on('close', () => clearInterval(timer));
    }), 'localhost', FAST);
    assert.ok(drip.protocols.every((protocol) => !protocol.accepted && /within 400 ms/.test(protocol.detail ?? '')));

    const refused = await scanTls({ address: '127.0.0.1', port: 9, serverName: 'localhost' }, FAST);
    assert.match(refused.errors.join('\n'), /connection refused|no TCP connection/);
  });

  it('reads signature algorithms from DER and survives truncated input', () => {
    assert.equal(signatureAlgorithmOf(Buffer.from([0x30, 0x82, 0xff])), 'unknown');
    assert.equal(signatureAlgorithmOf(Buffer.alloc(0)), 'unknown');
  });
});
