import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { parseTarget, probeEndpoint, probeEndpoints, type ProbeTarget } from '../../src/probe/index.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir } from '../harness/paths.ts';
import { makeCertificate, type LabCertificate } from '../harness/tls-lab.ts';

const OPTIONS = { tls: { connectMs: 2_000, answerMs: 2_000, maxBytes: 64 * 1024 }, http: { timeoutMs: 1_500, maxBodyBytes: 16 * 1024, maxRedirects: 3 }, endpointDeadlineMs: 20_000 };

async function listen(server: net.Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as net.AddressInfo).port;
}

function httpsServer(certificate: LabCertificate, handler: http.RequestListener): https.Server {
  return https.createServer({ key: certificate.key, cert: certificate.cert, minVersion: 'TLSv1.2' }, handler);
}

describe('endpoint probe: TLS and HTTP together', () => {
  it('observes HSTS, cookies, CORS, banners and the plain-HTTP listener of lab servers', async (t) => {
    const certificate = makeCertificate(tempDir(t), { name: 'site' });
    const good = httpsServer(certificate, (_req, res) => {
      res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
      res.setHeader('set-cookie', 'session=1; Secure; HttpOnly; SameSite=Lax');
      res.setHeader('content-security-policy', "frame-ancestors 'self' https://teams.microsoft.com");
      res.end('ok');
    });
    const bad = httpsServer(certificate, (req, res) => {
      res.setHeader('strict-transport-security', 'max-age=600');
      res.setHeader('set-cookie', 'tracking=1');
      res.setHeader('x-powered-by', 'Express 4.18.2');
      if (req.headers.origin) {
        res.setHeader('access-control-allow-origin', req.headers.origin);
        res.setHeader('access-control-allow-credentials', 'true');
      }
      res.end('ok');
    });
    const redirect = http.createServer((req, res) => res.writeHead(301, { location: `https://localhost${req.url}` }).end());
    const content = http.createServer((_req, res) => res.writeHead(200, { 'set-cookie': 'id=1' }).end('plain'));
    const redirectWithCookie = http.createServer((req, res) => res.writeHead(302, { location: `https://localhost${req.url}`, 'set-cookie': 'visitor=1' }).end());
    const servers = [good, bad, redirect, content, redirectWithCookie];
    t.after(() => servers.forEach((server) => server.close()));
    const [goodPort, badPort, redirectPort, contentPort, cookieRedirectPort] = await Promise.all(servers.map(listen));
    const target = (port: number, httpPort: number): ProbeTarget => ({ ...parseTarget(`https://localhost:${port}/`), httpPort });

    const [goodSnapshot, badSnapshot] = await probeEndpoints([target(goodPort!, redirectPort!), target(badPort!, contentPort!)], OPTIONS);
    const goodHttps = goodSnapshot!.https as Exclude<NonNullable<typeof goodSnapshot>['https'], { failure: string } | undefined>;
    assert.deepEqual([goodHttps.hsts?.maxAge, goodHttps.hsts?.includeSubDomains], [31_536_000, true]);
    assert.deepEqual(goodHttps.cookies, [{ name: 'session', secure: true, httpOnly: true, sameSite: 'Lax' }]);
    assert.deepEqual(goodHttps.frameAncestors, ["'self'", 'https://teams.microsoft.com']);
    assert.deepEqual(goodSnapshot!.plainHttp, { url: `http://localhost:${redirectPort}/`, status: 301, location: 'https://localhost/', redirectsToHttps: true, setsCookies: [] });
    assert.deepEqual(goodSnapshot!.tls!.protocols.filter((protocol) => protocol.accepted).map((protocol) => protocol.protocol), ['TLSv1.2', 'TLSv1.3']);

    const badHttps = badSnapshot!.https as typeof goodHttps;
    assert.equal(badHttps.hsts?.maxAge, 600);
    assert.deepEqual(badHttps.cors, { allowOrigin: 'https://m365cert-probe.invalid', allowCredentials: true, reflectsForeignOrigin: true });
    assert.deepEqual(badHttps.banners, [{ header: 'x-powered-by', value: 'Express 4.18.2', revealsVersion: true }]);
    assert.deepEqual(badSnapshot!.plainHttp, { url: `http://localhost:${contentPort}/`, status: 200, redirectsToHttps: false, setsCookies: ['id'] });
    const [cookieRedirect] = await probeEndpoints([target(goodPort!, cookieRedirectPort!)], OPTIONS);
    assert.deepEqual(cookieRedirect!.plainHttp, { url: `http://localhost:${cookieRedirectPort}/`, status: 302, location: 'https://localhost/', redirectsToHttps: true, setsCookies: ['visitor'] });
  });

  it('a server that redirects forever or never answers ends with the reason', async (t) => {
    const certificate = makeCertificate(tempDir(t), { name: 'loop' });
    const loop = httpsServer(certificate, (req, res) => res.writeHead(302, { location: `/again${req.url}` }).end());
    const silent = httpsServer(certificate, () => {});
    t.after(() => {
      loop.close();
      silent.closeAllConnections();
      silent.close();
    });
    const [loopPort, silentPort] = await Promise.all([listen(loop), listen(silent)]);
    const looping = await probeEndpoint(parseTarget(`https://localhost:${loopPort}/`), OPTIONS);
    assert.match((looping.https as { failure: string }).failure, /more than 3 redirects/);
    const hanging = await probeEndpoint(parseTarget(`https://localhost:${silentPort}/`), OPTIONS);
    assert.match((hanging.https as { failure: string }).failure, /no complete HTTP response within 1500 ms/);
    const unresolved = await probeEndpoint(parseTarget('https://no-such-host.invalid/'), OPTIONS);
    // Without DNS at all the lookup may time out instead: either way the endpoint ends with the reason.
    assert.match(unresolved.failure ?? '', /did not resolve|did not finish within 20000 ms/);
  });

  it('parses targets and refuses what cannot be probed', () => {
    assert.deepEqual(parseTarget('app.fabrikam.com'), { input: 'app.fabrikam.com', host: 'app.fabrikam.com', port: 443, path: '/', serverName: 'app.fabrikam.com', httpPort: 80 });
    assert.deepEqual(parseTarget('203.0.113.5:8443', 'app.fabrikam.com'), { input: '203.0.113.5:8443', host: '203.0.113.5', port: 8443, path: '/', serverName: 'app.fabrikam.com' });
    assert.equal(parseTarget('[2001:db8::1]:443').host, '2001:db8::1');
    assert.throws(() => parseTarget('ftp://files.fabrikam.com'), /only http\(s\)/);
    assert.throws(() => parseTarget('https://'), /not a URL/);
  });

  it('probe command: findings from a live lab server, a snapshot that re-evaluates offline to the same findings', async (t) => {
    const dir = tempDir(t);
    const certificate = makeCertificate(dir, { name: 'cli' });
    const server = https.createServer({ key: certificate.key, cert: certificate.cert, minVersion: 'TLSv1', ciphers: 'DEFAULT:AES128-SHA:@SECLEVEL=0' }, (_req, res) => res.end('ok'));
    t.after(() => server.close());
    const port = await listen(server);
    const snapshotFile = path.join(dir, 'probe-snapshot.json');
    const live = await runCli(['probe', `https://localhost:${port}/`, '--data-dir', requireSharedData(), '-f', 'json', '--snapshot', snapshotFile, '-q']);
    assert.equal(live.code, 1, live.stderr);
    const liveReport = JSON.parse(live.stdout) as ScanResult;
    const ids = [...new Set(liveReport.findings.map((finding) => finding.checkId))].sort();
    assert.deepEqual(ids, ['http-hsts-180-days', 'http-nosniff', 'tls-certificate-valid', 'tls-cipher-suites-forward-secret', 'tls-protocols-1-2-or-later']);
    const saved = JSON.parse(readFileSync(snapshotFile, 'utf8'));
    assert.equal(saved.schemaVersion, '1.0.0');
    assert.equal(saved.endpoints.length, 1);
    const offline = await runCli(['probe', '--from-snapshot', snapshotFile, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    assert.deepEqual((JSON.parse(offline.stdout) as ScanResult).findings.map((finding) => finding.fingerprint), liveReport.findings.map((finding) => finding.fingerprint));
    const terminal = await runCli(['probe', '--from-snapshot', snapshotFile, '--data-dir', requireSharedData()]);
    assert.match(terminal.stdout, /FAIL {2}protocols {14}TLSv1\.0, TLSv1\.1, TLSv1\.2, TLSv1\.3/);
    assert.equal((await runCli(['probe'])).code, 2);
    assert.equal((await runCli(['probe', 'ftp://x'])).code, 2);
    const broken = path.join(dir, 'not-a-snapshot.json');
    (await import('node:fs')).writeFileSync(broken, '{"endpoints": 3}');
    const refused = await runCli(['probe', '--from-snapshot', broken]);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /not an m365cert probe snapshot/);
  });
});
