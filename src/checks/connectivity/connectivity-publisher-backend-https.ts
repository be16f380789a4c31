// The publisher's own backend is in the certification's scope: every listener TLS 1.2+, all traffic encrypted (data handling, in transit).
import { defineCheck } from '../../engine/define-check.ts';
import { CONNECTIVITY_REFERENCES, footprint, plainSources, sourceLocation } from '../_shared/connectivity.ts';

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
    for (const host of hosts ?? []) {
      if (host.owner !== 'publisher') continue;
      const [first, ...others] = plainSources(host);
      if (!first) continue;
      context.report({
        messageId: 'plain',
        data: { host: host.host, service: host.service === "publisher's domain" ? 'host' : (host.service ?? 'host').replace(/ \(publisher's resource\)$/, ''), url: first.url ?? host.host, more: others.length ? ` (${others.length} more place(s))` : '' },
        at: sourceLocation(first),
        key: host.host,
        evidence: others.slice(0, 20).map((source) => ({ label: 'also at', value: `${source.file}:${source.line}` })),
      });
    }
  },
});
