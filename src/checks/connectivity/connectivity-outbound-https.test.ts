import { check } from './connectivity-outbound-https.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';
import { json, lineOf, teamsManifest } from '../../../test/harness/manifests.ts';

const plainCode = "import OpenAI from 'openai';\nexport async function rate() {\n  const res = await fetch('http://api.frankfurter.app/latest');\n  return axios.get('http://status.twilio.com/api/v2/status.json');\n}\n";
const plainConfig = 'WEATHER_API=http://api.openweathermap.org/data/2.5\nLOCAL_API=http://localhost:7071/api\n';

checkTester(check, {
  valid: [
    { name: 'https and wss connections, localhost over http', files: { 'src/a.ts': "await fetch('https://api.frankfurter.app/latest');\nnew WebSocket('wss://stream.example-vendor.io/feed');\nawait fetch('http://localhost:3978/api/messages');\n" } },
    { name: 'a plain URL of the publisher\'s own host is the other check\'s', files: { 'appPackage/manifest.json': json(teamsManifest()), 'src/a.ts': "await fetch('http://tasks.fabrikam.com/api/items');\n" } },
  ],
  invalid: [
    {
      name: 'plain http in code and configuration',
      files: { 'src/rates.ts': plainCode, '.env': plainConfig },
      findings: [
        { messageId: 'plain', file: '.env', line: lineOf(plainConfig, 'WEATHER_API') },
        { messageId: 'plain', file: 'src/rates.ts', line: lineOf(plainCode, 'frankfurter') },
        { messageId: 'plain', file: 'src/rates.ts', line: lineOf(plainCode, 'twilio') },
      ],
    },
    {
      name: 'plain ws and a page script over http',
      files: { 'public/index.html': '<!doctype html>\n<html><head>\n<script src="http://cdn.jsdelivr.net/npm/chart.js"></script>\n</head></html>\n', 'src/feed.js': "const socket = new WebSocket('ws://feed.vendor-stream.io/live');\n" },
      findings: [
        { messageId: 'plain', file: 'public/index.html', line: 3 },
        { messageId: 'plain', file: 'src/feed.js', line: 1 },
      ],
    },
  ],
  notApplicable: [{ name: 'no host at all', files: { 'README.md': '# x\n' } }],
});
