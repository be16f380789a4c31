/**
 * Who operates a host: the curated table behind the connectivity inventory. The certification treats a
 * connection to a service Microsoft publishes differently from one to the publisher's own backend or to
 * a third party (the latter two make a penetration test mandatory; m365-controls.md §2.2–2.3 [S1][S9]).
 *
 * Rules are matched most specific first: a customer-controlled Azure resource (`contoso.azurewebsites.net`)
 * is the publisher's backend even though Microsoft runs the platform, so the resource suffixes come before
 * the broad Microsoft domains. The sources of each group are named beside it; a suffix rule matches the
 * domain itself and every subdomain.
 */
export type HostOwner = 'microsoft' | 'publisher' | 'third-party' | 'unknown';

export interface OwnershipRule {
  /** Exact host, or `*.suffix` for the suffix and every subdomain. */
  pattern: string;
  owner: Exclude<HostOwner, 'unknown'>;
  service: string;
}

/**
 * Customer-controlled Azure resources: the resource name is the left-most label and the publisher owns
 * and configures it. Suffixes from "Azure services DNS zone configuration" (learn.microsoft.com/azure/
 * private-link/private-endpoint-dns) and the public endpoint formats of each service's documentation.
 */
const AZURE_RESOURCES: OwnershipRule[] = [
  ['*.azurewebsites.net', 'Azure App Service / Functions'],
  ['*.azurewebsites.us', 'Azure App Service (US Government)'],
  ['*.azurestaticapps.net', 'Azure Static Web Apps'],
  ['*.azurecontainerapps.io', 'Azure Container Apps'],
  ['*.cloudapp.azure.com', 'Azure virtual machine / load balancer public IP'],
  ['*.cloudapp.net', 'Azure Cloud Services'],
  ['*.azurefd.net', 'Azure Front Door'],
  ['*.azureedge.net', 'Azure CDN endpoint'],
  ['*.trafficmanager.net', 'Azure Traffic Manager profile'],
  ['*.azure-api.net', 'Azure API Management'],
  ['*.blob.core.windows.net', 'Azure Storage (blob)'],
  ['*.table.core.windows.net', 'Azure Storage (table)'],
  ['*.queue.core.windows.net', 'Azure Storage (queue)'],
  ['*.file.core.windows.net', 'Azure Storage (files)'],
  ['*.dfs.core.windows.net', 'Azure Data Lake Storage'],
  ['*.web.core.windows.net', 'Azure Storage static website'],
  ['*.database.windows.net', 'Azure SQL Database'],
  ['*.documents.azure.com', 'Azure Cosmos DB'],
  ['*.cosmos.azure.com', 'Azure Cosmos DB'],
  ['*.postgres.database.azure.com', 'Azure Database for PostgreSQL'],
  ['*.mysql.database.azure.com', 'Azure Database for MySQL'],
  ['*.redis.cache.windows.net', 'Azure Cache for Redis'],
  ['*.servicebus.windows.net', 'Azure Service Bus / Event Hubs'],
  ['*.eventgrid.azure.net', 'Azure Event Grid'],
  ['*.azure-devices.net', 'Azure IoT Hub'],
  ['*.vault.azure.net', 'Azure Key Vault'],
  ['*.managedhsm.azure.net', 'Azure Key Vault Managed HSM'],
  ['*.search.windows.net', 'Azure AI Search'],
  ['*.openai.azure.com', 'Azure OpenAI'],
  ['*.openai.azure.us', 'Azure OpenAI (US Government)'],
  ['*.cognitiveservices.azure.com', 'Azure AI services'],
  ['*.services.ai.azure.com', 'Azure AI Foundry'],
  ['*.api.cognitive.microsoft.com', 'Azure AI services (regional endpoint)'],
  ['*.service.signalr.net', 'Azure SignalR Service'],
  ['*.webpubsub.azure.com', 'Azure Web PubSub'],
  ['*.azurecr.io', 'Azure Container Registry'],
  ['*.azmk8s.io', 'Azure Kubernetes Service'],
  ['*.batch.azure.com', 'Azure Batch'],
  ['*.azuresynapse.net', 'Azure Synapse'],
].map(([pattern, service]) => ({ pattern: pattern!, owner: 'publisher', service: `${service} (publisher's resource)` }));

