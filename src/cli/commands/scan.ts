import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadConfig } from '../../config/config.ts';
import { UsageError } from '../../engine/errors.ts';
import { scan, type ScanOptions } from '../../engine/scan.ts';
import { parseTarget, TargetError } from '../../probe/index.ts';
import { probeOptions } from './probe.ts';
import { SEVERITIES, type ScanResult, type Severity } from '../../engine/types.ts';
import { resolveDataDir } from '../../knowledge/data-dir.ts';
import { blockingFindings, summaryLine } from '../../report/common.ts';
import { FILE_NAMES, FORMATS, render, type Format } from '../../report/index.ts';
import { shouldColor } from '../../report/terminal.ts';
import type { Check } from '../../engine/define-check.ts';
import type { Inventory } from '../../extract/inventory.ts';
import type { CliIo } from '../io.ts';
import { progressReporter } from '../progress.ts';

export const SCAN_HELP = `Usage: m365cert scan [folder] [options]

Scans the app in <folder> (default: the current folder): finds its manifests, runs the checks and
shows the Microsoft 365 Certification controls with their status.

Options:
  -f, --format <list>       terminal (default), json, sarif, html, md, junit, cyclonedx (SBOM);
                            several separated by commas
  -o, --output <path>       write to this file (one format) or into this folder (several formats)
  -c, --config <file>       configuration file (default: <folder>/m365cert.config.json)
      --data-dir <dir>      knowledge data directory (default: $M365CERT_DATA_DIR, then the user cache)
      --baseline <file>     a previous JSON report: mark findings new / unchanged and list the fixed ones
      --har <file>          recorded traffic (HAR, e.g. from Dev Proxy or the browser): its Graph requests
                            count as observed calls
      --probe               also probe the live endpoints (network): the config's "endpoints", every
                            --probe-target, and the publisher's HTTPS hosts found in the tree
      --probe-target <url>  an endpoint to probe (repeatable; implies --probe for that target)
      --fail-on <severity>  exit 1 for findings at or above: critical, high (default), medium, low, info
      --fail-on-not-assessed  exit 1 when a check could not assess
  -q, --quiet               findings and the summary only; no progress
      --timing              after the scan, print on stderr the time of each stage and the slowest checks
  -h, --help                this help

Exit codes: 0 nothing at or above the threshold, 1 findings at or above it (or not assessed with
--fail-on-not-assessed), 2 usage, configuration or tool error (including a crashed check).`;

export interface ScanFlags {
  format?: string;
  output?: string;
  config?: string;
  'data-dir'?: string;
  baseline?: string;
  'fail-on'?: string;
  'fail-on-not-assessed'?: boolean;
  quiet?: boolean;
  timing?: boolean;
  fix?: boolean;
  'dry-run'?: boolean;
  har?: string[];
  probe?: boolean;
  'probe-target'?: string[];
  concurrency?: string;
  timeout?: string;
}

/** What distinguishes `permissions` (and later `connectivity`, `probe`) from `scan`: the checks run and the terminal view. */
export interface CommandVariant {
  command: string;
  checks?: readonly Check[];
  terminalPreamble?: (result: ScanResult, color: boolean) => string;
  /** Runs after the reports are written, with the inventory the scan built; may change the exit code. */
  after?: (inventory: Inventory, result: ScanResult, exitCode: number) => number;
}

export async function runScan(positionals: string[], flags: ScanFlags, io: CliIo, variant: CommandVariant = { command: 'scan' }): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`${variant.command} takes one folder, got ${positionals.length}: ${positionals.join(' ')}`);
  const root = positionals[0] ?? '.';
  const formats = parseFormats(flags.format);
  const failOn = parseSeverity(flags['fail-on']);
  if (formats.length > 1 && !flags.output) throw new UsageError('several formats need --output <folder>');
  const config = loadConfig(path.resolve(root), flags.config);
  const progress = flags.quiet ? undefined : progressReporter(io.stderr);
  let inventory: Inventory | undefined;
  const stages: [string, number][] = [];
  const result = await scan({
    root,
    config,
    dataDir: resolveDataDir(flags['data-dir'], io.env),
    baselineFile: flags.baseline,
    failOn,
    checks: variant.checks,
    command: variant.command,
    harFiles: flags.har,
    ...probeRequest(flags, config.endpoints),
    onProgress: progress?.update,
    onInventory: (built) => void (inventory = built),
    onStage: flags.timing ? (stage, milliseconds) => stages.push([stage, milliseconds]) : undefined,
  });
  progress?.done();
  if (flags.timing) io.stderr.write(timingReport(stages, result));
  writeReports(result, formats, flags, io, variant.terminalPreamble);
  const exitCode = exitCodeOf(result, flags['fail-on-not-assessed'] ?? config.failOnNotAssessed);
  return variant.after && inventory ? variant.after(inventory, result, exitCode) : exitCode;
}

