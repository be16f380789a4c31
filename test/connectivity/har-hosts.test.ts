import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

describe('recorded traffic in the connectivity inventory', () => {
  it('every request of a HAR is an observed connection; a broken HAR is a usage error', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'src/a.ts': "export const x = 1;\n" });
    const har = path.join(tempDir(t), 'session.har');
    const entry = (url: string) => ({ request: { method: 'GET', url }, response: { status: 200 } });
    writeFileSync(har, JSON.stringify({ log: { entries: [entry('https://graph.microsoft.com/v1.0/me'), entry('https://api.mixpanel.com/track?token=SECRET123'), entry('http://telemetry.vendor-four.io/beacon')] } }));
    const run = await runCli(['connectivity', root, '--data-dir', requireSharedData(), '--har', har, '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const observed = report.inventory!.hosts.filter((host) => host.sources.some((source) => source.kind === 'har')).map((host) => [host.host, host.owner]);
    assert.deepEqual(observed.sort(), [['api.mixpanel.com', 'third-party'], ['graph.microsoft.com', 'microsoft'], ['telemetry.vendor-four.io', 'unknown']]);
    assert.doesNotMatch(run.stdout, /SECRET123/);
    assert.ok(report.findings.some((finding) => finding.checkId === 'connectivity-outbound-https' && /telemetry\.vendor-four\.io/.test(finding.message)));
    writeFileSync(har, '{"log": {}}');
    const bad = await runCli(['connectivity', root, '--data-dir', requireSharedData(), '--har', har, '-q']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /not an HTTP Archive/);
  });
});