/**
 * Services Microsoft operates. Graph and sign-in endpoints per cloud from "National cloud deployments"
 * (learn.microsoft.com/graph/deployments); Microsoft 365 URLs and IP ranges (learn.microsoft.com/microsoft-365/
 * enterprise/urls-and-ip-address-ranges); Bot Framework hosts from "Bot Framework security guidelines" and
 * the connector's serviceUrl; Office JS CDN from the Office add-ins documentation.
 */
const MICROSOFT: OwnershipRule[] = [
  ['graph.microsoft.com', 'Microsoft Graph'],
  ['graph.microsoft.us', 'Microsoft Graph (US Government L4)'],
  ['dod-graph.microsoft.us', 'Microsoft Graph (US Government L5)'],
  ['microsoftgraph.chinacloudapi.cn', 'Microsoft Graph (China, 21Vianet)'],
  ['*.microsoftonline.com', 'Microsoft Entra ID sign-in'],
  ['*.microsoftonline.us', 'Microsoft Entra ID sign-in (US Government)'],
  ['login.chinacloudapi.cn', 'Microsoft Entra ID sign-in (China)'],
  ['login.windows.net', 'Microsoft Entra ID sign-in'],
  ['*.b2clogin.com', 'Azure AD B2C sign-in'],
  ['*.ciamlogin.com', 'Microsoft Entra External ID sign-in'],
  ['*.msauth.net', 'Microsoft authentication library CDN'],
  ['*.msftauth.net', 'Microsoft authentication CDN'],
  ['*.sharepoint.com', 'SharePoint Online / OneDrive'],
  ['*.sharepoint.us', 'SharePoint Online (US Government)'],
  ['*.sharepointonline.com', 'SharePoint Online CDN'],
  ['*.teams.microsoft.com', 'Microsoft Teams'],
  ['teams.microsoft.com', 'Microsoft Teams'],
  ['*.teams.microsoft.us', 'Microsoft Teams (US Government)'],
  ['*.skype.com', 'Microsoft Teams / Skype services'],
  ['*.office.com', 'Microsoft 365 / Outlook on the web'],
  ['*.office365.com', 'Microsoft 365 / Exchange Online'],
  ['*.office.net', 'Microsoft 365 CDN and services'],
  ['*.outlook.com', 'Outlook.com / Exchange Online'],
  ['*.cloud.microsoft', 'Microsoft 365 (cloud.microsoft)'],
  ['*.static.microsoft', 'Microsoft 365 static content'],
  ['*.usercontent.microsoft', 'Microsoft 365 user content'],
  ['appsforoffice.microsoft.com', 'Office JavaScript API CDN'],
  ['*.officeapps.live.com', 'Office for the web'],
  ['*.botframework.com', 'Azure Bot Service / Bot Framework'],
  ['smba.trafficmanager.net', 'Bot Framework connector for Teams'],
  ['*.botframework.azure.us', 'Azure Bot Service (US Government)'],
  ['*.in.applicationinsights.azure.com', 'Azure Monitor Application Insights ingestion'],
  ['*.livediagnostics.monitor.azure.com', 'Azure Monitor live metrics'],
  ['*.monitor.azure.com', 'Azure Monitor'],
  ['dc.services.visualstudio.com', 'Application Insights ingestion (classic)'],
  ['js.monitor.azure.com', 'Application Insights JavaScript SDK CDN'],
  ['management.azure.com', 'Azure Resource Manager'],
  ['management.core.windows.net', 'Azure Service Management'],
  ['dev.azure.com', 'Azure DevOps'],
  ['*.visualstudio.com', 'Azure DevOps / Visual Studio services'],
  ['ajax.aspnetcdn.com', 'Microsoft Ajax CDN'],
  ['*.aspnetcdn.com', 'Microsoft Ajax CDN'],
  ['*.msecnd.net', 'Microsoft CDN'],
  ['*.nuget.org', 'NuGet Gallery'],
  ['*.powerbi.com', 'Power BI'],
  ['*.dynamics.com', 'Dynamics 365 / Dataverse'],
  ['*.powerapps.com', 'Power Apps'],
  ['*.powerplatform.com', 'Power Platform'],
  ['*.onmicrosoft.com', 'Microsoft 365 tenant domain'],
  ['*.live.com', 'Microsoft account'],
  ['*.bing.com', 'Bing'],
  ['api.bing.microsoft.com', 'Bing Search API'],
  ['*.microsoft.com', 'Microsoft'],
  ['*.microsoft.us', 'Microsoft (US Government)'],
].map(([pattern, service]) => ({ pattern: pattern!, owner: 'microsoft', service: service! }));

