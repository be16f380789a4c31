import { check } from './tls-protocols-1-2-or-later.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },],
  invalid: [
    { name: 'TLS 1.0 and 1.1 still on', files: {}, probes: endpointWith((s) => { s.tls!.protocols[0]!.accepted = true; s.tls!.protocols[1]!.accepted = true; }), findings: [{ messageId: 'legacy', file: ENDPOINT_LABEL, line: 1 }] },
    { name: 'only TLS 1.1', files: {}, probes: endpointWith((s) => { s.tls!.protocols[1]!.accepted = true; s.tls!.protocols[2]!.accepted = false; s.tls!.protocols[3]!.accepted = false; }), findings: [{ messageId: 'legacy', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'noModern', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
