// Plain HTTP allowed only for redirects to HTTPS carrying no cookies (v1 App. A [S1]).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'http-plain-redirect-only',
    title: 'Plain HTTP only redirects to HTTPS and sets no cookie',
    domain: 'http',
    severity: 'high',
    controls: ['DATA-4'],
    appliesTo: [],
    description: 'Requests the endpoint over plain HTTP (port 80 for an HTTPS endpoint on 443): the only allowed answer is a redirect to https:// without Set-Cookie. A closed port 80 passes.',
    remediation: 'Answer every plain-HTTP request with a 301/308 to the https:// URL and nothing else (App Service: HTTPS Only; Front Door: redirect rule), or close port 80.',
    references: PROBE_REFERENCES,
    messages: {
      content: '{{url}} answers {{status}} over plain HTTP instead of redirecting to HTTPS',
      cookies: '{{url}} sets cookie(s) over plain HTTP: {{cookies}}',
    },
  },
  run(inventory, context) {
    // A refused connection on port 80 is the best answer: nothing is served in plain text.
    forEachProbe(inventory, context, (snapshot) => (snapshot.plainHttp && 'failure' in snapshot.plainHttp && /connection refused/.test(snapshot.plainHttp.failure) ? ('closed' as const) : snapshot.plainHttp), (snapshot, plain) => {
      if (plain === 'closed') return;
      const at = endpointLocation(snapshot);
      if (!plain.redirectsToHttps) context.report({ messageId: 'content', data: { url: plain.url, status: String(plain.status) }, at, key: `${endpointLabel(snapshot)}|content`, evidence: plain.location ? [{ label: 'Location', value: plain.location }] : [] });
      if (plain.setsCookies.length) context.report({ messageId: 'cookies', data: { url: plain.url, cookies: plain.setsCookies.join(', ') }, at, key: `${endpointLabel(snapshot)}|cookies` });
    });
  },
});
