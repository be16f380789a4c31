import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { callsFromHar } from '../../src/extract/graph/har.ts';
import { permissionsReport, runCli } from '../harness/cli.ts';
import { aadManifest, json, oboBackend } from '../harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

const entry = (method: string, url: string, body?: unknown) => ({ request: { method, url, headers: [], ...(body ? { postData: { mimeType: 'application/json', text: JSON.stringify(body) } } : {}) }, response: { status: 200 } });
const HAR = {
  log: {
    version: '1.2',
    creator: { name: 'Dev Proxy', version: '3.2.0' },
    entries: [
      entry('OPTIONS', 'https://graph.microsoft.com/v1.0/me'),
      entry('GET', 'https://graph.microsoft.com/v1.0/me?$select=displayName'),
      entry('GET', 'https://graph.microsoft.com/v1.0/me/events?$top=5'),
      entry('POST', 'https://graph.microsoft.com/beta/$batch', { requests: [{ id: '1', method: 'GET', url: '/me/drive/root/children' }] }),
      entry('GET', 'https://cdn.contoso.com/app.js'),
    ],
  },
};

describe('runtime evidence: --har', () => {
  it('reads Graph requests, $batch inner requests included, and skips other hosts and preflights', () => {
    const calls = callsFromHar(JSON.stringify(HAR), 'traffic.har');
    assert.deepEqual(calls.map((call) => [call.method, call.path, call.apiVersion, call.via, call.source.line]), [
      ['GET', '/me', 'v1.0', 'har', 2],
      ['GET', '/me/events', 'v1.0', 'har', 3],
      ['GET', '/me/drive/root/children', 'beta', 'har-batch', 4],
    ]);
    assert.throws(() => callsFromHar('{"log": {}}', 'x.har'), /not an HTTP Archive/);
    assert.throws(() => callsFromHar('<html>', 'x.har'), /x\.har: not valid JSON/);
  });

  it('marks static calls observed, adds calls the code analysis missed, and judges permissions with them', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Calendars.ReadBasic', 'Scope']]), 'src/api.ts': oboBackend("  await graph.api('/me').get();") });
    const har = path.join(tempDir(t), 'session.har');
    writeTree(path.dirname(har), { 'session.har': json(HAR) });
    const without = await permissionsReport(root);
    assert.deepEqual(without.permissionAnalysis?.excessive.map((entry) => entry.name), ['Calendars.ReadBasic']);
    const withHar = await permissionsReport(root, ['--har', har]);
    const calls = withHar.inventory!.graphCalls.map((call) => `${call.method} ${call.path} ${call.via}${call.observed ? ' observed' : ''}`);
    assert.deepEqual(calls, ['GET /me graph-client observed', 'GET /me/events har observed', 'GET /me/drive/root/children har-batch observed']);
    assert.deepEqual(withHar.permissionAnalysis?.excessive, []);
    assert.ok(withHar.permissionAnalysis?.missing.some((entry) => entry.name === 'Files.Read'));
    const bad = await runCli(['permissions', root, '--data-dir', requireSharedData(), '--har', path.join(root, 'nope.har')]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--har .*nope\.har: file not found/);
  });
});
