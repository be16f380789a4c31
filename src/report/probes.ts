import type { ScanResult } from '../engine/types.ts';
import { ALLOWED_PROTOCOLS, EXPIRY_WARNING_DAYS, MIN_EC_BITS, MIN_HSTS_SECONDS, MIN_RSA_BITS } from '../knowledge/tls/profile.ts';
import type { EndpointSnapshot } from '../probe/index.ts';

type Paint = (style: 'bold' | 'red' | 'yellow' | 'green' | 'gray', text: string) => string;

/** Per endpoint and requirement: pass or fail with the observed value (the probe command's terminal view). */
export function renderProbeTable(result: ScanResult, paint: Paint = (_style, text) => text): string {
  const lines: string[] = [];
  for (const snapshot of result.probes ?? []) lines.push(...endpointLines(snapshot, paint), '');
  return lines.length ? `${lines.join('\n')}\n` : 'No endpoint was probed.\n';
}

function endpointLines(snapshot: EndpointSnapshot, paint: Paint): string[] {
  const pass = paint('green', 'pass');
  const fail = paint('red', 'FAIL');
  const warn = paint('yellow', 'warn');
  const na = paint('gray', 'n/a ');
  const row = (verdict: string, label: string, value: string) => `  ${verdict}  ${label.padEnd(22)} ${value}`;
  const name = `${snapshot.target.host}:${snapshot.target.port}${snapshot.target.serverName && snapshot.target.serverName !== snapshot.target.host ? ` (SNI ${snapshot.target.serverName})` : ''}`;
  const lines = [paint('bold', `${name}  ${snapshot.address ?? ''}  ${snapshot.durationMs} ms${snapshot.tls ? `, ${snapshot.tls.handshakes} handshakes` : ''}`)];
  if (snapshot.failure) return [...lines, row(na, 'could not assess', snapshot.failure)];
  const tls = snapshot.tls;
  if (tls) {
    const accepted = tls.protocols.filter((protocol) => protocol.accepted).map((protocol) => protocol.protocol);
    if (!accepted.length) lines.push(row(na, 'TLS', `could not assess: ${tls.errors[0] ?? tls.protocols[0]?.detail ?? 'no answer'}`));
    else {
      lines.push(row(accepted.every((protocol) => ALLOWED_PROTOCOLS.has(protocol)) ? pass : fail, 'protocols', accepted.join(', ')));
      const suites = tls.protocols.flatMap((protocol) => (protocol.suites ?? []).map((suite) => ({ ...suite, protocol: protocol.protocol })));
      const insecure = suites.filter((suite) => suite.strength === 'insecure');
      const weak = suites.filter((suite) => suite.strength === 'weak');
      lines.push(row(insecure.length ? fail : pass, 'insecure suites', insecure.length ? insecure.map((suite) => `${suite.openssl} (${suite.protocol})`).slice(0, 6).join(', ') : `none of ${suites.length} accepted`));
      lines.push(row(weak.length ? warn : pass, 'weak suites', weak.length ? `${weak.length}: ${[...new Set(weak.map((suite) => suite.openssl))].slice(0, 6).join(', ')}` : 'none'));
      const preference = tls.protocols.find((protocol) => protocol.serverPreference !== undefined)?.serverPreference;
      lines.push(row(paint('gray', 'info'), 'server preference', preference === undefined ? 'not tested' : preference ? 'server order' : 'client order'));
      lines.push(row(tls.compression ? fail : tls.compression === false ? pass : na, 'TLS compression', tls.compression === undefined ? 'not tested (TLS 1.3 only)' : tls.compression ? 'accepted' : 'refused'));
      lines.push(row(tls.secureRenegotiation === false ? warn : tls.secureRenegotiation ? pass : na, 'secure renegotiation', tls.secureRenegotiation === undefined ? 'not tested' : tls.secureRenegotiation ? 'supported' : 'not supported'));
      const groups = [...new Map(tls.protocols.flatMap((protocol) => protocol.keyExchange ?? []).map((group) => [`${group.group}${group.primeBits ?? ''}`, group])).values()];
      lines.push(row(groups.some((group) => !group.acceptable) ? warn : pass, 'key exchange', groups.map((group) => (group.primeBits ? `DHE ${group.primeBits} bits` : group.group)).join(', ') || 'not seen'));
      if (tls.withoutSni) lines.push(row(paint('gray', 'info'), 'without SNI', tls.withoutSni));
    }
    const certificate = tls.certificate;
    const leaf = certificate?.chain[0];
    if (certificate && leaf) {
      lines.push(row(certificate.trusted ? pass : fail, 'certificate trust', certificate.trusted ? `trusted, issued by ${leaf.issuer}` : `not trusted (${certificate.trustError})`));
      lines.push(row(certificate.hostnameMatches ? pass : fail, 'host name', certificate.hostnameMatches ? 'matches' : `does not match (${leaf.subjectAltName ?? leaf.subject})`));
      lines.push(row(leaf.daysToExpiry < 0 ? fail : leaf.daysToExpiry < EXPIRY_WARNING_DAYS ? warn : pass, 'validity', `until ${leaf.notAfter.slice(0, 10)} (${leaf.daysToExpiry} days)`));
      lines.push(row((leaf.keyType === 'rsa' && (leaf.keyBits ?? 0) < MIN_RSA_BITS) || (leaf.keyType === 'ec' && (leaf.keyBits ?? 0) < MIN_EC_BITS) ? fail : pass, 'key', `${leaf.keyType.toUpperCase()} ${leaf.keyBits ?? '?'} bits${leaf.curve ? ` (${leaf.curve})` : ''}`));
      lines.push(row(/md5|sha1/i.test(leaf.signatureAlgorithm) ? fail : pass, 'signature', leaf.signatureAlgorithm));
      if (tls.servedChain) lines.push(row(tls.servedChain.inOrder ? pass : fail, 'chain order', `${tls.servedChain.certificates.length} certificate(s) ${tls.servedChain.inOrder ? 'in order' : 'out of order'}`));
      lines.push(row(paint('gray', 'info'), 'OCSP stapling', certificate.ocspStapled ? 'stapled' : 'not stapled'));
      // The key and certificate inventory the certification asks for: one line per certificate.
      for (const cert of certificate.chain) lines.push(paint('gray', `        cert  ${cert.subject} · ${cert.keyType.toUpperCase()} ${cert.keyBits ?? '?'} · ${cert.signatureAlgorithm} · until ${cert.notAfter.slice(0, 10)} · SHA-256 ${cert.fingerprint256.slice(0, 23)}…`));
    }
  }
  const https = snapshot.https;
  if (https && 'failure' in https) lines.push(row(na, 'HTTPS', `could not assess: ${https.failure}`));
  else if (https) {
    const hsts = https.hsts;
    lines.push(row(hsts && (hsts.maxAge ?? 0) >= MIN_HSTS_SECONDS ? (hsts.includeSubDomains ? pass : warn) : fail, 'HSTS', hsts ? hsts.raw : 'missing'));
    const insecureCookies = https.cookies.filter((cookie) => !cookie.secure || !cookie.httpOnly);
    lines.push(row(insecureCookies.length ? fail : pass, 'cookies', https.cookies.length ? https.cookies.map((cookie) => `${cookie.name}${cookie.secure ? '' : ' (no Secure)'}${cookie.httpOnly ? '' : ' (no HttpOnly)'}`).join(', ') : 'none set'));
    lines.push(row(https.cors.reflectsForeignOrigin && https.cors.allowCredentials ? fail : pass, 'CORS', https.cors.allowOrigin ? `Access-Control-Allow-Origin ${https.cors.allowOrigin}${https.cors.allowCredentials ? ' with credentials' : ''}` : 'no CORS for a foreign origin'));
    if (https.frameAncestors) lines.push(row(paint('gray', 'info'), 'frame-ancestors', https.frameAncestors.join(' ')));
    const banners = https.banners.filter((banner) => banner.revealsVersion);
    lines.push(row(banners.length ? warn : pass, 'version banners', banners.length ? banners.map((banner) => `${banner.header}: ${banner.value}`).join(', ') : 'none'));
    if (https.redirects.length) lines.push(row(paint('gray', 'info'), 'redirects', https.redirects.map((step) => `${step.status} → ${step.location}`).join(', ')));
  }
  const plain = snapshot.plainHttp;
  if (plain && 'failure' in plain) lines.push(row(/connection refused/.test(plain.failure) ? pass : na, 'plain HTTP', /connection refused/.test(plain.failure) ? 'port closed' : `could not assess: ${plain.failure}`));
  else if (plain) lines.push(row(plain.redirectsToHttps && !plain.setsCookies.length ? pass : fail, 'plain HTTP', `${plain.status}${plain.location ? ` → ${plain.location}` : ''}${plain.setsCookies.length ? `, sets ${plain.setsCookies.join(', ')}` : ''}`));
  return lines;
}
