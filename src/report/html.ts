import { hostRows, pentestLine } from './connectivity.ts';
import { dependencyLine, runtimeRows, vulnerabilityRows } from './dependencies.ts';
import type { ControlStatus, ScanResult } from '../engine/types.ts';
import { CONTROL_STATUS_LABEL, appLine, controlsByDomain, formatLocation, openFindings, summaryLine } from './common.ts';

const STYLE = `
:root{--fg:#1b1f24;--muted:#5b6470;--bg:#fff;--line:#d8dee4;--crit:#8b0000;--high:#c62828;--med:#b26a00;--low:#0b6b8a;--info:#5b6470;--pass:#1a7f37;--manual:#3554b3}
*{box-sizing:border-box}body{font:14px/1.5 system-ui,-apple-system,"Segoe UI",sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:1100px;padding:24px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:18px;margin:28px 0 8px;border-bottom:1px solid var(--line);padding-bottom:4px}h3{font-size:15px;margin:18px 0 6px}
.muted{color:var(--muted)}.summary{font-weight:600;margin:12px 0}
.cards{display:flex;gap:12px;flex-wrap:wrap;margin:12px 0}.card{border:1px solid var(--line);border-radius:6px;padding:8px 14px;min-width:120px}.card b{display:block;font-size:20px}
table{border-collapse:collapse;width:100%;margin:6px 0}th,td{border-bottom:1px solid var(--line);padding:6px 8px;text-align:left;vertical-align:top}th{background:#f6f8fa;font-weight:600}
code{font:12px ui-monospace,SFMono-Regular,Consolas,monospace;background:#f6f8fa;padding:1px 4px;border-radius:4px;word-break:break-all}
.badge{display:inline-block;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;color:#fff;white-space:nowrap}
.sev-critical{background:var(--crit)}.sev-high{background:var(--high)}.sev-medium{background:var(--med)}.sev-low{background:var(--low)}.sev-info{background:var(--info)}
.st-passed{background:var(--pass)}.st-failed{background:var(--high)}.st-not-assessed{background:var(--med)}.st-manual{background:var(--manual)}.st-not-applicable{background:var(--info)}.st-error{background:#6f42c1}
.fix{color:var(--muted);font-size:13px}details{margin:8px 0}summary{cursor:pointer;font-weight:600}
@media print{details{display:block}}`;

