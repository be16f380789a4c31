import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { tempDir, writeTree } from '../../test/harness/paths.ts';
import { walk, type WalkOptions } from './walk.ts';

const options = (root: string, extra: Partial<WalkOptions> = {}): WalkOptions => ({ root, include: [], exclude: [], maxFileBytes: 1024, respectGitignore: true, ...extra });

describe('sources/walk', () => {
  it('lists files in a stable order with POSIX paths relative to the root', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'b.txt': 'b', 'a/z.json': '{}', 'a/y/x.yml': 'a: 1' });
    const result = await walk(options(root));
    assert.deepEqual(result.files.map((file) => file.path), ['a/y/x.yml', 'a/z.json', 'b.txt']);
    assert.deepEqual(result.skipped, []);
  });

  it('honours nested .gitignore files, directory patterns and negations', async (t) => {
    const root = tempDir(t);
    writeTree(root, {
      '.gitignore': 'build/\n*.log\n',
      'build/out.json': '{}',
      'app.log': 'x',
      'src/.gitignore': 'generated.ts\n!keep.log\n',
      'src/generated.ts': 'x',
      'src/keep.log': 'x',
      'src/main.ts': 'x',
      'other/generated.ts': 'x',
    });
    const result = await walk(options(root));
    assert.deepEqual(result.files.map((file) => file.path), ['.gitignore', 'other/generated.ts', 'src/.gitignore', 'src/main.ts']);
    const withoutGitignore = await walk(options(root, { respectGitignore: false }));
    assert.equal(withoutGitignore.files.length, 8);
  });

  it('applies include and exclude globs', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'appPackage/manifest.json': '{}', 'src/a.ts': 'x', 'node_modules/dep/index.js': 'x' });
    const included = await walk(options(root, { include: ['appPackage/**'] }));
    assert.deepEqual(included.files.map((file) => file.path), ['appPackage/manifest.json']);
    const excluded = await walk(options(root, { exclude: ['**/node_modules/**', 'src/**'] }));
    assert.deepEqual(excluded.files.map((file) => file.path), ['appPackage/manifest.json']);
  });

  it('skips files over the size limit and says so', async (t) => {
    const root = tempDir(t);
    writeTree(root, { 'small.json': '{}', 'bundle.min.js': 'x'.repeat(4096) });
    const result = await walk(options(root));
    assert.deepEqual(result.files.map((file) => file.path), ['small.json']);
    assert.deepEqual(result.skipped, [{ path: 'bundle.min.js', reason: 'larger than the 1 KiB limit (4 KiB)' }]);
  });

  it('never follows a link out of the root, and reports broken links and link loops', async (t) => {
    const outside = tempDir(t);
    writeTree(outside, { 'secret.json': '{"password":"x"}' });
    const root = tempDir(t);
    writeTree(root, { 'real/manifest.json': '{}' });
    symlinkSync(path.join(outside, 'secret.json'), path.join(root, 'escape.json'));
    symlinkSync(outside, path.join(root, 'escape-dir'));
    symlinkSync(path.join(root, 'nowhere'), path.join(root, 'broken.json'));
    symlinkSync(path.join(root, 'real'), path.join(root, 'real', 'loop'));
    symlinkSync(path.join(root, 'self'), path.join(root, 'self'));
    symlinkSync(path.join(root, 'real', 'manifest.json'), path.join(root, 'alias.json'));
    const result = await walk(options(root));
    assert.deepEqual(result.files.map((file) => file.path), ['alias.json', 'real/manifest.json']);
    const reasons = Object.fromEntries(result.skipped.map((skip) => [skip.path, skip.reason]));
    assert.match(reasons['escape.json'] ?? '', /outside the scan root/);
    assert.match(reasons['escape-dir'] ?? '', /outside the scan root/);
    assert.match(reasons['broken.json'] ?? '', /broken link/);
    assert.match(reasons['real/loop'] ?? '', /link loop/);
    assert.match(reasons.self ?? '', /link loop/);
  });

  it('skips pipes and other special files instead of blocking on them', async (t) => {
    const root = tempDir(t);
    mkdirSync(path.join(root, 'd'));
    execFileSync('mkfifo', [path.join(root, 'd', 'pipe.json')]);
    const result = await walk(options(root));
    assert.deepEqual(result.skipped, [{ path: 'd/pipe.json', reason: 'not a regular file (device, socket or pipe)' }]);
  });
});
