import { check } from './connectivity-host-operator-known.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { lineOf } from '../../../test/harness/manifests.ts';

const unknown = "export async function score(id: string) {\n  return fetch(`https://api.scorely.io/v2/score/${id}`);\n}\nexport const send = (body: unknown) => fetch(process.env.WEBHOOK_URL!, { method: 'POST', body: JSON.stringify(body) });\n";
const resolved = "export const send = (body: unknown) => fetch(process.env.WEBHOOK_URL!, { method: 'POST', body: JSON.stringify(body) });\n";

checkTester(check, {
  valid: [
    { name: 'Microsoft and named third parties only', files: { 'src/a.ts': "import OpenAI from 'openai';\nconst ai = new OpenAI();\nawait fetch('https://graph.microsoft.com/v1.0/me');\n" } },
    { name: 'a run-time host resolved from the shipped settings', files: { 'src/a.ts': resolved, '.env.production': 'WEBHOOK_URL=https://hooks.slack.com/services/T000/B000/XXXX\n' } },
    { name: 'an unknown host annotated in the configuration', files: { 'src/a.ts': "await fetch('https://api.scorely.io/v2/score');\n", 'm365cert.config.json': JSON.stringify({ connectivity: { hosts: { 'api.scorely.io': { owner: 'third-party', service: 'Scorely', purpose: 'credit scores' } } } }) } },
  ],
  invalid: [
    {
      name: 'an unknown operator and a host from an undefined setting',
      files: { 'src/score.ts': unknown },
      findings: [
        { messageId: 'dynamic', file: 'src/score.ts', line: lineOf(unknown, 'WEBHOOK_URL') },
        { messageId: 'unknown', file: 'src/score.ts', line: lineOf(unknown, 'scorely') },
      ],
    },
  ],
  notApplicable: [{ name: 'only localhost', files: { 'src/a.ts': "await fetch('http://localhost:7071/api/x');\n" } }],
});
