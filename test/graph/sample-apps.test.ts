import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { permissionsReport, runCli } from '../harness/cli.ts';
import { loadConfig } from '../../src/config/config.ts';
import { scan } from '../../src/engine/scan.ts';
import { aadManifest, daemon, json, oboBackend, spfxSolution, teamsManifest } from '../harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';

interface Verdicts {
  needed?: string[];
  unused?: string[];
  reducible?: Record<string, string>;
  missing?: string[];
  highRiskUnjustified?: string[];
  applicationInDelegatedApp?: string[];
  beta?: number;
}

const GRAPH = '00000003-0000-0000-c000-000000000000';
const entra = (access: { id: string; type: 'Scope' | 'Role' }[]) => json({ appId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', displayName: 'Fabrikam Service', signInAudience: 'AzureADMultipleOrgs', requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: access }] });

/** Complete small apps, each with the verdicts a reviewer reading the code would give. */
const APPS: { name: string; files: Record<string, string>; expected: Verdicts }[] = [
  {
    name: 'TypeScript on-behalf-of backend: profile and calendar',
    files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Calendars.Read', 'Scope']]), 'src/api.ts': oboBackend("  await graph.api('/me').get();\n  await graph.api('/me/events').select('subject,start').get();") },
    expected: { needed: ['User.Read'], reducible: { 'Calendars.Read': 'Calendars.ReadBasic' } },
  },
  {
    name: 'C# daemon with client credentials, permissions by GUID',
    files: {
      'registration.json': entra([{ id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role' }, { id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96', type: 'Role' }]),
      'src/Worker.cs': 'using Microsoft.Graph;\nusing Azure.Identity;\npublic class Worker {\n  public async Task Run(string id) {\n    var credential = new ClientSecretCredential(tenant, client, secret);\n    var graphClient = new GraphServiceClient(credential, new[] { "https://graph.microsoft.com/.default" });\n    var users = await graphClient.Users.GetAsync();\n    await graphClient.Users[id].SendMail.PostAsync(body);\n  }\n}\n',
    },
    expected: { needed: ['Mail.Send'], reducible: { 'User.Read.All': 'User.ReadBasic.All' }, highRiskUnjustified: ['User.Read.All', 'Mail.Send'] },
  },
  {
    name: 'Python daemon reading SharePoint lists',
    files: {
      'infra/app.json': entra([{ id: '332a536c-c7ef-4017-ab91-336970924f0d', type: 'Role' }]),
      'infra/sync.py': 'from azure.identity import ClientSecretCredential\nfrom msgraph import GraphServiceClient\n\nasync def sync(site_id):\n    credential = ClientSecretCredential(tenant, client, secret)\n    client = GraphServiceClient(credential, scopes=["https://graph.microsoft.com/.default"])\n    lists = await client.sites.by_site_id(site_id).lists.get()\n',
    },
    expected: { needed: ['Sites.Read.All'], highRiskUnjustified: ['Sites.Read.All'] },
  },
  {
    name: 'Java web app with a broad Files permission',
    files: {
      'app.json': entra([{ id: '863451e7-0667-486c-a5d6-d135439485f0', type: 'Scope' }]),
      'src/Files.java': 'import com.microsoft.graph.serviceclient.GraphServiceClient;\nclass Files {\n  void list(GraphServiceClient graphClient) {\n    var credential = new OnBehalfOfCredentialBuilder().build();\n    var items = graphClient.me().drive().get();\n  }\n}\n',
    },
    expected: { reducible: { 'Files.ReadWrite.All': 'Files.Read' }, highRiskUnjustified: ['Files.ReadWrite.All'] },
  },
  {
    name: 'PowerShell admin script',
    files: { 'scripts/report.ps1': "Connect-MgGraph -Scopes 'User.Read.All', 'Calendars.ReadWrite'\n$users = Get-MgUser -All\nforeach ($u in $users) { Get-MgUserManager -UserId $u.Id }\n" },
    expected: { needed: ['User.Read.All'], unused: ['Calendars.ReadWrite'] },
  },
  {
    name: 'SPFx web part with an unused mail scope',
    files: {
      'config/package-solution.json': json(spfxSolution({ webApiPermissionRequests: [{ resource: 'Microsoft Graph', scope: 'Sites.Read.All' }, { resource: 'Microsoft Graph', scope: 'Mail.Send' }] })),
      'src/webparts/news/NewsWebPart.ts': "export default class NewsWebPart {\n  async render() {\n    const client = await this.context.msGraphClientFactory.getClient('3');\n    const pages = await client.api(`/sites/${this.properties.siteId}/pages`).get();\n  }\n}\n",
    },
    expected: { needed: ['Sites.Read.All'], unused: ['Mail.Send'], highRiskUnjustified: ['Mail.Send'] },
  },
  {
    name: 'Teams tab with the Kiota SDK reading message bodies',
    files: {
      'appPackage/aad.manifest.json': aadManifest([['Mail.Read', 'Scope']]),
      'src/mail.ts': "import { createGraphServiceClient } from '@microsoft/msgraph-sdk';\nconst credential = new TeamsUserCredential(config);\nconst graphClient = createGraphServiceClient(adapter);\nexport async function inbox() {\n  return graphClient.me.messages.get({ queryParameters: { select: ['subject', 'body'] } });\n}\n",
    },
    // The body is selected in Kiota's query parameters, so Mail.ReadBasic would not do.
    expected: { needed: ['Mail.Read'] },
  },
  {
    name: '$batch without the calendar permission',
    files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope']]), 'src/batch.ts': oboBackend("  await graph.api('/$batch').post({ requests: [{ id: '1', method: 'GET', url: '/me' }, { id: '2', method: 'GET', url: '/me/events' }] });") },
    expected: { needed: ['User.Read'], missing: ['Calendars.ReadBasic'] },
  },
  {
    name: 'beta-only presence call',
    files: { 'appPackage/aad.manifest.json': aadManifest([['Presence.Read', 'Scope']]), 'src/presence.ts': oboBackend("  await graph.api('/me/presence').version('beta').get();") },
    expected: { needed: ['Presence.Read'], beta: 1 },
  },
  {
    name: 'application permission in a delegated-only app',
    files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Group.Read.All', 'Role']]), 'src/api.ts': oboBackend("  await graph.api('/me').get();") },
    expected: { needed: ['User.Read'], unused: ['Group.Read.All'], applicationInDelegatedApp: ['Group.Read.All'], highRiskUnjustified: ['Group.Read.All'] },
  },
  {
    name: 'calendar web app with no registration in the tree: the smallest set to add',
    files: { 'src/graph.ts': "import { Client } from '@microsoft/microsoft-graph-client';\nexport async function load(client: Client) {\n  await pca.acquireTokenSilent({ account });\n  await client.api('/me').select('displayName,mailboxSettings').get();\n  await client.api('/me/calendarView').select('subject').get();\n  await client.api('/me/events').post({ subject: 'x' });\n}\n" },
    // calendarView is allowed by Calendars.ReadWrite, which the POST needs anyway; mailboxSettings needs its own permission.
    expected: { missing: ['User.Read', 'MailboxSettings.Read', 'Calendars.ReadWrite'] },
  },
  {
    name: 'daemon that reads one user',
    files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read.All', 'Role']]), 'src/job.ts': daemon('  await graph.api(`/users/${id}`).get();') },
    expected: { reducible: { 'User.Read.All': 'User.ReadBasic.All' }, highRiskUnjustified: ['User.Read.All'] },
  },
  // As in a public MCP server for Outlook: reading and writing mail with Mail.Read and Mail.ReadWrite both requested.
  {
    name: 'mail reader and writer: the read permission adds nothing beside the write one',
    files: { 'appPackage/aad.manifest.json': aadManifest([['Mail.Read', 'Scope'], ['Mail.ReadWrite', 'Scope']]), 'src/api.ts': oboBackend("  await graph.api(`/me/messages/${id}`).select('subject,body').get();\n  await graph.api(`/me/messages/${id}/attachments`).get();\n  await graph.api(`/me/messages/${id}/move`).post({ destinationId: 'archive' });") },
    expected: { needed: ['Mail.ReadWrite'], unused: ['Mail.Read'] },
  },
  {
    name: 'only the write permission requested for reads: reducible, not missing',
    files: { 'appPackage/aad.manifest.json': aadManifest([['Mail.ReadWrite', 'Scope']]), 'src/api.ts': oboBackend("  await graph.api(`/me/messages/${id}/attachments`).get();") },
    expected: { reducible: { 'Mail.ReadWrite': 'Mail.Read' } },
  },
  // As in public SPFx org-chart and people web parts: other users' profiles are beyond User.Read.
  {
    name: 'SPFx org chart reading other users: User.Read does not reach them',
    files: {
      'config/package-solution.json': json(spfxSolution({ webApiPermissionRequests: [{ resource: 'Microsoft Graph', scope: 'User.Read' }, { resource: 'Microsoft Graph', scope: 'User.Read.All' }] })),
      'src/services/GraphService.ts': "export class GraphService {\n  private async getClient() { return this.context.msGraphClientFactory.getClient('3'); }\n  public async user(email: string) {\n    const client = await this.getClient();\n    return client.api(`/users/${email}`).select('id,displayName,jobTitle,department').get();\n  }\n  public async reports(userId: string) {\n    const client = await this.getClient();\n    return client.api(`/users/${userId}/directReports`).get();\n  }\n}\n",
    },
    expected: { needed: ['User.Read.All'], unused: ['User.Read'] },
  },
  {
    name: 'SPFx people card: basic profiles of other users',
    files: {
      'config/package-solution.json': json(spfxSolution({ webApiPermissionRequests: [{ resource: 'Microsoft Graph', scope: 'User.Read' }] })),
      'src/services/People.ts': "export async function card(context, id: string) {\n  const client = await context.msGraphClientFactory.getClient('3');\n  return client.api(`/users/${id}`).select('displayName,mail,jobTitle').get();\n}\n",
    },
    expected: { unused: ['User.Read'], missing: ['User.ReadBasic.All'] },
  },
  // As in public Python mail tools: messages read without $select come with their body, and the script uses it.
  {
    name: 'Python mail reader that prints bodies without selecting them: Mail.Read is the least',
    files: { 'mail.py': 'from azure.identity import DeviceCodeCredential\nfrom msgraph import GraphServiceClient\n\nasync def inbox():\n    credential = DeviceCodeCredential(client_id=CLIENT_ID)\n    client = GraphServiceClient(credential, scopes=["Mail.Read"])\n    result = await client.me.messages.get()\n    for message in result.value:\n        print(message.subject, message.body.content)\n' },
    expected: { needed: ['Mail.Read'] },
  },
  {
    name: 'Python mail reader that lists subjects only: Mail.ReadBasic will do',
    files: { 'mail.py': 'from azure.identity import DeviceCodeCredential\nfrom msgraph import GraphServiceClient\n\nasync def inbox():\n    credential = DeviceCodeCredential(client_id=CLIENT_ID)\n    client = GraphServiceClient(credential, scopes=["Mail.Read"])\n    result = await client.me.messages.get()\n    for message in result.value:\n        print(message.subject, message.received_date_time)\n' },
    expected: { reducible: { 'Mail.Read': 'Mail.ReadBasic' } },
  },
  // As in public admin scripts: a mailbox read with a cmdlet, then the bodies printed.
  {
    name: 'PowerShell script that prints message bodies: Mail.Read, not Mail.ReadBasic',
    files: { 'Export-Mail.ps1': "Connect-MgGraph -Scopes 'Mail.Read'\n$messages = Get-MgUserMessage -UserId $upn -Top 20\nforeach ($m in $messages) { Write-Output $m.Subject $m.Body.Content }\n" },
    expected: { needed: ['Mail.Read'] },
  },
  // As in Microsoft.Identity.Web's web app samples: the user's token by default, the app's own for one request.
  {
    name: 'Microsoft.Identity.Web: WithAppOnly() makes that request app-only, the others stay the signed-in user\'s',
    files: {
      'Controllers/HomeController.cs': 'using Microsoft.Graph;\nusing Microsoft.Identity.Web;\npublic class HomeController : Controller {\n  private readonly GraphServiceClient _graphServiceClient;\n  public async Task<IActionResult> Index() {\n    var me = await _graphServiceClient.Me.Request().WithScopes("User.Read").GetAsync();\n    var mail = await _graphServiceClient.Me.Messages.GetAsync(r => r.Options.WithScopes("Mail.Read"));\n    var users = await _graphServiceClient.Users.GetAsync(r => r.Options.WithAppOnly());\n    return View();\n  }\n}\n',
      'app.json': entra([{ id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role' }]),
    },
    // Read as app-only, every request would be: /me has no app-only permission, and User.Read would be unused.
    expected: { needed: ['User.Read'], reducible: { 'Mail.Read': 'Mail.ReadBasic', 'User.Read.All': 'User.ReadBasic.All' }, highRiskUnjustified: ['User.Read.All'] },
  },
  // As in a public user export script: every property of every user, and each user's groups.
  {
    name: 'PowerShell export of every user property: -Property * needs User.Read.All, not User.ReadBasic.All',
    files: { 'Export-Users.ps1': 'Connect-MgGraph -Scopes "User.Read.All", "GroupMember.Read.All"\n$users = Get-MgUser -All -Property *\nforeach ($user in $users) {\n    $groups = Get-MgUserMemberOf -UserId $user.Id -All\n}\n' },
    expected: { needed: ['User.Read.All', 'GroupMember.Read.All'] },
  },
  {
    name: '$select=* on messages asks for the body: Mail.Read, not Mail.ReadBasic',
    files: { 'inbox.js': "const r = await msal.acquireTokenSilent({ account, scopes: ['Mail.Read'] });\nconst page = await fetch('https://graph.microsoft.com/v1.0/me/messages?$select=*&$top=10', { headers });\n" },
    expected: { needed: ['Mail.Read'] },
  },
  // As in Microsoft's Python Graph tutorial: the inbox's properties chosen in a query-parameters object, and a
  // body written for sendMail, which is not a body read.
  {
    name: 'Python tutorial: $select in a request configuration, a body only written',
    files: { 'graph.py': 'from azure.identity import DeviceCodeCredential\nfrom msgraph import GraphServiceClient\nfrom msgraph.generated.users.item.mail_folders.item.messages.messages_request_builder import MessagesRequestBuilder\nfrom msgraph.generated.models.message import Message\nfrom msgraph.generated.models.item_body import ItemBody\n\nclass Graph:\n    def __init__(self):\n        self.credential = DeviceCodeCredential(client_id=CLIENT_ID)\n        self.user_client = GraphServiceClient(self.credential, ["Mail.Read", "Mail.Send"])\n\n    async def get_inbox(self):\n        query_params = MessagesRequestBuilder.MessagesRequestBuilderGetQueryParameters(\n            select=[\'from\', \'isRead\', \'receivedDateTime\', \'subject\'],\n            top=25,\n        )\n        request_config = MessagesRequestBuilder.MessagesRequestBuilderGetRequestConfiguration(query_parameters=query_params)\n        return await self.user_client.me.mail_folders.by_mail_folder_id(\'inbox\').messages.get(request_configuration=request_config)\n\n    async def send_mail(self, subject, body, recipient):\n        message = Message()\n        message.body = ItemBody()\n        message.body.content = body\n        await self.user_client.me.send_mail.post(body=message)\n' },
    expected: { needed: ['Mail.Send'], reducible: { 'Mail.Read': 'Mail.ReadBasic' }, highRiskUnjustified: ['Mail.Send'] },
  },
  {
    // An ASP.NET Core API as public ones are written: Graph's base URL from IConfiguration, the requests made by
    // another service of the app; nothing in UserService.cs names Graph.
    name: 'ASP.NET Core service: Graph base URL from configuration, requests made by another service',
    files: {
      'Api/appsettings.json': json({ GraphApiUrl: 'https://graph.microsoft.com/v1.0', AzureAd: { Instance: 'https://login.microsoftonline.com/', Scopes: 'GroupMember.Read.All User.Read Mail.Read' } }),
      'Api/Services/UserService.cs': 'using Microsoft.Extensions.Configuration;\nnamespace Api.Services {\n  public class UserService {\n    private readonly IGraphApiService _graphApiService;\n    private readonly string _graphApiUrl;\n    public UserService(IConfiguration configuration, IGraphApiService graphApiService) {\n      _graphApiUrl = configuration["GraphApiUrl"];\n      _graphApiService = graphApiService;\n    }\n    public Task<string> Members(string groupId, string token) {\n      var url = $"{_graphApiUrl}/groups/{groupId}/members?$select=id,mail";\n      return _graphApiService.RetrieveData(url, token);\n    }\n    public Task<string> Me(string token) => _graphApiService.RetrieveData($"{_graphApiUrl}/me", token);\n  }\n}\n',
    },
    expected: { needed: ['User.Read'], reducible: { 'GroupMember.Read.All': 'GroupMember.ReadBasic.All' }, unused: ['Mail.Read'] },
  },
  {
    // MSAL for Java's web app sample: users read over HttpURLConnection, the token for /.default, the permissions in
    // the registration its AppCreationScripts create (JSON with comments).
    name: 'Java web app: /.default follows the registration script, a URL opened as a connection',
    files: {
      'AppCreationScripts/sample.json': '{\n  /* the apps to register */\n  "AADApps": [\n    {\n      "Id": "app",\n      "RequiredResourcesAccess": [\n        { "Resource": "Microsoft Graph", "DelegatedPermissions": [ "Directory.Read.All", "Mail.Read" ] },\n        { "Resource": "service", "DelegatedPermissions": [ "access_as_user" ] }\n      ]\n    }\n  ]\n}\n',
      'src/main/java/sample/UserController.java': 'package sample;\nimport java.net.HttpURLConnection;\nimport java.net.URL;\nclass UserController {\n  String users(String token) throws Exception {\n    URL url = new URL("https://graph.microsoft.com/v1.0/users");\n    HttpURLConnection conn = (HttpURLConnection) url.openConnection();\n    conn.setRequestProperty("Authorization", "Bearer " + token);\n    return HttpClientHelper.read(conn);\n  }\n}\n',
      'src/main/java/sample/AuthFilter.java': 'package sample;\nimport com.microsoft.aad.msal4j.*;\nclass AuthFilter {\n  IAuthenticationResult byCode(String code, String uri) throws Exception {\n    return app.acquireToken(AuthorizationCodeParameters.builder(code, new URI(uri)).build()).get();\n  }\n  IAuthenticationResult silent(IAccount account) throws Exception {\n    return app.acquireTokenSilently(SilentParameters.builder(Collections.singleton("https://graph.microsoft.com/.default"), account).build()).get();\n  }\n}\n',
    },
    expected: { reducible: { 'Directory.Read.All': 'User.ReadBasic.All' }, unused: ['Mail.Read'], highRiskUnjustified: ['Directory.Read.All'] },
  },
  {
    // Microsoft's Python web app sample as it long stood: endpoint and scopes in app_config.py, nothing of Graph in app.py.
    name: 'Python Flask web app: the endpoint and scopes of app_config.py, the call in app.py',
    files: {
      'app_config.py': 'CLIENT_ID = "Enter_the_Application_Id_here"\nAUTHORITY = "https://login.microsoftonline.com/common"\nENDPOINT = \'https://graph.microsoft.com/v1.0/users\'\nSCOPE = ["User.ReadBasic.All", "Mail.Read"]\n',
      'app.py': 'import requests\nimport msal\nimport app_config\n\ndef _build_msal_app(cache=None):\n    return msal.ConfidentialClientApplication(app_config.CLIENT_ID, authority=app_config.AUTHORITY, token_cache=cache)\n\ndef login():\n    return _build_msal_app().initiate_auth_code_flow(app_config.SCOPE, redirect_uri="http://localhost:5000/getAToken")\n\ndef graphcall(token):\n    return requests.get(app_config.ENDPOINT, headers={"Authorization": "Bearer " + token}).json()\n',
    },
    expected: { needed: ['User.ReadBasic.All'], unused: ['Mail.Read'] },
  },
  {
    // ASP.NET Core as public apps register Graph clients: a named client and a typed one with their base address in
    // Program.cs (one from configuration), relative URLs in the services, which name nothing of Graph.
    name: 'ASP.NET Core: HttpClients registered with a Graph base address, relative URLs in the services',
    files: {
      'Program.cs': 'var builder = WebApplication.CreateBuilder(args);\nbuilder.Services.AddHttpClient("Graph", client =>\n{\n    client.BaseAddress = new Uri("https://graph.microsoft.com/v1.0/");\n});\nbuilder.Services.AddHttpClient<IOneDriveClient, OneDriveClient>()\n    .ConfigureHttpClient(c => c.BaseAddress = new Uri(builder.Configuration["GraphApiUrl"]));\nbuilder.Services.AddHttpClient("Partner", c => c.BaseAddress = new Uri("https://api.contoso.com/"));\nvar app = builder.Build();\n',
      'appsettings.json': json({ GraphApiUrl: 'https://graph.microsoft.com/v1.0/', AzureAd: { Scopes: 'GroupMember.Read.All Files.ReadWrite.All' } }),
      'Services/GroupService.cs': 'public class GroupService\n{\n    private readonly HttpClient _httpClient;\n    private readonly HttpClient _partner;\n    public GroupService(IHttpClientFactory factory) { _httpClient = factory.CreateClient("Graph"); _partner = factory.CreateClient("Partner"); }\n    public Task<string> Members(string id) => _httpClient.GetStringAsync($"groups/{id}/members?$select=id");\n    public Task<HttpResponseMessage> Items() => _partner.GetAsync("me/items");\n}\n',
      'Services/OneDriveClient.cs': 'public class OneDriveClient : IOneDriveClient\n{\n    private readonly HttpClient _http;\n    public OneDriveClient(HttpClient http) { _http = http; }\n    public Task<HttpResponseMessage> Root() => _http.GetAsync("me/drive/root/children");\n    public Task<HttpResponseMessage> Upload(string name, HttpContent content) => _http.PutAsync($"me/drive/root:/{name}:/content", content);\n}\n',
    },
    expected: { reducible: { 'GroupMember.Read.All': 'GroupMember.ReadBasic.All', 'Files.ReadWrite.All': 'Files.ReadWrite' }, highRiskUnjustified: ['Files.ReadWrite.All'] },
  },
  {
    // Spring Cloud Azure's web app shape: the authorized client's scopes in application.yml, Graph called with WebClient.
    name: 'Spring Boot web app: WebClient calls, scopes of the authorized client in application.yml',
    files: {
      'src/main/resources/application.yml': 'spring:\n  cloud:\n    azure:\n      active-directory:\n        enabled: true\n        authorization-clients:\n          graph:\n            scopes:\n              - https://graph.microsoft.com/User.Read\n              - https://graph.microsoft.com/Mail.Read\n',
      'src/main/java/sample/GraphController.java': 'package sample;\nimport org.springframework.web.reactive.function.client.WebClient;\n@Controller\npublic class GraphController {\n  private static final String GRAPH_ME_ENDPOINT = "https://graph.microsoft.com/v1.0/me";\n  private final WebClient webClient;\n  public GraphController(WebClient webClient) { this.webClient = webClient; }\n  @GetMapping("/graph")\n  @ResponseBody\n  public String graph(@RegisteredOAuth2AuthorizedClient("graph") OAuth2AuthorizedClient graphClient) {\n    return webClient.get().uri(GRAPH_ME_ENDPOINT).attributes(oauth2AuthorizedClient(graphClient)).retrieve().bodyToMono(String.class).block();\n  }\n}\n',
    },
    expected: { needed: ['User.Read'], unused: ['Mail.Read'] },
  },
  {
    // A service class wraps Graph; controllers call it through its interface and name nothing of Graph.
    name: 'ASP.NET Core: a Graph service class called through its interface from a controller',
    files: {
      'appsettings.json': json({ AzureAd: { Scopes: 'User.Read Calendars.ReadWrite' } }),
      'Services/GraphService.cs': 'public class GraphService : IGraphService {\n  private const string Base = "https://graph.microsoft.com/v1.0";\n  private readonly HttpClient _http;\n  public GraphService(HttpClient http) { _http = http; }\n  public Task<string> GetJsonAsync(string path) => _http.GetStringAsync($"{Base}/{path}");\n}\n',
      'Controllers/CalendarController.cs': 'public class CalendarController {\n  private readonly IGraphService _graph;\n  public CalendarController(IGraphService graph) { _graph = graph; }\n  public Task<string> Me() => _graph.GetJsonAsync("me");\n  public Task<string> Events() => _graph.GetJsonAsync("me/events?$select=subject,start");\n}\n',
    },
    expected: { needed: ['User.Read'], reducible: { 'Calendars.ReadWrite': 'Calendars.ReadBasic' } },
  },
  {
    // The app's own token (client credentials) carries the resource-specific consent of the team or user it is
    // installed for: RSC is judged like any grant, and the page's script calls Graph too.
    name: 'Teams app with resource-specific consent: activity feed from the server, channels from an EJS page',
    files: {
      'appPackage/manifest.json': json(teamsManifest({
        bots: [{ botId: '7b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', scopes: ['team'] }],
        webApplicationInfo: { id: '7b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e', resource: 'api://tasks.fabrikam.com/7b1c2d3e-4f5a-4b6c-8d7e-9f0a1b2c3d4e' },
        authorization: { permissions: { resourceSpecific: [
          { name: 'ChannelSettings.ReadWrite.Group', type: 'Application' },
          { name: 'TeamsTab.Create.Group', type: 'Application' },
          { name: 'TeamsActivity.Send.User', type: 'Application' },
          { name: 'ChannelMessage.Read.Group', type: 'Application' },
          { name: 'Member.Read.Group', type: 'Application' },
          { name: 'LiveShareSession.ReadWrite.Group', type: 'Delegated' },
        ] } },
      })),
      'server.js': [
        "const axios = require('axios');",
        'async function appToken(tenant) {',
        "  const form = new URLSearchParams({ grant_type: 'client_credentials', client_id: process.env.CLIENT_ID, client_secret: process.env.CLIENT_SECRET, scope: 'https://graph.microsoft.com/.default' });",
        '  return (await axios.post(`https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`, form)).data.access_token;',
        '}',
        'async function notify(tenant, userId, appId) {',
        '  const headers = { Authorization: `Bearer ${await appToken(tenant)}` };',
        '  const installed = await axios({ url: `https://graph.microsoft.com/v1.0/users/${userId}/teamwork/installedApps/?$expand=teamsAppDefinition`, method: \'get\', headers });',
        "  await axios.post(`https://graph.microsoft.com/v1.0/users/${userId}/teamwork/sendActivityNotification`, { topic: { source: 'entityUrl', value: `https://graph.microsoft.com/v1.0/users/${userId}/teamwork/installedApps/${appId}` }, activityType: 'taskCreated' }, { headers });",
        '}',
        'module.exports = { notify };',
        '',
      ].join('\n'),
      'views/channels.ejs': [
        '<!DOCTYPE html>',
        '<html><body><ul id="channels"></ul>',
        '<script src="https://res.cdn.office.net/teams-js/2.34.0/js/MicrosoftTeams.min.js"></script>',
        '<script>',
        '  var token = <%- token %>;',
        '  function listChannels(teamId) {',
        '    $.ajax({ url: "https://graph.microsoft.com/v1.0/teams/" + teamId + "/channels", type: "GET", headers: { Authorization: "Bearer " + token } });',
        '  }',
        '</script>',
        '</body></html>',
        '',
      ].join('\n'),
    },
    expected: { needed: ['TeamsActivity.Send.User'], unused: ['TeamsTab.Create.Group'], reducible: { 'ChannelSettings.ReadWrite.Group': 'ChannelSettings.Read.Group' }, missing: ['TeamsAppInstallation.ReadForUser.All'] },
  },
  {
    // Nested app authentication: each feature names its scopes in a variable and hands them, with a path, to one helper.
    name: 'Outlook add-in with nested app authentication: scopes in variables, paths and queries through a helper',
    files: {
      'src/taskpane/graph.ts': "export async function graphRequest(account: Account, scopes: string[], path: string, query: string) {\n  const token = await account.getToken(scopes);\n  return fetch(`https://graph.microsoft.com/v1.0${path}${query}`, { headers: { Authorization: token } });\n}\n",
      'src/taskpane/taskpane.ts': "import { graphRequest } from './graph';\nconst pca = await createNestablePublicClientApplication(config);\nexport async function profile() {\n  const scopes = ['user.read'];\n  return graphRequest(account, scopes, '/me', '?$select=displayName,mail');\n}\nexport async function files(count = 10) {\n  const scopes = ['Files.ReadWrite'];\n  return graphRequest(account, scopes, '/me/drive/root/children', `?$select=name&$top=${count}`);\n}\n",
    },
    expected: { needed: ['User.Read'], reducible: { 'Files.ReadWrite': 'Files.Read' } },
  },
  {
    // Microsoft Search: the permission follows the entity types the body searches, not the path.
    name: 'Teams message extension searching a Graph connector and mail through Microsoft Search',
    files: {
      'src/search.ts': [
        'const oboCredential = new OnBehalfOfUserCredential(ssoToken, oboAuthConfig);',
        "const graphClient = createMicrosoftGraphClientWithCredential(oboCredential, ['ExternalItem.Read.All', 'Mail.ReadWrite', 'Sites.Read.All']);",
        'export async function parts(connectionId: string, query: string) {',
        "  const body = { requests: [{ entityTypes: ['externalItem'], contentSources: [`/external/connections/${connectionId}`], query: { queryString: query } }] };",
        "  return graphClient.api('/search/query').post(body);",
        '}',
        'export async function mail(query: string) {',
        "  return graphClient.api('/search/query').post({ requests: [{ entityTypes: ['message'], query: { queryString: query } }] });",
        '}',
      ].join('\n'),
    },
    expected: { needed: ['ExternalItem.Read.All'], unused: ['Sites.Read.All'], reducible: { 'Mail.ReadWrite': 'Mail.Read' } },
  },
  {
    // office365-rest-python-client, as its mailbox examples use it: a message taken from the listed page, then deleted.
    name: 'Python mailbox cleaner on office365-rest-python-client: the app reads and deletes mail, nothing else',
    files: {
      'registration.json': entra([{ id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9', type: 'Role' }, { id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role' }, { id: '75359482-378d-4052-8f01-80520e7db3cd', type: 'Role' }]),
      'cleaner.py': [
        'from office365.graph_client import GraphClient',
        '',
        'client = GraphClient(tenant=TENANT).with_client_secret(CLIENT_ID, CLIENT_SECRET)',
        '',
        'def clean(upn):',
        '    messages = client.users[upn].messages.select(["id", "subject"]).top(50).get().execute_query()',
        '    oldest = messages[0]',
        '    oldest.delete_object().execute_query()',
      ].join('\n'),
    },
    expected: { needed: ['Mail.ReadWrite'], unused: ['Files.ReadWrite.All', 'User.Read.All'], highRiskUnjustified: ['Files.ReadWrite.All', 'Mail.ReadWrite', 'User.Read.All'] },
  },
  {
    // The O365 library: a support mailbox read by the app's own identity, each message marked read.
    name: 'Python support-mailbox worker on O365: marking messages read needs Mail.ReadWrite; sending and calendars are not used',
    files: {
      'registration.json': entra([{ id: 'e2a3a72e-5f79-4c64-b1b1-878b674786c9', type: 'Role' }, { id: 'b633e1c5-b582-4048-a93e-9f11b44c7e96', type: 'Role' }, { id: '798ee544-9d2d-430c-a058-570e29e34338', type: 'Role' }]),
      'worker.py': [
        'from O365 import Account',
        '',
        "account = Account((CLIENT_ID, CLIENT_SECRET), auth_flow_type='credentials', tenant_id=TENANT)",
        '',
        'def triage():',
        "    mailbox = account.mailbox('support@contoso.com')",
        '    inbox = mailbox.inbox_folder()',
        '    for message in inbox.get_messages(limit=50):',
        '        message.mark_as_read()',
      ].join('\n'),
    },
    expected: { needed: ['Mail.ReadWrite'], unused: ['Calendars.Read', 'Mail.Send'], highRiskUnjustified: ['Calendars.Read', 'Mail.ReadWrite', 'Mail.Send'] },
  },
  {
    // As in a public console tool: users and groups updated by the app's own identity. The data also lists, and
    // marks least, permissions that update one property or feature (User-Mail.ReadWrite.All, Group-NestingSupport.ReadWrite.All).
    name: 'directory daemon updating users and groups: the ReadWrite permissions are needed, not reducible to property-scoped ones',
    files: { 'appPackage/aad.manifest.json': aadManifest([['User.ReadWrite.All', 'Role'], ['Group.ReadWrite.All', 'Role']]), 'src/sync.ts': daemon("  await graph.api(`/users/${id}`).patch({ city: 'Bystrica' });\n  await graph.api(`/groups/${id}`).patch({ description: 'Sales team' });") },
    expected: { needed: ['Group.ReadWrite.All', 'User.ReadWrite.All'], highRiskUnjustified: ['Group.ReadWrite.All', 'User.ReadWrite.All'] },
  },
  {
    // As in a public Spring Boot API: the base URL bound to a @ConfigurationProperties record from a multi-document
    // application.yaml, client credentials from Spring Security's registration, a $select joined for a URI variable.
    name: 'Spring service on RestTemplate: base URL from @ConfigurationProperties, client credentials from the registration; department needs User.Read.All',
    files: {
      'appPackage/aad.manifest.json': aadManifest([['User.ReadWrite.All', 'Role']]),
      'backend/src/main/resources/application.yaml': 'spring:\n  application:\n    name: api\n---\nspring:\n  security:\n    oauth2:\n      client:\n        registration:\n          ms-graph:\n            scope: https://graph.microsoft.com/.default\n            authorization-grant-type: client_credentials\n---\napplication:\n  ms-graph:\n    base-url: https://graph.microsoft.com/v1.0\n    read-timeout: 30s\n',
      'backend/src/main/java/api/config/ApplicationProperties.java': 'package api.config;\n\n@Validated\n@ConfigurationProperties("application")\n@EnableConfigurationProperties({ MsGraphProperties.class })\npublic record ApplicationProperties(@NestedConfigurationProperty MsGraphProperties msGraph) {}\n',
      'backend/src/main/java/api/service/DirectoryService.java': [
        'package api.service;',
        '',
        '@Service',
        'public class DirectoryService {',
        '  private static final String FIELDS = new StringJoiner(",").add("id").add("mail").add("department").toString();',
        '  private final RestTemplate restTemplate;',
        '',
        '  public DirectoryService(ApplicationProperties applicationProperties, RestTemplateBuilder builder) {',
        '    this.restTemplate = builder.rootUri(applicationProperties.msGraph().baseUrl()).build();',
        '  }',
        '',
        '  public User user(String id) {',
        '    return restTemplate.getForObject("/users/{id}?$select={fields}", User.class, id, FIELDS);',
        '  }',
        '}',
      ].join('\n'),
    },
    expected: { reducible: { 'User.ReadWrite.All': 'User.Read.All' }, highRiskUnjustified: ['User.ReadWrite.All'] },
  },
  {
    // As in public Teams tabs: TeamsFx React's hook takes its scopes in its options and hands its function a Graph
    // client for the signed-in user; a list of the group's team site is a site's list.
    name: 'Teams tab on TeamsFx React (useGraphWithCredential): the hook\'s scopes are requested, each is needed',
    files: {
      'src/components/Profile.tsx': [
        'import { useGraphWithCredential } from "@microsoft/teamsfx-react";',
        'export function Profile() {',
        '  const { teamsUserCredential } = useContext(TeamsFxContext);',
        '  const { data } = useGraphWithCredential(',
        '    async (graph, teamsUserCredential, scope) => {',
        '      const profile = await graph.api("/me").get();',
        '      const teams = await graph.api("me/joinedTeams").select("id,displayName").get();',
        '      const roles = await graph.api(`/groups/d7e4fa8f-0fb7-494d-9e6b-622718cf6298/sites/root/lists/9a945235-6750-401d-b700-5abe8aac5641/items?expand=fields`).get();',
        '      return { profile, teams, roles };',
        '    },',
        '    { scope: ["User.Read", "Team.ReadBasic.All", "Sites.Read.All"], credential: teamsUserCredential }',
        '  );',
        '  return null;',
        '}',
      ].join('\n'),
    },
    expected: { needed: ['Sites.Read.All', 'Team.ReadBasic.All', 'User.Read'] },
  },
  {
    // Change notifications: creating a subscription needs read access to the resource it watches, not write.
    name: 'daemon subscribing to users\' mail and to every channel message: Mail.ReadWrite is reducible, ChannelMessage.Read.All needed',
    files: { 'appPackage/aad.manifest.json': aadManifest([['Mail.ReadWrite', 'Role'], ['ChannelMessage.Read.All', 'Role']]), 'src/watch.ts': daemon("  await graph.api('/subscriptions').post({ changeType: 'created', notificationUrl: hook, resource: `/users/${id}/mailFolders('Inbox')/messages` });\n  await graph.api('/subscriptions').post({ changeType: 'created,updated', notificationUrl: hook, resource: '/teams/getAllMessages' });") },
    expected: { needed: ['ChannelMessage.Read.All'], reducible: { 'Mail.ReadWrite': 'Mail.ReadBasic.All' }, highRiskUnjustified: ['ChannelMessage.Read.All', 'Mail.ReadWrite'] },
  },
  {
    // The data lists PATCH /me only as PATCH /users/{id}; the signed-in user's own profile needs User.ReadWrite.
    name: 'profile editor updating the signed-in user: User.ReadWrite.All is reducible to User.ReadWrite',
    files: { 'appPackage/aad.manifest.json': aadManifest([['User.ReadWrite.All', 'Scope']]), 'src/api.ts': oboBackend("  await graph.api('/me').patch({ mobilePhone: '+1 425 555 0100' });") },
    expected: { reducible: { 'User.ReadWrite.All': 'User.ReadWrite' }, highRiskUnjustified: ['User.ReadWrite.All'] },
  },
  {
    // One module, two clients: the user's (on-behalf-of) and the app's own (client secret). An application permission
    // never stands in for the user's calls, nor a delegated one for the app's.
    name: 'backend with a user client and an app client, nothing requested: User.Read (delegated) and User.ReadBasic.All (application) missing',
    files: {
      'appPackage/aad.manifest.json': aadManifest([]),
      'src/graph.ts': [
        "import { ClientSecretCredential, OnBehalfOfCredential } from '@azure/identity';",
        "import { Client } from '@microsoft/microsoft-graph-client';",
        "import { TokenCredentialAuthenticationProvider } from '@microsoft/microsoft-graph-client/authProviders/azureTokenCredentials';",
        'const appCredential = new ClientSecretCredential(tenantId, clientId, secret);',
        "const appClient = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(appCredential, { scopes: ['https://graph.microsoft.com/.default'] }) });",
        'export async function profile(ssoToken: string) {',
        '  const userCredential = new OnBehalfOfCredential({ tenantId, clientId, clientSecret: secret, userAssertionToken: ssoToken });',
        "  const userClient = Client.initWithMiddleware({ authProvider: new TokenCredentialAuthenticationProvider(userCredential, { scopes: ['https://graph.microsoft.com/.default'] }) });",
        "  return [await userClient.api('/me').get(), await appClient.api('/users').get()];",
        '}',
      ].join('\n'),
    },
    expected: { missing: ['User.Read', 'User.ReadBasic.All'] },
  },
  {
    // Reading the tenant's organization (name, verified domains): not Intune's DeviceManagementServiceConfig.Read.All,
    // which the data marks least for /organization among Intune's own paths.
    name: 'tenant details read by the signed-in user and by a daemon: User.Read and Organization.Read.All needed',
    files: { 'appPackage/aad.manifest.json': aadManifest([['User.Read', 'Scope'], ['Organization.Read.All', 'Role']]), 'src/tenant.ts': oboBackend("  await graph.api('/organization').select('displayName,verifiedDomains').get();"), 'src/nightly.ts': daemon("  await graph.api(`/organization/${tenantId}`).get();") },
    expected: { needed: ['Organization.Read.All', 'User.Read'], highRiskUnjustified: ['Organization.Read.All'] },
  },
];

describe('sample apps: expected least-privilege verdicts', () => {
  it(`has at least 10 apps (${APPS.length})`, () => assert.ok(APPS.length >= 10));
  for (const app of APPS) {
    it(app.name, async (t) => {
      const root = tempDir(t);
      writeTree(root, app.files);
      const run = await runCli(['permissions', root, '--data-dir', requireSharedData(), '-f', 'json']);
      const report = JSON.parse(run.stdout) as ScanResult;
      const analysis = report.permissionAnalysis!;
      const names = (list: { name: string }[]) => [...new Set(list.map((entry) => entry.name))].sort();
      const actual: Verdicts = {
        needed: names(analysis.needed),
        unused: names(analysis.excessive.filter((entry) => entry.reason === 'unused')),
        reducible: Object.fromEntries(analysis.excessive.filter((entry) => entry.reason === 'reducible').map((entry) => [entry.name, (entry.lowerAlternative ?? []).join('+')])),
        missing: names(analysis.missing),
        highRiskUnjustified: names(analysis.highRisk.filter((entry) => !entry.justification)),
        applicationInDelegatedApp: analysis.apps.flatMap((entry) => entry.applicationInDelegatedApp).sort(),
        beta: analysis.apps.reduce((sum, entry) => sum + entry.betaCalls.length, 0),
      };
      const expected: Verdicts = {
        needed: [...(app.expected.needed ?? [])].sort(),
        unused: [...(app.expected.unused ?? [])].sort(),
        reducible: app.expected.reducible ?? {},
        missing: [...(app.expected.missing ?? [])].sort(),
        highRiskUnjustified: [...(app.expected.highRiskUnjustified ?? [])].sort(),
        applicationInDelegatedApp: [...(app.expected.applicationInDelegatedApp ?? [])].sort(),
        beta: app.expected.beta ?? 0,
      };
      assert.deepEqual(actual, expected);
      // `permissions` parses only what may call Graph; `scan` parses all the code: the Graph facts are the same.
      const full = JSON.parse(JSON.stringify(await scan({ root, config: loadConfig(root), dataDir: { dir: requireSharedData(), source: '--data-dir' } }))) as ScanResult;
      assert.deepEqual(report.inventory?.graphCalls, full.inventory?.graphCalls);
      assert.deepEqual(report.permissionAnalysis, full.permissionAnalysis);
    });
  }
});

describe('scopes declared in configuration', () => {
  it('permissions that are least only together (AlsoRequires): both needed, a missing partner named, a redundant one said so', async (t) => {
    const call = oboBackend("  await graph.api(`/servicePrincipals/${sp}/appRoleAssignments`).post({ principalId: sp, resourceId: graphSp, appRoleId: role });");
    const verdicts = async (requested: [string, 'Scope'][]) => {
      const root = tempDir(t);
      writeTree(root, { 'appPackage/aad.manifest.json': aadManifest(requested), 'src/consent.ts': call });
      const report = await permissionsReport(root);
      const analysis = report.permissionAnalysis!;
      return {
        needed: analysis.needed.map((entry) => entry.name).sort(),
        missing: analysis.missing.map((entry) => entry.name).sort(),
        excessive: analysis.excessive.map((entry) => `${entry.name} ${entry.reason}${entry.redundantWith ? ` (${entry.redundantWith.join(', ')})` : ''}${entry.lowerAlternative ? ` -> ${entry.lowerAlternative.join(' + ')}` : ''}`),
      };
    };
    assert.deepEqual(await verdicts([['AppRoleAssignment.ReadWrite.All', 'Scope'], ['Application.Read.All', 'Scope']]), { needed: ['AppRoleAssignment.ReadWrite.All', 'Application.Read.All'], missing: [], excessive: [] });
    const alone = await verdicts([['AppRoleAssignment.ReadWrite.All', 'Scope']]);
    assert.deepEqual([alone.needed, alone.excessive], [['AppRoleAssignment.ReadWrite.All'], []]);
    assert.deepEqual(alone.missing, ['Application.Read.All'], 'the partner it needs is named');
    assert.deepEqual(await verdicts([['Application.ReadWrite.All', 'Scope'], ['AppRoleAssignment.ReadWrite.All', 'Scope']]), {
      needed: [],
      missing: [],
      excessive: ['Application.ReadWrite.All reducible -> Application.Read.All + AppRoleAssignment.ReadWrite.All', 'AppRoleAssignment.ReadWrite.All unused (Application.ReadWrite.All)'],
    });
  });

  it('a daemon posting its own client-credentials token request: app-only, and no resource-specific consent suggested outside a Teams app', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'reader/teams_reader.py': [
        'import requests',
        'def get_token():',
        '    r = requests.post(f"https://login.microsoftonline.com/{TENANT}/oauth2/v2.0/token", data={"grant_type": "client_credentials", "client_id": CID, "client_secret": SECRET, "scope": "https://graph.microsoft.com/.default"})',
        '    return r.json()["access_token"]',
        'def messages(team_id, channel_id):',
        '    url = (f"https://graph.microsoft.com/v1.0/teams/{team_id}"',
        '           f"/channels/{channel_id}/messages?$top=50")',
        '    return requests.get(url, headers={"Authorization": f"Bearer {get_token()}"}).json()',
        '',
      ].join('\n'),
    });
    const report = await permissionsReport(root);
    assert.deepEqual(report.inventory!.authFlows.map((flow) => `${flow.flow} ${flow.kind}`), ['application client-credentials']);
    assert.deepEqual(report.permissionAnalysis!.missing.map((entry) => `${entry.name} ${entry.type}`), ['ChannelMessage.Read.All application']);
  });

  it('C# SDK selects (v4 lambdas and strings, v5 QueryParameters) feed the property rules', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'appsettings.json': json({ DownstreamApi: { BaseUrl: 'https://graph.microsoft.com/v1.0', Scopes: 'user.read calendars.read mailboxsettings.read' } }),
      'Graph/Calendar.cs': [
        'using Microsoft.Graph;',
        'class Calendar {',
        '  async Task Run(GraphServiceClient _graphServiceClient) {',
        '    var events = await _graphServiceClient.Me.CalendarView.Request(options).Select(evt => new { evt.Subject, evt.Body }).GetAsync();',
        '    var me = await _graphServiceClient.Me.Request().Select(u => new { u.MailboxSettings }).GetAsync();',
        '  }',
        '}',
      ].join('\n'),
    });
    const report = await permissionsReport(root);
    assert.deepEqual(report.inventory!.graphCalls.map((call) => call.select), [['Subject', 'Body'], ['MailboxSettings']]);
    assert.deepEqual(report.permissionAnalysis!.needed.map((entry) => entry.name).sort(), ['Calendars.Read', 'MailboxSettings.Read', 'User.Read'], 'the event body keeps Calendars.Read; mailboxSettings needs MailboxSettings.Read');
    assert.deepEqual(report.permissionAnalysis!.excessive, []);
  });

  it('reads scopes from INI files as Python configparser does (as in the public msgraph-training-python sample)', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'graphtutorial/config.cfg': '[azure]\nclientId = YOUR_CLIENT_ID_HERE\ntenantId = common\n; graphUserScopes = Mail.ReadWrite\ngraphUserScopes = User.Read Mail.Read\n  Mail.Send\n',
      'graphtutorial/graph.py': "from msgraph import GraphServiceClient\nclass Graph:\n    async def me(self):\n        return await self.user_client.me.get()\n    async def send(self, body):\n        await self.user_client.me.send_mail.post(body=body)\n",
    });
    const report = await permissionsReport(root);
    const declared = report.inventory!.permissionsRequested.filter((entry) => entry.via === 'config-scopes').map((entry) => `${entry.source.file}:${entry.source.line} ${entry.name}`);
    assert.deepEqual(declared.sort(), ['graphtutorial/config.cfg:5 Mail.Read', 'graphtutorial/config.cfg:5 Mail.Send', 'graphtutorial/config.cfg:5 User.Read']);
    assert.deepEqual(report.permissionAnalysis!.excessive.map((entry) => `${entry.name} ${entry.reason}`), ['Mail.Read unused']);
  });

  // As in Microsoft's Office add-in SSO sample for Node: the route calls a Graph helper of another module, which
  // calls a generic OData helper of a third with Graph's host, version, path and query; scopes in the manifest.
  it('an Office add-in whose Graph call goes through helpers in other modules: the permission is needed, not unused', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'manifest/manifest.xml': '<?xml version="1.0" encoding="UTF-8"?>\n<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:type="TaskPaneApp">\n  <Id>05c2e1c9-3e1d-406e-9a91-e9ac64854143</Id>\n  <Version>1.0.0.0</Version>\n  <ProviderName>Contoso</ProviderName>\n  <DefaultLocale>en-US</DefaultLocale>\n  <DisplayName DefaultValue="Files"/>\n  <Description DefaultValue="Files"/>\n  <Hosts><Host Name="Document"/></Hosts>\n  <DefaultSettings><SourceLocation DefaultValue="https://localhost:3000/index.html"/></DefaultSettings>\n  <Permissions>ReadWriteDocument</Permissions>\n  <VersionOverrides xmlns="http://schemas.microsoft.com/office/taskpaneappversionoverrides" xsi:type="VersionOverridesV1_0">\n    <WebApplicationInfo>\n      <Id>6a0c1e35-0000-4000-8000-000000000001</Id>\n      <Resource>api://localhost:3000/6a0c1e35-0000-4000-8000-000000000001</Resource>\n      <Scopes>\n        <Scope>Files.Read</Scope>\n        <Scope>profile</Scope>\n      </Scopes>\n    </WebApplicationInfo>\n  </VersionOverrides>\n</OfficeApp>\n',
      'helpers/odata.js': "var https = require('https');\nconst getData = function (accessToken, domain, apiURLsegment, apiVersion, queryParamsSegment) {\n  return new Promise((resolve, reject) => {\n    var options = { host: domain, path: apiVersion + apiURLsegment + queryParamsSegment, method: 'GET', headers: { Authorization: 'Bearer ' + accessToken } };\n    https.get(options, (response) => resolve(response)).on('error', reject);\n  });\n};\nmodule.exports = getData;\n",
      'helpers/graph.js': "const getData = require('./odata');\nconst domain = 'graph.microsoft.com';\nconst versionURLsegment = '/v1.0';\nasync function getGraphData(accessToken, apiURLsegment, queryParamsSegment) {\n  apiURLsegment = encodeURIComponent(apiURLsegment);\n  queryParamsSegment = encodeURIComponent(queryParamsSegment);\n  return getData(accessToken, domain, apiURLsegment, versionURLsegment, queryParamsSegment);\n}\nmodule.exports = getGraphData;\n",
      'routes/files.js': "const getGraphData = require('../helpers/graph');\nrouter.get('/getuserfilenames', async function (req, res) {\n  const response = await cca.acquireTokenOnBehalfOf({ oboAssertion: token, scopes: ['files.read'] });\n  const graphData = await getGraphData(response.accessToken, '/me/drive/root/children', '?$select=name&$top=10');\n  res.send(graphData.value.map((item) => item.name));\n});\n",
    });
    const report = await permissionsReport(root);
    assert.deepEqual(report.inventory!.graphCalls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line} ${call.select}`), ['GET /me/drive/root/children routes/files.js:4 name']);
    assert.deepEqual(report.permissionAnalysis!.needed.map((entry) => `${entry.name} ${entry.calls}`), ['Files.Read 0']);
    assert.deepEqual(report.permissionAnalysis!.excessive, []);
  });

  // As in Microsoft's MSAL.js browser sample: plain scripts of one page; the mail list shows each message's preview.
  it('a browser app of plain scripts: calls through a helper and settings of other scripts, the preview shown by a third', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'app/graphConfig.js': "const graphConfig = {\n  graphMeEndpoint: 'https://graph.microsoft.com/v1.0/me',\n  graphMailEndpoint: 'https://graph.microsoft.com/v1.0/me/messages',\n};\n",
      'app/authConfig.js': "const loginRequest = { scopes: ['User.Read'] };\nconst tokenRequest = { scopes: ['User.Read', 'Mail.Read'], forceRefresh: false };\n",
      'app/graph.js': "function callMSGraph(endpoint, token, callback) {\n  const options = { method: 'GET', headers: { Authorization: `Bearer ${token}` } };\n  fetch(endpoint, options).then((response) => response.json()).then((response) => callback(response, endpoint));\n}\n",
      'app/authPopup.js': "const myMSALObj = new msal.PublicClientApplication(msalConfig);\nfunction seeProfile() {\n  getTokenPopup(loginRequest).then((response) => callMSGraph(graphConfig.graphMeEndpoint, response.accessToken, updateUI));\n}\nfunction readMail() {\n  getTokenPopup(tokenRequest).then((response) => callMSGraph(graphConfig.graphMailEndpoint, response.accessToken, updateUI));\n}\nfunction getTokenPopup(request) { return myMSALObj.acquireTokenSilent(request); }\n",
      'app/ui.js': "function updateUI(data, endpoint) {\n  if (endpoint === graphConfig.graphMailEndpoint) data.value.map((d) => `${d.from.emailAddress.address}: ${d.bodyPreview}`);\n}\n",
    });
    const report = await permissionsReport(root);
    assert.deepEqual(report.inventory!.graphCalls.map((call) => `${call.method} ${call.path} ${call.source.file}:${call.source.line}`), ['GET /me app/authPopup.js:3', 'GET /me/messages app/authPopup.js:6']);
    assert.deepEqual(report.permissionAnalysis!.needed.map((entry) => entry.name).sort(), ['Mail.Read', 'User.Read'], 'the preview needs Mail.Read, not Mail.ReadBasic');
    assert.deepEqual(report.permissionAnalysis!.excessive, []);
  });

  it('reads scopes from a committed template of the configuration (as the public msgraph-training-java sample keeps them)', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'app/src/main/resources/graphtutorial/oAuth.properties.example': 'app.clientId=YOUR_CLIENT_ID_HERE\napp.tenantId=common\napp.graphUserScopes=user.read,mail.read,mail.send\n',
      'app/src/main/java/graphtutorial/Graph.java': [
        'import com.azure.identity.DeviceCodeCredentialBuilder;',
        'import com.microsoft.graph.requests.GraphServiceClient;',
        'public class Graph {',
        '  public static void init(Properties properties) {',
        '    _deviceCodeCredential = new DeviceCodeCredentialBuilder().clientId(clientId).build();',
        '    _userClient = GraphServiceClient.builder().authenticationProvider(authProvider).buildClient();',
        '  }',
        '  public static User getUser() { return _userClient.me().buildRequest().select("displayName,mail,userPrincipalName").get(); }',
        '  public static MessageCollectionPage getInbox() { return _userClient.me().mailFolders("inbox").messages().buildRequest().select("from,isRead,receivedDateTime,subject").top(25).get(); }',
        '  public static void sendMail(Message message) { _userClient.me().sendMail(UserSendMailParameterSet.newBuilder().withMessage(message).build()).buildRequest().post(); }',
        '}',
      ].join('\n'),
      // Not a template: a backup of someone's edits is no declaration.
      'app/src/main/resources/graphtutorial/oAuth.properties.bak': 'app.graphUserScopes=Mail.ReadWrite\n',
    });
    const report = await permissionsReport(root);
    const declared = report.inventory!.permissionsRequested.map((entry) => `${entry.source.file}:${entry.source.line} ${entry.name}`);
    assert.deepEqual(declared.sort(), ['Mail.Read', 'Mail.Send', 'User.Read'].map((name) => `app/src/main/resources/graphtutorial/oAuth.properties.example:3 ${name}`));
    assert.deepEqual(report.permissionAnalysis!.needed.map((entry) => entry.name).sort(), ['Mail.Send', 'User.Read']);
    // The inbox is read for its headers only ($select without body): Mail.ReadBasic is enough.
    assert.deepEqual(report.permissionAnalysis!.excessive.map((entry) => `${entry.name} ${entry.reason} ${entry.lowerAlternative}`), ['Mail.Read reducible Mail.ReadBasic']);
  });

  it('reads Spring Boot scopes from application.yml and application.properties', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'web/src/main/resources/application.yml': 'spring:\n  cloud:\n    azure:\n      active-directory:\n        authorization-clients:\n          graph:\n            scopes:\n              - https://graph.microsoft.com/User.Read\n              - https://graph.microsoft.com/Calendars.Read\n',
      'api/src/main/resources/application.properties': '# Graph for the API\nspring.cloud.azure.active-directory.authorization-clients.graph.scopes=https://graph.microsoft.com/User.Read, \\\n  https://graph.microsoft.com/Mail.Read\n! commented=Mail.Send\n',
    });
    const report = await permissionsReport(root);
    const declared = report.inventory!.permissionsRequested.filter((entry) => entry.via === 'config-scopes').map((entry) => `${entry.source.file}:${entry.source.line} ${entry.name}`);
    assert.deepEqual(declared.sort(), [
      'api/src/main/resources/application.properties:2 Mail.Read',
      'api/src/main/resources/application.properties:2 User.Read',
      'web/src/main/resources/application.yml:8 Calendars.Read',
      'web/src/main/resources/application.yml:8 User.Read',
    ]);
  });

  it('reads the OAuth grant of Spring client registrations whose scope is Graph\'s (YAML and properties); another API\'s registration says nothing', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'daemon/src/main/resources/application.properties': 'spring.security.oauth2.client.registration.graph.client-id=x\nspring.security.oauth2.client.registration.graph.authorization-grant-type=client_credentials\nspring.security.oauth2.client.registration.graph.scope=https://graph.microsoft.com/.default\nspring.security.oauth2.client.registration.erp.authorization-grant-type=authorization_code\nspring.security.oauth2.client.registration.erp.scope=api://erp/read\n',
      'web/src/main/resources/application.yml': 'spring:\n  cloud:\n    azure:\n      active-directory:\n        authorization-clients:\n          graph:\n            authorization-grant-type: on_behalf_of\n            scopes:\n              - User.Read\n---\nspring:\n  security:\n    oauth2:\n      client:\n        registration:\n          partner:\n            authorization-grant-type: client_credentials\n            scope: api://partner/.default\n',
    });
    const report = await permissionsReport(root);
    const flows = report.inventory!.authFlows.map((flow) => `${flow.source.file}:${flow.source.line} ${flow.flow}/${flow.kind}`);
    assert.deepEqual(flows.sort(), ['daemon/src/main/resources/application.properties:2 application/client-credentials', 'web/src/main/resources/application.yml:7 delegated/on-behalf-of']);
  });

  it('reads .env, appsettings.json and YAML settings, and requests/httpx params feed the property rules', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'web/example.env': "OAUTH_CLIENT_ID=YOUR_CLIENT_ID\nOAUTH_SCOPES='user.read,calendars.readwrite,mailboxsettings.read'\n# OAUTH_SCOPES=Mail.Send\n",
      'web/graph.js': "const graph = require('@microsoft/microsoft-graph-client');\nconst r = await msal.acquireTokenSilent({ account });\nawait client.api('/me').select('displayName,mailboxSettings').get();\nawait client.api('/me/events').post(e);\n",
      'api/appsettings.json': json({ AzureAd: { Instance: 'https://login.microsoftonline.com/' }, DownstreamApi: { BaseUrl: 'https://graph.microsoft.com/v1.0', Scopes: 'user.read files.read' } }),
      'api/Files.cs': 'using Microsoft.Graph;\nclass Files { async Task Run(GraphServiceClient graphClient) { var r = await tokenAcquisition.GetAccessTokenForUserAsync(scopes); var me = await graphClient.Me.GetAsync(); } }\n',
      'py/oauth_settings.yml': 'app_id: x\nscopes:\n  - user.read\n  - mailboxsettings.read\n',
      'py/helper.py': "import requests\nGRAPH_URL = 'https://graph.microsoft.com/v1.0'\ndef get_user(token):\n    return requests.get(f'{GRAPH_URL}/me', params={'$select': 'displayName,mailboxSettings'}).json()\n",
    });
    const report = await permissionsReport(root);
    const declared = report.inventory!.permissionsRequested.filter((entry) => entry.via === 'config-scopes').map((entry) => `${entry.source.file}:${entry.source.line} ${entry.name}`);
    assert.deepEqual(declared.sort(), [
      'api/appsettings.json:7 Files.Read',
      'api/appsettings.json:7 User.Read',
      'py/oauth_settings.yml:3 MailboxSettings.Read',
      'py/oauth_settings.yml:3 User.Read',
      'web/example.env:2 Calendars.ReadWrite',
      'web/example.env:2 MailboxSettings.Read',
      'web/example.env:2 User.Read',
    ]);
    const verdict = (app: string, reason: string) => report.permissionAnalysis!.excessive.filter((entry) => entry.app === app && entry.reason === reason).map((entry) => entry.name);
    assert.deepEqual(verdict('.', 'unused'), ['Files.Read'], 'only Files.Read is requested without a call');
    assert.deepEqual(report.permissionAnalysis!.missing, []);
  });
});

describe('app registrations in ARM templates', () => {
  it('reads Microsoft.Graph/applications requiredResourceAccess and judges it against the code', async (t) => {
    const root = tempDir(t);
    const template = json({
      $schema: 'https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#',
      contentVersion: '1.0.0.0',
      resources: [
        { type: 'Microsoft.Web/sites@2022-09-01', name: 'api', properties: {} },
        {
          type: 'Microsoft.Graph/applications@v1.0',
          name: 'contoso-api',
          properties: {
            displayName: 'Contoso API',
            uniqueName: 'contoso-api',
            requiredResourceAccess: [{ resourceAppId: GRAPH, resourceAccess: [{ id: 'e1fe6dd8-ba31-4d61-89e7-88639da4683d', type: 'Scope' }, { id: 'df021288-bdef-4463-88db-98f22de89214', type: 'Role' }] }],
          },
        },
      ],
    });
    writeTree(root, { 'infra/main.json': template, 'src/api.ts': oboBackend("  await graph.api('/me').get();") });
    const report = await permissionsReport(root);
    assert.deepEqual(report.inventory!.permissionsRequested.filter((entry) => entry.via === 'arm-template').map((entry) => [entry.name, entry.type, entry.source.file]), [['User.Read', 'delegated', 'infra/main.json'], ['User.Read.All', 'application', 'infra/main.json']]);
    assert.deepEqual(report.permissionAnalysis!.excessive.map((entry) => [entry.name, entry.reason]), [['User.Read.All', 'unused']]);
  });
});

describe('Teams nested app authentication scopes', () => {
  it('reads webApplicationInfo.nestedAppAuthInfo scopes as requested delegated permissions', async (t) => {
    const root = tempDir(t);
    const manifest = {
      manifestVersion: '1.30', id: '2d3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b', developer: { name: 'Fabrikam' }, name: { short: 'Tasks' },
      webApplicationInfo: { id: '0b6f5f47-8c4b-4d59-9b0a-7e0d2a3c1f90', resource: 'api://tasks.fabrikam.com/x', nestedAppAuthInfo: [{ redirectUri: 'brk-multihub://tasks.fabrikam.com', scopes: ['User.Read', 'https://graph.microsoft.com/Calendars.Read', 'api://tasks.fabrikam.com/access_as_user'] }] },
    };
    writeTree(root, { 'appPackage/manifest.json': json(manifest), 'src/tab.ts': "const pca = await createNestablePublicClientApplication(config);\nconst r = await pca.acquireTokenSilent({ account });\nawait client.api('/me').get();\n" });
    const report = await permissionsReport(root);
    assert.deepEqual(report.inventory!.permissionsRequested.filter((entry) => entry.via === 'teams-naa').map((entry) => entry.name), ['User.Read', 'Calendars.Read']);
    assert.deepEqual(report.permissionAnalysis!.excessive.map((entry) => [entry.name, entry.reason]), [['Calendars.Read', 'unused']]);
  });
});

describe('configuration parsed on first use', () => {
  it('a settings file that does not parse is reported once, with its line, and the scan goes on', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'py/oauth_settings.yml': 'scopes: [user.read,\n  mail.read\nauthority: x\n', 'src/api.ts': oboBackend("  await graph.api('/me').get();") });
    const report = await permissionsReport(root);
    const entries = report.problems.filter((problem) => problem.file === 'py/oauth_settings.yml');
    assert.equal(entries.length, 1);
    assert.equal(entries[0]!.kind, 'parse-error');
    assert.ok((entries[0]!.line ?? 0) >= 2);
    assert.deepEqual(report.inventory!.graphCalls.map((call) => call.path), ['/me']);
  });
});

describe('Microsoft Search queries', () => {
  it('records the entity types of a search body; with a body built at run time any permission the data lists for the search is accepted', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'src/search.ts': [
        "const graphClient = createMicrosoftGraphClientWithCredential(new OnBehalfOfUserCredential(token, config), ['Sites.Read.All']);",
        'export async function search(requests: unknown[]) {',
        "  return graphClient.api('/search/query').post({ requests });",
        '}',
        "export async function files() { return graphClient.api('/search/query').post(JSON.stringify({ requests: [{ entityTypes: ['driveItem', 'listItem'], query: { queryString: 'x' } }] })); }",
      ].join('\n'),
    });
    const report = await permissionsReport(root);
    assert.deepEqual(report.inventory!.graphCalls.map((call) => call.searchEntities ?? '-'), ['-', ['driveItem', 'listItem']]);
    assert.deepEqual(report.permissionAnalysis!.needed.map((entry) => entry.name), ['Sites.Read.All']);
    assert.deepEqual(report.permissionAnalysis!.excessive, []);
    // driveItem's permissions are Files.Read.All or Sites.Read.All: the requested one serves both types.
    assert.deepEqual(report.permissionAnalysis!.missing, []);
  });
});
