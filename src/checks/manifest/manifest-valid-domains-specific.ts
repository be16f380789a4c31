// Teams validDomains: https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#validdomains
// Add-in AppDomains: https://learn.microsoft.com/javascript/api/manifest/appdomains
import { defineCheck } from '../../engine/define-check.ts';
import { isTeamsSchemaManifest, jsonLocation, xmlLocation } from '../../extract/inventory.ts';
import { childrenNamed, firstChild } from '../../sources/formats/xml.ts';
import type { Location } from '../../engine/types.ts';
import { hasPlaceholder } from '../_shared/json-values.ts';

/**
 * Suffixes under which anyone can get a host name: a wildcard on them lets the app (and its tabs, auth
 * pop-ups and links) reach servers other publishers control. Curated from the hosting platforms'
 * documentation of their default domains; public suffixes of two labels are listed for the common
 * country-code registries.
 */
export const SHARED_HOSTING_SUFFIXES = [
  'azurewebsites.net', 'azurestaticapps.net', 'cloudapp.azure.com', 'cloudapp.net', 'blob.core.windows.net', 'web.core.windows.net',
  'azureedge.net', 'azurefd.net', 'trafficmanager.net', 'azure-api.net', 'azurecontainerapps.io', 'devtunnels.ms',
  'sharepoint.com', 'onmicrosoft.com', 'ngrok.io', 'ngrok-free.app', 'ngrok.app', 'loca.lt', 'herokuapp.com', 'github.io',
  'vercel.app', 'netlify.app', 'pages.dev', 'workers.dev', 'firebaseapp.com', 'web.app', 'appspot.com', 'cloudfront.net',
  'amazonaws.com', 'onrender.com', 'fly.dev', 'glitch.me', 'repl.co',
];
const TWO_LABEL_PUBLIC_SUFFIXES = ['co.uk', 'org.uk', 'ac.uk', 'gov.uk', 'com.au', 'net.au', 'co.nz', 'co.jp', 'co.in', 'com.br', 'com.cn', 'co.za', 'com.mx'];

export type DomainVerdict = { kind: 'wildcardAll' } | { kind: 'sharedSuffix'; suffix: string } | { kind: 'ok' };

export function judgeDomain(entry: string): DomainVerdict {
  const domain = entry.trim().toLowerCase().replace(/^[a-z]+:\/\//, '').replace(/[/:].*$/, '');
  if (!domain.includes('*')) return { kind: 'ok' };
  const labels = domain.split('.');
  // Only a single leading "*." label is a meaningful wildcard; anything else matches more than it seems.
  if (labels[0] !== '*' || labels.slice(1).some((label) => label.includes('*'))) return { kind: 'wildcardAll' };
  const rest = labels.slice(1).join('.');
  if (labels.length <= 2 || TWO_LABEL_PUBLIC_SUFFIXES.includes(rest)) return { kind: 'wildcardAll' };
  const suffix = SHARED_HOSTING_SUFFIXES.find((shared) => rest === shared);
  return suffix ? { kind: 'sharedSuffix', suffix } : { kind: 'ok' };
}

export const check = defineCheck({
  meta: {
    id: 'manifest-valid-domains-specific',
    title: 'Valid domains and add-in AppDomains name only hosts the publisher controls',
    domain: 'manifest',
    severity: 'high',
    controls: ['APP-BASE', 'APP-2'],
    appliesTo: ['teams-app', 'office-addin-unified', 'office-addin-xml'],
    description:
      'Looks at Teams validDomains and Office add-in AppDomains for wildcards that match whole top-level domains or shared hosting platforms (for example *.azurewebsites.net or *.ngrok.io), where anyone can host a page the app would trust.',
    remediation: 'List the exact host names the app loads (app.contoso.com) or a wildcard under a domain you own (*.contoso.com); remove wildcards on shared hosting suffixes and development tunnels.',
    references: ['https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#validdomains', 'https://learn.microsoft.com/javascript/api/manifest/appdomains'],
    messages: {
      wildcardAll: 'Valid domain "{{domain}}" matches hosts of every owner (a bare or top-level wildcard)',
      sharedSuffix: 'Valid domain "{{domain}}" trusts every tenant of the shared suffix {{suffix}}',
    },
  },
  run(inventory, context) {
    const judge = (domain: string, at: Location) => {
      if (hasPlaceholder(domain)) return;
      const verdict = judgeDomain(domain);
      if (verdict.kind === 'wildcardAll') context.report({ messageId: 'wildcardAll', data: { domain }, at, key: domain });
      if (verdict.kind === 'sharedSuffix') context.report({ messageId: 'sharedSuffix', data: { domain, suffix: verdict.suffix }, at, key: domain });
    };
    for (const manifest of inventory.manifests) {
      if (isTeamsSchemaManifest(manifest)) {
        const domains = (manifest.doc.value as { validDomains?: unknown }).validDomains;
        if (!Array.isArray(domains)) continue;
        domains.forEach((domain, index) => {
          if (typeof domain === 'string') judge(domain, jsonLocation(manifest, ['validDomains', index]));
        });
      } else if (manifest.format === 'xml' && manifest.kind === 'office-addin-xml') {
        const appDomains = firstChild(manifest.doc.root, 'AppDomains');
        for (const element of appDomains ? childrenNamed(appDomains, 'AppDomain') : []) judge(element.text.trim(), xmlLocation(manifest, element));
      }
    }
  },
});
