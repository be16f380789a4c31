// Teams tab pages must allow the Teams and Microsoft 365 hosts as frame ancestors (Teams tab requirements, learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements).
import { defineCheck } from '../../engine/define-check.ts';
import { endpointLabel, endpointLocation, forEachProbe, PROBE_REFERENCES } from '../_shared/probes.ts';

/** Hosts Teams renders tabs from: the classic Teams host and the cloud.microsoft domain the web clients move to. */
const REQUIRED_ANCESTORS: { name: string; allowedBy: RegExp }[] = [
  { name: 'teams.microsoft.com', allowedBy: /^(https:\/\/)?(teams\.microsoft\.com|\*\.teams\.microsoft\.com)$/i },
  { name: '*.cloud.microsoft', allowedBy: /^(https:\/\/)?(\*\.cloud\.microsoft|teams\.cloud\.microsoft)$/i },
];

export const check = defineCheck({
  meta: {
    id: 'http-teams-tab-embeddable',
    title: 'Teams tab pages allow Teams and Microsoft 365 to frame them',
    domain: 'http',
    severity: 'medium',
    controls: ['APP-BASE'],
    appliesTo: ['teams-app', 'office-addin-unified'],
    description: 'For probed endpoints that serve the tab pages of a Teams manifest in the tree: X-Frame-Options must not forbid framing, and a Content-Security-Policy frame-ancestors directive, when present, must allow teams.microsoft.com (or *.teams.microsoft.com) and *.cloud.microsoft, the hosts the Teams clients render tabs from.',
    remediation: 'Send "Content-Security-Policy: frame-ancestors \'self\' teams.microsoft.com *.teams.microsoft.com *.cloud.microsoft *.office.com *.microsoft365.com outlook.office.com" on tab pages and drop X-Frame-Options DENY/SAMEORIGIN there.',
    references: ['https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/tab-requirements', ...PROBE_REFERENCES],
    messages: {
      frameOptions: '{{endpoint}} serves Teams tab pages with X-Frame-Options {{value}}, which stops Teams from showing them',
      ancestors: '{{endpoint}} serves Teams tab pages whose frame-ancestors do not allow {{missing}}',
    },
  },
  run(inventory, context) {
    const tabHosts = new Set((inventory.connectivity?.publicEndpoints ?? []).filter((endpoint) => endpoint.kind === 'url' && /Teams .*tab page/.test(endpoint.purpose) && endpoint.host).map((endpoint) => endpoint.host!));
    if (!tabHosts.size) return context.notApplicable('no Teams tab page host in the tree\'s manifests');
    forEachProbe(inventory, context, (snapshot) => (tabHosts.has(snapshot.target.host) ? snapshot.https : undefined), (snapshot, https) => {
      const endpoint = endpointLabel(snapshot);
      if (https.xFrameOptions && /deny|sameorigin/i.test(https.xFrameOptions)) context.report({ messageId: 'frameOptions', data: { endpoint, value: https.xFrameOptions }, at: endpointLocation(snapshot), key: `${endpoint}|xfo` });
      if (https.frameAncestors) {
        const missing = REQUIRED_ANCESTORS.filter((required) => !https.frameAncestors!.some((source) => required.allowedBy.test(source) || source === '*'));
        if (missing.length) context.report({ messageId: 'ancestors', data: { endpoint, missing: missing.map((required) => required.name).join(' and ') }, at: endpointLocation(snapshot), key: `${endpoint}|ancestors`, evidence: [{ label: 'frame-ancestors', value: https.frameAncestors.join(' ') }] });
      }
    });
  },
});
