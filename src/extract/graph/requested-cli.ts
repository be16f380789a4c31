import { parseGraphUrl } from '../../knowledge/graph/graph-path.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { RequestedPermission } from './types.ts';

/**
 * App registrations made by setup scripts with the CLI for Microsoft 365, as Microsoft 365 templates and PnP
 * samples create them: `m365 entra app add --apisDelegated "https://graph.microsoft.com/User.Read,…"
 * --apisApplication "…"` (also its older `aad` and `appregistration` names) and `m365 entra app permission add
 * --delegatedPermissions "…" --applicationPermissions "…"`. Each value lists permissions by resource URI and
 * name (comma- or space-separated); only Microsoft Graph's count. A command may go on over lines ending in `\`
 * (shell), `` ` `` (PowerShell) or `^` (cmd). Values held in variables are not followed.
 */
export const CLI_SCRIPT = /\.(sh|bash|zsh|ps1|psm1|cmd|bat)$/i;
export const CLI_REGISTRATION_HINT = /\bm365\s+(entra|aad)\s+(app|appregistration)\s/;

const COMMAND = /\bm365\s+(?:entra|aad)\s+(?:app|appregistration)\s+(?:add|permission\s+add)\b/g;
/** An option naming permissions, then its value: quoted, or up to the next space. */
const OPTION = /(?:^|\s)(--apisDelegated|--apisApplication|--delegatedPermissions|--applicationPermissions)(?:\s+|=)("([^"]*)"|'([^']*)'|([^\s"'`\\^]+))/g;
const CONTINUED = /[\\`^][ \t]*$/;

export function requestedFromCliScript(file: SourceFile, appRoot: string): RequestedPermission[] {
  if (!CLI_REGISTRATION_HINT.test(file.text)) return [];
  const requested: RequestedPermission[] = [];
  for (const command of file.text.matchAll(COMMAND)) {
    const start = command.index!;
    // A command commented out (`# m365 …` in shell and PowerShell, `REM`/`::` in cmd) registers nothing.
    if (/^\s*(#|REM\b|::)/i.test(file.text.slice(file.text.lastIndexOf('\n', start) + 1, start))) continue;
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
