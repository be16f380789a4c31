/**
 * `npx tsx bench/probe-compare.ts`: m365cert's TLS probe side by side with sslscan and testssl.sh (Debian
 * packages: apt-get install sslscan testssl.sh) on the same loopback lab servers — modern, legacy (openssl
 * s_server with every suite OpenSSL still builds), weak certificate. Prints, per server and tool, the
 * protocols accepted, the accepted suites, whether any insecure suite is accepted, the certificate key
 * size, and the wall time; then the time to probe 50 endpoints with concurrency.
 */
import { execFile, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { SUITE_BY_CODE } from '../src/knowledge/tls/cipher-suites.ts';
import { classifySuite } from '../src/knowledge/tls/profile.ts';
import { parseTarget, probeEndpoints } from '../src/probe/index.ts';
import { scanTls } from '../src/probe/tls/scan-tls.ts';
import { makeCertificate, nodeTlsServer, opensslServer, type LabServer } from '../test/harness/tls-lab.ts';

interface Verdict {
  tool: string;
  protocols: string[];
  suites: Set<number>;
  insecure: boolean;
  keyBits?: number;
  seconds: number;
}

const LIMITS = { connectMs: 3_000, answerMs: 3_000, maxBytes: 256 * 1024 };
const PROTOCOL_NAMES: Record<string, string> = { '1.0': 'TLSv1.0', '1.1': 'TLSv1.1', '1.2': 'TLSv1.2', '1.3': 'TLSv1.3', TLS1: 'TLSv1.0', TLS1_1: 'TLSv1.1', TLS1_2: 'TLSv1.2', TLS1_3: 'TLSv1.3' };
const insecureCode = (code: number) => {
  const suite = SUITE_BY_CODE.get(code);
  return Boolean(suite && classifySuite(suite).strength === 'insecure');
};

async function m365cert(port: number): Promise<Verdict> {
  const started = performance.now();
  const snapshot = await scanTls({ address: '127.0.0.1', port, serverName: 'localhost' }, LIMITS);
  const suites = new Set(snapshot.protocols.flatMap((protocol) => (protocol.suites ?? []).map((suite) => suite.code)));
  return { tool: 'm365cert', protocols: snapshot.protocols.filter((protocol) => protocol.accepted).map((protocol) => protocol.protocol), suites, insecure: [...suites].some(insecureCode), keyBits: snapshot.certificate?.chain[0]?.keyBits, seconds: (performance.now() - started) / 1000 };
}

/** Other tools run asynchronously: a blocking spawn would stop the Node lab servers living in this process. */
const run = promisify(execFile);

async function sslscan(port: number, dir: string): Promise<Verdict | string> {
  const xml = path.join(dir, `sslscan-${port}.xml`);
  const started = performance.now();
  try {
    await run('sslscan', ['--no-colour', `--xml=${xml}`, `127.0.0.1:${port}`], { maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'sslscan not available';
  }
  const seconds = (performance.now() - started) / 1000;
  const text = readFileSync(xml, 'utf8');
  const protocols = [...text.matchAll(/<protocol type="tls" version="([\d.]+)" enabled="1"/g)].map((match) => PROTOCOL_NAMES[match[1]!]!);
  const suites = new Set([...text.matchAll(/<cipher status="(?:preferred|accepted)"[^>]* id="0x([0-9A-F]+)"/gi)].map((match) => parseInt(match[1]!, 16)));
  const keyBits = Number(/<pk [^>]*bits="(\d+)"/.exec(text)?.[1]) || undefined;
  return { tool: 'sslscan', protocols, suites, insecure: [...suites].some(insecureCode), keyBits, seconds };
}

async function testssl(port: number, dir: string): Promise<Verdict | string> {
  const json = path.join(dir, `testssl-${port}.json`);
  const started = performance.now();
  const binary = spawnSync('sh', ['-c', 'command -v testssl || command -v testssl.sh'], { encoding: 'utf8' }).stdout.trim();
  if (!binary) return 'testssl.sh not available';
  await run(binary, ['--quiet', '--warnings', 'off', '--color', '0', '--jsonfile', json, '-p', '-e', '-S', `127.0.0.1:${port}`], { timeout: 600_000, maxBuffer: 64 * 1024 * 1024 }).catch(() => undefined);
  const seconds = (performance.now() - started) / 1000;
  let entries: { id: string; finding: string }[];
  try {
    entries = JSON.parse(readFileSync(json, 'utf8'));
  } catch {
    return 'testssl.sh wrote no JSON';
  }
  const protocols = entries.filter((entry) => PROTOCOL_NAMES[entry.id] && /^offered/.test(entry.finding)).map((entry) => PROTOCOL_NAMES[entry.id]!);
  // With -e testssl lists every accepted suite as cipher_x<hex>; suites offered per protocol (cipher-tls…) repeat them.
  const suites = new Set(entries.map((entry) => /^cipher_x([0-9a-f]+)$/i.exec(entry.id)?.[1]).filter((hex): hex is string => Boolean(hex)).map((hex) => parseInt(hex, 16)));
  const keyBits = Number(/(\d+) bits/.exec(entries.find((entry) => entry.id === 'cert_keySize')?.finding ?? '')?.[1]) || undefined;
  return { tool: 'testssl.sh', protocols, suites, insecure: [...suites].some(insecureCode), keyBits, seconds };
}

async function main() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'm365cert-probe-bench-'));
  const servers: [string, LabServer][] = [
    ['modern (Node, TLS 1.2+)', await nodeTlsServer(makeCertificate(dir, { name: 'modern' }), { minVersion: 'TLSv1.2' })],
    ['legacy (openssl s_server, all suites)', await opensslServer(dir, makeCertificate(dir, { name: 'legacy' }), ['-cipher', 'ALL:COMPLEMENTOFALL:@SECLEVEL=0', '-min_protocol', 'TLSv1'])],
    ['weak certificate (RSA 1024, SHA-1)', await nodeTlsServer(makeCertificate(dir, { name: 'weak', key: 'rsa:1024', digest: 'sha1' }), { ciphers: 'DEFAULT:@SECLEVEL=0' })],
  ];
  const skipTestssl = process.argv.includes('--no-testssl');
  console.log('server | tool | protocols | suites | insecure suite | key bits | time (s) | same suites as m365cert');
  console.log('--- | --- | --- | --- | --- | --- | --- | ---');
  for (const [name, server] of servers) {
    const ours = await m365cert(server.port);
    const others = [await sslscan(server.port, dir), ...(skipTestssl ? [] : [await testssl(server.port, dir)])];
    for (const verdict of [ours, ...others]) {
      if (typeof verdict === 'string') {
        console.log(`${name} | ${verdict} | | | | | |`);
        continue;
      }
      const same = verdict === ours ? '—' : [...verdict.suites].every((code) => ours.suites.has(code)) && [...ours.suites].every((code) => verdict.suites.has(code)) ? 'yes' : `no (${[...verdict.suites].filter((code) => !ours.suites.has(code)).length} only here, ${[...ours.suites].filter((code) => !verdict.suites.has(code)).length} only in m365cert)`;
      console.log(`${name} | ${verdict.tool} | ${verdict.protocols.join(', ')} | ${verdict.suites.size} | ${verdict.insecure ? 'yes' : 'no'} | ${verdict.keyBits ?? '?'} | ${verdict.seconds.toFixed(2)} | ${same}`);
    }
    await server.close();
  }

  // 50 endpoints at once: each a modern lab server with HTTPS and HTTP probes.
  const many = await Promise.all(Array.from({ length: 50 }, (_, index) => nodeTlsServer(makeCertificate(dir, { name: `many-${index % 5}` }), { minVersion: 'TLSv1.2' })));
  const started = performance.now();
  const snapshots = await probeEndpoints(many.map((server) => parseTarget(`https://localhost:${server.port}/`)), { concurrency: 8, tls: LIMITS, http: { timeoutMs: 3_000, maxBodyBytes: 16 * 1024, maxRedirects: 5 } });
  const seconds = (performance.now() - started) / 1000;
  console.log(`\n50 endpoints, concurrency 8: ${seconds.toFixed(2)} s (target < 15 s) ${seconds < 15 ? 'ok' : 'NOT MET'}; ${snapshots.filter((snapshot) => snapshot.tls?.protocols.some((protocol) => protocol.accepted)).length}/50 assessed`);
  await Promise.all(many.map((server) => server.close()));
  rmSync(dir, { recursive: true, force: true });
}

await main();
