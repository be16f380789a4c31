import { check } from './repo-code-owners.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';

checkTester(check, {
  valid: [{ name: 'owners for the whole tree', files: { '.git/HEAD': 'ref: refs/heads/main\n', '.github/CODEOWNERS': '# reviewers\n* @fabrikam/app-team\n/infra/ @fabrikam/platform\n' } }],
  invalid: [{ name: 'a CODEOWNERS file with comments only', files: { '.git/HEAD': 'ref: refs/heads/main\n', 'CODEOWNERS': '# to do: name the owners\n' }, findings: [{ messageId: 'missing', file: '', line: 0 }] }],
  notApplicable: [{ name: 'a folder that is not a repository root', files: { 'CODEOWNERS': '* @fabrikam/app-team\n' } }],
});
