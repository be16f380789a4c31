#!/usr/bin/env node
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { isKnownError, UsageError } from '../engine/errors.ts';
import { toolVersion } from '../util/package-files.ts';
import { CHECKS_HELP, CONTROLS_HELP, EXPLAIN_HELP, runChecksList, runControlsList, runExplain } from './commands/checks.ts';
import { CONNECTIVITY_HELP, runConnectivity } from './commands/connectivity.ts';
import { DATA_HELP, runData } from './commands/data.ts';
import { PERMISSIONS_HELP, runPermissions } from './commands/permissions.ts';
import { PROBE_HELP, runProbe } from './commands/probe.ts';
import { SCAN_HELP, runScan } from './commands/scan.ts';
import { processIo, type CliIo } from './io.ts';

const MAIN_HELP = `m365cert: Microsoft 365 Certification readiness for Teams apps, Office add-ins, SPFx
solutions, Copilot agents and Entra ID SaaS apps.

Usage: m365cert <command> [options]

Commands:
  scan [folder]         scan an app and report the certification controls (default command)
  permissions [folder]  Microsoft Graph permissions: requested, needed, unused, reducible, missing
  connectivity [folder] hosts outside Microsoft 365, public endpoints, penetration-test scope
  probe <target…>       live TLS and HTTP checks of endpoints (the only command that uses the network)
  checks                list the checks
  controls              list the certification controls
  explain <id>          explain a check or a control
  data <action>         status, update or import of the knowledge data

Run m365cert <command> --help for a command's options. m365cert --version prints the version.`;

const HELP: Record<string, string> = { scan: SCAN_HELP, permissions: PERMISSIONS_HELP, connectivity: CONNECTIVITY_HELP, probe: PROBE_HELP, checks: CHECKS_HELP, controls: CONTROLS_HELP, explain: EXPLAIN_HELP, data: DATA_HELP };
const COMMANDS = Object.keys(HELP);

const OPTIONS = {
  format: { type: 'string', short: 'f' },
  output: { type: 'string', short: 'o' },
  config: { type: 'string', short: 'c' },
  'data-dir': { type: 'string' },
  baseline: { type: 'string' },
  'fail-on': { type: 'string' },
  'fail-on-not-assessed': { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  timing: { type: 'boolean' },
  json: { type: 'boolean' },
  mirror: { type: 'string' },
  fix: { type: 'boolean' },
  'dry-run': { type: 'boolean' },
  har: { type: 'string', multiple: true },
  scope: { type: 'string', multiple: true },
  snapshot: { type: 'string' },
  'from-snapshot': { type: 'string' },
  sni: { type: 'string' },
  concurrency: { type: 'string' },
  timeout: { type: 'string' },
  probe: { type: 'boolean' },
  'probe-target': { type: 'string', multiple: true },
  only: { type: 'string' },
  for: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Runs the CLI and returns the exit code; never calls process.exit, so tests can call it directly. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  try {
    let parsed;
    try {
      parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
    } catch (error) {
      throw new UsageError((error as Error).message);
    }
    const { values, positionals } = parsed;
    if (values.version) {
      io.stdout.write(`${toolVersion()}\n`);
      return 0;
    }
    const command = positionals[0] && COMMANDS.includes(positionals[0]) ? positionals[0] : undefined;
    const rest = command ? positionals.slice(1) : positionals;
    if (values.help) {
      io.stdout.write(`${command ? HELP[command] : MAIN_HELP}\n`);
      return 0;
    }
    if (!command && positionals.length === 0 && argv.length === 0) {
      io.stdout.write(`${MAIN_HELP}\n`);
      return 0;
    }
    switch (command ?? 'scan') {
      case 'scan':
        return await runScan(rest, values, io);
      case 'permissions':
        return await runPermissions(rest, values, io);
      case 'connectivity':
        return await runConnectivity(rest, values, io);
      case 'probe':
        return await runProbe(rest, values, io);
      case 'checks':
        return runChecksList(values, io);
      case 'controls':
        return runControlsList(values, io);
      case 'explain':
        return runExplain(rest, io);
      case 'data':
        return await runData(rest, values, io);
    }
    return 2;
  } catch (error) {
    if (isKnownError(error)) {
      io.stderr.write(`m365cert: ${error.message}\n${error instanceof UsageError ? 'Run m365cert --help for usage.\n' : ''}`);
      return 2;
    }
    io.stderr.write(`m365cert: internal error: ${(error as Error)?.stack ?? String(error)}\n`);
    return 2;
  }
}

function isEntryPoint(): boolean {
  if (!process.argv[1]) return false;
  try {
    return realpathSync(process.argv[1]) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (isEntryPoint()) {
  // `m365cert scan . | head`: a reader that stops early is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  main(process.argv.slice(2)).then((code) => {
    process.exitCode = code;
  });
}
