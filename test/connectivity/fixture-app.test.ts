import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { json, teamsManifest } from '../harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

/**
 * One app written by this project with a connection in every source kind the connectivity inventory reads,
 * plus URLs that are not connections (links, schema ids, comments, documentation strings) and hostile URLs.
 */
const TREE: Record<string, string> = {
  'appPackage/manifest.json': json(teamsManifest({
    staticTabs: [{ entityId: 'tasks', name: 'Tasks', contentUrl: '${{TAB_ENDPOINT}}/index.html#/tab', scopes: ['personal'] }],
    validDomains: ['${{TAB_DOMAIN}}', 'cdn.jsdelivr.net'],
    webApplicationInfo: { id: '${{AAD_APP_CLIENT_ID}}', resource: 'api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}' },
  })),
  'env/.env.dev': 'TEAMSFX_ENV=dev\nTAB_DOMAIN=fabrikam-tasks.azurewebsites.net\nTAB_ENDPOINT=https://fabrikam-tasks.azurewebsites.net\n',
  'src/server.ts': [
    "import express from 'express';",
    "import OpenAI from 'openai';",
    "import { BlobServiceClient } from '@azure/storage-blob';",
    "import axios from 'axios';",
    "const HELP_LINK = 'https://learn.vendor-docs.io/how-to';",
    '// fetch(\'https://commented-out.vendor-one.io/x\') is not a call',
    'const app = express();',
    "const rates = axios.create({ baseURL: 'https://api.frankfurter.app' });",
    'const ai = new OpenAI();',
    'const blobs = BlobServiceClient.fromConnectionString(process.env.STORAGE_CONNECTION!);',
    "app.get('/api/tasks', async (req, res) => res.json(await fetch('https://api.todoist.com/rest/v2/tasks')));",
    "app.post('/api/messages', async (req, res) => res.end());",
    "export const legacy = () => fetch('https://svc:Pa55w0rd@legacy.fabrikam-partner.net/export');",
    "export const idn = () => fetch('https://bücher-api.de/katalog');",
    "export const v6 = () => fetch('https://[2001:db8::10]:8443/health');",
    "export const broken = () => fetch('https://bad host.vendor-two.io/x');",
    "export const hook = () => fetch(process.env.TEAMS_WEBHOOK_URL!, { method: 'POST' });",
    '',
  ].join('\n'),
  '.env.example': 'STORAGE_CONNECTION=DefaultEndpointsProtocol=https;AccountName=fabrikamtasks;AccountKey=REPLACE;EndpointSuffix=core.windows.net\nPRIVACY_URL=https://www.fabrikam.com/privacy\n',
  'api/TasksController.cs': [
    'using System.Net.Http;',
    '[ApiController]',
    '[Route("api/[controller]")]',
    'public class TasksController : ControllerBase {',
    '  private static readonly HttpClient Http = new HttpClient();',
    '  [HttpGet("{id}")]',
    '  public async Task<string> Get(string id) => await Http.GetStringAsync($"https://api.clockify.me/api/v1/tasks/{id}");',
    '}',
    '',
  ].join('\n'),
  'jobs/notify.py': [
    'import requests',
    'import boto3',
    'from flask import Flask',
    'app = Flask(__name__)',
    "@app.route('/hooks/slack', methods=['POST'])",
    'def slack():',
    "    requests.post('https://hooks.slack.com/services/T000/B000/XXXX', json={})",
    "    boto3.client('s3').put_object(Bucket='b', Key='k', Body=b'')",
    '',
  ].join('\n'),
  'billing/Charge.java': [
    'import java.net.URI;',
    'import java.net.http.HttpRequest;',
    'class Charge {',
    '  HttpRequest request() { return HttpRequest.newBuilder(URI.create("https://api.stripe.com/v1/charges")).build(); }',
    '}',
    '',
  ].join('\n'),
  'deploy/page.ps1': "Invoke-RestMethod -Uri 'https://api.pagerduty.com/incidents' -Method Post\n",
  'appsettings.json': json({ Downstream: { BaseUrl: 'https://partner-api.fabrikam-partner.net' }, HelpUrl: 'https://help.fabrikam.com', ConnectionStrings: { Db: 'Server=tcp:fabrikam.database.windows.net,1433;Initial Catalog=tasks;Password=NotPrinted1;' } }),
  'web.config': '<?xml version="1.0"?>\n<configuration>\n  <appSettings>\n    <add key="CrmEndpoint" value="https://fabrikam.crm.dynamics.com" />\n  </appSettings>\n</configuration>\n',
  'infra/main.bicep': [
    "resource bot 'Microsoft.BotService/botServices@2022-09-15' = {",
    "  name: 'fabrikam-bot'",
    '  properties: {',
    "    endpoint: 'https://fabrikam-tasks.azurewebsites.net/api/messages'",
    '  }',
    '}',
    "// 'https://commented.vendor-three.io' is a comment",
    "var geo = 'https://geo.ipify.org/api/v2'",
    '',
  ].join('\n'),
  'infra/main.tf': [
    'resource "azurerm_linux_web_app" "api" {',
    '  app_settings = {',
    '    "WEATHER_API" = "https://api.open-meteo.com/v1"',
    '  }',
    '}',
    '',
  ].join('\n'),
  'public/index.html': [
    '<!doctype html>',
    '<html><head>',
    '<meta http-equiv="Content-Security-Policy" content="default-src \'self\'; connect-src \'self\' https://api.frankfurter.app https://*.fabrikam-partner.net">',
    '<script src="https://cdn.jsdelivr.net/npm/@microsoft/teams-js@2/dist/MicrosoftTeams.min.js"></script>',
    '</head><body>',
    '<a href="https://www.fabrikam.com/about">About</a>',
    '<img src="https://images.unsplash.com/photo-1.jpg">',
    '</body></html>',
    '',
  ].join('\n'),
  'apis/openapi.yaml': 'openapi: 3.0.1\ninfo:\n  title: Tasks\n  version: "1"\nservers:\n  - url: https://fabrikam-tasks.azurewebsites.net/api\npaths:\n  /tasks:\n    get:\n      responses:\n        "200":\n          description: ok\n    post:\n      responses:\n        "201":\n          description: created\n',
};

