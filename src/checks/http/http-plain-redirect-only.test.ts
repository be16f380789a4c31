import { check } from './http-plain-redirect-only.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },
    { name: 'port 80 closed', files: {}, probes: endpointWith((s) => (s.plainHttp = { failure: 'HTTP request failed: connection refused' })) },],
  invalid: [
    { name: 'content and a cookie over plain HTTP', files: {}, probes: endpointWith((s) => (s.plainHttp = { url: 'http://app.fabrikam.com/', status: 200, redirectsToHttps: false, setsCookies: ['tracking'] })), findings: [{ messageId: 'content', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'cookies', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
