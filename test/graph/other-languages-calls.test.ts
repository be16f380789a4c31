import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { extractPowerShell, resolveCmdlet } from '../../src/extract/graph/powershell.ts';
import { PowerShellCommandMap } from '../../src/knowledge/graph/powershell-commands.ts';
import { extractTreeLanguage } from '../../src/extract/graph/tree-languages.ts';
import { loadParsers, type TreeParsers, type TreeLanguage } from '../../src/extract/graph/tree-sitter.ts';
import { SourceFile } from '../../src/sources/source-file.ts';
import { environmentUrls } from '../../src/extract/code/environment.ts';
import { extractCode } from '../../src/extract/code/index.ts';
import { extractGraphFacts } from '../../src/extract/graph/index.ts';
import type { ScanProblem } from '../../src/engine/types.ts';

type Expected = [method: string, path: string, version?: 'v1.0' | 'beta'];
let parsers: TreeParsers;
before(async () => {
  parsers = (await loadParsers(['csharp', 'python', 'java'])).parsers;
});

const wrap: Record<TreeLanguage | 'powershell', (body: string) => string> = {
  csharp: (body) => `using Microsoft.Graph;\npublic class Service {\n  private const string GraphBase = "https://graph.microsoft.com/v1.0";\n  public async Task Run(GraphServiceClient graphClient, HttpClient http, string id) {\n${body}\n  }\n}\n`,
  python: (body) => `from msgraph import GraphServiceClient\nGRAPH = "https://graph.microsoft.com/v1.0"\nasync def run(client, user_id):\n${body.split('\n').map((line) => `    ${line}`).join('\n')}\n`,
  java: (body) => `import com.microsoft.graph.serviceclient.GraphServiceClient;\nclass Service {\n  static final String BASE = "https://graph.microsoft.com/v1.0";\n  void run(GraphServiceClient graphClient, String id) {\n${body}\n  }\n}\n`,
  powershell: (body) => body,
};

/** Cmdlet uses matched through the curated table, as a scan without the SDK's command map does. */
function withCmdletsResolved<T extends ReturnType<typeof extractPowerShell>>(facts: T): T {
  for (const use of facts.cmdlets ?? []) {
    const call = resolveCmdlet(use, undefined);
    if (call) facts.calls.push(call);
  }
  facts.calls.sort((a, b) => a.source.line - b.source.line);
  return facts;
}

const OFFICE365 = 'from office365.graph_client import GraphClient';

