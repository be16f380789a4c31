import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { check } from './repo-changes-reviewed.ts';
import { metaProblems } from '../../engine/define-check.ts';
import { runChecks } from '../../engine/runner.ts';
import { buildInventory } from '../../engine/scan.ts';
import { loadConfig } from '../../config/config.ts';
import { loadProject } from '../../sources/project.ts';
import { readHistory } from '../../extract/repository/history.ts';
import { requireSharedData, tempDir } from '../../../test/harness/paths.ts';

/** A real repository: `git` commits with the given subjects (and bodies), on a branch named main. */
function repository(t: { after: (fn: () => void) => void }, commits: { subject: string; body?: string; signed?: boolean }[]): string {
  const root = tempDir(t);
  const git = (...args: string[]) => execFileSync('git', ['-c', 'safe.directory=*', '-C', root, ...args], { encoding: 'utf8', env: { ...process.env, GIT_AUTHOR_NAME: 'Ada', GIT_AUTHOR_EMAIL: 'ada@contoso.com', GIT_COMMITTER_NAME: 'Ada', GIT_COMMITTER_EMAIL: 'ada@contoso.com', GIT_CONFIG_NOSYSTEM: '1', HOME: root } }).trim();
  git('init', '--quiet', '--initial-branch=main');
  commits.forEach((commit, index) => {
    writeFileSync(path.join(root, 'file.txt'), `change ${index}\n`);
    git('add', 'file.txt');
    git('commit', '--quiet', '--no-gpg-sign', '-m', commit.subject, ...(commit.body ? ['-m', commit.body] : []));
    if (commit.signed) {
      // Re-create the commit with a signature header: presence is what m365cert reads (verification needs the keys).
      const raw = git('cat-file', 'commit', 'HEAD');
      const [headers, ...message] = raw.split('\n\n');
      const signed = `${headers}\ngpgsig -----BEGIN SSH SIGNATURE-----\n U1NIU0lHAAAAAQ==\n -----END SSH SIGNATURE-----\n\n${message.join('\n\n')}\n`;
      const hash = execFileSync('git', ['-c', 'safe.directory=*', '-C', root, 'hash-object', '-t', 'commit', '-w', '--stdin'], { input: signed, encoding: 'utf8' }).trim();
      git('update-ref', 'HEAD', hash);
    }
  });
  return root;
}

async function run(root: string) {
  const sources = await loadProject({ root, include: [], exclude: [], maxFileBytes: 5 * 1024 * 1024, respectGitignore: true });
  const inventory = await buildInventory(root, sources, requireSharedData(), loadConfig(root), []);
  return { inventory, ...runChecks([check], inventory) };
}

describe('repo-changes-reviewed', () => {
  it('has valid metadata', () => assert.deepEqual(metaProblems(check.meta), []));

  it('valid: every change after the first arrived through a pull request or with a review trailer', async (t) => {
    const root = repository(t, [
      { subject: 'Initial commit' },
      { subject: 'Add the tab (#12)' },
      { subject: 'Merged PR 481: Tighten Graph scopes' },
      { subject: 'Fix the bot endpoint', body: 'Reviewed-by: Grace <grace@contoso.com>' },
      { subject: 'Merge pull request #14 from contoso/feature' },
    ]);
    const { findings, runs } = await run(root);
    assert.deepEqual(findings, []);
    assert.equal(runs[0]!.status, 'pass', runs[0]!.reason);
  });

  it('invalid: direct pushes are counted and named; signatures are counted', async (t) => {
    const root = repository(t, [{ subject: 'Initial commit' }, { subject: 'Add the tab (#12)', signed: true }, { subject: 'hotfix on main' }, { subject: 'quick change', signed: true }]);
    const { findings, runs, inventory } = await run(root);
    assert.equal(runs[0]!.status, 'fail');
    assert.equal(findings.length, 1);
    assert.match(findings[0]!.message, /^2 of the last 4 commits on main arrived without a pull request or review trailer \(e\.g\. [0-9a-f]{8} "quick change" by Ada; [0-9a-f]{8} "hotfix on main" by Ada\); 2 of 4 are signed$/);
    const history = inventory.repository!.history;
    assert.ok(!('error' in history));
    assert.deepEqual(history.commits.map((commit) => `${commit.via}${commit.signed ? ' signed' : ''}`), ['direct signed', 'direct', 'pull-request signed', 'direct']);
  });

  it('not assessed: a repository without commits; not applicable: no .git', async (t) => {
    const empty = repository(t, []);
    assert.equal((await run(empty)).runs[0]!.status, 'not-assessed');
    assert.deepEqual(await readHistory(empty, 10), { error: 'the repository has no commits yet' });
    const plain = tempDir(t);
    writeFileSync(path.join(plain, 'a.txt'), 'x\n');
    assert.equal((await run(plain)).runs[0]!.status, 'not-applicable');
  });
});
