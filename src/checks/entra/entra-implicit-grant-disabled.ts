// https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow
// https://learn.microsoft.com/entra/identity-platform/reference-app-manifest
import { defineCheck } from '../../engine/define-check.ts';
import { jsonLocation, type JsonManifest } from '../../extract/inventory.ts';
import { isRecord } from '../_shared/json-values.ts';

interface ImplicitSetting {
  path: string[];
  token: 'access' | 'ID';
}

/** Where each manifest shape keeps the implicit-grant switches. */
function implicitSettings(manifest: JsonManifest): ImplicitSetting[] {
  const value = manifest.doc.value as Record<string, unknown>;
  const enabled: ImplicitSetting[] = [];
  if (value.oauth2AllowImplicitFlow === true) enabled.push({ path: ['oauth2AllowImplicitFlow'], token: 'access' });
  if (value.oauth2AllowIdTokenImplicitFlow === true) enabled.push({ path: ['oauth2AllowIdTokenImplicitFlow'], token: 'ID' });
  const web = value.web;
  const settings = isRecord(web) ? web.implicitGrantSettings : undefined;
  if (isRecord(settings)) {
    if (settings.enableAccessTokenIssuance === true) enabled.push({ path: ['web', 'implicitGrantSettings', 'enableAccessTokenIssuance'], token: 'access' });
    if (settings.enableIdTokenIssuance === true) enabled.push({ path: ['web', 'implicitGrantSettings', 'enableIdTokenIssuance'], token: 'ID' });
  }
  return enabled;
}

export const check = defineCheck({
  meta: {
    id: 'entra-implicit-grant-disabled',
    title: 'App registrations do not enable the OAuth implicit grant',
    domain: 'entra',
    severity: 'medium',
    controls: ['APP-BASE'],
    appliesTo: ['entra-app', 'toolkit-aad-manifest'],
    description:
      'The implicit grant returns tokens in the browser URL, where history, logs and referrers can leak them, and Microsoft recommends the authorization code flow with PKCE instead. Apps registered with implicit access-token issuance enabled expose their Graph permissions to that risk.',
    remediation: 'Switch the client to the authorization code flow with PKCE (MSAL.js 2 or later) and set oauth2AllowImplicitFlow / web.implicitGrantSettings.enableAccessTokenIssuance (and the ID-token switch, unless a hybrid flow needs it) to false.',
    references: ['https://learn.microsoft.com/entra/identity-platform/v2-oauth2-implicit-grant-flow'],
    messages: {
      implicitGrant: 'The implicit grant issues {{token}} tokens ({{setting}} is true)',
    },
  },
  run(inventory, context) {
    for (const manifest of inventory.manifests) {
      if ((manifest.kind !== 'entra-app' && manifest.kind !== 'toolkit-aad-manifest') || manifest.format !== 'json') continue;
      for (const setting of implicitSettings(manifest)) {
        const name = setting.path.join('.');
        context.report({ messageId: 'implicitGrant', data: { token: setting.token, setting: name }, at: jsonLocation(manifest, setting.path, true), key: name });
      }
    }
  },
});
