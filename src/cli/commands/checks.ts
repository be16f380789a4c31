import { CONTROLS, DOMAINS } from '../../catalog/controls.ts';
import { checksByControl } from '../../catalog/evaluate.ts';
import { ALL_CHECKS } from '../../checks/index.gen.ts';
import { UsageError } from '../../engine/errors.ts';
import type { CliIo } from '../io.ts';

export const CHECKS_HELP = `Usage: m365cert checks [--json]

Lists every check with its severity and the certification controls it supports.`;

export const EXPLAIN_HELP = `Usage: m365cert explain <check-id | control-id>

Explains a check (what it looks at, why it matters, how to fix it) or a certification control
(requirement, thresholds, evidence expected, supporting checks).`;

export const CONTROLS_HELP = `Usage: m365cert controls [--json]

Lists the Microsoft 365 Certification controls by domain, with their mode and supporting checks.`;

export function runChecksList(flags: { json?: boolean }, io: CliIo): number {
  const checks = ALL_CHECKS.map(({ meta }) => ({ id: meta.id, severity: meta.severity, title: meta.title, controls: meta.controls, appliesTo: meta.appliesTo }));
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(checks, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...checks.map((check) => check.id.length));
  for (const check of checks) io.stdout.write(`${check.id.padEnd(width)}  ${check.severity.padEnd(8)} ${check.title} [${check.controls.join(', ')}]\n`);
  io.stdout.write(`\n${checks.length} checks. m365cert explain <check-id> tells more.\n`);
  return 0;
}

export function runControlsList(flags: { json?: boolean }, io: CliIo): number {
  const supporting = checksByControl(ALL_CHECKS);
  const controls = CONTROLS.map((control) => ({ ...control, checks: supporting.get(control.id) ?? [] }));
  if (flags.json) {
    io.stdout.write(`${JSON.stringify(controls, null, 2)}\n`);
    return 0;
  }
  for (const domain of DOMAINS) {
    io.stdout.write(`${domain.title}\n`);
    for (const control of controls.filter((c) => c.domain === domain.id)) {
      const flagsText = [control.hardFail ? 'hard fail' : '', control.optional ? 'optional' : '', control.confidence !== 'confirmed' ? control.confidence : ''].filter(Boolean).join(', ');
      io.stdout.write(`  ${control.id.padEnd(9)} ${control.mode.padEnd(9)} ${control.title}${flagsText ? ` (${flagsText})` : ''}${control.checks.length ? `\n            checks: ${control.checks.join(', ')}` : ''}\n`);
    }
  }
  return 0;
}

export function runExplain(positionals: string[], io: CliIo): number {
  const id = positionals[0];
  if (!id || positionals.length > 1) throw new UsageError('explain takes one check id or control id (m365cert checks lists them)');
  const check = ALL_CHECKS.find(({ meta }) => meta.id === id);
  if (check) {
    const { meta } = check;
    io.stdout.write(
      [
        `${meta.id} (${meta.severity})`,
        meta.title,
        '',
        meta.description,
        '',
        `Fix: ${meta.remediation}`,
        `Controls: ${meta.controls.join(', ')}`,
        `Looks at: ${meta.appliesTo.length ? meta.appliesTo.join(', ') : 'the whole tree'}`,
        ...(meta.needsData?.length ? [`Needs knowledge data: ${meta.needsData.join(', ')}`] : []),
        `Messages:`,
        ...Object.entries(meta.messages).map(([messageId, text]) => `  ${messageId}: ${text}`),
        `References:`,
        ...meta.references.map((link) => `  ${link}`),
        '',
      ].join('\n'),
    );
    return 0;
  }
  const control = CONTROLS.find((candidate) => candidate.id.toLowerCase() === id.toLowerCase());
  if (control) {
    const checks = checksByControl(ALL_CHECKS).get(control.id) ?? [];
    io.stdout.write(
      [
        `${control.id}: ${control.title}`,
        `Domain: ${DOMAINS.find((d) => d.id === control.domain)?.title} · mode: ${control.mode}${control.hardFail ? ' · hard fail' : ''}${control.optional ? ' · optional' : ''} · ${control.confidence}`,
        '',
        control.requirement,
        '',
        ...(control.thresholds.length ? ['Thresholds:', ...control.thresholds.map((t) => `  - ${t}`)] : []),
        'Evidence expected:',
        ...control.evidence.map((e) => `  - ${e}`),
        `Checks: ${checks.length ? checks.join(', ') : 'none yet (manual evidence needed)'}`,
        `Sources: ${control.sources.join(', ')}`,
        '',
      ].join('\n'),
    );
    return 0;
  }
  throw new UsageError(`unknown check or control "${id}" (m365cert checks and m365cert controls list them)`);
}
