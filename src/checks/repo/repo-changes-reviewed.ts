// Secure development (OPS-12 [S1]): every change to the main line is reviewed by someone other than its author before merge; the history shows how changes arrived.
import { defineCheck } from '../../engine/define-check.ts';

export const check = defineCheck({
  meta: {
    id: 'repo-changes-reviewed',
    title: 'Changes reach the main line through reviewed pull requests',
    domain: 'repo',
    severity: 'medium',
    controls: ['OPS-12', 'OPS-11'],
    appliesTo: [],
    description: 'Reads the recent first-parent history of the checked-out branch (config repository.historyCommits, default 200) with the local git and classifies each commit: merged through a pull or merge request (GitHub, Azure DevOps, GitLab, Bitbucket conventions), carrying a Reviewed-by/Approved-by trailer, or pushed directly. Direct commits other than the first one fail. Signed commits are counted as evidence. The approvals themselves live in the hosting service: its branch protection (repo-branch-protection) or PR export is the proof.',
    remediation: 'Protect the main branch so every change needs a pull request approved by someone other than its author, and merge only through pull requests.',
    references: ['https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security', 'https://docs.github.com/repositories/configuring-branches-and-merges-in-your-repository/managing-protected-branches/about-protected-branches'],
    messages: {
      direct: '{{count}} of the last {{total}} commits on {{branch}} arrived without a pull request or review trailer (e.g. {{examples}}); {{signed}} of {{total}} are signed',
    },
  },
  run(inventory, context) {
    const repository = inventory.repository;
    if (!repository) return context.notApplicable('the scanned folder is not a repository root (no .git)');
    const history = repository.history;
    if ('error' in history) return context.notAssessed(`the git history could not be read: ${history.error}`);
    if (history.commits.length < 2) return context.notAssessed(history.shallow ? 'the clone is shallow (fetch the history, e.g. fetch-depth: 0)' : 'the history has fewer than two commits');
    // The first commit of a repository has nothing to be reviewed against.
    const judged = history.shallow ? history.commits : history.commits.filter((commit) => commit.parents > 0);
    const direct = judged.filter((commit) => commit.via === 'direct');
    if (!direct.length) return;
    context.report({
      messageId: 'direct',
      data: {
        count: direct.length,
        total: history.commits.length,
        branch: history.branch,
        examples: direct.slice(0, 3).map((commit) => `${commit.hash.slice(0, 8)} "${commit.subject.slice(0, 60)}" by ${commit.author}`).join('; '),
        signed: history.commits.filter((commit) => commit.signed).length,
      },
      key: 'history',
    });
  },
});
