import { domainToASCII } from 'node:url';

/**
 * The host a connection string points at: Azure Storage (`AccountName` + `EndpointSuffix`, or an explicit
 * `BlobEndpoint`), Service Bus / Event Hubs (`Endpoint=sb://…`), Cosmos DB (`AccountEndpoint`), SQL Server
 * (`Server=tcp:host,1433` / `Data Source`), Application Insights (`IngestionEndpoint`), Redis
 * (`host:6380,password=…`) and database URLs (`mongodb+srv://user:pass@host`, `postgres://…`). Secrets in
 * the string are never returned.
 */
export function hostFromConnectionString(text: string): string | undefined {
  const value = text.trim();
  const asUrl = /^(mongodb(\+srv)?|postgres(ql)?|mysql|redis|rediss|amqps?|sb|mssql|sqlserver):\/\/(?:[^@/]*@)?([^/:?,;]+)/i.exec(value);
  if (asUrl) return normalise(asUrl[4]!);
  const pairs = new Map<string, string>();
  for (const part of value.split(';')) {
    const equals = part.indexOf('=');
    if (equals > 0) pairs.set(part.slice(0, equals).trim().toLowerCase(), part.slice(equals + 1).trim());
  }
  for (const key of ['blobendpoint', 'ingestionendpoint', 'accountendpoint', 'endpoint', 'queueendpoint', 'tableendpoint', 'fileendpoint']) {
    const endpoint = pairs.get(key);
    const host = endpoint && /^[a-z][\w+.-]*:\/\/([^/:?]+)/i.exec(endpoint)?.[1];
    if (host) return normalise(host);
  }
  const account = pairs.get('accountname');
  if (account) return normalise(`${account}.blob.${pairs.get('endpointsuffix') ?? 'core.windows.net'}`);
  const server = pairs.get('server') ?? pairs.get('data source') ?? pairs.get('address') ?? pairs.get('addr') ?? pairs.get('host');
  if (server) return normalise(server.replace(/^tcp:/i, '').split(/[,:\\]/)[0]!);
  // StackExchange.Redis: "host:6380,password=…,ssl=True"
  const redis = /^([a-z0-9.-]+\.[a-z]{2,}):\d+,/i.exec(value);
  if (redis) return normalise(redis[1]!);
  return undefined;
}

function normalise(host: string): string | undefined {
  const ascii = domainToASCII(host.trim().toLowerCase());
  return ascii && /^[a-z0-9.-]+$/.test(ascii) && ascii.includes('.') ? ascii : undefined;
}

/** Whether a value looks like a connection string at all (so it is read for its host, not as a URL). */
export function isConnectionString(text: string): boolean {
  return /(^|;)\s*(AccountName|Endpoint|AccountEndpoint|Server|Data Source|BlobEndpoint|IngestionEndpoint|InstrumentationKey)\s*=/i.test(text) || /^(mongodb(\+srv)?|postgres(ql)?|mysql|rediss?|amqps?|sb|mssql|sqlserver):\/\//i.test(text.trim());
}
