import assert from 'node:assert/strict';
import https from 'node:https';
import net from 'node:net';
import { describe, it } from 'node:test';
import type { ScanResult } from '../../src/engine/types.ts';
import { runCli } from '../harness/cli.ts';
import { json, teamsManifest } from '../harness/manifests.ts';
import { requireSharedData, tempDir, writeTree } from '../harness/paths.ts';
import { makeCertificate } from '../harness/tls-lab.ts';

describe('scan --probe', () => {
  it('one report with the tree\'s findings and the live endpoint\'s, the probe snapshot included', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/manifest.json': json(teamsManifest({ validDomains: ['*.azurewebsites.net'] })) });
    const certificate = makeCertificate(tempDir(t), { name: 'scan' });
    const server = https.createServer({ key: certificate.key, cert: certificate.cert, minVersion: 'TLSv1.2' }, (_req, res) => {
      res.setHeader('strict-transport-security', 'max-age=31536000; includeSubDomains');
      res.setHeader('x-content-type-options', 'nosniff');
      res.end('ok');
    });
    t.after(() => server.close());
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as net.AddressInfo).port;
    const run = await runCli(['scan', root, '--data-dir', requireSharedData(), '--probe-target', `https://localhost:${port}/`, '-f', 'json', '-q']);
    const report = JSON.parse(run.stdout) as ScanResult;
    assert.equal(report.probes?.length, 1);
    assert.deepEqual(report.probes![0]!.tls!.protocols.filter((protocol) => protocol.accepted).map((protocol) => protocol.protocol), ['TLSv1.2', 'TLSv1.3']);
    const ids = new Set(report.findings.map((finding) => finding.checkId));
    assert.ok(ids.has('manifest-valid-domains-specific'), 'the tree was scanned');
    assert.ok(ids.has('tls-certificate-valid'), 'the endpoint was judged (a self-signed lab certificate)');
    assert.ok(!ids.has('tls-protocols-1-2-or-later') && !ids.has('http-hsts-180-days'));
    const hsts = report.checkRuns.find((checkRun) => checkRun.checkId === 'http-hsts-180-days');
    assert.equal(hsts?.status, 'pass');
    assert.equal(report.controls.find((control) => control.id === 'DATA-3')?.status, 'passed');
    const without = JSON.parse((await runCli(['scan', root, '--data-dir', requireSharedData(), '-f', 'json', '-q'])).stdout) as ScanResult;
    assert.equal(without.probes, undefined, 'no network without --probe');
    assert.equal(without.checkRuns.find((checkRun) => checkRun.checkId === 'http-hsts-180-days')?.status, 'not-applicable');
  });
});
