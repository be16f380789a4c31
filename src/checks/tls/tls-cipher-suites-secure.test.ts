import { check } from './tls-cipher-suites-secure.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },],
  invalid: [
    { name: 'RC4 and NULL accepted over TLS 1.2', files: {}, probes: endpointWith((s) => s.tls!.protocols[2]!.suites!.push({ code: 5, iana: 'TLS_RSA_WITH_RC4_128_SHA', openssl: 'RC4-SHA', strength: 'insecure', reasons: ['RC4 stream cipher'] }, { code: 2, iana: 'TLS_RSA_WITH_NULL_SHA', openssl: 'NULL-SHA', strength: 'insecure', reasons: ['no encryption (NULL)'] })), findings: [{ messageId: 'insecure', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
