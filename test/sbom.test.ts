import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, it } from 'node:test';
import { Ajv } from 'ajv';
import addFormats from 'ajv-formats';
import { loadConfig } from '../src/config/config.ts';
import { scan } from '../src/engine/scan.ts';
import { render } from '../src/report/index.ts';
import { osvRecord, packageLock } from './harness/osv-fixtures.ts';
import { dataDirWith, tempDir, writeTree } from './harness/paths.ts';

const require = createRequire(import.meta.url);
const SCHEMA_DIR = path.join(path.dirname(require.resolve('@cyclonedx/cyclonedx-library/package.json')), 'res', 'schema');

/** The official CycloneDX 1.6 JSON schema with the SPDX and JSF schemas it refers to. */
function cycloneDxValidator() {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats.default(ajv);
  // The bom schema refers to its companions by file name, relative to its own $id.
  for (const name of ['spdx.SNAPSHOT.schema.json', 'jsf-0.82.SNAPSHOT.schema.json']) {
    const { $id: _id, ...schema } = JSON.parse(readFileSync(path.join(SCHEMA_DIR, name), 'utf8'));
    ajv.addSchema(schema, `http://cyclonedx.org/schema/${name}`);
  }
  return ajv.compile(JSON.parse(readFileSync(path.join(SCHEMA_DIR, 'bom-1.6.SNAPSHOT.schema.json'), 'utf8')));
}

const TREE = {
  'package.json': '{ "name": "contoso-tab", "dependencies": { "@azure/msal-node": "^2.0.0", "fixture-lodash": "^4.17.0" }, "devDependencies": { "typescript": "5.4.5" } }\n',
  'package-lock.json': packageLock({ '@azure/msal-node': '2.6.0', 'fixture-lodash': '4.17.20', typescript: '5.4.5' }, ['typescript']),
  'api/requirements.txt': 'fixture-django==3.2.1\n',
  'svc/pom.xml': '<project><dependencies><dependency><groupId>com.fasterxml.jackson.core</groupId><artifactId>jackson-databind</artifactId><version>2.13.0</version></dependency></dependencies></project>\n',
};
const ADVISORIES = {
  'osv/npm/GHSA-sbom-0001.json': osvRecord('GHSA-sbom-0001', 'npm', 'fixture-lodash', [{ introduced: '0' }, { fixed: '4.17.21' }], { aliases: ['CVE-2026-1111'], summary: 'Prototype pollution', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H' }] }),
  'osv/PyPI/PYSEC-SBOM-1.json': osvRecord('PYSEC-SBOM-1', 'PyPI', 'fixture-django', [{ introduced: '3.0' }, { fixed: '3.2.5' }], { severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }] }),
};

describe('CycloneDX SBOM (--format cyclonedx)', () => {
  it('is valid against the CycloneDX 1.6 schema, lists every package version with purl and location, and the vulnerabilities', async (t) => {
    const root = tempDir(t);
    writeTree(root, TREE);
    const dataDir = dataDirWith(t, ADVISORIES);
    const run = () => scan({ root, config: loadConfig(root), dataDir: { dir: dataDir, source: '--data-dir' }, now: () => new Date('2026-11-28T00:00:00Z') });
    const result = await run();
    const text = render('cyclonedx', result);
    const bom = JSON.parse(text);
    const validate = cycloneDxValidator();
    assert.equal(validate(bom), true, JSON.stringify(validate.errors, null, 2));
    assert.equal(bom.specVersion, '1.6');
    assert.deepEqual(bom.components.map((c: { purl: string; scope: string }) => `${c.purl} ${c.scope}`), [
      'pkg:maven/com.fasterxml.jackson.core/jackson-databind@2.13.0 required',
      'pkg:npm/%40azure/msal-node@2.6.0 required',
      'pkg:npm/fixture-lodash@4.17.20 required',
      'pkg:npm/typescript@5.4.5 excluded',
      'pkg:pypi/fixture-django@3.2.1 required',
    ]);
    const msal = bom.components.find((c: { name: string }) => c.name === 'msal-node');
    assert.equal(msal.group, '@azure');
    assert.deepEqual(msal.evidence.occurrences, [{ location: 'package-lock.json', line: 18 }]);
    assert.deepEqual(bom.vulnerabilities.map((v: { id: string; ratings: { method: string; score: number }[]; affects: { ref: string }[]; recommendation: string }) => [v.id, v.ratings[0]!.method, v.ratings[0]!.score, v.affects[0]!.ref, v.recommendation]), [
      ['PYSEC-SBOM-1', 'CVSSv4', 9.3, 'pkg:pypi/fixture-django@3.2.1', 'Upgrade fixture-django to 3.2.5 or later'],
      ['GHSA-sbom-0001', 'CVSSv31', 9.8, 'pkg:npm/fixture-lodash@4.17.20', 'Upgrade fixture-lodash to 4.17.21 or later'],
    ]);
    assert.equal(bom.vulnerabilities[1].references[0].id, 'CVE-2026-1111');
    assert.equal(bom.dependencies[0].dependsOn.length, 5, 'the app depends directly on every declared package');
    assert.match(bom.serialNumber, /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.equal(JSON.parse(render('cyclonedx', await run())).serialNumber, bom.serialNumber, 'an unchanged tree keeps its serial number');

    // The same inventory in the reports people read.
    const terminal = render('terminal', result);
    assert.match(terminal, /Dependencies: 5 package version\(s\) \(Maven 1, npm 3, PyPI 1\) from 3 file\(s\); advisories not checked for Maven \(run m365cert data update --for \.\); 2 known vulnerabilities in PyPI, npm \(2 past the patch window\)/);
    const markdown = render('md', result);
    assert.match(markdown, /\| fixture-lodash 4\.17\.20 \| GHSA-sbom-0001, CVE-2026-1111 \| critical 9\.8 \| 4\.17\.21 \| 88 d \/ 14 d \| overdue \| `package-lock\.json:\d+` \|/);
    assert.match(render('html', result), /<td>fixture-django 3\.2\.1<\/td><td>PYSEC-SBOM-1<\/td><td>critical 9\.3<\/td>/);
  });

  it('without advisory data the reports say which ecosystems were not checked and how to fix it', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'package-lock.json': packageLock({ express: '4.18.2' }) });
    const result = await scan({ root, config: loadConfig(root), dataDir: { dir: dataDirWith(t, {}), source: '--data-dir' } });
    assert.match(render('terminal', result), /Dependencies: 1 package version\(s\) \(npm 1\) from 1 file\(s\); advisories not checked for npm \(run m365cert data update --for \.\)/);
    const run = result.checkRuns.find((entry) => entry.checkId === 'deps-vulnerabilities-overdue')!;
    assert.equal(run.status, 'not-assessed');
  });

  it('an empty tree gives a valid SBOM with no components', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'README.md': '# nothing\n' });
    const result = await scan({ root, config: loadConfig(root), dataDir: { dir: dataDirWith(t, {}), source: '--data-dir' } });
    const bom = JSON.parse(render('cyclonedx', result));
    assert.equal(cycloneDxValidator()(bom), true);
    assert.deepEqual(bom.components, []);
  });
});
