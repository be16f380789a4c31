import { check } from './tls-secure-renegotiation.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] }],
  invalid: [
    { name: 'no renegotiation_info in the ServerHello', files: {}, probes: endpointWith((s) => (s.tls!.secureRenegotiation = false)), findings: [{ messageId: 'insecure', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
