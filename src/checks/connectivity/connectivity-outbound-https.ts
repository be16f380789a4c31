// Plaintext is allowed only for redirects, probes, revocation fetches and localhost (submission guide, appendix A).
import { defineCheck } from '../../engine/define-check.ts';
import { CONNECTIVITY_REFERENCES, footprint, reportPlainConnections } from '../_shared/connectivity.ts';

export const check = defineCheck({
  meta: {
    id: 'connectivity-outbound-https',
    title: 'Connections to third-party and Microsoft services use TLS',
    domain: 'connectivity',
    severity: 'high',
    controls: ['DATA-4', 'APP-2'],
    appliesTo: [],
    description:
      'Finds connections the code, configuration, infrastructure or recorded traffic makes over plain http:// or ws:// to hosts that are not the publisher\'s own (third parties, Microsoft, hosts of unknown operator). Data sent this way is readable and changeable on the network; the certification requires all traffic in transit to be encrypted.',
    remediation: 'Use the https:// (or wss://) endpoint of the service. If the service offers no TLS endpoint, route the traffic through one that does or stop sending data to it.',
    references: CONNECTIVITY_REFERENCES,
    messages: {
      plain: 'Plain-text connection to {{host}} ({{owner}}): {{url}}{{more}}',
    },
  },
  run(inventory, context) {
    const hosts = footprint(inventory, context);
    // The publisher's own hosts are connectivity-publisher-backend-https's.
    if (hosts) reportPlainConnections(hosts, (host) => host.owner !== 'publisher', context, 'plain', (host, url) => ({ host: host.host, owner: host.service ?? host.owner, url }));
  },
});
