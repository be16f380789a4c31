import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceFile } from '../../sources/source-file.ts';
import { supportOf } from '../../knowledge/eol/lifecycles.ts';
import { dotnetCycle, findRuntimes, imageRuntimes, nodeCycle } from './index.ts';

const NOW = new Date('2026-11-28T00:00:00Z');

function runtimes(files: Record<string, string>): string[] {
  return findRuntimes(Object.entries(files).map(([path, text]) => new SourceFile(path, text)), NOW).map((use) => `${use.product} ${use.cycle} ${use.support.status} ${use.via} ${use.file}:${use.line}`);
}

describe('runtime versions', () => {
  it('Node.js majors from the ways projects write them; open-ended ranges are not judged', () => {
    const cases: [string, string | undefined][] = [['16', '16'], ['v18.17.0', '18'], ['16.x', '16'], ['^14.15.0', '14'], ['~16', '16'], ['lts/gallium', '16'], ['>=14 <17', '16'], ['>=14 <16.5', '16'], ['^16 || ^18', '18'], ['>=18', undefined], ['lts/*', undefined], ['*', undefined]];
    for (const [text, cycle] of cases) assert.equal(nodeCycle(text), cycle, text);
  });

  it('.NET monikers and versions', () => {
    const cases: [string, string | undefined][] = [['net8.0', 'dotnet 8.0'], ['net6.0-windows', 'dotnet 6.0'], ['netcoreapp3.1', 'dotnet 3.1'], ['net48', 'dotnet-framework 4.8'], ['net462', 'dotnet-framework 4.6.2'], ['v4.6.1', 'dotnet-framework 4.6.1'], ['v4.0', undefined], ['6.0.x', 'dotnet 6.0'], ['netstandard2.0', undefined]];
    for (const [text, expected] of cases) {
      const cycle = dotnetCycle(text.replace(/\.x$/, '.0'));
      assert.equal(cycle ? `${cycle.product} ${cycle.cycle}` : undefined, expected, text);
    }
  });

  it('images: language, Microsoft .NET and Functions images, OS images and code names', () => {
    const view = (image: string) => imageRuntimes(image).map((r) => `${r.product} ${r.cycle}`).join(', ');
    assert.equal(view('node:16-alpine3.16'), 'nodejs 16, alpine 3.16');
    assert.equal(view('docker.io/library/python:3.8-slim-buster'), 'python 3.8, debian 10');
    assert.equal(view('mcr.microsoft.com/dotnet/aspnet:6.0-bookworm-slim'), 'dotnet 6.0, debian 12');
    assert.equal(view('mcr.microsoft.com/azure-functions/node:3.0-node14'), 'azure-functions 3, nodejs 14');
    assert.equal(view('ubuntu:bionic'), 'ubuntu 18.04');
    assert.equal(view('node:hydrogen'), 'nodejs 18');
    assert.equal(view('node:latest'), '');
    assert.equal(view('contoso.azurecr.io/app:1.2.3'), '');
  });

  it('support status from the dated table; unknown cycles stay unknown', () => {
    assert.deepEqual(supportOf('nodejs', '18', NOW), { status: 'end-of-life', endsOn: '2025-04-30' });
    assert.deepEqual(supportOf('nodejs', '22', NOW), { status: 'supported', endsOn: '2027-04-30' });
    assert.deepEqual(supportOf('dotnet-framework', '4.8', NOW), { status: 'supported' });
    assert.deepEqual(supportOf('python', '4.0', NOW), { status: 'unknown' });
    assert.equal(supportOf('dotnet', '8.0', new Date('2026-11-10T12:00:00Z')).status, 'supported', 'the last day is still supported');
  });

  it('finds declarations in package.json, version files, Dockerfiles, projects, pipelines, IaC and SPFx', () => {
    const found = runtimes({
      'package.json': '{\n  "name": "web",\n  "engines": { "node": ">=16 <19" },\n  "dependencies": {\n    "@microsoft/sp-core-library": "1.16.1"\n  }\n}\n',
      '.nvmrc': 'lts/hydrogen\n',
      'api/.python-version': '3.12.1\n',
      'api/Dockerfile': 'ARG NODE=20\nFROM node:${NODE}-bullseye AS build\nFROM --platform=linux/amd64 mcr.microsoft.com/dotnet/aspnet:8.0\n',
      'Api/Api.csproj': '<Project>\n  <PropertyGroup>\n    <TargetFrameworks>net6.0;net48</TargetFrameworks>\n  </PropertyGroup>\n</Project>\n',
      '.github/workflows/ci.yml': 'jobs:\n  test:\n    strategy:\n      matrix:\n        node-version: [18.x, 22.x]\n    steps:\n      - uses: actions/setup-python@v5\n        with:\n          python-version: "3.9"\n      - uses: actions/setup-node@v4\n        with:\n          node-version: ${{ matrix.node-version }}\n',
      'azure-pipelines.yml': 'steps:\n- task: NodeTool@0\n  inputs:\n    versionSpec: "14.x"\n- task: UseDotNet@2\n  inputs:\n    version: 8.0.x\n',
      'infra/main.bicep': "resource site 'Microsoft.Web/sites@2022-09-01' = {\n  properties: {\n    siteConfig: {\n      linuxFxVersion: 'NODE|18-lts'\n      appSettings: [\n        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }\n      ]\n    }\n  }\n}\n",
      'infra/main.tf': 'resource "azurerm_linux_function_app" "api" {\n  site_config {\n    application_stack {\n      python_version = "3.10"\n    }\n  }\n}\n',
    });
    assert.deepEqual(found.sort(), [
      'azure-functions 4 supported iac infra/main.bicep:6',
      'debian 11 end-of-life image api/Dockerfile:2',
      'dotnet 6.0 end-of-life target-framework Api/Api.csproj:3',
      'dotnet 8.0 end-of-life ci azure-pipelines.yml:7',
      'dotnet 8.0 end-of-life image api/Dockerfile:3',
      'dotnet-framework 4.8 supported target-framework Api/Api.csproj:3',
      'nodejs 14 end-of-life ci azure-pipelines.yml:4',
      'nodejs 16 end-of-life spfx package.json:5',
      'nodejs 18 end-of-life ci .github/workflows/ci.yml:5',
      'nodejs 18 end-of-life engines package.json:3',
      'nodejs 18 end-of-life iac infra/main.bicep:4',
      'nodejs 18 end-of-life version-file .nvmrc:1',
      'nodejs 20 end-of-life image api/Dockerfile:2',
      'nodejs 22 supported ci .github/workflows/ci.yml:5',
      'python 3.10 end-of-life iac infra/main.tf:4',
      'python 3.12 supported version-file api/.python-version:1',
      'python 3.9 end-of-life ci .github/workflows/ci.yml:9',
    ]);
  });

  it('malformed and huge inputs: no crash, nothing invented', () => {
    const found = runtimes({
      'package.json': '{ "engines": { "node": [16] }, ',
      '.nvmrc': '\n\n',
      'Dockerfile': `FROM\nFROM ${'a'.repeat(100_000)}:${'1'.repeat(50_000)}\n`,
      'x.csproj': `<Project><TargetFramework>${'net'.repeat(10_000)}</TargetFramework></Project>`,
      'azure-pipelines.yml': `${'  node-version: lts\n'.repeat(20_000)}`,
    });
    assert.deepEqual(found, []);
  });
});
