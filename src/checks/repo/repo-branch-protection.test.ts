import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { check } from './repo-branch-protection.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { parseBranchProtection } from '../../extract/repository/branch-protection.ts';

const GIT = { '.git/HEAD': 'ref: refs/heads/main\n' };
const CONFIG = { 'm365cert.config.json': '{ "repository": { "branchProtection": "settings/main-protection.json" } }\n' };
const GITHUB_GOOD = JSON.stringify({
  required_status_checks: { strict: true, contexts: ['ci/test'] },
  enforce_admins: { enabled: true },
  required_pull_request_reviews: { dismiss_stale_reviews: true, require_code_owner_reviews: true, required_approving_review_count: 1 },
  required_signatures: { enabled: false },
  allow_force_pushes: { enabled: false },
  allow_deletions: { enabled: false },
});

checkTester(check, {
  valid: [
    { name: 'GitHub protection with one approval, admins included, no force push', files: { ...GIT, ...CONFIG, 'settings/main-protection.json': GITHUB_GOOD } },
    { name: 'protection kept as code in .github/settings.yml', files: { ...GIT, '.github/settings.yml': 'branches:\n  - name: main\n    protection:\n      required_pull_request_reviews:\n        required_approving_review_count: 2\n      enforce_admins: true\n      required_status_checks: { strict: true, contexts: [build] }\n      restrictions: null\n' } },
  ],
  invalid: [
    {
      name: 'no review required, admins exempt, force pushes allowed',
      files: { ...GIT, ...CONFIG, 'settings/main-protection.json': JSON.stringify({ required_status_checks: null, enforce_admins: { enabled: false }, allow_force_pushes: { enabled: true } }) },
      findings: [{ messageId: 'noReview', file: '', line: 0 }, { messageId: 'adminBypass', file: '', line: 0 }, { messageId: 'forcePush', file: '', line: 0 }],
    },
    { name: 'an export that is not JSON', files: { ...GIT, ...CONFIG, 'settings/main-protection.json': '<html>login</html>' }, findings: [{ messageId: 'unreadable', file: '', line: 0 }] },
  ],
  notAssessed: [{ name: 'no export given', files: { ...GIT }, reason: 'repository.branchProtection' }],
  notApplicable: [{ name: 'not a repository root', files: { ...CONFIG, 'settings/main-protection.json': GITHUB_GOOD } }],
});

describe('branch-protection exports', () => {
  it('GitHub rulesets: pull_request rule, bypass actors, non_fast_forward', () => {
    const ruleset = { name: 'main', target: 'branch', enforcement: 'active', bypass_actors: [{ actor_type: 'RepositoryRole', actor_id: 5 }], conditions: { ref_name: { include: ['~DEFAULT_BRANCH'] } }, rules: [{ type: 'pull_request', parameters: { required_approving_review_count: 1, require_code_owner_review: true } }, { type: 'non_fast_forward' }, { type: 'required_status_checks', parameters: {} }] };
    assert.deepEqual(parseBranchProtection(JSON.stringify([ruleset, { ...ruleset, enforcement: 'disabled', rules: [{ type: 'required_signatures' }] }]), 'rulesets.json'), {
      format: 'github-ruleset', file: 'rulesets.json', branch: '~DEFAULT_BRANCH', requiredApprovals: 1, codeOwnerReview: true, statusChecks: true, enforcedForAdmins: false, forcePushBlocked: true, signaturesRequired: false,
    });
  });

  it('Azure DevOps policy configurations: reviewers (the creator\'s vote not counted), build validation', () => {
    const policies = { count: 2, value: [
      { isEnabled: true, isBlocking: true, type: { displayName: 'Minimum number of reviewers' }, settings: { minimumApproverCount: 2, creatorVoteCounts: true, scope: [{ refName: 'refs/heads/main' }] } },
      { isEnabled: true, isBlocking: true, type: { displayName: 'Build' }, settings: { buildDefinitionId: 7, scope: [{ refName: 'refs/heads/main' }] } },
    ] };
    const parsed = parseBranchProtection(JSON.stringify(policies), 'policies.json');
    assert.ok(!('error' in parsed));
    assert.deepEqual([parsed.requiredApprovals, parsed.statusChecks, parsed.enforcedForAdmins, parsed.branch], [1, true, true, 'refs/heads/main']);
  });

  it('unknown shapes and hostile input are errors, not passes', () => {
    assert.match((parseBranchProtection('{"message":"Not Found"}', 'p.json') as { error: string }).error, /not a branch-protection export m365cert knows/);
    assert.match((parseBranchProtection('[1,2,3]', 'p.json') as { error: string }).error, /not a branch-protection export m365cert knows/);
    assert.match((parseBranchProtection('a: &a [*a, *a]\nb: [*a,*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'.repeat(1), 'settings.yml') as { error: string }).error, /not/);
    assert.match((parseBranchProtection('{'.repeat(100_000), 'p.json') as { error: string }).error, /not valid JSON/);
  });
});
