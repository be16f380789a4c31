import { check } from './http-hsts-180-days.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },],
  invalid: [
    { name: 'no HSTS header', files: {}, probes: endpointWith((s) => delete (s.https as { hsts?: unknown }).hsts), findings: [{ messageId: 'missing', file: ENDPOINT_LABEL, line: 1 }] },
    { name: 'one hour, no includeSubDomains', files: {}, probes: endpointWith((s) => ((s.https as { hsts: unknown }).hsts = { raw: 'max-age=3600', maxAge: 3600, includeSubDomains: false, preload: false })), findings: [{ messageId: 'short', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'subdomains', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
