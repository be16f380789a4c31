import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { hostFromConnectionString } from '../../src/extract/hosts/connection-string.ts';
import { localKindOf, parseEndpointUrl } from '../../src/extract/hosts/endpoint-url.ts';
import { classifyHost, registrableDomain } from '../../src/knowledge/hosts/ownership.ts';

const hostOf = (text: string) => {
  const parsed = parseEndpointUrl(text);
  return parsed && 'url' in parsed ? parsed.url : parsed;
};

describe('endpoint URLs: hostile and unusual input', () => {
  it('reads IDNs as punycode, IPv6 literals, ports and upper case', () => {
    assert.equal((hostOf('https://bücher.example.de/x') as { host: string }).host, 'xn--bcher-kva.example.de');
    assert.deepEqual(hostOf('https://[2001:db8::1]:8443/api'), { scheme: 'https', host: '2001:db8::1', port: 8443, path: '/api', display: 'https://[2001:db8::1]:8443/api', ipv6: true });
    assert.equal((hostOf('HTTPS://API.Contoso.COM./v1') as { host: string }).host, 'api.contoso.com');
    assert.equal((hostOf('wss://feed.contoso.com/live') as { scheme: string }).scheme, 'wss');
  });

  it('masks user info and query values, and never keeps a password', () => {
    const url = hostOf('https://admin:S3cr3t!@db.contoso.com/path?sig=abc123&sv=2024') as { host: string; display: string; hadUserInfo: boolean };
    assert.equal(url.host, 'db.contoso.com');
    assert.equal(url.hadUserInfo, true);
    assert.equal(url.display, 'https://***@db.contoso.com/path?sig=…&sv=…');
    assert.doesNotMatch(JSON.stringify(url), /S3cr3t|abc123/);
  });

  it('turns placeholders into dynamic hosts and keeps wildcards as patterns', () => {
    assert.equal((hostOf('https://${{TAB_DOMAIN}}/index.html') as { dynamic: string }).dynamic, 'TAB_DOMAIN');
    assert.equal((hostOf('https://{id}/v1.0/me') as { dynamic: string }).dynamic, 'computed at run time');
    assert.equal((hostOf('https://%API_HOST%/x') as { dynamic: string }).dynamic, 'API_HOST');
    assert.equal((hostOf('https://*.contoso.com') as { host: string }).host, '*.contoso.com');
  });

  it('reports malformed URLs with the reason instead of throwing', () => {
    assert.deepEqual(parseEndpointUrl('https://'), { error: 'URL without a host' });
    assert.match((parseEndpointUrl('https://[2001:db8::1/x') as { error: string }).error, /not a valid host/);
    assert.match((parseEndpointUrl('https://host.contoso.com:99999/') as { error: string }).error, /not a valid host/);
    assert.match((parseEndpointUrl('https://exa mple.com/') as { error: string }).error, /not a valid host/);
    assert.match((parseEndpointUrl(`https://a.com/${'x'.repeat(10_000)}`) as { error: string }).error, /longer than 4096/);
    assert.equal(parseEndpointUrl('mailto:someone@contoso.com'), undefined);
    assert.equal(parseEndpointUrl('/api/relative'), undefined);
  });

  it('huge and garbage hosts give an entry, never an exception', () => {
    assert.match((parseEndpointUrl(`https://${'a.'.repeat(3_000)}com/`) as { error: string }).error, /longer than 4096/);
    assert.match((parseEndpointUrl(`https://${'a'.repeat(300)}.com/`) as { error: string }).error, /longer than DNS allows/);
    assert.match((parseEndpointUrl('https://\u0000\u0001.com/') as { error: string }).error, /not a valid/);
    assert.ok('url' in (parseEndpointUrl(`https://ok.contoso.com/${'%'.repeat(500)}`) as object));
  });

  it('knows loopback, private and development hosts', () => {
    assert.equal(localKindOf('localhost'), 'loopback');
    assert.equal(localKindOf('127.0.0.1'), 'loopback');
    assert.equal(localKindOf('::1'), 'loopback');
    assert.equal(localKindOf('10.1.2.3'), 'private-network');
    assert.equal(localKindOf('172.20.0.4'), 'private-network');
    assert.equal(localKindOf('fd12:3456::1'), 'private-network');
    assert.equal(localKindOf('abc123.ngrok-free.app'), 'development');
    assert.equal(localKindOf('api.example.com'), 'development');
    assert.equal(localKindOf('api.contoso.com'), undefined);
    assert.equal(localKindOf('172.40.0.4'), undefined);
  });
});

