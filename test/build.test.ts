import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, readFileSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { REPO_ROOT, requireSharedData, tempDir, writeTree } from './harness/paths.ts';

describe('build: the published package compiles and its bin runs without tsx', () => {
  it('tsc emits dist/, and the m365cert bin and the library entry work from it', (t) => {
    const pkg = tempDir(t);
    const tsc = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', path.join(REPO_ROOT, 'tsconfig.build.json'), '--outDir', path.join(pkg, 'dist')], { encoding: 'utf8' });
    assert.equal(tsc.status, 0, tsc.stdout + tsc.stderr);
    // The package as npm would ship it: package.json, dist/ and schemas/ (the "files" field), with node_modules.
    const manifest = JSON.parse(readFileSync(path.join(REPO_ROOT, 'package.json'), 'utf8')) as { files: string[]; bin: Record<string, string>; exports: Record<string, string> };
    assert.deepEqual(manifest.files.sort(), ['README.md', 'dist', 'schemas']);
    cpSync(path.join(REPO_ROOT, 'package.json'), path.join(pkg, 'package.json'));
    cpSync(path.join(REPO_ROOT, 'schemas'), path.join(pkg, 'schemas'), { recursive: true });
    symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(pkg, 'node_modules'));
    const bin = path.join(pkg, manifest.bin.m365cert!);
    const run = spawnSync(process.execPath, [bin, 'scan', path.join(REPO_ROOT, 'examples', 'outlook-addin'), '--data-dir', requireSharedData(), '-f', 'json'], { encoding: 'utf8' });
    assert.equal(run.status, 1, run.stderr);
    assert.equal((JSON.parse(run.stdout) as { findings: unknown[] }).findings.length, 5);
    // The tree-sitter grammars resolve from the installed package, not from src/.
    const csharp = tempDir(t);
    writeTree(csharp, { 'Worker.cs': 'using Microsoft.Graph;\nclass W { async Task Run(GraphServiceClient graphClient) { var me = await graphClient.Me.GetAsync(); } }\n' });
    const graphRun = spawnSync(process.execPath, [bin, 'permissions', csharp, '--data-dir', requireSharedData(), '-f', 'json'], { encoding: 'utf8' });
    assert.deepEqual((JSON.parse(graphRun.stdout) as { inventory: { graphCalls: { via: string; path: string }[] } }).inventory.graphCalls.map((call) => `${call.via} ${call.path}`), ['csharp-sdk /me']);
    // Large trees are extracted on threads: the compiled worker.js runs, no fallback to the main thread.
    const many = tempDir(t);
    writeTree(many, Object.fromEntries(Array.from({ length: 80 }, (_, i) => [`src/m${i}.ts`, `export const f${i} = () => fetch('https://api.partner-${i}.io/x');\n`])));
    const threaded = spawnSync(process.execPath, [bin, 'connectivity', many, '--data-dir', requireSharedData(), '-f', 'json'], { encoding: 'utf8' });
    const threadedReport = JSON.parse(threaded.stdout) as { problems: { message: string }[]; inventory: { hosts: unknown[] } };
    assert.deepEqual(threadedReport.problems.map((problem) => problem.message), []);
    assert.equal(threadedReport.inventory.hosts.length, 80);
    const library = spawnSync(process.execPath, ['--input-type=module', '-e', `import('${path.join(pkg, manifest.exports['.']!)}').then((m) => console.log(typeof m.scan, m.ALL_CHECKS.length, m.CONTROLS.length))`], { encoding: 'utf8' });
    assert.equal(library.status, 0, library.stderr);
    assert.match(library.stdout, /^function \d+ \d+\n$/);
  });
});
