import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { Ajv } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { loadConfig } from '../src/config/config.ts';
import { scan } from '../src/engine/scan.ts';
import type { ScanResult } from '../src/engine/types.ts';
import { render, type Format } from '../src/report/index.ts';
import { parseXml } from '../src/sources/formats/xml.ts';
import { SourceFile } from '../src/sources/source-file.ts';
import { assertGolden } from './harness/golden.ts';
import { REPO_ROOT, requireSharedData, tempDir } from './harness/paths.ts';

const FIXTURE = path.join(REPO_ROOT, 'test', 'fixtures', 'golden-app');
let result: ScanResult;

/** Replaces what changes from machine to machine (paths, timings, tool version) with placeholders. */
function normalize(raw: ScanResult): ScanResult {
  const copy = JSON.parse(JSON.stringify(raw)) as ScanResult;
  copy.root = '/ROOT';
  copy.tool.version = '<VERSION>';
  copy.data.dir = '<DATA>';
  // The shared data changes upstream; its digests are checked in the data tests, not pinned here.
  for (const dataset of copy.data.datasets) if (dataset.sha256) dataset.sha256 = '<SHA-256>';
  copy.summary.durationMs = 0;
  for (const run of copy.checkRuns) run.durationMs = 0;
  return copy;
}

const addFormats = (ajv: { addFormat: (name: string, check: RegExp | ((value: string) => boolean)) => unknown }) => {
  ajv.addFormat('date-time', (value: string) => !Number.isNaN(Date.parse(value)));
  ajv.addFormat('uri', (value: string) => URL.canParse(value));
  ajv.addFormat('uri-reference', () => true);
};

describe('reports', () => {
  before(async () => {
    const raw = await scan({
      root: FIXTURE,
      config: loadConfig(FIXTURE),
      dataDir: { dir: requireSharedData(), source: '--data-dir' },
      now: () => new Date('2026-11-28T12:00:00.000Z'),
    });
    result = normalize(raw);
  });

  it('the fixture scan finds what it should, and suppressions and expiry apply', () => {
    assert.deepEqual(
      result.findings.map((f) => `${f.checkId} ${f.location?.file}:${f.location?.line}${f.suppressed ? ' suppressed' : ''}`),
      [
        'entra-implicit-grant-disabled appPackage/aad.manifest.json:4',
        'manifest-privacy-terms-https appPackage/manifest.json:9',
        'manifest-urls-https appPackage/manifest.json:9',
        'manifest-urls-https appPackage/manifest.json:17',
        'manifest-valid-domains-specific appPackage/manifest.json:19',
        'addin-mailbox-permission-minimal mail-addin/manifest.xml:12 suppressed',
        'spfx-api-permissions-not-tenant-wide news/config/package-solution.json:8',
        'graph-permission-used news/config/package-solution.json:10',
      ],
    );
    assert.ok(result.problems.some((p) => p.kind === 'parse-error' && p.file === 'legacy-manifest.json' && p.line === 1));
    assert.ok(result.problems.some((p) => p.kind === 'suppression-expired' && /2020-01-01/.test(p.message)));
  });

  for (const [format, extension] of [['terminal', 'txt'], ['json', 'json'], ['sarif', 'sarif'], ['html', 'html'], ['md', 'md'], ['junit', 'junit.xml']] as [Format, string][]) {
    it(`${format} output matches its golden file`, () => assertGolden(`result.${extension}`, render(format, result, { color: false })));
  }

  it('JSON output is valid against the published report schema', () => {
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(REPO_ROOT, 'schemas', 'report.schema.json'), 'utf8')));
    const valid = validate(JSON.parse(render('json', result)));
    assert.ok(valid, JSON.stringify(validate.errors, null, 2));
    const broken = JSON.parse(render('json', result));
    broken.findings[0].severity = 'catastrophic';
    assert.equal(validate(broken), false, 'the schema must reject an unknown severity');
  });

  it('SARIF output is valid against the SARIF 2.1.0 schema and accepted by the SARIF Multitool', (t) => {
    const require = createRequire(import.meta.url);
    const multitoolDir = path.dirname(require.resolve(`@microsoft/sarif-multitool-${process.platform === 'win32' ? 'win32' : process.platform}/package.json`));
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    addFormats(ajv);
    const validate = ajv.compile(JSON.parse(readFileSync(path.join(multitoolDir, 'sarif-2.1.0.json'), 'utf8')));
    const sarif = render('sarif', result);
    assert.ok(validate(JSON.parse(sarif)), JSON.stringify(validate.errors?.slice(0, 5), null, 2));
    const log = JSON.parse(sarif);
    assert.equal(log.runs[0].results.length, result.findings.length);
    assert.ok(log.runs[0].results.every((r: { partialFingerprints: Record<string, string> }) => /^[0-9a-f]{32}$/.test(r.partialFingerprints['m365cert/v1']!)));

    const dir = tempDir(t);
    const file = path.join(dir, 'report.sarif');
    writeFileSync(file, sarif);
    const output = path.join(dir, 'validation.sarif');
    const run = spawnSync(path.join(multitoolDir, 'Sarif.Multitool'), ['validate', file, '--output', output, '--log', 'ForceOverwrite'], { encoding: 'utf8', env: { ...process.env, DOTNET_CLI_TELEMETRY_OPTOUT: '1', DOTNET_SYSTEM_GLOBALIZATION_INVARIANT: '1' } });
    assert.equal(run.status, 0, `${run.stdout}\n${run.stderr}`);
    assert.ok(existsSync(output));
    const errors = JSON.parse(readFileSync(output, 'utf8')).runs[0].results.filter((r: { level?: string }) => r.level === 'error');
    assert.deepEqual(errors.map((e: { message: { text?: string; id?: string } }) => e.message.text ?? e.message.id), []);
  });

  it('HTML is one self-contained file with every value escaped', () => {
    const html = render('html', result);
    assert.doesNotMatch(html, /<script/i, 'no script element, and manifest text never becomes markup');
    assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/);
    assert.doesNotMatch(html, /(src|href)\s*=\s*["']?https?:/i, 'no external assets');
    assert.match(html, /<style>/);
  });

  it('Markdown escapes table cells; JUnit is well-formed XML with a case per check and control', () => {
    const md = render('md', result);
    assert.doesNotMatch(md, /<script>/);
    const junit = parseXml(new SourceFile('r.xml', render('junit', result)));
    assert.ok(junit.ok);
    if (junit.ok) {
      const suites = junit.doc.root.children;
      assert.deepEqual(suites.map((s) => s.children.length), [result.checkRuns.length, result.controls.length]);
    }
  });
});
