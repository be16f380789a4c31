// Secure development (OPS-12 [S1]): every change reviewed by a second person; CODEOWNERS names who reviews what.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'repo-code-owners',
    title: 'Code owners are named for review',
    domain: 'repo',
    severity: 'info',
    controls: ['OPS-12'],
    appliesTo: [],
    description: 'Looks for a CODEOWNERS file with at least one owner rule (root, .github/, docs/ or .gitlab/). Branch protection that requires the review lives in the hosting service and stays a screenshot or export for the assessor.',
    remediation: 'Add a CODEOWNERS file naming the reviewers of each part of the code, and require code-owner review in the branch protection of the main branch.',
    references: ['https://docs.github.com/repositories/managing-your-repositorys-settings-and-features/customizing-your-repository/about-code-owners'],
    messages: {
      missing: 'No CODEOWNERS file with an owner rule in the repository',
    },
  },
  run(inventory, context) {
    if (!inventory.repository) return context.notApplicable('the scanned folder is not a repository root (no .git)');
    if (!inventory.repository.codeOwners) context.report({ messageId: 'missing', data: {}, key: 'codeowners' });
  },
});
