import { check } from './tls-certificate-strong.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { ENDPOINT_LABEL, endpointWith, modernEndpoint, UNREACHABLE } from '../../../test/harness/probe-fixtures.ts';

checkTester(check, {
  valid: [{ name: 'a modern endpoint', files: {}, probes: [modernEndpoint()] },],
  invalid: [
    { name: 'RSA 1024 leaf signed with SHA-1, MD5-signed intermediate', files: {}, probes: endpointWith((s) => {
      const [leaf, intermediate] = s.tls!.certificate!.chain;
      leaf!.keyBits = 1024;
      leaf!.signatureAlgorithm = 'sha1WithRSAEncryption';
      intermediate!.signatureAlgorithm = 'md5WithRSAEncryption';
    }), findings: [{ messageId: 'key', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'signature', file: ENDPOINT_LABEL, line: 1 }, { messageId: 'signature', file: ENDPOINT_LABEL, line: 1 }] },
    { name: 'EC key under 256 bits', files: {}, probes: endpointWith((s) => Object.assign(s.tls!.certificate!.chain[0]!, { keyType: 'ec', keyBits: 224, curve: 'secp224r1' })), findings: [{ messageId: 'key', file: ENDPOINT_LABEL, line: 1 }] },
  ],
  notAssessed: [{ name: 'an endpoint that could not be reached', files: {}, probes: UNREACHABLE, reason: 'did not resolve' }],
  notApplicable: [{ name: 'nothing probed', files: {} }],
});
