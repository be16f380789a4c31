import { X509Certificate } from 'node:crypto';
import { LEGACY_SUITES, SUITE_BY_CODE, TLS13_SUITES } from '../../knowledge/tls/cipher-suites.ts';
import { classifyGroup, classifySuite, type SuiteStrength } from '../../knowledge/tls/profile.ts';
import { certificateOf, describeCertificate, type CertificateInfo, type CertificateSnapshot } from './certificate.ts';
import { exchangeHello, type Endpoint, type ExchangeLimits, type ExchangeOutcome } from './exchange.ts';
import { GROUPS, TLS_VERSIONS, versionName, type ServerFlight, type TlsVersionName } from './hello.ts';

/**
 * What an endpoint's TLS accepts, found with raw ClientHellos: each protocol version offered on its own;
 * per accepted version, suites enumerated by elimination (offer all, remove the one chosen, repeat) — the
 * order of choices is the server's preference when it enforces one; compression, secure renegotiation,
 * key-exchange groups, and the certificate chain as served. Then the certificate through a real handshake.
 */
export interface SuiteResult {
  code: number;
  iana: string;
  openssl: string;
  strength: SuiteStrength;
  reasons: string[];
}

export interface ProtocolResult {
  protocol: TlsVersionName;
  accepted: boolean;
  /** Why it is not accepted (alert, refusal) or could not be told. */
  detail?: string;
  suites?: SuiteResult[];
  /** True when the server picks by its own order, false when it follows the client's, absent when not tested. */
  serverPreference?: boolean;
  keyExchange?: { group: string; primeBits?: number; acceptable: boolean; reason?: string }[];
}

export interface TlsSnapshot {
  protocols: ProtocolResult[];
  /** TLS ≤ 1.2: whether the server accepted DEFLATE compression. */
  compression?: boolean;
  secureRenegotiation?: boolean;
  /** The chain in the order the server sent it (TLS ≤ 1.2 handshake), with whether each certificate is issued by the next. */
  servedChain?: { certificates: CertificateInfo[]; inOrder: boolean };
  certificate?: CertificateSnapshot;
  /** Whether the server answers a hello without SNI, and with which certificate. */
  withoutSni?: 'same-certificate' | 'other-certificate' | 'refused';
  /** Limits reached, unreadable answers: why parts could not be assessed. */
  errors: string[];
  handshakes: number;
}

const MAX_ENUMERATION_STEPS = 128;

