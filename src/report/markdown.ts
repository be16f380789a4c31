import type { ScanResult } from '../engine/types.ts';
import { CONTROL_STATUS_LABEL, appLine, controlsByDomain, formatLocation, openFindings, summaryLine } from './common.ts';
import { hostRows, pentestLine } from './connectivity.ts';
import { dependencyLine, runtimeRows, vulnerabilityRows } from './dependencies.ts';

/** Markdown for pull-request comments: the summary first, details folded. */
export function renderMarkdown(result: ScanResult): string {
  const out: string[] = [];
  const findings = openFindings(result);
  out.push(`## m365cert: Microsoft 365 Certification readiness`, '');
  out.push(`**${cell(summaryLine(result))}**`, '');
  if (result.apps.length) out.push(`Apps: ${result.apps.map((app) => cell(appLine(app))).join('; ')}`, '');

  out.push(`### Findings (${findings.length})`, '');
  if (findings.length === 0) out.push('No open findings.', '');
  else {
    out.push('| Severity | Check | Location | Finding |', '| --- | --- | --- | --- |');
    for (const finding of findings) {
      const state = finding.baselineState === 'new' ? ' **new**' : '';
      out.push(`| ${finding.severity}${state} | \`${finding.checkId}\` | \`${cell(formatLocation(finding.location))}\` | ${cell(finding.message)} |`);
    }
    out.push('');
  }

  const pentest = pentestLine(result);
  if (pentest) {
    const hosts = hostRows(result);
    out.push('### Connections outside Microsoft 365', '', cell(pentest), '');
    if (hosts.length) {
      out.push(`<details><summary>${hosts.length} host(s), ${result.inventory?.publicEndpoints.length ?? 0} public endpoint(s)</summary>`, '');
      out.push('| Host | Operator | Service | Purpose | Where |', '| --- | --- | --- | --- | --- |');
      for (const row of hosts) out.push(`| ${cell(row.host)} | ${row.owner} | ${cell(row.service)} | ${cell(row.purpose)} | \`${cell(row.where)}\` |`);
      out.push('', '</details>', '');
    }
  }

  const dependencies = dependencyLine(result);
  if (dependencies) {
    out.push('### Dependencies and runtimes', '', cell(dependencies), '');
    const vulnerabilities = vulnerabilityRows(result);
    if (vulnerabilities.length) {
      out.push('| Package | Advisory | Severity | Fixed in | Available / window | Status | Where |', '| --- | --- | --- | --- | --- | --- | --- |');
      for (const row of vulnerabilities) out.push(`| ${cell(row.package)} | ${cell(row.ids)} | ${row.severity} | ${cell(row.fixedIn)} | ${row.age} | ${row.status} | \`${cell(row.where)}\` |`);
      out.push('');
    }
  }
  const runtimes = runtimeRows(result);
  if (runtimes.length) {
    if (!dependencies) out.push('### Dependencies and runtimes', '');
    out.push('| Runtime | Declared | Support | Where |', '| --- | --- | --- | --- |');
    for (const row of runtimes) out.push(`| ${row.runtime} | ${cell(row.declared)} | ${row.support} | \`${cell(row.where)}\` |`);
    out.push('');
  }

  out.push('### Controls', '');
  out.push('| Domain | Control | Status | Why |', '| --- | --- | --- | --- |');
  for (const group of controlsByDomain(result)) {
    for (const control of group.controls) {
      if (control.status === 'manual') continue;
      out.push(`| ${cell(group.title)} | ${control.id} ${cell(control.title)} | ${CONTROL_STATUS_LABEL[control.status]} | ${cell(control.reason)} |`);
    }
  }
  out.push('');
  const manual = result.controls.filter((control) => control.status === 'manual');
  if (manual.length) {
    out.push(`<details><summary>${manual.length} controls need manual evidence</summary>`, '');
    for (const control of manual) out.push(`- **${control.id}** ${cell(control.title)}: ${cell(control.evidenceExpected.join('; '))}`);
    out.push('', '</details>', '');
  }
  const notAssessed = result.checkRuns.filter((run) => run.status === 'not-assessed' || run.status === 'error');
  if (notAssessed.length || result.problems.length) {
    out.push(`<details><summary>Not assessed or not read (${notAssessed.length + result.problems.length})</summary>`, '');
    for (const run of notAssessed) out.push(`- \`${run.checkId}\` ${run.status}: ${cell(run.reason ?? '')}`);
    for (const problem of result.problems) out.push(`- ${problem.kind}${problem.file ? ` \`${cell(problem.file)}${problem.line ? `:${problem.line}` : ''}\`` : ''}: ${cell(problem.message)}`);
    out.push('', '</details>', '');
  }
  return `${out.join('\n')}\n`;
}

/** Text safe inside a Markdown table cell. */
function cell(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/`/g, "'").replace(/[<>]/g, (c) => (c === '<' ? '&lt;' : '&gt;')).replace(/\r?\n/g, ' ');
}
