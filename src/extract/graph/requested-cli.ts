import { parseGraphUrl } from '../../knowledge/graph/graph-path.ts';
import type { GraphPermissionIndex } from '../../knowledge/graph/permission-index.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { GRAPH_APP_ID } from './requested.ts';
import type { RequestedPermission } from './types.ts';

/**
 * App registrations made by setup scripts with the CLI for Microsoft 365, as Microsoft 365 templates and PnP
 * samples create them: `m365 entra app add --apisDelegated "https://graph.microsoft.com/User.Read,…"
 * --apisApplication "…"` (also its older `aad` and `appregistration` names) and `m365 entra app permission add
 * --delegatedPermissions "…" --applicationPermissions "…"`. Each value lists permissions by resource URI and
 * name (comma- or space-separated); only Microsoft Graph's count. And the Azure CLI's `az ad app permission add
 * --api 00000003-0000-0000-c000-000000000000 --api-permissions <id>=Scope <id>=Role`, ids resolved through the
 * Graph service principal data. A command may go on over lines ending in `\` (shell), `` ` `` (PowerShell) or `^`
 * (cmd). Values held in variables are not followed.
 */
export const CLI_SCRIPT = /\.(sh|bash|zsh|ps1|psm1|cmd|bat)$/i;
export const CLI_REGISTRATION_HINT = /\bm365\s+(entra|aad)\s+(app|appregistration)\s|\baz\s+ad\s+app\s+permission\s+add\b/;

const COMMAND = /\bm365\s+(?:entra|aad)\s+(?:app|appregistration)\s+(?:add|permission\s+add)\b/g;
/** An option naming permissions, then its value: quoted, or up to the next space. */
const OPTION = /(?:^|\s)(--apisDelegated|--apisApplication|--delegatedPermissions|--applicationPermissions)(?:\s+|=)("([^"]*)"|'([^']*)'|([^\s"'`\\^]+))/g;
const CONTINUED = /[\\`^][ \t]*$/;
const AZ_COMMAND = /\baz\s+ad\s+app\s+permission\s+add\b/g;

/** A command commented out (`# m365 …` in shell and PowerShell, `REM`/`::` in cmd) registers nothing. */
function commentedOut(text: string, start: number): boolean {
  return /^\s*(#|REM\b|::)/i.test(text.slice(text.lastIndexOf('\n', start) + 1, start));
}

export function requestedFromCliScript(file: SourceFile, appRoot: string, index?: GraphPermissionIndex): RequestedPermission[] {
  if (!CLI_REGISTRATION_HINT.test(file.text)) return [];
  const requested: RequestedPermission[] = [];
  for (const command of file.text.matchAll(AZ_COMMAND)) {
    const start = command.index!;
    if (commentedOut(file.text, start)) continue;
    const span = file.text.slice(start, commandEnd(file.text, start));
    const api = /\s--api\s+["']?([0-9a-f-]{36})/i.exec(span)?.[1];
    const list = /\s--api-permissions\s+((?:["']?[0-9a-f-]{36}=(?:Scope|Role)["']?[\s\\`^]*)+)/i.exec(span);
    if (!api || api.toLowerCase() !== GRAPH_APP_ID || !list) continue;
    const listAt = start + list.index! + list[0].length - list[1]!.length;
    for (const entry of list[1]!.matchAll(/([0-9a-f-]{36})=(Scope|Role)/gi)) {
      const kind = entry[2]!.toLowerCase() === 'role' ? 'Role' : 'Scope';
      const name = index?.nameOfId(kind, entry[1]!);
      const at = file.locOf(listAt + entry.index!);
      requested.push({ resource: 'Microsoft Graph', name: name ?? entry[1]!, type: kind === 'Role' ? 'application' : 'delegated', source: { file: file.path, line: at.line, column: at.column }, via: 'cli-az', appRoot, ...(name ? {} : { unresolved: true }) });
    }
  }
  for (const command of file.text.matchAll(COMMAND)) {
    const start = command.index!;
    if (commentedOut(file.text, start)) continue;
    const span = file.text.slice(start, commandEnd(file.text, start));
    for (const option of span.matchAll(OPTION)) {
      const type = /delegated/i.test(option[1]!) ? 'delegated' : 'application';
      const value = option[3] ?? option[4] ?? option[5] ?? '';
      const valueAt = start + option.index! + option[0].length - option[2]!.length + (option[5] === undefined ? 1 : 0);
      for (const entry of value.matchAll(/[^,\s]+/g)) {
        const permission = graphPermission(entry[0]);
        if (!permission) continue;
        const at = file.locOf(valueAt + entry.index!);
        requested.push({ resource: 'Microsoft Graph', name: permission, type, source: { file: file.path, line: at.line, column: at.column }, via: 'cli-m365', appRoot });
      }
    }
  }
  return requested;
}

/** Where a command starting at `start` ends: the end of its last line, following continuation characters (at most 200 lines). */
function commandEnd(text: string, start: number): number {
  let end = start;
  for (let lines = 0; lines < 200; lines++) {
    const next = text.indexOf('\n', end);
    if (next === -1) return text.length;
    if (!CONTINUED.test(text.slice(end, next).replace(/\r$/, ''))) return next;
    end = next + 1;
  }
  return end;
}

/** `https://graph.microsoft.com/Mail.Read` → Mail.Read; another API's permission, a variable or a bare name → undefined. */
function graphPermission(entry: string): string | undefined {
  const url = parseGraphUrl(entry);
  if (!url?.host || url.version) return undefined;
  const name = url.path.slice(1);
  return /^[A-Za-z][\w-]*(\.[\w-]+)+$/.test(name) ? name : undefined;
}
