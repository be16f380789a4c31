import { check } from './deps-runtimes-supported.ts';
import { checkTester } from '../../../test/harness/check-tester.ts';

// Dates are fixed by `now`, so the cases keep their meaning as releases age.
const NOW = '2026-11-28T00:00:00Z';

checkTester(check, {
  valid: [
    { name: 'Node.js 22 and .NET 10', files: { '.nvmrc': '22\n', 'Api/Api.csproj': '<Project><PropertyGroup><TargetFramework>net10.0</TargetFramework></PropertyGroup></Project>\n' }, now: NOW },
    { name: 'a Debian 12 image with Python 3.12', files: { 'Dockerfile': 'FROM python:3.12-slim-bookworm\n' }, now: NOW },
  ],
  invalid: [
    {
      name: 'an end-of-life Node.js image, Python in CI and an SPFx 1.20 toolchain',
      files: {
        'Dockerfile': 'FROM node:16-alpine\n',
        '.github/workflows/ci.yml': 'jobs:\n  t:\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.8"\n',
        'spfx/package.json': '{\n  "dependencies": {\n    "@microsoft/sp-core-library": "1.20.0"\n  }\n}\n',
      },
      now: NOW,
      findings: [
        { messageId: 'endOfLife', file: 'Dockerfile', line: 1 },
        { messageId: 'endOfLife', file: '.github/workflows/ci.yml', line: 6 },
        { messageId: 'spfxToolchain', file: 'spfx/package.json', line: 3 },
      ],
    },
  ],
  notAssessed: [{ name: 'a cycle the table does not know', files: { '.python-version': '3.99\n' }, now: NOW, reason: 'Python 3.99' }],
  notApplicable: [{ name: 'nothing declared', files: { 'src/app.ts': 'export {};\n' } }],
});
