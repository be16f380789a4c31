import { check } from './repo-tests-run-in-ci.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';

checkTester(check, {
  valid: [
    { name: 'a GitHub workflow running npm test', files: { '.git/HEAD': 'ref: refs/heads/main\n', '.github/workflows/ci.yml': 'on: [pull_request]\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: npm ci\n      - run: npm test\n' } },
    { name: 'Azure Pipelines with the DotNetCoreCLI test task', files: { '.git/HEAD': 'ref: refs/heads/main\n', 'azure-pipelines.yml': 'steps:\n- task: DotNetCoreCLI@2\n  inputs:\n    command: test\n    projects: "**/*Tests.csproj"\n' } },
  ],
  invalid: [{ name: 'a workflow that only builds', files: { '.git/HEAD': 'ref: refs/heads/main\n', '.github/workflows/build.yml': 'jobs:\n  build:\n    steps:\n      - run: npm run build\n      # - run: npm test\n' }, findings: [{ messageId: 'missing', file: '', line: 0 }] }],
  notApplicable: [{ name: 'a folder that is not a repository root', files: { '.github/workflows/build.yml': 'jobs: {}\n' } }],
});
