import { check } from './deps-vulnerabilities-overdue.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { osvRecord, packageLock } from '../../../test/harness/osv-fixtures.ts';

const ADVISORIES = {
  'osv/npm/GHSA-test-0001.json': osvRecord('GHSA-test-0001', 'npm', 'left-pad-fixture', [{ introduced: '0' }, { fixed: '1.3.1' }], { published: '2026-09-01T00:00:00Z', aliases: ['CVE-2026-0001'], severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
  'osv/npm/GHSA-test-0002.json': osvRecord('GHSA-test-0002', 'npm', 'no-fix-fixture', [{ introduced: '0' }], { published: '2026-08-01T00:00:00Z', database_specific: { severity: 'HIGH' } }),
};
const NOW = '2026-11-28T00:00:00Z';

checkTester(check, {
  valid: [
    { name: 'the patched version', files: { 'package-lock.json': packageLock({ 'left-pad-fixture': '1.3.1' }) }, data: ADVISORIES, now: NOW },
    { name: 'a critical fix released 10 days ago is inside its 14-day window', files: { 'package-lock.json': packageLock({ 'left-pad-fixture': '1.3.0' }) }, data: ADVISORIES, now: '2026-09-11T00:00:00Z' },
  ],
  invalid: [
    {
      name: 'a critical fix available 88 days and a high flaw without fix for 119 days',
      files: { 'package-lock.json': packageLock({ 'left-pad-fixture': '1.3.0', 'no-fix-fixture': '1.0.0' }) },
      data: ADVISORIES,
      now: NOW,
      findings: [{ messageId: 'overdue', file: 'package-lock.json', line: 16 }, { messageId: 'noFix', file: 'package-lock.json', line: 19 }],
    },
  ],
  notAssessed: [{ name: 'no advisories in the data directory', files: { 'package-lock.json': packageLock({ 'left-pad-fixture': '1.3.0' }) }, reason: 'm365cert data update --for .' }],
  notApplicable: [{ name: 'no lockfile', files: { 'src/index.js': 'console.log(1);\n' } }],
});
