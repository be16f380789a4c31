import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { zipSync, strToU8 } from 'fflate';
import type { ScanProblem } from '../../engine/types.ts';
import { matchAdvisory, readOsvRecord, type AdvisoryProblem } from '../../knowledge/advisories/osv.ts';
import { openAdvisories } from '../../knowledge/advisories/store.ts';
import type { Dependency } from '../dependencies/index.ts';
import { purlOf } from '../dependencies/types.ts';
import { DEFAULT_PATCH_WINDOWS, findVulnerabilities } from './index.ts';

const folders: string[] = [];
after(() => folders.forEach((folder) => rmSync(folder, { recursive: true, force: true })));

function dataDir(files: Record<string, string | Uint8Array>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'm365cert-osv-'));
  folders.push(dir);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function osv(id: string, ecosystem: string, name: string, events: Record<string, string>[], extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ schema_version: '1.6.0', id, modified: '2026-01-01T00:00:00Z', published: '2026-09-01T00:00:00Z', affected: [{ package: { ecosystem, name }, ranges: [{ type: ecosystem === 'npm' || ecosystem === 'Go' ? 'SEMVER' : 'ECOSYSTEM', events }] }], ...extra });
}

function dependency(ecosystem: Dependency['ecosystem'], name: string, version: string, extra: Partial<Dependency> = {}): Dependency {
  return { ecosystem, name, version, file: 'lock', line: 3, direct: true, purl: purlOf(ecosystem, name, version), ...extra };
}

const NOW = new Date('2026-11-28T00:00:00Z');

describe('OSV matching', () => {
  const problems: AdvisoryProblem[] = [];
  const advisory = (events: Record<string, string>[], ecosystem: 'npm' | 'PyPI' = 'npm', versions?: string[]) =>
    readOsvRecord({ id: 'X-1', affected: [{ package: { ecosystem, name: 'p' }, ranges: [{ type: 'ECOSYSTEM', events }], versions }] }, 'x.json', ecosystem, problems).get('p')!;

  it('introduced/fixed ranges, several of them, events in any order', () => {
    const a = advisory([{ fixed: '4.17.21' }, { introduced: '0' }, { introduced: '5.0.0' }, { fixed: '5.0.3' }]);
    assert.deepEqual(matchAdvisory(a, 'npm', '4.17.20'), { fixedIn: '4.17.21' });
    assert.equal(matchAdvisory(a, 'npm', '4.17.21'), undefined);
    assert.deepEqual(matchAdvisory(a, 'npm', '5.0.1'), { fixedIn: '5.0.3' });
    assert.equal(matchAdvisory(a, 'npm', '5.0.3'), undefined);
  });

  it('a range with no introduced event affects everything below its end, never passes silently', () => {
    const a = advisory([{ fixed: '2.0.0' }]);
    assert.deepEqual(matchAdvisory(a, 'npm', '1.9.9'), { fixedIn: '2.0.0' });
    assert.equal(matchAdvisory(a, 'npm', '2.0.0'), undefined);
  });

  it("an older GitHub export's last_known_affected_version_range closes an open range", () => {
    const read = readOsvRecord({ id: 'GHSA-old', affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'ECOSYSTEM', events: [{ introduced: '0' }] }], database_specific: { last_known_affected_version_range: '<= 1.4.2' } }] }, 'x.json', 'npm', []).get('p')!;
    assert.ok(matchAdvisory(read, 'npm', '1.4.2'));
    assert.equal(matchAdvisory(read, 'npm', '1.4.3'), undefined);
  });

  it('last_affected includes its version and names no fix; explicit versions lists match exactly', () => {
    const a = advisory([{ introduced: '1.0' }, { last_affected: '1.4' }], 'PyPI');
    assert.deepEqual(matchAdvisory(a, 'PyPI', '1.4.0'), { fixedIn: undefined });
    assert.equal(matchAdvisory(a, 'PyPI', '1.4.post1'), undefined);
    assert.equal(matchAdvisory(a, 'PyPI', '0.9'), undefined);
    const listed = advisory([], 'npm', ['2.0.0', '2.0.1']);
    assert.ok(matchAdvisory(listed, 'npm', '2.0.1'));
    assert.equal(matchAdvisory(listed, 'npm', '2.0.2'), undefined);
  });

  it('an invalid range is reported with its source and ignored, never guessed', () => {
    const local: AdvisoryProblem[] = [];
    const read = readOsvRecord({ id: 'BAD-1', affected: [{ package: { ecosystem: 'npm', name: 'p' }, ranges: [{ type: 'SEMVER', events: [{ introduced: '1.x' }, { fixed: '2.0.0' }] }], versions: ['1.5.0'] }] }, 'osv/npm/BAD-1.json', 'npm', local);
    assert.match(local[0]!.message, /BAD-1: affected\[0\] range event introduced "1.x" is not a valid npm version; the range is ignored/);
    assert.equal(local[0]!.source, 'osv/npm/BAD-1.json');
    assert.equal(matchAdvisory(read.get('p')!, 'npm', '1.9.0'), undefined);
    assert.ok(matchAdvisory(read.get('p')!, 'npm', '1.5.0'), 'the explicit version list still counts');
    readOsvRecord('not an object', 'osv/npm/x.json', 'npm', local);
    readOsvRecord({ affected: [] }, 'osv/npm/y.json', 'npm', local);
    assert.deepEqual(local.slice(1).map((problem) => problem.message), ['not an OSV record (expected a JSON object)', 'OSV record without an "id"']);
  });
});

