import { check } from './deps-vulnerabilities-open.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { osvRecord } from '../../../test/harness/osv-fixtures.ts';

const ADVISORIES = {
  'osv/PyPI/PYSEC-TEST-1.json': osvRecord('PYSEC-TEST-1', 'PyPI', 'fixture-lib', [{ introduced: '0' }, { fixed: '2.0.1' }], { published: '2026-11-18T00:00:00Z', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
  'osv/PyPI/PYSEC-TEST-2.json': osvRecord('PYSEC-TEST-2', 'PyPI', 'fixture-low', [{ introduced: '0' }, { fixed: '1.1' }], { published: '2026-01-01T00:00:00Z', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:P/AC:H/PR:H/UI:R/S:U/C:L/I:N/A:N' }] }),
};

checkTester(check, {
  valid: [{ name: 'no vulnerable version', files: { 'requirements.txt': 'fixture-lib==2.0.1\nfixture-low==1.1\n' }, data: ADVISORIES, now: '2026-11-28T00:00:00Z' }],
  invalid: [{
    name: 'a critical fix 10 days old and a low one without window',
    files: { 'requirements.txt': 'Fixture_Lib==2.0.0\nfixture-low==1.0\n' },
    data: ADVISORIES,
    now: '2026-11-28T00:00:00Z',
    findings: [{ messageId: 'withinWindow', file: 'requirements.txt', line: 1 }, { messageId: 'noWindow', file: 'requirements.txt', line: 2 }],
  }],
  notApplicable: [{ name: 'only unpinned requirements', files: { 'requirements.txt': 'fixture-lib>=2\n' } }],
});
