import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PLACEHOLDER } from './graph-path.ts';

/**
 * What each Microsoft Graph PowerShell SDK cmdlet calls, from the SDK's own command map
 * (`MgCommandMetadata.json`, the file behind `Find-MgGraphCommand`: one entry per cmdlet, API version and
 * parameter-set family, with its HTTP method and URI template). ~30,000 cmdlets in v1.0 and beta; m365cert's
 * curated table covers the common ones when the map is not in the data directory.
 */

export const POWERSHELL_COMMANDS_PATH = 'graph/MgCommandMetadata.json';

export interface CmdletTarget {
  method: string;
  /** Path with `{id}` placeholders, for the "get one" parameter sets. */
  path: string;
  /** Path of the "list" parameter sets, when the cmdlet has both (Get-MgUser: /users and /users/{id}). */
  list?: string;
  /** The parameter that selects the single item (the URI's last placeholder: {user-id} → UserId). */
  id?: string;
  apiVersion?: 'v1.0' | 'beta';
}

interface MetadataEntry {
  Command?: unknown;
  Method?: unknown;
  Uri?: unknown;
  Url?: unknown;
  ApiVersion?: unknown;
  Variants?: unknown;
}

/** `/users/{user-id}/messages/{message-id}` → `/users/{id}/messages/{id}`, and the last placeholder's parameter name. */
function templateOf(uri: string): { path: string; lastParameter?: string } {
  const placeholders = [...uri.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]!);
  const endsWithPlaceholder = /\}\/?$/.test(uri);
  const last = endsWithPlaceholder ? placeholders.at(-1) : undefined;
  return {
    path: uri.replace(/\{[^}]+\}/g, PLACEHOLDER).replace(/\/$/, '') || '/',
    lastParameter: last?.split(/[-_]/).map((part) => part.charAt(0).toUpperCase() + part.slice(1)).join(''),
  };
}

export class PowerShellCommandMap {
  readonly #byName: Map<string, CmdletTarget>;

  private constructor(byName: Map<string, CmdletTarget>) {
    this.#byName = byName;
  }

  get size(): number {
    return this.#byName.size;
  }

