import { styleText } from 'node:util';
import { ALL_CHECKS } from '../../checks/index.gen.ts';
import { renderPermissionsTable } from '../../report/permissions.ts';
import type { CliIo } from '../io.ts';
import { runScan, type ScanFlags } from './scan.ts';

export const PERMISSIONS_HELP = `Usage: m365cert permissions [folder] [options]

Lists, per app, every Microsoft Graph permission requested (where it is declared) and its verdict —
needed (with the calls that need it: the justification table the assessor asks for), unused, reducible
(with the lower permission), high-risk without a justification — plus calls that no requested permission
covers and calls that could not be resolved. Runs the Graph checks only; same formats and exit codes as scan.

Options:
  -f, --format <list>       terminal (default), json, sarif, html, md, junit
  -o, --output <path>       file (one format) or folder (several)
  -c, --config <file>       configuration file (permissions.justifications records justifications)
      --data-dir <dir>      knowledge data directory
      --fail-on <severity>  exit 1 for findings at or above it (default high)
  -q, --quiet               no progress
  -h, --help                this help`;

export function runPermissions(positionals: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  return runScan(positionals, flags, io, {
    command: 'permissions',
    checks: ALL_CHECKS.filter((check) => check.meta.domain === 'graph'),
    terminalPreamble: (result, color) => renderPermissionsTable(result, (style, text) => (color ? styleText(style, text, { validateStream: false }) : text)),
  });
}
