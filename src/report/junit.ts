import type { ScanResult } from '../engine/types.ts';
import { CONTROL_STATUS_LABEL, formatLocation } from './common.ts';

/**
 * JUnit XML for CI dashboards: one suite of checks (failure = findings, skipped = not assessed or not
 * applicable, error = crashed) and one suite of certification controls.
 */
export function renderJunit(result: ScanResult): string {
  const checkCases = result.checkRuns.map((run) => {
    const findings = result.findings.filter((finding) => finding.checkId === run.checkId && !finding.suppressed);
    const name = attr(run.checkId);
    const time = (run.durationMs / 1000).toFixed(3);
    if (run.status === 'error') return `    <testcase classname="m365cert.checks" name="${name}" time="${time}"><error message="${attr(run.reason ?? 'crashed')}"/></testcase>`;
    if (findings.length) {
      const body = findings.map((finding) => `${finding.severity} ${formatLocation(finding.location)} ${finding.message}`).join('\n');
      return `    <testcase classname="m365cert.checks" name="${name}" time="${time}"><failure message="${attr(`${findings.length} finding(s)`)}" type="findings">${text(body)}</failure></testcase>`;
    }
    if (run.status === 'not-assessed' || run.status === 'not-applicable') {
      return `    <testcase classname="m365cert.checks" name="${name}" time="${time}"><skipped message="${attr(`${run.status}: ${run.reason ?? ''}`)}"/></testcase>`;
    }
    return `    <testcase classname="m365cert.checks" name="${name}" time="${time}"/>`;
  });
  const controlCases = result.controls.map((control) => {
    const name = attr(`${control.id} ${control.title}`);
    const classname = `m365cert.controls.${control.domain}`;
    if (control.status === 'failed' || control.status === 'error') {
      return `    <testcase classname="${classname}" name="${name}"><failure message="${attr(CONTROL_STATUS_LABEL[control.status])}" type="${control.status}">${text(control.reason)}</failure></testcase>`;
    }
    if (control.status === 'passed') return `    <testcase classname="${classname}" name="${name}"/>`;
    return `    <testcase classname="${classname}" name="${name}"><skipped message="${attr(`${CONTROL_STATUS_LABEL[control.status]}: ${control.reason}`)}"/></testcase>`;
  });
  const count = (cases: string[], tag: string) => cases.filter((line) => line.includes(`<${tag}`)).length;
  const suite = (name: string, cases: string[]) =>
    `  <testsuite name="${name}" tests="${cases.length}" failures="${count(cases, 'failure')}" errors="${count(cases, 'error')}" skipped="${count(cases, 'skipped')}" timestamp="${attr(result.startedAt.replace(/Z$/, ''))}">\n${cases.join('\n')}\n  </testsuite>`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="m365cert" tests="${checkCases.length + controlCases.length}" failures="${count(checkCases, 'failure') + count(controlCases, 'failure')}" errors="${count(checkCases, 'error')}">`,
    suite('m365cert checks', checkCases),
    suite('m365cert certification controls', controlCases),
    '</testsuites>',
    '',
  ].join('\n');
}

function attr(value: string): string {
  return text(value).replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
}

/** XML text: escapes markup and drops characters XML 1.0 cannot carry. */
function text(value: string): string {
  return value
    .replace(/[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}
