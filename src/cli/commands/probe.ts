import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { ALL_CHECKS } from '../../checks/index.gen.ts';
import { loadConfig } from '../../config/config.ts';
import { UsageError } from '../../engine/errors.ts';
import { scan } from '../../engine/scan.ts';
import { resolveDataDir } from '../../knowledge/data-dir.ts';
import { parseTarget, TargetError, type EndpointSnapshot, type ProbeOptions, type ProbeSnapshotFile, type ProbeTarget } from '../../probe/index.ts';
import { renderProbeTable } from '../../report/probes.ts';
import { toolVersion } from '../../util/package-files.ts';
import type { CliIo } from '../io.ts';
import { exitCodeOf, parseFormats, parseSeverity, writeReports, type ScanFlags } from './scan.ts';

export const PROBE_HELP = `Usage: m365cert probe <target> [<target> …] [options]

Probes live endpoints against the Microsoft 365 Certification TLS and HTTP requirements: which of TLS 1.0,
1.1, 1.2 and 1.3 each accepts, every cipher suite per version with its strength (RC4, 3DES, EXPORT, NULL and
anonymous suites included), server preference, compression, secure renegotiation, key-exchange groups, SNI,
the certificate (trust, host name, validity, key, signature, chain order, OCSP stapling), HSTS, plain HTTP
on port 80, cookies, CORS and version banners. A target is a URL, host:port, or an IP address (with --sni).
Network access happens only here and in scan --probe.

Options:
  -f, --format <list>       terminal (default), json, sarif, html, md, junit
  -o, --output <path>       file (one format) or folder (several)
      --snapshot <file>     save what was observed (JSON) for offline re-evaluation and the evidence pack
      --from-snapshot <file>  evaluate a saved snapshot instead of probing (no network)
      --sni <name>          server name to send (for IP targets)
      --concurrency <n>     endpoints probed at once (default 8)
      --timeout <ms>        per connection and per HTTP request (default 8000)
      --fail-on <severity>  exit 1 for findings at or above it (default high)
  -q, --quiet               no per-requirement table
  -h, --help                this help`;

export interface ProbeFlags extends ScanFlags {
  snapshot?: string;
  'from-snapshot'?: string;
  sni?: string;
  concurrency?: string;
  timeout?: string;
}

export async function runProbe(positionals: string[], flags: ProbeFlags, io: CliIo): Promise<number> {
  const formats = parseFormats(flags.format);
  if (formats.length > 1 && !flags.output) throw new UsageError('several formats need --output <folder>');
  if (!positionals.length && !flags['from-snapshot']) throw new UsageError('probe needs at least one target (URL, host:port or IP), or --from-snapshot <file>');
  let targets: ProbeTarget[];
  try {
    targets = positionals.map((input) => parseTarget(input, flags.sni));
  } catch (error) {
    if (error instanceof TargetError) throw new UsageError(error.message);
    throw error;
  }
  const loaded = flags['from-snapshot'] ? readSnapshot(flags['from-snapshot']) : [];
  const root = process.cwd();
  const result = await scan({
    root,
    skipTree: true,
    config: loadConfig(root, flags.config),
    dataDir: resolveDataDir(flags['data-dir'], io.env),
    command: 'probe',
    checks: ALL_CHECKS.filter((check) => check.meta.domain === 'tls' || check.meta.domain === 'http'),
    failOn: parseSeverity(flags['fail-on']),
    probeSnapshots: loaded,
    ...(targets.length ? { probe: { targets, fromInventory: false, options: probeOptions(flags) } } : {}),
  });
  if (flags.snapshot) {
    const file: ProbeSnapshotFile = { schemaVersion: '1.0.0', tool: `m365cert ${toolVersion()}`, takenAt: result.startedAt, endpoints: result.probes ?? [] };
    mkdirSync(path.dirname(path.resolve(flags.snapshot)), { recursive: true });
    writeFileSync(flags.snapshot, `${JSON.stringify(file, null, 2)}\n`);
    if (!flags.quiet) io.stderr.write(`wrote ${flags.snapshot}\n`);
  }
  writeReports(result, formats, flags, io, flags.quiet ? undefined : (scanResult, color) => renderProbeTable(scanResult, (style, text) => (color ? styleText(style, text, { validateStream: false }) : text)));
  return exitCodeOf(result, flags['fail-on-not-assessed'] ?? false);
}

export function probeOptions(flags: Pick<ProbeFlags, 'concurrency' | 'timeout'>): ProbeOptions {
  const number = (value: string | undefined, name: string, fallback: number) => {
    if (value === undefined) return fallback;
    const parsed = Number(value);
    if (!Number.isInteger(parsed) || parsed < 1) throw new UsageError(`--${name} takes a positive whole number, got "${value}"`);
    return parsed;
  };
  const timeout = number(flags.timeout, 'timeout', 8_000);
  return {
    concurrency: number(flags.concurrency, 'concurrency', 8),
    tls: { connectMs: Math.min(timeout, 5_000), answerMs: timeout, maxBytes: 256 * 1024 },
    http: { timeoutMs: timeout, maxBodyBytes: 64 * 1024, maxRedirects: 5 },
    endpointDeadlineMs: Math.max(60_000, timeout * 8),
  };
}

export function readSnapshot(file: string): EndpointSnapshot[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`--from-snapshot ${file}: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : `not valid JSON (${(error as Error).message})`}`);
  }
  const endpoints = (parsed as Partial<ProbeSnapshotFile>)?.endpoints;
  if ((parsed as Partial<ProbeSnapshotFile>)?.schemaVersion?.split('.')[0] !== '1' || !Array.isArray(endpoints) || endpoints.some((endpoint) => !endpoint || typeof endpoint !== 'object' || typeof (endpoint as EndpointSnapshot).target?.host !== 'string')) {
    throw new UsageError(`--from-snapshot ${file}: not an m365cert probe snapshot (schemaVersion 1.x with endpoints[])`);
  }
  return endpoints as EndpointSnapshot[];
}
