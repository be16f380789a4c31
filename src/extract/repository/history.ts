import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * Review and signature evidence from the local git history: the main line's recent commits (first parent
 * only, so the commits inside a merged branch count through their merge), each classified as arriving
 * through a pull/merge request, carrying a review trailer, or pushed directly.
 */

export type ArrivedVia = 'pull-request' | 'review-trailer' | 'direct';

export interface HistoryCommit {
  hash: string;
  subject: string;
  author: string;
  date: string;
  parents: number;
  via: ArrivedVia;
  /** A signature is present (GPG, SSH or X.509); `verified` when git could verify it with the keys it has. */
  signed: boolean;
  verified: boolean;
}

export interface HistoryEvidence {
  branch: string;
  /** The clone holds only part of the history (CI clones are often shallow). */
  shallow: boolean;
  commits: HistoryCommit[];
}

const FIELD = '\x1f';
const RECORD = '\x1e';

/** Subjects and committers that mark a commit as merged through a pull or merge request, per hosting service. */
const PULL_REQUEST_SUBJECT = [
  /^Merge pull request #\d+/, // GitHub merge commit
  /\(#\d+\)\s*$/, // GitHub squash and rebase merges
  /^Merged PR \d+:/, // Azure DevOps
  /^Merge branch '.+' into '.+'/, // GitLab merge request (with "See merge request" in the body)
  /^Pull request #\d+:/, // Bitbucket
];
const REVIEW_TRAILER = /^(Reviewed-by|Approved-by|Reviewed-on):/im;

export function classifyCommit(subject: string, body: string): ArrivedVia {
  if (PULL_REQUEST_SUBJECT.some((pattern) => pattern.test(subject)) || /See merge request /.test(body)) return 'pull-request';
  if (REVIEW_TRAILER.test(body)) return 'review-trailer';
  // Anything else, a merge of another branch without a request reference included, changed the main line directly.
  return 'direct';
}

/** Hashes of the commits whose raw object carries a signature header (read in one `git cat-file --batch`). */
function signedCommits(root: string, hashes: string[]): Promise<Set<string>> {
  return new Promise((resolve) => {
    const child = spawn('git', ['-c', 'safe.directory=*', '-C', root, 'cat-file', '--batch'], { stdio: ['pipe', 'pipe', 'ignore'] });
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => child.kill(), 30_000);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', () => resolve(new Set()));
    child.on('close', () => {
      clearTimeout(timer);
      const signed = new Set<string>();
      const text = Buffer.concat(chunks).toString('utf8');
      // Each object: "<hash> commit <size>\n<headers>\n\n<message>"; signature headers come before the blank line.
      for (const match of text.matchAll(/^([0-9a-f]{40,64}) commit \d+\n([\s\S]*?)\n\n/gm)) {
        if (/^(gpgsig|gpgsig-sha256) /m.test(match[2]!)) signed.add(match[1]!);
      }
      resolve(signed);
    });
    child.stdin.end(hashes.join('\n') + '\n');
  });
}

export async function readHistory(root: string, limit: number): Promise<HistoryEvidence | { error: string }> {
  const git = (args: string[]) => run('git', ['-c', 'safe.directory=*', '-C', root, ...args], { timeout: 30_000, maxBuffer: 64 * 1024 * 1024, encoding: 'utf8' });
  try {
    const branch = (await git(['rev-parse', '--abbrev-ref', 'HEAD'])).stdout.trim();
    const shallow = (await git(['rev-parse', '--is-shallow-repository'])).stdout.trim() === 'true';
    // %G? verifies with the keys this machine has; whether a signature exists at all is read from the objects.
    const format = ['%H', '%P', '%G?', '%an', '%aI', '%s', '%b'].join(FIELD) + RECORD;
    const { stdout } = await git(['log', '--first-parent', `--max-count=${limit}`, `--format=${format}`]);
    const commits = stdout.split(RECORD).map((record) => record.replace(/^\n/, '')).filter(Boolean).map((record) => {
      const [hash = '', parents = '', signature = 'N', author = '', date = '', subject = '', body = ''] = record.split(FIELD);
      const parentCount = parents.split(' ').filter(Boolean).length;
      return { hash, subject, author, date, parents: parentCount, via: classifyCommit(subject, body), signed: false, verified: signature === 'G' || signature === 'U' };
    });
    const signed = await signedCommits(root, commits.map((commit) => commit.hash));
    for (const commit of commits) commit.signed = signed.has(commit.hash) || commit.verified;
    return { branch, shallow, commits };
  } catch (error) {
    const failure = error as NodeJS.ErrnoException & { stderr?: string };
    if (failure.code === 'ENOENT') return { error: 'git is not installed' };
    const message = (failure.stderr ?? failure.message).trim().split('\n')[0] ?? 'git failed';
    return { error: /does not have any commits|unknown revision|bad default revision/.test(message) ? 'the repository has no commits yet' : `git: ${message}` };
  }
}
