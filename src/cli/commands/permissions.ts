import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { styleText } from 'node:util';
import { UsageError } from '../../engine/errors.ts';
import type { ScanResult } from '../../engine/types.ts';
import type { Inventory } from '../../extract/inventory.ts';
import { planPermissionFixes } from '../../fix/permissions-fix.ts';
import { unifiedDiff } from '../../fix/text-diff.ts';
import { ALL_CHECKS } from '../../checks/index.gen.ts';
import { renderPermissionsTable } from '../../report/permissions.ts';
import type { CliIo } from '../io.ts';
import { runScan, type ScanFlags } from './scan.ts';

export const PERMISSIONS_HELP = `Usage: m365cert permissions [folder] [options]

Lists, per app, every Microsoft Graph permission requested (where it is declared) and its verdict —
needed (with the calls that need it: the justification table the assessor asks for), unused, reducible
(with the lower permission), high-risk without a justification — plus calls that no requested permission
covers and calls that could not be resolved. Runs the Graph checks only, and gathers only what they read (code
that may call Graph; no secrets, lockfiles or history); same formats and exit codes as scan.

Options:
  -f, --format <list>       terminal (default), json, sarif, html, md, junit
  -o, --output <path>       file (one format) or folder (several)
  -c, --config <file>       configuration file (permissions.justifications records justifications)
      --data-dir <dir>      knowledge data directory
      --har <file>          recorded traffic (HAR; Dev Proxy can write one): its Graph requests are observed calls
      --fail-on <severity>  exit 1 for findings at or above it (default high)
      --fix                 rewrite Entra manifests, aad.manifest.json and SPFx package-solution.json to the
                            least-privileged set (unused removed, reducible replaced); shows the diff first.
                            Scope lists in code and missing permissions are reported, never edited.
      --dry-run             with --fix: show the diff, write nothing
  -q, --quiet               no progress
      --timing              after the scan, print on stderr the time of each stage and the slowest checks
  -h, --help                this help`;

export function runPermissions(positionals: string[], flags: ScanFlags, io: CliIo): Promise<number> {
  if (flags['dry-run'] && !flags.fix) throw new UsageError('--dry-run goes with --fix');
  return runScan(positionals, flags, io, {
    command: 'permissions',
    checks: ALL_CHECKS.filter((check) => check.meta.domain === 'graph'),
    terminalPreamble: (result, color) => renderPermissionsTable(result, (style, text) => (color ? styleText(style, text, { validateStream: false }) : text)),
    after: flags.fix ? (inventory, result, exitCode) => applyFixes(inventory, result, exitCode, Boolean(flags['dry-run']), io) : undefined,
  });
}

function applyFixes(inventory: Inventory, result: ScanResult, exitCode: number, dryRun: boolean, io: CliIo): number {
  if (!inventory.graphIndex || !inventory.graph) {
    io.stderr.write('m365cert: --fix needs the Graph permission data; run m365cert data update\n');
    return 2;
  }
  const plan = planPermissionFixes(inventory, inventory.graph.analysis, inventory.graphIndex);
  const out = io.stdout;
  if (plan.fixes.length === 0) {
    // Declarations m365cert does not edit (code, AppCreationScripts, configuration) may still need changes.
    out.write(plan.reported.length ? '\nNothing m365cert rewrites itself; change these by hand:\n' : '\nNothing to rewrite: the manifests already request the least-privileged set m365cert can determine.\n');
  }
  for (const fix of plan.fixes) {
    out.write(`\n${fix.changes.map((change) => `# ${change}`).join('\n')}\n${unifiedDiff(fix.file, fix.before, fix.after)}`);
    if (!dryRun) writeFileSync(path.join(result.root, fix.file), fix.after);
  }
  for (const line of plan.reported) out.write(`not edited: ${line}\n`);
  if (plan.fixes.length) out.write(dryRun ? `\n${plan.fixes.length} file(s) would change (dry run: nothing written).\n` : `\nRewrote ${plan.fixes.length} file(s). Re-run m365cert permissions to check the result, then consent again in Entra ID.\n`);
  return exitCode;
}
