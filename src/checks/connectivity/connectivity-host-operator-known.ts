// The connectivity walkthrough flags anything not identified as Microsoft (m365-controls.md §2.2 [S1][S9]): every host needs a named operator and purpose.
import { defineCheck } from '../../engine/define-check.ts';
import { CONNECTIVITY_REFERENCES, footprint, sourceLocation } from '../_shared/connectivity.ts';

export const check = defineCheck({
  meta: {
    id: 'connectivity-host-operator-known',
    title: 'Every host the app contacts has a known operator',
    domain: 'connectivity',
    severity: 'medium',
    controls: ['APP-2'],
    appliesTo: [],
    description:
      'Lists hosts the app connects to or serves whose operator m365cert cannot name: not a Microsoft service, not a known third party, not under a publisher domain, or known only at run time (read from a variable or setting the tree does not define). The assessor asks who operates each connection and why; unknown ones also widen the penetration-test scope.',
    remediation:
      'Name the operator: add the publisher\'s own domains to "connectivity.publisherDomains" in m365cert.config.json, or describe the host under "connectivity.hosts" ({ "owner": "third-party", "service": "…", "purpose": "…" }). For hosts built at run time, define the setting in the configuration the tree ships (e.g. env/.env.prod) so it can be resolved.',
    references: CONNECTIVITY_REFERENCES,
    messages: {
      unknown: 'Operator of {{host}} is not known ({{purpose}}){{more}}',
      dynamic: 'Host known only at run time, from {{expression}}: its operator cannot be determined{{more}}',
    },
  },
  run(inventory, context) {
    const hosts = footprint(inventory, context);
    for (const host of hosts ?? []) {
      if (host.owner !== 'unknown' || !host.directions.some((direction) => direction !== 'declared')) continue;
      const first = host.sources[0];
      if (!first) continue;
      const more = host.sourceCount > 1 ? ` (${host.sourceCount - 1} more place(s))` : '';
      if (host.dynamic) context.report({ messageId: 'dynamic', data: { expression: host.dynamic, more }, at: sourceLocation(first), key: host.host });
      else context.report({ messageId: 'unknown', data: { host: host.host, purpose: host.purpose ?? 'contacted', more }, at: sourceLocation(first), key: host.host });
    }
  },
});