const CASES: { language: TreeLanguage | 'powershell'; name: string; code: string; calls: Expected[] }[] = [
  { language: 'csharp', name: 'v5 property chain', code: 'var me = await graphClient.Me.GetAsync();', calls: [['GET', '/me']] },
  { language: 'csharp', name: 'v5 indexer with a literal and a variable', code: 'await graphClient.Users["jane@contoso.com"].GetAsync();\nawait graphClient.Users[id].Messages.GetAsync(c => c.QueryParameters.Top = 5);', calls: [['GET', '/users/{id}'], ['GET', '/users/{id}/messages']] },
  { language: 'csharp', name: 'v5 post, patch, delete', code: 'await graphClient.Me.SendMail.PostAsync(body);\nawait graphClient.Me.Events[id].PatchAsync(e);\nawait graphClient.Me.Events[id].DeleteAsync();', calls: [['POST', '/me/sendMail'], ['PATCH', '/me/events/{id}'], ['DELETE', '/me/events/{id}']] },
  { language: 'csharp', name: 'the null-forgiving operator on a nullable client field', code: 'var me = await _graphClient!.Me.GetAsync();\nvar user = await _graphClient!.Users[id].GetAsync();', calls: [['GET', '/me'], ['GET', '/users/{id}']] },
  { language: 'csharp', name: 'null-conditional access on a client and inside a chain', code: 'var me = await _graphClient?.Me.GetAsync();\nvar mail = _graphClient?.Users[id].Messages.GetAsync();\nvar drive = await _graphClient?.Me?.Drive.GetAsync();\nvar cache = _cache?.Items.GetAsync();', calls: [['GET', '/me'], ['GET', '/users/{id}/messages'], ['GET', '/me/drive']] },
  { language: 'csharp', name: 'a path below an item given by id (the root item\'s alias): the one item the path names', code: 'await graphClient.Drives[id].Items["root"].ItemWithPath("a.txt").Content.PutAsync(stream);\nawait graphClient.Drives[id].Items[folder].ItemWithPath("b.txt").GetAsync();', calls: [['PUT', '/drives/{id}/items/{id}/content'], ['GET', '/drives/{id}/items/{id}']] },
  { language: 'java', name: 'a path below an item given by id (the root item\'s alias): the one item the path names', code: 'graphClient.drives(id).items(folderId).itemWithPath("a.txt").buildRequest().get();\ngraphClient.drives(id).root().itemWithPath("b.txt").content().buildRequest().put(bytes);', calls: [['GET', '/drives/{id}/items/{id}'], ['PUT', '/drives/{id}/items/{id}/content']] },
  { language: 'csharp', name: 'new Uri(base, relative) and new Uri(url, UriKind.Absolute) as the URL', code: 'var events = await http.GetAsync(new Uri(new Uri("https://graph.microsoft.com/v1.0/"), "me/events"));\nvar me = await http.GetAsync(new Uri($"{GraphBase}/me", UriKind.Absolute));', calls: [['GET', '/me/events'], ['GET', '/me']] },
  { language: 'csharp', name: 'v5 entity sets at the root beyond the common ones', code: 'var skus = await graphClient.SubscribedSkus.GetAsync();\nvar risky = await graphClient.IdentityProtection.RiskyUsers.GetAsync();', calls: [['GET', '/subscribedSkus'], ['GET', '/identityProtection/riskyUsers']] },
  { language: 'csharp', name: 'v5 $value', code: 'var photo = await graphClient.Me.Photo.Content.GetAsync();', calls: [['GET', '/me/photo/$value']] },
  { language: 'csharp', name: 'v4 Request() with modifiers', code: 'var page = await graphClient.Me.Events.Request().Select("subject").Top(10).GetAsync();\nawait graphClient.Me.Contacts.Request().AddAsync(contact);', calls: [['GET', '/me/events'], ['POST', '/me/contacts']] },
  { language: 'csharp', name: 'v4 actions and functions are methods before Request()', code: 'await graphClient.Me.SendMail(message, true).Request().PostAsync();\nvar delta = await graphClient.Me.Drive.Root.Delta().Request().GetAsync();\nawait graphClient.Me.Drive.Items[id].Copy(parent, name).Request().WithMaxRetry(3).PostAsync();', calls: [['POST', '/me/sendMail'], ['GET', '/me/drive/root/delta'], ['POST', '/me/drive/items/{id}/copy']] },
  // As in public console tools: a client made in the method under any name, for the beta endpoint or v1.0.
  { language: 'csharp', name: 'a client made in place under any name; its base URL gives the version', code: 'var beta = new GraphServiceClient("https://graph.microsoft.com/beta", new DelegateAuthenticationProvider(r => Task.CompletedTask));\nawait beta.Me.Presence.Request().GetAsync();\nvar app = new GraphServiceClient(credential, new[] { "https://graph.microsoft.com/.default" });\nawait app.Users[id].SendMail.PostAsync(body);', calls: [['GET', '/me/presence', 'beta'], ['POST', '/users/{id}/sendMail']] },
  { language: 'python', name: 'a client made in place under any name', code: 'svc = GraphServiceClient(credentials=credential, scopes=["https://graph.microsoft.com/.default"])\nusers = await svc.users.get()', calls: [['GET', '/users']] },
  { language: 'csharp', name: 'v4 References and Reference are $ref', code: 'await graphClient.Groups[id].Members.References.Request().AddAsync(member);\nawait graphClient.Groups[id].Owners[userId].Reference.Request().DeleteAsync();', calls: [['POST', '/groups/{id}/members/$ref'], ['DELETE', '/groups/{id}/owners/{id}/$ref']] },
  // As in a public ASP.NET drive service: items addressed by path under a drive chosen by a condition.
  { language: 'csharp', name: 'an item addressed by its path is an item', code: 'var drive = site != null ? graphClient.Sites[site].Drive : graphClient.Me.Drive;\nvar children = await drive.Root.ItemWithPath(path).Children.Request().GetAsync();\nvar session = await graphClient.Me.Drive.Root.ItemWithPath(path).CreateUploadSession(props).Request().PostAsync();', calls: [['GET', '/sites/{id}/drive/items/{id}/children'], ['GET', '/me/drive/items/{id}/children'], ['POST', '/me/drive/items/{id}/createUploadSession']] },
  { language: 'csharp', name: 'a method that is not before Request() is not a segment (the request information is the GET it describes)', code: 'var info = await graphClient.Me.Messages.ToGetRequestInformation().GetAsync();\nvar me = await graphClient.Me.GetAsync();', calls: [['GET', '/me/messages'], ['GET', '/me']] },
  { language: 'csharp', name: 'HttpClient with an interpolated URL', code: 'var json = await http.GetStringAsync($"{GraphBase}/groups/{id}/members");\nawait http.PostAsync("https://graph.microsoft.com/v1.0/me/events", content);', calls: [['GET', '/groups/{id}/members'], ['POST', '/me/events']] },
  { language: 'csharp', name: 'HttpRequestMessage', code: 'var request = new HttpRequestMessage(HttpMethod.Patch, GraphBase + "/me");', calls: [['PATCH', '/me']] },
  { language: 'csharp', name: 'HttpRequestMessage set in an object initializer (a GET unless its method is set)', code: 'var remove = new HttpRequestMessage { Method = HttpMethod.Delete, RequestUri = new Uri($"{GraphBase}/users/{id}") };\nvar read = new HttpRequestMessage() { RequestUri = new Uri(GraphBase + "/me/messages") };\nvar update = new HttpRequestMessage(HttpMethod.Patch, $"{GraphBase}/me") { Content = JsonContent.Create(body) };', calls: [['DELETE', '/users/{id}'], ['GET', '/me/messages'], ['PATCH', '/me']] },
  { language: 'csharp', name: 'comments and code after return are not calls', code: '// await graphClient.Me.Contacts.GetAsync();\nawait graphClient.Me.Calendar.GetAsync();\nreturn;\nawait graphClient.Me.Todo.Lists.GetAsync();', calls: [['GET', '/me/calendar']] },
  { language: 'csharp', name: 'a call in the returned expression counts; the body of if (false) does not', code: 'if (false) { await graphClient.Me.Contacts.GetAsync(); }\nif (id == null) { return await graphClient.Me.Calendar.GetAsync(); }\nreturn await graphClient.Me.Drive.GetAsync();', calls: [['GET', '/me/calendar'], ['GET', '/me/drive']] },
  { language: 'csharp', name: 'a request builder chosen by a condition and kept in a variable', code: 'var builder = id != null ? graphClient.Users[id].Events : graphClient.Me.Events;\nvar page = await builder.GetAsync();', calls: [['GET', '/users/{id}/events'], ['GET', '/me/events']] },
  // Kiota's xxxWithYyy(…) builders address an entity by an alternate key or pass a function's parameters; casts and `content` as each SDK spells them.
  { language: 'csharp', name: 'v5 builders for an alternate key or a function\'s parameters, casts, and content as /content or /$value', code: 'var app = await graphClient.ApplicationsWithAppId(appId).GetAsync();\nvar report = await graphClient.Reports.GetOffice365ActiveUserDetailWithPeriod("D7").GetAsync();\nvar users = await graphClient.Groups[id].Members.GraphUser.GetAsync();\nawait graphClient.Drives[id].Items[id].Content.PutAsync(stream);\nvar photo = await graphClient.Me.Photo.Content.GetAsync();\nvar mime = await graphClient.Me.Messages[id].Content.GetAsync();\nvar page = await graphClient.Me.Onenote.Pages[id].Content.GetAsync();', calls: [['GET', "/applications(appId='{id}')"], ['GET', "/reports/getOffice365ActiveUserDetail(period='{id}')"], ['GET', '/groups/{id}/members/microsoft.graph.user'], ['PUT', '/drives/{id}/items/{id}/content'], ['GET', '/me/photo/$value'], ['GET', '/me/messages/{id}/$value'], ['GET', '/me/onenote/pages/{id}/content']] },
  { language: 'python', name: 'builders for an alternate key or a function\'s parameters, and casts, in snake case', code: 'sp = await client.service_principals_with_app_id(app_id).get()\nreport = await client.reports.get_office365_active_user_detail_with_period("D7").get()\nusers = await client.groups.by_group_id(gid).members.graph_user.get()\nawait client.drives.by_drive_id(d).items.by_drive_item_id(i).content.put(data)', calls: [['GET', "/servicePrincipals(appId='{id}')"], ['GET', "/reports/getOffice365ActiveUserDetail(period='{id}')"], ['GET', '/groups/{id}/members/microsoft.graph.user'], ['PUT', '/drives/{id}/items/{id}/content']] },
  { language: 'python', name: 'with_url(next_link) pages through the same request', code: 'page = await client.users.by_user_id(user_id).messages.get()\nwhile page.odata_next_link:\n    page = await client.users.by_user_id(user_id).messages.with_url(page.odata_next_link).get()', calls: [['GET', '/users/{id}/messages'], ['GET', '/users/{id}/messages']] },
  { language: 'java', name: 'withUrl(nextLink) pages through the same request', code: 'var page = graphClient.me().messages().get();\nwhile (page.getOdataNextLink() != null) { page = graphClient.me().messages().withUrl(page.getOdataNextLink()).get(); }', calls: [['GET', '/me/messages'], ['GET', '/me/messages']] },
  // As in a public Spring user service: a page a request returned is read with List.get(0), no request of its own.
  { language: 'java', name: 'what a request returns is no request builder (a page\'s getValue().get(0))', code: 'var page = graphClient.users().get(req -> { req.queryParameters.top = 1; });\nString userId = page.getValue().get(0).getId();\nvar first = graphClient.groups().get().getValue().get(0);\ngraphClient.groups().byGroupId(first.getId()).members().ref().post(ref);', calls: [['GET', '/users'], ['GET', '/groups'], ['POST', '/groups/{id}/members/$ref']] },
  { language: 'java', name: 'v6 builders for an alternate key or a function\'s parameters', code: 'var app = graphClient.applicationsWithAppId(appId).get();\nvar report = graphClient.reports().getOffice365ActiveUserDetailWithPeriod("D7").get();\ngraphClient.drives().byDriveId(id).items().byDriveItemId(id).content().put(stream);', calls: [['GET', "/applications(appId='{id}')"], ['GET', "/reports/getOffice365ActiveUserDetail(period='{id}')"], ['PUT', '/drives/{id}/items/{id}/content']] },
  { language: 'python', name: '$batch: each inner request of the json body is a call, the batch none', code: 'body = {"requests": [{"id": "1", "method": "GET", "url": f"/users/{user_id}/messages"}, {"id": "2", "method": "PATCH", "url": "me/events/1"}]}\nrequests.post(f"{GRAPH}/$batch", json=body)\nrequests.post("https://graph.microsoft.com/beta/$batch", json={"requests": [{"id": "1", "method": "GET", "url": "/me/presence"}]})', calls: [['GET', '/users/{id}/messages'], ['PATCH', '/me/events/1'], ['GET', '/me/presence', 'beta']] },
  { language: 'csharp', name: '$batch through HttpClient: the inner requests of a JSON string body', code: 'var json = "{\\"requests\\":[{\\"id\\":\\"1\\",\\"method\\":\\"GET\\",\\"url\\":\\"/me/drive\\"}]}";\nawait http.PostAsync(GraphBase + "/$batch", new StringContent(json, Encoding.UTF8, "application/json"));', calls: [['GET', '/me/drive']] },
  { language: 'python', name: 'SDK chain', code: 'me = await client.me.get()', calls: [['GET', '/me']] },
  { language: 'python', name: 'by_user_id and snake_case segments', code: 'folders = await client.users.by_user_id(user_id).mail_folders.get()', calls: [['GET', '/users/{id}/mailFolders']] },
  { language: 'python', name: 'post and delete', code: 'await client.me.send_mail.post(body)\nawait client.me.events.by_event_id(eid).delete()', calls: [['POST', '/me/sendMail'], ['DELETE', '/me/events/{id}']] },
  { language: 'python', name: 'requests with an f-string', code: 'r = requests.get(f"{GRAPH}/users/{user_id}/drive/root/children", headers=h)', calls: [['GET', '/users/{id}/drive/root/children']] },
  { language: 'python', name: 'str.format and printf-style URLs (the Django tutorial\'s shape)', code: "requests.get('{0}/me'.format(GRAPH), headers=h)\nrequests.get('{}/users/{}/events'.format(GRAPH, user_id))\nrequests.get('{base}/me/drive'.format(base=GRAPH))\nrequests.post('%s/me/events' % GRAPH, data=d)\nrequests.get('%s/groups/%s/members' % (GRAPH, group_id))\nrequests.get('{0}/me'.format(unknown_base))", calls: [['GET', '/me'], ['GET', '/users/{id}/events'], ['GET', '/me/drive'], ['POST', '/me/events'], ['GET', '/groups/{id}/members']] },
  { language: 'python', name: 'httpx clients made with a base URL', code: 'graph = httpx.Client(base_url=GRAPH)\nr = graph.get("/me/messages")\nasync with httpx.AsyncClient(base_url="https://graph.microsoft.com/beta/") as client:\n    await client.post("me/events", json=e)\nother = httpx.Client(base_url="https://api.contoso.com")\nother.get("/me")', calls: [['GET', '/me/messages'], ['POST', '/me/events', 'beta']] },
  // msgraph-core's GraphClient (before 1.0), as public services use it: paths on its base, its version and cloud by keyword.
  { language: 'python', name: 'msgraph-core GraphClient: relative paths on its base URL (api_version, cloud), kept on self after None, a typed parameter', code: 'from msgraph.core import GraphClient, APIVersion, NationalClouds\ngraph = GraphClient(credential=credential)\nusers = graph.get("/users").json()\nbeta = GraphClient(credential=credential, api_version=APIVersion.beta)\nbeta.get("/identity/conditionalAccess/namedLocations")\ngov = GraphClient(credential=credential, api_version="beta", cloud=NationalClouds.US_GOV)\ngov.post(url=f"/users/{user_id}/sendMail", json=data)\nself.client = None\nself.client = GraphClient(credential=credential)\nself.client.patch(f"/applications/{user_id}", body)\ndef send(graph_client: GraphClient, sender):\n    graph_client.delete(f"/users/{sender}/messages/{mid}")', calls: [['GET', '/users'], ['GET', '/identity/conditionalAccess/namedLocations', 'beta'], ['POST', '/users/{id}/sendMail', 'beta'], ['PATCH', '/applications/{id}'], ['DELETE', '/users/{id}/messages/{id}']] },
  { language: 'python', name: 'a GraphClient msgraph-core does not make (the file does not import it) puts no base before a path', code: 'from .client import GraphClient\ngraph = GraphClient(credential=credential)\nusers = graph.get("/users").json()\ndef send(graph_client: GraphClient):\n    graph_client.post("/me/sendMail", json=d)', calls: [] },
  // As in a public Spring service: RestTemplate built with a root URI; the URL's {variables} filled in order, a $select joined.
  { language: 'java', name: 'RestTemplate with rootUri: relative URLs, URI variables in order, $select lists joined (StringJoiner, String.join)', code: 'RestTemplate rest = new RestTemplateBuilder().rootUri(BASE).build();\nString fields = new StringJoiner(",").add("id").add("department").toString();\nrest.getForEntity("/users/{id}?$select={properties}", User.class, id, fields);\nrest.getForObject("/groups/{id}/members?$select={props}", Members.class, id, String.join(",", "id", "mail"));\nrest.postForObject("/users/{id}/sendMail", body, Void.class, id);\nRestTemplate other = new RestTemplateBuilder().rootUri("https://api.contoso.com").build();\nother.getForObject("/users/{id}", User.class, id);', calls: [['GET', '/users/{id}'], ['GET', '/groups/{id}/members'], ['POST', '/users/{id}/sendMail']] },
  // As in public console tools switching the client to the beta endpoint after making it.
  { language: 'csharp', name: 'a client given the beta base URL after it is made (v4 BaseUrl, v5 RequestAdapter.BaseUrl); another client stays v1.0', code: 'var client = new GraphServiceClient(provider);\nclient.BaseUrl = "https://graph.microsoft.com/beta";\nvar users = await client.Users.Request().GetAsync();\n_betaClient.RequestAdapter.BaseUrl = "https://graph.microsoft.com/beta";\nvar groups = await _betaClient.Groups.GetAsync();\nvar me = await graphClient.Me.GetAsync();', calls: [['GET', '/users', 'beta'], ['GET', '/groups', 'beta'], ['GET', '/me']] },
  { language: 'java', name: 'a client given the beta base URL through its request adapter', code: 'graphClient.getRequestAdapter().setBaseUrl("https://graph.microsoft.com/beta");\nvar users = graphClient.users().get();', calls: [['GET', '/users', 'beta']] },
  { language: 'python', name: 'a client given the beta base URL through its request adapter; a v1.0 base keeps v1.0', code: 'client.request_adapter.base_url = "https://graph.microsoft.com/beta"\nusers = await client.users.get()\nother.request_adapter.base_url = "https://graph.microsoft.com/v1.0"\ngroups = await other_client.groups.get()', calls: [['GET', '/users', 'beta'], ['GET', '/groups']] },
  { language: 'python', name: 'an aiohttp session made with a base URL', code: 'async with aiohttp.ClientSession(base_url="https://graph.microsoft.com") as session:\n    async with session.get("/v1.0/me/events") as r:\n        events = await r.json()\n    await session.post("/beta/me/sendMail", json=m)', calls: [['GET', '/me/events'], ['POST', '/me/sendMail', 'beta']] },
  { language: 'python', name: 'httpx post, beta', code: 'r = httpx.post("https://graph.microsoft.com/beta/me/events", json=e)', calls: [['POST', '/me/events', 'beta']] },
  { language: 'python', name: 'requests.request with a method', code: 'r = requests.request("PATCH", GRAPH + "/me", json=p)', calls: [['PATCH', '/me']] },
  { language: 'python', name: 'dead branch', code: 'if False:\n    await client.me.contacts.get()\nawait client.me.calendar.get()', calls: [['GET', '/me/calendar']] },
  { language: 'python', name: 'code after return or raise in the same block is not a call; the next block is', code: 'if user_id:\n    return await client.users.by_user_id(user_id).get()\n    await client.me.contacts.get()\nraise ValueError("no user")\nawait client.me.calendar.get()', calls: [['GET', '/users/{id}']] },
  // As in a public Python mail provider: the mailbox is chosen once, then read three ways.
  { language: 'python', name: 'a request builder chosen by a condition and kept in a variable', code: 'messages_request = (\n    client.users.by_user_id(user_id).messages\n    if user_id\n    else client.me.messages\n)\nresult = await messages_request.get(request_configuration=config)', calls: [['GET', '/users/{id}/messages'], ['GET', '/me/messages']] },
  // office365-rest-python-client's GraphClient, as the library's own examples call it.
  { language: 'python', name: 'office365 GraphClient: properties, get() inside the chain, execute_query()', code: `${OFFICE365}\nclient.users.get().top(10).execute_query()\nclient.me.get().execute_query()\nclient.me.drive.root.children.get().execute_query()`, calls: [['GET', '/users'], ['GET', '/me'], ['GET', '/me/drive/root/children']] },
  { language: 'python', name: 'office365: entities by key ([…], get_by_principal_name, get_by_url), delete_object', code: `${OFFICE365}\nclient.users["jdoe@contoso.com"].messages.select(["id", "subject"]).top(10).get().execute_query()\nclient.users.get_by_principal_name(upn).delete_object().execute_query()\nclient.sites.get_by_url(url).get().execute_query()`, calls: [['GET', '/users/{id}/messages'], ['DELETE', '/users/{id}'], ['GET', '/sites/{id}']] },
  { language: 'python', name: 'office365: an entity of a listed page kept in a variable, updated and replied to', code: `${OFFICE365}\nmessages = client.me.messages.top(1).get().execute_query()\nfirst = messages[0]\nfirst.set_property("isRead", True).update().execute_query()\nfirst.reply(comment="Join us?").execute_query()`, calls: [['GET', '/me/messages'], ['PATCH', '/me/messages/{id}'], ['POST', '/me/messages/{id}/reply']] },
  { language: 'python', name: 'office365: drive items by path, uploaded and downloaded', code: `${OFFICE365}\nfolder = client.users[upn].drive.root.get_by_path("archive")\nfolder.upload(name, data).execute_query()\nclient.me.drive.root.get_by_path(path).download(local).execute_query()\nclient.me.drive.root.upload(name, data).execute_query()`, calls: [['PUT', '/users/{id}/drive/items/{id}/content'], ['GET', '/me/drive/items/{id}/content'], ['PUT', '/me/drive/items/{id}/content']] },
  { language: 'python', name: 'office365: actions named after Graph\'s (send_mail) and add', code: `${OFFICE365}\nclient.me.send_mail(subject="Lunch?", body="The cafeteria is open.", to_recipients=["a@contoso.com"]).execute_query()\nclient.groups.add(display_name="Sales").execute_query()`, calls: [['POST', '/me/sendMail'], ['POST', '/groups']] },
  { language: 'python', name: 'office365: the library\'s drive helpers, an app by appId given a password, a page added by name', code: `${OFFICE365}\nfolder = client.me.drive.root.get_by_path(path)\nfolder.get_files(False).execute_query()\nclient.me.drive.root.create_folder(name).execute_query()\napp = client.applications.get_by_app_id(app_id)\napp.add_password("Rotated secret").execute_query()\nclient.sites.root.pages.add("Home").execute_query()`, calls: [['GET', '/me/drive/items/{id}/children'], ['POST', '/me/drive/root/children'], ['POST', '/applications/{id}/addPassword'], ['POST', '/sites/root/pages']] },
  { language: 'python', name: 'office365: entity sets at the root beyond the common ones (subscribedSkus)', code: `${OFFICE365}\nskus = client.subscribed_skus.get().execute_query()`, calls: [['GET', '/subscribedSkus']] },
  { language: 'python', name: 'office365: each entity a for loop runs over (a listed page, a collection fetched in the loop header)', code: `${OFFICE365}\nmessages = client.users[upn].messages.top(50).get().execute_query()\nfor message in messages:\n    message.set_property("isRead", True).update().execute_query()\nfor user in client.users.get().execute_query():\n    user.manager.get().execute_query()\nfor url in urls:\n    requests.get(url)`, calls: [['GET', '/users/{id}/messages'], ['PATCH', '/users/{id}/messages/{id}'], ['GET', '/users'], ['GET', '/users/{id}/manager']] },
  // The O365 library, as its README uses it: an Account hands out services whose objects make the requests.
  { language: 'python', name: 'O365: a new message sent, another user\'s inbox read, each message marked read in a loop', code: "from O365 import Account\naccount = Account(credentials, auth_flow_type='credentials', tenant_id=tenant)\nm = account.new_message()\nm.to.add('a@contoso.com')\nm.send()\nmailbox = account.mailbox('shared@contoso.com')\ninbox = mailbox.inbox_folder()\nfor message in inbox.get_messages(limit=25):\n    message.mark_as_read()", calls: [['POST', '/me/messages/{id}/send'], ['GET', '/users/{id}/mailFolders/{id}/messages'], ['PATCH', '/users/{id}/mailFolders/{id}/messages/{id}']] },
  { language: 'python', name: 'O365: the default calendar\'s events, a drive item by path downloaded, the directory\'s users', code: "from O365 import Account\naccount = Account(credentials)\ncalendar = account.schedule().get_default_calendar()\nevents = calendar.get_events(include_recurring=False)\ndrive = account.storage().get_default_drive()\nitem = drive.get_item_by_path('/Reports/q1.xlsx')\nitem.download(to_path='/tmp')\nusers = account.directory().get_users()", calls: [['GET', '/me/calendar'], ['GET', '/me/calendar/events'], ['GET', '/me/drive'], ['GET', '/me/drive/items/{id}'], ['GET', '/me/drive/items/{id}/content'], ['GET', '/users']] },
  { language: 'python', name: 'O365: an account made for a main resource (a mailbox user), and a service given another', code: "from O365 import Account\naccount = Account(credentials, auth_flow_type='credentials', tenant_id=t, main_resource='bot@contoso.com')\nfor message in account.mailbox().get_messages():\n    message.delete()\nevents = account.schedule(resource='room@contoso.com').get_events()", calls: [['GET', '/users/{id}/messages'], ['DELETE', '/users/{id}/messages/{id}'], ['GET', '/users/{id}/events']] },
  { language: 'python', name: 'O365: a SharePoint site and its lists, a user of the directory', code: "from O365 import Account\naccount = Account(credentials)\nsite = account.sharepoint().get_site('root')\nfor sp_list in site.get_lists():\n    items = sp_list.get_items()\nmanager = account.directory().get_user('a@contoso.com')", calls: [['GET', '/sites/{id}'], ['GET', '/sites/{id}/lists'], ['GET', '/sites/{id}/lists/{id}/children'], ['GET', '/users/{id}']] },
  { language: 'python', name: 'O365: an account kept on the instance (set in __init__, read in other methods), a message fetched and replied to', code: "from O365 import Account\nclass OutlookTool:\n    def __init__(self, credentials):\n        self.account = None\n        self.account = Account(credentials)\n    def reply_email(self, message_id, text):\n        mailbox = self.account.mailbox()\n        message = mailbox.get_message(object_id=message_id)\n        reply = message.reply()\n        reply.body = text\n        reply.send()", calls: [['GET', '/me/messages/{id}'], ['POST', '/me/messages/{id}/createReply'], ['POST', '/me/messages/{id}/send']] },
  { language: 'python', name: 'without office365 imported, its shapes are not calls (a dict updated, a subscript)', code: 'self.users.update(extra)\nclient.users["a"].messages.get()\nclient.me.send_mail(subject).execute_query()', calls: [] },
  { language: 'python', name: 'a URL given in the arms of an if/elif without else, and the value before it; a sequential reassignment is the nearest', code: 'url = f"{GRAPH}/me/events"\nif user_id:\n    url = f"{GRAPH}/users/{user_id}/events"\nelif group:\n    url = f"{GRAPH}/groups/{group}/events"\nrequests.get(url)\nphoto = f"{GRAPH}/me"\nrequests.get(photo)\nphoto = f"{GRAPH}/me/photo/$value"\nrequests.get(photo)', calls: [['GET', '/users/{id}/events'], ['GET', '/groups/{id}/events'], ['GET', '/me/events'], ['GET', '/me'], ['GET', '/me/photo/$value']] },
  // As in a public people directory controller: the request's URL chosen by a condition and kept in a variable.
  { language: 'csharp', name: 'a URL chosen by a condition, held in a variable, for an HttpRequestMessage', code: 'var json = await http.GetStringAsync(id == null ? GraphBase + "/me" : GraphBase + "/users/" + id);\nvar query = string.IsNullOrEmpty(id) ? GraphBase + "/me/people" : string.Format("{0}/users/{1}/people", GraphBase, id);\nvar request = new HttpRequestMessage(HttpMethod.Get, query);', calls: [['GET', '/me'], ['GET', '/users/{id}'], ['GET', '/me/people'], ['GET', '/users/{id}/people']] },
  { language: 'python', name: 'a URL chosen by a conditional expression, held in a variable', code: 'url = f"{GRAPH}/users/{user_id}/events" if user_id else f"{GRAPH}/me/events"\nrequests.get(url)', calls: [['GET', '/users/{id}/events'], ['GET', '/me/events']] },
  { language: 'java', name: 'a URL chosen by a condition, held in a variable', code: 'String url = id == null ? BASE + "/me/drive" : BASE + "/users/" + id + "/drive";\nString body = restTemplate.getForObject(url, String.class);', calls: [['GET', '/me/drive'], ['GET', '/users/{id}/drive']] },
  { language: 'csharp', name: 'a URL given in both arms of an if', code: 'string url;\nif (id != null) { url = $"{GraphBase}/users/{id}/messages"; } else { url = $"{GraphBase}/me/messages"; }\nvar json = await http.GetStringAsync(url);\nvar request = new HttpRequestMessage(HttpMethod.Delete, url);', calls: [['GET', '/users/{id}/messages'], ['GET', '/me/messages'], ['DELETE', '/users/{id}/messages'], ['DELETE', '/me/messages']] },
  { language: 'java', name: 'a URL given in an if / else if / else chain', code: 'String url;\nif (id != null) {\n  url = BASE + "/users/" + id + "/drive";\n} else if (beta) {\n  url = "https://graph.microsoft.com/beta/me/drive";\n} else {\n  url = BASE + "/me/drive";\n}\nString body = restTemplate.getForObject(url, String.class);', calls: [['GET', '/users/{id}/drive'], ['GET', '/me/drive', 'beta'], ['GET', '/me/drive']] },
  // An `if` nested in an arm: each of its arms reaches the use too (a Python block ends where its last `if` does).
  { language: 'python', name: 'a URL given in the arms of an if nested in an arm, and ifs in sequence', code: 'if user_id:\n    if beta:\n        url = "https://graph.microsoft.com/beta/me/messages"\n    else:\n        url = f"{GRAPH}/users/{user_id}/messages"\nelse:\n    url = f"{GRAPH}/me/messages"\nrequests.get(url)\npath = f"{GRAPH}/me/drive"\nif shared:\n    path = f"{GRAPH}/me/drive/sharedWithMe"\nif recent:\n    path = f"{GRAPH}/me/drive/recent"\nrequests.get(path)', calls: [['GET', '/me/messages', 'beta'], ['GET', '/users/{id}/messages'], ['GET', '/me/messages'], ['GET', '/me/drive/recent'], ['GET', '/me/drive/sharedWithMe'], ['GET', '/me/drive']] },
  { language: 'csharp', name: 'a URL given in the arms of an if nested in an arm, one arm of which gives none', code: 'string url = $"{GraphBase}/me/events";\nif (id != null) {\n  if (team != null) { url = $"{GraphBase}/groups/{team}/events"; }\n} else { url = $"{GraphBase}/users/{other}/events"; }\nvar json = await http.GetStringAsync(url);', calls: [['GET', '/groups/{id}/events'], ['GET', '/me/events'], ['GET', '/users/{id}/events']] },
  { language: 'java', name: 'a URL given in the arms of an if nested in an arm', code: 'String url;\nif (id != null) {\n  if (beta) { url = "https://graph.microsoft.com/beta/users/" + id; } else { url = BASE + "/users/" + id; }\n} else {\n  url = BASE + "/me";\n}\nString body = restTemplate.getForObject(url, String.class);', calls: [['GET', '/users/{id}', 'beta'], ['GET', '/users/{id}'], ['GET', '/me']] },
  { language: 'python', name: 'an SDK request builder given in the arms of an if statement', code: 'if user_id:\n    messages = client.users.by_user_id(user_id).messages\nelse:\n    messages = client.me.messages\nresult = await messages.get()', calls: [['GET', '/users/{id}/messages'], ['GET', '/me/messages']] },
  { language: 'csharp', name: 'v5 request builder given in the arms of an if statement', code: 'Microsoft.Graph.Drives.Item.DriveItemRequestBuilder drive;\nif (id != null) { drive = graphClient.Drives[id]; } else { drive = graphClient.Drives[defaultId]; }\nvar root = await drive.Root.GetAsync();', calls: [['GET', '/drives/{id}/root']] },
  { language: 'java', name: 'v6 chain', code: 'User me = graphClient.me().get();\nvar m = graphClient.users().byUserId(id).messages().get();', calls: [['GET', '/me'], ['GET', '/users/{id}/messages']] },
  { language: 'java', name: 'code after throw is not a call; a sibling block after a return is', code: 'if (id == null) { throw new IllegalArgumentException(); }\nif (id.isEmpty()) { return; }\nvar m = graphClient.me().messages().get();\nreturn;\ngraphClient.me().contacts().get();', calls: [['GET', '/me/messages']] },
  { language: 'java', name: 'object methods on a chain are not verbs', code: 'String s = graphClient.me().toString();\nint h = graphClient.users().hashCode();\ngraphClient.me().events().get();', calls: [['GET', '/me/events']] },
  { language: 'java', name: 'a request builder chosen by a condition and kept in a variable', code: 'var builder = id != null ? graphClient.users().byUserId(id).events() : graphClient.me().events();\nvar page = builder.get();', calls: [['GET', '/users/{id}/events'], ['GET', '/me/events']] },
  { language: 'java', name: 'v6 post', code: 'graphClient.me().sendMail().post(body);', calls: [['POST', '/me/sendMail']] },
  { language: 'java', name: 'v5 buildRequest with key in the segment', code: 'var v5 = graphClient.users(id).messages().buildRequest().select("subject").get();', calls: [['GET', '/users/{id}/messages']] },
  { language: 'java', name: 'v5 actions take parameter sets, not keys', code: 'graphClient.me().sendMail(UserSendMailParameterSet.newBuilder().withMessage(message).build()).buildRequest().post();\ngraphClient.me().drive().items(id).copy(params).buildRequest().post();\ngraphClient.me().getMemberGroups(UserGetMemberGroupsParameterSet.newBuilder().build()).buildRequest().post();', calls: [['POST', '/me/sendMail'], ['POST', '/me/drive/items/{id}/copy'], ['POST', '/me/getMemberGroups']] },
  { language: 'csharp', name: 'v5 typed responses and batch steps built from request information', code: 'var delta = await graphClient.Users.Delta.GetAsDeltaGetResponseAsync();\nvar groups = await graphClient.Me.GetMemberGroups.PostAsGetMemberGroupsPostResponseAsync(body);\nvar step = await batch.AddBatchRequestStepAsync(graphClient.Me.Events.ToPostRequestInformation(newEvent));', calls: [['GET', '/users/delta'], ['POST', '/me/getMemberGroups'], ['POST', '/me/events']] },
  { language: 'python', name: 'batch step built from request information', code: 'info = client.me.messages.to_get_request_information()', calls: [['GET', '/me/messages']] },
  { language: 'csharp', name: 'string.Format URLs', code: 'var a = await http.GetStringAsync(string.Format("{0}/users/{1}/events", GraphBase, id));\nvar b = await http.GetStringAsync(String.Format("{0}/me/drive/items/{1:D}", GraphBase, itemId));', calls: [['GET', '/users/{id}/events'], ['GET', '/me/drive/items/{id}']] },
  { language: 'java', name: 'String.format URLs', code: 'HttpRequest r = HttpRequest.newBuilder(URI.create(String.format("%s/users/%s/messages", BASE, id))).GET().build();', calls: [['GET', '/users/{id}/messages']] },
  { language: 'java', name: 'java.net.http', code: 'HttpRequest r = HttpRequest.newBuilder(URI.create(BASE + "/me/events")).POST(body).build();', calls: [['POST', '/me/events']] },
  { language: 'powershell', name: 'cmdlets, list and single', code: 'Get-MgUser -All\nGet-MgUser -UserId $id\nGet-MgGroupMember -GroupId $g', calls: [['GET', '/users'], ['GET', '/users/{id}'], ['GET', '/groups/{id}/members']] },
  { language: 'powershell', name: 'a hashtable written in the command (headers before the URI, on one line or several)', code: '$org = Invoke-RestMethod -Headers @{Authorization = "Bearer $token"; Accept = \'application/json\'} -Uri "https://graph.microsoft.com/v1.0/organization" -Method Get\n$r = Invoke-RestMethod -Method Post -Headers @{\n  Authorization = "Bearer $token"\n  \'Content-Type\' = \'application/json\'\n} -Uri "https://graph.microsoft.com/v1.0/users/$id/sendMail" -Body $body\nforeach ($g in $groups) { Get-MgGroupMember -GroupId $g.Id }', calls: [['GET', '/organization'], ['POST', '/users/{id}/sendMail'], ['GET', '/groups/{id}/members']] },
  { language: 'powershell', name: 'a hashtable never closed does not swallow the commands after it', code: '$h = @{ Name = "x"\nGet-MgUser -UserId $id\nInvoke-MgGraphRequest -Uri "v1.0/me/events"', calls: [['GET', '/users/{id}'], ['GET', '/me/events']] },
  { language: 'powershell', name: 'a bracketed URI (the -f format operator, strings joined with +) and a subexpression of one variable', code: '$base = "https://graph.microsoft.com/v1.0"\nInvoke-MgGraphRequest -Method GET -Uri ("v1.0/users/{0}/memberOf" -f $userId)\nInvoke-MgGraphRequest -Uri (\'https://graph.microsoft.com/v1.0/groups/{0}/owners\' -f $gid) -OutputType PSObject\nInvoke-RestMethod -Uri "$($base)/teams/$teamId/channels" -Headers $headers\nInvoke-RestMethod -Uri ($base + "/sites/root") -Headers $headers\nInvoke-MgGraphRequest -Uri (Get-Uri $x)', calls: [['GET', '/users/{id}/memberOf'], ['GET', '/groups/{id}/owners'], ['GET', '/teams/{id}/channels'], ['GET', '/sites/root']] },
  { language: 'powershell', name: 'request helpers building their URI in brackets, returning the request, and a bracketed value assigned first', code: '$base = "https://graph.microsoft.com/v1.0"\nfunction Get-Graph($Path) {\n  Invoke-RestMethod -Uri ("{0}/{1}" -f $base, $Path) -Headers $headers\n}\nfunction Get-Graph2 {\n  param($Path)\n  return Invoke-RestMethod -Uri ($base + "/" + $Path) -Headers $headers\n}\nGet-Graph "users"\nGet-Graph2 -Path "groups"\n$photo = ("{0}/users/{1}/photo" -f $base, $id)\nInvoke-RestMethod -Uri $photo -Headers $headers', calls: [['GET', '/users'], ['GET', '/groups'], ['GET', '/users/{id}/photo']] },
  { language: 'powershell', name: 'the SDK\'s alias Invoke-GraphRequest, in a helper returning its request', code: 'function Invoke-AADTGraph {\n  param([string]$Uri, [string]$Method = \'GET\')\n  $uri = \'https://graph.microsoft.com/v1.0\' + $uri\n  return Invoke-GraphRequest -Uri $uri -Method $method\n}\nInvoke-AADTGraph -Uri "/applications"\nInvoke-AADTGraph "/servicePrincipals"\nInvoke-GraphRequest -Uri \'v1.0/me\'', calls: [['GET', '/applications'], ['GET', '/servicePrincipals'], ['GET', '/me']] },
  { language: 'powershell', name: 'beta cmdlet', code: 'Send-MgBetaUserMail -UserId $id -BodyParameter $p', calls: [['POST', '/users/{id}/sendMail', 'beta']] },
  { language: 'powershell', name: 'Invoke-MgGraphRequest', code: "Invoke-MgGraphRequest -Method GET -Uri 'v1.0/me/messages'\nInvoke-MgGraphRequest -Uri \"beta/users/$id/presence\"", calls: [['GET', '/me/messages'], ['GET', '/users/{id}/presence', 'beta']] },
  { language: 'powershell', name: 'Invoke-RestMethod with a base variable and a continuation', code: "$base = 'https://graph.microsoft.com/v1.0'\n$r = Invoke-RestMethod -Uri \"$base/sites/root/lists\" `\n  -Headers $h -Method Post", calls: [['POST', '/sites/root/lists']] },
  // Shapes from public admin scripts: a filter given as a bracketed expression is not an id, session commands are not calls.
  { language: 'powershell', name: 'a bracketed -Filter value selects the list; session commands call nothing', code: "$ctx = Get-MgContext -ErrorAction Stop\n$app = Get-MgApplication -Filter (\"appId eq '\" + $AppId + \"'\") -ErrorAction Stop\nUpdate-MgApplication -ApplicationId $app.Id -RequiredResourceAccess `\n @{ ResourceAppId = $g; ResourceAccess = $r } -ErrorAction Stop\nDisconnect-MgGraph", calls: [['GET', '/applications'], ['PATCH', '/applications/{id}']] },
  { language: 'powershell', name: 'a URI chosen by a conditional assignment gives each branch', code: '$uri = if ($inAzure) { "https://graph.microsoft.com/v1.0/users/$sender/sendMail" } else { "https://graph.microsoft.com/v1.0/me/sendMail" }\nInvoke-MgGraphRequest -Method POST -Uri $uri -Body $b', calls: [['POST', '/users/{id}/sendMail'], ['POST', '/me/sendMail']] },
  { language: 'powershell', name: 'a reassigned URI variable keeps the value it had at each call', code: "$URI = \"https://graph.microsoft.com/v1.0/deviceManagement/reports/exportJobs\"\n$r = (Invoke-MgGraphRequest -Method POST -Uri $URI -Body $b)\n$URI = \"https://graph.microsoft.com/v1.0/deviceManagement/reports/exportJobs('$id')\"\n$r = (Invoke-MgGraphRequest -Method GET -Uri $URI)", calls: [['POST', '/deviceManagement/reports/exportJobs'], ['GET', "/deviceManagement/reports/exportJobs('{id}')"]] },
  // As PowerShell modules wrap Graph (a public PIM module's internal invoke-graph): the endpoint, method and version are parameters.
  { language: 'powershell', name: 'a request helper: parameters by name, by position and by default; a backtick-escaped $filter is a query', code: 'function Invoke-Graph {\n  [CmdletBinding()]\n  param (\n    [Parameter(Mandatory = $true)][String] $Endpoint,\n    [String] $Method = "GET",\n    [String] $Version = "v1.0"\n  )\n  $graph = "https://graph.microsoft.com/$Version/"\n  $uri = $graph + $Endpoint\n  Invoke-MgGraphRequest -Uri $uri -Method $Method\n}\n$s = Invoke-Graph -Endpoint "roleManagement/directory/roleEligibilitySchedules?`$filter=principalId eq \'$id\'"\nInvoke-Graph "roleManagement/directory/roleAssignmentScheduleRequests" POST\ninvoke-graph -endp "policies/roleManagementPolicyAssignments" -Version "beta"', calls: [['GET', '/roleManagement/directory/roleEligibilitySchedules'], ['POST', '/roleManagement/directory/roleAssignmentScheduleRequests'], ['GET', '/policies/roleManagementPolicyAssignments', 'beta']] },
  // The same module's later helper: a typed assignment, a filter added in a branch, pages followed through another variable.
  { language: 'powershell', name: 'a request helper whose URL is typed, reassigned in a branch and paged through', code: 'function invoke-graph {\n  param([String]$Endpoint, [String]$Method = "GET", [String]$version = "v1.0", [String]$Filter)\n  $graph = "https://graph.microsoft.com/$version/"\n  [string]$uri = $graph + $endpoint\n  if ($Filter) { $uri = $uri -replace "x", "y" }\n  if ($Method -eq "GET") {\n    $currentUri = $uri\n    while ($currentUri) {\n      $response = Invoke-MgGraphRequest -Uri $currentUri -Method $Method\n      $currentUri = $response.\'@odata.nextLink\'\n    }\n  } else { $response = Invoke-MgGraphRequest -Uri "$uri" -Method $Method }\n}\n$endpoint = "/roleManagement/directory/roleAssignmentScheduleRequests"\n$null = invoke-graph -Endpoint $endpoint -Method "POST" -body $body\nInvoke-graph -endpoint "identityGovernance/privilegedAccess/group/assignmentApprovals/$id/steps/$id" -version "beta" -Method PATCH', calls: [['POST', '/roleManagement/directory/roleAssignmentScheduleRequests'], ['PATCH', '/identityGovernance/privilegedAccess/group/assignmentApprovals/{id}/steps/{id}', 'beta']] },
  { language: 'powershell', name: 'parameters splatted from a hashtable', code: "$request = @{\n  Headers = $headers\n  Method  = 'PATCH'\n  Uri     = \"https://graph.microsoft.com/v1.0/users/$upn\"\n}\nInvoke-RestMethod @request -Verbose:$false\n$params = @{ Method = 'GET'; Uri = 'v1.0/groups' }\nInvoke-MgGraphRequest @params", calls: [['PATCH', '/users/{id}'], ['GET', '/groups']] },
  // As a public Graph PowerShell module builds its request: a hashtable splatted, its Uri set afterwards.
  { language: 'powershell', name: 'a request helper splatting a hashtable whose Uri and Method are set from its parameters', code: "function Invoke-Graph {\n  param([uri] $BaseUri = 'https://graph.microsoft.com/v1.0', [uri] $Uri, $Headers, [string] $Method = 'GET')\n  $RestSplat = @{\n    Headers = $Headers\n    Method  = $Method\n  }\n  $RestSplat['ContentType'] = 'application/json'\n  $RestSplat.Uri = \"$BaseUri/$Uri\"\n  $OutputQuery = Invoke-RestMethod @RestSplat -Verbose:$false\n}\nInvoke-Graph -Uri 'users' -Headers $h\nInvoke-Graph -Uri \"groups/$id/members/`$ref\" -Method POST -Headers $h", calls: [['GET', '/users'], ['POST', '/groups/{id}/members/$ref']] },
  { language: 'powershell', name: 'comments are not calls', code: "# Get-MgUser -All\n<#\nGet-MgGroup\n#>\nGet-MgOrganization", calls: [['GET', '/organization']] },
];

