import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { SourceFile } from '../../sources/source-file.ts';
import type { SourceRef } from '../graph/types.ts';
import { parseBranchProtection, type BranchProtection } from './branch-protection.ts';
import { readHistory, type HistoryEvidence } from './history.ts';

/**
 * What the repository itself shows about change control and secure development: CI pipelines that run
 * tests, automated dependency updates (Dependabot, Renovate), code owners for review. Read only when the
 * scanned folder is a repository root (it has a .git entry): a subfolder says nothing about its repository.
 */
export interface RepositoryEvidence {
  /** Pipeline steps that run tests. */
  testRuns: (SourceRef & { pipeline: string; command: string })[];
  dependencyUpdates: { tool: 'Dependabot' | 'Renovate'; file: string }[];
  codeOwners?: string;
  /** The main line's recent history, or why it could not be read. */
  history: HistoryEvidence | { error: string };
  /** Branch protection from an exported settings file (config repository.branchProtection) or .github/settings.yml. */
  branchProtection?: BranchProtection | { error: string; file: string };
}

export interface RepositoryOptions {
  /** Exported branch protection, relative to the scanned folder. */
  branchProtection?: string;
  historyCommits: number;
}

const PIPELINE = /(^|\/)(\.github\/workflows\/[^/]+\.ya?ml|azure-pipelines[\w.-]*\.ya?ml|\.gitlab-ci\.yml|\.azure-pipelines\/[^/]+\.ya?ml|bitbucket-pipelines\.yml)$/i;
/** Commands that run a test suite, in the languages m365cert reads. */
const TEST_COMMAND = /\b(npm (run )?test|npm run test:\w+|yarn test|pnpm (run )?test|npx (jest|vitest|mocha|playwright test)|dotnet test|pytest|python -m (pytest|unittest)|mvn (-\S+ )*(test|verify)|gradle(w)? (test|check)|go test)\b|command:\s*['"]?test['"]?|DotNetCoreCLI@\d[\s\S]{0,200}?command:\s*['"]?test/i;
const RENOVATE = /(^|\/)(renovate\.json5?|\.renovaterc(\.json5?)?|\.github\/renovate\.json5?|\.gitlab\/renovate\.json5?)$/i;
const CODEOWNERS = /^(CODEOWNERS|\.github\/CODEOWNERS|docs\/CODEOWNERS|\.gitlab\/CODEOWNERS)$/;

export async function repositoryEvidence(root: string, files: readonly SourceFile[], options: RepositoryOptions): Promise<RepositoryEvidence | undefined> {
  if (!existsSync(path.join(root, '.git'))) return undefined;
  const evidence: RepositoryEvidence = { testRuns: [], dependencyUpdates: [], history: await readHistory(root, options.historyCommits) };
  evidence.branchProtection = readBranchProtection(root, files, options.branchProtection);
  for (const file of files) {
    if (PIPELINE.test(file.path)) {
      file.text.split('\n').forEach((line, index) => {
        const match = TEST_COMMAND.exec(line);
        if (match && !line.trim().startsWith('#')) evidence.testRuns.push({ file: file.path, line: index + 1, pipeline: file.path, command: match[0].trim() });
      });
    }
    if (/(^|\/)\.github\/dependabot\.ya?ml$/.test(file.path) && /package-ecosystem/.test(file.text)) evidence.dependencyUpdates.push({ tool: 'Dependabot', file: file.path });
    if (RENOVATE.test(file.path) || (/(^|\/)package\.json$/.test(file.path) && !file.path.includes('/') && /"renovate"\s*:/.test(file.text))) evidence.dependencyUpdates.push({ tool: 'Renovate', file: file.path });
    if (CODEOWNERS.test(file.path) && /^[^#\s].*\s@/m.test(file.text)) evidence.codeOwners = file.path;
  }
  return evidence;
}

/** The configured export wins; otherwise settings-as-code in the tree, when it protects a branch. */
function readBranchProtection(root: string, files: readonly SourceFile[], configured: string | undefined): RepositoryEvidence['branchProtection'] {
  if (configured) {
    const file = path.resolve(root, configured);
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      return { error: `could not be read: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, file: configured };
    }
    const parsed = parseBranchProtection(text, configured);
    return 'error' in parsed ? { ...parsed, file: configured } : parsed;
  }
  const settings = files.find((file) => file.path === '.github/settings.yml' || file.path === '.github/settings.yaml');
  if (!settings || !/protection:/.test(settings.text)) return undefined;
  const parsed = parseBranchProtection(settings.text, settings.path);
  return 'error' in parsed ? { ...parsed, file: settings.path } : parsed;
}
