import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { graphCallsFromOpenApi, mayDescribeGraphApi } from '../../src/extract/graph/openapi-calls.ts';
import { parseJson } from '../../src/sources/formats/json.ts';
import { parseYaml } from '../../src/sources/formats/yaml.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

const plugin = `openapi: 3.0.1
info:
  title: Mail plugin
  version: v1.0
servers:
  - url: https://graph.microsoft.com/v1.0/
paths:
  /me/messages:
    get:
      operationId: listMessages
  /me/messages/{message-id}:
    patch:
      operationId: markRead
    delete:
      operationId: deleteMessage
  /me/sendMail:
    post:
      operationId: sendMail
`;

function calls(path: string, text: string): string[] {
  const file = new SourceFile(path, text);
  const parsed = path.endsWith('.json') ? parseJson(file) : parseYaml(file);
  assert.ok(parsed.ok);
  return graphCallsFromOpenApi(file, parsed.doc).map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`);
}

describe('OpenAPI descriptions of Graph requests (Copilot API plugins)', () => {
  it('each operation of a description whose server is Graph is a call, the path joined to the server\'s, of its version', () => {
    assert.deepEqual(calls('appPackage/openapi.yaml', plugin), ['GET /me/messages v1.0 9', 'PATCH /me/messages/{message-id} v1.0 12', 'DELETE /me/messages/{message-id} v1.0 14', 'POST /me/sendMail v1.0 17']);
    const swagger = JSON.stringify({ swagger: '2.0', host: 'graph.microsoft.com', basePath: '/beta/me', paths: { '/presence': { get: {} }, '/events': { post: {}, parameters: [] } } }, null, 2);
    assert.deepEqual(calls('connector.json', swagger).map((call) => call.replace(/ \d+$/, '')), ['GET /me/presence beta', 'POST /me/events beta']);
  });

  it('a description of another API, or of none, gives no call', () => {
    assert.deepEqual(calls('api.yaml', plugin.replace('https://graph.microsoft.com/v1.0/', 'https://api.contoso.com/v1')), []);
    assert.deepEqual(calls('list.yaml', '- openapi: 3.0.1\n- graph.microsoft.com\n'), []);
    assert.equal(mayDescribeGraphApi(new SourceFile('api.yaml', plugin.replace('graph.microsoft.com', 'api.contoso.com'))), false);
    assert.equal(mayDescribeGraphApi(new SourceFile('a.zip!openapi.yaml', plugin)), false);
  });

  it('a description of all of Graph is read up to its first 10,000 operations', () => {
    const paths = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`/users/{id}/item${i}`, { get: {} }]));
    const huge = JSON.stringify({ openapi: '3.0.0', servers: [{ url: 'https://graph.microsoft.com/v1.0' }], paths });
    assert.equal(calls('graph.json', huge).length, 10_000);
  });

  it('a Copilot agent\'s plugin is judged against the permissions its registration requests', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'appPackage/apiSpecificationFile/openapi.yaml': plugin,
      'aad.manifest.json': JSON.stringify({ name: 'mail-agent', requiredResourceAccess: [{ resourceAppId: 'Microsoft Graph', resourceAccess: [{ id: 'Mail.ReadWrite', type: 'Scope' }, { id: 'Mail.Send', type: 'Scope' }, { id: 'Files.Read', type: 'Scope' }] }] }),
    });
    const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    assert.deepEqual(report.permissionAnalysis!.needed.map((entry) => entry.name).sort(), ['Mail.ReadWrite', 'Mail.Send']);
    assert.deepEqual(report.permissionAnalysis!.excessive.map((entry) => `${entry.name} ${entry.reason}`), ['Files.Read unused']);
  });
});
