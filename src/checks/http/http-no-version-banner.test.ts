import { check } from './http-no-version-banner.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] }],
  invalid: [
    { name: 'Express and Kestrel versions', files: {}, probes: endpointWith((s) => ((s.https as { banners: unknown[] }).banners = [{ header: 'x-powered-by', value: 'Express 4.18.2', revealsVersion: true }, { header: 'server', value: 'Kestrel/8.0.1', revealsVersion: true }])), findings: [{ messageId: 'banner', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'banner', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
