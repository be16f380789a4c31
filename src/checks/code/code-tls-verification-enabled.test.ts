import { check } from './code-tls-verification-enabled.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { lineOf } from '../../../test/harness/manifests.ts';

const node = "import https from 'node:https';\nconst agent = new https.Agent({ rejectUnauthorized: false });\nprocess.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';\n";
const python = "import requests, ssl\nrequests.get('https://api.fabrikam.com', verify=False)\nctx = ssl._create_unverified_context()\n";
const csharp = 'using System.Net.Http;\nclass C {\n  HttpClient Make() {\n    var handler = new HttpClientHandler();\n    handler.ServerCertificateCustomValidationCallback = (message, cert, chain, errors) => true;\n    var other = new HttpClientHandler { };\n    other.ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator;\n    return new HttpClient(handler);\n  }\n}\n';

checkTester(check, {
  valid: [
    { name: 'verification left on, a private CA trusted instead', files: { 'src/agent.ts': "import https from 'node:https';\nconst agent = new https.Agent({ ca: readFileSync('ca.pem'), rejectUnauthorized: true });\n", 'jobs/call.py': "import requests\nrequests.get('https://api.fabrikam.com', verify='/etc/ssl/fabrikam-ca.pem')\n", '.env': 'NODE_EXTRA_CA_CERTS=ca.pem\n' } },
    { name: 'a callback that really validates', files: { 'Api/Client.cs': 'class C { void M(HttpClientHandler h) { h.ServerCertificateCustomValidationCallback = (m, cert, chain, errors) => errors == System.Net.Security.SslPolicyErrors.None; } }\n' } },
  ],
  invalid: [
    {
      name: 'Node, Python, C# and a .env switch',
      files: { 'src/agent.ts': node, 'jobs/call.py': python, 'Api/Client.cs': csharp, '.env': 'NODE_TLS_REJECT_UNAUTHORIZED=0\n' },
      findings: [
        { messageId: 'disabled', file: 'src/agent.ts', line: lineOf(node, 'rejectUnauthorized') },
        { messageId: 'disabled', file: 'src/agent.ts', line: lineOf(node, 'NODE_TLS') },
        { messageId: 'disabled', file: 'jobs/call.py', line: lineOf(python, 'verify=False') },
        { messageId: 'disabled', file: 'jobs/call.py', line: lineOf(python, '_create_unverified_context') },
        { messageId: 'disabled', file: 'Api/Client.cs', line: lineOf(csharp, '=> true') },
        { messageId: 'disabled', file: 'Api/Client.cs', line: lineOf(csharp, 'DangerousAccept') },
        { messageId: 'disabled', file: '.env', line: 1 },
      ],
    },
  ],
});
