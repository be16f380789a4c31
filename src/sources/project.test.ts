import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { tempDir, writeTree } from '../../test/harness/paths.ts';
import { loadProject } from './project.ts';
import { readZipManifests } from './zip.ts';

const load = (root: string) => loadProject({ root, include: [], exclude: [], maxFileBytes: 1024 * 1024, respectGitignore: true });

describe('sources/project', () => {
  it('reads each text file once, parses manifests and known configuration while loading, and reports every parse error with its place', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      'appPackage/manifest.json': '{"manifestVersion": "1.17"}',
      'broken/manifest.json': '{\n  "manifestVersion": 1,,\n}',
      'teamsapp.yml': 'version: [1, 2\n',
      'addin.xml': '<OfficeApp><b></OfficeApp>',
      'data/records.json': '{"not": "a manifest"}',
      'notes.md': '# notes',
    });
    const project = await load(root);
    assert.deepEqual(project.files.map((file) => file.path), ['addin.xml', 'appPackage/manifest.json', 'broken/manifest.json', 'data/records.json', 'notes.md', 'teamsapp.yml']);
    assert.deepEqual([...project.structured.keys()], ['appPackage/manifest.json']);
    const errors = project.problems.map((problem) => `${problem.kind} ${problem.file}:${problem.line ?? '-'}`);
    assert.deepEqual(errors, ['parse-error addin.xml:1', 'parse-error broken/manifest.json:2', 'parse-error teamsapp.yml:2']);
    assert.match(project.problems[1]!.message, /^could not parse JSON: /);
  });

  it('parses any other structured file on first use, once, and records its parse error once', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'data/records.json': '{"a": [1, 2]}', 'ci/pipeline.yml': 'steps: [\n', 'notes.md': 'x' });
    const project = await load(root);
    assert.equal(project.structured.size, 0);
    const parsed = project.parse('data/records.json');
    assert.equal(parsed?.format, 'json');
    assert.equal(project.parse('data/records.json'), parsed);
    assert.equal(project.parse('ci/pipeline.yml'), undefined);
    assert.equal(project.parse('ci/pipeline.yml'), undefined);
    assert.deepEqual(project.problems.map((problem) => `${problem.kind} ${problem.file}`), ['parse-error ci/pipeline.yml']);
    assert.equal(project.parse('notes.md'), undefined);
    assert.equal(project.parse('missing.json'), undefined);
  });

  it('reports binary content in a source file, and counts other binaries', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'app.js': Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x00]), 'logo.png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00]) });
    const project = await load(root);
    assert.deepEqual(project.problems, [{ kind: 'skipped', file: 'app.js', message: 'binary content in a file with a text extension' }]);
    assert.deepEqual(project.binaryFiles, ['logo.png']);
    assert.equal(project.filesSkipped, 2);
  });

  it('reads manifests inside zipped app packages', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/build/app.zip': zipSync({ 'manifest.json': strToU8('{"manifestVersion":"1.17"}'), 'color.png': new Uint8Array([0x89, 0, 1]) }) });
    const project = await load(root);
    assert.deepEqual([...project.structured.keys()], ['appPackage/build/app.zip!manifest.json']);
  });

  it('refuses a corrupt zip and a zip bomb with a located entry, and goes on', async (t) => {
    const root = tempDir(t);
    const bomb = zipSync({ 'manifest.json': new Uint8Array(30 * 1024 * 1024).fill(0x20) }, { level: 9 });
    writeTree(root, { 'bad.zip': Buffer.from('PK\u0003\u0004 not really a zip'), 'bomb.zip': bomb, 'ok/manifest.json': '{"manifestVersion": "1.17"}' });
    const project = await load(root);
    const messages = Object.fromEntries(project.problems.map((problem) => [problem.file, problem.message]));
    assert.match(messages['bad.zip'] ?? '', /zip archive not read/);
    assert.match(messages['bomb.zip'] ?? '', /inflates to \d+ bytes/);
    assert.deepEqual([...project.structured.keys()], ['ok/manifest.json']);
  });

  it('stops reading at the total budget and says how many files it left', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'a.txt': 'x'.repeat(600), 'b.txt': 'y'.repeat(600), 'c.txt': 'z'.repeat(600) });
    const project = await loadProject({ root, include: [], exclude: [], maxFileBytes: 1024, respectGitignore: true, maxTotalBytes: 1000 });
    assert.equal(project.files.length, 1);
    assert.match(project.problems.at(-1)?.message ?? '', /2 file\(s\) not read: the scan reached its 1000 B reading budget/);
  });

  it('limits the number of zip entries', () => {
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`f${i}.json`, strToU8('{}')]));
    assert.throws(() => readZipManifests(zipSync(many), { maxEntries: 10, maxEntryBytes: 1024, maxTotalBytes: 4096 }), /more than 10 entries/);
  });
});
