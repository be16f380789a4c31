import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { extractJavaScript } from '../../src/extract/graph/javascript.ts';
import { tokenRequestFlows } from '../../src/extract/code/extractor.ts';
import { markBodyReads, readsItemBody } from '../../src/extract/graph/body-reads.ts';
import { extractGraphFacts } from '../../src/extract/graph/index.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import type { ScanProblem } from '../../src/engine/types.ts';

type Expected = [method: string, path: string, version?: 'v1.0' | 'beta'];

/** Call shapes written for this corpus; each lists the calls a reader sees in the code, no more. */
const CASES: { name: string; code: string; calls: Expected[] }[] = [
  { name: 'SDK get', code: "await client.api('/me').get();", calls: [['GET', '/me']] },
  { name: 'SDK post', code: "await client.api('/me/sendMail').post({ message });", calls: [['POST', '/me/sendMail']] },
  { name: 'a Kiota client under any name, known by its TypeScript type; another object\'s chain is no call', code: "import { GraphServiceClient } from '@microsoft/msgraph-sdk';\nexport async function run(svc: GraphServiceClient, repo: Repo, id: string) {\n  await svc.users.byUserId(id).get();\n  await repo.users.get();\n}", calls: [['GET', '/users/{id}']] },
  { name: 'a URL joined from an array of parts', code: "const GRAPH = 'https://graph.microsoft.com/v1.0';\nawait fetch([GRAPH, 'groups', groupId, 'members'].join('/'));\nawait fetch([GRAPH, ...parts].join('/'));\nconst ids = [a, b].join(',');", calls: [['GET', '/groups/{id}/members']] },
  { name: 'SDK patch via update()', code: "await client.api(`/me/events/${id}`).update({ subject });", calls: [['PATCH', '/me/events/{id}']] },
  { name: 'SDK put', code: "await client.api('/me/photo/$value').put(blob);", calls: [['PUT', '/me/photo/$value']] },
  { name: 'SDK delete and del()', code: "await client.api(`/me/events/${a}`).delete(); await client.api(`/me/contacts/${b}`).del();", calls: [['DELETE', '/me/events/{id}'], ['DELETE', '/me/contacts/{id}']] },
  { name: 'SDK create() is post (the client\'s alias)', code: "await client.api('/me/contacts').create(contact);\nconst events = client.api('/me/events');\nawait events.create(event);", calls: [['POST', '/me/contacts'], ['POST', '/me/events']] },
  // As older add-ins and SharePoint pages call Graph: XMLHttpRequest, method first; window.open(url) is no request.
  { name: 'XMLHttpRequest open(method, url), a Fetch API Request object', code: "const xhr = new XMLHttpRequest();\nxhr.open('GET', 'https://graph.microsoft.com/v1.0/me/messages?$top=5');\nxhr.open(\"PATCH\", `https://graph.microsoft.com/v1.0/me/events/${id}`, true);\nwindow.open('https://graph.microsoft.com/v1.0/me');\nconst req = new Request('https://graph.microsoft.com/beta/me/presence', { method: 'GET' });\nawait fetch(req);", calls: [['GET', '/me/messages'], ['PATCH', '/me/events/{id}'], ['GET', '/me/presence', 'beta']] },
  { name: 'SDK getStream', code: "const s = await client.api('/me/drive/root:/a.docx:/content').getStream();", calls: [['GET', '/me/drive/root:/a.docx:/content']] },
  { name: 'SDK .version(beta)', code: "await client.api('/me/presence').version('beta').get();", calls: [['GET', '/me/presence', 'beta']] },
  { name: 'version in the path', code: "await client.api('/beta/me/insights/trending').get();", calls: [['GET', '/me/insights/trending', 'beta']] },
  { name: 'absolute URL to .api()', code: "await client.api('https://graph.microsoft.com/v1.0/me/people').get();", calls: [['GET', '/me/people']] },
  { name: 'query string in the path', code: "await client.api('/me/messages?$select=subject&$top=5').get();", calls: [['GET', '/me/messages']] },
  { name: 'modifiers between api and verb', code: "await client.api('/users').select('displayName').filter(\"startswith(displayName,'A')\").top(10).orderby('displayName').get();", calls: [['GET', '/users']] },
  { name: 'template literal with id', code: "await client.api(`/users/${userId}/manager`).get();", calls: [['GET', '/users/{id}/manager']] },
  { name: 'concatenation', code: "await client.api('/groups/' + groupId + '/members').get();", calls: [['GET', '/groups/{id}/members']] },
  { name: 'file constant', code: "const PATH = '/me/calendars';\nawait client.api(PATH).get();", calls: [['GET', '/me/calendars']] },
  // As in a public Teams bot sample: `let` given once is a constant; one reassigned later is not.
  // A reassigned one holds, at its use, each value that may reach it: '/me' when not an admin (the other is computed at run time).
  { name: 'let given once is a constant; a reassigned one holds each value that may reach the use', code: "let photoEndpoint = 'https://graph.microsoft.com/v1.0/me/photos/240x240/$value';\nlet response = await fetch(photoEndpoint, params);\nlet url = '/me';\nif (admin) url = buildAdminPath();\nawait client.api(url).get();\nfor (let i = 0; i < 3; i++) await client.api('/me/events').get();", calls: [['GET', '/me/photos/240x240/$value'], ['GET', '/me'], ['GET', '/me/events']] },
  { name: 'a variable given its URL in the arms of an if (else if, no else) requests each', code: "const GRAPH = 'https://graph.microsoft.com/v1.0';\nlet url;\nif (id) {\n  url = `${GRAPH}/users/${id}/events`;\n} else if (group) {\n  url = `${GRAPH}/groups/${group}/events`;\n} else {\n  url = `${GRAPH}/me/events`;\n}\nawait fetch(url);\nlet next = `${GRAPH}/me/contacts`;\nif (beta) next = 'https://graph.microsoft.com/beta/me/contacts';\nawait axios.get(next);\nlet page = `${GRAPH}/groups`;\nwhile (page) { const r = await (await fetch(page)).json(); page = r['@odata.nextLink']; }", calls: [['GET', '/users/{id}/events'], ['GET', '/groups/{id}/events'], ['GET', '/me/events'], ['GET', '/me/contacts', 'beta'], ['GET', '/me/contacts'], ['GET', '/groups']] },
  // As in a public MCP server for Outlook: a condition chooses the path; each branch is a call the code can make.
  { name: 'a path chosen by a condition gives each branch', code: "const endpoint = replyAll ? `/me/messages/${id}/createReplyAll` : `/me/messages/${id}/createReply`;\nawait graph(token).api(endpoint).post({});\nawait fetch(draft ? 'https://graph.microsoft.com/v1.0/me/messages' : (urgent ? 'https://graph.microsoft.com/v1.0/me/sendMail' : 'https://graph.microsoft.com/v1.0/me/messages'), { method: 'POST' });", calls: [['POST', '/me/messages/{id}/createReplyAll'], ['POST', '/me/messages/{id}/createReply'], ['POST', '/me/messages'], ['POST', '/me/sendMail']] },
  { name: 'handlers that each declare their own constant of the same name', code: "server.tool('folders', async ({ parent }) => {\n  const endpoint = parent ? `/me/mailFolders/${parent}/childFolders` : '/me/mailFolders';\n  return graph(token).api(endpoint).post(f);\n});\nserver.tool('drive', async () => {\n  const endpoint = '/me/drive/root/children';\n  return graph(token).api(endpoint).get();\n});\nconst endpoint = '/me';\nawait client.api(endpoint).get();", calls: [['POST', '/me/mailFolders/{id}/childFolders'], ['POST', '/me/mailFolders'], ['GET', '/me/drive/root/children'], ['GET', '/me']] },
  // As in a public SPFx permissions viewer: a path segment from a parameter takes the values its callers pass.
  { name: 'a path segment from a parameter takes each value the calls pass (or the default)', code: "async function groupMembers(client, groupId, endpoint = 'members') {\n  return graph.api(`/groups/${groupId}/${endpoint}`).select('displayName').get();\n}\nawait groupMembers(client, info.id, info.isOwners ? 'owners' : 'members');\nawait groupMembers(client, other.id);\nasync function user(id) { return client.api(`/users/${id}`).get(); }\nawait user(me.id);\nawait user('adele@contoso.com');", calls: [['GET', '/groups/{id}/owners'], ['GET', '/groups/{id}/members'], ['GET', '/users/{id}']] },
  { name: 'a parameter hides a module constant of the same name', code: "const path = '/me';\nasync function manager(path) { return client.api(`/users/${path}/manager`).get(); }", calls: [['GET', '/users/{id}/manager']] },
  { name: 'constant built from constants', code: "const BASE = '/teams';\nconst CHANNELS = `${BASE}/${teamId}/channels`;\nawait client.api(CHANNELS).get();", calls: [['GET', '/teams/{id}/channels']] },
  { name: 'encodeURIComponent keeps a segment', code: "await client.api(`/users/${encodeURIComponent(upn)}/photo`).get();", calls: [['GET', '/users/{id}/photo']] },
  { name: 'wrapper function taking a path', code: "async function g(path) { return client.api(path).get(); }\nawait g('/me/joinedTeams');\nawait g(`/teams/${id}/members`);", calls: [['GET', '/me/joinedTeams'], ['GET', '/teams/{id}/members']] },
  { name: 'arrow wrapper declared after use', code: "await post('/me/todo/lists', body);\nconst post = (p, b) => client.api(p).post(b);", calls: [['POST', '/me/todo/lists']] },
  { name: 'fetch wrapper with a base URL', code: "const GRAPH = 'https://graph.microsoft.com/v1.0';\nfunction callGraph(path) { return fetch(`${GRAPH}${path}`, { headers }); }\nawait callGraph('/me/drive/recent');", calls: [['GET', '/me/drive/recent']] },
  { name: 'Node https.get with an options object', code: "const https = require('https');\nhttps.get({ host: 'graph.microsoft.com', path: '/v1.0/me/drive/root/children?$select=name', headers }, (res) => res.pipe(out));", calls: [['GET', '/me/drive/root/children']] },
  { name: 'Node https.request: method and path from the options', code: "import https from 'node:https';\nconst req = https.request({ hostname: 'graph.microsoft.com', port: 443, path: `/beta/users/${id}/sendMail`, method: 'POST' });", calls: [['POST', '/users/{id}/sendMail', 'beta']] },
  // As in Microsoft's Office add-in SSO samples: a request helper whose host, version and path are parameters,
  // called by a Graph helper with its own parameters, called with the path.
  { name: 'a chain of request helpers, host and path from parameters', code: "const https = require('https');\nfunction getData(token, domain, path, version, query) {\n  return new Promise((resolve, reject) => {\n    const options = { host: domain, path: version + path + query, method: 'GET', headers: { Authorization: 'Bearer ' + token } };\n    https.get(options, resolve).on('error', reject);\n  });\n}\nasync function getGraphData(token, path, query) {\n  path = encodeURIComponent(path);\n  return getData(token, 'graph.microsoft.com', path, '/v1.0', query);\n}\nconst rootUrl = '/me/drive/root/children';\nawait getGraphData(token, rootUrl, '?$select=name&$top=10');", calls: [['GET', '/me/drive/root/children']] },
  { name: 'an Angular service method with the Graph base, and a map lookup of the same name', code: "class GraphService {\n  constructor(private http: HttpClient) {}\n  get(path: string) { return this.http.get(`https://graph.microsoft.com/v1.0${path}`); }\n  events() { return this.get('/me/events'); }\n}\nconst cached = cache.get('Content-Type');", calls: [['GET', '/me/events']] },
  { name: 'a helper given a query known only at run time keeps its path', code: "const GRAPH = 'https://graph.microsoft.com/v1.0';\nfunction graphGet(path, query) { return fetch(GRAPH + path + query); }\nawait graphGet('/me/events', buildQuery(filters));", calls: [['GET', '/me/events']] },
  { name: 'a fetch helper taking the whole URL: Graph URLs are calls, the app\'s own paths are not', code: "async function get(url) { return (await fetch(url, { headers })).json(); }\nawait get('https://graph.microsoft.com/v1.0/me/events');\nawait get('/api/orders');", calls: [['GET', '/me/events']] },
  { name: 'a helper for another host is not Graph', code: "function partner(path) { return fetch('https://api.contoso.com' + path); }\nawait partner('/me');\nfunction log(path) { console.log(path); }\nlog('/me/messages');", calls: [] },
  { name: 'fetch GET', code: "await fetch('https://graph.microsoft.com/v1.0/me/memberOf', { headers });", calls: [['GET', '/me/memberOf']] },
  { name: 'fetch with method', code: "await fetch(`https://graph.microsoft.com/v1.0/users/${id}/sendMail`, { method: 'POST', body });", calls: [['POST', '/users/{id}/sendMail']] },
  { name: 'fetch with base constant', code: "const GRAPH = 'https://graph.microsoft.com/v1.0';\nawait fetch(`${GRAPH}/sites/root`);", calls: [['GET', '/sites/root']] },
  { name: 'axios get/post/patch/delete', code: "await axios.get(GRAPH_URL + '/me');\nawait axios.post('https://graph.microsoft.com/v1.0/me/events', e);\nawait axios.patch(`https://graph.microsoft.com/v1.0/me/events/${id}`, e);\nawait axios.delete(`https://graph.microsoft.com/beta/me/events/${id}`);\nconst GRAPH_URL = 'https://graph.microsoft.com/v1.0';", calls: [['GET', '/me'], ['POST', '/me/events'], ['PATCH', '/me/events/{id}'], ['DELETE', '/me/events/{id}', 'beta']] },
  { name: 'got and superagent', code: "await got('https://graph.microsoft.com/v1.0/me/contacts');\nawait superagent.post('https://graph.microsoft.com/v1.0/me/contacts').send(c);", calls: [['GET', '/me/contacts'], ['POST', '/me/contacts']] },
  { name: 'SPFx AadHttpClient', code: "const r = await this.context.aadHttpClientFactory.getClient('https://graph.microsoft.com');\nawait r.get('https://graph.microsoft.com/v1.0/me/joinedTeams', AadHttpClient.configurations.v1);", calls: [['GET', '/me/joinedTeams']] },
  { name: 'national cloud host', code: "await fetch('https://graph.microsoft.us/v1.0/me/messages');\nawait fetch('https://microsoftgraph.chinacloudapi.cn/v1.0/me/events');", calls: [['GET', '/me/messages'], ['GET', '/me/events']] },
  { name: 'Kiota fluent chain', code: "await graphServiceClient.me.messages.get({ queryParameters: { top: 5 } });", calls: [['GET', '/me/messages']] },
  { name: 'Kiota builders for an alternate key or a function\'s parameters (xxxWithYyy), casts and a drive item\'s content', code: "await graphClient.applicationsWithAppId(appId).get();\nawait graphClient.reports.getOffice365ActiveUserDetailWithPeriod('D7').get();\nawait graphClient.groups.byGroupId(g).members.graphUser.get();\nawait graphClient.drives.byDriveId(d).items.byDriveItemId(i).content.put(stream);\nawait graphClient.me.photo.content.get();\nconst shared = await graphClient.me.drive.sharedWithMe.get();", calls: [['GET', "/applications(appId='{id}')"], ['GET', "/reports/getOffice365ActiveUserDetail(period='{id}')"], ['GET', '/groups/{id}/members/microsoft.graph.user'], ['PUT', '/drives/{id}/items/{id}/content'], ['GET', '/me/photo/$value'], ['GET', '/me/drive/sharedWithMe']] },
  { name: 'Kiota byXxxId and post', code: "await graphClient.users.byUserId(id).sendMail.post(body);\nawait graphClient.groups.byGroupId(g).members.get();", calls: [['POST', '/users/{id}/sendMail'], ['GET', '/groups/{id}/members']] },
  { name: 'Kiota $value and cast', code: "await graphClient.me.photo.content.get();\nawait graphClient.groups.byGroupId(g).members.graphUser.get();", calls: [['GET', '/me/photo/$value'], ['GET', '/groups/{id}/members/microsoft.graph.user']] },
  { name: 'Kiota client on this', code: "await this.graphClient.me.calendar.events.get();", calls: [['GET', '/me/calendar/events']] },
  { name: 'PnPjs graph', code: "const graph = graphfi().using(SPFx(this.context));\nawait graph.me();\nawait graph.users.getById(id).memberOf();", calls: [['GET', '/me'], ['GET', '/users/{id}/memberOf']] },
  { name: 'HTTP client instances made with a base URL (axios.create, got.extend, a class property, a constructor field) and new URL(path, base)', code: "import axios from 'axios';\nimport got from 'got';\nconst graph = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0/' });\nconst beta = got.extend({ prefixUrl: 'https://graph.microsoft.com/beta' });\nclass Service {\n  private client = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0' });\n  private other: AxiosInstance;\n  constructor() { this.other = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0' }); }\n  me() { return this.client.get('/me'); }\n  events() { return this.other.get('me/events'); }\n}\nawait graph.post('/me/sendMail', { message });\nawait beta.get('me/presence');\nawait graph.get('https://graph.microsoft.com/v1.0/groups');\nawait fetch(new URL('/v1.0/me/drive', 'https://graph.microsoft.com'));\nconst partner = axios.create({ baseURL: 'https://api.contoso.com' });\nawait partner.get('/me');", calls: [['GET', '/me'], ['GET', '/me/events'], ['POST', '/me/sendMail'], ['GET', '/me/presence', 'beta'], ['GET', '/groups'], ['GET', '/me/drive']] },
  // As in a public Express middleware: the base URL given with the request, not the instance.
  { name: 'a base URL in the request\'s own options (axios baseURL, got prefixUrl), over the instance\'s', code: "import axios from 'axios';\nimport got from 'got';\nawait axios.get('/me', { baseURL: 'https://graph.microsoft.com/v1.0', headers, params: { $select: 'id,officeLocation' } });\nawait axios.post('me/events', event, { baseURL: 'https://graph.microsoft.com/beta/' });\nawait got('groups', { prefixUrl: 'https://graph.microsoft.com/v1.0' });\nconst partner = axios.create({ baseURL: 'https://api.contoso.com' });\nawait partner.get('/users', { baseURL: 'https://graph.microsoft.com/v1.0' });\nawait axios.get('/me', { baseURL: 'https://api.contoso.com' });", calls: [['GET', '/me'], ['POST', '/me/events', 'beta'], ['GET', '/groups'], ['GET', '/users']] },
  { name: 'Kiota batch steps built from request information; a call of toString or constructor is no request', code: "const info = client.me.events.toPostRequestInformation(event);\nconst text = client.me.toString();\nconst made = client.users.constructor();", calls: [['POST', '/me/events']] },
  { name: 'PnPjs query methods shape the request, invoked or paged', code: "const graph = graphfi().using(SPFx(this.context));\nconst FIELDS = ['displayName', 'mail'];\nawait graph.me.select('id', 'mail')();\nawait graph.users.getById(upn).select(...FIELDS)();\nawait graph.users.top(300).paged();\nawait graph.me.messages.top(5).select('subject')();", calls: [['GET', '/me'], ['GET', '/users/{id}'], ['GET', '/users'], ['GET', '/me/messages']] },
  { name: 'PnPjs graph kept on an object, add and update', code: "import '@pnp/graph/lists';\nimport '@pnp/graph/list-item';\nawait SG._graph.sites.getById(site).lists.getById(list).items();\nawait this._graph.sites.getById(site).lists.getById(list).items.getById('1').update({ Title: 'x' });\nawait SG._graph.sites.getById(site).lists.getById(list).items.add({ fields });", calls: [['GET', '/sites/{id}/lists/{id}/items'], ['PATCH', '/sites/{id}/lists/{id}/items/{id}'], ['POST', '/sites/{id}/lists/{id}/items']] },
  { name: 'an update() that is no Graph call', code: "const store = createStore();\nstore.update({ a: 1 });\nthis.state.update(x);", calls: [] },
  { name: 'api() in one callback, the verb in the next', code: "factory.getClient('3').then((cli) => cli.api(`/sites/${site}/lists/${list}/items`)).then((request) => request.get());", calls: [['GET', '/sites/{id}/lists/{id}/items']] },
  { name: 'a Graph URL in a log message is no call', code: "display('2. Call https://graph.microsoft.com/v1.0/me/ with the server side token');\nconsole.log(`GET https://graph.microsoft.com/v1.0/users`);", calls: [] },
  { name: '$batch JSON body (SDK)', code: "await client.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'POST', url: '/me/events', body: {} }] });", calls: [['GET', '/me'], ['POST', '/me/events']] },
  // As in a public multi-tenant SharePoint client: a URL built from constants each chosen by a condition.
  { name: 'a URL built from constants a condition chooses gives each combination', code: "async function listDriveItems(siteId, driveId, folderId) {\n  const drive = driveId ? `/drives/${driveId}` : '/drive';\n  const path = folderId ? `${drive}/items/${folderId}/children` : `${drive}/root/children`;\n  return client.api(`/sites/${siteId}${path}`).get();\n}\nconst version = beta ? 'beta' : 'v1.0';\nawait fetch('https://graph.microsoft.com/' + version + '/me/presence');", calls: [['GET', '/sites/{id}/drives/{id}/items/{id}/children'], ['GET', '/sites/{id}/drive/items/{id}/children'], ['GET', '/sites/{id}/drives/{id}/root/children'], ['GET', '/sites/{id}/drive/root/children'], ['GET', '/me/presence', 'beta'], ['GET', '/me/presence']] },
  // As in a public SPFx groups directory: the inner request's url chosen in an if/else and handed over as `${apiTxt}`.
  { name: '$batch inner url from a variable set in an if/else: each value, once per request', code: "let apiTxt = '';\nif (letter === '#') {\n  apiTxt = \"/groups?$filter=startswith(displayName,'1')&$select=id,displayName&$top=999\";\n} else {\n  apiTxt = `/groups?$filter=startswith(displayName,'${letter}')&$select=id,displayName&$top=999`;\n}\nlet other = '/me/events';\nif (mail) other = '/me/messages';\nconst requestBody = { requests: [{ id: '1', method: 'GET', url: `${apiTxt}` }, { id: '2', method: 'GET', url: other }] };\nawait client.api('/$batch').post(requestBody);", calls: [['GET', '/groups'], ['GET', '/me/messages'], ['GET', '/me/events']] },
  { name: '$batch through fetch, beta', code: "const body = { requests: [{ id: '1', method: 'GET', url: `/users/${id}/presence` }] };\nawait fetch('https://graph.microsoft.com/beta/$batch', { method: 'POST', body: JSON.stringify(body) });", calls: [['GET', '/users/{id}/presence', 'beta']] },
  // As in a public Teams service: JSON-batch steps handed to the app's own batching helper, and paging through nextLink.
  { name: 'batch steps for a helper of the app, and nextLink paging', code: "const requests = [{ id: 'teams', method: 'GET', url: '/me/joinedTeams?$top=50' }, { id: 'me', method: 'GET', url: '/me' }];\nawait GraphBatch.execute(client, requests);\nlet page = await client.api('/me/joinedTeams').get();\nwhile (page['@odata.nextLink']) page = await client.api(page['@odata.nextLink']).get();\nconst menu = [{ id: 1, method: 'GET', url: '/about' }];", calls: [['GET', '/me/joinedTeams'], ['GET', '/me/joinedTeams'], ['GET', '/me']] },
  { name: 'batch steps', code: "const step = new BatchRequestStep({ id: '1', request: new Request('/me/drive/root/children', { method: 'GET' }) });", calls: [['GET', '/me/drive/root/children']] },
  { name: 'comments are not calls', code: "// await client.api('/me/contacts').get();\n/* fetch('https://graph.microsoft.com/v1.0/me/events') */\nawait client.api('/me').get();", calls: [['GET', '/me']] },
  { name: 'dead code is not a call', code: "if (false) { await client.api('/me/onenote/notebooks').get(); }\nfunction f() { return 1; client.api('/me/todo/lists').get(); }\nawait client.api('/me/planner/tasks').get();", calls: [['GET', '/me/planner/tasks']] },
  { name: 'scope strings are not calls', code: "const scopes = ['https://graph.microsoft.com/.default', 'https://graph.microsoft.com/Mail.Read'];\nawait fetch('https://graph.microsoft.com/v1.0/me');", calls: [['GET', '/me']] },
  { name: 'other hosts are not Graph', code: "await fetch('https://api.contoso.com/v1.0/me');\nawait axios.get('https://graph.facebook.com/v1.0/me');", calls: [] },
  { name: '/me and /users/{id} stay distinct', code: "await client.api('/me/manager').get();\nawait client.api(`/users/${u}/manager`).get();", calls: [['GET', '/me/manager'], ['GET', '/users/{id}/manager']] },
  { name: 'a request stored, verb unknown', code: "const request = client.api('/me/mailFolders');\nconst result = await request.get();", calls: [['GET', '/me/mailFolders']] },
  // As in a public Teams RSC sample's page script: jQuery names the method `type`.
  { name: 'jQuery $.ajax settings (url with type or method), $.ajax(url, settings), $.post, jQuery.get', code: "$.ajax({ url: 'https://graph.microsoft.com/v1.0/teams/' + teamId + '/channels', type: 'GET', beforeSend: auth });\n$.ajax({ method: 'POST', url: 'https://graph.microsoft.com/v1.0/me/sendMail', data: body });\n$.ajax('https://graph.microsoft.com/v1.0/me/contacts', { type: 'POST', data: c });\n$.post('https://graph.microsoft.com/v1.0/me/events', e);\njQuery.get('https://graph.microsoft.com/beta/me/presence');", calls: [['GET', '/teams/{id}/channels'], ['POST', '/me/sendMail'], ['POST', '/me/contacts'], ['POST', '/me/events'], ['GET', '/me/presence', 'beta']] },
  { name: 'clients handed one settings object: axios({ url, method }), request({ url }); a content type is no method', code: "await axios({ url: `https://graph.microsoft.com/v1.0/users/${id}/manager`, method: 'get' });\nawait axios({ method: 'patch', url: 'https://graph.microsoft.com/v1.0/me', data: {} });\nrequest({ url: 'https://graph.microsoft.com/v1.0/me/photo/$value', encoding: null }, done);\nawait fetch('https://graph.microsoft.com/v1.0/me/drive/root/children', { type: 'json' });\nawait axios({ url: 'https://api.contoso.com/orders', method: 'post' });", calls: [['GET', '/users/{id}/manager'], ['PATCH', '/me'], ['GET', '/me/photo/$value'], ['GET', '/me/drive/root/children']] },
  { name: 'a trailing slash names the same resource', code: "await axios.get('https://graph.microsoft.com/v1.0/users/' + id + '/teamwork/installedApps/?$expand=teamsAppDefinition');", calls: [['GET', '/users/{id}/teamwork/installedApps']] },
  { name: 'TypeScript syntax', code: "const id: string = user!.id as string;\nconst res = await client.api(`/users/${id}/licenseDetails`).get() satisfies unknown;", calls: [['GET', '/users/{id}/licenseDetails']] },
];

