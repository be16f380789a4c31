// TLS 1.2 or higher on every listener (DATA-1 [S2][S16]; v1 allowed 1.1 with 1.2 recommended [S1]).
import { defineCheck } from '../../engine/define-check.ts';
import { ALLOWED_PROTOCOLS } from '../../knowledge/tls/profile.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES, tlsOf } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'tls-protocols-1-2-or-later',
    title: 'Endpoints accept TLS 1.2 or later only',
    domain: 'tls',
    severity: 'high',
    controls: ['DATA-1'],
    appliesTo: [],
    description: 'Offers each protocol version to the endpoint on its own (TLS 1.0, 1.1, 1.2, 1.3) and reports versions below TLS 1.2 that the endpoint accepts, or an endpoint that accepts neither TLS 1.2 nor 1.3.',
    remediation: 'Disable TLS 1.0 and 1.1 on the listener (Azure App Service: minimum TLS version 1.2; Front Door/Application Gateway: a TLS 1.2+ policy; IIS/nginx/Kestrel: the protocols setting) and enable TLS 1.2 and 1.3.',
    references: PROBE_REFERENCES,
    messages: {
      legacy: '{{endpoint}} accepts {{protocols}}',
      noModern: '{{endpoint}} accepts neither TLS 1.2 nor TLS 1.3',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, tlsOf, (snapshot, tls) => {
      const accepted = tls.protocols.filter((protocol) => protocol.accepted).map((protocol) => protocol.protocol);
      const legacy = accepted.filter((protocol) => !ALLOWED_PROTOCOLS.has(protocol));
      if (legacy.length) context.report({ messageId: 'legacy', data: { endpoint: endpointLabel(snapshot), protocols: legacy.join(' and ') }, at: endpointLocation(snapshot), key: `${endpointLabel(snapshot)}|legacy`, evidence: [{ label: 'accepted', value: accepted.join(', ') }] });
      if (!accepted.some((protocol) => ALLOWED_PROTOCOLS.has(protocol))) context.report({ messageId: 'noModern', data: { endpoint: endpointLabel(snapshot) }, at: endpointLocation(snapshot), key: `${endpointLabel(snapshot)}|modern` });
    });
  },
});
