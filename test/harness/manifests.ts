/** Builders for realistic manifests used by check tests; each returns pretty-printed text so lines are stable. */

export function teamsManifest(overrides: Record<string, unknown> = {}, version = '1.17'): Record<string, unknown> {
  return {
    $schema: `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
    manifestVersion: version,
    version: '1.0.0',
    id: '2d3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a6b',
    developer: {
      name: 'Fabrikam',
      websiteUrl: 'https://www.fabrikam.com',
      privacyUrl: 'https://www.fabrikam.com/privacy',
      termsOfUseUrl: 'https://www.fabrikam.com/terms',
    },
    icons: { color: 'color.png', outline: 'outline.png' },
    name: { short: 'Fabrikam Tasks', full: 'Fabrikam Tasks for Teams' },
    description: { short: 'Track tasks in Teams.', full: 'Create, assign and track tasks without leaving Microsoft Teams.' },
    accentColor: '#FFFFFF',
    staticTabs: [{ entityId: 'tasks', name: 'Tasks', contentUrl: 'https://tasks.fabrikam.com/tab', scopes: ['personal'] }],
    validDomains: ['tasks.fabrikam.com'],
    ...overrides,
  };
}

export function json(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}

/** 1-based line of the first line containing `needle`; throws so a wrong needle fails the test loudly. */
export function lineOf(text: string, needle: string, occurrence = 1): number {
  const lines = text.split('\n');
  let seen = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++seen === occurrence) return i + 1;
  }
  throw new Error(`"${needle}" not found ${occurrence} time(s) in fixture`);
}

export function addinXml(body: string): string {
  return `<?xml version="1.0" encoding="UTF-8"?>
<OfficeApp xmlns="http://schemas.microsoft.com/office/appforoffice/1.1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:mailappor="http://schemas.microsoft.com/office/mailappversionoverrides/1.0" xsi:type="MailApp">
  <Id>7164e750-dc86-49c0-b548-1bac57abdc7c</Id>
  <Version>1.0.0.0</Version>
  <ProviderName>Fabrikam</ProviderName>
  <DefaultLocale>en-US</DefaultLocale>
  <DisplayName DefaultValue="Fabrikam Mail Helper"/>
  <Description DefaultValue="Files messages into Fabrikam cases."/>
  <IconUrl DefaultValue="https://addin.fabrikam.com/assets/icon-64.png"/>
  <SupportUrl DefaultValue="https://www.fabrikam.com/help"/>
${body}
</OfficeApp>
`;
}

export function spfxSolution(solution: Record<string, unknown>): Record<string, unknown> {
  return {
    $schema: 'https://developer.microsoft.com/json-schemas/spfx-build/package-solution.schema.2.0.json',
    solution: { name: 'fabrikam-news-client-side-solution', id: 'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d', version: '1.0.0.0', includeClientSideAssets: true, ...solution },
    paths: { zippedPackage: 'solution/fabrikam-news.sppkg' },
  };
}

/** An Agents Toolkit aad.manifest.json requesting Microsoft Graph permissions by name ("Scope" delegated, "Role" application). */
export function aadManifest(access: [string, 'Scope' | 'Role'][]): string {
  return json({
    id: '${{AAD_APP_OBJECT_ID}}',
    appId: '${{AAD_APP_CLIENT_ID}}',
    name: 'fabrikam-tasks-aad',
    signInAudience: 'AzureADMultipleOrgs',
    requiredResourceAccess: [{ resourceAppId: 'Microsoft Graph', resourceAccess: access.map(([id, type]) => ({ id, type })) }],
  });
}

/** Backend code that calls Graph on behalf of the signed-in user; `calls` are statements using `graph`. */
export function oboBackend(calls: string): string {
  return `import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';

const msal = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID!, clientSecret: process.env.CLIENT_SECRET! } });

export async function handle(ssoToken: string, id: string) {
  const token = await msal.acquireTokenOnBehalfOf({ oboAssertion: ssoToken, scopes: ['https://graph.microsoft.com/.default'] });
  const graph = Client.init({ authProvider: (done) => done(null, token!.accessToken) });
${calls}
}
`;
}

/** A daemon that calls Graph app-only with client credentials. */
export function daemon(calls: string): string {
  return `import { ConfidentialClientApplication } from '@azure/msal-node';
import { Client } from '@microsoft/microsoft-graph-client';

const msal = new ConfidentialClientApplication({ auth: { clientId: process.env.CLIENT_ID!, clientSecret: process.env.CLIENT_SECRET! } });

export async function nightly(id: string) {
  const token = await msal.acquireTokenByClientCredential({ scopes: ['https://graph.microsoft.com/.default'] });
  const graph = Client.init({ authProvider: (done) => done(null, token!.accessToken) });
${calls}
}
`;
}