/**
 * Third parties the apps we see connect to most, each with the default host of its SDK (see SDK_HOSTS in
 * the code extractor). Hosts from each vendor's API reference.
 */
const THIRD_PARTIES: OwnershipRule[] = [
  ['api.openai.com', 'OpenAI'],
  ['api.anthropic.com', 'Anthropic'],
  ['api.mistral.ai', 'Mistral AI'],
  ['api.cohere.ai', 'Cohere'],
  ['api.cohere.com', 'Cohere'],
  ['*.huggingface.co', 'Hugging Face'],
  ['*.pinecone.io', 'Pinecone'],
  ['*.stripe.com', 'Stripe'],
  ['api.twilio.com', 'Twilio'],
  ['*.twilio.com', 'Twilio'],
  ['api.sendgrid.com', 'SendGrid (Twilio)'],
  ['api.mailgun.net', 'Mailgun'],
  ['slack.com', 'Slack'],
  ['*.slack.com', 'Slack'],
  ['github.com', 'GitHub (a Microsoft subsidiary, not a Microsoft 365 service)'],
  ['*.github.com', 'GitHub (a Microsoft subsidiary, not a Microsoft 365 service)'],
  ['*.githubusercontent.com', 'GitHub content (a Microsoft subsidiary, not a Microsoft 365 service)'],
  ['*.amazonaws.com', 'Amazon Web Services'],
  ['*.googleapis.com', 'Google APIs'],
  ['*.gstatic.com', 'Google static content'],
  ['*.google.com', 'Google'],
  ['*.google-analytics.com', 'Google Analytics'],
  ['*.googletagmanager.com', 'Google Tag Manager'],
  ['*.firebaseio.com', 'Google Firebase'],
  ['*.salesforce.com', 'Salesforce'],
  ['*.force.com', 'Salesforce'],
  ['*.atlassian.net', 'Atlassian (Jira / Confluence)'],
  ['api.atlassian.com', 'Atlassian'],
  ['*.zendesk.com', 'Zendesk'],
  ['api.hubapi.com', 'HubSpot'],
  ['*.hubspot.com', 'HubSpot'],
  ['*.auth0.com', 'Auth0 (Okta)'],
  ['*.okta.com', 'Okta'],
  ['*.sentry.io', 'Sentry'],
  ['*.datadoghq.com', 'Datadog'],
  ['*.datadoghq.eu', 'Datadog'],
  ['*.newrelic.com', 'New Relic'],
  ['*.segment.io', 'Segment'],
  ['*.segment.com', 'Segment'],
  ['api.mixpanel.com', 'Mixpanel'],
  ['*.intercom.io', 'Intercom'],
  ['cdn.jsdelivr.net', 'jsDelivr CDN'],
  ['unpkg.com', 'unpkg CDN'],
  ['code.jquery.com', 'jQuery CDN (OpenJS Foundation)'],
  ['*.cloudflare.com', 'Cloudflare'],
  ['*.pusher.com', 'Pusher'],
  ['*.dropboxapi.com', 'Dropbox'],
  ['*.box.com', 'Box'],
  ['api.zoom.us', 'Zoom'],
  ['*.docusign.net', 'DocuSign'],
  ['api.pagerduty.com', 'PagerDuty'],
  ['*.launchdarkly.com', 'LaunchDarkly'],
  ['*.algolia.net', 'Algolia'],
  ['*.mongodb.net', 'MongoDB Atlas'],
  ['*.npmjs.org', 'npm registry (GitHub)'],
  ['*.npmjs.com', 'npm registry (GitHub)'],
  ['*.wikipedia.org', 'Wikipedia (Wikimedia Foundation)'],
  ['*.wikimedia.org', 'Wikimedia Foundation'],
  ['*.yahooapis.com', 'Yahoo APIs'],
  ['api.yelp.com', 'Yelp Fusion API'],
  ['*.openweathermap.org', 'OpenWeather'],
  ['*.giphy.com', 'GIPHY'],
  ['*.unsplash.com', 'Unsplash'],
  ['*.pexels.com', 'Pexels'],
].map(([pattern, service]) => ({ pattern: pattern!, owner: 'third-party', service: service! }));

