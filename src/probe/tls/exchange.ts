import { connect } from 'node:net';
import { clientHello, readServerFlight, type HelloOptions, type ServerFlight } from './hello.ts';

/** Limits of one raw handshake: a silent, slow or flooding server ends the exchange, never the scan. */
export interface ExchangeLimits {
  connectMs: number;
  /** From the hello sent to the last byte needed. */
  answerMs: number;
  /** Bytes read at most (a server may send a megabyte of certificates). */
  maxBytes: number;
}

export const DEFAULT_EXCHANGE_LIMITS: ExchangeLimits = { connectMs: 5_000, answerMs: 8_000, maxBytes: 256 * 1024 };

export interface Endpoint {
  /** Address to connect to (IPv4 or IPv6 literal, or a name the resolver turns into one). */
  address: string;
  port: number;
  /** Name sent as SNI and checked against the certificate. */
  serverName?: string;
}

export type ExchangeOutcome = ServerFlight | { failure: string };

/** Sends one ClientHello and reads the answer within the limits; never throws. */
export function exchangeHello(endpoint: Endpoint, options: Omit<HelloOptions, 'serverName'> & { wantCertificates?: boolean }, limits: ExchangeLimits = DEFAULT_EXCHANGE_LIMITS): Promise<ExchangeOutcome> {
  return new Promise((resolve) => {
    let settled = false;
    let received = Buffer.alloc(0);
    const socket = connect({ host: endpoint.address, port: endpoint.port });
    const finish = (outcome: ExchangeOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(connectTimer);
      clearTimeout(answerTimer);
      socket.destroy();
      resolve(outcome);
    };
    let answerTimer: NodeJS.Timeout | undefined;
    const connectTimer = setTimeout(() => finish({ failure: `no TCP connection within ${limits.connectMs} ms` }), limits.connectMs);
    socket.once('connect', () => {
      clearTimeout(connectTimer);
      answerTimer = setTimeout(() => {
        const partial = readServerFlight(received, Boolean(options.wantCertificates));
        // A ServerHello that arrived is an answer even if the rest of the flight is slow.
        finish(partial.hello || partial.alert ? partial : { failure: `no complete TLS answer within ${limits.answerMs} ms (${received.length} bytes received)` });
      }, limits.answerMs);
      socket.write(clientHello({ ...options, serverName: endpoint.serverName }));
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const flight = readServerFlight(received, Boolean(options.wantCertificates));
      if (flight.complete) return finish(flight);
      if (received.length > limits.maxBytes) finish(flight.hello ? { ...flight, error: `the server sent more than ${limits.maxBytes} bytes before finishing its first flight` } : { failure: `the server sent more than ${limits.maxBytes} bytes without a ServerHello` });
    });
    socket.once('error', (error: NodeJS.ErrnoException) => finish({ failure: error.code === 'ECONNREFUSED' ? 'connection refused' : error.code === 'ECONNRESET' ? 'connection reset by the server' : error.message }));
    socket.once('close', () => {
      const flight = readServerFlight(received, Boolean(options.wantCertificates));
      finish(flight.hello || flight.alert || flight.error ? flight : { failure: received.length ? 'the server closed the connection mid-answer' : 'the server closed the connection without answering' });
    });
  });
}
