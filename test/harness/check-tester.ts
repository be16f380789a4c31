import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Check } from '../../src/engine/define-check.ts';
import { metaProblems } from '../../src/engine/define-check.ts';
import { runChecks } from '../../src/engine/runner.ts';
import type { CheckRun, Finding } from '../../src/engine/types.ts';
import type { EndpointSnapshot } from '../../src/probe/index.ts';
import { loadConfig } from '../../src/config/config.ts';
import { buildInventory } from '../../src/engine/scan.ts';
import { partsReadBy } from '../../src/engine/inventory-parts.ts';
import { loadProject } from '../../src/sources/project.ts';
import { dataDirWith, requireSharedData, tempDir, writeTree } from './paths.ts';

export interface ExpectedFinding {
  messageId: string;
  file: string;
  line: number;
}

interface Case {
  name: string;
  files: Record<string, string | Uint8Array>;
  /** Endpoint probe snapshots (the input of the tls and http checks), evaluated offline. */
  probes?: EndpointSnapshot[];
  /** Files added to a data directory beside the shared one (OSV advisories written for the case), by path inside it. */
  data?: Record<string, string | Uint8Array>;
  /** The scan's clock (patch windows are measured against it). */
  now?: string;
}

export interface CheckCases {
  valid: Case[];
  invalid: (Case & { findings: ExpectedFinding[] })[];
  /** Cases where the check must say "not assessed", with a part of the reason. */
  notAssessed?: (Case & { reason: string })[];
  /** Cases where the check has nothing to look at. */
  notApplicable?: Case[];
}

/**
 * Runs one check over a real tree written to disk, through the real sources and extractors. The inventory holds
 * only the parts the check's domain is said to read (as for `m365cert permissions`): a check reading anything
 * else would miss it here and fail its cases.
 */
export async function runCheckOnFiles(check: Check, t: { after: (fn: () => void) => void }, files: Record<string, string | Uint8Array>, probes?: EndpointSnapshot[], data?: Record<string, string | Uint8Array>, now?: string): Promise<{ findings: Finding[]; run: CheckRun }> {
  const root = tempDir(t);
  writeTree(root, files);
  const sources = await loadProject({ root, include: [], exclude: [], maxFileBytes: 5 * 1024 * 1024, respectGitignore: true });
  const inventory = await buildInventory(root, sources, data ? dataDirWith(t, data) : requireSharedData(), loadConfig(root), [], undefined, now ? new Date(now) : undefined, undefined, partsReadBy([check]));
  if (probes) inventory.probes = probes;
  const outcome = runChecks([check], inventory);
  return { findings: outcome.findings, run: outcome.runs[0]! };
}

/**
 * RuleTester-style harness: every valid case must pass with no finding; every invalid case must produce
 * exactly the expected findings (message id, file and line), no more, no fewer.
 */
export function checkTester(check: Check, cases: CheckCases): void {
  describe(check.meta.id, () => {
    it('has valid metadata, at least one valid and one invalid case, and unique case names', () => {
      assert.deepEqual(metaProblems(check.meta), []);
      assert.ok(cases.valid.length > 0 && cases.invalid.length > 0, 'needs valid and invalid cases');
      const names = [...cases.valid, ...cases.invalid, ...(cases.notAssessed ?? []), ...(cases.notApplicable ?? [])].map((c) => c.name);
      assert.equal(new Set(names).size, names.length, 'duplicate case names');
      for (const invalid of cases.invalid) for (const finding of invalid.findings) assert.ok(finding.messageId in check.meta.messages, `unknown messageId ${finding.messageId}`);
    });
    for (const valid of cases.valid) {
      it(`valid: ${valid.name}`, async (t) => {
        const { findings, run } = await runCheckOnFiles(check, t, valid.files, valid.probes, valid.data, valid.now);
        assert.deepEqual(findings.map((f) => `${f.messageId} ${f.location?.file}:${f.location?.line} ${f.message}`), []);
        assert.equal(run.status, 'pass', run.reason);
      });
    }
    for (const invalid of cases.invalid) {
      it(`invalid: ${invalid.name}`, async (t) => {
        const { findings, run } = await runCheckOnFiles(check, t, invalid.files, invalid.probes, invalid.data, invalid.now);
        const actual = findings.map((f) => ({ messageId: f.messageId, file: f.location?.file ?? '', line: f.location?.line ?? 0 }));
        const sort = (list: ExpectedFinding[]) => [...list].sort((a, b) => `${a.file}:${a.line}:${a.messageId}`.localeCompare(`${b.file}:${b.line}:${b.messageId}`));
        assert.deepEqual(sort(actual), sort(invalid.findings), findings.map((f) => f.message).join('\n'));
        assert.equal(run.status, 'fail');
        for (const finding of findings) assert.match(finding.fingerprint, /^[0-9a-f]{32}$/);
      });
    }
    for (const unassessed of cases.notAssessed ?? []) {
      it(`not assessed: ${unassessed.name}`, async (t) => {
        const { findings, run } = await runCheckOnFiles(check, t, unassessed.files, unassessed.probes, unassessed.data, unassessed.now);
        assert.equal(findings.length, 0);
        assert.equal(run.status, 'not-assessed');
        assert.ok(run.reason?.includes(unassessed.reason), `reason "${run.reason}" should mention "${unassessed.reason}"`);
      });
    }
    for (const inapplicable of cases.notApplicable ?? []) {
      it(`not applicable: ${inapplicable.name}`, async (t) => {
        const { run } = await runCheckOnFiles(check, t, inapplicable.files, inapplicable.probes);
        assert.equal(run.status, 'not-applicable');
      });
    }
  });
}


