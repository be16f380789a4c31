import { check } from './http-cors-no-reflected-origin.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },
    { name: 'a public API echoing origins without credentials', files: {}, probes: endpointWith((s) => ((s.https as { cors: unknown }).cors = { allowOrigin: 'https://m365cert-probe.invalid', allowCredentials: false, reflectsForeignOrigin: true })) },],
  invalid: [
    { name: 'a foreign origin echoed with credentials', files: {}, probes: endpointWith((s) => ((s.https as { cors: unknown }).cors = { allowOrigin: 'https://m365cert-probe.invalid', allowCredentials: true, reflectsForeignOrigin: true })), findings: [{ messageId: 'reflected', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
