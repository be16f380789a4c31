import { check } from './http-teams-tab-embeddable.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { json, teamsManifest } from '../../../test/harness/manifests.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint } from '../../../test/harness/probe-fixtures.ts';

const tabOn = (host: string) => ({ 'appPackage/manifest.json': json(teamsManifest({ staticTabs: [{ entityId: 'tasks', name: 'Tasks', contentUrl: `https://${host}/tab`, scopes: ['personal'] }], validDomains: [host] })) });
const frameAncestors = (sources: string[]) => endpointWith((s) => Object.assign(s.https as object, { contentSecurityPolicy: `frame-ancestors ${sources.join(' ')}`, frameAncestors: sources }));

checkTester(check, {
  valid: [
    { name: 'a tab host without CSP or X-Frame-Options', files: tabOn('app.fabrikam.com'), probes: [modernEndpoint()] },
    { name: 'frame-ancestors allowing Teams and cloud.microsoft', files: tabOn('app.fabrikam.com'), probes: frameAncestors(["'self'", 'https://teams.microsoft.com', 'https://*.teams.microsoft.com', 'https://*.cloud.microsoft']) },
  ],
  invalid: [
    { name: 'X-Frame-Options DENY on the tab host', files: tabOn('app.fabrikam.com'), probes: endpointWith((s) => Object.assign(s.https as object, { xFrameOptions: 'DENY' })), findings: [{ messageId: 'frameOptions', file: ENDPOINT_LABEL, line: 1 }] },
    { name: 'frame-ancestors from before cloud.microsoft', files: tabOn('app.fabrikam.com'), probes: frameAncestors(["'self'", 'teams.microsoft.com', '*.teams.microsoft.com', '*.skype.com']), findings: [{ messageId: 'ancestors', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notApplicable: [
    { name: 'no Teams tab in the tree', files: {}, probes: [modernEndpoint()] },
    { name: 'the probed host serves no tab', files: tabOn('tabs.fabrikam.com'), probes: endpointWith((s) => Object.assign(s.https as object, { xFrameOptions: 'DENY' })) },
  ],
});
