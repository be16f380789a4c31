// An API that echoes any Origin with credentials lets any site act as the signed-in user: a baseline finding assessors' pentests flag.
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'http-cors-no-reflected-origin',
    title: 'CORS does not allow any origin with credentials',
    domain: 'http',
    severity: 'high',
    controls: ['APP-BASE'],
    appliesTo: [],
    description: 'Sends the HTTPS request with a foreign Origin and reports an endpoint that echoes it in Access-Control-Allow-Origin (or answers * together with Access-Control-Allow-Credentials: true).',
    remediation: 'Allow only the origins the app needs (for Teams tabs, the app\'s own origin and the Microsoft 365 hosts), never echo the request\'s Origin, and allow credentials only for those origins.',
    references: PROBE_REFERENCES,
    messages: {
      reflected: '{{endpoint}} allows the foreign origin {{origin}}{{credentials}}',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.https, (snapshot, https) => {
      if (https.cors.reflectsForeignOrigin && https.cors.allowCredentials) context.report({ messageId: 'reflected', data: { endpoint: endpointLabel(snapshot), origin: https.cors.allowOrigin ?? '', credentials: https.cors.allowCredentials ? ' with credentials' : '' }, at: endpointLocation(snapshot), key: endpointLabel(snapshot) });
    });
  },
});
