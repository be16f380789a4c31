import { check } from './tls-key-exchange-strong.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] }],
  invalid: [
    { name: 'a 1024-bit DH group over TLS 1.2', files: {}, probes: endpointWith((s) => s.tls!.protocols[2]!.keyExchange!.push({ group: 'DHE', primeBits: 1024, acceptable: false, reason: '1024-bit DH group (minimum 2048)' })), findings: [{ messageId: 'weak', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
