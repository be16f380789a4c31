import { check } from './deps-versions-locked.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { packageLock } from '../../../test/harness/osv-fixtures.ts';

checkTester(check, {
  valid: [
    { name: 'package.json with its lockfile', files: { 'package.json': '{ "dependencies": { "express": "^4.18.0" } }\n', 'package-lock.json': packageLock({ express: '4.18.2' }) } },
    { name: 'pinned requirements', files: { 'requirements.txt': 'django==4.2.16\n' } },
  ],
  invalid: [{
    name: 'ranges without a lockfile in two ecosystems',
    files: { 'web/package.json': '{\n  "dependencies": {\n    "express": "^4.18.0",\n    "jsonwebtoken": "~9.0.0"\n  }\n}\n', 'api/requirements.txt': 'flask>=2.0\nrequests==2.32.3\n' },
    findings: [{ messageId: 'unlocked', file: 'web/package.json', line: 3 }, { messageId: 'unlocked', file: 'api/requirements.txt', line: 1 }],
  }],
  notApplicable: [{ name: 'no manifests', files: { 'README.md': '# app\n' } }],
});
