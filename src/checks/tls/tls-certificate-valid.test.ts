import { check } from './tls-certificate-valid.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },],
  invalid: [
    { name: 'untrusted, for another host, expired, chain out of order', files: {}, probes: endpointWith((s) => {
      const certificate = s.tls!.certificate!;
      certificate.trusted = false;
      certificate.trustError = 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
      certificate.hostnameMatches = false;
      certificate.chain[0]!.daysToExpiry = -3;
      s.tls!.servedChain!.inOrder = false;
    }), findings: [{ messageId: 'untrusted', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'hostname', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'expired', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'order', file: ENDPOINT_LABEL, line: 1 }] },
    { name: 'an intermediate missing from the chain', files: {}, probes: endpointWith((s) => {
      const certificate = s.tls!.certificate!;
      certificate.trusted = false;
      certificate.trustError = 'UNABLE_TO_VERIFY_LEAF_SIGNATURE';
      certificate.chain = certificate.chain.slice(0, 1);
      s.tls!.servedChain = { certificates: certificate.chain, inOrder: true };
    }), findings: [{ messageId: 'incomplete', file: ENDPOINT_LABEL, line: 1 }] },
    { name: 'expiring within 30 days', files: {}, probes: endpointWith((s) => (s.tls!.certificate!.chain[0]!.daysToExpiry = 12)), findings: [{ messageId: 'expiring', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
