// HSTS enabled on all sites, max-age ≥ 15552000 s (DATA-3 [S1][S16]).
import { defineCheck } from '../../engine/define-check.ts';
import { MIN_HSTS_SECONDS } from '../../knowledge/tls/profile.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'http-hsts-180-days',
    title: 'HTTPS responses carry HSTS of at least 180 days',
    domain: 'http',
    severity: 'high',
    controls: ['DATA-3'],
    appliesTo: [],
    description: `Reads the Strict-Transport-Security header of the endpoint's HTTPS response (after same-host redirects): it must be present with max-age of at least ${MIN_HSTS_SECONDS} seconds (180 days); includeSubDomains is reported when missing.`,
    remediation: `Send "Strict-Transport-Security: max-age=31536000; includeSubDomains" on every HTTPS response (App Service: app middleware such as UseHsts(); Front Door: a rule set response header).`,
    references: PROBE_REFERENCES,
    messages: {
      missing: '{{endpoint}} sends no Strict-Transport-Security header',
      short: '{{endpoint}}: HSTS max-age is {{maxAge}} s, below {{minimum}} s (180 days)',
      subdomains: '{{endpoint}}: HSTS lacks includeSubDomains',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.https, (snapshot, https) => {
      const endpoint = endpointLabel(snapshot);
      const at = endpointLocation(snapshot);
      if (!https.hsts) return context.report({ messageId: 'missing', data: { endpoint }, at, key: `${endpoint}|missing` });
      if ((https.hsts.maxAge ?? 0) < MIN_HSTS_SECONDS) context.report({ messageId: 'short', data: { endpoint, maxAge: String(https.hsts.maxAge ?? 0), minimum: String(MIN_HSTS_SECONDS) }, at, key: `${endpoint}|short`, evidence: [{ label: 'header', value: https.hsts.raw }] });
      if (!https.hsts.includeSubDomains) context.report({ messageId: 'subdomains', data: { endpoint }, at, key: `${endpoint}|subdomains`, evidence: [{ label: 'header', value: https.hsts.raw }] });
    });
  },
});
