import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CvssError, scoreVector } from './cvss.ts';

describe('CVSS scoring', () => {
  it('v3.1 and v3.0 base scores (specification examples)', () => {
    const cases: [string, number, string][] = [
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 9.8, 'critical'],
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:H', 10, 'critical'],
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N', 6.1, 'medium'],
      ['CVSS:3.1/AV:L/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H', 7.8, 'high'],
      ['CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:N/A:N', 5.9, 'medium'],
      ['CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N', 1.6, 'low'],
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:N/A:N', 0, 'none'],
    ];
    for (const [vector, score, band] of cases) assert.deepEqual([scoreVector(vector).score, scoreVector(vector).band], [score, band], vector);
  });

  it('v4.0 base scores through the macrovector table', () => {
    assert.equal(scoreVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N').score, 9.3);
    assert.equal(scoreVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:H/SI:H/SA:H').score, 10);
    assert.equal(scoreVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:N/VI:N/VA:N/SC:N/SI:N/SA:N').score, 0);
    const lower = scoreVector('CVSS:4.0/AV:L/AC:H/AT:P/PR:H/UI:A/VC:L/VI:N/VA:N/SC:N/SI:N/SA:N');
    assert.ok(lower.score > 0 && lower.score < 4, `a local, hard, low-impact flaw scores low (${lower.score})`);
    assert.ok(scoreVector('CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/E:U').score < 9.3, 'unreported exploitation lowers the score');
  });

  it('v2 base scores', () => {
    assert.equal(scoreVector('AV:N/AC:L/Au:N/C:P/I:P/A:P').score, 7.5);
    assert.equal(scoreVector('(AV:N/AC:M/Au:N/C:N/I:P/A:N)').score, 4.3);
  });

  it('malformed vectors are refused with the reason', () => {
    for (const [vector, reason] of [
      ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', /A missing/],
      ['CVSS:3.1/AV:X/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /AV:X is not a valid value/],
      ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N/ZZ:1', /unknown metric ZZ/],
      ['CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', /given twice/],
      ['HIGH', /not a CVSS vector/],
    ] as const) assert.throws(() => scoreVector(vector), (error: unknown) => error instanceof CvssError && reason.test((error as Error).message), vector);
  });
});
