import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { addinXml, json, teamsManifest } from '../../../test/harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../../../test/harness/paths.ts';
import { SchemaStore } from '../../knowledge/schemas.ts';
import { loadProject } from '../../sources/project.ts';
import { appRootOf, extractApps } from './index.ts';

async function extract(t: { after: (fn: () => void) => void }, files: Record<string, string | Uint8Array>, dataDir = requireSharedData()) {
  const root = tempDir(t);
  writeTree(root, files);
  const sources = await loadProject({ root, include: [], exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true });
  return extractApps(sources, new SchemaStore(dataDir));
}

describe('extract/apps', () => {
  it('recognises every manifest kind and groups one project into one app', async (t) => {
    const result = await extract(t, {
      'tasks/appPackage/manifest.json': json(teamsManifest()),
      'tasks/appPackage/aad.manifest.json': json({ name: 'tasks-aad', oauth2AllowImplicitFlow: false, requiredResourceAccess: [] }),
      'tasks/appPackage/declarativeAgent.json': json({ version: 'v1.2', name: 'Tasks agent', description: 'd', instructions: 'Help with tasks.' }),
      'tasks/appPackage/ai-plugin.json': json({ schema_version: 'v2.1', name_for_human: 'Tasks API', description_for_human: 'd', functions: [] }),
      'tasks/teamsapp.yml': 'version: v1.7\nprovision: []\n',
      'tasks/m365agents.local.yml': 'version: v1.9\n',
      'mail-addin/manifest.xml': addinXml('  <Permissions>ReadItem</Permissions>'),
      'news/config/package-solution.json': json({ solution: { name: 'news', id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', version: '1.0.0.0' } }),
      'registration/app.json': json({ appId: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f90', displayName: 'Fabrikam SaaS', signInAudience: 'AzureADMultipleOrgs', requiredResourceAccess: [] }),
      'registration/classic.json': json({ appId: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f91', replyUrlsWithType: [], requiredResourceAccess: [] }),
      'unified/manifest.json': json(teamsManifest({ extensions: [{ requirements: { scopes: ['mail'] } }] }, '1.17')),
      'tsconfig.json': '{ "compilerOptions": {} }',
      'package.json': json({ name: 'x' }),
    });
    assert.deepEqual(
      result.manifests.map((m) => `${m.kind} ${m.file} ${m.version ?? ''}`.trim()),
      [
        'office-addin-xml mail-addin/manifest.xml 1.0.0.0',
        'spfx-solution news/config/package-solution.json 1.0.0.0',
        'entra-app registration/app.json',
        'entra-app registration/classic.json',
        'toolkit-aad-manifest tasks/appPackage/aad.manifest.json',
        'api-plugin tasks/appPackage/ai-plugin.json v2.1',
        'declarative-agent tasks/appPackage/declarativeAgent.json v1.2',
        'teams-app tasks/appPackage/manifest.json 1.17',
        'toolkit-project tasks/m365agents.local.yml v1.9',
        'toolkit-project tasks/teamsapp.yml v1.7',
        'office-addin-unified unified/manifest.json 1.17',
      ],
    );
    const shapes = result.manifests.filter((m) => m.format === 'json' && m.kind === 'entra-app').map((m) => (m.format === 'json' ? m.shape : undefined));
    assert.deepEqual(shapes, ['ms-graph', 'aad-graph']);
    const tasks = result.apps.find((app) => app.root === 'tasks');
    assert.equal(tasks?.name, 'Fabrikam Tasks');
    assert.deepEqual(tasks?.kinds, ['teams-app', 'declarative-agent', 'api-plugin', 'toolkit-project', 'toolkit-aad-manifest']);
    assert.deepEqual(result.apps.map((app) => app.root), ['mail-addin', 'news', 'registration', 'tasks', 'unified']);
  });

  it('validates against the schema of the declared version and locates violations', async (t) => {
    const result = await extract(t, { 'appPackage/manifest.json': json(teamsManifest({ id: 'nope' }, '1.5')) });
    const schema = result.manifests[0]?.schema;
    assert.equal(schema?.status, 'invalid');
    if (schema?.status === 'invalid') {
      assert.equal(schema.schema, 'schemas/teams/v1.5/MicrosoftTeams.schema.json');
      assert.deepEqual(schema.violations.map((v) => v.path), [['id']]);
    }
  });

  it('finds manifests in zipped app packages', async (t) => {
    const result = await extract(t, { 'appPackage/build/appPackage.dev.zip': zipSync({ 'manifest.json': strToU8(json(teamsManifest())) }) });
    assert.deepEqual(result.manifests.map((m) => [m.kind, m.file, m.appRoot]), [['teams-app', 'appPackage/build/appPackage.dev.zip!manifest.json', '.']]);
  });

  it('says when a schema is missing from the data directory instead of passing', async (t) => {
    const empty = tempDir(t);
    const result = await extract(t, { 'appPackage/manifest.json': json(teamsManifest()) }, empty);
    assert.equal(result.manifests[0]?.schema?.status, 'unavailable');
    assert.equal(result.problems[0]?.kind, 'schema-unavailable');
    assert.match(result.problems[0]?.message ?? '', /m365cert data update/);
  });

  it('places a manifest in its project folder', () => {
    assert.equal(appRootOf('apps/tasks/appPackage/manifest.json'), 'apps/tasks');
    assert.equal(appRootOf('news/config/package-solution.json'), 'news');
    assert.equal(appRootOf('manifest.xml'), '.');
    assert.equal(appRootOf('apps/x/appPackage/build/pkg.zip!manifest.json'), 'apps/x');
    assert.equal(appRootOf('samples/tab-sso/build/aad.manifest.local.json'), 'samples/tab-sso');
  });
});
