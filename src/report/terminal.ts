import { styleText } from 'node:util';
import { pentestLine } from './connectivity.ts';
import { dependencyLine } from './dependencies.ts';
import type { ControlStatus, ScanResult, Severity } from '../engine/types.ts';
import { CONTROL_STATUS_LABEL, appLine, controlsByDomain, formatLocation, openFindings, summaryLine } from './common.ts';

export interface TerminalOptions {
  color: boolean;
  quiet?: boolean;
}

type Style = Parameters<typeof styleText>[0];

const SEVERITY_STYLE: Record<Severity, Style> = { critical: ['bold', 'red'], high: 'red', medium: 'yellow', low: 'cyan', info: 'gray' };
const STATUS_STYLE: Record<ControlStatus, Style> = {
  passed: 'green',
  failed: ['bold', 'red'],
  'not-assessed': 'yellow',
  manual: 'blue',
  'not-applicable': 'gray',
  error: ['bold', 'magenta'],
};
const STATUS_MARK: Record<ControlStatus, string> = { passed: '✔', failed: '✘', 'not-assessed': '?', manual: '✎', 'not-applicable': '–', error: '!' };

/** Whether to colour: only on a TTY, never with NO_COLOR (Node 20's styleText checks neither). */
export function shouldColor(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(stream.isTTY) && !('NO_COLOR' in env && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

export function renderTerminal(result: ScanResult, options: TerminalOptions): string {
  // We decide about colour ourselves (TTY, NO_COLOR); styleText must not second-guess it against process.stdout.
  const paint = (style: Style, text: string) => (options.color ? styleText(style, text, { validateStream: false }) : text);
  const lines: string[] = [];
  const findings = openFindings(result);

  if (!options.quiet) {
    lines.push(paint('bold', `m365cert ${result.tool.version} — ${result.command} of ${result.root}`), '');
    lines.push(paint('bold', 'Apps found'));
    if (result.apps.length === 0) lines.push('  none: no Teams, Office add-in, SPFx, Entra, Agents Toolkit or Copilot manifest in this tree');
    for (const app of result.apps) {
      lines.push(`  • ${appLine(app)}`);
      for (const manifest of app.manifests) lines.push(paint('gray', `      ${manifest.file}  ${manifest.kind}${manifest.version ? ` ${manifest.version}` : ''}`));
    }
    lines.push('');
  }

  lines.push(paint('bold', `Findings (${findings.length})`));
  if (findings.length === 0) lines.push('  none');
  for (const finding of findings) {
    const tag = paint(SEVERITY_STYLE[finding.severity], finding.severity.toUpperCase().padEnd(8));
    const state = finding.baselineState === 'new' ? paint('bold', ' [new]') : '';
    lines.push(`  ${tag} ${finding.checkId}  ${paint('underline', formatLocation(finding.location))}${state}`);
    lines.push(`           ${finding.message}`);
    for (const evidence of finding.evidence) lines.push(paint('gray', `           ${evidence.label}: ${evidence.value}`));
    if (finding.fix && !options.quiet) lines.push(paint('gray', `           fix: ${finding.fix}`));
  }
  const suppressed = result.findings.filter((finding) => finding.suppressed);
  if (suppressed.length && !options.quiet) {
    lines.push(paint('gray', `  ${suppressed.length} suppressed: ${suppressed.map((finding) => `${finding.checkId} (${finding.suppressed?.reason})`).join('; ')}`));
  }
  lines.push('');

  if (!options.quiet) {
    lines.push(paint('bold', 'Certification controls'));
    for (const group of controlsByDomain(result)) {
      lines.push(`  ${paint('bold', group.title)}`);
      for (const control of group.controls) {
        const status = paint(STATUS_STYLE[control.status], `${STATUS_MARK[control.status]} ${CONTROL_STATUS_LABEL[control.status]}`.padEnd(24));
        lines.push(`    ${status} ${control.id.padEnd(9)} ${control.title}`);
        if (control.status !== 'manual' && control.status !== 'passed') lines.push(paint('gray', `${' '.repeat(38)}${control.reason}`));
      }
    }
    lines.push('');
    const notAssessed = result.checkRuns.filter((run) => run.status === 'not-assessed' || run.status === 'error');
    if (notAssessed.length) {
      lines.push(paint('bold', 'Checks not assessed'));
      for (const run of notAssessed) lines.push(`  ${paint(run.status === 'error' ? 'magenta' : 'yellow', run.status.padEnd(13))} ${run.checkId}: ${run.reason}`);
      lines.push('');
    }
    if (result.problems.length) {
      lines.push(paint('bold', `Could not read or parse (${result.problems.length})`));
      for (const problem of result.problems) {
        const where = problem.file ? `${problem.file}${problem.line ? `:${problem.line}${problem.column ? `:${problem.column}` : ''}` : ''}: ` : '';
        lines.push(`  ${problem.kind.padEnd(19)} ${where}${problem.message}`);
      }
      lines.push('');
    }
    const pentest = pentestLine(result);
    if (pentest && result.command !== 'connectivity') lines.push(pentest, '');
    const dependencies = dependencyLine(result);
    if (dependencies && result.command === 'scan') lines.push(dependencies, '');
    if (result.baseline) lines.push(`Baseline ${result.baseline.file}: ${result.findings.filter((f) => f.baselineState === 'new').length} new, ${result.baseline.fixed.length} fixed`, '');
  }
  lines.push(`${paint('bold', 'Summary:')} ${summaryLine(result)}`);
  return `${lines.join('\n')}\n`;
}
