import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

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
});
