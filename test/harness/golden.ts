import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { REPO_ROOT } from './paths.ts';

const GOLDEN_DIR = path.join(REPO_ROOT, 'test', 'golden');

/**
 * Compares output with test/golden/<name>. UPDATE_GOLDEN=1 rewrites the file; a missing golden file fails
 * (it is never silently created in CI).
 */
export function assertGolden(name: string, actual: string): void {
  const file = path.join(GOLDEN_DIR, name);
  if (process.env.UPDATE_GOLDEN === '1') {
    mkdirSync(GOLDEN_DIR, { recursive: true });
    writeFileSync(file, actual);
    return;
  }
  assert.ok(existsSync(file), `golden file ${path.relative(REPO_ROOT, file)} is missing; create it with UPDATE_GOLDEN=1 npm test and review it`);
  assert.equal(actual, readFileSync(file, 'utf8'), `output differs from ${path.relative(REPO_ROOT, file)} (UPDATE_GOLDEN=1 rewrites it after review)`);
}
