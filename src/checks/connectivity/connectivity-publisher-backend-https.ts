// The publisher's own backend is in the certification's scope: every listener TLS 1.2+, all traffic encrypted (data handling, in transit).
import { defineCheck } from '../../engine/define-check.ts';
import type { HostEntry } from '../../extract/hosts/index.ts';
import { CONNECTIVITY_REFERENCES, footprint, reportPlainConnections } from '../_shared/connectivity.ts';

export const check = defineCheck({
  meta: {
    id: 'connectivity-publisher-backend-https',
    title: 'The publisher\'s own backend is reached only over TLS',
    domain: 'connectivity',
    severity: 'high',
    controls: ['DATA-4', 'DATA-1'],
    appliesTo: [],
    description:
      'Finds plain http:// or ws:// URLs of the publisher\'s own services (its domains, the hosts its manifests serve from, its Azure resources such as App Service, Storage or Azure OpenAI) in code, configuration, OpenAPI descriptions, infrastructure-as-code or recorded traffic. The publisher\'s endpoints must accept TLS 1.2 or later only, so a plain-text URL is either a failing listener or a configuration error.',
    remediation: 'Serve the endpoint over HTTPS only (App Service: httpsOnly and minimum TLS 1.2; Storage: secure transfer required) and change the URL to https:// or wss://.',
    references: CONNECTIVITY_REFERENCES,
    messages: {
      plain: 'The publisher\'s {{service}} {{host}} is reached over plain text: {{url}}{{more}}',
    },
  },
  run(inventory, context) {
    const hosts = footprint(inventory, context);
    if (hosts) {
      const serviceOf = (host: HostEntry) => (host.service === "publisher's domain" ? 'host' : (host.service ?? 'host').replace(/ \(publisher's resource\)$/, ''));
      reportPlainConnections(hosts, (host) => host.owner === 'publisher', context, 'plain', (host, url) => ({ host: host.host, service: serviceOf(host), url }));
    }
  },
});
