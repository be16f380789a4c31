import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import type { ScanResult } from '../../src/engine/types.ts';
import { permissionsReport, runCli } from '../harness/cli.ts';
import { REPO_ROOT, requireSharedData, tempDir, writeTree } from '../harness/paths.ts';
import { aadManifest, daemon, json, oboBackend } from '../harness/manifests.ts';

const DATA = ['--data-dir', requireSharedData()];
const EXAMPLE = path.join(REPO_ROOT, 'examples', 'teams-expense-app');

describe('m365cert permissions', () => {
  it('prints the justification table: needed with calls, unused, high risk', async () => {
    const run = await runCli(['permissions', EXAMPLE, ...DATA]);
    assert.equal(run.code, 1);
    assert.match(run.stdout, /auth flow: delegated — on-behalf-of \(src\/index\.js:18\)/);
    assert.match(run.stdout, /User\.Read\s+delegated\s+appPackage\/aad\.manifest\.json:16\s+aad-manifest\s+needed: GET \/me at src\/index\.js:24/);
    assert.match(run.stdout, /Files\.ReadWrite\.All\s+application\s+appPackage\/aad\.manifest\.json:18\s+aad-manifest\s+unused \[high risk/);
    assert.doesNotMatch(run.stdout, /manifest-valid-domains-specific/, 'only the Graph checks run');
  });

  it('writes the JSON contract: inventory.permissionsRequested, inventory.graphCalls and permissionAnalysis, valid against the schema', async () => {
    const run = await runCli(['permissions', EXAMPLE, ...DATA, '-f', 'json']);
    const report = JSON.parse(run.stdout) as ScanResult;
    assert.equal(report.command, 'permissions');
    assert.deepEqual(report.inventory?.graphCalls.map((call) => [call.method, call.path, call.apiVersion, call.via, call.source.file, call.source.line]), [
      ['GET', '/me', 'v1.0', 'graph-client', 'src/index.js', 24],
      ['POST', '/me/sendMail', 'v1.0', 'graph-client', 'src/index.js', 29],
    ]);
    assert.deepEqual(report.permissionAnalysis?.needed.map((entry) => [entry.name, entry.type, entry.calls]), [['User.Read', 'delegated', [0]], ['Mail.Send', 'delegated', [1]]]);
    assert.deepEqual(report.permissionAnalysis?.excessive.map((entry) => [entry.name, entry.type, entry.reason]), [['Files.ReadWrite.All', 'application', 'unused']]);
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8')));
    assert.ok(validate(report), JSON.stringify(validate.errors?.slice(0, 3)));
  });

  it('a missing permission that also covers a lower-need call says so: the call keeps its own least permission', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope']]),
      'src/reports.ts': oboBackend("  await graph.api('/deviceManagement/reports/exportJobs').post({ reportName: 'Devices' });\n  await graph.api('/users').get();"),
    });
    const run = await runCli(['permissions', root, ...DATA, '-f', 'json']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const missing = report.permissionAnalysis!.missing.find((entry) => entry.name === 'DeviceManagementConfiguration.ReadWrite.All')!;
    const users = report.inventory!.graphCalls.findIndex((call) => call.path === '/users');
    assert.deepEqual(missing.coveredCalls, [{ call: users, least: ['User.ReadBasic.All'] }]);
    const finding = report.findings.find((entry) => entry.checkId === 'graph-permission-requested' && entry.message.startsWith('GET /users'));
    assert.match(finding!.message, /^GET \/users needs User\.ReadBasic\.All \(delegated\); DeviceManagementConfiguration\.ReadWrite\.All, which other calls need anyway, also allows it/);
    const text = await runCli(['permissions', root, ...DATA]);
    assert.match(text.stdout, /GET \/users at src\/reports\.ts:\d+ \(its least: User\.ReadBasic\.All\)/);
  });

  it('an app whose only Graph requests could not be worked out (a client handed to a library) is listed with them, not as using no Graph', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'Bot/Skills.cs': 'using Microsoft.Graph;\npublic class Skills {\n  public void Load(GraphServiceClient graphClient) {\n    var drive = new DriveConnector(graphClient);\n  }\n}\n',
    });
    const text = await runCli(['permissions', root, ...DATA]);
    assert.doesNotMatch(text.stdout, /no Graph call was found/);
    assert.match(text.stdout, /Graph calls found: 0, 1 not resolvable statically/);
    assert.match(text.stdout, /unresolved: Bot\/Skills\.cs:4 the Graph client graphClient is handed to DriveConnector/);
  });

  it('a needed higher permission also serves the calls a lower one would cover: they are part of its justification', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'appPackage/aad.manifest.json': aadManifest([['Application.ReadWrite.All', 'Scope']]),
      'src/apps.ts': oboBackend("  await graph.api(`/applications/${id}`).patch({ displayName: name });\n  await graph.api('/applications').get();"),
    });
    const report = await permissionsReport(root);
    const calls = report.inventory!.graphCalls.map((call) => `${call.method} ${call.path}`);
    const entry = report.permissionAnalysis!.needed.find((item) => item.name === 'Application.ReadWrite.All')!;
    assert.deepEqual([entry.calls.map((call) => calls[call]), entry.alsoServes?.map((call) => calls[call])], [['PATCH /applications/{id}'], ['GET /applications']]);
    assert.deepEqual(report.permissionAnalysis!.excessive, [], 'adding Application.Read.All would only add privilege');
  });

  it('getting, renewing and deleting subscriptions need what creating them needs: the one resource the app subscribes to, else unmatched', async (t) => {
    const manage = "  await graph.api(`/subscriptions/${id}`).patch({ expirationDateTime: later });\n  await graph.api(`/subscriptions/${id}`).delete();\n  await graph.api('/subscriptions').get();";
    const analyse = async (subscribe: string) => {
      const root = tempDir(t);
      writeTree(root, { 'appPackage/aad.manifest.json': aadManifest([['Mail.ReadWrite', 'Role'], ['Group.Read.All', 'Role']]), 'src/watch.ts': daemon(`${subscribe}\n${manage}`) });
      const report = JSON.parse((await runCli(['permissions', root, ...DATA, '-f', 'json'])).stdout) as ScanResult;
      return { calls: report.inventory!.graphCalls.map((call) => `${call.method} ${call.path}`), analysis: report.permissionAnalysis! };
    };
    const one = await analyse("  await graph.api('/subscriptions').post({ changeType: 'created', notificationUrl: hook, resource: `/users/${id}/messages` });");
    assert.deepEqual(one.calls, ['POST /subscriptions', 'PATCH /subscriptions/{id}', 'DELETE /subscriptions/{id}', 'GET /subscriptions']);
    assert.deepEqual(one.analysis.apps[0]!.unmatchedCalls, []);
    assert.deepEqual(one.analysis.excessive.find((entry) => entry.name === 'Mail.ReadWrite')?.lowerAlternative, ['Mail.ReadBasic.All']);
    // Two resources watched: which one a renewal is for is known only at run time.
    const two = await analyse("  await graph.api('/subscriptions').post({ changeType: 'created', notificationUrl: hook, resource: `/users/${id}/messages` });\n  await graph.api('/subscriptions').post({ changeType: 'updated', notificationUrl: hook, resource: '/groups' });");
    assert.deepEqual(two.analysis.apps[0]!.unmatchedCalls.map((entry) => [two.calls[entry.call], /resource it watches/.test(entry.reason)]), [['PATCH /subscriptions/{id}', true], ['DELETE /subscriptions/{id}', true], ['GET /subscriptions', true]]);
  });

  it('reads justifications from the configuration', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Mail.Send', 'Scope']]),
      'src/mail.ts': oboBackend("  await graph.api('/me/sendMail').post({ message: {} });\n  await graph.api('/me').get();"),
      'm365cert.config.json': json({ permissions: { justifications: { 'Mail.Send': 'Notifies approvers by mail as the submitting user.' } } }),
    });
    const run = await runCli(['permissions', root, ...DATA]);
    assert.equal(run.code, 0, run.stdout);
    assert.match(run.stdout, /high risk, justified: Notifies approvers/);
  });

  it('says "not assessed" with the fixing command when the permission data is missing or broken', async (t) => {
    const dataDir = tempDir(t);
    writeTree(dataDir, { 'graph/permissions.json': '{"permissions": {"Mail.Read": {"schemes": {}, "pathSets": [' });
    const run = await runCli(['permissions', EXAMPLE, '--data-dir', dataDir, '-f', 'json']);
    const report = JSON.parse(run.stdout) as ScanResult;
    const graphRuns = report.checkRuns.filter((checkRun) => checkRun.checkId.startsWith('graph-'));
    assert.ok(graphRuns.length >= 6);
    for (const checkRun of graphRuns) {
      assert.equal(checkRun.status, 'not-assessed');
      assert.match(checkRun.reason ?? '', /could not be read.*m365cert data update/);
    }
    assert.equal(report.permissionAnalysis, undefined);
    const text = await runCli(['permissions', EXAMPLE, '--data-dir', dataDir]);
    assert.match(text.stdout, /Microsoft Graph permissions: not assessed/);
  });

  it('gathers only what the Graph checks read: the same analysis as scan, without parsing code that cannot call Graph', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Mail.Read', 'Scope']]),
      'src/graph.ts': oboBackend("  await graph.api('/me').get();"),
      // Worth parsing for the connectivity inventory only; the broken one tells whether it was parsed.
      'src/partner.ts': "export const load = () => fetch('https://api.partner-one.io/items');\n",
      'src/broken.ts': "export const save = () => fetch('https://api.partner-two.io/items') +;\n",
      'package-lock.json': json({ name: 'app', lockfileVersion: 3, packages: { '': { name: 'app' }, 'node_modules/left-pad': { version: '1.3.0' } } }),
    });
    const permissions = await permissionsReport(root);
    const scan = JSON.parse((await runCli(['scan', root, ...DATA, '-f', 'json'])).stdout) as ScanResult;
    assert.deepEqual(permissions.permissionAnalysis, scan.permissionAnalysis);
    assert.deepEqual(permissions.inventory?.graphCalls, scan.inventory?.graphCalls);
    assert.deepEqual(permissions.inventory?.permissionsRequested, scan.inventory?.permissionsRequested);
    assert.deepEqual(permissions.inventory?.notGathered, ['connectivity', 'patterns', 'secrets', 'dependencies', 'repository']);
    assert.equal(scan.inventory?.notGathered, undefined);
    // What was not gathered is empty in the report and named as such, never shown as "none found".
    assert.deepEqual([permissions.inventory?.hosts, permissions.inventory?.dependencies, permissions.connectivity], [[], [], undefined]);
    assert.ok(scan.inventory!.hosts.some((host) => host.host === 'api.partner-one.io'));
    assert.deepEqual(scan.inventory?.dependencies?.map((dependency) => dependency.name), ['left-pad']);
    assert.ok(scan.problems.some((problem) => problem.file === 'src/broken.ts'));
    assert.ok(!permissions.problems.some((problem) => problem.file === 'src/broken.ts'), 'a file that cannot call Graph is not parsed');

    const connectivity = JSON.parse((await runCli(['connectivity', root, ...DATA, '-f', 'json'])).stdout) as ScanResult;
    assert.deepEqual(connectivity.inventory?.hosts, scan.inventory?.hosts);
    assert.deepEqual(connectivity.inventory?.notGathered, ['patterns', 'secrets', 'dependencies', 'repository']);
  });

  // The parsing is narrowed by cheap tests (Graph markers, imports of modules that have them, .env values): a
  // call reached only through helpers, settings modules and environment variables must still be found.
  it('finds the calls scan finds when they are reached through helpers, settings modules and .env values', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'App/.env.dev': 'CLIENT_SECRET="Enter_the_Client_Secret_Here"\nGRAPH_API_ENDPOINT="Enter_the_Graph_Endpoint_Here" # ends with a slash\n',
      'App/authConfig.js': "require('dotenv').config({ path: '.env.dev' });\nconst GRAPH_ME_ENDPOINT = process.env.GRAPH_API_ENDPOINT + 'v1.0/me';\nmodule.exports = { GRAPH_ME_ENDPOINT };\n",
      'App/fetch.js': "var axios = require('axios');\nasync function fetch(endpoint, accessToken) {\n  const response = await axios.get(endpoint, { headers: { Authorization: `Bearer ${accessToken}` } });\n  return response.data;\n}\nmodule.exports = fetch;\n",
      'App/routes/users.js': "var fetch = require('../fetch');\nvar { GRAPH_ME_ENDPOINT } = require('../authConfig');\nrouter.get('/profile', async (req, res) => res.render('profile', { profile: await fetch(GRAPH_ME_ENDPOINT, req.session.accessToken) }));\n",
      'App/routes/auth.js': "router.get('/acquireToken', authProvider.acquireToken({ scopes: ['User.Read'], successRedirect: '/users/profile' }));\n",
      'Api/.env': 'GRAPH_EVENTS=https://graph.microsoft.com/v1.0/me/events\nGRAPH_ME=https://graph.microsoft.com/v1.0/me\n',
      'Api/events.js': "const got = require('got');\nmodule.exports = async (token) => got(process.env.GRAPH_EVENTS, { headers: { Authorization: token } }).json();\n",
      // Names nothing of Graph: its endpoint comes from a settings module that reads the environment.
      'Api/settings.js': 'module.exports = { ME: process.env.GRAPH_ME };\n',
      'Api/me.js': "const got = require('got');\nconst { ME } = require('./settings');\nmodule.exports = async (token) => got(ME).json();\n",
    });
    const permissions = await permissionsReport(root);
    const scan = JSON.parse((await runCli(['scan', root, ...DATA, '-f', 'json'])).stdout) as ScanResult;
    const calls = (report: ScanResult) => report.inventory!.graphCalls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line}`).sort();
    assert.deepEqual(calls(permissions), ['GET /me Api/me.js:3', 'GET /me App/routes/users.js:3', 'GET /me/events Api/events.js:2']);
    assert.deepEqual(calls(scan), calls(permissions));
    assert.deepEqual(permissions.permissionAnalysis, scan.permissionAnalysis);
  });
});
