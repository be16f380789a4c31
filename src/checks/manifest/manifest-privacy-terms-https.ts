// developer.privacyUrl / termsOfUseUrl: https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#developer
import { defineCheck } from '../../engine/define-check.ts';
import { isTeamsSchemaManifest, jsonLocation } from '../../extract/inventory.ts';
import { hasPlaceholder, isRecord } from '../_shared/json-values.ts';

const LINKS = [
  { key: 'privacyUrl', label: 'privacy notice' },
  { key: 'termsOfUseUrl', label: 'terms of use' },
] as const;

export const check = defineCheck({
  meta: {
    id: 'manifest-privacy-terms-https',
    title: 'App manifests link a privacy notice and terms of use over HTTPS',
    domain: 'manifest',
    severity: 'high',
    controls: ['DATA-8'],
    appliesTo: ['teams-app', 'office-addin-unified'],
    description:
      'The certification fails an app without a suitable GDPR privacy notice. The Teams / Microsoft 365 manifest carries the links users and analysts follow: developer.privacyUrl and developer.termsOfUseUrl must be present and use HTTPS.',
    remediation: 'Publish the privacy notice and terms of use on an HTTPS page you control and set developer.privacyUrl and developer.termsOfUseUrl to those https:// URLs.',
    references: ['https://learn.microsoft.com/microsoftteams/platform/resources/schema/manifest-schema#developer', 'https://learn.microsoft.com/microsoft-365-app-certification/docs/data-handling'],
    messages: {
      missing: 'The manifest has no developer.{{key}} ({{label}} link)',
      notHttps: 'developer.{{key}} ({{label}}) is not an https:// URL: {{url}}',
    },
  },
  run(inventory, context) {
    for (const manifest of inventory.manifests) {
      if (!isTeamsSchemaManifest(manifest)) continue;
      const developer = (manifest.doc.value as { developer?: unknown }).developer;
      for (const { key, label } of LINKS) {
        const url = isRecord(developer) ? developer[key] : undefined;
        if (typeof url !== 'string' || url.trim() === '') {
          context.report({ messageId: 'missing', data: { key, label }, at: jsonLocation(manifest, ['developer', key]), key });
        } else if (hasPlaceholder(url)) {
          context.notAssessed(`${manifest.file}: developer.${key} is filled at provisioning time (${url})`);
        } else if (!/^https:\/\/[^/\s]+/i.test(url.trim())) {
          context.report({ messageId: 'notHttps', data: { key, label, url }, at: jsonLocation(manifest, ['developer', key]), key });
        }
      }
    }
  },
});