  /** Reads the map from the data directory; undefined when absent, an Error naming the problem when unusable. */
  static load(dataDir: string): PowerShellCommandMap | Error | undefined {
    const file = path.join(dataDir, POWERSHELL_COMMANDS_PATH);
    if (!existsSync(file)) return undefined;
    try {
      return PowerShellCommandMap.fromJson(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      return new Error(`${POWERSHELL_COMMANDS_PATH}: ${(error as Error).message}`);
    }
  }

  static fromJson(text: string): PowerShellCommandMap {
    const entries = JSON.parse(text) as unknown;
    if (!Array.isArray(entries)) throw new Error('not a Graph PowerShell command map (expected a JSON array of commands)');
    const byName = new Map<string, CmdletTarget>();
    for (const entry of entries as MetadataEntry[]) {
      const command = typeof entry?.Command === 'string' ? entry.Command.trim() : undefined;
      const uri = typeof entry?.Uri === 'string' ? entry.Uri : typeof entry?.Url === 'string' ? entry.Url : undefined;
      const method = typeof entry?.Method === 'string' ? entry.Method.toUpperCase() : undefined;
      if (!command || !uri || !method) continue;
      const { path: template, lastParameter } = templateOf(uri);
      const isList = Array.isArray(entry.Variants) && entry.Variants.length > 0 && entry.Variants.every((variant) => typeof variant === 'string' && variant.startsWith('List'));
      const key = command.toLowerCase();
      const target = byName.get(key) ?? { method, path: template, apiVersion: entry.ApiVersion === 'beta' ? 'beta' : 'v1.0' };
      if (isList) {
        target.list = template;
        if (!byName.has(key)) target.path = template;
      } else {
        target.path = template;
        target.method = method;
        target.id = lastParameter;
      }
      byName.set(key, target);
    }
    if (byName.size === 0) throw new Error('no command with a method and URI: not a Graph PowerShell command map');
    return new PowerShellCommandMap(byName);
  }

  resolve(cmdlet: string): CmdletTarget | undefined {
    return this.#byName.get(cmdlet.toLowerCase());
  }
}

/** The common cmdlets, for trees scanned without the SDK's command map. Beta cmdlets carry "Beta" after "Mg". */
export const CURATED_CMDLETS: Record<string, CmdletTarget> = {
  'Get-MgUser': { method: 'GET', path: '/users/{id}', list: '/users', id: 'UserId' },
  'New-MgUser': { method: 'POST', path: '/users' },
  'Update-MgUser': { method: 'PATCH', path: '/users/{id}' },
  'Remove-MgUser': { method: 'DELETE', path: '/users/{id}' },
  'Get-MgUserManager': { method: 'GET', path: '/users/{id}/manager' },
  'Get-MgUserMemberOf': { method: 'GET', path: '/users/{id}/memberOf' },
  'Get-MgUserMessage': { method: 'GET', path: '/users/{id}/messages/{id}', list: '/users/{id}/messages', id: 'MessageId' },
  'Send-MgUserMail': { method: 'POST', path: '/users/{id}/sendMail' },
  'Get-MgUserEvent': { method: 'GET', path: '/users/{id}/events/{id}', list: '/users/{id}/events', id: 'EventId' },
  'New-MgUserEvent': { method: 'POST', path: '/users/{id}/events' },
  'Get-MgUserCalendarEvent': { method: 'GET', path: '/users/{id}/calendar/events' },
  'Get-MgUserLicenseDetail': { method: 'GET', path: '/users/{id}/licenseDetails' },
  'Get-MgUserDrive': { method: 'GET', path: '/users/{id}/drive' },
  'Get-MgGroup': { method: 'GET', path: '/groups/{id}', list: '/groups', id: 'GroupId' },
  'New-MgGroup': { method: 'POST', path: '/groups' },
  'Get-MgGroupMember': { method: 'GET', path: '/groups/{id}/members' },
  'Get-MgGroupOwner': { method: 'GET', path: '/groups/{id}/owners' },
  'Get-MgApplication': { method: 'GET', path: '/applications/{id}', list: '/applications', id: 'ApplicationId' },
  'Get-MgServicePrincipal': { method: 'GET', path: '/servicePrincipals/{id}', list: '/servicePrincipals', id: 'ServicePrincipalId' },
  'Get-MgOrganization': { method: 'GET', path: '/organization' },
  'Get-MgSubscribedSku': { method: 'GET', path: '/subscribedSkus' },
  'Get-MgDirectoryRole': { method: 'GET', path: '/directoryRoles' },
  'Get-MgAuditLogSignIn': { method: 'GET', path: '/auditLogs/signIns' },
  'Get-MgSite': { method: 'GET', path: '/sites/{id}', list: '/sites', id: 'SiteId' },
  'Get-MgSiteList': { method: 'GET', path: '/sites/{id}/lists' },
  'Get-MgSiteListItem': { method: 'GET', path: '/sites/{id}/lists/{id}/items' },
  'Get-MgDrive': { method: 'GET', path: '/drives/{id}', list: '/drives', id: 'DriveId' },
  'Get-MgDriveItem': { method: 'GET', path: '/drives/{id}/items/{id}' },
  'Get-MgTeam': { method: 'GET', path: '/teams/{id}', list: '/teams', id: 'TeamId' },
  'Get-MgTeamChannel': { method: 'GET', path: '/teams/{id}/channels' },
  'New-MgTeamChannelMessage': { method: 'POST', path: '/teams/{id}/channels/{id}/messages' },
  'Get-MgChat': { method: 'GET', path: '/chats/{id}', list: '/chats', id: 'ChatId' },
  'New-MgChatMessage': { method: 'POST', path: '/chats/{id}/messages' },
  'New-MgGroupMember': { method: 'POST', path: '/groups/{id}/members/$ref' },
  'Update-MgApplication': { method: 'PATCH', path: '/applications/{id}' },
  'Add-MgApplicationPassword': { method: 'POST', path: '/applications/{id}/addPassword' },
  'New-MgServicePrincipalAppRoleAssignment': { method: 'POST', path: '/servicePrincipals/{id}/appRoleAssignments' },
  'Get-MgUserMailFolder': { method: 'GET', path: '/users/{id}/mailFolders/{id}', list: '/users/{id}/mailFolders', id: 'MailFolderId' },
  'Get-MgUserMailFolderMessage': { method: 'GET', path: '/users/{id}/mailFolders/{id}/messages/{id}', list: '/users/{id}/mailFolders/{id}/messages', id: 'MessageId' },
};