/**
 * `--timing`: where a scan spends its time, to find what makes it slow on a given tree. Code is parsed on
 * threads (started at `threads`) while the main thread runs the stages up to runtimes; `code` is the wait after them.
 */
export function timingReport(stages: readonly [string, number][], result: ScanResult): string {
  const slowest = [...result.checkRuns].sort((a, b) => b.durationMs - a.durationMs).slice(0, 5);
  const width = Math.max(...stages.map(([stage]) => stage.length + 2), ...slowest.map((run) => run.checkId.length + 4)) + 2;
  const row = (name: string, milliseconds: number) => `${name.padEnd(width)}${(milliseconds / 1000).toFixed(2).padStart(8)}`;
  return [
    'Timing (seconds; code is parsed on threads meanwhile from threads to code)',
    ...stages.map(([stage, milliseconds]) => row(`  ${stage}`, milliseconds)),
    row('  checks', result.checkRuns.reduce((sum, run) => sum + run.durationMs, 0)),
    ...slowest.map((run) => row(`    ${run.checkId}`, run.durationMs)),
    row('  total', result.summary.durationMs),
    '',
  ].join('\n');
}

/** `--probe` / `--probe-target`: the targets to probe live, and whether the tree's own hosts are added. */
function probeRequest(flags: ScanFlags, endpoints: readonly string[]): Pick<ScanOptions, 'probe'> {
  const explicit = flags['probe-target'] ?? [];
  if (!flags.probe && !explicit.length) return {};
  try {
    return { probe: { targets: [...(flags.probe ? endpoints : []), ...explicit].map((target) => parseTarget(target)), fromInventory: Boolean(flags.probe), options: probeOptions(flags) } };
  } catch (error) {
    if (error instanceof TargetError) throw new UsageError(error.message);
    throw error;
  }
}

/** 2 when a check crashed (the result is incomplete), 1 for blocking findings or, when asked, anything not assessed. */
export function exitCodeOf(result: ScanResult, failOnNotAssessed: boolean): number {
  if (result.checkRuns.some((run) => run.status === 'error')) return 2;
  if (blockingFindings(result).length > 0) return 1;
  if (failOnNotAssessed && (result.checkRuns.some((run) => run.status === 'not-assessed') || result.controls.some((control) => control.status === 'not-assessed'))) return 1;
  return 0;
}

export function writeReports(result: ScanResult, formats: Format[], flags: Pick<ScanFlags, 'output' | 'quiet'>, io: CliIo, preamble?: CommandVariant['terminalPreamble']): void {
  const color = shouldColor(io.stdout, io.env);
  if (!flags.output) {
    if (formats[0] === 'terminal' && preamble) io.stdout.write(preamble(result, color));
    io.stdout.write(render(formats[0]!, result, { color, quiet: flags.quiet || Boolean(preamble) }));
    return;
  }
  const target = path.resolve(flags.output);
  const intoFolder = formats.length > 1 || (existsSync(target) && statSync(target).isDirectory()) || flags.output.endsWith('/');
  if (intoFolder) mkdirSync(target, { recursive: true });
  else mkdirSync(path.dirname(target), { recursive: true });
  for (const format of formats) {
    const file = intoFolder ? path.join(target, FILE_NAMES[format]) : target;
    writeFileSync(file, render(format, result, { color: false, quiet: flags.quiet }));
    if (!flags.quiet) io.stderr.write(`wrote ${path.relative(process.cwd(), file) || file}\n`);
  }
  if (!formats.includes('terminal')) io.stdout.write(`Summary: ${summaryLine(result)}\n`);
}

export function parseFormats(value: string | undefined): Format[] {
  if (!value) return ['terminal'];
  const formats = value.split(',').map((format) => format.trim().toLowerCase()).filter(Boolean).map((format) => (format === 'markdown' ? 'md' : format));
  const unknown = formats.filter((format) => !(FORMATS as readonly string[]).includes(format));
  if (unknown.length) throw new UsageError(`unknown format ${unknown.join(', ')}; use ${FORMATS.join(', ')}`);
  return [...new Set(formats)] as Format[];
}

export function parseSeverity(value: string | undefined): Severity | undefined {
  if (value === undefined) return undefined;
  if (!(SEVERITIES as readonly string[]).includes(value)) throw new UsageError(`--fail-on takes ${SEVERITIES.join(', ')}; got "${value}"`);
  return value as Severity;
}
