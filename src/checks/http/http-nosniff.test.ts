import { check } from './http-nosniff.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] }],
  invalid: [
    { name: 'no X-Content-Type-Options', files: {}, probes: endpointWith((s) => delete (s.https as { xContentTypeOptions?: string }).xContentTypeOptions), findings: [{ messageId: 'missing', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
