import { check } from './tls-cipher-suites-forward-secret.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },],
  invalid: [
    { name: 'static RSA accepted over TLS 1.2', files: {}, probes: endpointWith((s) => s.tls!.protocols[2]!.suites!.push({ code: 0x9c, iana: 'TLS_RSA_WITH_AES_128_GCM_SHA256', openssl: 'AES128-GCM-SHA256', strength: 'weak', reasons: ['static RSA key exchange: no forward secrecy'] })), findings: [{ messageId: 'weak', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
