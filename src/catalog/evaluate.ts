import type { Check } from '../engine/define-check.ts';
import type { CheckRun, ControlResult, Finding } from '../engine/types.ts';
import { CONTROLS, type Control } from './controls.ts';

/** Check ids per control, derived from the checks' own metadata. */
export function checksByControl(checks: readonly Check[]): Map<string, string[]> {
  const map = new Map<string, string[]>(CONTROLS.map((control) => [control.id, []]));
  for (const check of checks) for (const id of check.meta.controls) map.get(id)?.push(check.meta.id);
  return map;
}

/**
 * A control's status, derived from the runs of the checks that support it. A control is "passed" only
 * when it is fully automated and every supporting check ran and passed; everything a tool cannot decide
 * stays "manual" with the evidence still needed — never a silent pass.
 */
export function evaluateControls(checks: readonly Check[], runs: readonly CheckRun[], findings: readonly Finding[]): ControlResult[] {
  const supporting = checksByControl(checks);
  const runById = new Map(runs.map((run) => [run.checkId, run]));
  return CONTROLS.map((control) => {
    const checkIds = supporting.get(control.id) ?? [];
    const open = findings.filter((finding) => !finding.suppressed && checkIds.includes(finding.checkId));
    const base = { id: control.id, domain: control.domain, title: control.title, mode: control.mode, checks: checkIds, findingCount: open.length, evidenceExpected: control.evidence };
    const failing = [...new Set(open.map((finding) => finding.checkId))];
    return { ...base, ...statusOf(control, checkIds.map((id) => runById.get(id)).filter((run): run is CheckRun => Boolean(run)), open.length, failing) };
  });
}

function statusOf(control: Control, runs: CheckRun[], openFindings: number, failingChecks: string[]): Pick<ControlResult, 'status' | 'reason'> {
  const documents = `evidence needed: ${control.evidence.join('; ')}`;
  if (control.mode === 'manual' || runs.length === 0) {
    return { status: 'manual', reason: `${control.optional ? 'Optional. ' : ''}No automated check covers this control yet; ${documents}.` };
  }
  if (openFindings > 0) {
    return { status: 'failed', reason: `${openFindings} open finding(s) from ${failingChecks.join(', ')}.` };
  }
  const errored = runs.filter((run) => run.status === 'error');
  if (errored.length) return { status: 'error', reason: `check(s) crashed: ${errored.map((run) => `${run.checkId} (${run.reason})`).join('; ')}.` };
  const notAssessed = runs.filter((run) => run.status === 'not-assessed');
  if (notAssessed.length) return { status: 'not-assessed', reason: notAssessed.map((run) => `${run.checkId}: ${run.reason}`).join('; ') };
  const ran = runs.filter((run) => run.status === 'pass' || run.status === 'fail');
  if (ran.length === 0) {
    return { status: 'manual', reason: `The automated checks do not apply to this tree (${runs.map((run) => run.checkId).join(', ')}); ${documents}.` };
  }
  if (control.mode === 'partial') {
    return { status: 'manual', reason: `Automated checks passed (${ran.map((run) => run.checkId).join(', ')}); still ${documents}.` };
  }
  return { status: 'passed', reason: `Every supporting check passed (${ran.map((run) => run.checkId).join(', ')}).` };
}