describe('graph calls in C#, Python, Java and PowerShell: call-shape corpus', () => {
  it(`has at least 20 cases (${CASES.length})`, () => assert.ok(CASES.length >= 20));
  for (const testCase of CASES) {
    it(`${testCase.language}: ${testCase.name}`, () => {
      const extension = { csharp: 'cs', python: 'py', java: 'java', powershell: 'ps1' }[testCase.language];
      const file = new SourceFile(`src/case.${extension}`, wrap[testCase.language](testCase.code));
      const facts = testCase.language === 'powershell' ? withCmdletsResolved(extractPowerShell(file)) : extractTreeLanguage(file, testCase.language, parsers[testCase.language]!);
      assert.equal(facts.parseError, undefined);
      assert.deepEqual(facts.calls.map((call) => [call.method, call.path, call.apiVersion]), testCase.calls.map(([method, path, version]) => [method, path, version ?? 'v1.0']));
    });
  }

  it('reports a C# SDK request URL handed to other code as unresolved, with its path', () => {
    const cs = extractTreeLanguage(new SourceFile('Drive.cs', wrap.csharp('var drive = site != null ? graphClient.Sites[site].Drive : graphClient.Me.Drive;\nstring requestUrl = drive.Root.ItemWithPath(path).CreateUploadSession().Request().RequestUrl;\nawait helper.CallWebApiAsync(requestUrl, token, Method.Post);')), 'csharp', parsers.csharp!);
    assert.deepEqual(cs.calls, []);
    assert.deepEqual(cs.unresolved.map((item) => item.reason), ['the request URL of /sites/{id}/drive/items/{id}/createUploadSession is sent by other code, with a method only that code knows', 'the request URL of /me/drive/items/{id}/createUploadSession is sent by other code, with a method only that code knows']);
  });

  it('PowerShell: a helper given a path known only at run time is reported at the call; a function building no Graph URL is no helper', () => {
    const facts = extractPowerShell(new SourceFile('admin.ps1', 'function Get-Graph($Path) { Invoke-RestMethod -Uri ("https://graph.microsoft.com/v1.0/" + $Path) -Headers $h }\nfunction Get-Graph2($Path) {\n  Invoke-RestMethod -Uri "https://graph.microsoft.com/v1.0/$Path" -Headers $h\n}\nfunction Get-Weather($City) {\n  Invoke-RestMethod -Uri "https://api.weather.example/$City"\n}\nGet-Graph2 -Path $next\nGet-Weather -City "users"\nGet-Graph2 -Path "me/messages"\n'));
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.via} ${call.source.line}`), ['GET /me/messages powershell-helper 10']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['8 get-graph2 is given a path known only at run time (https://graph.microsoft.com/v1.0/{id})']);
    assert.deepEqual(facts.powershellHelpers?.map((helper) => helper.name), ['get-graph', 'get-graph2']);
  });

  it('PowerShell: a module\'s helper called from its other scripts (matched once every file is read), not from another app\'s', () => {
    const files = [
      new SourceFile('pim/Private/Invoke-Graph.ps1', 'function Invoke-Graph {\n  param([string]$Endpoint, [string]$Method = "GET")\n  Invoke-MgGraphRequest -Uri "v1.0/$Endpoint" -Method $Method\n}\n'),
      new SourceFile('pim/Public/Get-Roles.ps1', 'function Get-Roles {\n  Invoke-Graph -Endpoint "roleManagement/directory/roleDefinitions"\n  Invoke-Graph -Endpoint "users/$upn/memberOf" -Method "GET"\n  Write-Host "users/done"\n}\n'),
      new SourceFile('other/Report.ps1', 'Invoke-Graph -Endpoint "groups"\n'),
    ];
    const apps = [{ root: 'pim', kind: 'entra' }, { root: 'other', kind: 'entra' }] as never;
    const graph = extractGraphFacts({ files, manifests: [], apps, index: undefined, justifications: {}, problems: [], parsers });
    assert.deepEqual(graph.calls.map((call) => `${call.method} ${call.path} ${call.via} ${call.source.file}:${call.source.line}`), ['GET /roleManagement/directory/roleDefinitions powershell-helper pim/Public/Get-Roles.ps1:2', 'GET /users/{id}/memberOf powershell-helper pim/Public/Get-Roles.ps1:3']);
    assert.deepEqual(graph.unresolved, []);
  });

  // As in a public Intune module: Add-App → Invoke-PostRequest → Invoke-Request, whose base URL is a parameter's default.
  it('PowerShell: functions handing their parameters on to a request helper are helpers too, in one script and across a module\'s scripts', () => {
    const request = 'function Invoke-Request {\n  param(\n    [ValidateSet("GET", "POST", "PATCH")]\n    [string] $Method,\n    [string] $CollectionPath,\n    [string] $Body,\n    [string] $BaseUrl = "https://graph.microsoft.com/beta/deviceAppManagement/"\n  )\n  $uri = "$BaseUrl$CollectionPath"\n  if ($Body) { $params = @{ Uri = $uri; Method = $Method; Body = $Body } }\n  else { $params = @{ Uri = $uri; Method = $Method } }\n  Invoke-MgGraphRequest @params\n}\n';
    const forwarders = 'function Invoke-GetRequest {\n  param([string] $CollectionPath)\n  Invoke-Request "GET" $CollectionPath\n}\nfunction Invoke-PostRequest([string] $collectionPath, [string] $body) {\n  Invoke-Request "POST" $collectionPath $body\n}\nfunction Wait-FileProcessing {\n  param([string] $FileUri, [string] $Stage)\n  while ($true) {\n    $file = Invoke-GetRequest $FileUri\n    Start-Sleep 10\n  }\n}\nfunction Write-Log([string] $Message) {\n  Write-Output "$(Get-Date) $Message"\n}\n';
    const uses = '$app = Invoke-PostRequest "mobileApps" ($body | ConvertTo-Json)\n$versions = "mobileApps/$($app.id)/microsoft.graph.win32LobApp/contentVersions"\nInvoke-PostRequest $versions "{}"\nWait-FileProcessing "mobileApps/$appId" "CommitFile"\nWrite-Log "mobileApps"\n';
    const single = extractPowerShell(new SourceFile('IntuneGraph.psm1', request + forwarders + uses));
    const expected = ['POST /deviceAppManagement/mobileApps beta', 'POST /deviceAppManagement/mobileApps/{id}/microsoft.graph.win32LobApp/contentVersions beta', 'GET /deviceAppManagement/mobileApps/{id} beta'];
    assert.deepEqual(single.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion}`), expected);
    assert.deepEqual(single.unresolved, []);
    assert.deepEqual(single.powershellHelpers?.map((helper) => helper.name), ['invoke-request', 'invoke-getrequest', 'invoke-postrequest', 'wait-fileprocessing']);
    // The same module as its own scripts, two layers apart; the public script names no Graph marker at all.
    const files = [
      new SourceFile('IntuneGraph/Private/Invoke-Request.ps1', request),
      new SourceFile('IntuneGraph/Private/Helpers.ps1', forwarders),
      new SourceFile('IntuneGraph/Public/Add-App.ps1', `function Add-App {\n${uses}}\n`),
    ];
    const graph = extractGraphFacts({ files, manifests: [], apps: [], index: undefined, justifications: {}, problems: [], parsers });
    assert.deepEqual(graph.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion}`), expected);
    assert.deepEqual(graph.calls.map((call) => `${call.source.file}:${call.source.line}`), ['IntuneGraph/Public/Add-App.ps1:2', 'IntuneGraph/Public/Add-App.ps1:4', 'IntuneGraph/Public/Add-App.ps1:5']);
    assert.deepEqual(graph.unresolved, []);
  });

  // As in an Office add-in sample: a controller builds the URL with another class's static method and hands it to a
  // third class's method, which passes it on to the one sending an HttpRequestMessage.
  it('C# and Java: static URL builders of other classes (arguments in their places) and request helpers sending an HttpRequestMessage, through a chain of methods', () => {
    const files = [
      new SourceFile('Web/Helpers/Urls.cs', 'namespace Add.In {\n  internal static class Urls {\n    internal static string Base = @"https://graph.microsoft.com/v1.0";\n    internal static string SearchUrl(string query, string fields) {\n      var search = "/me/drive/root/search(q=\'" + query + "\')";\n      return Base + search + fields;\n    }\n    public static string Members(string group) => $"{Base}/groups/{group}/members";\n    public string NotStatic(string id) => $"{Base}/users/{id}";\n  }\n}\n'),
      new SourceFile('Web/Helpers/Http.cs', 'using System.Net.Http;\nnamespace Add.In {\n  internal static class Http {\n    internal static async Task<T> GetItems<T>(string url, string token) {\n      return await Send(url, token);\n    }\n    internal static async Task<dynamic> Send(string itemsUrl, string token) {\n      using (var client = new HttpClient())\n      using (var request = new HttpRequestMessage(HttpMethod.Get, itemsUrl)) {\n        var response = await client.SendAsync(request);\n        return response;\n      }\n    }\n    internal static async Task Remove(string url) {\n      var request = new HttpRequestMessage { Method = HttpMethod.Delete, RequestUri = new Uri(url) };\n      await new HttpClient().SendAsync(request);\n    }\n  }\n}\n'),
      new SourceFile('Web/Controllers/FilesController.cs', 'namespace Add.In {\n  public class FilesController : Controller {\n    public async Task<JsonResult> Files(string q, string group) {\n      var url = Urls.SearchUrl(q, "?$select=name,id&$top=3");\n      var files = await Http.GetItems<Workbook>(url, token);\n      await Http.Send(Urls.Members(group), token);\n      await Http.Remove(Urls.Members("x") + "/$ref");\n      return Json(files);\n    }\n  }\n}\n'),
      new SourceFile('src/main/java/app/Endpoints.java', 'package app;\npublic final class Endpoints {\n  private static final String GRAPH = "https://graph.microsoft.com/v1.0";\n  public static String events(String user) { return GRAPH + "/users/" + user + "/events"; }\n}\n'),
      new SourceFile('src/main/java/app/Calendar.java', 'package app;\npublic class Calendar {\n  void load(String id) {\n    String body = restTemplate.getForObject(Endpoints.events(id), String.class);\n  }\n}\n'),
    ];
    const graph = extractGraphFacts({ files, manifests: [], apps: [], index: undefined, justifications: {}, problems: [], parsers });
    assert.deepEqual(graph.calls.map((call) => `${call.method} ${call.path} ${call.select?.join(',') ?? '-'} ${call.confidence} ${call.source.file}:${call.source.line}`), [
      "GET /me/drive/root/search(q='{id}') name,id high Web/Controllers/FilesController.cs:5",
      'GET /groups/{id}/members - high Web/Controllers/FilesController.cs:6',
      'DELETE /groups/x/members/$ref - high Web/Controllers/FilesController.cs:7',
      'GET /users/{id}/events - high src/main/java/app/Calendar.java:4',
    ]);
    assert.deepEqual(graph.unresolved, []);
  });

  it('Python and C#: URL builders take their arguments by position or by name, and their defaults for those left out, in the module and from another', () => {
    const files = [
      new SourceFile('app/endpoints.py', 'GRAPH = "https://graph.microsoft.com/v1.0"\n\ndef user_url(user_id, part="messages"):\n    return f"{GRAPH}/users/{user_id}/{part}"\n\nclass Paths:\n    def method_url(self, x):\n        return GRAPH + "/me/" + x\n'),
      new SourceFile('app/__init__.py', ''),
      new SourceFile('app/mail.py', 'import requests\nfrom app.endpoints import user_url\nfrom app import endpoints\n\ndef local_url(group, kind="members"):\n    return "https://graph.microsoft.com/v1.0/groups/" + group + "/" + kind\n\ndef load(uid, token):\n    requests.get(user_url(uid))\n    requests.get(endpoints.user_url(uid, part="events"))\n    requests.get(endpoints.user_url(part="contacts", user_id=uid))\n    requests.get(local_url(uid))\n    requests.get(local_url(uid, kind="owners"))\n'),
      new SourceFile('Web/Links.cs', 'public static class Links {\n  const string Graph = "https://graph.microsoft.com/v1.0";\n  public static string Team(string id, string part = "channels") => $"{Graph}/teams/{id}/{part}";\n}\n'),
      new SourceFile('Web/Teams.cs', 'public class Teams {\n  public async Task Load(HttpClient http, string id) {\n    await http.GetAsync(Links.Team(id));\n    await http.GetAsync(Links.Team(part: "members", id: id));\n  }\n}\n'),
    ];
    const graph = extractGraphFacts({ files, manifests: [], apps: [], index: undefined, justifications: {}, problems: [], parsers });
    assert.deepEqual(graph.calls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line}`), [
      'GET /users/{id}/messages app/mail.py:9',
      'GET /users/{id}/events app/mail.py:10',
      'GET /users/{id}/contacts app/mail.py:11',
      'GET /groups/{id}/members app/mail.py:12',
      'GET /groups/{id}/owners app/mail.py:13',
      'GET /teams/{id}/channels Web/Teams.cs:3',
      'GET /teams/{id}/members Web/Teams.cs:4',
    ]);
  });

  // As in a Teams bot sample handing its SSO client to Semantic Kernel's Microsoft Graph connectors.
  it('C# and Java: a Graph client handed to a class the tree does not declare is reported: the calls it makes are not seen', () => {
    const files = [
      new SourceFile('Bot/Sso.cs', 'using Microsoft.Graph;\npublic static class Sso {\n  public static async Task Run(string token) {\n    var client = new GraphServiceClient(new TokenProvider(token));\n    await Planner.Process(client);\n  }\n}\n'),
      new SourceFile('Bot/Planner.cs', [
        'using Microsoft.Graph;\nusing Some.Library.Connectors;\npublic class Planner {',
        '  public static async Task Process(GraphServiceClient graph) {',
        '    var drive = new DriveConnector(graph, logger);', // 4: a library class
        '    var mail = new Connectors.MailConnector(graph);', // 5: qualified
        '    var batch = new BatchRequestContentCollection(graph);', // the SDK's own
        '    var lazy = new Lazy<GraphServiceClient>(() => graph);',
        '    var local = new LocalHelper(graph);', // declared below in this file
        '    var service = new Planner(graph);', // the tree has Planner.cs
        '    var unrelated = new DriveConnector(logger);', // no client handed over
        '    return;',
        '    var never = new DeadConnector(graph);', // unreachable
        '  }',
        '}',
        'class LocalHelper { public LocalHelper(GraphServiceClient c) { } }',
      ].join('\n')),
      new SourceFile('src/main/java/app/Tasks.java', 'package app;\nimport com.microsoft.graph.serviceclient.GraphServiceClient;\npublic class Tasks {\n  private final GraphServiceClient graphClient;\n  void run() {\n    TodoConnector todo = new TodoConnector(graphClient);\n  }\n}\n'),
    ];
    const graph = extractGraphFacts({ files, manifests: [], apps: [], index: undefined, justifications: {}, problems: [], parsers });
    assert.deepEqual(graph.unresolved.map((item) => `${item.source.file}:${item.source.line} ${item.via} ${item.reason}`), [
      'Bot/Planner.cs:5 csharp-sdk the Graph client graph is handed to DriveConnector, which the scanned tree does not declare: the Graph calls it makes are not seen',
      'Bot/Planner.cs:6 csharp-sdk the Graph client graph is handed to MailConnector, which the scanned tree does not declare: the Graph calls it makes are not seen',
      'src/main/java/app/Tasks.java:6 java-sdk the Graph client graphClient is handed to TodoConnector, which the scanned tree does not declare: the Graph calls it makes are not seen',
    ]);
    assert.deepEqual(graph.calls, []);
  });

  it('Java: the $select a RestTemplate URI variable fills is read (joined lists), an unknown one selects nothing known', () => {
    const facts = extractTreeLanguage(new SourceFile('Users.java', wrap.java('RestTemplate rest = new RestTemplateBuilder().rootUri(BASE).build();\nString fields = new StringJoiner(",").add("id").add("department").toString();\nrest.getForEntity("/users/{id}?$select={properties}", User.class, id, fields);\nrest.getForObject("/groups/{id}/members?$select={props}", Members.class, id, String.join(",", List.of("id", "mail")));\nrest.getForObject("/users?$select={props}", Users.class, selectedFields());')), 'java', parsers.java!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.select?.join(',') ?? '-'}`), ['GET /users/{id} id,department', 'GET /groups/{id}/members id,mail', 'GET /users -']);
  });

  it('a subscription\'s resource is read from the SDK object (C# initializer, Java setter, Python keyword) and an HTTP body', () => {
    const resourceOf = (language: TreeLanguage, code: string) => extractTreeLanguage(new SourceFile(`s.${{ csharp: 'cs', python: 'py', java: 'java' }[language]}`, wrap[language](code)), language, parsers[language]!).calls.map((call) => `${call.method} ${call.path} ${call.subscribedResource ?? '-'}`);
    assert.deepEqual(resourceOf('csharp', 'var subscription = new Subscription { ChangeType = "created", Resource = "/chats/getAllMessages" };\nawait graphClient.Subscriptions.PostAsync(subscription);'), ['POST /subscriptions /chats/getAllMessages']);
    assert.deepEqual(resourceOf('java', 'Subscription subscription = new Subscription();\nsubscription.setResource("users/" + id + "/messages");\ngraphClient.subscriptions().post(subscription);'), ['POST /subscriptions -']);
    assert.deepEqual(resourceOf('java', 'Subscription subscription = new Subscription();\nsubscription.setResource("me/events");\ngraphClient.subscriptions().post(subscription);'), ['POST /subscriptions me/events']);
    assert.deepEqual(resourceOf('python', 'body = Subscription(change_type="created", resource="/users/x/mailFolders(\'Inbox\')/messages")\nawait client.subscriptions.post(body)\nrequests.post(f"{GRAPH}/subscriptions", json={"resource": "me/contacts"})'), ["POST /subscriptions /users/x/mailFolders('Inbox')/messages", 'POST /subscriptions me/contacts']);
  });

  it('PowerShell: 2,000 layers of forwarding functions end, each a helper; Java: a StringJoiner of 5,000 parts is not read', () => {
    const layers = Array.from({ length: 2000 }, (_, i) => `function Get-L${i + 1}($Path) { Get-L${i} $Path }`).reverse();
    const script = `function Get-L0($Path) { Invoke-MgGraphRequest -Uri "v1.0/$Path" }\n${layers.join('\n')}\nGet-L2000 "users"\n`;
    const facts = extractPowerShell(new SourceFile('layers.ps1', script));
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path}`), ['GET /users']);
    assert.equal(facts.powershellHelpers?.length, 2001);
    const parts = Array.from({ length: 5000 }, (_, i) => `.add("p${i}")`).join('');
    const java = extractTreeLanguage(new SourceFile('Big.java', wrap.java(`String fields = new StringJoiner(",")${parts}.toString();\nrest.getForObject("https://graph.microsoft.com/v1.0/users?$select={f}", Users.class, fields);`)), 'java', parsers.java!);
    assert.deepEqual(java.calls.map((call) => `${call.method} ${call.path} ${call.select?.length ?? '-'}`), ['GET /users -']);
  });

  it('PowerShell: a Graph SDK cmdlet given a function\'s parameter is a cmdlet use, not a forwarding call', () => {
    const facts = withCmdletsResolved(extractPowerShell(new SourceFile('users.ps1', 'function Get-UserInfo($UserId) {\n  Get-MgUser -UserId $UserId -Property "displayName"\n}\nGet-UserInfo -UserId "x"\n')));
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.select?.join(',') ?? '-'} ${call.source.line}`), ['GET /users/{id} displayName 2']);
    assert.equal(facts.powershellForwarders, undefined);
  });

  // As in public Azure Functions MCP servers: a managed identity's token is the app's federated client assertion.
  it('Python: a token requested for the token-exchange audience (workload identity federation) is no Graph flow; the OBO that follows is', () => {
    const flows = (code: string) => extractTreeLanguage(new SourceFile('function_app.py', code), 'python', parsers.python!).flows.map((flow) => `${flow.flow}/${flow.kind}:${flow.source.line}`);
    const federated = 'import msal\nmi = msal.ManagedIdentityClient(msal.UserAssignedManagedIdentity(client_id=uami), http_client=session)\ndef assertion(audience):\n    return mi.acquire_token_for_client(resource=audience)["access_token"]\ncca = msal.ConfidentialClientApplication(cid, client_credential={"client_assertion": assertion("api://AzureADTokenExchange")})\ndef handle(token):\n    return cca.acquire_token_on_behalf_of(user_assertion=token, scopes=["https://graph.microsoft.com/.default"])\n';
    assert.deepEqual(flows(federated), ['delegated/on-behalf-of:7']);
    assert.deepEqual(flows('import msal\nmi = msal.ManagedIdentityClient(identity, http_client=session)\ntoken = mi.acquire_token_for_client(resource="api://AzureADTokenExchange")\napp_token = cca.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])\n'), ['application/client-credentials:4']);
    assert.deepEqual(flows('import msal\ntoken = cca.acquire_token_for_client(scopes=["https://graph.microsoft.com/.default"])\n'), ['application/client-credentials:2']);
  });

  it('PowerShell: forwarders calling each other in a circle, or a function of no script, give no helper and no call', () => {
    const facts = extractPowerShell(new SourceFile('loop.ps1', 'function Get-A($Path) { Get-B $Path }\nfunction Get-B($Path) { Get-A $Path }\nfunction Get-C($Path) { Get-Unknown -Uri $Path }\nGet-A "users"\nGet-C "users"\n'));
    assert.deepEqual(facts.calls, []);
    assert.deepEqual(facts.unresolved, []);
    assert.equal(facts.powershellHelpers, undefined);
  });

  it('office365: a request the library sends for a method m365cert does not map is reported on its chain, not guessed', () => {
    const facts = extractTreeLanguage(new SourceFile('admin.py', wrap.python(`${OFFICE365}\nclient.me.change_password(old, new).execute_query()\nclient.execute_query()`)), 'python', parsers.python!);
    assert.deepEqual(facts.calls, []);
    assert.deepEqual(facts.unresolved.map((item) => `${item.via} ${item.reason}`), ['python-office365 change_password() on /me sends a request m365cert has no mapping for']);
  });

  it('O365: instance attributes given values built from themselves, 2,000 of them, end and give no call', () => {
    const lines = Array.from({ length: 2000 }, (_, i) => `        self.a${i} = self.a${i}.mailbox().get_folder(folder_name='x${i}')`);
    const code = `from O365 import Account\nclass Loop:\n    def run(self):\n        self.a = self.a.inbox_folder()\n        self.a.get_messages()\n${lines.join('\n')}\n`;
    const facts = extractTreeLanguage(new SourceFile('loop.py', code), 'python', parsers.python!);
    assert.deepEqual(facts.calls, []);
  });

  it('O365: an Account is the client credentials flow with auth_flow_type=credentials, else the signed-in user\'s', () => {
    const flows = (code: string) => extractTreeLanguage(new SourceFile('o.py', `from O365 import Account\n${code}`), 'python', parsers.python!).flows.map((flow) => `${flow.flow}/${flow.kind}`);
    assert.deepEqual(flows("a = Account(credentials, auth_flow_type='credentials', tenant_id=t)"), ['application/client-credentials']);
    assert.deepEqual(flows('a = Account(credentials)'), ['delegated/auth-code']);
    assert.deepEqual(flows("a = Account(credentials, auth_flow_type='password', username=u, password=p)"), ['delegated/password']);
  });

  it('office365: the sign-in methods of GraphClient and MSAL\'s username/password flow tell the auth flow', () => {
    const flows = (code: string) => extractTreeLanguage(new SourceFile('auth.py', code), 'python', parsers.python!).flows.map((flow) => `${flow.flow}/${flow.kind}`);
    assert.deepEqual(flows(`${OFFICE365}\na = GraphClient(tenant=t).with_client_secret(cid, secret)\nb = GraphClient.with_certificate(t, cid, thumb, key)\nc = GraphClient(tenant=t).with_token_interactive(cid)\nd = GraphClient(tenant=t).with_username_and_password(cid, u, p)\n`), ['application/client-credentials', 'application/client-credentials', 'delegated/auth-code', 'delegated/password']);
    assert.deepEqual(flows('import msal\nresult = app.acquire_token_by_username_password(u, p, scopes=["User.Read"])\n'), ['delegated/password']);
  });

  it('Java: a URI.create URL whose path after Graph\'s base is computed at run time is reported, not taken for a call', () => {
    const java = extractTreeLanguage(new SourceFile('Client.java', wrap.java('HttpRequest r = HttpRequest.newBuilder(URI.create("https://graph.microsoft.com/v1.0" + pathFor(user))).GET().build();')), 'java', parsers.java!);
    assert.deepEqual(java.calls, []);
    assert.deepEqual(java.unresolved.map((item) => `${item.via} ${item.reason}`), ['java-http the URL after the Graph base is computed at run time']);
  });

  it('reads URL environment variables from the app\'s .env files in Python, C# and Java', () => {
    const environment = environmentUrls([new SourceFile('app/.env', 'ENDPOINT=https://graph.microsoft.com/v1.0/users\nGRAPH=https://graph.microsoft.com/v1.0\nSECRET=abc~def\n')]);
    const calls = (language: TreeLanguage, extension: string, code: string) => extractTreeLanguage(new SourceFile(`app/src/case.${extension}`, code), language, parsers[language]!, { environment }).calls.map((call) => `${call.method} ${call.path}`);
    assert.deepEqual(calls('python', 'py', "import os, requests\nENDPOINT = os.getenv('ENDPOINT')\nrequests.get(ENDPOINT)\nrequests.get(os.environ['GRAPH'] + '/me')\nrequests.get(f\"{os.environ.get('GRAPH')}/me/events\")\nrequests.get(os.getenv('SECRET') + '/me/contacts')\n"), ['GET /users', 'GET /me', 'GET /me/events']);
    assert.deepEqual(calls('csharp', 'cs', wrap.csharp('var s = await http.GetStringAsync(Environment.GetEnvironmentVariable("GRAPH") + "/me/drive");')), ['GET /me/drive']);
    assert.deepEqual(calls('java', 'java', wrap.java('HttpRequest request = HttpRequest.newBuilder(URI.create(System.getenv("GRAPH") + "/me/contacts")).GET().build();')), ['GET /me/contacts']);
  });

  // As in Microsoft's Python daemon samples: the endpoint in a parameters.json the program loads, the app's own token.
  it('Python: a key of a JSON settings file the program loads, and a silent token lookup without an account is no user flow', () => {
    const environment = environmentUrls([new SourceFile('daemon/parameters.json', JSON.stringify({ authority: 'https://login.microsoftonline.com/contoso', secret: 'abc~def', endpoint: 'https://graph.microsoft.com/v1.0/users', graph: { groups: 'https://graph.microsoft.com/v1.0/groups' } }))]);
    const facts = extractTreeLanguage(new SourceFile('daemon/sample.py', [
      'import sys, json, requests, msal',
      'config = json.load(open(sys.argv[1]))',
      'app = msal.ConfidentialClientApplication(config["client_id"], authority=config["authority"], client_credential=config["secret"])',
      'result = app.acquire_token_silent(config["scope"], account=None)',
      'if not result:',
      '    result = app.acquire_token_for_client(scopes=config["scope"])',
      'users = requests.get(config["endpoint"], headers={"Authorization": "Bearer " + result["access_token"]}).json()',
      'other = {"endpoint": "https://example.com"}',
      'requests.get(other["endpoint"])',
    ].join('\n')), 'python', parsers.python!, { environment });
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /users 7']);
    assert.deepEqual(facts.flows.map((flow) => `${flow.flow} ${flow.kind}`), ['application client-credentials']);
  });

  // Microsoft.Identity.Web's IDownstreamApi, as its docs and samples call Graph without the Graph SDK.
  it('C#: IDownstreamApi calls go to the BaseUrl of the configuration section they name, as the user or as the app', () => {
    const environment = environmentUrls([new SourceFile('Web/appsettings.json', JSON.stringify({ DownstreamApi: { BaseUrl: 'https://graph.microsoft.com/v1.0', Scopes: ['User.Read'] }, GraphBeta: { BaseUrl: 'https://graph.microsoft.com/beta/' }, Partner: { BaseUrl: 'https://api.contoso.com' } }))]);
    const facts = extractTreeLanguage(new SourceFile('Web/Services/GraphService.cs', wrap.csharp([
      'var me = await _downstreamApi.GetForUserAsync<User>("DownstreamApi", options => options.RelativePath = "me");',
      'var photo = await _downstreamApi.CallApiForUserAsync("DownstreamApi", options => { options.RelativePath = "me/photo/$value"; });',
      'await _downstreamApi.CallApiForUserAsync("DownstreamApi", options => { options.HttpMethod = HttpMethod.Post; options.RelativePath = "me/sendMail"; });',
      'var users = await _downstreamApi.GetForAppAsync<List<User>>("GraphBeta", o => o.RelativePath = "users");',
      'var items = await _downstreamApi.GetForUserAsync<Item>("Partner", o => o.RelativePath = "items");',
      'var any = await _downstreamApi.GetForUserAsync<Item>("DownstreamApi", o => o.RelativePath = id);',
    ].join('\n'))), 'csharp', parsers.csharp!, { environment });
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.flow}`), ['GET /me v1.0 delegated', 'GET /me/photo/$value v1.0 delegated', 'POST /me/sendMail v1.0 delegated', 'GET /users beta application']);
    assert.deepEqual(facts.unresolved.map((item) => item.reason), ['the relative path given to GetForUserAsync for DownstreamApi is computed at run time']);
  });

  // As ASP.NET Core services read Graph's base URL: a field set from IConfiguration in the constructor.
  it('C#: URLs read from .NET configuration (indexer, GetValue, GetSection, any case) take the value appsettings gives the key', () => {
    const environment = environmentUrls([new SourceFile('Api/appsettings.json', JSON.stringify({ GraphApiUrl: 'https://graph.microsoft.com/v1.0', Graph: { BaseUrl: 'https://graph.microsoft.com/beta' }, Partner: 'https://api.contoso.com' }))]);
    const facts = extractTreeLanguage(new SourceFile('Api/Services/UserService.cs', [
      'using Microsoft.Extensions.Configuration;',
      'public class UserService {',
      '  private readonly string _graphApiUrl;',
      '  private readonly IConfiguration _configuration;',
      '  public UserService(IConfiguration configuration) { _graphApiUrl = configuration["GraphApiUrl"]; this._configuration = configuration; }',
      '  public async Task Run(string groupId, Dictionary<string, string> _settings) {',
      '    await _http.GetStringAsync($"{_graphApiUrl}/groups/{groupId}/members");',
      '    await _http.GetStringAsync(_configuration["graphapiurl"] + "/me");',
      '    await _http.GetStringAsync(_configuration.GetValue<string>("GraphApiUrl") + "/me/events");',
      '    await _http.GetStringAsync($"{_configuration.GetSection("Graph")["BaseUrl"]}/users");',
      '    await _http.GetStringAsync(_configuration.GetSection("Graph:BaseUrl").Value + "/groups");',
      '    await _http.GetStringAsync(this._configuration.GetSection("Graph").GetValue<string>("BaseUrl") + "/sites");',
      '    await _http.GetStringAsync(_configuration["Partner"] + "/me/contacts");',
      '    await _http.GetStringAsync(_settings["GraphApiUrl"] + "/me/contacts");',
      '  }',
      '}',
    ].join('\n')), 'csharp', parsers.csharp!, { environment });
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`), ['GET /groups/{id}/members v1.0 7', 'GET /me v1.0 8', 'GET /me/events v1.0 9', 'GET /users beta 10', 'GET /groups beta 11', 'GET /sites beta 12']);
  });

  it('a field set in a constructor holds its value in the other methods; a compound assignment makes it unknown (C#, Java, Python)', () => {
    const calls = (language: TreeLanguage, extension: string, code: string) => extractTreeLanguage(new SourceFile(`src/case.${extension}`, code), language, parsers[language]!).calls.map((call) => `${call.method} ${call.path}`);
    assert.deepEqual(calls('csharp', 'cs', 'class S {\n  string _base; string _other;\n  S() { this._base = "https://graph.microsoft.com/v1.0"; _other = "https://graph.microsoft.com/v1.0"; _other += "/users"; }\n  async Task R() { await _http.GetStringAsync(_base + "/me"); await _http.GetStringAsync(this._base + "/me/drive"); await _http.GetStringAsync(_other + "/me/events"); }\n}'), ['GET /me', 'GET /me/drive']);
    assert.deepEqual(calls('java', 'java', 'class S {\n  private final String base;\n  S(String base) { this.base = "https://graph.microsoft.com/v1.0"; }\n  void r() { HttpRequest request = HttpRequest.newBuilder(URI.create(this.base + "/me/contacts")).GET().build(); }\n}'), ['GET /me/contacts']);
    assert.deepEqual(calls('python', 'py', 'import requests\nclass S:\n    def __init__(self):\n        self.base = "https://graph.microsoft.com/v1.0"\n    def r(self, base):\n        requests.get(self.base + "/me/messages")\n        requests.get(base + "/me/events")\n'), ['GET /me/messages']);
  });

  it('C#: relative URLs sent through an HttpClient with a base address resolve against it, as new Uri(base, relative) does', () => {
    const facts = extractTreeLanguage(new SourceFile('src/GraphGroupService.cs', [
      'public class GraphGroupService {',
      '  private readonly HttpClient _httpClient;',
      '  private readonly HttpClient _beta = new HttpClient { BaseAddress = new Uri("https://graph.microsoft.com/beta") };',
      '  public GraphGroupService(IHttpClientFactory factory) {',
      '    _httpClient = factory.CreateClient("Graph");',
      '    _httpClient.BaseAddress = new Uri("https://graph.microsoft.com/v1.0/");',
      '  }',
      '  public async Task Run(string id) {',
      '    await _httpClient.GetStringAsync("me");',
      '    await this._httpClient.GetAsync($"users/{id}/memberOf?$select=id");',
      '    using var request = new HttpRequestMessage(HttpMethod.Post, "me/checkMemberGroups");',
      '    var root = new HttpClient(handler) { BaseAddress = new Uri("https://graph.microsoft.com") };',
      '    await root.GetAsync("v1.0/me/drive");',
      '    await _beta.GetAsync("users");',
      '    await _other.GetAsync("me/events");',
      '  }',
      '}',
    ].join('\n')), 'csharp', parsers.csharp!);
    // The request message at line 11 may go through any of three clients: no base is assumed for it.
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`), ['GET /me v1.0 9', 'GET /users/{id}/memberOf v1.0 10', 'GET /me/drive v1.0 13']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['14 users resolved against the base address https://graph.microsoft.com/beta is https://graph.microsoft.com/users, without the API version (the base address needs a trailing slash)']);
    // With one client in the file, a request message sent through it resolves against its base.
    const single = extractTreeLanguage(new SourceFile('src/Groups.cs', 'class G {\n  HttpClient _http;\n  G(HttpClient http) { _http = http; _http.BaseAddress = new Uri("https://graph.microsoft.com/v1.0/"); }\n  async Task R() { using var request = new HttpRequestMessage(HttpMethod.Post, "me/checkMemberGroups"); await _http.SendAsync(request); }\n}'), 'csharp', parsers.csharp!);
    assert.deepEqual(single.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['POST /me/checkMemberGroups 4']);
  });

  it('C#: clients registered with a base address in one file resolve the relative URLs other files send through them', () => {
    const problems: ScanProblem[] = [];
    const graph = extractGraphFacts({
      files: [
        new SourceFile('Program.cs', 'builder.Services.AddHttpClient("Graph", c => c.BaseAddress = new Uri("https://graph.microsoft.com/v1.0/"));\nbuilder.Services.AddHttpClient("Beta", c => c.BaseAddress = new Uri("https://graph.microsoft.com/beta"));\nbuilder.Services.AddHttpClient("Twice", c => c.BaseAddress = new Uri("https://graph.microsoft.com/v1.0/"));\n'),
        new SourceFile('Other.cs', 'services.AddHttpClient("Twice", c => c.BaseAddress = new Uri("https://graph.microsoft.com/beta/"));\n'),
        new SourceFile('Service.cs', 'class S {\n  HttpClient _graph, _beta, _twice;\n  S(IHttpClientFactory f) { _graph = f.CreateClient("Graph"); _beta = f.CreateClient("Beta"); _twice = f.CreateClient("Twice"); }\n  async Task R() {\n    await _graph.PostAsync("me/sendMail", body);\n    await _beta.GetAsync("users");\n    await _twice.GetAsync("me");\n  }\n}\n'),
      ],
      manifests: [], apps: [], index: undefined, justifications: {}, problems, parsers,
    });
    assert.deepEqual(graph.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.confidence} ${call.source.file}:${call.source.line}`), ['POST /me/sendMail v1.0 medium Service.cs:5']);
    // A client registered twice with different bases: which one serves the request cannot be told, and it is said so.
    assert.deepEqual(graph.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['6 users resolved against the base address https://graph.microsoft.com/beta of the registered client is https://graph.microsoft.com/users, without the API version (the base address needs a trailing slash)', '7 the client is one of 2 registered with different base URLs']);
  });

  // As a public Spring education integration builds its requests: locals passed as a call's argument, a verb call kept
  // in a variable, a private request method taking the location, and a method returning the URL it builds.
  it('Java: locals read as a call\'s argument, a verb call kept in a variable, a request method taking the path, a URL a method returns', () => {
    const file = new SourceFile('src/main/java/app/EducationClient.java', [
      'class EducationClient {',
      '  private final RestClient client = RestClient.builder().baseUrl("https://graph.microsoft.com/v1.0").build();',
      '  void returnSubmission(String classId, String id) {',
      '    String location = "/education/classes/" + classId + "/assignments/" + id + "/return";',
      '    client.post().uri(location).retrieve();',
      '  }',
      '  void other(String x) { String location = locate(x); }',
      '  void patch(String classId, String outcomeId) {',
      '    String location = outcomeLocation(classId, outcomeId);',
      '    client.patch().uri(location).retrieve();',
      '  }',
      '  private String outcomeLocation(String classId, String outcomeId) {',
      '    String outcome = required(outcomeId);',
      '    return "/education/classes/" + classId + "/outcomes/" + outcome;',
      '  }',
      '  private RestClient.ResponseSpec request(String token, String location) {',
      '    var request = client.get();',
      '    var response = location.startsWith("https://") ? request.uri(URI.create(location)) : request.uri(location);',
      '    return response.retrieve();',
      '  }',
      '  Page page(String token, String location) { return request(token, location).body(Page.class); }',
      '  void list(String token) { String next = "/education/classes"; while (next != null) { next = page(token, next).nextLink(); } }',
      '  void byParameter(String token, String location) { client.delete().uri(location).retrieve(); }',
      '}',
    ].join('\n'));
    const facts = extractTreeLanguage(file, 'java', parsers.java!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`).sort(), [
      'GET /education/classes 22',
      'PATCH /education/classes/{id}/outcomes/{id} 10',
      'POST /education/classes/{id}/assignments/{id}/return 5',
    ]);
  });

  it('C# and Python: the entity types of an SDK search request body (Microsoft Search\'s permission follows them)', () => {
    const csharp = extractTreeLanguage(new SourceFile('Search.cs', 'class S {\n  async Task Run(GraphServiceClient graphClient) {\n    var requestBody = new QueryPostRequestBody { Requests = new List<SearchRequest> { new SearchRequest { EntityTypes = new List<EntityType?> { EntityType.ExternalItem, EntityType.DriveItem }, Query = new SearchQuery { QueryString = "x" } } } };\n    await graphClient.Search.Query.PostAsQueryPostResponseAsync(requestBody);\n    await graphClient.Search.Query.PostAsQueryPostResponseAsync(BuildAtRunTime());\n  }\n}\n'), 'csharp', parsers.csharp!);
    assert.deepEqual(csharp.calls.map((call) => `${call.method} ${call.path} ${call.searchEntities?.join('+') ?? '-'}`), ['POST /search/query externalItem+driveItem', 'POST /search/query -']);
    const python = extractTreeLanguage(new SourceFile('search.py', 'from msgraph import GraphServiceClient\nasync def run(client):\n    body = QueryPostRequestBody(requests=[SearchRequest(entity_types=[EntityType.Message], query=SearchQuery(query_string="x"))])\n    return await client.search.query.post(body)\n'), 'python', parsers.python!);
    assert.deepEqual(python.calls.map((call) => `${call.method} ${call.path} ${call.searchEntities?.join('+') ?? '-'}`), ['POST /search/query message']);
  });

  it('C# and Python: a URL a function of the file returns, built from its parameters (one return or an expression body)', () => {
    const csharp = extractTreeLanguage(new SourceFile('Svc.cs', 'class Svc {\n  const string Base = "https://graph.microsoft.com/v1.0";\n  static string UserUrl(string id) => $"{Base}/users/{id}";\n  string Member(string g, string u) { var x = 1; return Base + "/groups/" + g + "/members/" + u; }\n  async Task Run(HttpClient http, string who) {\n    await http.GetAsync(UserUrl(who));\n    await http.DeleteAsync(Member("g1", who));\n  }\n}\n'), 'csharp', parsers.csharp!);
    assert.deepEqual(csharp.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /users/{id} 6', 'DELETE /groups/g1/members/{id} 7']);
    const python = extractTreeLanguage(new SourceFile('svc.py', 'import requests\nGRAPH = "https://graph.microsoft.com/v1.0"\nclass Svc:\n    def url(self, user_id):\n        return f"{GRAPH}/users/{user_id}/events"\n    def run(self, uid):\n        return requests.get(self.url(uid))\ndef two(x):\n    if x:\n        return GRAPH + "/me"\n    return GRAPH + "/users"\nrequests.get(two(1))\n'), 'python', parsers.python!);
    assert.deepEqual(python.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /users/{id}/events 7'], 'a function with two returns gives no single URL');
  });

  // As Spring apps build their Graph client: a @Bean of a configuration class, injected by name or by type; a client
  // handed from one constructor to another with this(…).
  it('Java: Spring clients built with a base URL by a @Bean or handed over by this(…) resolve the relative URIs sent through them', () => {
    const files = (beans: string) => [
      new SourceFile('src/main/java/app/GraphConfig.java', `@Configuration\npublic class GraphConfig {\n${beans}}\n`),
      new SourceFile('src/main/java/app/SyncService.java', '@Service\npublic class SyncService {\n  private final RestClient graphApiRestClient;\n  private final WebClient client;\n  public SyncService(RestClient graphApiRestClient, WebClient client) { this.graphApiRestClient = graphApiRestClient; this.client = client; }\n  public String users() { return graphApiRestClient.get().uri("/users?$select=id,displayName").retrieve().body(String.class); }\n  public String me() { return client.get().uri("/me").retrieve().bodyToMono(String.class).block(); }\n}\n'),
      new SourceFile('src/main/java/app/EducationClient.java', 'public class EducationClient {\n  private final RestClient client;\n  public EducationClient() {\n    this(RestClient.builder().baseUrl("https://graph.microsoft.com/beta").build());\n  }\n  EducationClient(RestClient client) { this.client = client; }\n  public String classes() { return client.get().uri("/education/classes").retrieve().body(String.class); }\n}\n'),
    ];
    const facts = (beans: string) => extractGraphFacts({ files: files(beans), manifests: [], apps: [], index: undefined, justifications: {}, problems: [], parsers });
    const oneEach = facts('  @Bean\n  public RestClient graphApiRestClient(RestClient.Builder b) { return b.baseUrl("https://graph.microsoft.com/v1.0").build(); }\n  @Bean\n  WebClient graphWebClient() { return WebClient.builder().baseUrl("https://graph.microsoft.com/v1.0").build(); }\n');
    assert.deepEqual(oneEach.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.confidence} ${call.select?.join(',') ?? ''} ${call.source.file.split('/').pop()}:${call.source.line}`).sort(), [
      'GET /education/classes beta high  EducationClient.java:7',
      'GET /me v1.0 medium  SyncService.java:7',
      'GET /users v1.0 medium id,displayName SyncService.java:6',
    ]);
    // Two WebClient beans with different bases: the one injected by type cannot be told, and it is said so.
    const two = facts('  @Bean\n  WebClient graphWebClient() { return WebClient.builder().baseUrl("https://graph.microsoft.com/v1.0").build(); }\n  @Bean\n  WebClient partnerWebClient() { return WebClient.builder().baseUrl("https://api.partner.example").build(); }\n');
    assert.deepEqual(two.calls.map((call) => call.path).sort(), ['/education/classes']);
    assert.deepEqual(two.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['7 the client is one of 2 registered with different base URLs']);
  });

  // As Spring Cloud Azure's samples call Graph, and Spring apps with a client built for Graph's base URL.
  it('Java: Spring WebClient requests (verb, uri, a baseUrl the client was built with) and RestTemplate', () => {
    const facts = extractTreeLanguage(new SourceFile('src/GraphController.java', [
      'class GraphController {',
      '  private static final String GRAPH_ME_ENDPOINT = "https://graph.microsoft.com/v1.0/me";',
      '  private final WebClient graph;',
      '  GraphController(WebClient.Builder builder) { this.graph = builder.baseUrl("https://graph.microsoft.com/v1.0").build(); }',
      '  String me(OAuth2AuthorizedClient client) { return webClient.get().uri(GRAPH_ME_ENDPOINT).attributes(oauth2AuthorizedClient(client)).retrieve().bodyToMono(String.class).block(); }',
      '  void send(String m) { webClient.post().uri("https://graph.microsoft.com/v1.0/me/sendMail").bodyValue(m).retrieve(); }',
      '  String user(String upn) { return graph.get().uri("/users/{upn}", upn).retrieve().bodyToMono(String.class).block(); }',
      '  void rename(String id) { this.graph.method(HttpMethod.PATCH).uri("/groups/" + id).bodyValue(body).retrieve(); }',
      '  String built() { return graph.get().uri(b -> b.path("/me/events").build()).retrieve().bodyToMono(String.class).block(); }',
      '  String partner() { return webClient.get().uri("https://api.contoso.com/items").retrieve().bodyToMono(String.class).block(); }',
      '  String rest() { return restTemplate.getForObject("https://graph.microsoft.com/v1.0/me/drive", String.class); }',
      '}',
    ].join('\n')), 'java', parsers.java!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /me/drive 11', 'GET /me 5', 'POST /me/sendMail 6', 'GET /users/{upn} 7', 'PATCH /groups/{id} 8']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['9 the URI is built at run time by a lambda']);
  });

  it('Java: @Value fields and parameters take the URL the module\'s application.properties/yml give the property, else their default', () => {
    const environment = environmentUrls([
      new SourceFile('api/src/main/resources/application.yml', 'app:\n  graph:\n    base-url: https://graph.microsoft.com/v1.0\n    client-secret: abc~def\n'),
      new SourceFile('api/src/main/resources/application.properties', 'graph.beta=https://graph.microsoft.com/beta\n'),
    ]);
    const facts = extractTreeLanguage(new SourceFile('api/src/main/java/sample/GraphService.java', [
      'public class GraphService {',
      '  @Value("${app.graph.base-url}") private String graphBase;',
      '  @Value("${graph.missing:https://graph.microsoft.com/v1.0}") private String fallback;',
      '  @Value("${app.graph.client-secret}") private String secret;',
      '  private final String beta;',
      '  public GraphService(@Value("${graph.beta}") String betaUrl) { this.beta = betaUrl; }',
      '  String me() { return restClient.get().uri(graphBase + "/me").retrieve().body(String.class); }',
      '  String events() { return restClient.get().uri(this.fallback + "/me/events").retrieve().body(String.class); }',
      '  String presence() { return restClient.get().uri(beta + "/me/presence").retrieve().body(String.class); }',
      '  String other() { return restClient.get().uri(secret + "/me/contacts").retrieve().body(String.class); }',
      '}',
    ].join('\n')), 'java', parsers.java!, { environment });
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`), ['GET /me v1.0 7', 'GET /me/events v1.0 8', 'GET /me/presence beta 9']);
    // Only URL values enter the extraction: the secret is not in the environment at all.
    assert.equal(JSON.stringify(environment).includes('abc~def'), false);
  });

  it('C# and Java: constants of the tree\'s classes read by other classes (GraphConstants.BaseUrl), nearest class file first', () => {
    const problems: ScanProblem[] = [];
    const files = [
      new SourceFile('Shared/GraphConstants.cs', 'namespace Shared {\n  public static class GraphConstants {\n    public const string BaseUrl = "https://graph.microsoft.com/v1.0";\n    public static readonly string MeEndpoint = BaseUrl + "/me";\n    public static string Mutable = "https://graph.microsoft.com/v1.0/users";\n  }\n}\n'),
      new SourceFile('Other/GraphConstants.cs', 'public static class GraphConstants { public const string BaseUrl = "https://graph.microsoft.com/beta"; }\n'),
      new SourceFile('Shared/Api/ProfileService.cs', 'public class ProfileService {\n  public Task<string> Me(HttpClient http) => http.GetStringAsync(GraphConstants.MeEndpoint);\n  public Task<string> Events(HttpClient http) => http.GetStringAsync($"{GraphConstants.BaseUrl}/me/events");\n  public Task<string> Users(HttpClient http) => http.GetStringAsync(GraphConstants.Mutable);\n  public Task<string> Missing(HttpClient http) => http.GetStringAsync(GraphConstants.Nothing + "/me/drive");\n}\n'),
      new SourceFile('java/app/Endpoints.java', 'package app;\npublic final class Endpoints {\n  public static final String GRAPH = "https://graph.microsoft.com/v1.0";\n}\n'),
      new SourceFile('java/app/Client.java', 'package app;\nclass Client {\n  String drive() throws Exception { return send(HttpRequest.newBuilder(URI.create(Endpoints.GRAPH + "/me/drive")).GET().build()); }\n}\n'),
    ];
    const extracted = extractCode({ files, apps: [], problems, parsers });
    const calls = (file: string) => extracted.find((entry) => entry.file === file)?.facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`);
    // The nearest GraphConstants.cs is Shared's (v1.0), not Other's (beta); a field that is not constant is not read.
    assert.deepEqual(calls('Shared/Api/ProfileService.cs'), ['GET /me v1.0 2', 'GET /me/events v1.0 3']);
    assert.deepEqual(calls('java/app/Client.java'), ['GET /me/drive v1.0 3']);
    assert.deepEqual(problems, []);
  });

  it('C#: properties of options bound from configuration (IOptions<GraphSettings>) take the URL appsettings gives their section', () => {
    const environment = environmentUrls([new SourceFile('Api/appsettings.json', JSON.stringify({ Graph: { BaseUrl: 'https://graph.microsoft.com/v1.0', TenantId: 'contoso' }, MailOptions: { Endpoint: 'https://graph.microsoft.com/beta/me/messages' } }))]);
    const facts = extractTreeLanguage(new SourceFile('Api/Services/GraphClientIntegration.cs', [
      'public class GraphClientIntegration {',
      '  private readonly GraphSettings _graphSettings;',
      '  private readonly IOptions<MailOptions> _mail;',
      '  private readonly IOptionsMonitor<GraphSettings> _monitor;',
      '  public GraphClientIntegration(IOptions<GraphSettings> graphSettings, IOptions<MailOptions> mail) { _graphSettings = graphSettings.Value; _mail = mail; }',
      '  public Task<string> Me(HttpClient http) => http.GetStringAsync($"{_graphSettings.BaseUrl}/me");',
      '  public Task<string> Mail(HttpClient http) => http.GetStringAsync(_mail.Value.Endpoint);',
      '  public Task<string> Users(HttpClient http) => http.GetStringAsync(_monitor.CurrentValue.BaseUrl + "/users");',
      '  public Task<string> Wrong(HttpClient http) => http.GetStringAsync(_mail.Endpoint + "/x");',
      '}',
    ].join('\n')), 'csharp', parsers.csharp!, { environment });
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`), ['GET /me v1.0 6', 'GET /me/messages beta 7', 'GET /users v1.0 8']);
  });

  // As in a public ASP.NET Core multi-tenant sample: `protected string GraphTenantInfoUrl { get; } = "…"` read by a request.
  it('C#: a property with an initializer or an expression body holds its URL as a field does', () => {
    const facts = extractTreeLanguage(new SourceFile('Services/Tenants.cs', [
      'public class Tenants {',
      '  protected string TenantInfoUrl { get; } = "https://graph.microsoft.com/beta/organization";',
      '  private static Uri Base => new Uri("https://graph.microsoft.com/v1.0/");',
      '  private string Groups => "https://graph.microsoft.com/v1.0/groups";',
      '  public string Changing { get; set; } = "https://graph.microsoft.com/v1.0/me";',
      '  public async Task Run(HttpClient http) {',
      '    await http.GetAsync(TenantInfoUrl);',
      '    await http.GetAsync(Groups + "/delta");',
      '    Changing = Pick();',
      '    await http.GetAsync(Changing);',
      '  }',
      '}',
    ].join('\n')), 'csharp', parsers.csharp!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`), ['GET /organization beta 7', 'GET /groups/delta v1.0 8']);
  });

  // As in Microsoft's .NET daemon sample: `AuthenticationConfig config = AuthenticationConfig.ReadFromJsonFile(…)`, no IOptions.
  it('C#: an options instance held in a typed variable takes appsettings\' value, else the default its class gives the property', () => {
    const config = new SourceFile('Daemon/AuthenticationConfig.cs', 'public class AuthenticationConfig {\n  public string ApiUrl { get; set; } = "https://graph.microsoft.com/";\n  public string Instance { get; set; } = "https://login.microsoftonline.com/{0}";\n  public static AuthenticationConfig ReadFromJsonFile(string path) => new ConfigurationBuilder().AddJsonFile(path).Build().Get<AuthenticationConfig>();\n}\n');
    const program = new SourceFile('Daemon/Program.cs', [
      'class Program {',
      '  static async Task Run(HttpClient http) {',
      '    AuthenticationConfig config = AuthenticationConfig.ReadFromJsonFile("appsettings.json");',
      '    await http.GetAsync($"{config.ApiUrl}v1.0/users");',
      '    await http.GetAsync($"{config.ApiUrl}me/events");',
      '  }',
      '  static Task Beta(HttpClient http, AuthenticationConfig settings) => http.GetAsync(settings.ApiUrl + "beta/me/presence");',
      '}',
    ].join('\n'));
    const calls = (files: SourceFile[]) => extractCode({ files, apps: [], problems: [], parsers, graphOnly: true }).flatMap((entry) => entry.facts.calls).map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`);
    // No appsettings in the tree: the class's default.
    assert.deepEqual(calls([config, program]), ['GET /users v1.0 4', 'GET /me/events v1.0 5', 'GET /me/presence beta 7']);
    // appsettings gives the root's ApiUrl (the class is read with Get<T>() from the root): its value wins over the default.
    const settings = new SourceFile('Daemon/appsettings.json', JSON.stringify({ ApiUrl: 'https://graph.microsoft.com/beta/' }));
    assert.deepEqual(calls([config, program, settings]), ['GET /v1.0/users beta 4', 'GET /me/events beta 5', 'GET /beta/me/presence beta 7']);
    // A class that is not an options class gives no defaults.
    const plain = new SourceFile('Daemon/Endpoints.cs', 'public class Endpoints {\n  public string ApiUrl { get; set; } = "https://graph.microsoft.com/";\n}\n');
    const user = new SourceFile('Daemon/Job.cs', 'class Job {\n  static Task Run(HttpClient http, Endpoints endpoints) => http.GetAsync(endpoints.ApiUrl + "v1.0/groups");\n}\n');
    assert.deepEqual(calls([plain, user]), []);
  });

  it('C#: options bound in code to the root, a named or nested section, a class constant or by AddOptions take that section\'s URLs', async () => {
    const settings = new SourceFile('Web/appsettings.json', JSON.stringify({ GraphApiUrl: 'https://graph.microsoft.com', Integrations: { Graph: { Endpoint: 'https://graph.microsoft.com/v1.0' } }, MSGraph: { BaseUrl: 'https://graph.microsoft.com/beta' }, Mail: { Base: 'https://graph.microsoft.com/v1.0/me' }, Base: 'https://graph.microsoft.com/v1.0/sites' }));
    const registrations = new SourceFile('Web/Startup.cs', [
      'public static class Bootstrapper {',
      '  public static void AddGraphService(this IServiceCollection services, IConfiguration configuration) {',
      '    services.Configure<WebOptions>(configuration);',
      '    services.Configure<GraphApiOptions>(',
      '        configuration.GetSection("Integrations:Graph"));',
      '    builder.Services.Configure<Options.MSGraphOptions>(builder.Configuration.GetSection(MSGraphOptions.SectionName));',
      '    services.AddOptions<MailOptions>().BindConfiguration("Mail");',
      // Set by code, not bound to configuration: its Base is not the root's.
      '    services.Configure<IgnoredOptions>(o => o.Base = "https://example.com");',
      '  }',
      '}',
    ].join('\n'));
    const constants = new SourceFile('Web/Options/MSGraphOptions.cs', 'public record MSGraphOptions {\n  public const string SectionName = "MSGraph";\n  public string? BaseUrl { get; init; }\n}\n');
    const service = new SourceFile('Web/Services/GraphApiOperationService.cs', [
      'public class GraphApiOperationService {',
      '  private readonly HttpClient httpClient;',
      '  private readonly WebOptions webOptions;',
      '  private readonly IOptions<GraphApiOptions> graph;',
      '  private readonly MSGraphOptions msGraph;',
      '  private readonly IOptions<MailOptions> mail;',
      '  private readonly IOptions<IgnoredOptions> ignored;',
      '  public GraphApiOperationService(HttpClient httpClient, IOptions<WebOptions> webOptionValue, IOptions<MSGraphOptions> ms) { this.httpClient = httpClient; webOptions = webOptionValue.Value; msGraph = ms.Value; }',
      '  public Task<HttpResponseMessage> Me() => httpClient.GetAsync($"{webOptions.GraphApiUrl}/beta/me");',
      '  public Task<HttpResponseMessage> Groups() => httpClient.GetAsync($"{graph.Value.Endpoint}/groups");',
      '  public Task<HttpResponseMessage> Presence() => httpClient.GetAsync(msGraph.BaseUrl + "/me/presence");',
      '  public Task<HttpResponseMessage> Inbox() => httpClient.GetAsync($"{mail.Value.Base}/messages");',
      '  public Task<HttpResponseMessage> Other() => httpClient.GetAsync($"{ignored.Value.Base}/members");',
      '}',
    ].join('\n'));
    const files = [settings, registrations, constants, service];
    const facts = extractCode({ files, apps: [], problems: [], parsers, graphOnly: true }).flatMap((entry) => entry.facts.calls);
    assert.deepEqual(facts.map((call) => `${call.method} ${call.path} ${call.apiVersion} ${call.source.line}`), ['GET /me beta 9', 'GET /groups v1.0 10', 'GET /me/presence beta 11', 'GET /me/messages v1.0 12']);
  });

  it('C# and Java: request helpers another class defines, called on the class or on a field of its type (or interface)', () => {
    const problems: ScanProblem[] = [];
    const files = [
      new SourceFile('Api/Services/GraphService.cs', 'public class GraphService : IGraphService {\n  private const string Base = "https://graph.microsoft.com/v1.0";\n  private readonly HttpClient _http;\n  public Task<string> GetJsonAsync(string path) => _http.GetStringAsync($"{Base}/{path}");\n}\n'),
      new SourceFile('Api/Helpers/GraphHelper.cs', 'public static class GraphHelper {\n  public static Task<HttpResponseMessage> PostAsync(HttpClient http, string path, HttpContent body) => http.PostAsync("https://graph.microsoft.com/v1.0" + path, body);\n}\n'),
      new SourceFile('Api/Controllers/ProfileController.cs', 'public class ProfileController {\n  private readonly IGraphService _graph;\n  public ProfileController(IGraphService graph) { _graph = graph; }\n  public Task<string> Me() => _graph.GetJsonAsync("me");\n  public Task<string> Events() => this._graph.GetJsonAsync("me/events");\n  public Task Send(HttpClient http, HttpContent body) => GraphHelper.PostAsync(http, "/me/sendMail", body);\n}\n'),
      new SourceFile('java/app/GraphClient.java', 'class GraphClient {\n  static final String BASE = "https://graph.microsoft.com/v1.0";\n  String get(String path) throws Exception { return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build()); }\n}\n'),
      new SourceFile('java/app/Reports.java', 'class Reports {\n  private final GraphClient graph = new GraphClient();\n  String run() throws Exception { return graph.get("/reports/getTeamsUserActivityUserDetail(period=\'D7\')"); }\n}\n'),
    ];
    const extracted = extractCode({ files, apps: [], problems, parsers });
    const calls = (file: string) => extracted.find((entry) => entry.file === file)?.facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`);
    assert.deepEqual(calls('Api/Controllers/ProfileController.cs'), ['GET /me 4', 'GET /me/events 5', 'POST /me/sendMail 6']);
    assert.deepEqual(calls('java/app/Reports.java'), ["GET /reports/getTeamsUserActivityUserDetail(period='D7') 3"]);
    assert.deepEqual(calls('Api/Services/GraphService.cs'), []);
  });

  it('C# and Java: request helpers reached through a method parameter of the class\'s type or interface', () => {
    const files = [
      new SourceFile('Api/Services/GraphService.cs', 'public class GraphService : IGraphService {\n  private const string Base = "https://graph.microsoft.com/v1.0";\n  private readonly HttpClient _http;\n  public Task<string> GetJsonAsync(string path) => _http.GetStringAsync($"{Base}/{path}");\n}\n'),
      new SourceFile('Api/Jobs/ReportJob.cs', 'public class ReportJob {\n  public Task Run(IGraphService graph, string id) => graph.GetJsonAsync($"users/{id}/messages");\n  public Task Other(GraphService service) => service.GetJsonAsync("me/events");\n  public Task Unrelated(ILogger logger) => logger.GetJsonAsync("me/drive");\n}\n'),
      new SourceFile('java/app/GraphClient.java', 'class GraphClient {\n  static final String BASE = "https://graph.microsoft.com/v1.0";\n  String get(String path) throws Exception { return send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build()); }\n}\n'),
      new SourceFile('java/app/Report.java', 'class Report {\n  String run(final GraphClient client, String id) throws Exception { return client.get("/users/" + id + "/manager"); }\n}\n'),
    ];
    const extracted = extractCode({ files, apps: [], problems: [], parsers });
    const calls = (file: string) => extracted.find((entry) => entry.file === file)?.facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`);
    assert.deepEqual(calls('Api/Jobs/ReportJob.cs'), ['GET /users/{id}/messages 2', 'GET /me/events 3']);
    assert.deepEqual(calls('java/app/Report.java'), ['GET /users/{id}/manager 2']);
  });

  // As a public Azure AD user export does it: the URL built in a public method, passed down two private methods to a service.
  it('chains of helpers: a method passing its own parameter as a helper\'s URL is a helper in turn, callers above callees too', () => {
    const cs = extractTreeLanguage(new SourceFile('UserService.cs', [
      'public class UserService {',
      '  private readonly string _graphApiUrl = "https://graph.microsoft.com/v1.0";',
      '  public async Task Users(string groupId, string token) {',
      '    var url = $"{_graphApiUrl}/groups/{groupId}/members?$select=id,mail";',
      '    await GetGraphUsers(url, token);',
      '  }',
      '  private async Task<string> GetGraphUsers(string url, string token) => await RetrieveAndAdd(new List<User>(), url, token);',
      '  private async Task<string> RetrieveAndAdd(List<User> users, string url, string token) => await _graphApiService.RetrieveData(url, token);',
      '  public async Task Loop(string token) { await Recurse(token, _graphApiUrl + "/me"); }',
      '  private async Task Recurse(string token, string next) { await _graphApiService.RetrieveData(next, token); await Recurse(token, next); }',
      '}',
    ].join('\n')), 'csharp', parsers.csharp!);
    assert.deepEqual(cs.calls.map((call) => `${call.method} ${call.path} ${call.confidence} ${call.source.line} ${JSON.stringify(call.select ?? [])}`), ['GET /groups/{id}/members medium 5 ["id","mail"]', 'GET /me medium 9 []']);
    const py = extractTreeLanguage(new SourceFile('graph.py', 'import requests\nGRAPH = "https://graph.microsoft.com/v1.0"\ndef users(token):\n    return fetch_all(token, GRAPH + "/users")\ndef fetch_all(token, url):\n    return get_page(token, url)\ndef get_page(token, url):\n    return requests.get(url, headers={"Authorization": token}).json()\n'), 'python', parsers.python!);
    assert.deepEqual(py.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /users 4']);
  });

  it('a name assigned 20,000 times in one method takes, at each use, the value given last before it (C# and Python)', () => {
    const count = 20_000;
    const cs = `class S {\n  string url;\n  async Task R() {\n${Array.from({ length: count }, (_, i) => `    url = "https://graph.microsoft.com/v1.0/users/${i}"; await http.GetStringAsync(url);`).join('\n')}\n  }\n}\n`;
    const py = `import requests\ndef r():\n${Array.from({ length: count }, (_, i) => `    url = "https://graph.microsoft.com/v1.0/users/${i}"\n    requests.get(url)`).join('\n')}\n`;
    for (const [language, file] of [['csharp', new SourceFile('S.cs', cs)], ['python', new SourceFile('s.py', py)]] as const) {
      const facts = extractTreeLanguage(file, language, parsers[language]!, { graphOnly: true });
      assert.equal(facts.calls.length, count);
      // Every use sees the value its own line gave, not the first or the last of the method.
      assert.ok(facts.calls.every((call, index) => call.path === `/users/${index}`), language);
    }
    // And given in the arms of 20,000 ifs: each use takes both arms' values, found without rescanning the others.
    const branched = `import requests\ndef r(x):\n${Array.from({ length: count }, (_, i) => `    if x:\n        url = "https://graph.microsoft.com/v1.0/users/${i}"\n    else:\n        url = "https://graph.microsoft.com/v1.0/groups/${i}"\n    requests.get(url)`).join('\n')}\n`;
    const facts = extractTreeLanguage(new SourceFile('b.py', branched), 'python', parsers.python!, { graphOnly: true });
    assert.equal(facts.calls.length, 2 * count);
    assert.deepEqual(facts.calls.slice(-2).map((call) => call.path), [`/users/${count - 1}`, `/groups/${count - 1}`]);
  });

  it('ifs nested 2,000 deep or 20,000 in a row before one use give a bounded set of values, the nearest among them (C# and Python)', () => {
    const depth = 2_000;
    const nested = `class S {\n  async Task R(bool x) {\n    string url = "https://graph.microsoft.com/v1.0/me";\n${Array.from({ length: depth }, (_, i) => `if (x) { url = "https://graph.microsoft.com/v1.0/users/${i}";`).join('\n')}\n${'}'.repeat(depth)}\n    await http.GetStringAsync(url);\n  }\n}\n`;
    const inRow = `import requests\ndef r(x):\n    url = "https://graph.microsoft.com/v1.0/me"\n${Array.from({ length: 20_000 }, (_, i) => `    if x:\n        url = "https://graph.microsoft.com/v1.0/users/${i}"`).join('\n')}\n    requests.get(url)\n`;
    for (const [language, file, nearest] of [['csharp', new SourceFile('S.cs', nested), `/users/${depth - 1}`], ['python', new SourceFile('s.py', inRow), '/users/19999']] as const) {
      const facts = extractTreeLanguage(file, language, parsers[language]!, { graphOnly: true });
      const paths = facts.calls.map((call) => call.path);
      assert.ok(paths.includes(nearest), `${language}: ${paths.join(' ')}`);
      assert.ok(paths.length >= 2 && paths.length <= 16, `${language}: ${paths.length} values`);
    }
  });

  it('a Graph URL handed to code m365cert does not know is that code\'s request, of medium confidence, with the verb its name starts with', () => {
    const facts = extractTreeLanguage(new SourceFile('src/Users.cs', wrap.csharp([
      'var url = $"{GraphBase}/groups/{id}/members?$select=id,mail";',
      'var json = await _graphApiService.RetrieveData(url, token);',
      'await _graphApiService.PostToGraphAsync(GraphBase + "/me/sendMail", body);',
      'await _graphApiService.RetrieveData(GraphBase + "/" + Compute(), token);',
      'Log(id, GraphBase + "/me");',
      'logger.LogInformation(GraphBase + "/me/drive");',
      'await _store.Save("https://api.contoso.com/me", body);',
    ].join('\n'))), 'csharp', parsers.csharp!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.confidence} ${JSON.stringify(call.select ?? [])}`), ['GET /groups/{id}/members medium ["id","mail"]', 'POST /me/sendMail medium []']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['8 the URL after the Graph base is computed at run time']);
  });

  // As Microsoft's Python web app sample long did: the endpoint and scopes in app_config.py, the call in app.py.
  it('Python: constants of the tree\'s modules an import names (import m, from m import X as Y, relative, packages)', () => {
    const problems: ScanProblem[] = [];
    const files = [
      new SourceFile('web/app_config.py', 'CLIENT_ID = "x"\nENDPOINT = "https://graph.microsoft.com/v1.0/users"\nSCOPE = ["User.ReadBasic.All"]\nTWICE = "https://graph.microsoft.com/v1.0/a"\nTWICE = "https://graph.microsoft.com/v1.0/b"\n'),
      new SourceFile('web/settings/graph.py', 'BASE = "https://graph.microsoft.com/v1.0"\nEVENTS = BASE + "/me/events"\n'),
      new SourceFile('web/views/calendar.py', 'import requests\nfrom ..settings.graph import EVENTS\nfrom ..settings import graph as g\nrequests.get(EVENTS)\nrequests.get(g.BASE + "/me/calendars")\n'),
      new SourceFile('web/app.py', [
        'import requests, msal',
        'import app_config',
        'import settings.graph',
        'from app_config import ENDPOINT as EP, TWICE',
        'def graphcall(token):',
        '    requests.get(app_config.ENDPOINT, headers={"Authorization": "Bearer " + token})',
        '    requests.get(EP + "/delta")',
        '    requests.get(settings.graph.BASE + "/me/drive")',
        '    requests.get(TWICE)',
        '    requests.get(app_config.MISSING)',
        'def login():',
        '    return msal.ConfidentialClientApplication(app_config.CLIENT_ID).initiate_auth_code_flow(app_config.SCOPE, redirect_uri="x")',
      ].join('\n')),
    ];
    const extracted = extractCode({ files, apps: [], problems, parsers });
    const calls = (file: string) => extracted.find((entry) => entry.file === file)?.facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`);
    assert.deepEqual(calls('web/app.py'), ['GET /users 6', 'GET /users/delta 7', 'GET /me/drive 8']);
    assert.deepEqual(calls('web/views/calendar.py'), ['GET /me/events 4', 'GET /me/calendars 5']);
    assert.deepEqual(extracted.find((entry) => entry.file === 'web/app.py')?.facts.flows.map((flow) => flow.kind), ['auth-code']);
    assert.deepEqual(problems, []);
  });

  it('Python: request helpers another module defines, called by an imported name or through the module', () => {
    const problems: ScanProblem[] = [];
    const files = [
      new SourceFile('app/graph_helper.py', 'import requests\nGRAPH = "https://graph.microsoft.com/v1.0"\ndef graph_get(token, path):\n    return requests.get(GRAPH + path, headers={"Authorization": "Bearer " + token}).json()\ndef graph_post(token, path, body):\n    return requests.post(f"{GRAPH}{path}", json=body)\n'),
      new SourceFile('app/views.py', 'from graph_helper import graph_get\nimport graph_helper\nfrom . import graph_helper as gh\ndef profile(token):\n    return graph_get(token, "/me")\ndef send(token, message):\n    graph_helper.graph_post(token, "/me/sendMail", message)\ndef events(token):\n    return gh.graph_get(token, "/me/events")\ndef unknown(token):\n    return graph_get(token, compute())\n'),
    ];
    const extracted = extractCode({ files, apps: [], problems, parsers });
    const views = extracted.find((entry) => entry.file === 'app/views.py')!.facts;
    assert.deepEqual(views.calls.map((call) => `${call.method} ${call.path} ${call.source.line} ${call.via}`), ['GET /me 5 python-http via graph_get()', 'POST /me/sendMail 7 python-http via graph_post()', 'GET /me/events 9 python-http via graph_get()']);
    assert.deepEqual(views.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['11 the path passed to graph_get() is computed at run time']);
    // The helpers' own requests are no calls of their own.
    assert.deepEqual(extracted.find((entry) => entry.file === 'app/graph_helper.py')!.facts.calls, []);
  });

  // As MSAL for Java's web app samples call Graph: java.net's URL opened as an HttpURLConnection, token requests built by class.
  it('Java: a URL opened as a connection is a request (its method the connection\'s), MSAL parameter builders give scopes and flows', () => {
    const facts = extractTreeLanguage(new SourceFile('src/UserController.java', [
      'class UserController {',
      '  private String users(String accessToken) throws Exception {',
      '    URL url = new URL("https://graph.microsoft.com/v1.0/users?$select=displayName");',
      '    HttpURLConnection conn = (HttpURLConnection) url.openConnection();',
      '    conn.setRequestProperty("Authorization", "Bearer " + accessToken);',
      '    return read(conn);',
      '  }',
      '  private void send(String accessToken) throws Exception {',
      '    HttpURLConnection conn = (HttpURLConnection) new URL("https://graph.microsoft.com/v1.0/me/sendMail").openConnection();',
      '    conn.setRequestMethod("POST");',
      '  }',
      '  private String callGraph(String endpoint) throws Exception {',
      '    HttpURLConnection conn = (HttpURLConnection) new URL(endpoint).openConnection();',
      '    return read(conn);',
      '  }',
      '  void run() throws Exception { callGraph("https://graph.microsoft.com/v1.0/me/events"); }',
      '  URL link() throws Exception { return new URL("https://graph.microsoft.com/v1.0/me/contacts"); }',
      '  IAuthenticationResult silent(IAccount account) throws Exception {',
      '    AuthorizationCodeParameters code = AuthorizationCodeParameters.builder(authCode, new URI(currentUri)).build();',
      '    SilentParameters parameters = SilentParameters.builder(Collections.singleton("https://graph.microsoft.com/.default"), account).build();',
      '    return app.acquireTokenSilently(parameters).get();',
      '  }',
      '}',
    ].join('\n')), 'java', parsers.java!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line} ${JSON.stringify(call.select ?? [])}`), ['GET /users 3 ["displayName"]', 'POST /me/sendMail 9 []', 'GET /me/events 16 []']);
    assert.deepEqual(facts.scopes.map((scope) => `${scope.name} ${scope.source.line}`), ['https://graph.microsoft.com/.default 20']);
    assert.deepEqual(facts.flows.map((flow) => `${flow.flow} ${flow.kind} ${flow.source.line}`), ['delegated auth-code 19']);
  });

  it('request helpers: a function whose parameter gives the URL\'s root is called with the paths, in Python, C# and Java', () => {
    const calls = (language: TreeLanguage, extension: string, code: string) => {
      const facts = extractTreeLanguage(new SourceFile(`src/case.${extension}`, code), language, parsers[language]!);
      return [...facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line} ${call.via}`), ...facts.unresolved.map((item) => `${item.source.line} ${item.reason}`)];
    };
    assert.deepEqual(calls('python', 'py', [
      'import requests',
      "GRAPH = 'https://graph.microsoft.com/v1.0'",
      'def graph_get(path, token=None):',
      "    return requests.get(GRAPH + path, headers={'Authorization': 'Bearer ' + token}).json()",
      'class Client:',
      '    def post(self, path, body):',
      "        return requests.post(f'{GRAPH}{path}', json=body)",
      '    def run(self, user_id, path):',
      "        graph_get('/me')",
      "        graph_get(path='/me/events', token=t)",
      "        self.post('/me/sendMail', {})",
      "        self.post(f'/users/{user_id}/messages', {})",
      '        graph_get(compute_path())',
      "def user(user_id):",
      "    return requests.get(f'{GRAPH}/users/{user_id}')",
    ].join('\n')), ['GET /users/{id} 15 python-http', 'GET /me 9 python-http via graph_get()', 'GET /me/events 10 python-http via graph_get()', 'POST /me/sendMail 11 python-http via post()', 'POST /users/{id}/messages 12 python-http via post()', '13 the path passed to graph_get() is computed at run time']);
    assert.deepEqual(calls('csharp', 'cs', 'class G {\n  const string Base = "https://graph.microsoft.com/v1.0";\n  async Task<T> GetAsync<T>(string path) => await _http.GetFromJsonAsync<T>($"{Base}{path}");\n  async Task Run() { var me = await GetAsync<User>("/me"); var m = await this.GetAsync<Msg>("/me/messages"); }\n}\n'),
      ['GET /me 4 csharp-http via GetAsync()', 'GET /me/messages 4 csharp-http via GetAsync()']);
    assert.deepEqual(calls('java', 'java', 'class G {\n  static final String BASE = "https://graph.microsoft.com/v1.0";\n  String get(String path) throws Exception { return client.send(HttpRequest.newBuilder(URI.create(BASE + path)).GET().build(), null).body(); }\n  void m() throws Exception { get("/me"); this.get("/me/contacts"); }\n}\n'),
      ['GET /me 4 java-http via get()', 'GET /me/contacts 4 java-http via get()']);
  });

  it('finds scopes and auth flows in each language', () => {
    const cs = extractTreeLanguage(new SourceFile('a.cs', wrap.csharp('var r = await app.AcquireTokenForClient(new[] { "https://graph.microsoft.com/.default" }).ExecuteAsync();')), 'csharp', parsers.csharp!);
    assert.deepEqual([cs.scopes.map((s) => s.name), cs.flows.map((f) => f.flow)], [['https://graph.microsoft.com/.default'], ['application']]);
    // Scope lists held in a field: a collection expression, an array initializer.
    const fields = extractTreeLanguage(new SourceFile('Client.cs', 'class C {\n  public static readonly string[] GraphScopes = [\n    "Files.ReadWrite",\n    "User.Read"\n  ];\n  private static readonly string[] MailScopes = new[] { "Mail.Send" };\n  private static readonly string[] Names = [ "Contoso.Widgets" ];\n}'), 'csharp', parsers.csharp!);
    assert.deepEqual(fields.scopes.map((s) => `${s.name} ${s.source.line}`), ['Files.ReadWrite 3', 'User.Read 4', 'Mail.Send 6']);
    const py = extractTreeLanguage(new SourceFile('a.py', wrap.python('result = app.acquire_token_on_behalf_of(assertion, scopes=["User.Read", "Mail.Send"])')), 'python', parsers.python!);
    assert.deepEqual([py.scopes.map((s) => s.name), py.flows.map((f) => f.flow)], [['User.Read', 'Mail.Send'], ['delegated']]);
    const java = extractTreeLanguage(new SourceFile('A.java', wrap.java('ClientSecretCredential c = new ClientSecretCredentialBuilder().build();')), 'java', parsers.java!);
    assert.deepEqual(java.flows.map((f) => f.flow), ['application']);
    // Kiota's authentication provider takes the scopes it signs in with (Java: after the allowed hosts).
    const kiota = (language: TreeLanguage, code: string) => extractTreeLanguage(new SourceFile(`k.${{ csharp: 'cs', python: 'py', java: 'java' }[language]}`, wrap[language](code)), language, parsers[language]!).scopes.map((s) => s.name);
    assert.deepEqual(kiota('csharp', 'var auth = new AzureIdentityAuthenticationProvider(credential, new[] { "User.Read", "Mail.Read" });'), ['User.Read', 'Mail.Read']);
    assert.deepEqual(kiota('java', 'AzureIdentityAuthenticationProvider auth = new AzureIdentityAuthenticationProvider(credential, new String[] { "graph.microsoft.com" }, "User.Read", "Mail.Read");'), ['User.Read', 'Mail.Read']);
    const ps = extractPowerShell(new SourceFile('a.ps1', "Connect-MgGraph -Scopes 'User.Read.All','Group.Read.All'\nConnect-MgGraph -ClientId $c -TenantId $t -CertificateThumbprint $th"));
    assert.deepEqual([ps.scopes.map((s) => s.name), ps.flows.map((f) => f.flow)], [['User.Read.All', 'Group.Read.All'], ['delegated', 'application']]);
  });

  it('a request builder made for a URL known only at run time is reported, not guessed', () => {
    const facts = extractTreeLanguage(new SourceFile('Notify.cs', wrap.csharp('var builder = new MessageItemRequestBuilder($"https://graph.microsoft.com/v1.0/{notification.Resource}", graphClient.RequestAdapter);\nvar m = await builder.GetAsync();')), 'csharp', parsers.csharp!);
    assert.deepEqual(facts.calls, []);
    assert.match(facts.unresolved[0]?.reason ?? '', /MessageItemRequestBuilder created for a URL known only at run time/);
  });

  it('reports what it cannot resolve, and survives broken and hostile files', () => {
    const unknown = extractPowerShell(new SourceFile('a.ps1', 'Get-MgSomethingNew -Id 1\nInvoke-MgGraphRequest -Uri $computed'));
    assert.deepEqual(unknown.cmdlets?.map((use) => use.name), ['Get-MgSomethingNew']);
    const runtime = extractPowerShell(new SourceFile('r.ps1', 'Invoke-MgGraphRequest -Method POST -Uri $computedElsewhere'));
    assert.match(runtime.unresolved[0]?.reason ?? '', /URI known only at run time \(\$computedElsewhere\)/, 'an SDK request to an unknown URI is reported, never dropped');
    const device = extractPowerShell(new SourceFile('d.ps1', "Connect-MgGraph -Scopes 'User.Read' -UseDeviceAuthentication"));
    assert.deepEqual(device.flows.map((flow) => flow.kind), ['device-code']);
    assert.equal(resolveCmdlet(unknown.cmdlets![0]!, undefined), undefined, 'neither the curated table nor a command map knows it');
    const garbage = extractTreeLanguage(new SourceFile('a.cs', '}}}{{{ @@@ ### \u0000 not C#'), 'csharp', parsers.csharp!);
    assert.ok(garbage.parseError);
    const deep = extractTreeLanguage(new SourceFile('deep.py', `x = ${'('.repeat(3000)}1${')'.repeat(3000)}\n`), 'python', parsers.python!);
    assert.deepEqual(deep.calls, []);
    const unterminated = extractPowerShell(new SourceFile('u.ps1', "Get-MgUser -UserId 'never closed\nGet-MgGroup"));
    assert.ok(Array.isArray(unterminated.calls));
  });

  it('PowerShell: scopes in a list variable count once where they are written; a URI that is a run-time value as a whole is no call', () => {
    const facts = extractPowerShell(new SourceFile('connect.ps1', '$scopes = @(\n  "RoleManagement.ReadWrite.Directory",\n  "AuditLog.Read.All")\nif ($tenant) { Connect-MgGraph -Tenant $tenant -Scopes $scopes } else { Connect-MgGraph -Scopes $scopes }\n$more = "User.Read", "Mail.Read"\nConnect-MgGraph -Scopes $more\nInvoke-MgGraphRequest -Uri "$uri" -Method GET\n'));
    assert.deepEqual(facts.scopes.map((scope) => `${scope.name} ${scope.source.line}`), ['RoleManagement.ReadWrite.Directory 2', 'AuditLog.Read.All 3', 'User.Read 5', 'Mail.Read 5']);
    assert.deepEqual(facts.calls, []);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['7 Invoke-MgGraphRequest with a URI built at run time ({id})']);
  });

  it('C# and Java: a $select list the class keeps in a field or constant is the request\'s $select', () => {
    const cs = extractTreeLanguage(new SourceFile('S.cs', 'using Microsoft.Graph;\npublic class S {\n  private static readonly string[] AppSelect = ["id", "appId", "passwordCredentials"];\n  private static readonly string[] UserSelect = new[] { "id", "signInActivity" };\n  public async Task Run(GraphServiceClient graph, string id) {\n    var app = await graph.Applications[id].GetAsync(rc => rc.QueryParameters.Select = AppSelect);\n    var users = await graph.Users.GetAsync(rc => { rc.QueryParameters.Select = UserSelect; rc.QueryParameters.Top = 5; });\n    var me = await graph.Me.GetAsync(rc => rc.QueryParameters.Select = Unknown);\n  }\n}\n'), 'csharp', parsers.csharp!);
    assert.deepEqual(cs.calls.map((call) => `${call.path} ${call.select?.join(',') ?? '-'}`), ['/applications/{id} id,appId,passwordCredentials', '/users id,signInActivity', '/me -']);
    const java = extractTreeLanguage(new SourceFile('J.java', 'import com.microsoft.graph.serviceclient.GraphServiceClient;\nclass J {\n  static final String[] FIELDS = new String[] {"id", "mailboxSettings"};\n  void run(GraphServiceClient graphClient) {\n    var me = graphClient.me().get(rc -> { rc.queryParameters.select = FIELDS; });\n  }\n}\n'), 'java', parsers.java!);
    assert.deepEqual(java.calls.map((call) => `${call.path} ${call.select?.join(',') ?? '-'}`), ['/me id,mailboxSettings']);
  });

  it('PowerShell: cmdlets select what -Property and -ExpandProperty name; request URLs and helpers what their query string does', () => {
    const facts = withCmdletsResolved(extractPowerShell(new SourceFile('p.ps1', [
      '$fields = @("id", "displayName")',
      'Get-MgUser -All -Property "id,displayName,signInActivity"',
      'Get-MgUserMessage -UserId $u -Property subject, bodyPreview -Top 5 | Select-Object Subject',
      'Get-MgUser -UserId $u -Property $fields -ExpandProperty manager',
      'Get-MgUser -UserId $u -Property $computed',
      '$props = "id,mail,signInActivity"',
      'Get-MgUser -All -Property $props',
      'Get-MgGroup -Property *',
      'Invoke-RestMethod -Uri "https://graph.microsoft.com/v1.0/users?`$select=id,mail" -Headers $h',
      'function Get-Graph { param($Path) Invoke-MgGraphRequest -Uri "https://graph.microsoft.com/v1.0/$Path" }',
      'Get-Graph -Path "me/messages?`$select=subject"',
    ].join('\n'))));
    assert.deepEqual(facts.calls.map((call) => `${call.source.line} ${call.path} ${call.select?.join(',') ?? '-'} ${call.expand?.join(',') ?? '-'}`), [
      '2 /users id,displayName,signInActivity -',
      '3 /users/{id}/messages subject,bodyPreview -',
      '4 /users/{id} id,displayName manager',
      '5 /users/{id} - -',
      '7 /users id,mail,signInActivity -',
      '8 /groups * -',
      '9 /users id,mail -',
      '11 /me/messages subject -',
    ]);
  });

  // As in a public agent's calendar tools: the request builder comes from a helper of another module.
  it('C#: a Graph SDK request on a builder m365cert cannot follow is reported; HttpClient\'s and other clients\' calls are not', () => {
    const facts = extractTreeLanguage(new SourceFile('Tool.cs', 'using Microsoft.Graph;\npublic class Tool {\n  public async Task Run(O365Client client, string userId, string id, Event e, HttpClient http, string url) {\n    var mailbox = client.GetUserContext(userId);\n    var page = await mailbox.Events.GetAsync(rc => rc.QueryParameters.Top = 5);\n    var one = await mailbox.Events[id].GetAsync();\n    await mailbox.Events.PostAsync(e);\n    var r = await http.GetAsync(url);\n    await _store.Items.DeleteAsync(id, token);\n    var me = await _graphClient.Me.GetAsync();\n  }\n}\n'), 'csharp', parsers.csharp!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /me 10']);
    assert.deepEqual(facts.unresolved.map((item) => item.source.line), [5, 6, 7]);
    // Another Kiota-generated client in a file that does not use the Graph SDK is none of m365cert's business.
    const other = extractTreeLanguage(new SourceFile('Repo.cs', 'using GitHub;\npublic class Repo {\n  public async Task Run() { var repo = await github.Repos["o"]["r"].GetAsync(); }\n}\n'), 'csharp', parsers.csharp!);
    assert.deepEqual([other.calls.length, other.unresolved.length], [0, 0]);
  });

  // As Graph's tutorials do: one helper holds the user's client (device code) and the app's own (client secret).
  it('a file with a user client and an app client: each SDK call takes the flow of the credential its client is built on', () => {
    const flowsOf = (name: string, language: TreeLanguage, code: string) => extractTreeLanguage(new SourceFile(name, code), language, parsers[language]!).calls.map((call) => `${call.path} ${call.flow ?? '-'}`);
    const csharp = [
      'using Azure.Identity;\nusing Microsoft.Graph;\nclass GraphHelper {',
      '  private static GraphServiceClient? _userClient;\n  private static GraphServiceClient? _appClient;\n  private static ClientSecretCredential? _clientSecretCredential;',
      '  public static void InitUser(Settings settings) {\n    var credential = new DeviceCodeCredential(options);\n    _userClient = new GraphServiceClient(credential, settings.GraphUserScopes);\n  }',
      '  private static void EnsureApp() {\n    _clientSecretCredential = new ClientSecretCredential(tenant, id, secret);\n    _appClient = new GraphServiceClient(_clientSecretCredential, new[] { "https://graph.microsoft.com/.default" });\n  }',
      '  public static Task<User?> GetUserAsync() => _userClient!.Me.GetAsync();\n  public static Task<UserCollectionResponse?> GetUsersAsync() => _appClient!.Users.GetAsync();',
      '  public static Task<User?> Either(GraphServiceClient client) => client.Me.GetAsync();\n}',
    ].join('\n');
    assert.deepEqual(flowsOf('GraphHelper.cs', 'csharp', csharp), ['/me delegated', '/users application', '/me -']);
    const python = [
      'from azure.identity import DeviceCodeCredential, ClientSecretCredential\nfrom msgraph import GraphServiceClient\nclass Graph:',
      '    def __init__(self):\n        self.device_code_credential = DeviceCodeCredential(client_id, tenant_id=tenant_id)\n        self.user_client = GraphServiceClient(self.device_code_credential, scopes)',
      '        self.client_credential = ClientSecretCredential(tenant_id, client_id, client_secret)\n        self.app_client = GraphServiceClient(self.client_credential)',
      '    async def get_user(self):\n        return await self.user_client.me.get()\n    async def get_users(self):\n        return await self.app_client.users.get()',
    ].join('\n');
    assert.deepEqual(flowsOf('graph.py', 'python', python), ['/me delegated', '/users application']);
    // Java v5: the client is built on an auth provider wrapping the credential; both methods name theirs `authProvider`.
    const java = [
      'import com.microsoft.graph.requests.GraphServiceClient;\npublic class Graph {',
      '  private static GraphServiceClient<Request> _userClient;\n  private static GraphServiceClient<Request> _appClient;',
      '  public static void initUser() {\n    _deviceCodeCredential = new DeviceCodeCredentialBuilder().clientId(clientId).build();\n    final TokenCredentialAuthProvider authProvider = new TokenCredentialAuthProvider(scopes, _deviceCodeCredential);\n    _userClient = GraphServiceClient.builder().authenticationProvider(authProvider).buildClient();\n  }',
      '  private static void ensureApp() {\n    _clientSecretCredential = new ClientSecretCredentialBuilder().clientId(clientId).clientSecret(secret).build();\n    final TokenCredentialAuthProvider authProvider = new TokenCredentialAuthProvider(List.of("https://graph.microsoft.com/.default"), _clientSecretCredential);\n    _appClient = GraphServiceClient.builder().authenticationProvider(authProvider).buildClient();\n  }',
      '  public static User getUser() { return _userClient.me().buildRequest().get(); }\n  public static UserCollectionPage getUsers() { return _appClient.users().buildRequest().get(); }\n}',
    ].join('\n');
    assert.deepEqual(flowsOf('Graph.java', 'java', java), ['/me delegated', '/users application']);
    // One flow in the file: the file's flow is every call's, and the calls carry none of their own.
    assert.deepEqual(flowsOf('graph.py', 'python', python.replace(/DeviceCodeCredential\(/, 'ClientSecretCredential(')), ['/me -', '/users -']);
  });

  // Hostile: thousands of calls on clients built from huge initializers (each client's flow is worked out once).
  it('per-call flows in a huge file: 5,000 calls on a client built from a 3,000-item initializer', () => {
    const big = Array.from({ length: 3000 }, (_, i) => `"scope${i}"`).join(', ');
    const calls = Array.from({ length: 5000 }, (_, i) => (i % 2 ? '    await _appClient.Users.GetAsync();' : '    await _userClient.Me.GetAsync();')).join('\n');
    const code = `using Microsoft.Graph;\nclass H {\n  private GraphServiceClient _appClient;\n  private GraphServiceClient _userClient;\n  void Init() {\n    _userClient = new GraphServiceClient(new DeviceCodeCredential(o), new[] { ${big} });\n    _appClient = new GraphServiceClient(new ClientSecretCredential(t, c, s), new[] { ${big} });\n  }\n  async Task Run() {\n${calls}\n  }\n}\n`;
    const facts = extractTreeLanguage(new SourceFile('H.cs', code), 'csharp', parsers.csharp!);
    assert.equal(facts.calls.length, 5000);
    assert.ok(facts.calls.every((call) => call.flow === (call.path === '/me' ? 'delegated' : 'application')));
  });

  // As in Graph's change-notification training: SDK v4 pages through a delta query with NextPageRequest.
  it('C#: string.Join of an array (a field, new[] { … }, a collection expression) gives the $select it lists', () => {
    const code = 'using Microsoft.Graph;\nclass S {\n  private const string GraphBase = "https://graph.microsoft.com/v1.0";\n  private static readonly string[] Fields = { "id", "displayName", "department" };\n  private static readonly string[] Mail = ["subject", "body"];\n  async Task Run(HttpClient http) {\n    await http.GetAsync($"{GraphBase}/users?$select={string.Join(",", Fields)}");\n    await http.GetAsync($"{GraphBase}/me/messages?$select={string.Join(",", Mail)}");\n    await http.GetAsync($"{GraphBase}/groups?$select={string.Join(",", new[] { "id", "mail" })}");\n    await http.GetAsync($"{GraphBase}/me?$select={string.Join(",", "id", "jobTitle")}");\n  }\n}\n';
    const facts = extractTreeLanguage(new SourceFile('S.cs', code), 'csharp', parsers.csharp!);
    assert.deepEqual(facts.calls.map((call) => `${call.path} ${JSON.stringify(call.select ?? [])}`), ['/users ["id","displayName","department"]', '/me/messages ["subject","body"]', '/groups ["id","mail"]', '/me ["id","jobTitle"]']);
  });

  it('Python: ",".join of a list or tuple (written, or held in a constant) gives the $select it lists', () => {
    const code = 'import requests\nGRAPH = "https://graph.microsoft.com/v1.0"\nFIELDS = ["id", "displayName", "department"]\nrequests.get(f"{GRAPH}/users", params={"$select": ",".join(FIELDS)})\nrequests.get(GRAPH + "/me/messages?$select=" + ",".join(("subject", "body")))\n';
    const facts = extractTreeLanguage(new SourceFile('q.py', code), 'python', parsers.python!);
    assert.deepEqual(facts.calls.map((call) => `${call.path} ${JSON.stringify(call.select ?? [])}`), ['/users ["id","displayName","department"]', '/me/messages ["subject","body"]']);
  });

  it('Java: String.join of a constant array or list, and an SDK select given a constant array, give the $select they list', () => {
    const code = 'class A {\n  static final String BASE = "https://graph.microsoft.com/v1.0";\n  static final String[] FIELDS = { "id", "displayName", "department" };\n  static final List<String> MAIL = List.of("subject", "body");\n  void r(HttpClient http) {\n    http.send(HttpRequest.newBuilder(URI.create(BASE + "/users?$select=" + String.join(",", FIELDS))).GET().build(), h);\n    http.send(HttpRequest.newBuilder(URI.create(BASE + "/me/messages?$select=" + String.join(",", MAIL))).GET().build(), h);\n    graphClient.groups().get(rc -> { rc.queryParameters.select = FIELDS; });\n  }\n}\n';
    const facts = extractTreeLanguage(new SourceFile('A.java', code), 'java', parsers.java!);
    assert.deepEqual(facts.calls.map((call) => `${call.path} ${JSON.stringify(call.select ?? [])}`).sort(), ['/groups ["id","displayName","department"]', '/me/messages ["subject","body"]', '/users ["id","displayName","department"]']);
  });

  it('a Graph client under any name is known by its declared type (field, parameter, annotation); another client is not', () => {
    const pathsOf = (name: string, language: TreeLanguage, code: string) => extractTreeLanguage(new SourceFile(name, code), language, parsers[language]!).calls.map((call) => `${call.method} ${call.path}`);
    assert.deepEqual(pathsOf('A.cs', 'csharp', 'using Microsoft.Graph;\nclass A {\n  private readonly GraphServiceClient _gsc;\n  async Task R(GraphServiceClient api, IRepo repo) {\n    var a = await _gsc.Me.GetAsync();\n    var b = await api.Users.GetAsync();\n    var c = await repo.Items.GetAsync();\n  }\n}\n'), ['GET /me', 'GET /users']);
    assert.deepEqual(pathsOf('A.java', 'java', 'import com.microsoft.graph.serviceclient.GraphServiceClient;\nclass A {\n  private final GraphServiceClient gsc;\n  void r(GraphServiceClient api) {\n    var a = gsc.me().get();\n    var b = api.users().get();\n  }\n}\n'), ['GET /me', 'GET /users']);
    assert.deepEqual(pathsOf('a.py', 'python', 'from msgraph import GraphServiceClient\nasync def run(api: GraphServiceClient, repo):\n    me = await api.me.get()\n    items = await repo.items.get()\n'), ['GET /me']);
  });

  it('PowerShell: a script whose only Graph request is the SDK\'s alias Invoke-GraphRequest is chosen for parsing', () => {
    const script = new SourceFile('report.ps1', "$presence = Invoke-GraphRequest -Uri 'beta/me/presence' -OutputType PSObject\n");
    const calls = extractCode({ files: [script], apps: [], problems: [], parsers, graphOnly: true }).flatMap((entry) => entry.facts.calls);
    assert.deepEqual(calls.map((call) => `${call.method} ${call.path} ${call.apiVersion}`), ['GET /me/presence beta']);
  });

  it('PowerShell: a script uses the variables of the scripts it dot-sources (relative, $PSScriptRoot, nested); a path built at run time is not followed', () => {
    const files = [
      new SourceFile('config.ps1', '. "$PSScriptRoot\\tenant.ps1"\n$graphBaseUrl = "https://graph.microsoft.com/v1.0"\n$usersUri = "$graphBaseUrl/users"\n'),
      new SourceFile('tenant.ps1', '$betaUrl = "https://graph.microsoft.com/beta"\n'),
      new SourceFile('play/Get-Users.ps1', '. ../config.ps1\n$users = Invoke-RestMethod -Uri $usersUri -Headers $headers\n$groups = Invoke-RestMethod -Uri "$graphBaseUrl/groups" -Headers $headers\nInvoke-RestMethod -Uri "$betaUrl/me/presence" -Headers $headers\n'),
      new SourceFile('play/Other.ps1', '. $configPath\n$x = Invoke-RestMethod -Uri "$graphBaseUrl/sites" -Headers $headers\n'),
    ];
    const facts = extractCode({ files, apps: [], problems: [], parsers, graphOnly: true });
    assert.deepEqual(facts.flatMap((entry) => entry.facts.calls.map((call) => `${entry.file} ${call.method} ${call.path} ${call.apiVersion}`)), ['play/Get-Users.ps1 GET /users v1.0', 'play/Get-Users.ps1 GET /groups v1.0', 'play/Get-Users.ps1 GET /me/presence beta']);
  });

  it('C#: SDK v4\'s NextPageRequest is the next page of a request already counted, neither a call nor unresolved', () => {
    const facts = extractTreeLanguage(new SourceFile('Delta.cs', 'using Microsoft.Graph;\npublic class Delta {\n  public void Run(GraphServiceClient graphClient) {\n    var users = graphClient.Users.Delta().Request().GetAsync().Result;\n    while (users.NextPageRequest != null) {\n      users = users.NextPageRequest.GetAsync().Result;\n    }\n    var more = page.NextPageRequest.GetAsync();\n    var other = mailbox.Events.GetAsync();\n  }\n}\n'), 'csharp', parsers.csharp!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /users/delta 4']);
    assert.deepEqual(facts.unresolved.map((item) => item.source.line), [9]);
  });

  it('Python: an msgraph-sdk request on a builder m365cert cannot follow is reported, never dropped; a dict\'s get is no request', () => {
    const facts = extractTreeLanguage(new SourceFile('events.py', 'from msgraph import GraphServiceClient\nasync def run(client, user_id, event_id, config, kwargs):\n    mailbox = client.get_user_context(user_id=user_id)\n    page = await mailbox.events.get(request_configuration=config)\n    event = await mailbox.events.by_event_id(event_id).get()\n    top = kwargs.get("top", 10)\n    cached = self.cache.get(event_id)\n    mine = await client.me.events.get(request_configuration=config)\n'), 'python', parsers.python!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /me/events 8']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['4 an SDK request on mailbox.events whose client or root m365cert cannot follow', '5 an SDK request on mailbox.events.by_event_id(event_id) whose client or root m365cert cannot follow']);
  });

  it('Java: a Graph SDK request on a builder m365cert cannot follow is reported; Optional.get and other Java get() calls are not', () => {
    const code = 'import com.microsoft.graph.serviceclient.GraphServiceClient;\nclass Tool {\n  void run(MailboxFactory factory, String userId, String id, Event e) {\n    var mailbox = factory.userContext(userId);\n    var page = mailbox.events().get(requestConfiguration -> { requestConfiguration.queryParameters.top = 5; });\n    var one = mailbox.events().byEventId(id).get();\n    var user = repository.findById(id).get();\n    var value = cache.get(id);\n    var me = graphClient.me().get();\n  }\n}\n';
    const facts = extractTreeLanguage(new SourceFile('Tool.java', code), 'java', parsers.java!);
    assert.deepEqual(facts.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /me 9']);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['5 an SDK request on mailbox.events() whose client or root m365cert cannot follow', '6 an SDK request on mailbox.events().byEventId(id) whose client or root m365cert cannot follow']);
    // Without the Graph SDK, another library's builders are not Graph's.
    const other = extractTreeLanguage(new SourceFile('Other.java', code.replace('com.microsoft.graph.serviceclient', 'org.example.client')), 'java', parsers.java!);
    assert.deepEqual(other.unresolved, []);
  });

  it('a $batch body built at run time is reported, never a call of POST /$batch (C#, Python)', () => {
    const py = extractTreeLanguage(new SourceFile('b.py', wrap.python('requests.post(f"{GRAPH}/$batch", json=build_requests())')), 'python', parsers.python!);
    const cs = extractTreeLanguage(new SourceFile('B.cs', wrap.csharp('await http.PostAsJsonAsync(GraphBase + "/$batch", BuildBatch());')), 'csharp', parsers.csharp!);
    for (const facts of [py, cs]) {
      assert.deepEqual(facts.calls, []);
      assert.deepEqual(facts.unresolved.map((item) => item.reason), ['a $batch request whose inner requests are built at run time']);
    }
  });

  it('PowerShell: each inner request of a $batch body is a call, the batch none; a body built at run time is reported', () => {
    const facts = extractPowerShell(new SourceFile('batch.ps1', [
      '$batch = @{',
      '  requests = @(',
      '    @{ id = "1"; method = "GET"; url = "/users?`$select=id,signInActivity" },',
      '    @{',
      '      id = "2"',
      '      method = "POST"',
      '      url = "groups/$groupId/members/`$ref"',
      '    }',
      '  )',
      '}',
      '$json = $batch | ConvertTo-Json -Depth 5',
      'Invoke-MgGraphRequest -Method POST -Uri "https://graph.microsoft.com/beta/`$batch" -Body $json',
      'Invoke-RestMethod -Method Post -Uri "https://graph.microsoft.com/v1.0/`$batch" -Headers $h -Body ($batch | ConvertTo-Json -Depth 5)',
      'Invoke-MgGraphRequest -Method POST -Uri "v1.0/`$batch" -Body (Get-Requests | ConvertTo-Json)',
      '$broken = @{ requests = @( @{ url = "/me"',
    ].join('\n')));
    assert.deepEqual(facts.calls.map((call) => `${call.source.line} ${call.method} ${call.path} ${call.apiVersion} ${call.select?.join(',') ?? '-'}`), [
      '3 GET /users beta id,signInActivity',
      '7 POST /groups/{id}/members/$ref beta -',
      '3 GET /users v1.0 id,signInActivity',
      '7 POST /groups/{id}/members/$ref v1.0 -',
    ]);
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['14 a $batch request whose inner requests are built at run time']);
  });

  it('PowerShell: a URI known only at run time is reported however it is given: by position, by name, in a splat', () => {
    const facts = extractPowerShell(new SourceFile('u.ps1', 'Invoke-MgGraphRequest $computed\nInvoke-MgGraphRequest -Method POST -Uri $other\n$p = @{ Uri = $x }\nInvoke-MgGraphRequest @p\n'));
    assert.deepEqual(facts.unresolved.map((item) => `${item.source.line} ${item.reason}`), ['1 Invoke-MgGraphRequest with a URI known only at run time ($computed)', '2 Invoke-MgGraphRequest with a URI known only at run time ($other)', '4 Invoke-MgGraphRequest with a URI known only at run time ($x)']);
    assert.deepEqual(facts.calls, []);
  });

  it('PowerShell helpers and splats survive hostile scripts: 5,000 nested functions, unclosed bodies and parameter blocks, a paging helper calling itself', () => {
    const helper = 'function Invoke-Graph { param([string]$Endpoint) Invoke-MgGraphRequest -Uri "v1.0/$Endpoint" }\n';
    const nested = extractPowerShell(new SourceFile('nested.ps1', `${'function F { '.repeat(5000)}${helper}${'}'.repeat(5000)}\nInvoke-Graph -Endpoint "me"\n`));
    assert.deepEqual(nested.calls.map((call) => call.path), ['/me']);
    const many = extractPowerShell(new SourceFile('many.ps1', helper + 'Invoke-Graph -Endpoint "users"\n'.repeat(20_000)));
    assert.equal(many.calls.length, 20_000);
    const unclosedParams = extractPowerShell(new SourceFile('p.ps1', 'function Broken { param([string]$Endpoint\n Invoke-MgGraphRequest -Uri "v1.0/$Endpoint"\nBroken "me"'));
    assert.ok(Array.isArray(unclosedParams.calls));
    const unclosedBody = extractPowerShell(new SourceFile('b.ps1', 'function Broken { param([string]$Endpoint) Invoke-MgGraphRequest -Uri "v1.0/$Endpoint"\nBroken "me"'));
    assert.deepEqual(unclosedBody.unresolved, []);
    const paging = extractPowerShell(new SourceFile('r.ps1', 'function Get-All { param($Uri)\n  $r = Invoke-RestMethod -Uri $Uri -Headers $h\n  if ($r.\'@odata.nextLink\') { Get-All -Uri $r.\'@odata.nextLink\' }\n}\nGet-All -Uri "https://graph.microsoft.com/v1.0/users"\n'));
    assert.deepEqual(paging.calls.map((call) => `${call.method} ${call.path} ${call.source.line}`), ['GET /users 5']);
    assert.deepEqual(paging.unresolved, []);
    const bigSplat = extractPowerShell(new SourceFile('s.ps1', `$p = @{\n${'K = 1\n'.repeat(100_000)}Uri = "https://graph.microsoft.com/v1.0/me"\n}\nInvoke-RestMethod @p`));
    assert.deepEqual(bigSplat.calls.map((call) => call.path), ['/me']);
  });

  it('with the Graph PowerShell SDK command map, every cmdlet resolves: list and single parameter sets, beta, positional ids', () => {
    // A few entries in the map's published shape (Command, Variants, Method, Uri, ApiVersion), written for this test.
    const map = PowerShellCommandMap.fromJson(JSON.stringify([
      { Command: 'Get-MgUserMailFolderMessage', Variants: ['List'], Method: 'GET', Uri: '/users/{user-id}/mailFolders/{mailFolder-id}/messages', ApiVersion: 'v1.0', Module: 'Mail' },
      { Command: 'Get-MgUserMailFolderMessage', Variants: ['Get', 'GetViaIdentity'], Method: 'GET', Uri: '/users/{user-id}/mailFolders/{mailFolder-id}/messages/{message-id}', ApiVersion: 'v1.0', Module: 'Mail' },
      { Command: 'Get-MgBetaSecurityAlertV2', Variants: ['List'], Method: 'GET', Uri: '/security/alerts_v2', ApiVersion: 'beta', Module: 'Beta.Security' },
      { Command: 'Remove-MgGroupMemberDirectoryObjectByRef', Variants: ['Delete'], Method: 'DELETE', Uri: '/groups/{group-id}/members/{directoryObject-id}/$ref', ApiVersion: 'v1.0', Module: 'Groups' },
      { Command: 'Get-MgUser', Variants: ['List'], Method: 'GET', Uri: '/users', ApiVersion: 'v1.0' },
      { Command: 'Get-MgUser', Variants: ['Get', 'GetViaIdentity'], Method: 'GET', Uri: '/users/{user-id}', ApiVersion: 'v1.0' },
    ]));
    const facts = extractPowerShell(new SourceFile('m.ps1', [
      'Get-MgUserMailFolderMessage -UserId $u -MailFolderId inbox -Top 10',
      'Get-MgUserMailFolderMessage -UserId $u -MailFolderId inbox -MessageId $m',
      'Get-MgBetaSecurityAlertV2 -All',
      'Remove-MgGroupMemberDirectoryObjectByRef -GroupId $g -DirectoryObjectId $d',
      'Get-MgUser $someone',
      'Get-MgUnknownThing',
    ].join('\n')));
    const resolved = facts.cmdlets!.map((use) => resolveCmdlet(use, map)).map((call) => (call ? `${call.method} ${call.path} ${call.apiVersion}` : 'unresolved'));
    assert.deepEqual(resolved, [
      'GET /users/{id}/mailFolders/{id}/messages v1.0',
      'GET /users/{id}/mailFolders/{id}/messages/{id} v1.0',
      'GET /security/alerts_v2 beta',
      'DELETE /groups/{id}/members/{id}/$ref v1.0',
      'GET /users/{id} v1.0',
      'unresolved',
    ]);
  });

  it('a command map that is not one is refused with the reason', () => {
    assert.throws(() => PowerShellCommandMap.fromJson('{"Command": "x"}'), /expected a JSON array/);
    assert.throws(() => PowerShellCommandMap.fromJson('[{"Command": "Get-MgUser"}]'), /no command with a method and URI/);
    assert.throws(() => PowerShellCommandMap.fromJson('[{"Command": '), SyntaxError);
  });
});