function calls(code: string) {
  const facts = extractJavaScript(new SourceFile('src/case.ts', code), () => undefined);
  assert.equal(facts.parseError, undefined, facts.parseError?.message);
  return facts.calls.map((call) => [call.method, call.path, call.apiVersion] as Expected);
}

/** The Graph facts of a tree of code files alone (no manifests, no permission data). */
function graphFactsOf(files: SourceFile[], problems: ScanProblem[] = []) {
  return extractGraphFacts({ files, manifests: [], apps: [], index: undefined, justifications: {}, problems });
}

describe('graph calls in JavaScript/TypeScript: call-shape corpus', () => {
  it(`has at least 40 cases (${CASES.length})`, () => assert.ok(CASES.length >= 40));
  for (const testCase of CASES) {
    it(testCase.name, () => {
      assert.deepEqual(calls(testCase.code), testCase.calls.map(([method, path, version]) => [method, path, version ?? 'v1.0']));
    });
  }

  it('reports a path computed at run time as unresolved instead of guessing', () => {
    const facts = extractJavaScript(new SourceFile('x.ts', "await client.api(buildPath(kind)).get();\nawait client.api(admin ? '/users' : userPath()).get();"), () => undefined);
    // A condition with one branch known only at run time: the known branch is a call, the other is reported.
    assert.deepEqual(facts.calls.map((call) => [call.method, call.path, call.source.line]), [['GET', '/users', 2]]);
    assert.deepEqual(facts.unresolved.map((item) => [item.reason, item.source.line]), [['the path passed to .api() is computed at run time', 1], ['a branch of the path passed to .api() is computed at run time', 2]]);
  });

  it('a Graph base URL followed by a run-time path is unresolved, not a call', () => {
    const facts = extractJavaScript(new SourceFile('x.ts', "const GRAPH = 'https://graph.microsoft.com/v1.0';\nawait fetch(GRAPH + route.graphPath);\nawait fetch(`${GRAPH}/me/photo/$value`);"), () => undefined);
    assert.deepEqual(facts.calls.map((call) => call.path), ['/me/photo/$value']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['2 the URL after the Graph base is computed at run time']);
  });

  it('a Graph URL is a request only where an HTTP client or a function whose name says it requests takes it; logged, stored or parsed it is none', () => {
    const facts = extractJavaScript(new SourceFile('x.js', [
      "const GRAPH = 'https://graph.microsoft.com/v1.0';",
      'export async function f(id) {',
      '  console.log(`${GRAPH}/users/${id}`);',
      "  logger.info(GRAPH + '/me/events');",
      "  const u = new URL(GRAPH + '/me/drive');",
      '  links.push(`${GRAPH}/groups`);',
      '  await api.retrieveData(`${GRAPH}/me/messages`);',
      "  await postToGraph(GRAPH + '/me/sendMail', message);",
      "  await this.http.get(GRAPH + '/me/people');",
      "  await got.stream(GRAPH + '/me/photo/$value');",
      '}',
      // A function that only logs the URL it builds is no request helper: its callers request nothing.
      'function trace(path) { console.log(GRAPH + path); }',
      "trace('/me/contacts');",
    ].join('\n')), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.confidence} ${call.source.line}`), ['GET /me/messages medium 7', 'POST /me/sendMail medium 8', 'GET /me/people high 9', 'GET /me/photo/$value high 10']);
    assert.deepEqual(facts.unresolved, []);
  });

  // As a PnP SPFx sample's hook calls Graph: one helper whose callers give the method, the version and the properties.
  it('a helper handed out by useCallback takes the method, version and $select its callers pass; a chain kept in a constant goes on', () => {
    const facts = extractJavaScript(new SourceFile('src/useGraph.ts', [
      "import * as React from 'react';",
      'export const useGraph = (factory: MSGraphClientFactory) => {',
      '  const clientRef = React.useRef<MSGraphClientV3>();',
      '  const callGraph = React.useCallback(async (method: string, apiUrl: string, version: string, content?: any, selectProperties?: string[]) => {',
      '    const query = clientRef.current.api(apiUrl).version(version);',
      '    selectProperties && query.select(selectProperties);',
      "    return method === 'post' ? query[method](content) : query[method]();",
      '  }, []);',
      "  const me = () => callGraph('get', '/me', 'v1.0');",
      "  const events = () => callGraph('get', '/me/events', 'beta', null, ['subject', 'start']);",
      "  const send = (message: any) => callGraph('post', '/me/sendMail', 'v1.0', { message });",
      '  return { me, events, send };',
      '};',
      'export async function direct(client: Client) {',
      "  const request = client.api('/me/messages');",
      "  request.select('subject');",
      '  return request.get();',
      '}',
    ].join('\n')), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${JSON.stringify(call.select ?? [])} ${call.confidence} ${call.source.line}`), [
      'GET /me v1.0 [] high 9',
      'GET /me/events beta ["subject","start"] high 10',
      'POST /me/sendMail v1.0 [] high 11',
      'GET /me/messages v1.0 ["subject"] high 15',
    ]);
    assert.deepEqual(facts.unresolved, []);
  });

  it('a query string built with URLSearchParams, a joined constant list or a URL object\'s searchParams gives the request its $select', () => {
    const code = "const GRAPH = 'https://graph.microsoft.com/v1.0';\nconst params = new URLSearchParams({ $select: 'id,displayName,department', $top: '10' });\nawait fetch(`${GRAPH}/users?${params}`);\nawait fetch(`${GRAPH}/me/messages?${new URLSearchParams({ '$select': 'subject,body' })}`);";
    const facts = extractJavaScript(new SourceFile('q.ts', code), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.path} ${JSON.stringify(call.select ?? [])}`), ['/users ["id","displayName","department"]', '/me/messages ["subject","body"]']);
    // A constant list joined into the query string or handed to select().
    const joined = extractJavaScript(new SourceFile('j.ts', "const GRAPH = 'https://graph.microsoft.com/v1.0';\nconst FIELDS = ['id', 'department'];\nawait fetch(`${GRAPH}/users?$select=${FIELDS.join(',')}`);\nawait client.api('/groups').select(FIELDS.join(',')).get();"), () => undefined);
    assert.deepEqual(joined.calls.map((call) => `${call.path} ${JSON.stringify(call.select ?? [])}`), ['/users ["id","department"]', '/groups ["id","department"]']);
    // A URL object's query set after it is made, the URL handed over as itself, its text or its href.
    const built = extractJavaScript(new SourceFile('u.ts', "const GRAPH = 'https://graph.microsoft.com/v1.0';\nexport async function list() {\n  const url = new URL(`${GRAPH}/users`);\n  url.searchParams.set('$select', 'id,department');\n  url.searchParams.append('$top', '10');\n  await fetch(url);\n  await fetch(url.toString());\n  await fetch(url.href);\n}\nexport async function other() {\n  const url = new URL(GRAPH + '/me/messages');\n  return fetch(url);\n}"), () => undefined);
    assert.deepEqual(built.calls.map((call) => `${call.path} ${JSON.stringify(call.select ?? [])}`), ['/users ["id","department"]', '/users ["id","department"]', '/users ["id","department"]', '/me/messages []']);
  });

  it('PnPjs query methods give the $select of the request they shape', () => {
    const facts = extractJavaScript(new SourceFile('x.ts', "import { graphfi } from '@pnp/graph';\nconst graph = graphfi().using(SPFx(this.context));\nconst FIELDS = ['displayName', 'mail'];\nawait graph.me.select('id', 'mail')();\nawait graph.users.getById(upn).select(...FIELDS).expand('manager')();"), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.path} ${JSON.stringify(call.select ?? [])} ${JSON.stringify(call.expand ?? [])}`), ['/me ["id","mail"] []', '/users/{id} ["displayName","mail"] ["manager"]']);
  });

  it('follows exported string constants across imports', () => {
    const files = [
      new SourceFile('app/src/config.ts', "export const GRAPH = 'https://graph.microsoft.com/v1.0';\nexport const ME = '/me/events';\n"),
      new SourceFile('app/src/calendar.ts', "import { GRAPH, ME } from './config';\nimport { Client } from '@microsoft/microsoft-graph-client';\nawait fetch(`${GRAPH}/me/calendars`);\nawait client.api(ME).get();\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line}`), ['GET /me/calendars app/src/calendar.ts:3', 'GET /me/events app/src/calendar.ts:4']);
  });

  it('follows an HTTP client instance another module exports with its base URL', () => {
    const files = [
      new SourceFile('web/src/api/graph.ts', "import axios from 'axios';\nexport const graphApi = axios.create({ baseURL: 'https://graph.microsoft.com/v1.0' });\nexport const partnerApi = axios.create({ baseURL: 'https://api.contoso.com' });\n"),
      new SourceFile('web/src/components/Profile.tsx', "import { graphApi, partnerApi } from '../api/graph';\nexport async function load() {\n  const me = await graphApi.get('/me');\n  await partnerApi.get('/me');\n  return me.data;\n}\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line}`), ['GET /me web/src/components/Profile.tsx:3']);
  });

  it('follows an HTTP client instance a factory function makes, in this module or an imported one, held in a constant or this.x', () => {
    const files = [
      new SourceFile('src/api/clients.ts', "import axios from 'axios';\nexport function createGraphApi() {\n  return axios.create({ baseURL: 'https://graph.microsoft.com/v1.0' });\n}\nexport const createBetaApi = () => axios.create({ baseURL: 'https://graph.microsoft.com/beta' });\nexport const createPartnerApi = () => axios.create({ baseURL: 'https://api.contoso.com' });\n"),
      new SourceFile('src/services/people.ts', "import { createGraphApi, createBetaApi, createPartnerApi } from '../api/clients';\nconst local = () => axios.create({ baseURL: 'https://graph.microsoft.com/v1.0' });\nexport class People {\n  private http = createGraphApi();\n  private beta;\n  constructor() { this.beta = createBetaApi(); }\n  me() { return this.http.get('/me'); }\n  presence() { return this.beta.get('/me/presence'); }\n}\nconst partner = createPartnerApi();\nawait partner.get('/me');\nconst graph = local();\nawait graph.get('/users');\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`), ['GET /me v1.0 7', 'GET /me/presence beta 8', 'GET /users v1.0 13']);
  });

  it('follows functions that build a URL, in this module (arguments in their parameters\' places) and imported ones', () => {
    const files = [
      new SourceFile('src/endpoints.ts', "const GRAPH = 'https://graph.microsoft.com/v1.0';\nexport const messagesUrl = (user: string) => `${GRAPH}/users/${user}/messages`;\nexport function membersUrl(group: string) {\n  return GRAPH + '/groups/' + group + '/members';\n}\nexport const count = () => 42;\n"),
      new SourceFile('src/mail.ts', [
        "import { messagesUrl, membersUrl, count } from './endpoints';",
        "const BASE = 'https://graph.microsoft.com/v1.0';",
        'function driveUrl(kind = \'recent\') { return `${BASE}/me/drive/${kind}`; }',
        'const teamUrl = (team: string, part: string) => `${BASE}/teams/${team}/${part}`;',
        'function loop(x: string): string { return loop(x) + \'/me\'; }',
        'export async function load(id: string) {',
        '  await fetch(messagesUrl(id));', // 7
        '  await axios.get(membersUrl(id));', // 8
        '  await fetch(driveUrl());', // 9: the default
        "  await fetch(driveUrl('sharedWithMe'));", // 10
        "  const channels = teamUrl(id, 'channels');",
        '  await fetch(channels);', // 12
        '  await fetch(loop(id));', // no end to it: nothing
        '  await fetch(String(count()));',
        '}',
      ].join('\n')),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /users/{id}/messages 7', 'GET /groups/{id}/members 8', 'GET /me/drive/recent 9', 'GET /me/drive/sharedWithMe 10', 'GET /teams/{id}/channels 12']);
  });

  it('follows the URL builders of a settings object (endpoints.messages(id)), in its module and from an importer', () => {
    const files = [
      new SourceFile('src/api.ts', [
        "const GRAPH = 'https://graph.microsoft.com/v1.0';",
        'export const endpoints = {',
        '  me: `${GRAPH}/me`,',
        '  messages: (id: string) => `${GRAPH}/users/${id}/messages`,',
        '  photo(id: string) { return `${GRAPH}/users/${id}/photo/$value`; },',
        '  count: () => 3,',
        '};',
        "const local = { groups: (id: string) => GRAPH + '/groups/' + id + '/owners' };",
        'export async function run(id: string) {',
        '  await fetch(endpoints.messages(id));', // 10
        '  await fetch(endpoints.photo(id));', // 11
        '  await fetch(local.groups(id));', // 12
        '  await fetch(String(endpoints.count()));',
        '}',
      ].join('\n')),
      new SourceFile('src/use.ts', "import { endpoints as api } from './api';\nexport const other = (id: string) => fetch(api.messages(id));\n"),
      // Exported by a list, and by CommonJS: in place and by name.
      new SourceFile('src/listed.ts', "const GRAPH = 'https://graph.microsoft.com/v1.0';\nconst teamUrl = (id: string) => `${GRAPH}/teams/${id}/channels`;\nexport { teamUrl as channelsUrl };\n"),
      new SourceFile('src/common.js', "const GRAPH = 'https://graph.microsoft.com/v1.0';\nfunction siteUrl(id) { return GRAPH + '/sites/' + id + '/lists'; }\nmodule.exports = { siteUrl, planUrl: (id) => `${GRAPH}/planner/plans/${id}` };\n"),
      new SourceFile('src/more.ts', "import { channelsUrl } from './listed';\nconst { siteUrl, planUrl } = require('./common');\nexport async function more(id: string) {\n  await fetch(channelsUrl(id));\n  await fetch(siteUrl(id));\n  await fetch(planUrl(id));\n}\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line}`), ['GET /users/{id}/messages src/api.ts:10', 'GET /users/{id}/photo/$value src/api.ts:11', 'GET /groups/{id}/owners src/api.ts:12', 'GET /users/{id}/messages src/use.ts:2', 'GET /teams/{id}/channels src/more.ts:4', 'GET /sites/{id}/lists src/more.ts:5', 'GET /planner/plans/{id} src/more.ts:6']);
  });

  // As Angular services write them: a base URL in a field, a private method or arrow property building each URL.
  it('follows a class\'s own URL builders (this.url(\'/me\'), an arrow property) and its string fields (this.base)', () => {
    const facts = extractJavaScript(new SourceFile('src/app/graph.service.ts', [
      "import { HttpClient } from '@angular/common/http';",
      "const GRAPH = 'https://graph.microsoft.com/v1.0';",
      'export class GraphService {',
      "  private readonly base = 'https://graph.microsoft.com/v1.0';",
      '  private handler = () => 1;',
      '  constructor(private http: HttpClient) {}',
      '  private url(path: string) { return `${this.base}${path}`; }',
      '  private userUrl = (id: string) => `${GRAPH}/users/${id}`;',
      "  me() { return this.http.get(this.url('/me')); }", // 9
      "  events() { return this.http.get(this.url('/me/events') + '?$select=subject'); }", // 10
      '  user(id: string) { return this.http.get(this.userUrl(id)); }', // 11
      '  other() { return this.http.get(this.missing(1)); }',
      '  static url(path: string) { return path; }',
      '}',
    ].join('\n')), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.select?.join(',') ?? '-'} ${call.source.line}`), ['GET /me - 9', 'GET /me/events subject 10', 'GET /users/{id} - 11']);
  });

  // As in Microsoft's React MSAL tutorial: endpoints kept in an exported settings object, a fetch helper in another module.
  it('follows properties of an exported settings object', () => {
    const files = [
      new SourceFile('src/authConfig.js', "export const protectedResources = {\n  graphMe: { endpoint: 'https://graph.microsoft.com/v1.0/me', scopes: ['User.Read'] },\n  graphContacts: { endpoint: 'https://graph.microsoft.com/v1.0/me/contacts', scopes: ['Contacts.Read'] },\n};\n"),
      new SourceFile('src/fetch.js', "export const callApiWithToken = async (accessToken, apiEndpoint) => fetch(apiEndpoint, { headers: { Authorization: `Bearer ${accessToken}` } }).then((r) => r.json());\n"),
      new SourceFile('src/pages/Contacts.jsx', "import { protectedResources as resources } from '../authConfig';\nimport { callApiWithToken } from '../fetch';\nexport const Contacts = () => {\n  useEffect(() => { callApiWithToken(token, resources.graphContacts.endpoint).then(setData); }, []);\n  return fetch(resources.graphMe.endpoint + '/photo/$value');\n};\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line} ${call.via}`), ['GET /me/contacts src/pages/Contacts.jsx:4 fetch via callApiWithToken()', 'GET /me/photo/$value src/pages/Contacts.jsx:5 fetch']);
  });

  // As in Microsoft's Node web app tutorial: the Graph base in .env, an endpoint built from it in a CommonJS
  // settings module, an axios helper named fetch, the call in a route.
  it('reads URL environment variables from the app\'s .env files and constants CommonJS modules export', () => {
    const files = [
      new SourceFile('web/.env', 'CLIENT_SECRET=abc~def\nGRAPH_API_ENDPOINT=https://graph.microsoft.com/ # ends with a slash\n'),
      new SourceFile('web/authConfig.js', "require('dotenv').config();\nconst GRAPH_ME_ENDPOINT = process.env.GRAPH_API_ENDPOINT + 'v1.0/me';\nmodule.exports = { msalConfig, GRAPH_ME_ENDPOINT, mail: { inbox: process.env['GRAPH_API_ENDPOINT'] + 'v1.0/me/mailFolders/inbox/messages' } };\nmodule.exports.GRAPH_EVENTS = `${process.env.GRAPH_API_ENDPOINT}v1.0/me/events`;\n"),
      new SourceFile('web/fetch.js', "var axios = require('axios');\nasync function fetch(endpoint, accessToken) {\n  const response = await axios.get(endpoint, { headers: { Authorization: `Bearer ${accessToken}` } });\n  return response.data;\n}\nmodule.exports = fetch;\n"),
      new SourceFile('web/routes/users.js', "var fetch = require('../fetch');\nvar { GRAPH_ME_ENDPOINT } = require('../authConfig');\nconst config = require('../authConfig');\nrouter.get('/profile', async (req, res) => res.render('profile', { profile: await fetch(GRAPH_ME_ENDPOINT, req.session.accessToken) }));\nrouter.get('/mail', async (req, res) => res.send(await fetch(config.mail.inbox, token)));\nrouter.get('/events', async (req, res) => res.send(await fetch(config.GRAPH_EVENTS, token)));\n"),
      // No .env value (a placeholder): the base is unknown, the version says Graph; less sure.
      new SourceFile('api/graph.js', "const axios = require('axios');\nawait axios.get(process.env.GRAPH_API_ENDPOINT + 'v1.0/me/drive');\n"),
      new SourceFile('api/.env.example', 'GRAPH_API_ENDPOINT=Enter_the_Graph_Endpoint_Here\n'),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line} ${call.confidence}`).sort(), [
      'GET /me web/routes/users.js:4 high',
      'GET /me/drive api/graph.js:2 medium',
      'GET /me/events web/routes/users.js:6 high',
      'GET /me/mailFolders/inbox/messages web/routes/users.js:5 high',
    ]);
  });

  // As in Microsoft's React MSAL tutorial: a hook hands out a helper (`execute`) that pages destructure and call.
  it('follows helpers a function returns, as React hooks hand them out, from .jsx modules too', () => {
    const files = [
      new SourceFile('spa/src/authConfig.js', "export const protectedResources = { graphMe: { endpoint: 'https://graph.microsoft.com/v1.0/me' }, graphMessages: { endpoint: 'https://graph.microsoft.com/v1.0/me/messages' } };\n"),
      new SourceFile('spa/src/graph.js', "import { Client } from '@microsoft/microsoft-graph-client';\nexport const getGraphClient = (accessToken) => Client.init({ authProvider: (done) => done(null, accessToken) });\n"),
      new SourceFile('spa/src/hooks/useGraphWithMsal.jsx', "import { useCallback } from 'react';\nimport { getGraphClient } from '../graph';\nconst useGraphWithMsal = (request, endpoint) => {\n  const execute = async (endpoint) => {\n    if (result) return getGraphClient(result.accessToken).api(endpoint).responseType(ResponseType.RAW).get();\n  };\n  return { error, result, execute: useCallback(execute, [result]) };\n};\nexport default useGraphWithMsal;\n"),
      new SourceFile('spa/src/pages/Mails.jsx', "import { protectedResources } from '../authConfig';\nimport useGraphWithMsal from '../hooks/useGraphWithMsal';\nexport const Mails = () => {\n  const { error, execute, result } = useGraphWithMsal({ scopes: ['Mail.Read'] }, protectedResources.graphMessages.endpoint);\n  useEffect(() => { if (result) execute(protectedResources.graphMessages.endpoint).then(setGraphData); }, [execute, result]);\n};\n"),
      new SourceFile('spa/src/hooks/useFetch.js', "const useFetch = () => {\n  const go = (url) => fetch(url);\n  return ({ go });\n};\nexport default useFetch;\n"),
      new SourceFile('spa/src/pages/Me.jsx', "import useFetch from '../hooks/useFetch';\nimport { protectedResources } from '../authConfig';\nconst { go } = useFetch();\ngo(protectedResources.graphMe.endpoint);\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line} ${call.via}`), ['GET /me/messages spa/src/pages/Mails.jsx:5 graph-client via execute()', 'GET /me spa/src/pages/Me.jsx:4 fetch via go()']);
  });

  it('follows helpers a TypeScript hook returns through `as`, `satisfies`, `await` and parentheses', () => {
    const files = [
      new SourceFile('spa/src/hooks/useFetch.ts', "export const useFetch = () => {\n  const go = (url: string) => fetch(url);\n  return { go } satisfies Helpers;\n};\nexport async function loadHelpers() {\n  const get = (url: string) => fetch(url);\n  return ({ get } as const);\n}\n"),
      new SourceFile('spa/src/pages/Me.tsx', "import { useFetch, loadHelpers } from '../hooks/useFetch';\nconst { go } = useFetch() as Helpers;\ngo('https://graph.microsoft.com/v1.0/me');\nconst { get } = (await loadHelpers())!;\nget('https://graph.microsoft.com/v1.0/me/events');\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line} ${call.via}`), ['GET /me spa/src/pages/Me.tsx:3 fetch via go()', 'GET /me/events spa/src/pages/Me.tsx:5 fetch via get()']);
  });

  it('follows request helpers across modules, CommonJS and ES, and reports a run-time path given to one', () => {
    const files = [
      new SourceFile('addin/helpers/odata.js', "var https = require('https');\nconst getData = function (token, domain, path, version, query) {\n  var options = { host: domain, path: version + path + query, method: 'GET' };\n  return new Promise((resolve) => https.get(options, resolve));\n};\nmodule.exports = getData;\n"),
      new SourceFile('addin/helpers/graph.js', "const getData = require('./odata');\nconst domain = 'graph.microsoft.com';\nasync function getGraphData(token, path, query) {\n  return getData(token, domain, encodeURIComponent(path), '/v1.0', query);\n}\nmodule.exports = getGraphData;\n"),
      new SourceFile('addin/routes/files.js', "const getGraphData = require('../helpers/graph');\nrouter.get('/files', async (req, res) => {\n  res.send(await getGraphData(token, '/me/drive/root/children', '?$select=name'));\n  res.send(await getGraphData(token, req.query.path, ''));\n});\n"),
      new SourceFile('web/graph.ts', "export async function callGraph(path: string, method = 'GET') {\n  return fetch(`https://graph.microsoft.com/v1.0${path}`, { method });\n}\nexport default callGraph;\nexport const helpers = { me: () => callGraph('/me') };\n"),
      new SourceFile('web/mail.ts', "import send, { callGraph } from './graph';\nimport * as graph from './graph';\nawait callGraph('/me/mailFolders');\nawait send('/me/messages');\nawait graph.callGraph(`/users/${id}/calendar`);\n"),
    ];
    const facts = graphFactsOf(files);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line} ${call.via}`).sort(), [
      'GET /me web/graph.ts:5 fetch via callGraph()',
      'GET /me/drive/root/children addin/routes/files.js:3 https via getGraphData()',
      'GET /me/mailFolders web/mail.ts:3 fetch via callGraph()',
      'GET /me/messages web/mail.ts:4 fetch via send()',
      'GET /users/{id}/calendar web/mail.ts:5 fetch via callGraph()',
    ]);
    assert.deepEqual(facts.calls.find((call) => call.path === '/me/drive/root/children')?.select, ['name']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.file}:${item.source.line} ${item.reason}`), ['addin/routes/files.js:4 the path passed to getGraphData() is computed at run time']);
  });

  // As in Microsoft's MSAL.js browser sample: plain scripts of one page share their globals (a settings object
  // of endpoints, a fetch helper); the callback showing the mail lives in yet another script.
  it('classic scripts of one page see each other\'s globals: settings objects, request helpers, body reads', () => {
    const files = [
      new SourceFile('spa/app/graphConfig.js', "const graphConfig = {\n  graphMeEndpoint: 'https://graph.microsoft.com/v1.0/me',\n  mail: { inbox: 'https://graph.microsoft.com/v1.0/me/mailFolders/inbox/messages' },\n};\n"),
      new SourceFile('spa/app/graph.js', "function callMSGraph(endpoint, token, callback) {\n  fetch(endpoint, { method: 'GET', headers }).then((r) => r.json()).then((r) => callback(r, endpoint));\n}\n"),
      new SourceFile('spa/app/auth.js', "function seeProfile() {\n  getTokenPopup(loginRequest).then((response) => callMSGraph(graphConfig.graphMeEndpoint, response.accessToken, updateUI));\n}\nfunction readMail() {\n  getTokenPopup(tokenRequest).then((response) => callMSGraph(graphConfig.mail.inbox, response.accessToken, updateUI));\n}\n"),
      new SourceFile('spa/app/ui.js', "function updateUI(data, endpoint) {\n  data.value.map((d) => d.subject + d.bodyPreview);\n}\n"),
      // A module is no classic script: it does not see the page's globals.
      new SourceFile('spa/app/module.js', "import { x } from './x.js';\ncallMSGraph(graphConfig.graphMeEndpoint, token);\n"),
      new SourceFile('other/page.js', "callMSGraph(graphConfig.graphMeEndpoint, token);\n"),
      // Names nothing of Graph, yet calls the page's helper.
      new SourceFile('spa/app/main.js', "document.getElementById('me').onclick = () => callMSGraph(graphConfig.graphMeEndpoint, token, show);\n"),
      // Read for the page's globals and again on its own turn: its error is reported once.
      new SourceFile('spa/app/broken.js', "var x = fetch('https://api.contoso.com' +;\n"),
    ];
    const problems: ScanProblem[] = [];
    const facts = graphFactsOf(files, problems);
    assert.deepEqual(problems.map((problem) => problem.file), ['spa/app/broken.js']);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line} ${call.via} ${call.readsBody ?? false}`), [
      'GET /me spa/app/auth.js:2 fetch via callMSGraph() false',
      'GET /me/mailFolders/inbox/messages spa/app/auth.js:5 fetch via callMSGraph() true',
      'GET /me spa/app/main.js:1 fetch via callMSGraph() false',
    ]);
  });

  it('helpers that call themselves, modules and page scripts that need each other, and a chain of 300 helpers end', () => {
    const chain = Array.from({ length: 300 }, (_, i) => i === 0 ? "const https = require('https');\nfunction h0(p) { return https.get({ host: 'graph.microsoft.com', path: '/v1.0' + p }); }" : `function h${i}(p) { return h${i - 1}(p); }`).join('\n');
    const files = [
      new SourceFile('cyc/a.js', "const { b } = require('./b');\nfunction a(path) { return path ? b(path) : fetch('https://graph.microsoft.com/v1.0' + path); }\nmodule.exports = { a };\na('/me/events');\n"),
      new SourceFile('cyc/b.js', "const { a } = require('./a');\nfunction b(path) { return a(path); }\nmodule.exports = { b };\nb('/me/contacts');\n"),
      new SourceFile('page/one.js', "var BASE = 'https://graph.microsoft.com/v1.0';\nfunction one(p) { return two(p) || fetch(BASE + p); }\none('/me/drive');\n"),
      new SourceFile('page/two.js', "function two(p) { return one(p); }\n"),
      new SourceFile('chain/helpers.js', `${chain}\nh299('/me/people');\n`),
      new SourceFile('self/loop.js', "const GRAPH = 'https://graph.microsoft.com/v1.0';\nfunction g(p) { return p.length > 99 ? g(p.slice(1)) : fetch(GRAPH + p); }\ng('/me/todo/lists');\n"),
    ];
    const facts = graphFactsOf(files);
    const paths = facts.calls.map((call) => call.path);
    for (const path of ['/me/events', '/me/drive', '/me/todo/lists']) assert.ok(paths.includes(path), `${path} in ${paths.join(', ')}`);
    assert.ok(!paths.some((path) => path.includes('{id}{id}') || /v1\.0/.test(path)), paths.join(', '));
  });

  it('records scopes and auth flows, and reports a file that does not parse', () => {
    const facts = extractJavaScript(new SourceFile('auth.ts', "const r = await pca.acquireTokenSilent({ scopes: ['User.Read', 'Calendars.Read'], account });\nconst app = await cca.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });"), () => undefined);
    assert.deepEqual(facts.scopes.map((scope) => scope.name), ['User.Read', 'Calendars.Read', 'https://graph.microsoft.com/.default']);
    assert.deepEqual(facts.flows.map((flow) => `${flow.flow}:${flow.kind}`), ['delegated:auth-code', 'application:client-credentials']);
    // Kiota's authentication provider (@microsoft/msgraph-sdk) takes its scopes as its second argument.
    const kiota = extractJavaScript(new SourceFile('kiota.ts', "const graphScopes = ['User.Read', 'Mail.Read'];\nconst authProvider = new AzureIdentityAuthenticationProvider(credential, graphScopes);\nconst other = new AzureIdentityAuthenticationProvider(credential, ['Files.Read']);"), () => undefined);
    assert.deepEqual(kiota.scopes.map((scope) => `${scope.name}:${scope.source.line}`), ['User.Read:1', 'Mail.Read:1', 'Files.Read:3']);
    // SPFx: a client from the context's factory (directly or kept on the class) acts for the signed-in user.
    const spfx = extractJavaScript(new SourceFile('Repo.ts', "const client = await this.context.msGraphClientFactory.getClient('3');\nconst aad = await this.aadHttpClientFactory.getClient(API);\nawait msGraphClientFactory.getClient('3');\nawait factory.getClient('3');"), () => undefined);
    assert.deepEqual(spfx.flows.map((flow) => `${flow.flow}:${flow.kind}:${flow.source.line}`), ['delegated:spfx-context:1', 'delegated:spfx-context:2', 'delegated:spfx-context:3']);
    const broken = extractJavaScript(new SourceFile('broken.ts', 'await client.api("/me").get(;\n'), () => undefined);
    assert.ok(broken.parseError);
  });

  // As TeamsFx notification bots call Graph as the app: `new AppCredential(config)`.
  it('TeamsFx credentials say the flow: AppCredential the app\'s own, OnBehalfOfUserCredential and TeamsUserCredential the user\'s', () => {
    const facts = extractJavaScript(new SourceFile('notify.js', "const app = new AppCredential(appAuthConfig);\nconst obo = new OnBehalfOfUserCredential(token, config);\nconst user = new TeamsUserCredential(config);\n"), () => undefined);
    assert.deepEqual(facts.flows.map((flow) => `${flow.flow}:${flow.kind}:${flow.source.line}`), ['application:client-credentials:1', 'delegated:on-behalf-of:2', 'delegated:teams-sso:3']);
  });

  // As TeamsFx takes them: scopes as one string, space- or comma-separated, or a message extension's SSO scopes.
  it('records scopes given as one string to TeamsFx and MSAL calls', () => {
    const facts = extractJavaScript(new SourceFile('bot.ts', [
      'const client = createMicrosoftGraphClientWithCredential(oboCredential, "Mail.Read");',
      'const handler = handleMessageExtensionQueryWithSSO(context, config, loginUrl, "User.Read Files.Read", async (token) => token);',
      'const token = await credential.getToken(`Calendars.Read,Tasks.ReadWrite`);',
      'const other = await helper.format("Sites.Read.All");',
    ].join('\n')), () => undefined);
    assert.deepEqual(facts.scopes.map((scope) => `${scope.name}:${scope.source.line}`), ['Mail.Read:1', 'User.Read:2', 'Files.Read:2', 'Calendars.Read:3', 'Tasks.ReadWrite:3']);
  });

  // As in MSAL Angular apps: the interceptor's protectedResourceMap gives the scopes requested for each Graph URL.
  it('records the scopes of MSAL Angular\'s protectedResourceMap for Graph URLs (set, new Map), and a public client\'s user flow', () => {
    const facts = extractJavaScript(new SourceFile('app.module.ts', [
      'const protectedResourceMap = new Map<string, Array<string>>();',
      "protectedResourceMap.set('https://graph.microsoft.com/v1.0/me', ['user.read']);",
      "protectedResourceMap.set('https://api.contoso.com/orders', ['api://orders/Orders.Read']);",
      "const config = { protectedResourceMap: new Map([['https://graph.microsoft.com/v1.0/me/messages', ['mail.read']], ['https://api.contoso.com', ['Contoso.Read']]]) };",
      "const cache = new Map([['a', ['Calendars.Read']]]);",
      "const msal = new PublicClientApplication({ auth: { clientId: 'x' } });",
    ].join('\n')), () => undefined);
    assert.deepEqual(facts.scopes.map((scope) => `${scope.name}:${scope.source.line}`), ['user.read:2', 'mail.read:4']);
    assert.deepEqual(facts.flows.map((flow) => `${flow.flow}/${flow.kind}:${flow.source.line}`), ['delegated/auth-code:6']);
  });

  // As in public Next.js and Functions apps: a managed identity's token is the app's federated client assertion.
  it('a managed identity used only for the token-exchange audience is no flow of its own; one asked for Graph is', () => {
    const flows = (code: string) => extractJavaScript(new SourceFile('auth.ts', code), () => undefined).flows.map((flow) => `${flow.flow}/${flow.kind}:${flow.source.line}`);
    assert.deepEqual(flows([
      'const mi = new ManagedIdentityCredential({ clientId: uami });',
      'const credential = new ClientAssertionCredential(tenantId, clientId, async () => (await mi.getToken("api://AzureADTokenExchange/.default")).token);',
    ].join('\n')), ['application/client-credentials:2']);
    assert.deepEqual(flows([
      'const mi = new ManagedIdentityCredential();',
      'const assertion = await mi.getToken("api://AzureADTokenExchange");',
      'const graphToken = await mi.getToken("https://graph.microsoft.com/.default");',
    ].join('\n')), ['application/managed-identity:1']);
  });

  // As in Office's nested-app-authentication samples: the scopes live in a variable handed to a token helper.
  it('records scope lists kept in variables named for scopes, once each; other arrays are not scopes', () => {
    const facts = extractJavaScript(new SourceFile('taskpane.ts', [
      'export const defaultScopes = ["user.read", "files.read"];',
      'const GRAPH_SCOPES = ["Mail.Send"] as const;',
      'async function getUserData() {',
      '  const scopes = ["user.read"];',
      '  return makeGraphRequest(accountManager, scopes, "/me", "");',
      '}',
      'const token = await pca.acquireTokenSilent({ scopes: GRAPH_SCOPES });',
      'const colours = ["Calendars.Read"];',
      'let scopes2 = buildScopes();',
    ].join('\n')), () => undefined);
    assert.deepEqual(facts.scopes.map((scope) => `${scope.name}:${scope.source.line}`), ['user.read:1', 'files.read:1', 'Mail.Send:2', 'user.read:4']);
  });

  it('a client built on a credential carries its flow to the calls made through it, scope by scope (as in the Graph training samples)', () => {
    const code = [
      "let _userClient; let _appClient; let _cred; let _appCred;",
      "function initUser(settings) {",
      "  _cred = new azure.DeviceCodeCredential({ clientId: settings.clientId });",
      "  const authProvider = new TokenCredentialAuthenticationProvider(_cred, { scopes: settings.graphUserScopes });",
      "  _userClient = graph.Client.initWithMiddleware({ authProvider: authProvider });",
      "}",
      "function initApp(settings) {",
      "  _appCred = new azure.ClientSecretCredential(settings.tenantId, settings.clientId, settings.clientSecret);",
      "  const authProvider = new TokenCredentialAuthenticationProvider(_appCred, { scopes: ['https://graph.microsoft.com/.default'] });",
      "  _appClient = graph.Client.initWithMiddleware({ authProvider });",
      "}",
      "class Service { constructor(credential) { this.graph = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(new ManagedIdentityCredential(), {}) }); }",
      "  async groups() { return this.graph.api('/groups').get(); } }",
      "export const me = () => _userClient.api('/me').get();",
      "export const users = () => _appClient?.api('/users').top(25).get();",
      "export const other = () => someClient.api('/organization').get();",
    ].join('\n');
    const facts = extractJavaScript(new SourceFile('graphHelper.js', code), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.flow ?? 'unknown'}`).sort(), ['GET /groups application', 'GET /me delegated', 'GET /organization unknown', 'GET /users application']);
  });

  it('a subscription\'s body names the resource it watches (graph client, fetch with JSON.stringify, axios); one chosen at run time is not guessed', () => {
    const code = [
      "await client.api('/subscriptions').post({ changeType: 'created', notificationUrl: url, resource: \"me/mailFolders('Inbox')/messages\" });",
      "const body = { changeType: 'updated', resource: `/users/${userId}/events` };",
      "await fetch('https://graph.microsoft.com/v1.0/subscriptions', { method: 'POST', body: JSON.stringify(body) });",
      "await axios.post('https://graph.microsoft.com/v1.0/subscriptions', { resource: '/teams/getAllMessages' });",
      'await client.api(\'/subscriptions\').post({ resource: chosen });',
      "await client.api('/me/events').post({ resource: 'not a subscription' });",
    ].join('\n');
    const facts = extractJavaScript(new SourceFile('subscribe.ts', code), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.subscribedResource ?? '-'}`), ["POST /subscriptions me/mailFolders('Inbox')/messages", 'POST /subscriptions /users/{id}/events', 'POST /subscriptions /teams/getAllMessages', 'POST /subscriptions -', 'POST /me/events -']);
  });

  it('hand-written token requests name their flow by grant type, in any language', () => {
    const flows = (path: string, text: string) => tokenRequestFlows(new SourceFile(path, text)).map((flow) => `${flow.flow} ${flow.kind} ${flow.source.line}`);
    assert.deepEqual(flows('a.py', 'data = {\n  "grant_type": "client_credentials",\n}'), ['application client-credentials 2']);
    assert.deepEqual(flows('b.js', "const body = new URLSearchParams({ grant_type: 'urn:ietf:params:oauth:grant-type:jwt-bearer', requested_token_use: 'on_behalf_of' });"), ['delegated on-behalf-of 1']);
    assert.deepEqual(flows('c.cs', 'new KeyValuePair<string, string>("grant_type", "authorization_code")'), ['delegated auth-code 1']);
    assert.deepEqual(flows('d.sh', 'curl -d "grant_type=client_credentials&client_id=$ID"'), ['application client-credentials 1']);
    assert.deepEqual(flows('e.py', '# the grant_type is chosen below\ngrant = "refresh"'), []);
    // PowerShell hashtables are written in any case (as in public report scripts).
    assert.deepEqual(flows('f.ps1', '$tokenBody = @{\n    Grant_Type    = "client_credentials"\n    Scope         = "https://graph.microsoft.com/.default"\n}'), ['application client-credentials 2']);
    assert.deepEqual(flows('g.ps1', '$body = @{ GRANT_TYPE = "Password"; username = $u }'), ['delegated password 1']);
  });

  it('survives a gigantic string concatenation and deep nesting without crashing', () => {
    const big = `const p = ${Array.from({ length: 5000 }, (_, i) => `'/s${i}'`).join(' + ')};\nawait client.api(p).get();`;
    const facts = extractJavaScript(new SourceFile('big.ts', big), () => undefined);
    assert.ok(facts.calls.length + facts.unresolved.length <= 1);
    const deep = `const x = ${'('.repeat(2000)}1${')'.repeat(2000)};\nawait client.api('/me').get();`;
    const deepFacts = extractJavaScript(new SourceFile('deep.ts', deep), () => undefined);
    assert.ok(deepFacts.parseError || deepFacts.calls.length === 1);
    // 20,000 requests kept in constants and continued on them: each chain reads only its own name's calls.
    const held = Array.from({ length: 20_000 }, (_, i) => `const q${i} = client.api('/users/${i}'); q${i}.select('id'); await q${i}.get();`).join('\n');
    const heldFacts = extractJavaScript(new SourceFile('held.ts', held), () => undefined);
    assert.equal(heldFacts.calls.length, 20_000);
    assert.ok(heldFacts.calls.every((call, index) => call.path === `/users/${index}` && call.select?.join() === 'id' && call.confidence === 'high'));
    // One variable given 20,000 URLs in turn, in the arms of as many ifs: each request takes the values reaching it.
    const reused = `async function f(x) {\n  let url;\n${Array.from({ length: 20_000 }, (_, i) => `  if (x) { url = 'https://graph.microsoft.com/v1.0/users/${i}'; } else { url = 'https://graph.microsoft.com/v1.0/groups/${i}'; }\n  await fetch(url);`).join('\n')}\n}\n`;
    const reusedFacts = extractJavaScript(new SourceFile('reused.js', reused), () => undefined);
    assert.equal(reusedFacts.calls.length, 40_000);
    assert.deepEqual(reusedFacts.calls.slice(-2).map((call) => call.path), ['/users/19999', '/groups/19999']);
    // 2,000 constants each chosen by a condition from the one before, in one URL: a bounded number of values, no blow-up.
    const chosen = `const c0 = a ? '/me' : '/users/x';\n${Array.from({ length: 2_000 }, (_, i) => `const c${i + 1} = f${i} ? \`\${c${i}}/a\` : \`\${c${i}}/b\`;`).join('\n')}\nawait client.api(\`\${c2000}\`).get();\nawait client.api(\`\${c1}/messages\`).get();`;
    const chosenFacts = extractJavaScript(new SourceFile('chosen.ts', chosen), () => undefined);
    assert.ok(chosenFacts.calls.length + chosenFacts.unresolved.length <= 16, String(chosenFacts.calls.length));
    assert.deepEqual(chosenFacts.calls.filter((call) => call.source.line === 2003).map((call) => call.path).sort(), ['/me/a/messages', '/me/b/messages', '/users/x/a/messages', '/users/x/b/messages']);
  });

  // As public apps page through Graph: the first page's URL in a let, the next page's link assigned in the loop.
  it('a paging loop through a reassigned let: the first page is the call; a $select computed at run time selects nothing known', () => {
    const facts = extractJavaScript(new SourceFile('sync.mjs', "export async function search(token) {\n  let url = `https://graph.microsoft.com/v1.0/users/${id}/messages?$select=${FIELDS}&$top=999`;\n  while (url) {\n    const resp = await fetch(url, { headers: { authorization: `Bearer ${token}` } });\n    const data = await resp.json();\n    url = data['@odata.nextLink'];\n  }\n  let next = `https://graph.microsoft.com/v1.0/me/messages?$select=subject,from`;\n  do { const r = await (await fetch(next)).json(); next = r['@odata.nextLink']; } while (next);\n}\n"), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line} ${call.select?.join(',') ?? '-'}`), ['GET /users/{id}/messages 4 -', 'GET /me/messages 9 subject,from']);
    assert.deepEqual(facts.unresolved, []);
  });

  it('a helper handed the next page\'s link continues a counted request; an inner $batch url known only at run time is reported, never GET /{id}', () => {
    const facts = extractJavaScript(new SourceFile('groups.ts', "const first = await client.api('/groups').get();\nconst link = first['@odata.nextLink'];\nconst handleNextPage = (url: string) => {\n  client.api(url).get((error: any, page: any) => {\n    const nextLink = page['@odata.nextLink'];\n    if (nextLink) handleNextPage(nextLink);\n  });\n};\nhandleNextPage(link);\nhandleNextPage(computeStart());\nawait client.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: `${pathFor(kind)}` }] });\n"), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /groups 1']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['10 the path passed to handleNextPage() is computed at run time', '11 a $batch inner request with a dynamic url']);
  });

  it('$select and $expand given to .query() as an object or a query string; a paging link through a variable is no unknown call', () => {
    const facts = extractJavaScript(new SourceFile('mail.ts', "const r = await client.api('/me/messages').query({ $select: 'id,subject', $top: 5 }).get();\nawait client.api('/me/events').query('$select=subject&$expand=attachments').get();\nawait client.api('/me/contacts').query(`$select=${FIELDS}`).get();\nlet next = r['@odata.nextLink'];\nwhile (next) { const page = await client.api(next).get(); next = page['@odata.nextLink']; }\nlet other = computePath();\nawait client.api(other).get();\nother = r['@odata.nextLink'];\n"), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.select?.join(',') ?? '-'} ${call.expand?.join(',') ?? '-'}`), ['GET /me/messages id,subject -', 'GET /me/events subject attachments', 'GET /me/contacts - -']);
    // The next page continues the first request; a path computed otherwise stays unknown.
    assert.deepEqual(facts.unresolved.map((item) => item.source.line), [7]);
  });

  it('$select and $expand given as query parameters in the client\'s options (axios params, got searchParams)', () => {
    const facts = extractJavaScript(new SourceFile('mail.ts', "const params = { $top: 10, $select: 'id,subject,bodyPreview' };\nconst a = await axios.get('https://graph.microsoft.com/v1.0/me/messages', { headers, params });\nconst b = await axios.post('https://graph.microsoft.com/v1.0/me/events', body, { params: { $select: 'id' } });\nconst c = await got('https://graph.microsoft.com/v1.0/me/contacts', { searchParams: { $expand: 'photo', $select: `${FIELDS}` } });\nconst d = await axios({ url: 'https://graph.microsoft.com/v1.0/me/drive', method: 'get', params: { $select: 'quota' } });\n"), () => undefined);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.select?.join(',') ?? '-'} ${call.expand?.join(',') ?? '-'}`), ['GET /me/messages id,subject,bodyPreview -', 'POST /me/events id -', 'GET /me/contacts - photo', 'GET /me/drive quota -']);
  });

  it('marks reads of messages and events that select nothing, in a file that reads a body', () => {
    const marked = (text: string) => {
      const file = new SourceFile('mail.ts', text);
      const facts = extractJavaScript(file, () => undefined);
      markBodyReads(facts.calls, readsItemBody(file.text));
      return facts.calls.map((call) => `${call.method} ${call.path}${call.readsBody ? ' body' : ''}`);
    };
    const reads = "const list = await client.api('/me/messages').get();\nconst one = await client.api(`/me/events/${id}`).get();\nconst picked = await client.api('/me/messages').select('subject').get();\nawait client.api('/me/messages').post(m);\nawait client.api('/me/contacts').get();\n";
    assert.deepEqual(marked(`${reads}render(list.value[0].body.content);`), ['GET /me/messages body', 'GET /me/events/{id} body', 'GET /me/messages', 'POST /me/messages', 'GET /me/contacts']);
    assert.deepEqual(marked(`${reads}render(list.value[0].subject);`), ['GET /me/messages', 'GET /me/events/{id}', 'GET /me/messages', 'POST /me/messages', 'GET /me/contacts']);
    // Writing a body (a message to send) is not reading one.
    assert.deepEqual(marked(`${reads}message.body = { contentType: 'text' };\nmessage.body.content = text;\nreply['body'] = draft;`)[0], 'GET /me/messages');
    assert.deepEqual(marked(`${reads}if (list.value[0].body.content === '') skip();`)[0], 'GET /me/messages body');
  });

  it('gives up on a parameter whose callers pass too many values, and reads 30,000 callers without slowing down', () => {
    const callers = Array.from({ length: 30_000 }, (_, i) => `await members('g', 'kind${i % 20}');`).join('\n');
    const text = `async function members(group, kind) { return client.api(\`/groups/\${group}/\${kind}\`).get(); }\n${callers}`;
    const facts = extractJavaScript(new SourceFile('many.ts', text), () => undefined);
    // 20 values are more than a call site is expanded into: the segment stays unknown, one call.
    assert.deepEqual(facts.calls.map((call) => call.path), ['/groups/{id}/{id}']);
    const few = extractJavaScript(new SourceFile('few.ts', text.replace(/kind\$\{i % 20\}/, 'x').replace(/'kind\d+'/g, "'members'")), () => undefined);
    assert.deepEqual(few.calls.map((call) => call.path), ['/groups/g/members']);
  });
});
