import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { environmentUrl, environmentUrls, springPropertyKey } from '../../src/extract/code/environment.ts';
import { SourceFile } from '../../src/sources/source-file.ts';

describe('URL environment variables from .env files', () => {
  const urls = environmentUrls([
    new SourceFile('app/.env.example', 'GRAPH=https://graph.microsoft.com/example\nAPI=https://api.contoso.com\n'),
    new SourceFile('app/.env', 'GRAPH="https://graph.microsoft.com/"\nSECRET=abc~def\nNAME=contoso\nEMPTY=\n'),
    new SourceFile('app/api/.env', "API='https://api.fabrikam.com/v2' # the partner\n"),
    new SourceFile('.env', 'ROOT=https://root.contoso.com\n'),
    new SourceFile('app/notes.txt', 'GRAPH=https://not.an.env.file\n'),
  ]);

  it('keeps only URLs, unquoted, the file the app loads winning over its template', () => {
    assert.deepEqual(urls['app'], { GRAPH: 'https://graph.microsoft.com/', API: 'https://api.contoso.com' });
    assert.deepEqual(urls['app/api'], { API: 'https://api.fabrikam.com/v2' });
  });

  it('a file sees its folder\'s values, else the nearest parent\'s', () => {
    assert.equal(environmentUrl(urls, 'app/api/client.js', 'API'), 'https://api.fabrikam.com/v2');
    assert.equal(environmentUrl(urls, 'app/api/client.js', 'GRAPH'), 'https://graph.microsoft.com/');
    assert.equal(environmentUrl(urls, 'app/api/client.js', 'ROOT'), 'https://root.contoso.com');
    assert.equal(environmentUrl(urls, 'other/x.js', 'GRAPH'), undefined);
    assert.equal(environmentUrl(urls, 'app/x.js', 'SECRET'), undefined, 'a secret never enters the extraction');
  });

  it('reads URLs of appsettings.json by their .NET configuration key, comments allowed, broken files ignored', () => {
    const settings = environmentUrls([
      new SourceFile('Api/appsettings.json', '{\n  // Graph\n  "DownstreamApi": { "BaseUrl": "https://graph.microsoft.com/v1.0", "Scopes": ["User.Read"] },\n  "AzureAd": { "ClientSecret": "abc~def", "Instance": "https://login.microsoftonline.com/" },\n}\n'),
      new SourceFile('Api/appsettings.Development.json', '{ "DownstreamApi": { "BaseUrl": "https://graph.microsoft.com/beta" } }'),
      new SourceFile('Other/appsettings.json', '{ "broken": '),
    ]);
    assert.deepEqual(settings['Api'], { 'DownstreamApi:BaseUrl': 'https://graph.microsoft.com/v1.0', 'AzureAd:Instance': 'https://login.microsoftonline.com/' });
    assert.deepEqual(settings['Other'], {});
  });

  it('survives hostile files: a huge .env, deeply nested and non-object settings', () => {
    const huge = Array.from({ length: 100_000 }, (_, i) => `KEY_${i}=https://host-${i}.contoso.com/`).join('\n');
    const deep = `${'{"a":'.repeat(10_000)}"https://graph.microsoft.com"${'}'.repeat(10_000)}`;
    const urls = environmentUrls([new SourceFile('big/.env', huge), new SourceFile('deep/appsettings.json', deep), new SourceFile('list/appsettings.json', '["https://graph.microsoft.com"]')]);
    assert.equal(Object.keys(urls['big']!).length, 100_000);
    assert.deepEqual([urls['deep'], urls['list']], [{}, {}]);
  });

  it('survives hostile Spring configuration: an alias bomb, broken and deeply indented YAML, endless continuation lines', () => {
    // Ten levels of nine aliases each: a billion strings if expanded; the YAML parser refuses it, and the file gives nothing.
    const levels = 'abcdefghij';
    const bomb = ['a: &a ["https://graph.microsoft.com/v1.0", "x", "x", "x", "x", "x", "x", "x", "x"]', ...[...levels.slice(1)].map((name, index) => `${name}: &${name} [${Array.from({ length: 9 }, () => `*${levels[index]}`).join(', ')}]`), 'graph:', '  url: https://graph.microsoft.com/v1.0'].join('\n');
    const urls = environmentUrls([
      new SourceFile('bomb/src/main/resources/application.yml', bomb),
      new SourceFile('broken/src/main/resources/application.yml', 'graph: [unclosed\n  url: https://graph.microsoft.com\n'),
      new SourceFile('deep/src/main/resources/application-dev.yaml', Array.from({ length: 5_000 }, (_, depth) => `${' '.repeat(depth)}k:`).join('\n')),
      new SourceFile('lines/src/main/resources/application.properties', `app.graph.url=https://graph.microsoft.com/v1.0\\\n${'\\\n'.repeat(200_000)}/me\nother.url = https://contoso.com/api\n`),
    ]);
    assert.deepEqual([urls['bomb'], urls['broken'], urls['deep']], [{}, {}, {}]);
    // Java joins continuation lines into one value, however many there are.
    assert.deepEqual(urls['lines'], { 'app.graph.url': 'https://graph.microsoft.com/v1.0/me', 'other.url': 'https://contoso.com/api' });
  });

  it('Spring configuration bound to @ConfigurationProperties types is kept under each type\'s accessor path, relaxed binding matching kebab, camel and snake case', () => {
    const urls = environmentUrls([
      new SourceFile('api/src/main/resources/application.yaml', 'application:\n  ms-graph:\n    base-url: https://graph.microsoft.com/v1.0\n  partner_api:\n    baseUrl: https://api.contoso.com\n  name: api\n'),
      new SourceFile('api/src/main/java/config/ApplicationProperties.java', '@Validated\n@ConfigurationProperties("application")\n@EnableConfigurationProperties({\n  MsGraphProperties.class,\n})\npublic record ApplicationProperties(MsGraphProperties msGraph, PartnerProperties partnerApi) {}\n'),
      new SourceFile('api/src/main/java/config/MsGraphProperties.java', '@ConfigurationProperties(prefix = "application.msGraph")\npublic class MsGraphProperties { private String baseUrl; }\n'),
      new SourceFile('api/src/main/java/config/Unbound.java', '// @ConfigurationProperties("application") is only mentioned here\nclass Unbound {}\n'),
    ]);
    const read = (type: string, ...accessors: string[]) => environmentUrl(urls, 'api/src/main/java/service/Graph.java', springPropertyKey(type, accessors));
    assert.equal(read('ApplicationProperties', 'msGraph', 'baseUrl'), 'https://graph.microsoft.com/v1.0');
    assert.equal(read('ApplicationProperties', 'partnerApi', 'baseUrl'), 'https://api.contoso.com');
    assert.equal(read('MsGraphProperties', 'baseUrl'), 'https://graph.microsoft.com/v1.0');
    assert.equal(read('ApplicationProperties', 'name'), undefined, 'only URLs are kept');
    assert.equal(read('Unbound', 'msGraph', 'baseUrl'), undefined);
  });

  it('options bound in C# code give their section\'s URLs under Type:Property; hostile registrations end with the right ones', () => {
    const settings = new SourceFile('api/appsettings.json', JSON.stringify({ GraphApiUrl: 'https://graph.microsoft.com', Graph: { BaseUrl: 'https://graph.microsoft.com/v1.0', Nested: { Url: 'https://graph.microsoft.com/beta' } } }));
    const startup = new SourceFile('api/Program.cs', [
      'builder.Services.Configure<WebOptions>(builder.Configuration);',
      'builder.Services.Configure<GraphOptions>(builder.Configuration.GetSection("Graph"));',
      // 50,000 registrations that never close, and 20,000 bindings through the same class constant.
      'services.Configure<Broken>('.repeat(50_000),
      'services.Configure<ViaConstant>(config.GetSection(Names.Graph));\n'.repeat(20_000),
    ].join('\n'));
    const names = new SourceFile('api/Names.cs', 'public static class Names { public const string Graph = "Graph"; }');
    const values = environmentUrls([settings, startup, names])['api']!;
    assert.equal(values['WebOptions:GraphApiUrl'], 'https://graph.microsoft.com');
    assert.equal(values['GraphOptions:BaseUrl'], 'https://graph.microsoft.com/v1.0');
    assert.equal(values['ViaConstant:BaseUrl'], 'https://graph.microsoft.com/v1.0');
    assert.equal(values['GraphOptions:Nested:Url'], undefined, 'nested objects are not direct properties');
    assert.equal(values['WebOptions:BaseUrl'], undefined, 'the root binding gives the root\'s own properties only');
    assert.equal(Object.keys(values).filter((key) => key.startsWith('Broken:')).length, 0);
  });

  it('an options instance read with Get<T>() takes the root or the section it is read from; other Get<T>() calls bind nothing', () => {
    const settings = new SourceFile('daemon/appsettings.json', JSON.stringify({ ApiUrl: 'https://graph.microsoft.com/', Graph: { Endpoint: 'https://graph.microsoft.com/beta' } }));
    const program = new SourceFile('daemon/AuthenticationConfig.cs', [
      'Configuration = builder.Build();',
      'return Configuration.Get<AuthenticationConfig>();',
      'var graph = configuration.GetSection("Graph").Get<GraphConfig>();',
      'var cached = cache.Get<CacheConfig>();',
      'var state = new ConfigurationBuilder().AddJsonFile(path).Build().Get<DaemonSettings>();',
    ].join('\n'));
    const values = environmentUrls([settings, program])['daemon']!;
    assert.equal(values['AuthenticationConfig:ApiUrl'], 'https://graph.microsoft.com/');
    assert.equal(values['DaemonSettings:ApiUrl'], 'https://graph.microsoft.com/');
    assert.equal(values['GraphConfig:Endpoint'], 'https://graph.microsoft.com/beta');
    assert.equal(values['CacheConfig:ApiUrl'], undefined, 'a cache is no configuration');
  });
});