describe('vulnerabilities of the inventory', () => {
  it('matches per ecosystem, merges aliases, scores CVSS and measures the patch window', async () => {
    const dir = dataDir({
      'osv/npm/GHSA-aaaa-bbbb-cccc.json': osv('GHSA-aaaa-bbbb-cccc', 'npm', 'lodash', [{ introduced: '0' }, { fixed: '4.17.21' }], { aliases: ['CVE-2021-23337'], summary: 'Command injection in lodash', published: '2026-10-01T00:00:00Z', severity: [{ type: 'CVSS_V3', score: 'CVSS:3.1/AV:N/AC:L/PR:H/UI:N/S:U/C:H/I:H/A:H' }] }),
      'osv/npm/CVE-2021-23337.json': osv('CVE-2021-23337', 'npm', 'lodash', [{ introduced: '0' }, { fixed: '4.17.21' }], { published: '2026-09-15T00:00:00Z' }),
      'osv/PyPI/PYSEC-2026-1.json': osv('PYSEC-2026-1', 'PyPI', 'Django', [{ introduced: '3.2' }, { fixed: '3.2.25' }], { published: '2026-11-20T00:00:00Z', severity: [{ type: 'CVSS_V4', score: 'CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N' }] }),
      'osv/PyPI/PYSEC-2026-2.json': osv('PYSEC-2026-2', 'PyPI', 'django', [{ introduced: '0' }, { fixed: '2.0' }]),
      'osv/Maven/GHSA-mmmm-mmmm-mmmm.json': osv('GHSA-mmmm-mmmm-mmmm', 'Maven', 'com.fasterxml.jackson.core:jackson-databind', [{ introduced: '2.13.0' }, { fixed: '2.13.4.1' }], { database_specific: { severity: 'MODERATE' }, published: '2026-01-01T00:00:00Z' }),
    });
    const problems: ScanProblem[] = [];
    const facts = await findVulnerabilities([
      dependency('npm', 'lodash', '4.17.20'),
      dependency('npm', 'lodash', '4.17.21'),
      dependency('PyPI', 'django', '3.2.1'),
      dependency('Maven', 'com.fasterxml.jackson.core:jackson-databind', '2.13.0'),
      dependency('NuGet', 'Newtonsoft.Json', '12.0.1'),
      { ecosystem: 'npm', name: 'express', requested: '^4.0.0', file: 'package.json', line: 4 },
    ], dir, DEFAULT_PATCH_WINDOWS, NOW, problems);
    assert.deepEqual(problems, []);
    assert.deepEqual(facts.notAssessed, ['NuGet']);
    assert.deepEqual(facts.assessed.map((entry) => entry.ecosystem), ['Maven', 'PyPI', 'npm']);
    assert.equal(facts.unpinned, 1);
    const view = facts.vulnerabilities.map((v) => [v.id, v.aliases.join(','), v.package, v.version, v.severity.band, v.severity.score ?? v.severity.basis, v.fixedIn, v.daysAvailable, v.windowDays, v.status]);
    assert.deepEqual(view, [
      ['PYSEC-2026-1', '', 'django', '3.2.1', 'critical', 9.3, '3.2.25', 8, 14, 'within-window'],
      ['GHSA-aaaa-bbbb-cccc', 'CVE-2021-23337', 'lodash', '4.17.20', 'high', 7.2, '4.17.21', 74, 30, 'overdue'],
      ['GHSA-mmmm-mmmm-mmmm', '', 'com.fasterxml.jackson.core:jackson-databind', '2.13.0', 'medium', 'database', '2.13.4.1', 331, 90, 'overdue'],
    ]);
  });

  it('a zipped export is indexed once, reused, and rebuilt when it changes; a corrupt archive is a located problem', async () => {
    const records: Record<string, Uint8Array> = {};
    for (let i = 0; i < 2_000; i++) records[`GHSA-${i}.json`] = strToU8(osv(`GHSA-${i}`, 'npm', `pkg-${i % 500}`, [{ introduced: '0' }, { fixed: `1.0.${i % 7}` }]));
    const dir = dataDir({ 'osv/npm/all.zip': zipSync(records) });
    const first = (await openAdvisories(dir, 'npm'))!;
    assert.equal(first.records, 2_000);
    assert.equal(first.lookup('pkg-3').length, 4);
    assert.equal(first.lookup('constructor').length, 0, 'names are looked up as data, not object keys');
    first.close();
    assert.deepEqual(readdirSync(path.join(dir, 'osv/npm/.index')).sort(), ['index.json', 'records.ndjson']);
    const again = (await openAdvisories(dir, 'npm'))!;
    assert.equal(again.builtAt, first.builtAt, 'the index is reused while the export is unchanged');
    again.close();
    writeFileSync(path.join(dir, 'osv/npm/GHSA-extra.json'), osv('GHSA-extra', 'npm', 'pkg-3', [{ introduced: '0' }]));
    const rebuilt = (await openAdvisories(dir, 'npm'))!;
    assert.equal(rebuilt.lookup('pkg-3').length, 5);
    rebuilt.close();

    const broken = dataDir({ 'osv/npm/all.zip': 'PK\u0003\u0004 this is not a zip', 'osv/npm/GHSA-ok.json': osv('GHSA-ok', 'npm', 'a', [{ introduced: '0' }]), 'osv/npm/bad.json': '{"id": "x", ' });
    const problems: ScanProblem[] = [];
    const facts = await findVulnerabilities([dependency('npm', 'a', '1.0.0')], broken, DEFAULT_PATCH_WINDOWS, NOW, problems);
    assert.equal(facts.vulnerabilities.length, 1);
    assert.match(problems.map((problem) => `${problem.file}: ${problem.message}`).join('\n'), /osv\/npm\/all\.zip: advisory: not a readable zip archive[\s\S]*osv\/npm\/bad\.json: advisory: not valid JSON/);
  });

  it('a damaged index is rebuilt when its size is wrong, and never passes the tree when its content is', async () => {
    const dir = dataDir({ 'osv/npm/GHSA-1.json': osv('GHSA-1', 'npm', 'a', [{ introduced: '0' }, { fixed: '2.0.0' }]) });
    (await openAdvisories(dir, 'npm'))!.close();
    const records = path.join(dir, 'osv/npm/.index/records.ndjson');
    writeFileSync(records, '[{"trunc');
    const rebuilt = await findVulnerabilities([dependency('npm', 'a', '1.0.0')], dir, DEFAULT_PATCH_WINDOWS, NOW, []);
    assert.equal(rebuilt.vulnerabilities.length, 1, 'a records file of the wrong size is rebuilt');
    const size = readFileSync(records).length;
    writeFileSync(records, 'x'.repeat(size));
    const problems: ScanProblem[] = [];
    const damaged = await findVulnerabilities([dependency('npm', 'a', '1.0.0')], dir, DEFAULT_PATCH_WINDOWS, NOW, problems);
    assert.deepEqual([damaged.notAssessed, damaged.assessed, damaged.vulnerabilities], [['npm'], [], []]);
    assert.match(problems[0]!.message, /advisories for npm could not be read .* delete npm's \.index folder/);
  });
});
