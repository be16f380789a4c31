// Version banners tell an attacker which advisories apply; pentests report them (information disclosure).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

export const check = defineCheck({
  meta: {
    id: 'http-no-version-banner',
    title: 'Responses reveal no server or framework versions',
    domain: 'http',
    severity: 'low',
    controls: ['APP-BASE'],
    appliesTo: [],
    description: 'Reports Server, X-Powered-By, X-AspNet-Version and X-AspNetMvc-Version headers that carry a version number.',
    remediation: 'Remove the headers or their versions (Express: app.disable("x-powered-by"); Kestrel: AddServerHeader = false; IIS: removeServerHeader and enableVersionHeader="false").',
    references: PROBE_REFERENCES,
    messages: {
      banner: '{{endpoint}} reveals {{header}}: {{value}}',
    },
  },
  run(inventory, context) {
    forEachProbe(inventory, context, (snapshot) => snapshot.https, (snapshot, https) => {
      for (const banner of https.banners.filter((candidate) => candidate.revealsVersion)) context.report({ messageId: 'banner', data: { endpoint: endpointLabel(snapshot), header: banner.header, value: banner.value }, at: endpointLocation(snapshot), key: `${endpointLabel(snapshot)}|${banner.header}` });
    });
  },
});
