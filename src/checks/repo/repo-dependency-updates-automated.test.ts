import { check } from './repo-dependency-updates-automated.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';

checkTester(check, {
  valid: [
    { name: 'Dependabot for npm', files: { '.git/HEAD': 'ref: refs/heads/main\n', '.github/dependabot.yml': 'version: 2\nupdates:\n  - package-ecosystem: npm\n    directory: /\n    schedule:\n      interval: weekly\n' } },
    { name: 'Renovate in package.json', files: { '.git/HEAD': 'ref: refs/heads/main\n', 'package.json': '{ "name": "app", "renovate": { "extends": ["config:recommended"] } }\n' } },
  ],
  invalid: [{ name: 'neither', files: { '.git/HEAD': 'ref: refs/heads/main\n', 'package.json': '{ "name": "app" }\n' }, findings: [{ messageId: 'missing', file: '', line: 0 }] }],
  notApplicable: [{ name: 'a folder that is not a repository root', files: { 'package.json': '{ "name": "app" }\n' } }],
});
