import { check } from './code-no-insecure-patterns.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { lineOf } from '../../../test/harness/manifests.ts';

const web = "import crypto from 'node:crypto';\nimport cors from 'cors';\nexport const digest = (text: string) => crypto.createHash('md5').update(text).digest('hex');\nexport const keep = (token: string) => localStorage.setItem('accessToken', token);\nexport const run = (code: string) => eval(code);\napp.use(cors({ origin: true, credentials: true }));\nexport const trace = (result: { accessToken: string }) => console.log('token', result.accessToken);\n";
const python = 'import hashlib, logging\ndef fingerprint(data):\n    return hashlib.sha1(data).hexdigest()\ndef login(token):\n    logging.info(token)\n';
const java = 'import java.security.MessageDigest;\nclass H { byte[] h(byte[] d) throws Exception { return MessageDigest.getInstance("MD5").digest(d); } }\n';

checkTester(check, {
  valid: [
    { name: 'SHA-256, preferences in storage, literal code, an allow-list', files: { 'src/web.ts': "import crypto from 'node:crypto';\nimport cors from 'cors';\nexport const digest = (text: string) => crypto.createHash('sha256').update(text).digest('hex');\nexport const theme = (value: string) => localStorage.setItem('theme', value);\nexport const one = eval('1 + 1');\napp.use(cors({ origin: ['https://app.fabrikam.com'], credentials: true }));\nconsole.log('signed in', user.displayName, tokenExpiresOn);\n" } },
  ],
  invalid: [
    {
      name: 'MD5, a token in localStorage, eval of input, CORS open with credentials, tokens in logs, SHA-1 in Python and MD5 in Java',
      files: { 'src/web.ts': web, 'jobs/hash.py': python, 'src/main/java/H.java': java },
      findings: [
        { messageId: 'pattern', file: 'src/web.ts', line: lineOf(web, "createHash('md5')") },
        { messageId: 'pattern', file: 'src/web.ts', line: lineOf(web, 'localStorage') },
        { messageId: 'pattern', file: 'src/web.ts', line: lineOf(web, 'eval(code)') },
        { messageId: 'pattern', file: 'src/web.ts', line: lineOf(web, 'cors({') },
        { messageId: 'pattern', file: 'src/web.ts', line: lineOf(web, 'console.log') },
        { messageId: 'pattern', file: 'jobs/hash.py', line: lineOf(python, 'logging.info') },
        { messageId: 'pattern', file: 'jobs/hash.py', line: lineOf(python, 'hashlib.sha1') },
        { messageId: 'pattern', file: 'src/main/java/H.java', line: 2 },
      ],
    },
  ],
});
