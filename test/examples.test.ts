import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../src/config/config.ts';
import { scan } from '../src/engine/scan.ts';
import { REPO_ROOT, requireSharedData } from './harness/paths.ts';

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/** The check ids named in the "Check" column of an example's README table of deliberate problems. */
function documentedChecks(readme: string): string[] {
  return readme
    .split('\n')
    .filter((line) => line.startsWith('|') && !line.includes('---') && !/\|\s*Check\s*\|/.test(line))
    .flatMap((line) => [...(line.split('|').at(-2) ?? '').matchAll(/`([a-z0-9-]+)`/g)].map((match) => match[1]!));
}

describe('examples: each README documents exactly what m365cert finds', () => {
  for (const example of readdirSync(EXAMPLES)) {
    it(example, async () => {
      const root = path.join(EXAMPLES, example);
      // A fixed clock: end-of-support dates pass, and the READMEs describe the examples as of this date.
      const result = await scan({ root, config: loadConfig(root), dataDir: { dir: requireSharedData(), source: '--data-dir' }, now: () => new Date('2026-11-28T12:00:00Z') });
      const documented = [...new Set(documentedChecks(readFileSync(path.join(root, 'README.md'), 'utf8')))].sort();
      const found = [...new Set(result.findings.map((finding) => finding.checkId))].sort();
      assert.ok(documented.length > 0, 'the README lists no deliberate problem');
      assert.deepEqual(found, documented);
      assert.deepEqual(result.problems.filter((problem) => problem.kind === 'parse-error'), []);
      assert.ok(result.apps.length >= 1);
    });
  }
});
