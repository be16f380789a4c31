import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

describe('references per file', () => {
  it('one source per file, client and origin, with every place counted', async (t) => {
    const root = tempDir(t);
    const code = "export const a = () => fetch('https://api.partner-one.io/a');\nexport const b = () => fetch('https://api.partner-one.io/b');\nexport const c = () => fetch('http://api.partner-one.io/c');\nexport const d = () => axios.get('https://api.partner-one.io/d');\n";
    writeTree(root, { 'src/api.ts': code, 'src/other.ts': "export const e = () => fetch('https://api.partner-one.io/e');\n" });
    const run = await runCli(['connectivity', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const host = (JSON.parse(run.stdout) as ScanResult).inventory!.hosts.find((entry) => entry.host === 'api.partner-one.io')!;
    assert.equal(host.sourceCount, 5);
    assert.deepEqual(host.sources.map((source) => `${source.file}:${source.line} ${source.via} ${source.url}`), [
      'src/api.ts:1 fetch https://api.partner-one.io/a',
      'src/api.ts:3 fetch http://api.partner-one.io/c',
      'src/api.ts:4 axios.get https://api.partner-one.io/d',
      'src/other.ts:1 fetch https://api.partner-one.io/e',
    ]);
  });
});
