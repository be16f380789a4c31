import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import tls from 'node:tls';

/**
 * The TLS test lab: certificates generated at test time with the openssl CLI (installed by .ci/run), and
 * servers on 127.0.0.1 — Node's own TLS server and `openssl s_server` — with known configurations.
 */
export interface LabCertificate {
  key: string;
  cert: string;
  /** Issuing CA certificate, when the leaf is not self-signed. */
  ca?: string;
}

function openssl(args: string[], cwd: string): void {
  const run = spawnSync('openssl', args, { cwd, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`openssl ${args.join(' ')} failed: ${run.stderr}`);
}

export interface CertificateSpec {
  name: string;
  /** e.g. rsa:2048, rsa:1024, ec:prime256v1 */
  key?: string;
  digest?: 'sha256' | 'sha1';
  days?: number;
  /** A validity window entirely in the past (self-signed only). */
  expired?: boolean;
  host?: string;
  /** Sign with a generated CA instead of self-signing. */
  withCa?: boolean;
}

export function makeCertificate(dir: string, spec: CertificateSpec): LabCertificate {
  const key = path.join(dir, `${spec.name}.key`);
  const cert = path.join(dir, `${spec.name}.crt`);
  const keyArgs = (spec.key ?? 'rsa:2048').startsWith('ec:') ? ['-newkey', 'ec', '-pkeyopt', `ec_paramgen_curve:${spec.key!.slice(3)}`] : ['-newkey', spec.key ?? 'rsa:2048'];
  const host = spec.host ?? 'localhost';
  const san = `subjectAltName=DNS:${host},IP:127.0.0.1`;
  const days = spec.expired ? [] : ['-days', String(spec.days ?? 30)];
  if (!spec.withCa) {
    if (spec.expired) {
      // OpenSSL 3.0's x509 cannot backdate; its ca command can (-startdate/-enddate) with a throwaway database.
      writeFileSync(path.join(dir, `${spec.name}.cnf`), `[ ca ]\ndefault_ca = lab\n[ lab ]\ndatabase = ${spec.name}.index\nnew_certs_dir = .\nserial = ${spec.name}.serial\ndefault_md = ${spec.digest ?? 'sha256'}\npolicy = any\ncopy_extensions = copy\n[ any ]\ncommonName = supplied\n`);
      writeFileSync(path.join(dir, `${spec.name}.index`), '');
      writeFileSync(path.join(dir, `${spec.name}.serial`), '01\n');
      openssl(['req', '-new', ...keyArgs, '-nodes', '-keyout', key, '-out', `${cert}.csr`, '-subj', `/CN=${host}`, '-addext', san], dir);
      openssl(['ca', '-batch', '-config', `${spec.name}.cnf`, '-selfsign', '-keyfile', key, '-in', `${cert}.csr`, '-startdate', '20200101000000Z', '-enddate', '20200201000000Z', '-out', cert], dir);
    } else openssl(['req', '-x509', ...keyArgs, '-nodes', '-keyout', key, '-out', cert, `-${spec.digest ?? 'sha256'}`, ...days, '-subj', `/CN=${host}`, '-addext', san], dir);
    return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8') };
  }
  const caKey = path.join(dir, `${spec.name}-ca.key`);
  const caCert = path.join(dir, `${spec.name}-ca.crt`);
  openssl(['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', caKey, '-out', caCert, '-days', '30', '-subj', `/CN=m365cert lab CA ${spec.name}`], dir);
  openssl(['req', '-new', ...keyArgs, '-nodes', '-keyout', key, '-out', `${cert}.csr`, '-subj', `/CN=${host}`], dir);
  openssl(['x509', '-req', '-in', `${cert}.csr`, '-CA', caCert, '-CAkey', caKey, '-CAcreateserial', '-out', cert, `-${spec.digest ?? 'sha256'}`, ...days, '-extfile', writeExt(dir, spec.name, san)], dir);
  return { key: readFileSync(key, 'utf8'), cert: readFileSync(cert, 'utf8'), ca: readFileSync(caCert, 'utf8') };
}

function writeExt(dir: string, name: string, san: string): string {
  const file = path.join(dir, `${name}.ext`);
  writeFileSync(file, `${san}\n`);
  return file;
}

export interface LabServer {
  port: number;
  close(): Promise<void>;
}

/** A Node TLS server; `options` are tls.createServer options (minVersion, ciphers, …). */
export async function nodeTlsServer(certificate: LabCertificate, options: tls.TlsOptions = {}, onConnection?: (socket: tls.TLSSocket) => void): Promise<LabServer> {
  const server = tls.createServer({ key: certificate.key, cert: certificate.cert, ...options }, (socket) => (onConnection ? onConnection(socket) : socket.end('HTTP/1.1 200 OK\r\ncontent-length: 0\r\n\r\n')));
  server.on('tlsClientError', () => {});
  // Closing waits for every connection; half-closed ones are ended here so a lab server always stops.
  const sockets = new Set<net.Socket>();
  server.on('connection', (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const lab = await listen(server);
  return { port: lab.port, close: () => {
    for (const socket of sockets) socket.destroy();
    return lab.close();
  } };
}

/** A plain TCP server whose behaviour on each connection is scripted (silent, garbage, dripping …). */
export async function rawServer(onConnection: (socket: net.Socket) => void): Promise<LabServer> {
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  const lab = await listen(server);
  return { port: lab.port, close: async () => {
    for (const socket of sockets) socket.destroy();
    await lab.close();
  } };
}

async function listen(server: net.Server): Promise<LabServer> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  return { port, close: () => new Promise((resolve) => server.close(() => resolve())) };
}

/** `openssl s_server` with the given protocol and cipher flags, ready once it accepts connections. */
export async function opensslServer(dir: string, certificate: LabCertificate, flags: string[]): Promise<LabServer> {
  const keyFile = path.join(dir, `s_server-${Date.now()}.key`);
  const certFile = `${keyFile}.crt`;
  writeFileSync(keyFile, certificate.key);
  writeFileSync(certFile, certificate.cert + (certificate.ca ?? ''));
  const port = await freePort();
  const child: ChildProcess = spawn('openssl', ['s_server', '-accept', `127.0.0.1:${port}`, '-key', keyFile, '-cert', certFile, '-www', '-quiet', ...flags], { stdio: ['pipe', 'ignore', 'pipe'] });
  for (let attempt = 0; attempt < 100; attempt++) {
    if (await accepts(port)) return { port, close: async () => void child.kill('SIGKILL') };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  child.kill('SIGKILL');
  throw new Error('openssl s_server did not start');
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const port = (server.address() as net.AddressInfo).port;
      server.close(() => resolve(port));
    });
  });
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: '127.0.0.1', port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}
