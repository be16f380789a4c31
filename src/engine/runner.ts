import { performance } from 'node:perf_hooks';
import type { Inventory } from '../extract/inventory.ts';
import type { Check, ReportInput } from './define-check.ts';
import { renderMessage } from './define-check.ts';
import type { CheckRun, Finding, Severity } from './types.ts';
import { sha256 } from '../util/hash.ts';

export interface RunOptions {
  severityOverrides?: Record<string, Severity>;
}

export interface RunOutcome {
  findings: Finding[];
  runs: CheckRun[];
}

/** The data command that fills a missing dataset; named in every "not assessed" reason. */
export const DATA_FIX_COMMAND = 'm365cert data update (or m365cert data import <mirror>)';

/**
 * Runs each check over the inventory. A check that throws is recorded as an error against itself and the
 * others still run; each run is timed.
 */
export function runChecks(checks: readonly Check[], inventory: Inventory, options: RunOptions = {}): RunOutcome {
  const findings: Finding[] = [];
  const runs: CheckRun[] = [];
  for (const check of checks) {
    const { meta } = check;
    const started = performance.now();
    const finish = (status: CheckRun['status'], findingCount: number, reason?: string) =>
      runs.push({ checkId: meta.id, status, reason, durationMs: Math.round((performance.now() - started) * 1000) / 1000, findingCount });

    if (meta.appliesTo.length && !inventory.manifests.some((manifest) => meta.appliesTo.includes(manifest.kind))) {
      finish('not-applicable', 0, `no ${meta.appliesTo.join(' / ')} manifest in the tree`);
      continue;
    }
    const missing = (meta.needsData ?? []).filter((dataset) => inventory.missingData.has(dataset));
    if (missing.length) {
      finish('not-assessed', 0, `knowledge data missing (${missing.map((id) => inventory.missingData.get(id)).join('; ')}); run ${DATA_FIX_COMMAND}`);
      continue;
    }
    const produced: Finding[] = [];
    const notAssessed: string[] = [];
    let notApplicable: string | undefined;
    const severity = options.severityOverrides?.[meta.id] ?? meta.severity;
    try {
      check.run(inventory, {
        report: (input: ReportInput<string>) => produced.push(toFinding(check, severity, input)),
        notAssessed: (reason: string) => notAssessed.push(reason),
        notApplicable: (reason: string) => void (notApplicable ??= reason),
      });
    } catch (error) {
      const cause = error instanceof Error ? error.message : String(error);
      finish('error', 0, `the check crashed: ${cause}`);
      continue;
    }
    findings.push(...produced);
    const reason = notAssessed.length ? [...new Set(notAssessed)].join('; ') : undefined;
    if (produced.length) finish('fail', produced.length, reason && `also not assessed: ${reason}`);
    else if (reason) finish('not-assessed', 0, reason);
    else if (notApplicable) finish('not-applicable', 0, notApplicable);
    else finish('pass', 0);
  }
  return { findings, runs };
}

function toFinding(check: Check, severity: Severity, input: ReportInput<string>): Finding {
  const template = check.meta.messages[input.messageId];
  if (template === undefined) throw new Error(`reported unknown messageId "${input.messageId}"`);
  const message = renderMessage(template, input.data);
  const identity = [check.meta.id, input.at?.file ?? '', input.messageId, input.key ?? input.at?.pointer ?? message].join('\u0000');
  return {
    checkId: check.meta.id,
    messageId: input.messageId,
    message,
    severity,
    location: input.at,
    evidence: input.evidence ?? [],
    fingerprint: sha256(identity).slice(0, 32),
    fix: input.fix ?? check.meta.remediation,
  };
}
