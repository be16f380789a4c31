import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { ALL_CHECKS } from '../../checks/index.gen.ts';
import { UsageError } from '../../engine/errors.ts';
import { pentestScope, pentestScopeMarkdown, renderConnectivityTable } from '../../report/connectivity.ts';
import type { CliIo } from '../io.ts';
import { runScan, type ScanFlags } from './scan.ts';

export const CONNECTIVITY_HELP = `Usage: m365cert connectivity [folder] [options]

Lists every host the app connects to, serves or declares — who operates it (Microsoft, the publisher,
a named third party, unknown), why it is contacted, and the file:line that shows it — from code (JS/TS,
C#, Python, Java, PowerShell), configuration, manifests, OpenAPI files, ARM/Bicep/Terraform and served
HTML; the app's public endpoints and API routes; and whether the certification's penetration test is
required, with the reasons. Runs the connectivity checks only; same formats and exit codes as scan.

Options:
  -f, --format <list>       terminal (default), json, sarif, html, md, junit
  -o, --output <path>       file (one format) or folder (several)
      --scope <file>        also write the penetration-test scope document (.md or .json; repeatable)
  -c, --config <file>       configuration file (connectivity.publisherDomains, connectivity.hosts)
      --data-dir <dir>      knowledge data directory
      --har <file>          recorded traffic (HAR): every request is an observed connection
      --fail-on <severity>  exit 1 for findings at or above it (default high)
  -q, --quiet               no progress
      --timing              after the scan, print on stderr the time of each stage and the slowest checks
  -h, --help                this help`;

export function runConnectivity(positionals: string[], flags: ScanFlags & { scope?: string[] }, io: CliIo): Promise<number> {
  for (const file of flags.scope ?? []) if (!/\.(md|json)$/i.test(file)) throw new UsageError(`--scope ${file}: give a .md or .json file`);
  return runScan(positionals, flags, io, {
    command: 'connectivity',
    checks: ALL_CHECKS.filter((check) => check.meta.domain === 'connectivity'),
    terminalPreamble: (result, color) => renderConnectivityTable(result, (style, text) => (color ? styleText(style, text, { validateStream: false }) : text)),
    after: flags.scope?.length
      ? (_inventory, result, exitCode) => {
          const scope = pentestScope(result);
          for (const file of flags.scope!) {
            mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
            writeFileSync(file, /\.json$/i.test(file) ? `${JSON.stringify(scope, null, 2)}\n` : pentestScopeMarkdown(scope));
            if (!flags.quiet) io.stderr.write(`wrote ${file}\n`);
          }
          return exitCode;
        }
      : undefined,
  });
}
