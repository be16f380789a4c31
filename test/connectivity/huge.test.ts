import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';
import { htmlTooDeep } from '../../src/extract/hosts/file-hosts.ts';

describe('huge connectivity inputs', () => {
  it('a 4 MB module with 60,000 requests and a settings file naming 30,000 hosts scan to bounded entries', async (t) => {
    const root = tempDir(t);
    const module = Array.from({ length: 60_000 }, (_, i) => `export const r${i} = () => fetch('https://api.partner-one.io/items/${i}');`).join('\n');
    const settings = Array.from({ length: 30_000 }, (_, i) => `SERVICE_${i}_URL=https://svc-${i}.partner-two.io/api`).join('\n');
    writeTree(root, { 'src/generated.ts': `${module}\n`, '.env.production': `${settings}\n` });
    const run = await runCli(['connectivity', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const one = report.inventory!.hosts.find((host) => host.host === 'api.partner-one.io')!;
    assert.equal(one.sourceCount, 60_000);
    assert.equal(one.sources.length, 1);
    assert.equal(report.inventory!.hosts.filter((host) => host.host.endsWith('.partner-two.io')).length, 30_000);
    assert.ok(report.inventory!.hosts.every((host) => host.sources.length <= 50));
  });

  it('a page nested 20,000 elements deep is reported as not parsed (tree-sitter would take minutes on it) and the other pages are read', async (t) => {
    const root = tempDir(t);
    const deep = `<html><body>${'<div>'.repeat(20_000)}<script src="https://cdn.deep-one.io/a.js"></script>${'</div>'.repeat(20_000)}</body></html>`;
    writeTree(root, { 'public/deep.html': deep, 'public/index.html': '<html><head><script src="https://cdn.partner-three.io/app.js"></script></head><body></body></html>\n' });
    const run = await runCli(['connectivity', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const problem = report.problems.find((entry) => entry.file === 'public/deep.html');
    assert.equal(problem?.kind, 'parse-error');
    assert.match(problem!.message, /could not parse HTML: elements nested too deep/);
    assert.ok(report.inventory!.hosts.some((host) => host.host === 'cdn.partner-three.io'));
  });

  it('estimates the HTML parser\'s work from the tags: deep nesting is too much, big real pages are not', () => {
    assert.equal(htmlTooDeep(`${'<div>'.repeat(5_000)}${'</div>'.repeat(5_000)}`), true);
    assert.equal(htmlTooDeep(`${'<section><p>'.repeat(3_000)}text`), true);
    // 100,000 rows of a table, void and self-closing elements, and tags inside comments, scripts and styles.
    const rows = Array.from({ length: 100_000 }, (_, i) => `<tr><td><img src="/i/${i}.png"><br><input value="${i}"/></td><td><span>${i}</span></td></tr>`).join('\n');
    const page = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="/a.css"><style>${'div > p { }'.repeat(1000)}</style><title><div></title></head><body><!-- ${'<div>'.repeat(50_000)} --><script>const html = "${'<div>'.repeat(50_000)}";</script><table>${rows}</table></body></html>`;
    assert.equal(htmlTooDeep(page), false);
    assert.equal(htmlTooDeep('<div <div <<<< <!-- unclosed'), false);
  });
});