export const OWNERSHIP_RULES: readonly OwnershipRule[] = [...AZURE_RESOURCES, ...MICROSOFT, ...THIRD_PARTIES];

export interface Ownership {
  owner: HostOwner;
  service?: string;
  /** Why: the table rule or the publisher domain that matched. */
  basis: string;
}

/** Matches a host against the table, most specific pattern first; publisher domains win over the table's third parties only when more specific. */
export function classifyHost(host: string, publisherDomains: readonly string[] = []): Ownership {
  const candidates: { rule: OwnershipRule; specificity: number }[] = [];
  for (const rule of OWNERSHIP_RULES) {
    const specificity = matchSpecificity(host, rule.pattern);
    if (specificity >= 0) candidates.push({ rule, specificity });
  }
  for (const domain of publisherDomains) {
    const pattern = domain.startsWith('*.') ? domain : `*.${domain}`;
    const specificity = matchSpecificity(host, pattern);
    if (specificity >= 0) candidates.push({ rule: { pattern, owner: 'publisher', service: "publisher's domain" }, specificity: specificity + 0.5 });
  }
  if (!candidates.length) return { owner: 'unknown', basis: 'not in the ownership table and not a publisher domain' };
  // Stable sort: for equal specificity the table's order (Azure resources before Microsoft) decides.
  candidates.sort((a, b) => b.specificity - a.specificity);
  const best = candidates[0]!.rule;
  return { owner: best.owner, service: best.service, basis: best.service === "publisher's domain" ? `publisher domain ${best.pattern.slice(2)}` : `table rule ${best.pattern}` };
}

/** Number of labels the pattern pins down, or -1 when it does not match. */
function matchSpecificity(host: string, pattern: string): number {
  const normalized = pattern.replace(/\.$/, '');
  if (normalized.startsWith('*.')) {
    const suffix = normalized.slice(2);
    if (host === suffix || host.endsWith(`.${suffix}`)) return suffix.split('.').length;
    return -1;
  }
  return host === normalized ? normalized.split('.').length + 0.25 : -1;
}

/**
 * The registrable part of a host (`api.contoso.co.uk` → `contoso.co.uk`), used to treat the siblings of a
 * publisher host as the publisher's. A short list of two-level public suffixes keeps this honest without
 * shipping the whole Public Suffix List; hosts under cloud platform suffixes (azurewebsites.net, …) are never
 * widened, since their neighbours belong to other customers.
 */
export function registrableDomain(host: string): string | undefined {
  if (/^[\d.]+$/.test(host) || host.includes(':')) return undefined;
  if (OWNERSHIP_RULES.some((rule) => rule.owner !== 'third-party' && rule.pattern.startsWith('*.') && host.endsWith(rule.pattern.slice(1)))) return undefined;
  const labels = host.split('.');
  if (labels.length < 2) return undefined;
  const lastTwo = labels.slice(-2).join('.');
  const take = TWO_LEVEL_SUFFIXES.has(lastTwo) ? 3 : 2;
  return labels.length >= take ? labels.slice(-take).join('.') : undefined;
}

const TWO_LEVEL_SUFFIXES = new Set(['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'org.au', 'co.nz', 'co.jp', 'ne.jp', 'co.za', 'com.br', 'com.mx', 'co.in', 'co.kr', 'com.cn', 'com.sg', 'com.tr', 'co.il']);
