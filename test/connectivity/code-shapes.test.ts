import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

/** Code shapes met in public Teams and SPFx samples, each with the hosts it must give. */
const CASES: { name: string; files: Record<string, string>; hosts: Record<string, string> }[] = [
  {
    name: 'a bot class extending the Bot Framework SDK uses the Bot Connector',
    files: { 'bots/bot.js': "const { TeamsActivityHandler, CardFactory } = require('botbuilder');\nclass Bot extends TeamsActivityHandler {\n  reply() { return CardFactory.heroCard('x'); }\n}\nmodule.exports = Bot;\n" },
    hosts: { '*.botframework.com': 'microsoft' },
  },
  {
    name: 'a Python variable reassigned after the request keeps the value it had at the request',
    files: { 'search.py': "import requests\ndef search(q):\n    url = f'https://api.github.com/search/repositories?q={q}'\n    response = requests.get(url)\n    for item in response.json()['items']:\n        url = item['html_url']\n    return url\n" },
    hosts: { 'api.github.com': 'third-party' },
  },
  {
    name: 'SPFx requests to the page\'s own SharePoint site',
    files: { 'src/webparts/news/News.ts': "import { SPHttpClient } from '@microsoft/sp-http';\nexport class News {\n  load() {\n    return this.context.spHttpClient.get(`${this.context.pageContext.web.absoluteUrl}/_api/web/lists`, SPHttpClient.configurations.v1);\n  }\n}\n" },
    hosts: { '*.sharepoint.com': 'microsoft' },
  },
  {
    name: 'C#: HttpRequestMessage with its URI set in an object initializer (new Uri(base, path) too), sent from a variable',
    files: { 'Services/Partner.cs': 'using System.Net.Http;\npublic class Partner {\n  public async Task Send(HttpClient http) {\n    var request = new HttpRequestMessage { Method = HttpMethod.Post, RequestUri = new Uri("https://api.contoso-partner.com/v2/orders") };\n    await http.SendAsync(request);\n    var ping = new HttpRequestMessage() { RequestUri = new Uri(new Uri("https://status.fabrikam.io/"), "ping") };\n    await http.SendAsync(ping);\n  }\n}\n' },
    hosts: { 'api.contoso-partner.com': 'unknown', 'status.fabrikam.io': 'unknown' },
  },
  {
    name: 'a proactive message to the service URL Teams sent',
    files: { 'src/notify.ts': "export const post = (activity: { serviceUrl: string }, body: unknown) => fetch(`${activity.serviceUrl}/v3/conversations`, { method: 'POST', body: JSON.stringify(body) });\n" },
    hosts: { 'smba.trafficmanager.net': 'microsoft' },
  },
  {
    name: 'SPFx externals loaded from a CDN and assets served from the publisher\'s CDN',
    files: {
      'config/config.json': JSON.stringify({ version: '2.0', bundles: {}, externals: { jquery: { path: 'https://code.jquery.com/jquery-3.7.1.min.js', globalName: 'jQuery' } } }, null, 2),
      'config/write-manifests.json': JSON.stringify({ cdnBasePath: 'https://cdn.fabrikam-assets.net/spfx/news/' }, null, 2),
    },
    hosts: { 'code.jquery.com': 'third-party', 'cdn.fabrikam-assets.net': 'publisher' },
  },
];

describe('connectivity from code shapes of public samples', () => {
  for (const testCase of CASES) {
    it(testCase.name, async (t) => {
      const root = tempDir(t);
      writeTree(root, testCase.files);
      const run = await runCli(['connectivity', root, '--data-dir', requireSharedData(), '-f', 'json', '-q']);
      const report = JSON.parse(run.stdout) as ScanResult;
      assert.deepEqual(Object.fromEntries(report.inventory!.hosts.map((host) => [host.host, host.owner])), testCase.hosts);
    });
  }
});
