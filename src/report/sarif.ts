import { pathToFileURL } from 'node:url';
import type { Finding, ScanResult, Severity } from '../engine/types.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note', info: 'note' };
/** GitHub code scanning reads properties.security-severity (a CVSS-like number) to rank alerts. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0', info: '0.0' };

/** SARIF 2.1.0 for code-scanning tools: one rule per check, results with locations and partial fingerprints. */
export function renderSarif(result: ScanResult): string {
  const ruleIndex = new Map(result.checks.map((check, index) => [check.id, index]));
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'm365cert',
            version: result.tool.version,
            semanticVersion: result.tool.version,
            informationUri: 'https://www.npmjs.com/package/m365cert',
            rules: result.checks.map((check) => ({
              id: check.id,
              name: check.id.replace(/(^|-)([a-z0-9])/g, (_m, _d: string, c: string) => c.toUpperCase()),
              shortDescription: { text: check.title },
              fullDescription: { text: check.description },
              helpUri: check.helpUri,
              help: { text: `${check.description}\n\nRemediation: ${check.remediation}`, markdown: `${check.description}\n\n**Remediation:** ${check.remediation}` },
              defaultConfiguration: { level: LEVEL[check.severity] },
              properties: { tags: ['security', 'microsoft-365-certification', ...check.controls], 'security-severity': SECURITY_SEVERITY[check.severity], controls: check.controls },
            })),
          },
        },
        originalUriBaseIds: { ROOT: { uri: `${pathToFileURL(result.root).href.replace(/\/?$/, '/')}` } },
        invocations: [
          {
            executionSuccessful: !result.checkRuns.some((run) => run.status === 'error'),
            startTimeUtc: result.startedAt,
            toolExecutionNotifications: [
              ...result.checkRuns
                .filter((run) => run.status === 'error' || run.status === 'not-assessed')
                .map((run) => ({ level: run.status === 'error' ? 'error' : 'warning', message: { text: `${run.checkId}: ${run.status}: ${run.reason}` }, descriptor: { id: run.checkId } })),
              ...result.problems.map((problem) => ({
                level: 'warning',
                message: { text: `${problem.kind}: ${problem.message}` },
                ...(problem.file ? { locations: [{ physicalLocation: physical(problem.file, problem.line, problem.column) }] } : {}),
              })),
            ],
          },
        ],
        results: result.findings.map((finding) => toResult(finding, ruleIndex.get(finding.checkId) ?? 0)),
        columnKind: 'unicodeCodePoints',
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}

function toResult(finding: Finding, ruleIndex: number) {
  const inner = finding.location?.file.includes('!') ? finding.location.file.slice(finding.location.file.indexOf('!') + 1) : undefined;
  return {
    ruleId: finding.checkId,
    ruleIndex,
    level: LEVEL[finding.severity],
    message: { text: inner ? `[${inner}] ${finding.message}` : finding.message },
    locations: finding.location ? [{ physicalLocation: physical(finding.location.file, inner ? undefined : finding.location.line, inner ? undefined : finding.location.column) }] : [],
    partialFingerprints: { 'm365cert/v1': finding.fingerprint },
    ...(finding.baselineState ? { baselineState: finding.baselineState } : {}),
    ...(finding.suppressed ? { suppressions: [{ kind: 'external', status: 'accepted', justification: finding.suppressed.reason }] } : {}),
    properties: { severity: finding.severity, ...(finding.evidence.length ? { evidence: finding.evidence } : {}) },
  };
}

/** Zip members ("pkg.zip!manifest.json") point at the archive: code scanning can only show real files. */
function physical(file: string, line?: number, column?: number) {
  const artifact = file.includes('!') ? file.slice(0, file.indexOf('!')) : file;
  return {
    artifactLocation: { uri: artifact.split('/').map(encodeURIComponent).join('/'), uriBaseId: 'ROOT' },
    ...(line ? { region: { startLine: line, ...(column ? { startColumn: column } : {}) } } : {}),
  };
}
