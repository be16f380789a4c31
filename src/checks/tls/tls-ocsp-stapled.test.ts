import { check } from './tls-ocsp-stapled.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [
    { name: 'a stapled response', files: {}, probes: [modernEndpoint()] },
    { name: 'a private certificate without a responder', files: {}, probes: endpointWith((s) => Object.assign(s.tls!.certificate!, { trusted: false, ocspStapled: false })) },
  ],
  invalid: [{ name: 'a public certificate without stapling', files: {}, probes: endpointWith((s) => (s.tls!.certificate!.ocspStapled = false)), findings: [{ messageId: 'missing', file: ENDPOINT_LABEL, line: 1 }] }],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
