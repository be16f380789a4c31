// Change control (OPS-11 [S1]): changes are tested before release; a pipeline that runs the tests is the repository's own evidence.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'repo-tests-run-in-ci',
    title: 'A CI pipeline runs the tests',
    domain: 'repo',
    severity: 'low',
    controls: ['OPS-11', 'OPS-12'],
    appliesTo: [],
    description: 'Looks in GitHub Actions workflows, Azure Pipelines, GitLab CI and Bitbucket Pipelines of the repository for a step that runs a test suite (npm/yarn/pnpm test, dotnet test, pytest, mvn/gradle test, go test). Only a repository root is judged; the change-approval records themselves remain documents.',
    remediation: 'Add a pipeline that runs the test suite on every pull request and before every release, and make its success a merge requirement.',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security'],
    messages: {
      missing: 'No CI pipeline in the repository runs the tests',
    },
  },
  run(inventory, context) {
    if (!inventory.repository) return context.notApplicable('the scanned folder is not a repository root (no .git)');
    if (inventory.repository.testRuns.length === 0) context.report({ messageId: 'missing', data: {}, key: 'tests' });
  },
});
