import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Check } from '../engine/define-check.ts';
import type { CheckRun, Finding } from '../engine/types.ts';
import { evaluateControls } from './evaluate.ts';

const check = (id: string, controls: string[]) => ({ meta: { id, controls } }) as unknown as Check;
const run = (checkId: string, status: CheckRun['status'], reason?: string): CheckRun => ({ checkId, status, reason, durationMs: 1, findingCount: status === 'fail' ? 1 : 0 });
const finding = (checkId: string, suppressed = false): Finding => ({
  checkId, messageId: 'm', message: 'x', severity: 'high', evidence: [], fingerprint: '0'.repeat(32), ...(suppressed ? { suppressed: { reason: 'accepted' } } : {}),
});
const statusOf = (id: string, checks: Check[], runs: CheckRun[], findings: Finding[] = []) => evaluateControls(checks, runs, findings).find((control) => control.id === id)!;

describe('catalog/evaluate', () => {
  it('a control with no check is "manual evidence needed", never passed', () => {
    const control = statusOf('OPS-2', [], []);
    assert.equal(control.status, 'manual');
    assert.match(control.reason, /No automated check covers this control yet; evidence needed: AV\/EDR policy/);
  });
  it('an automated control passes only when its checks ran and passed', () => {
    const checks = [check('a', ['APP-BASE']), check('b', ['APP-BASE'])];
    assert.equal(statusOf('APP-BASE', checks, [run('a', 'pass'), run('b', 'pass')]).status, 'passed');
    assert.equal(statusOf('APP-BASE', checks, [run('a', 'pass'), run('b', 'fail')], [finding('b')]).status, 'failed');
    assert.equal(statusOf('APP-BASE', checks, [run('a', 'pass'), run('b', 'error', 'boom')]).status, 'error');
    const notAssessed = statusOf('APP-BASE', checks, [run('a', 'pass'), run('b', 'not-assessed', 'schema missing')]);
    assert.equal(notAssessed.status, 'not-assessed');
    assert.match(notAssessed.reason, /b: schema missing/);
  });
  it('suppressed findings do not fail a control', () => {
    assert.equal(statusOf('APP-BASE', [check('b', ['APP-BASE'])], [run('b', 'fail')], [finding('b', true)]).status, 'passed');
  });
  it('a partly automated control whose checks pass still asks for documents', () => {
    const control = statusOf('DATA-8', [check('p', ['DATA-8'])], [run('p', 'pass')]);
    assert.equal(control.status, 'manual');
    assert.match(control.reason, /Automated checks passed \(p\); still evidence needed/);
  });
  it('checks that do not apply leave the control to manual evidence', () => {
    assert.equal(statusOf('APP-1', [check('x', ['APP-1'])], [run('x', 'not-applicable')]).status, 'manual');
  });
});
