// Secure development and change control (OPS-12, OPS-11 [S1]): the main branch needs an approving review by someone other than the author, for everyone, and its history cannot be rewritten.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'repo-branch-protection',
    title: 'The main branch requires reviewed pull requests',
    domain: 'repo',
    severity: 'medium',
    controls: ['OPS-12', 'OPS-11'],
    appliesTo: [],
    description: 'Reads the branch protection exported from the hosting service (config repository.branchProtection: GitHub branch protection or rulesets JSON, Azure DevOps policy configurations) or kept as code in .github/settings.yml, and fails when it does not require at least one approving review, lets administrators bypass it, or allows force pushes. Without an export the control keeps needing a screenshot or export.',
    remediation: 'Require pull requests with at least one approval (and code-owner review) on the main branch, include administrators, block force pushes and deletions, and require the CI checks. Export the settings (e.g. gh api repos/OWNER/REPO/branches/main/protection > branch-protection.json) and point repository.branchProtection at the file.',
    references: ['https://docs.github.com/rest/branches/branch-protection', 'https://docs.github.com/rest/repos/rules', 'https://learn.microsoft.com/azure/devops/repos/git/branch-policies'],
    messages: {
      noReview: '{{file}}: no approving review is required before merge',
      adminBypass: '{{file}}: administrators can bypass the protection',
      forcePush: '{{file}}: force pushes to the protected branch are allowed',
      unreadable: '{{file}}: the branch-protection export could not be read: {{reason}}',
    },
  },
  run(inventory, context) {
    const repository = inventory.repository;
    if (!repository) return context.notApplicable('the scanned folder is not a repository root (no .git)');
    const protection = repository.branchProtection;
    if (!protection) return context.notAssessed('no branch-protection export: set repository.branchProtection in the config to an exported file (the hosting service holds the settings)');
    if ('error' in protection) return context.report({ messageId: 'unreadable', data: { file: protection.file, reason: protection.error }, key: 'unreadable' });
    const data = { file: protection.file };
    if (protection.requiredApprovals < 1) context.report({ messageId: 'noReview', data, key: 'review' });
    if (!protection.enforcedForAdmins) context.report({ messageId: 'adminBypass', data, key: 'admins' });
    if (!protection.forcePushBlocked && protection.format !== 'azure-devops-policies') context.report({ messageId: 'forcePush', data, key: 'force-push' });
  },
});