/** Host → owner the inventory must list (production footprint only). */
const EXPECTED: Record<string, string> = {
  'fabrikam-tasks.azurewebsites.net': 'publisher',
  'fabrikamtasks.blob.core.windows.net': 'publisher',
  'fabrikam.database.windows.net': 'publisher',
  'api.frankfurter.app': 'unknown',
  'api.todoist.com': 'unknown',
  'api.openai.com': 'third-party',
  'legacy.fabrikam-partner.net': 'unknown',
  'partner-api.fabrikam-partner.net': 'unknown',
  'xn--bcher-api-q9a.de': 'unknown',
  '2001:db8::10': 'unknown',
  'dynamic: process.env.TEAMS_WEBHOOK_URL': 'unknown',
  'api.clockify.me': 'unknown',
  'hooks.slack.com': 'third-party',
  '*.amazonaws.com': 'third-party',
  'api.stripe.com': 'third-party',
  'api.pagerduty.com': 'third-party',
  'fabrikam.crm.dynamics.com': 'microsoft',
  'geo.ipify.org': 'unknown',
  'api.open-meteo.com': 'unknown',
  'cdn.jsdelivr.net': 'third-party',
  'images.unsplash.com': 'third-party',
  '*.fabrikam-partner.net': 'unknown',
};
const NOT_CONNECTIONS = ['learn.vendor-docs.io', 'commented-out.vendor-one.io', 'www.fabrikam.com', 'help.fabrikam.com', 'commented.vendor-three.io', 'developer.microsoft.com'];

