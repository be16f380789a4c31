/**
 * Secret formats m365cert looks for. Each rule has literal markers that must appear in a file before its
 * pattern runs (most files contain none, so most files cost one `includes` per marker), a pattern whose
 * `secret` group is the secret itself, and where the format comes from. Prefixes and lengths are the
 * vendors' documented token formats.
 */
export interface SecretRule {
  id: string;
  title: string;
  markers: string[];
  pattern: RegExp;
  /** Values this short or shorter are not secrets of this kind. */
  minLength?: number;
  /** The value must look random (Shannon entropy in bits per character). */
  minEntropy?: number;
}

export const SECRET_RULES: readonly SecretRule[] = [
  // PEM private keys (RFC 7468); the whole block is the secret, shown by its header only.
  { id: 'private-key', title: 'Private key', markers: ['PRIVATE KEY-----'], pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----(?<secret>[\s\S]{20,}?)-----END/g },
  // Microsoft Entra client secrets: 40 characters with "Q~" in the 4th–5th place (format since 2021).
  { id: 'entra-client-secret', title: 'Microsoft Entra client secret', markers: ['Q~'], pattern: /(?<![A-Za-z0-9_~.-])(?<secret>[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])/g },
  // Client secrets and bot passwords assigned by name (older random-string secrets have no marker of their own).
  { id: 'entra-client-secret-setting', title: 'Client secret or bot password in a setting', markers: ['ecret', 'assword', 'SECRET', 'PASSWORD'], pattern: /(?:client_?secret|clientsecret|AZURE_CLIENT_SECRET|MicrosoftAppPassword|BOT_PASSWORD|AAD_APP_CLIENT_SECRET|appPassword)["']?[ \t]*[:=][ \t]*["']?(?<secret>[^\s"',;]{16,})/gi, minEntropy: 3.3 },
  // Azure Storage account keys (64 random bytes, base64) in connection strings and settings.
  { id: 'azure-storage-key', title: 'Azure Storage account key', markers: ['AccountKey=', 'ACCOUNT_KEY', 'accountKey'], pattern: /(?:AccountKey=|ACCOUNT_KEY["']?[ \t]*[:=][ \t]*["']?|accountKey["']?[ \t]*[:=][ \t]*["']?)(?<secret>[A-Za-z0-9+/]{86}==)/g },
  // Shared access signatures: sv= and sig= in the same query.
  { id: 'azure-sas-token', title: 'Azure shared access signature', markers: ['sig='], pattern: /[?&]sv=\d{4}-\d{2}-\d{2}[^\s"']*?[?&]sig=(?<secret>[A-Za-z0-9%+/=]{30,})/g },
  // Service Bus / Event Hubs / Cosmos DB keys in connection strings.
  { id: 'azure-shared-access-key', title: 'Azure Service Bus, Event Hubs or Cosmos DB key', markers: ['SharedAccessKey=', 'AccountKey='], pattern: /(?:SharedAccessKey=|AccountEndpoint=[^;]+;AccountKey=)(?<secret>[A-Za-z0-9+/]{40,}={0,2})/g },
  // Passwords in ADO.NET / ODBC connection strings.
  { id: 'connection-string-password', title: 'Password in a connection string', markers: ['assword=', 'Pwd=', 'PWD='], pattern: /(?:Server|Data Source|Host)=[^;"']+;[^"'\n]*?(?:Password|Pwd)=(?<secret>[^;"'\s]{6,})/gi },
  // Credentials in URLs (database URLs, basic auth).
  { id: 'url-credentials', title: 'Password in a URL', markers: ['://'], pattern: /\b(?:https?|mongodb(?:\+srv)?|postgres(?:ql)?|mysql|redis|rediss|amqps?|ftp):\/\/[^\s:/@"'`]+:(?<secret>[^\s@/"'`]{6,})@[^\s"'`]+/g },
  // OpenAI: sk-… with the T3BlbkFJ marker, or project keys sk-proj-….
  { id: 'openai-api-key', title: 'OpenAI API key', markers: ['sk-'], pattern: /(?<![A-Za-z0-9])(?<secret>sk-(?:proj-|svcacct-|admin-)?[A-Za-z0-9_-]{20,}T3BlbkFJ[A-Za-z0-9_-]{20,}|sk-proj-[A-Za-z0-9_-]{80,})/g },
  // Anthropic API keys.
  { id: 'anthropic-api-key', title: 'Anthropic API key', markers: ['sk-ant-'], pattern: /(?<secret>sk-ant-(?:api|admin)\d{2}-[A-Za-z0-9_-]{80,})/g },
  // Azure OpenAI / Azure AI services keys (32 hex characters) assigned by name.
  { id: 'azure-ai-key', title: 'Azure OpenAI or Azure AI services key', markers: ['OPENAI', 'COGNITIVE', 'api-key', 'ubscriptionKey', 'ubscription-Key'], pattern: /(?:AZURE_OPENAI_(?:API_)?KEY|OPENAI_API_KEY|COGNITIVE_SERVICES?_KEY|api-key|SubscriptionKey|Ocp-Apim-Subscription-Key)["']?[ \t]*[:=][ \t]*["']?(?<secret>[0-9a-f]{32}|[A-Za-z0-9]{84})(?![0-9A-Za-z])/g },
  // GitHub tokens (classic, fine-grained, OAuth, app).
  { id: 'github-token', title: 'GitHub token', markers: ['ghp_', 'gho_', 'ghu_', 'ghs_', 'ghr_', 'github_pat_'], pattern: /(?<secret>gh[pousr]_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{82})/g },
  // npm access tokens.
  { id: 'npm-token', title: 'npm access token', markers: ['npm_'], pattern: /(?<![A-Za-z0-9])(?<secret>npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])/g },
  // Slack tokens and incoming webhooks.
  { id: 'slack-token', title: 'Slack token or webhook', markers: ['xox', 'hooks.slack.com'], pattern: /(?<secret>xox[baprs]-[0-9A-Za-z-]{10,}|https:\/\/hooks\.slack\.com\/services\/T[A-Z0-9]+\/B[A-Z0-9]+\/[A-Za-z0-9]{20,})/g },
  // Teams / Office 365 incoming webhooks: the URL is the credential.
  { id: 'teams-webhook', title: 'Microsoft Teams incoming webhook URL', markers: ['webhook.office.com', 'outlook.office.com/webhook'], pattern: /(?<secret>https:\/\/[a-z0-9-]+\.webhook\.office\.com\/webhookb2\/[A-Za-z0-9@/-]{40,}|https:\/\/outlook\.office\.com\/webhook\/[A-Za-z0-9@/-]{40,})/g },
  // AWS access key ids.
  { id: 'aws-access-key', title: 'AWS access key', markers: ['AKIA', 'ASIA'], pattern: /(?<![A-Z0-9])(?<secret>(?:AKIA|ASIA)[0-9A-Z]{16})(?![A-Z0-9])/g },
  // Stripe secret and restricted keys.
  { id: 'stripe-key', title: 'Stripe secret key', markers: ['sk_live_', 'rk_live_'], pattern: /(?<secret>[sr]k_live_[0-9A-Za-z]{24,})/g },
  // SendGrid API keys.
  { id: 'sendgrid-key', title: 'SendGrid API key', markers: ['SG.'], pattern: /(?<secret>SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})/g },
  // Google API keys.
  { id: 'google-api-key', title: 'Google API key', markers: ['AIza'], pattern: /(?<secret>AIza[0-9A-Za-z_-]{35})/g },
];

/**
 * Values that are not secrets but stand in for one: placeholders, Key Vault and ARM references, names of
 * environment variables (SECRET_AAD_APP_CLIENT_SECRET) and code references (config.clientSecret),
 * documentation examples and the well-known example credentials vendors publish. Placeholder words count only
 * at the start or after a separator: inside a random token (`…ahyOURd…`) they are chance.
 */
export const PLACEHOLDER_VALUE = /^@Microsoft\.KeyVault\(|^\[[a-z]+\(|^(?:x{4,}|\*{3,}|<[^>]*>|\$\{[^}]*\}|\$\{\{[^}]*\}\}|\{\{[^}]*\}\}|%[^%]+%|\$\([^)]*\)|#\{[^}]*\})$|(?:^|[^a-z0-9])(?:your|change[-_]?me|replace|placeholder|example|sample|dummy|fake|redacted|insert|todo)|example(?:key)?$|example(?:key)?$|xxxx|00000000|1234567|abcdef|<\w|\benv\b|process\.env/i;

/** Names, not values (case matters: a token may mix cases, an environment variable name does not). */
export const REFERENCE_VALUE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Za-z_$][\w$]*(?:\.[A-Za-z_$][\w$]*)+$/;