export async function scanTls(endpoint: Endpoint, limits: ExchangeLimits, now: Date = new Date()): Promise<TlsSnapshot> {
  const snapshot: TlsSnapshot = { protocols: [], errors: [], handshakes: 0 };
  const exchange = async (version: number, suites: readonly number[], extra: { compression?: boolean; wantCertificates?: boolean; noSni?: boolean } = {}): Promise<ExchangeOutcome> => {
    snapshot.handshakes++;
    return exchangeHello(extra.noSni ? { ...endpoint, serverName: undefined } : endpoint, { version, suites, compression: extra.compression, wantCertificates: extra.wantCertificates }, limits);
  };
  const legacyCodes = LEGACY_SUITES.map((suite) => suite.code);
  const tls13Codes = TLS13_SUITES.map((suite) => suite.code);

  // Protocols, one hello each (in parallel: they are independent).
  const versions = Object.entries(TLS_VERSIONS) as [TlsVersionName, number][];
  const answers = await Promise.all(versions.map(([, code]) => exchange(code, code >= 0x0304 ? tls13Codes : legacyCodes, { wantCertificates: code < 0x0304 })));
  /** The flight of the highest TLS ≤ 1.2 version accepted: its certificates are the chain as served. */
  let servedFlight: ServerFlight | undefined;
  versions.forEach(([name, code], index) => {
    const answer = answers[index]!;
    if ('failure' in answer) {
      snapshot.protocols.push({ protocol: name, accepted: false, detail: answer.failure });
      return;
    }
    if (answer.error && !answer.hello) snapshot.errors.push(`${name}: ${answer.error}`);
    const accepted = Boolean(answer.hello && answer.hello.version === code);
    snapshot.protocols.push({ protocol: name, accepted, ...(accepted ? {} : { detail: answer.alert ? `refused (alert ${answer.alert.description})` : answer.hello ? `server answered with ${versionName(answer.hello.version)}` : (answer.error ?? 'no answer') }) });
    if (accepted && code < 0x0304 && code > (servedFlight?.hello?.version ?? 0)) servedFlight = answer;
  });
  if (snapshot.protocols.every((protocol) => !protocol.accepted) && answers.every((answer) => 'failure' in answer)) {
    snapshot.errors.push(`could not assess TLS: ${(answers[0] as { failure: string }).failure}`);
    return snapshot;
  }

  // Suites per accepted protocol, by elimination; server preference from two swapped offers.
  for (const result of snapshot.protocols) {
    if (!result.accepted) continue;
    const version = TLS_VERSIONS[result.protocol];
    let remaining = version >= 0x0304 ? [...tls13Codes] : [...legacyCodes];
    const chosen: number[] = [];
    const groups = new Map<string, { group: string; primeBits?: number }>();
    for (let step = 0; step < MAX_ENUMERATION_STEPS && remaining.length; step++) {
      const answer = await exchange(version, remaining, { wantCertificates: version < 0x0304 });
      if ('failure' in answer || !answer.hello || answer.hello.version !== version || !remaining.includes(answer.hello.suite)) {
        if ('failure' in answer && chosen.length === 0) snapshot.errors.push(`${result.protocol} suites: ${answer.failure}`);
        break;
      }
      chosen.push(answer.hello.suite);
      remaining = remaining.filter((code) => code !== answer.hello!.suite);
      if (answer.keyExchange?.kind === 'ecdhe') groups.set(`g${answer.keyExchange.group}`, { group: GROUPS[answer.keyExchange.group] ?? `group ${answer.keyExchange.group}` });
      if (answer.keyExchange?.kind === 'dhe') groups.set(`dh${answer.keyExchange.primeBits}`, { group: 'DHE', primeBits: answer.keyExchange.primeBits });
      if (answer.hello.group !== undefined) groups.set(`g${answer.hello.group}`, { group: GROUPS[answer.hello.group] ?? `group ${answer.hello.group}` });
    }
    result.suites = chosen.map((code) => {
      const suite = SUITE_BY_CODE.get(code)!;
      return { code, iana: suite.iana, openssl: suite.openssl, ...classifySuite(suite) };
    });
    result.keyExchange = [...groups.values()].map((entry) => ({ ...entry, ...classifyGroup(entry.group, entry.primeBits) }));
    if (chosen.length >= 2) {
      const answer = await exchange(version, [chosen[1]!, chosen[0]!]);
      if (!('failure' in answer) && answer.hello) result.serverPreference = answer.hello.suite === chosen[0];
    }
  }

  // Compression and renegotiation on the highest TLS ≤ 1.2 accepted, with the suites it accepts.
  const legacy = [...snapshot.protocols].reverse().find((protocol) => protocol.accepted && protocol.protocol !== 'TLSv1.3');
  if (legacy?.suites?.length) {
    const answer = await exchange(TLS_VERSIONS[legacy.protocol], legacy.suites.map((suite) => suite.code), { compression: true });
    if (!('failure' in answer) && answer.hello) {
      snapshot.compression = answer.hello.compression !== 0;
      snapshot.secureRenegotiation = answer.hello.secureRenegotiation;
    }
  }
  if (servedFlight?.certificates?.length) {
    const certificates = parseCertificates(servedFlight.certificates);
    if (typeof certificates === 'string') snapshot.errors.push(`chain as served: ${certificates}`);
    else snapshot.servedChain = { certificates: certificates.map((cert) => describeCertificate(cert, now)), inOrder: certificates.every((cert, index) => index === certificates.length - 1 || cert.checkIssued(certificates[index + 1]!)) };
  }

  // SNI behaviour: the same hello without a server name.
  if (endpoint.serverName && legacy?.suites?.length) {
    const answer = await exchange(TLS_VERSIONS[legacy.protocol], legacy.suites.map((suite) => suite.code), { wantCertificates: true, noSni: true });
    if ('failure' in answer || !answer.hello) snapshot.withoutSni = 'refused';
    else {
      const withName = snapshot.servedChain?.certificates[0]?.fingerprint256;
      const parsed = answer.certificates?.length ? parseCertificates(answer.certificates.slice(0, 1)) : undefined;
      const withoutName = Array.isArray(parsed) ? parsed[0]?.fingerprint256 : undefined;
      snapshot.withoutSni = withName && withoutName === withName ? 'same-certificate' : 'other-certificate';
    }
  }

  const certificate = await certificateOf(endpoint, limits.connectMs + limits.answerMs, now);
  snapshot.handshakes++;
  if ('failure' in certificate) snapshot.errors.push(`certificate: ${certificate.failure}`);
  else snapshot.certificate = certificate;
  return snapshot;
}

/** DER certificates a server sent; a hostile or broken server may send bytes that are not one. */
function parseCertificates(ders: readonly Buffer[]): X509Certificate[] | string {
  try {
    const certificates = ders.map((der) => new X509Certificate(der));
    for (const cert of certificates) void cert.publicKey; // a key type Node cannot read fails here, not later
    return certificates;
  } catch (error) {
    return `the server sent a certificate that does not parse (${(error as Error).message})`;
  }
}
