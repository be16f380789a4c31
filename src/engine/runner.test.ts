import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Inventory } from '../extract/inventory.ts';
import { defineCheck, type Check } from './define-check.ts';
import { runChecks } from './runner.ts';
import { applySuppressions, compareWithBaseline, maskFindings } from './triage.ts';
import type { Finding } from './types.ts';

const inventory: Inventory = { root: '/r', files: [], manifests: [], apps: [], missingData: new Map([['graph-permissions', 'Microsoft Graph permissions not found in /d']]) };

function testCheck(id: string, run: Check['run'], extra: Partial<Check['meta']> = {}): Check {
  return defineCheck({
    meta: {
      id,
      title: 'Something holds',
      domain: 'manifest',
      severity: 'high',
      controls: ['APP-BASE'],
      appliesTo: [],
      description: 'A check used to test the runner.',
      remediation: 'Fix it.',
      references: [],
      messages: { bad: 'Bad {{thing}} here', other: 'Other' },
      ...extra,
    },
    run,
  }) as Check;
}

describe('engine/runner', () => {
  it('records a crashing check as an error against itself and runs the others', () => {
    const crashing = testCheck('manifest-crashes', () => {
      throw new TypeError('cannot read x of undefined');
    });
    const reporting = testCheck('manifest-reports', (_inventory, context) => context.report({ messageId: 'bad', data: { thing: 'value' }, at: { file: 'a.json', line: 3 } }));
    const { findings, runs } = runChecks([crashing, reporting], inventory);
    assert.deepEqual(runs.map((run) => [run.checkId, run.status, run.findingCount]), [['manifest-crashes', 'error', 0], ['manifest-reports', 'fail', 1]]);
    assert.equal(runs[0]?.reason, 'the check crashed: cannot read x of undefined');
    assert.equal(findings[0]?.message, 'Bad value here');
    for (const run of runs) assert.ok(run.durationMs >= 0);
  });

  it('treats an unknown message id as a crash of that check', () => {
    const { runs } = runChecks([testCheck('manifest-typo', (_i, context) => context.report({ messageId: 'missing' as 'bad' }))], inventory);
    assert.equal(runs[0]?.status, 'error');
  });

  it('says "not assessed" with the fixing command when knowledge data is missing', () => {
    let ran = false;
    const { runs } = runChecks([testCheck('manifest-needs-data', () => void (ran = true), { needsData: ['graph-permissions'] })], inventory);
    assert.equal(ran, false);
    assert.equal(runs[0]?.status, 'not-assessed');
    assert.match(runs[0]?.reason ?? '', /Microsoft Graph permissions not found.*m365cert data update/);
  });

  it('is not applicable when no manifest of its kinds exists, and passes when it reports nothing', () => {
    const { runs } = runChecks([testCheck('manifest-spfx-only', () => {}, { appliesTo: ['spfx-solution'] }), testCheck('manifest-quiet', () => {})], inventory);
    assert.deepEqual(runs.map((run) => run.status), ['not-applicable', 'pass']);
  });

  it('keeps fingerprints stable when lines move, and distinct for different keys', () => {
    const at = (line: number) => testCheck('manifest-fp', (_i, context) => context.report({ messageId: 'other', at: { file: 'm.json', line }, key: '/validDomains/0' }));
    const first = runChecks([at(3)], inventory).findings[0]!;
    const moved = runChecks([at(30)], inventory).findings[0]!;
    assert.equal(first.fingerprint, moved.fingerprint);
    const other = runChecks([testCheck('manifest-fp', (_i, c) => c.report({ messageId: 'other', at: { file: 'm.json', line: 3 }, key: '/validDomains/1' }))], inventory).findings[0]!;
    assert.notEqual(first.fingerprint, other.fingerprint);
  });
});

function finding(checkId: string, file: string, fingerprint: string): Finding {
  return { checkId, messageId: 'm', message: `msg ${fingerprint}`, severity: 'high', location: { file, line: 1 }, evidence: [], fingerprint };
}

describe('engine/triage', () => {
  it('suppresses by check, path glob and fingerprint, and an expired suppression stops working and says so', () => {
    const findings = [finding('a-check', 'appPackage/manifest.json', 'f1'), finding('a-check', 'other/manifest.json', 'f2'), finding('b-check', 'x.json', 'f3'), finding('c-check', 'y.json', 'f4')];
    const problems = applySuppressions(
      findings,
      [
        { check: 'a-check', path: 'appPackage/**', reason: 'Accepted by the security team', owner: 'sec@contoso.com', expires: '2027-01-01' },
        { check: 'b-check', fingerprint: 'f3', reason: 'Known false positive' },
        { check: 'c-check', reason: 'Was accepted until last year', owner: 'ops', expires: '2026-01-31' },
      ],
      '2026-11-28',
    );
    assert.deepEqual(findings.map((f) => f.suppressed?.reason ?? null), ['Accepted by the security team', null, 'Known false positive', null]);
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.kind, 'suppression-expired');
    assert.match(problems[0]?.message ?? '', /c-check.*owner ops.*expired on 2026-01-31/);
  });

  it('marks findings new or unchanged against a baseline and lists the fixed ones', () => {
    const findings = [finding('a', 'f', 'same'), finding('a', 'f', 'brand-new')];
    const fixed = compareWithBaseline(findings, [{ checkId: 'a', fingerprint: 'same', message: 'x' }, { checkId: 'a', fingerprint: 'gone', message: 'was here' }]);
    assert.deepEqual(findings.map((f) => f.baselineState), ['unchanged', 'new']);
    assert.deepEqual(fixed, [{ checkId: 'a', fingerprint: 'gone', message: 'was here' }]);
  });

  it('masks sensitive evidence everywhere it appears, and credentials in URLs', () => {
    const secret = 'Q~8Q8.a1b2c3d4e5f6g7h8i9j0kLmNoPqRsTuVwXyZ';
    const f: Finding = {
      ...finding('s', 'env', 'x'),
      message: `client secret ${secret} in .env; endpoint https://admin:hunter2@api.contoso.com/x`,
      evidence: [{ label: 'value', value: secret, sensitive: true }, { label: 'url', value: 'https://admin:hunter2@api.contoso.com/x' }],
    };
    maskFindings([f]);
    const everything = JSON.stringify(f);
    assert.equal(everything.includes(secret), false);
    assert.equal(everything.includes('hunter2'), false);
    assert.match(f.evidence[0]!.value, /^Q~8Q\*+$/);
    assert.match(f.message, /https:\/\/\*\*\*@api\.contoso\.com/);
  });
});
