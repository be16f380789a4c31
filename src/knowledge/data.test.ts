import assert from 'node:assert/strict';
import { readFileSync, writeFileSync, existsSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { osvRecord } from '../../test/harness/osv-fixtures.ts';
import { runCli } from '../../test/harness/cli.ts';
import { requireSharedData, tempDir } from '../../test/harness/paths.ts';
import { sha256 } from '../util/hash.ts';
import { datasetStatus, readRecords, resolveDataDir } from './data-dir.ts';
import { DATASETS } from './datasets.ts';
import { importData, updateData } from './update.ts';

/** A real HTTP server on loopback serving the shared data as an upstream mirror, with a few broken paths. */
let server: Server;
let mirror: string;
const requests: string[] = [];
const FIXED_NOW = () => new Date('2026-11-28T10:00:00.000Z');
/** OSV exports the mirror serves: a real zip of OSV records for npm, an HTML error page where PyPI's should be. */
const OSV_EXPORTS = new Map<string, Uint8Array>([
  ['/good/osv/npm/all.zip', zipSync({ 'GHSA-data-0001.json': strToU8(osvRecord('GHSA-data-0001', 'npm', 'fixture-pkg', [{ introduced: '0' }, { fixed: '1.0.1' }])) })],
  ['/good/osv/PyPI/all.zip', strToU8('<html>Access denied</html>')],
]);

before(async () => {
  const shared = requireSharedData();
  server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    requests.push(url.pathname);
    const relative = decodeURIComponent(url.pathname).replace(/^\/(good|broken)\//, '');
    const file = path.join(shared, relative);
    if (url.pathname.startsWith('/broken/') && relative === 'graph/permissions.json') {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(readFileSync(file).subarray(0, 1000));
      return;
    }
    const osv = OSV_EXPORTS.get(url.pathname);
    if (osv) return void response.writeHead(200, { 'content-type': 'application/zip' }).end(osv);
    if (!relative.startsWith('graph/') && !relative.startsWith('schemas/')) return void response.writeHead(404).end();
    if (!existsSync(file)) return void response.writeHead(404).end('not found');
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(readFileSync(file));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  mirror = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('knowledge/data', () => {
  it('resolves --data-dir, then M365CERT_DATA_DIR, then the user cache', () => {
    assert.deepEqual(resolveDataDir('/x/data', { M365CERT_DATA_DIR: '/y' }), { dir: '/x/data', source: '--data-dir' });
    assert.deepEqual(resolveDataDir(undefined, { M365CERT_DATA_DIR: '/y' }), { dir: '/y', source: 'M365CERT_DATA_DIR' });
    assert.deepEqual(resolveDataDir(undefined, { XDG_CACHE_HOME: '/cache' }), { dir: '/cache/m365cert/data', source: 'user cache' });
  });

  it('downloads every upstream file over HTTP, records sha-256, source and date, and reports what upstream lacks', async (t) => {
    const dir = tempDir(t);
    const outcomes = await updateData(dir, { mirror: `${mirror}/good`, now: FIXED_NOW });
    const shared = requireSharedData();
    const downloadable = DATASETS.filter((d) => !d.optional).flatMap((d) => d.files).filter((f) => f.url);
    assert.equal(outcomes.length, downloadable.length);
    for (const outcome of outcomes) {
      const source = path.join(shared, outcome.path);
      if (existsSync(source)) {
        assert.ok(outcome.ok, outcome.message);
        assert.equal(outcome.record?.sha256, sha256(readFileSync(source)));
        assert.equal(readFileSync(path.join(dir, outcome.path), 'utf8'), readFileSync(source, 'utf8'));
      } else {
        assert.equal(outcome.ok, false, `${outcome.path} is not upstream, so it must fail`);
        assert.match(outcome.message, /HTTP 404/);
      }
    }
    const records = readRecords(dir);
    assert.equal(records.files['graph/permissions.json']?.source, `${mirror}/good/graph/permissions.json`);
    assert.equal(records.files['graph/permissions.json']?.retrievedAt, '2026-11-28T10:00:00.000Z');
    assert.ok(requests.includes('/good/schemas/teams/v1.17/MicrosoftTeams.schema.json'));
  });

  it('fetches OSV exports only when asked, for the ecosystems a tree uses, and refuses what is not a zip', async (t) => {
    const dir = tempDir(t);
    const tree = tempDir(t);
    writeFileSync(path.join(tree, 'package-lock.json'), JSON.stringify({ lockfileVersion: 3, packages: { 'node_modules/fixture-pkg': { version: '1.0.0' } } }));
    writeFileSync(path.join(tree, 'requirements.txt'), 'flask==2.0.0\n');
    const run = await runCli(['data', 'update', '--data-dir', dir, '--mirror', `${mirror}/good`, '--for', tree, '--only', 'schemas-spfx']);
    assert.match(run.stderr, /optional data for .*: osv-npm, osv-pypi\n/);
    assert.match(run.stdout, /ok {5}osv\/npm\/all\.zip/);
    assert.match(run.stdout, /FAILED osv\/PyPI\/all\.zip: .*not a zip archive/);
    assert.equal(run.code, 2);
    assert.ok(!requests.some((request) => request.includes('/osv/Maven/')), 'ecosystems the tree does not use are not fetched');
    const plain = await updateData(tempDir(t), { mirror: `${mirror}/good`, now: FIXED_NOW });
    assert.ok(!plain.some((outcome) => outcome.path.startsWith('osv/')), 'a plain update leaves the large advisory exports out');
  });

  it('keeps the previous copy when a download is truncated', async (t) => {
    const dir = tempDir(t);
    mkdirSync(path.join(dir, 'graph'), { recursive: true });
    writeFileSync(path.join(dir, 'graph', 'permissions.json'), '{"previous": true}');
    const [outcome] = await updateData(dir, { mirror: `${mirror}/broken`, only: ['graph-permissions'] });
    assert.equal(outcome?.ok, false);
    assert.match(outcome?.message ?? '', /not valid JSON.*previous copy/);
    assert.equal(readFileSync(path.join(dir, 'graph', 'permissions.json'), 'utf8'), '{"previous": true}');
  });

  it('gives up on a server that never answers within the timeout', async (t) => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    t.after(() => {
      silent.closeAllConnections();
      silent.close();
    });
    const started = Date.now();
    const [outcome] = await updateData(tempDir(t), { mirror: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`, only: ['schemas-spfx'], timeoutMs: 300 });
    assert.equal(outcome?.ok, false);
    assert.ok(Date.now() - started < 5000);
  });

  it('imports an offline mirror and reports status with sources and age', async (t) => {
    const dir = tempDir(t);
    const outcomes = await importData(requireSharedData(), dir, FIXED_NOW);
    assert.ok(outcomes.every((o) => o.ok));
    const status = datasetStatus(dir);
    const required = status.filter((s) => !s.dataset.optional);
    assert.ok(required.every((s) => s.present > 0), required.filter((s) => s.present === 0).map((s) => s.dataset.id).join(', '));
    assert.match(status[0]!.sources[0]!, /^imported from /);
    await assert.rejects(importData(tempDir(t), dir), /no m365cert data files found/);
  });

  it('data status, update and import through the CLI', async (t) => {
    const dir = tempDir(t);
    const empty = await runCli(['data', 'status', '--data-dir', dir]);
    assert.equal(empty.code, 0);
    assert.match(empty.stdout, /graph-permissions\s+MISSING/);
    assert.match(empty.stdout, /run m365cert data update/);
    const update = await runCli(['data', 'update', '--data-dir', dir, '--mirror', `${mirror}/good`, '--only', 'schemas-spfx,graph-service-principal']);
    assert.equal(update.code, 0, update.stdout);
    assert.match(update.stdout, /3 file\(s\) written, 0 failed/);
    const after = await runCli(['data', 'status', '--data-dir', dir, '--json']);
    const parsed = JSON.parse(after.stdout) as { datasets: { id: string; present: number; sources: string[] }[] };
    assert.equal(parsed.datasets.find((d) => d.id === 'schemas-spfx')?.present, 1);
    assert.deepEqual(parsed.datasets.find((d) => d.id === 'schemas-spfx')?.sources, ['downloaded from 127.0.0.1:' + mirror.split(':').pop()]);
    assert.equal((await runCli(['data', 'update', '--data-dir', dir, '--only', 'nope'])).code, 2);
    assert.equal((await runCli(['data', 'import', '--data-dir', dir, requireSharedData()])).code, 0);
    assert.equal((await runCli(['data', 'frobnicate'])).code, 2);
  });

  it('a scan without data says "not assessed" with the fixing command, never passes', async (t) => {
    const root = tempDir(t);
    writeFileSync(path.join(root, 'manifest.json'), JSON.stringify({ manifestVersion: '1.17', id: 'x', developer: {} }));
    const run = await runCli(['scan', root, '--data-dir', tempDir(t), '-f', 'json']);
    const report = JSON.parse(run.stdout) as { checkRuns: { checkId: string; status: string; reason?: string }[] };
    const schemaRun = report.checkRuns.find((r) => r.checkId === 'manifest-schema-valid');
    assert.equal(schemaRun?.status, 'not-assessed');
    assert.match(schemaRun?.reason ?? '', /m365cert data update/);
  });
});
