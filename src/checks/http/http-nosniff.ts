// X-Content-Type-Options: nosniff stops browsers from running a response as a script of another type; part of the header baseline assessors' scans report.
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'http-nosniff',
    title: 'Responses send X-Content-Type-Options: nosniff',
    domain: 'http',
    severity: 'low',
    controls: ['APP-BASE'],
    appliesTo: [],
    description: 'Reports HTTPS responses without "X-Content-Type-Options: nosniff".',
    remediation: 'Send "X-Content-Type-Options: nosniff" on every response (e.g. helmet() in Express, a middleware or web.config customHeaders in ASP.NET).',
    references: PROBE_REFERENCES,
    messages: {
      missing: '{{endpoint}} does not send X-Content-Type-Options: nosniff',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.https, (snapshot, https) => {
      if (!/^\s*nosniff\s*$/i.test(https.xContentTypeOptions ?? '')) context.report({ messageId: 'missing', data: { endpoint: endpointLabel(snapshot) }, at: endpointLocation(snapshot), key: endpointLabel(snapshot) });
    });
  },
});
