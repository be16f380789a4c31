import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanProblem } from '../../src/engine/types.ts';
import { extractCode } from '../../src/extract/code/index.ts';
import { extractCodeInParallel, threadExecArgv } from '../../src/extract/code/parallel.ts';
import { loadParsers } from '../../src/extract/graph/tree-sitter.ts';
import { loadProject } from '../../src/sources/project.ts';
import { tempDir, writeTree } from '../harness/paths.ts';

/** A tree big enough for threads: modules importing constants from each other, other languages, a broken file. */
function tree(): Record<string, string> {
  const files: Record<string, string> = {
    'src/config.ts': "export const GRAPH = 'https://graph.microsoft.com/v1.0';\nexport const PARTNER = 'https://api.partner-one.io';\n",
    'src/broken.ts': "export const x = fetch('https://api.partner-four.io') +;\n",
    'jobs/report.py': "import requests\nrequests.get('https://api.partner-two.io/report')\n",
    // A Python module read through an import only: the thread extracting its importer needs its text too.
    'jobs/settings/graph.py': "ENDPOINT = 'https://graph.microsoft.com/v1.0/groups'\n",
    'jobs/sync.py': "import requests\nfrom settings import graph\nrequests.get(graph.ENDPOINT)\n",
    // A C# class constant read by another class, whose file names nothing of Graph.
    'api/Shared/GraphConstants.cs': 'public static class GraphConstants { public const string Base = "https://graph.microsoft.com/v1.0"; }\n',
    'api/Reports.cs': 'class Reports { async Task Run(HttpClient http) { await http.GetStringAsync(GraphConstants.Base + "/reports/getEmailActivityCounts"); } }\n',
    'api/Client.cs': 'using System.Net.Http;\nclass C { async Task Run(HttpClient http) { await http.GetStringAsync("https://api.partner-three.io/x"); } }\n',
    // A page's script and code m365cert has no parser for are extracted on the threads too.
    'views/teams.ejs': '<script>\n  var token = <%- token %>;\n  $.ajax({ url: "https://graph.microsoft.com/v1.0/me/joinedTeams", type: "GET" });\n</script>\n',
    'tools/report.go': 'resp, _ := http.Get("https://graph.microsoft.com/v1.0/reports/getTeamsUserActivityCounts")\n',
    // A PowerShell script using the variables of the script it dot-sources (a settings script of the tree).
    'scripts/config.ps1': '$graphBaseUrl = "https://graph.microsoft.com/v1.0"\n',
    'scripts/users/Get-Users.ps1': '. ../config.ps1\n$users = Invoke-RestMethod -Uri "$graphBaseUrl/users" -Headers $headers\n',
  };
  // Big enough that a thread held to 16 MB runs out of memory on it (a thread held to less fails on Node 22 before it starts).
  files['src/bulk.ts'] = Array.from({ length: 40_000 }, (_, i) => `fetch('https://api.partner-five.io/items/${i}');`).join('\n');
  for (let i = 0; i < 90; i++) {
    files[`src/module-${i}.ts`] = `import { GRAPH, PARTNER } from './config';\nexport async function call${i}(id: string) {\n  await fetch(\`\${GRAPH}/users/\${id}/messages\`);\n  return fetch(\`\${PARTNER}/items/${i}\`);\n}\n`;
  }
  return files;
}

describe('code extraction on threads', () => {
  it('gives exactly the facts and problems of the single-threaded extraction', async (t) => {
    const root = tempDir(t);
    writeTree(root, tree());
    const sources = await loadProject({ root, include: [], exclude: [], maxFileBytes: 5 * 1024 * 1024, respectGitignore: true });
    const { parsers } = await loadParsers(['python', 'csharp']);
    const sequentialProblems: ScanProblem[] = [];
    const sequential = extractCode({ files: sources.files, apps: [], problems: sequentialProblems, parsers });
    const parallelProblems: ScanProblem[] = [];
    const parallel = await extractCodeInParallel({ files: sources.files, apps: [], problems: parallelProblems }, 2);
    assert.ok(!parallelProblems.some((problem) => /threads failed/.test(problem.message)), JSON.stringify(parallelProblems));
    assert.deepEqual(parallel, sequential);
    assert.deepEqual(parallelProblems, sequentialProblems);
    // The imported constants were followed in the threads too.
    const calls = parallel.flatMap((entry) => entry.facts.calls.map((call) => call.path));
    assert.equal(calls.filter((path) => path === '/users/{id}/messages').length, 90);
    assert.equal(calls.filter((path) => path === '/groups').length, 1);
    assert.equal(calls.filter((path) => path === '/reports/getEmailActivityCounts').length, 1);
    assert.equal(calls.filter((path) => path === '/me/joinedTeams' || path === '/reports/getTeamsUserActivityCounts').length, 2);
    assert.equal(calls.filter((path) => path === '/users').length, 1);
    assert.equal(parallelProblems.filter((problem) => problem.file === 'src/broken.ts').length, 1);

    // The caller may keep the main thread busy meanwhile: threads take their batches from a shared counter,
    // and problems arrive only when the promise settles (in file order, whatever the caller did in between).
    const busyProblems: ScanProblem[] = [];
    const pending = extractCodeInParallel({ files: sources.files, apps: [], problems: busyProblems }, 2);
    const until = Date.now() + 300;
    while (Date.now() < until) {
      // busy, as a scan reading secrets and lockfiles is
    }
    assert.equal(busyProblems.length, 0);
    assert.deepEqual(await pending, sequential);
    assert.deepEqual(busyProblems, sequentialProblems);

    // Threads that run out of memory hand their files back: same facts, and the report says what happened.
    const starvedProblems: ScanProblem[] = [];
    const starved = await extractCodeInParallel({ files: sources.files, apps: [], problems: starvedProblems }, 2, { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 2 });
    assert.deepEqual(starved, sequential);
    assert.match(starvedProblems.map((problem) => problem.message).join('\n'), /threads stopped .*file\(s\) were extracted on the main thread/);
    assert.deepEqual(starvedProblems.filter((problem) => problem.kind === 'parse-error'), sequentialProblems);
  });
});

describe('node options of the extraction threads', () => {
  it('drops the options that preload modules, in every spelling, and keeps the others', () => {
    const parent = ['--max-old-space-size=4096', '--import', 'tsx', '--enable-source-maps', '--require=./trace.cjs', '-r', 'dotenv/config', '--loader', 'ts-node/esm', '--experimental-loader=./hook.mjs', '--import=tsx', '--stack-size=2000'];
    assert.deepEqual(threadExecArgv(parent), ['--max-old-space-size=4096', '--enable-source-maps', '--stack-size=2000']);
  });

  it('keeps a process started without preloads as it is', () => {
    assert.deepEqual(threadExecArgv(['--no-warnings', '--cpu-prof']), ['--no-warnings', '--cpu-prof']);
    assert.deepEqual(threadExecArgv([]), []);
  });
});