describe('ownership table', () => {
  it('puts customer-controlled Azure resources before the Microsoft domains they live under', () => {
    assert.equal(classifyHost('contoso-api.azurewebsites.net').owner, 'publisher');
    assert.equal(classifyHost('contoso.openai.azure.com').owner, 'publisher');
    assert.equal(classifyHost('contosodata.blob.core.windows.net').owner, 'publisher');
    assert.equal(classifyHost('contoso.vault.azure.net').owner, 'publisher');
    assert.equal(classifyHost('westeurope.api.cognitive.microsoft.com').owner, 'publisher');
    assert.equal(classifyHost('graph.microsoft.com').owner, 'microsoft');
    assert.equal(classifyHost('login.microsoftonline.com').owner, 'microsoft');
    assert.equal(classifyHost('contoso.sharepoint.com').owner, 'microsoft');
    assert.equal(classifyHost('smba.trafficmanager.net').owner, 'microsoft');
    assert.equal(classifyHost('contoso.trafficmanager.net').owner, 'publisher');
    assert.equal(classifyHost('westeurope-5.in.applicationinsights.azure.com').owner, 'microsoft');
  });

  it('names third parties and leaves the rest unknown unless a publisher domain covers it', () => {
    assert.deepEqual([classifyHost('api.openai.com').owner, classifyHost('api.openai.com').service], ['third-party', 'OpenAI']);
    assert.equal(classifyHost('api.github.com').owner, 'third-party');
    assert.equal(classifyHost('s3.eu-west-1.amazonaws.com').owner, 'third-party');
    assert.equal(classifyHost('api.contoso.com').owner, 'unknown');
    assert.equal(classifyHost('api.contoso.com', ['contoso.com']).owner, 'publisher');
    // A publisher domain never captures a neighbour that merely ends with the same letters.
    assert.equal(classifyHost('api.notcontoso.com', ['contoso.com']).owner, 'unknown');
    assert.equal(classifyHost('microsoft.com.evil.io').owner, 'unknown');
  });

  it('widens a served host to its registrable domain, never across a cloud suffix', () => {
    assert.equal(registrableDomain('tab.contoso.com'), 'contoso.com');
    assert.equal(registrableDomain('app.contoso.co.uk'), 'contoso.co.uk');
    assert.equal(registrableDomain('contoso.azurewebsites.net'), undefined);
    assert.equal(registrableDomain('10.0.0.1'), undefined);
  });
});

describe('connection strings', () => {
  it('finds the host of each common shape and nothing secret', () => {
    assert.equal(hostFromConnectionString('DefaultEndpointsProtocol=https;AccountName=contosodata;AccountKey=abc==;EndpointSuffix=core.windows.net'), 'contosodata.blob.core.windows.net');
    assert.equal(hostFromConnectionString('Endpoint=sb://contoso-bus.servicebus.windows.net/;SharedAccessKeyName=send;SharedAccessKey=xyz='), 'contoso-bus.servicebus.windows.net');
    assert.equal(hostFromConnectionString('AccountEndpoint=https://contoso.documents.azure.com:443/;AccountKey=k=='), 'contoso.documents.azure.com');
    assert.equal(hostFromConnectionString('Server=tcp:contoso.database.windows.net,1433;Initial Catalog=db;User ID=u;Password=p;'), 'contoso.database.windows.net');
    assert.equal(hostFromConnectionString('InstrumentationKey=00000000-0000-0000-0000-000000000000;IngestionEndpoint=https://westeurope-5.in.applicationinsights.azure.com/'), 'westeurope-5.in.applicationinsights.azure.com');
    assert.equal(hostFromConnectionString('mongodb+srv://user:pa55@cluster0.abcde.mongodb.net/app?retryWrites=true'), 'cluster0.abcde.mongodb.net');
    assert.equal(hostFromConnectionString('contoso.redis.cache.windows.net:6380,password=abc,ssl=True'), 'contoso.redis.cache.windows.net');
    assert.equal(hostFromConnectionString('UseDevelopmentStorage=true'), undefined);
    assert.equal(hostFromConnectionString(';;;==;;'), undefined);
  });
});
