/**
 * Client libraries whose requests go to a fixed vendor host unless an endpoint is given: creating one of
 * their clients is a connection to that host. Matched on the module (JS/TS import or require, Python import),
 * namespace (C# using) or package (Java import) the client's type comes from. Hosts are each SDK's documented
 * default base URL.
 */
export type SdkLanguage = 'js' | 'python' | 'csharp' | 'java';

export interface SdkHost {
  service: string;
  /** Default host; `*.` when the SDK picks a regional subdomain at run time. */
  host: string;
  modules: Partial<Record<SdkLanguage, RegExp>>;
  /** Client types of the module that take their own endpoint (Azure variants): their endpoint argument decides. */
  endpointTypes?: RegExp;
}

export const SDK_HOSTS: readonly SdkHost[] = [
  { service: 'OpenAI', host: 'api.openai.com', modules: { js: /^openai$/, python: /^openai$/, csharp: /^OpenAI(\.|$)/, java: /^com\.openai\./ }, endpointTypes: /Azure/ },
  { service: 'Anthropic', host: 'api.anthropic.com', modules: { js: /^@anthropic-ai\/sdk$/, python: /^anthropic$/, java: /^com\.anthropic\./ } },
  { service: 'Mistral AI', host: 'api.mistral.ai', modules: { js: /^@mistralai\//, python: /^mistralai$/ } },
  { service: 'Cohere', host: 'api.cohere.com', modules: { js: /^cohere-ai$/, python: /^cohere$/ } },
  { service: 'Pinecone', host: '*.pinecone.io', modules: { js: /^@pinecone-database\//, python: /^pinecone$/ } },
  { service: 'Stripe', host: 'api.stripe.com', modules: { js: /^stripe$|^@stripe\/stripe-js$/, python: /^stripe$/, csharp: /^Stripe$/, java: /^com\.stripe\./ } },
  { service: 'Twilio', host: 'api.twilio.com', modules: { js: /^twilio$/, python: /^twilio(\.|$)/, csharp: /^Twilio(\.|$)/, java: /^com\.twilio\./ } },
  { service: 'SendGrid (Twilio)', host: 'api.sendgrid.com', modules: { js: /^@sendgrid\//, python: /^sendgrid(\.|$)/, csharp: /^SendGrid(\.|$)/, java: /^com\.sendgrid/ } },
  { service: 'Mailgun', host: 'api.mailgun.net', modules: { js: /^mailgun(\.js)?$/ } },
  { service: 'Slack', host: 'slack.com', modules: { js: /^@slack\/(web-api|bolt)$/, python: /^slack_(sdk|bolt)(\.|$)/, csharp: /^SlackNet(\.|$)/ } },
  { service: 'GitHub', host: 'api.github.com', modules: { js: /^@octokit\/|^octokit$/, python: /^github$/, csharp: /^Octokit(\.|$)/, java: /^org\.kohsuke\.github/ } },
  { service: 'Amazon Web Services', host: '*.amazonaws.com', modules: { js: /^@aws-sdk\/|^aws-sdk$/, python: /^boto3$|^botocore$/, csharp: /^Amazon(\.|$)/, java: /^software\.amazon\.awssdk|^com\.amazonaws/ } },
  { service: 'Google Cloud / Google APIs', host: '*.googleapis.com', modules: { js: /^googleapis$|^@google-cloud\/|^@google\/(generative-ai|genai)$/, python: /^google\.(cloud|generativeai|genai)(\.|$)|^googleapiclient/, csharp: /^Google\.(Apis|Cloud)(\.|$)/, java: /^com\.google\.(cloud|api)/ } },
  // Bot Framework SDKs talk to the Bot Connector service (Teams: smba.trafficmanager.net) and its token endpoints.
  { service: 'Bot Framework connector', host: '*.botframework.com', modules: { js: /^botbuilder$/, python: /^botbuilder(\.core)?$/, csharp: /^Microsoft\.Bot\.Builder(\.|$)/, java: /^com\.microsoft\.bot\.builder/ } },
  { service: 'Sentry', host: '*.sentry.io', modules: { js: /^@sentry\//, python: /^sentry_sdk$/, csharp: /^Sentry(\.|$)/ } },
];

/**
 * Azure SDK clients take the endpoint of the publisher's own resource as their first argument (or an
 * `endpoint`/`url` option, or a connection string): the host comes from that value.
 */
export const AZURE_SDK_MODULES: Record<SdkLanguage, RegExp> = {
  js: /^@azure\/(?!identity$|msal|core-)/,
  python: /^azure\.(?!identity)/,
  csharp: /^Azure\.(?!Identity|Core$)/,
  java: /^com\.azure\.(?!identity|core)/,
};

/** Azure client types that name a resource endpoint. */
export const AZURE_CLIENT_TYPES = /^(BlobServiceClient|ContainerClient|BlobClient|BlockBlobClient|DataLakeServiceClient|QueueServiceClient|QueueClient|ShareServiceClient|TableServiceClient|TableClient|CosmosClient|SecretClient|KeyClient|CertificateClient|CryptographyClient|SearchClient|SearchIndexClient|ServiceBusClient|EventHubProducerClient|EventHubConsumerClient|EventGridPublisherClient|AzureOpenAI|AsyncAzureOpenAI|AzureOpenAIClient|OpenAIClient|TextAnalyticsClient|DocumentAnalysisClient|DocumentIntelligenceClient|ChatCompletionsClient|AppConfigurationClient|ConfigurationClient|WebPubSubServiceClient|ContentSafetyClient)$/;

/**
 * Values known only at run time whose origin is nonetheless known: the SharePoint site an SPFx web part
 * runs in (its page context), and the Bot Connector service URL Teams sends with every activity.
 */
export const KNOWN_RUNTIME_ORIGINS: readonly { expression: RegExp; host: string; purpose: string }[] = [
  { expression: /pageContext\.(web|site)\.(absoluteUrl|serverRelativeUrl)|_spPageContextInfo\.(webAbsoluteUrl|siteAbsoluteUrl|webServerRelativeUrl)/, host: '*.sharepoint.com', purpose: 'the SharePoint site the web part runs in (SPFx page context)' },
  { expression: /\bserviceUrl\b/, host: 'smba.trafficmanager.net', purpose: 'the Bot Connector service URL Teams sends with each activity' },
];