describe('connectivity inventory of a fixture app with every source kind', () => {
  it('finds every host with its owner, keeps links and comments out, and masks credentials', async (t) => {
    const root = tempDir(t);
    writeTree(root, TREE);
    const run = await runCli(['connectivity', root, '--data-dir', requireSharedData(), '-f', 'json', '--scope', path.join(root, 'out', 'scope.md'), '--scope', path.join(root, 'out', 'scope.json'), '-q']);
    assert.ok(run.code === 0 || run.code === 1, run.stderr);
    const report = JSON.parse(run.stdout) as ScanResult;
    const hosts = report.inventory!.hosts.filter((host) => !host.excluded);
    const found = Object.fromEntries(hosts.map((host) => [host.host, host.owner]));
    assert.deepEqual(found, EXPECTED);
    for (const host of NOT_CONNECTIONS) assert.ok(!report.inventory!.hosts.some((entry) => entry.host === host), `${host} is not a connection`);
    assert.doesNotMatch(run.stdout, /Pa55w0rd|NotPrinted1/);

    // Each source kind contributed.
    const kinds = new Set(report.inventory!.hosts.flatMap((host) => host.sources.map((source) => source.kind)));
    for (const kind of ['code', 'config', 'manifest', 'iac', 'html', 'csp', 'openapi', 'graph'].filter((kind) => kind !== 'graph')) assert.ok(kinds.has(kind as never), `no ${kind} source`);
    // The Agents Toolkit placeholder resolved through env/.env.dev.
    const tab = report.inventory!.hosts.find((host) => host.host === 'fabrikam-tasks.azurewebsites.net')!;
    assert.ok(tab.sources.some((source) => source.file === 'appPackage/manifest.json' && /TAB_ENDPOINT = env\/\.env\.dev:3/.test(source.via)), JSON.stringify(tab.sources));
    assert.ok(tab.directions.includes('served'));
    // The bot endpoint in Bicep is served, the setting URL outbound.
    assert.ok(tab.sources.some((source) => source.kind === 'iac'));

    // Routes from Express, ASP.NET, Flask and OpenAPI.
    const routes = report.inventory!.publicEndpoints.filter((endpoint) => endpoint.kind === 'route').map((endpoint) => `${endpoint.method} ${endpoint.path} ${endpoint.framework}`).sort();
    assert.deepEqual(routes, ['GET /api/Tasks/{id} aspnet-core', 'GET /api/tasks express-style', 'GET /tasks openapi', 'POST /api/messages express-style', 'POST /hooks/slack flask-fastapi', 'POST /tasks openapi']);
    assert.deepEqual(report.connectivity!.malformedUrls.map((bad) => [bad.source.file, bad.reason]), [['src/server.ts', 'not a valid host: bad host.vendor-two.io']]);
    assert.equal(report.connectivity!.pentestRequired, true);
    assert.ok(report.connectivity!.reasons.some((reason) => /api\.openai\.com, operated by a third party \(OpenAI\)/.test(reason)));

    const scope = JSON.parse(readFileSync(path.join(root, 'out', 'scope.json'), 'utf8'));
    assert.ok(scope.inScope.hosts.some((host: { host: string }) => host.host === 'fabrikam-tasks.azurewebsites.net'));
    assert.ok(scope.thirdParties.some((host: { host: string }) => host.host === 'api.stripe.com'));
    assert.ok(scope.outOfScope.some((entry: { host: string }) => entry.host === 'fabrikam.crm.dynamics.com'));
    const markdown = readFileSync(path.join(root, 'out', 'scope.md'), 'utf8');
    assert.match(markdown, /\| GET \| \/api\/tasks \| express-style \| src\/server\.ts:11 \|/);
    assert.doesNotMatch(markdown, /Pa55w0rd/);

    // Every scan report carries the section: the verdict and the host table.
    const scanMd = await runCli(['scan', root, '--data-dir', requireSharedData(), '-f', 'md', '-q']);
    assert.match(scanMd.stdout, /### Connections outside Microsoft 365\n\nPenetration test: required — \d+ reason\(s\)/);
    assert.match(scanMd.stdout, /\| api\.stripe\.com \| third party \| Stripe \|/);
    const scanHtml = await runCli(['scan', root, '--data-dir', requireSharedData(), '-f', 'html', '-q']);
    assert.match(scanHtml.stdout, /<h2>Connections outside Microsoft 365<\/h2>/);
    assert.match(scanHtml.stdout, /<code>GET \/api\/tasks<\/code>/);
    assert.doesNotMatch(scanHtml.stdout + scanMd.stdout, /Pa55w0rd|NotPrinted1/);
  });
});
