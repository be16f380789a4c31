// Patch management (OPS-4/OPS-5 [S1]): dependencies are kept current within the patch windows; update automation is the repository's evidence of the process.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'repo-dependency-updates-automated',
    title: 'Dependency updates are automated',
    domain: 'repo',
    severity: 'low',
    controls: ['OPS-5'],
    appliesTo: [],
    description: 'Looks for Dependabot (.github/dependabot.yml with an ecosystem) or Renovate (renovate.json, .renovaterc, a "renovate" key in package.json) in the repository. Only a repository root is judged.',
    remediation: 'Enable Dependabot version and security updates (or Renovate) for every package ecosystem the app uses, so fixes arrive within the patch windows.',
    references: ['https://docs.github.com/code-security/dependabot', 'https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security'],
    messages: {
      missing: 'No Dependabot or Renovate configuration in the repository',
    },
  },
  run(inventory, context) {
    if (!inventory.repository) return context.notApplicable('the scanned folder is not a repository root (no .git)');
    if (inventory.repository.dependencyUpdates.length === 0) context.report({ messageId: 'missing', data: {}, key: 'dependency-updates' });
  },
});