/** One self-contained HTML file (inline CSS, no scripts, no external assets); every value is escaped. */
export function renderHtml(result: ScanResult): string {
  const findings = openFindings(result);
  const sections: string[] = [];
  sections.push(`<h1>Microsoft 365 Certification readiness</h1>`);
  sections.push(`<div class="muted">m365cert ${esc(result.tool.version)} · ${esc(result.command)} of <code>${esc(result.root)}</code> · ${esc(result.startedAt)}</div>`);
  sections.push(`<p class="summary">${esc(summaryLine(result))}</p>`);
  sections.push(
    `<div class="cards">${card('Open findings', findings.length)}${card('Controls failed', result.summary.controls.failed)}${card('Manual evidence', result.summary.controls.manual)}${card('Not assessed', result.summary.controls['not-assessed'] + result.summary.checks['not-assessed'])}${card('Files', result.summary.filesScanned)}</div>`,
  );

  sections.push(`<h2>Apps found</h2>`);
  sections.push(
    result.apps.length
      ? `<ul>${result.apps.map((app) => `<li>${esc(appLine(app))}<ul>${app.manifests.map((m) => `<li><code>${esc(m.file)}</code> ${esc(m.kind)}${m.version ? ` ${esc(m.version)}` : ''}</li>`).join('')}</ul></li>`).join('')}</ul>`
      : `<p>No Microsoft 365 app manifest was found.</p>`,
  );

  sections.push(`<h2>Findings (${findings.length})</h2>`);
  sections.push(
    findings.length
      ? table(
          ['Severity', 'Check', 'Location', 'Finding'],
          findings.map((f) => [
            badge(`sev-${f.severity}`, f.severity) + (f.baselineState === 'new' ? ' <b>new</b>' : ''),
            `<code>${esc(f.checkId)}</code>`,
            `<code>${esc(formatLocation(f.location))}</code>`,
            `${esc(f.message)}${f.evidence.map((e) => `<div class="muted">${esc(e.label)}: <code>${esc(e.value)}</code></div>`).join('')}${f.fix ? `<div class="fix">Fix: ${esc(f.fix)}</div>` : ''}`,
          ]),
        )
      : '<p>No open findings.</p>',
  );
  const suppressed = result.findings.filter((f) => f.suppressed);
  if (suppressed.length) {
    sections.push(
      `<details><summary>${suppressed.length} suppressed</summary>${table(
        ['Check', 'Location', 'Reason', 'Owner', 'Expires'],
        suppressed.map((f) => [`<code>${esc(f.checkId)}</code>`, `<code>${esc(formatLocation(f.location))}</code>`, esc(f.suppressed?.reason ?? ''), esc(f.suppressed?.owner ?? ''), esc(f.suppressed?.expires ?? '')]),
      )}</details>`,
    );
  }

  const pentest = pentestLine(result);
  if (pentest) {
    const hosts = hostRows(result);
    sections.push(`<h2>Connections outside Microsoft 365</h2>`, `<p>${esc(pentest)}</p>`);
    if (result.connectivity?.reasons.length) sections.push(`<details><summary>Why</summary><ul>${result.connectivity.reasons.map((reason) => `<li>${esc(reason)}</li>`).join('')}</ul></details>`);
    if (hosts.length) sections.push(table(['Host', 'Operator', 'Service', 'Purpose', 'Where'], hosts.map((row) => [`<code>${esc(row.host)}</code>`, esc(row.owner), esc(row.service), esc(row.purpose), `<code>${esc(row.where)}</code>`])));
    const endpoints = result.inventory?.publicEndpoints ?? [];
    if (endpoints.length) {
      sections.push(
        `<details><summary>${endpoints.length} public endpoint(s) the app serves</summary>${table(
          ['Endpoint', 'Purpose', 'Where'],
          endpoints.map((endpoint) => [`<code>${esc(endpoint.kind === 'route' ? `${endpoint.method} ${endpoint.path}` : (endpoint.url ?? ''))}</code>`, esc(endpoint.purpose), `<code>${esc(`${endpoint.source.file}:${endpoint.source.line}`)}</code>`]),
        )}</details>`,
      );
    }
  }

  const dependencies = dependencyLine(result);
  const runtimes = runtimeRows(result);
  if (dependencies || runtimes.length) {
    sections.push(`<h2>Dependencies and runtimes</h2>`);
    if (dependencies) sections.push(`<p>${esc(dependencies)}</p>`);
    const vulnerabilities = vulnerabilityRows(result);
    if (vulnerabilities.length) sections.push(table(['Package', 'Advisory', 'Severity', 'Fixed in', 'Available / window', 'Status', 'Where'], vulnerabilities.map((row) => [esc(row.package), esc(row.ids), esc(row.severity), esc(row.fixedIn), esc(row.age), esc(row.status), `<code>${esc(row.where)}</code>`])));
    if (runtimes.length) sections.push(table(['Runtime', 'Declared', 'Support', 'Where'], runtimes.map((row) => [esc(row.runtime), `<code>${esc(row.declared)}</code>`, esc(row.support), `<code>${esc(row.where)}</code>`])));
  }

  sections.push(`<h2>Certification controls</h2>`);
  for (const group of controlsByDomain(result)) {
    sections.push(`<h3>${esc(group.title)}</h3>`);
    sections.push(
      table(
        ['Control', 'Status', 'Why', 'Evidence expected'],
        group.controls.map((c) => [`<b>${esc(c.id)}</b> ${esc(c.title)}`, statusBadge(c.status), esc(c.reason), esc(c.evidenceExpected.join('; '))]),
      ),
    );
  }

  const notAssessed = result.checkRuns.filter((run) => run.status === 'not-assessed' || run.status === 'error');
  sections.push(`<h2>Not assessed, not read</h2>`);
  if (!notAssessed.length && !result.problems.length) sections.push('<p>Every check ran and every file was read.</p>');
  if (notAssessed.length) sections.push(table(['Check', 'Status', 'Reason'], notAssessed.map((r) => [`<code>${esc(r.checkId)}</code>`, esc(r.status), esc(r.reason ?? '')])));
  if (result.problems.length) {
    sections.push(
      table(
        ['Kind', 'File', 'Problem'],
        result.problems.map((p) => [esc(p.kind), p.file ? `<code>${esc(p.file)}${p.line ? `:${p.line}` : ''}</code>` : '', esc(p.message)]),
      ),
    );
  }

  sections.push(`<h2>Checks run</h2>`);
  sections.push(
    table(
      ['Check', 'Severity', 'Status', 'Controls', 'Time (ms)'],
      result.checkRuns.map((run) => {
        const meta = result.checks.find((c) => c.id === run.checkId);
        return [`<code>${esc(run.checkId)}</code> ${esc(meta?.title ?? '')}`, esc(meta?.severity ?? ''), esc(run.status), esc(meta?.controls.join(', ') ?? ''), esc(run.durationMs.toFixed(1))];
      }),
    ),
  );
  sections.push(`<h2>Knowledge data</h2><p>Data directory <code>${esc(result.data.dir)}</code> (${esc(result.data.source)}).</p>`);
  sections.push(
    table(
      ['Dataset', 'Present', 'sha-256', 'Retrieved'],
      result.data.datasets.map((d) => [esc(d.id), d.present ? 'yes' : d.optional ? 'not fetched (optional)' : '<b>no</b>', d.sha256 ? `<code>${esc(d.sha256.slice(0, 16))}…</code>` : '', esc(d.retrievedAt ?? '')]),
    ),
  );

  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<title>m365cert report: ${esc(result.root)}</title><style>${STYLE}</style></head>
<body>
${sections.join('\n')}
</body></html>
`;
}

function esc(text: string | number): string {
  return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

function badge(className: string, label: string): string {
  return `<span class="badge ${className}">${esc(label)}</span>`;
}

function statusBadge(status: ControlStatus): string {
  return badge(`st-${status}`, CONTROL_STATUS_LABEL[status]);
}

function card(label: string, value: number): string {
  return `<div class="card"><b>${value}</b>${esc(label)}</div>`;
}

/** Cells are already-escaped HTML. */
function table(headers: string[], rows: string[][]): string {
  return `<table><thead><tr>${headers.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((row) => `<tr>${row.map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody></table>`;
}

