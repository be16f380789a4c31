// All traffic encrypted in transit (DATA-4): a cookie without Secure is sent over plain HTTP too.
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'http-cookies-secure',
    title: 'Cookies are Secure and HttpOnly',
    domain: 'http',
    severity: 'medium',
    controls: ['DATA-4'],
    appliesTo: [],
    description: 'Reads the cookies the HTTPS response sets: without Secure the browser also sends them over plain HTTP; without HttpOnly page scripts can read them; SameSite is reported as evidence.',
    remediation: 'Set cookies with Secure; HttpOnly; SameSite=Lax (or Strict; None only with Secure for cross-site embedding such as Teams tabs).',
    references: PROBE_REFERENCES,
    messages: {
      insecure: '{{endpoint}} sets cookie {{name}} without {{missing}}',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.https, (snapshot, https) => {
      for (const cookie of https.cookies) {
        const missing = [cookie.secure ? '' : 'Secure', cookie.httpOnly ? '' : 'HttpOnly'].filter(Boolean);
        if (missing.length) context.report({ messageId: 'insecure', data: { endpoint: endpointLabel(snapshot), name: cookie.name, missing: missing.join(' and ') }, at: endpointLocation(snapshot), key: `${endpointLabel(snapshot)}|${cookie.name}`, evidence: [{ label: 'SameSite', value: cookie.sameSite ?? 'not set' }] });
      }
    });
  },
});
