import type { ScanResult } from '../engine/types.ts';
import type { GraphCall } from '../extract/graph/types.ts';
import { GUID } from '../extract/graph/requested.ts';

/**
 * The permission inventory and justification table an assessor asks for: per app, every requested
 * permission with where it is declared and its verdict (needed by which calls, unused, reducible to what,
 * high-risk), the calls nothing requested covers, and the calls that could not be resolved.
 */
export function renderPermissionsTable(result: ScanResult, paint: (style: 'bold' | 'red' | 'yellow' | 'green' | 'gray', text: string) => string = (_s, t) => t): string {
  const lines: string[] = [];
  const inventory = result.inventory;
  const analysis = result.permissionAnalysis;
  if (!inventory || !analysis) {
    const reason = result.checkRuns.find((run) => run.checkId.startsWith('graph-') && run.status === 'not-assessed')?.reason ?? 'the Graph permission data is not available';
    return `${paint('bold', 'Microsoft Graph permissions')}: not assessed — ${reason}\n`;
  }
  const callText = (index: number) => {
    const call: GraphCall | undefined = inventory.graphCalls[index];
    return call ? `${call.method} ${call.path}${call.apiVersion === 'beta' ? ' (beta)' : ''} at ${call.source.file}:${call.source.line}` : '?';
  };
  if (analysis.apps.length === 0) lines.push('No Microsoft Graph permission is requested and no Graph call was found.');
  for (const app of analysis.apps) {
    const flow = app.flows.assumed ? 'delegated (assumed: no token acquisition found)' : [app.flows.delegated ? 'delegated' : '', app.flows.application ? 'application' : ''].filter(Boolean).join(' + ');
    lines.push(paint('bold', `Microsoft Graph permissions of ${app.appRoot === '.' ? 'the app' : app.appRoot}`), `  auth flow: ${flow}${app.flows.evidence.length ? ` — ${app.flows.evidence.slice(0, 3).join(', ')}` : ''}`);
    const requested = inventory.permissionsRequested.filter((permission) => permission.appRoot === app.appRoot);
    const rows: string[][] = [];
    for (const permission of requested) {
      const key = (entry: { name: string; type: string }) => entry.name.toLowerCase() === permission.name.toLowerCase() && entry.type === permission.type;
      const needed = app.needed.find(key);
      const excessive = app.excessive.find(key);
      const risk = app.highRisk.find(key);
      const notJudged = permission.type === 'rsc' ? app.rscNotJudged?.find((entry) => entry.name.toLowerCase() === permission.name.toLowerCase()) : undefined;
      let verdict: string;
      if (permission.unresolved) verdict = paint('yellow', GUID.test(permission.name) ? 'unknown id (not in the Graph service principal data)' : 'id computed at deployment: not resolved');
      else if (permission.type === 'rsc' && permission.rsc?.mode === 'delegated') verdict = paint('gray', 'delegated RSC: a Teams client feature, not a Graph grant; listed for the inventory');
      else if (notJudged) verdict = paint('gray', `not judged: ${notJudged.why}`);
      else if (permission.type !== 'delegated' && permission.type !== 'application' && permission.type !== 'rsc') verdict = paint('gray', `${permission.type}: not a Graph scope; listed for the inventory`);
      else if (/^(openid|profile|email|offline_access)$/i.test(permission.name)) verdict = paint('gray', 'sign-in (OpenID Connect)');
      else if (needed) verdict = paint('green', `needed: ${needed.calls.slice(0, 2).map(callText).join('; ')}${needed.calls.length > 2 ? ` (+${needed.calls.length - 2})` : ''}${needed.alsoServes?.length ? `; also serves ${needed.alsoServes.length} call(s) a lower permission would cover` : ''}`);
      else if (excessive?.reason === 'reducible') verdict = paint('red', `reducible to ${(excessive.lowerAlternative ?? []).join(' + ')}`);
      else if (excessive?.reason === 'unused') verdict = paint('red', excessive.redundantWith ? `not needed: ${excessive.redundantWith.join(', ')} already allows its calls` : 'unused');
      else verdict = '';
      if (risk) verdict += risk.justification ? paint('gray', ` [high risk, justified: ${risk.justification}]`) : paint('yellow', ` [high risk: ${risk.why}; no justification]`);
      rows.push([permission.name, permission.type, `${permission.source.file}:${permission.source.line}`, permission.via, verdict]);
    }
    if (rows.length) lines.push(...table(['permission', 'type', 'declared at', 'via', 'verdict'], rows).map((line) => `  ${line}`));
    else lines.push('  no permission is declared in the tree for this app');
    for (const missing of app.missing) {
      // A call whose own least permission is lower is named with it: the suggestion covers it only because other calls need it.
      const describe = (call: number) => {
        const covered = missing.coveredCalls?.find((entry) => entry.call === call);
        return covered ? `${callText(call)} (its least: ${covered.least.join(' or ')})` : callText(call);
      };
      const rsc = missing.rscAlternatives?.length ? ` — or, for the teams, chats or users the app is installed in, RSC ${missing.rscAlternatives.join(' or ')} in the Teams manifest` : '';
      lines.push(paint('red', `  missing: ${missing.anyOf.join(' or ')} (${missing.type}) for ${missing.calls.map(describe).join('; ')}${rsc}`));
    }
    for (const unmatched of app.unmatchedCalls) lines.push(paint('yellow', `  no permission data: ${callText(unmatched.call)} — ${unmatched.reason}`));
    const calls = inventory.graphCalls.filter((call) => call.appRoot === app.appRoot);
    lines.push(`  Graph calls found: ${calls.length}${app.unresolvedCalls ? `, ${app.unresolvedCalls} not resolvable statically` : ''}${app.usesDefaultScope ? '; the code asks for /.default (the registration decides)' : ''}`);
    for (const unresolved of inventory.unresolvedGraphCalls.filter((item) => item.appRoot === app.appRoot)) lines.push(paint('gray', `    unresolved: ${unresolved.source.file}:${unresolved.source.line} ${unresolved.reason}`));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

function table(headers: string[], rows: string[][]): string[] {
  // Widths ignore colour escapes so that coloured and plain output line up alike.
  const visible = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '').length;
  const widths = headers.map((header, column) => Math.min(48, Math.max(visible(header), ...rows.map((row) => visible(row[column] ?? '')))));
  const format = (row: string[]) => row.map((cell, column) => (column === row.length - 1 ? cell : cell + ' '.repeat(Math.max(1, widths[column]! - visible(cell) + 2)))).join('');
  return [format(headers), ...rows.map(format)];
}
