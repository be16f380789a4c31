import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadConfig } from '../../src/config/config.ts';
import { scan } from '../../src/engine/scan.ts';
import { dataDirWith, tempDir, writeTree } from '../harness/paths.ts';

const SCRIPT = [
  "Connect-MgGraph -Scopes 'Notes.Read'",
  '$books = Get-MgUserOnenoteNotebook -UserId $me -Top 25',
  'Get-MgUser -UserId $me',
].join('\n');
/** Two entries of the SDK's command map, in its published shape, written for this test. */
const MAP = JSON.stringify([
  { Command: 'Get-MgUserOnenoteNotebook', Variants: ['List'], Method: 'GET', Uri: '/users/{user-id}/onenote/notebooks', ApiVersion: 'v1.0', Module: 'Notes', Permissions: [] },
  { Command: 'Get-MgUserOnenoteNotebook', Variants: ['Get'], Method: 'GET', Uri: '/users/{user-id}/onenote/notebooks/{notebook-id}', ApiVersion: 'v1.0', Module: 'Notes', Permissions: [] },
]);

async function scanWith(t: { after: (fn: () => void) => void }, data: Record<string, string>) {
  const root = tempDir(t);
  writeTree(root, { 'scripts/report.ps1': SCRIPT });
  return scan({ root, config: loadConfig(root), dataDir: { dir: dataDirWith(t, data), source: '--data-dir' } });
}

describe('PowerShell cmdlets through the Graph PowerShell SDK command map', () => {
  it('with the map in the data directory, a cmdlet outside the curated table is a call', async (t) => {
    const result = await scanWith(t, { 'graph/MgCommandMetadata.json': MAP });
    const calls = result.inventory!.graphCalls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line}`);
    assert.deepEqual(calls.sort(), ['GET /users/{id} scripts/report.ps1:3', 'GET /users/{id}/onenote/notebooks scripts/report.ps1:2']);
    assert.deepEqual(result.inventory!.unresolvedGraphCalls, []);
  });

  it('without it, the cmdlet is reported unresolved with the command that fetches the map; the curated ones still resolve', async (t) => {
    const result = await scanWith(t, {});
    assert.deepEqual(result.inventory!.graphCalls.map((call) => call.path), ['/users/{id}']);
    assert.match(result.inventory!.unresolvedGraphCalls[0]!.reason, /Get-MgUserOnenoteNotebook is not in m365cert's curated cmdlet table \(the SDK's full command map: m365cert data update --for \.\)/);
  });

  it('a broken map is a problem, and the scan goes on with the curated table', async (t) => {
    const result = await scanWith(t, { 'graph/MgCommandMetadata.json': '{"truncated": ' });
    assert.match(result.problems.map((problem) => problem.message).join('\n'), /graph\/MgCommandMetadata\.json: .*curated table instead/);
    assert.deepEqual(result.inventory!.graphCalls.map((call) => call.path), ['/users/{id}']);
  });
});
