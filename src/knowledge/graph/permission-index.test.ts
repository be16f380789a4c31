import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { requireSharedData, tempDir } from '../../../test/harness/paths.ts';
import { normalizeGraphPath, parseGraphUrl } from './graph-path.ts';
import { broaderNames, GraphPermissionIndex, PermissionDataError, rankClaims } from './permission-index.ts';

/** A small permissions document in the Kibali format, written for these tests. */
const DOCUMENT = {
  $schema: 'https://raw.githubusercontent.com/microsoftgraph/kibali/main/specs/permissions-schema.json',
  permissions: {
    'Widget.Read': {
      authorizationType: 'oAuth2',
      schemes: { DelegatedWork: { requiresAdminConsent: false, privilegeLevel: 1 }, Application: { requiresAdminConsent: true, privilegeLevel: 2 } },
      pathSets: [{ schemeKeys: ['DelegatedWork', 'Application'], methods: ['GET'], paths: { '/widgets': 'least=DelegatedWork,Application', '/widgets/{widget-id}': 'least=DelegatedWork,Application', '/me/widgets': 'least=DelegatedWork', '/widgets/{widget-id}/parts': 'least=DelegatedWork,Application' } }],
    },
    'Drive.Read': {
      authorizationType: 'oAuth2',
      schemes: { DelegatedWork: { requiresAdminConsent: false, privilegeLevel: 1 } },
      pathSets: [{ schemeKeys: ['DelegatedWork'], methods: ['GET'], paths: { '/drives/{drive-id}/items/{driveItem-id}/children': 'least=DelegatedWork' } }],
    },
    'Widget.ReadWrite': {
      authorizationType: 'oAuth2',
      schemes: { DelegatedWork: { requiresAdminConsent: false, privilegeLevel: 2 }, Application: { requiresAdminConsent: true, privilegeLevel: 3 } },
      pathSets: [
        { schemeKeys: ['DelegatedWork', 'Application'], methods: ['GET', 'POST'], paths: { '/widgets': 'least=DelegatedWork,Application' } },
        { schemeKeys: ['DelegatedWork'], methods: ['PATCH', 'DELETE'], paths: { '/widgets/{id}': 'least=DelegatedWork;AlsoRequires=Widget.Read' } },
      ],
    },
    'Widget.Read.All': {
      authorizationType: 'oAuth2',
      schemes: { DelegatedWork: { requiresAdminConsent: true, privilegeLevel: 3 } },
      pathSets: [{ schemeKeys: ['DelegatedWork'], methods: ['GET'], paths: { '/widgets': '', '/reports/getWidgetUsage(period={value})': 'least=DelegatedWork' } }],
    },
  },
};

/** The permission ranked first for an operation in a scheme, as the analysis ranks it (with the path and method). */
function rankedFirst(index: GraphPermissionIndex, method: string, graphPath: string, scheme: 'DelegatedWork' | 'Application'): string {
  const match = index.match(method, graphPath)!;
  return rankClaims(match.claims.get(scheme)!, match.template, method)[0]!.permission;
}

describe('knowledge/graph/permission-index', () => {
  it('inverts the document and ranks candidates by the documented tie-break', () => {
    const index = GraphPermissionIndex.fromDocument(DOCUMENT);
    const list = index.match('GET', '/widgets')!;
    assert.equal(list.template, '/widgets');
    // Widget.ReadWrite is marked least too, but from a pathSet that groups GET with POST: single-method candidates rank first.
    assert.deepEqual(rankClaims(list.claims.get('DelegatedWork')!).map((claim) => claim.permission), ['Widget.Read', 'Widget.Read.All', 'Widget.ReadWrite']);
    assert.deepEqual(rankClaims(index.match('POST', '/widgets')!.claims.get('Application')!).map((claim) => claim.permission), ['Widget.ReadWrite']);
    const patch = index.match('PATCH', '/widgets/42')!;
    assert.equal(patch.template, '/widgets/{widget-id}', 'templates that differ only in placeholder names share one node');
    assert.deepEqual(patch.claims.get('DelegatedWork')![0]!.alsoRequires, ['Widget.Read']);
    assert.equal(patch.claims.get('Application'), undefined, 'PATCH has no application permission');
  });

  it('a read permission counts as least when the data marks only its write sibling least for the operation', () => {
    const claim = (permission: string, least: boolean, privilegeLevel = 3) => ({ permission, least, alsoRequires: [], methodCount: 1, privilegeLevel, rsc: false, leastElsewhere: !least });
    // App-only GET /teams/{id}/members: TeamMember.ReadWrite.All marked least, TeamMember.Read.All listed but not marked.
    const ranked = rankClaims([claim('TeamMember.ReadWrite.All', true), claim('TeamMember.Read.All', false), claim('Group.Read.All', false, 2)], '/teams/{id}/members');
    assert.deepEqual(ranked.map((entry) => entry.permission), ['TeamMember.Read.All', 'TeamMember.ReadWrite.All', 'Group.Read.All']);
    // Without the mark on the write sibling, the data's order stands.
    assert.deepEqual(rankClaims([claim('TeamMember.ReadWrite.All', false), claim('TeamMember.Read.All', false), claim('Group.Read.All', true, 2)]).map((entry) => entry.permission), ['Group.Read.All', 'TeamMember.Read.All', 'TeamMember.ReadWrite.All']);
  });

  it('adds the broader permission of the same resource that the data leaves out, never as least and only where it exists', () => {
    assert.deepEqual(broaderNames('Mail.ReadBasic'), ['Mail.Read', 'Mail.ReadWrite']);
    assert.deepEqual(broaderNames('Files.Read.All'), ['Files.ReadWrite.All']);
    assert.deepEqual([broaderNames('Mail.Send'), broaderNames('Mail.ReadWrite')], [[], []]);
    const index = GraphPermissionIndex.fromDocument(DOCUMENT);
    // GET /me/widgets lists Widget.Read only; Widget.ReadWrite exists for delegated work and also allows it.
    const me = index.match('GET', '/me/widgets')!.claims.get('DelegatedWork')!;
    assert.deepEqual(me.map((claim) => [claim.permission, claim.least]), [['Widget.Read', true], ['Widget.ReadWrite', false]]);
    assert.equal(me[1]!.privilegeLevel, 2, "the broader permission's own privilege level");
    // Widget.Read.All has no Widget.ReadWrite.All in the data: nothing is invented.
    assert.ok(!index.match('GET', '/reports/getWidgetUsage(period=7)')!.claims.get('DelegatedWork')!.some((claim) => claim.permission === 'Widget.ReadWrite.All'));
    assert.deepEqual(rankClaims(index.match('GET', '/widgets/1')!.claims.get('Application')!).map((claim) => claim.permission), ['Widget.Read', 'Widget.ReadWrite']);
  });

  it('reads a drive item under its other addresses, and an item of a collection the data lists only as the collection', () => {
    const index = GraphPermissionIndex.fromDocument(DOCUMENT);
    const viaSite = index.match('GET', '/sites/contoso.sharepoint.com/drives/b!x/root/children')!;
    assert.equal(viaSite.template, '/drives/{drive-id}/items/{driveItem-id}/children');
    assert.match(viaSite.adjustment ?? '', /same drive item/);
    const part = index.match('GET', '/widgets/7/parts/3')!;
    assert.equal(part.template, '/widgets/{widget-id}/parts');
    assert.match(part.adjustment ?? '', /an item of \/widgets\/\{id\}\/parts/);
    assert.equal(index.match('GET', '/widgets/7/parts/3/$value')?.template, '/widgets/{widget-id}/parts');
    assert.equal(index.match('DELETE', '/widgets/7/parts/3'), undefined, 'only reads borrow the collection');
    assert.equal(index.match('GET', '/widgets/7')?.adjustment, undefined, 'a listed item is matched as itself');
  });

  it('matches placeholders of any name, case-insensitively, with functions, $value and casts', () => {
    const index = GraphPermissionIndex.fromDocument(DOCUMENT);
    assert.equal(index.match('GET', '/WIDGETS/abc-123')?.template, '/widgets/{widget-id}');
    assert.equal(index.match('GET', "/reports/getWidgetUsage(period='D7')")?.template, '/reports/getWidgetUsage(period={value})');
    assert.equal(index.match('GET', '/widgets/abc/$value')?.adjustment, 'dropped $value');
    assert.equal(index.match('GET', '/widgets/microsoft.graph.specialWidget')?.adjustment, 'dropped the cast microsoft.graph.specialwidget');
    assert.equal(index.match('GET', '/gadgets'), undefined);
    assert.equal(index.match('PUT', '/widgets'), undefined);
  });

  it('paths are put in the tree by their first segment on first lookup: quoted, escaped, placeholder and path-addressed first segments alike', () => {
    const paths = { "/gadgets('{gadget-id}')/parts": 'least=DelegatedWork', '/{tenant-id}/widgets': 'least=DelegatedWork', '/Gadgets%20Old/items': 'least=DelegatedWork', '/root:/{path}:/children': 'least=DelegatedWork', '/GADGETS/{id}/reports': 'least=DelegatedWork' };
    const index = GraphPermissionIndex.fromDocument({ permissions: { 'Gadget.Read': { authorizationType: 'oAuth2', schemes: { DelegatedWork: { requiresAdminConsent: false, privilegeLevel: 1 } }, pathSets: [{ schemeKeys: ['DelegatedWork'], methods: ['GET'], paths }] } } });
    assert.equal(index.templateCount, 5);
    assert.equal(index.match('GET', '/gadgets/7/parts')?.template, "/gadgets('{gadget-id}')/parts");
    assert.equal(index.match('GET', '/gadgets/7/reports')?.template, '/GADGETS/{id}/reports');
    assert.equal(index.match('GET', '/contoso/widgets')?.template, '/{tenant-id}/widgets');
    assert.equal(index.match('GET', '/gadgets old/items')?.template, '/Gadgets%20Old/items');
    assert.equal(index.match('GET', '/root:/a/b.txt:/children')?.template, '/root:/{path}:/children');
    assert.equal(index.match('GET', '/gizmos'), undefined);
  });

  it('an entity addressed by an alternate key the data does not list is the entity by its id; a listed key is itself', () => {
    const index = GraphPermissionIndex.fromDocument({ ...DOCUMENT, permissions: { ...DOCUMENT.permissions, 'Widget.Admin': { authorizationType: 'oAuth2', schemes: { DelegatedWork: { requiresAdminConsent: true, privilegeLevel: 4 } }, pathSets: [{ schemeKeys: ['DelegatedWork'], methods: ['GET'], paths: { "/widgets(serial='{serial}')": 'least=DelegatedWork' } }] } } });
    const byName = index.match('GET', "/widgets(name='{id}')/parts")!;
    assert.equal(byName.template, '/widgets/{widget-id}/parts');
    assert.match(byName.adjustment ?? '', /alternate key widgets\(name\)/);
    assert.equal(index.match('GET', "/widgets(serial='A1')")?.template, "/widgets(serial='{serial}')");
    assert.equal(index.match('GET', "/widgets(serial='A1')")?.adjustment, undefined);
    // A function's parameters are no key.
    assert.equal(index.match('GET', "/reports/getGadgetUsage(period='D7')"), undefined);
  });

  it('refuses a document of an unknown shape and a truncated file, with the reason', (t) => {
    assert.throws(() => GraphPermissionIndex.fromDocument({ version: 2, entries: [] }), PermissionDataError);
    assert.throws(() => GraphPermissionIndex.fromDocument({ permissions: { 'X.Read': { schemes: {} } } }), /no schemes or pathSets/);
    assert.throws(() => GraphPermissionIndex.fromDocument({ permissions: {} }), /truncated/);
    const dir = tempDir(t);
    mkdirSync(path.join(dir, 'graph'));
    writeFileSync(path.join(dir, 'graph', 'permissions.json'), JSON.stringify(DOCUMENT).slice(0, 400));
    assert.throws(() => GraphPermissionIndex.load(dir), /could not be read: .*truncated download/);
    assert.throws(() => GraphPermissionIndex.load(tempDir(t)), /not in the data directory/);
  });

  it('loads the real data: GUIDs resolve by type, and the endpoint list tells v1.0 from beta', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    assert.equal(index.nameOfId('Scope', '570282fd-fa5c-430d-a7fd-fc8dc98a9dca'), 'Mail.Read');
    assert.equal(index.nameOfId('Role', '810c84a8-4a9e-49e6-bf7d-12d183f40d01'), 'Mail.Read');
    assert.equal(index.nameOfId('Role', '570282fd-fa5c-430d-a7fd-fc8dc98a9dca'), undefined);
    assert.deepEqual(index.versionsOf('/me/messages'), { v1: true, beta: true });
    assert.ok(index.templateCount > 5000);
    const least = (method: string, graphPath: string, scheme: 'DelegatedWork' | 'Application') => rankClaims(index.match(method, graphPath)!.claims.get(scheme)!)[0]!.permission;
    assert.equal(least('GET', '/me', 'DelegatedWork'), 'User.Read');
    assert.equal(least('POST', '/users/{id}/sendMail', 'Application'), 'Mail.Send');
    assert.equal(least('GET', '/sites/{id}/lists', 'DelegatedWork'), 'Sites.Read.All');
    assert.equal(least('GET', '/me/drive/root:/docs/report.docx:/content', 'DelegatedWork'), 'Files.Read');
    // A drive's own search, which the data omits, takes its root's permissions.
    assert.equal(least('GET', "/drives/{id}/search(q='budget')", 'Application'), 'Files.Read.All');
    assert.match(index.match('GET', "/me/drive/search(q='budget')")?.adjustment ?? '', /drive's search/);
    // The root item by its alias, then a path below it (`items/root:/…:`), as upload samples write it.
    assert.equal(index.match('PUT', '/drives/{id}/items/root:/docs/report.docx:/content')?.template, '/drives/{id}/items/{id}/content');
    assert.equal(least('PUT', '/me/drive/items/root:/report.docx:/content', 'DelegatedWork'), 'Files.ReadWrite');
    // Intune lists /organization among its own paths, marked least: the tenant's organization is read with User.Read or Organization.Read.All.
    const leastFor = (method: string, graphPath: string, scheme: 'DelegatedWork' | 'Application') => rankedFirst(index, method, graphPath, scheme);
    assert.equal(leastFor('GET', '/organization', 'DelegatedWork'), 'User.Read');
    assert.equal(leastFor('GET', '/organization', 'Application'), 'Organization.Read.All');
    assert.equal(leastFor('GET', '/organization/{id}', 'Application'), 'Organization.Read.All');
    assert.equal(leastFor('PATCH', '/organization/{id}', 'Application'), 'Organization.ReadWrite.All');
    // Intune's own paths keep Intune's marks.
    assert.equal(leastFor('GET', '/deviceManagement/managedDevices', 'Application'), 'DeviceManagementManagedDevices.Read.All');
    // The data marks only the permission for a group's disableNesting property least for reading a group: a read of
    // the group takes the group's own permission, as reading the collection does; a feature's own paths keep theirs.
    for (const scheme of ['DelegatedWork', 'Application'] as const) {
      assert.equal(leastFor('GET', '/groups/{id}', scheme), 'Group.ReadBasic.All');
      assert.equal(leastFor('GET', '/groups', scheme), 'Group.ReadBasic.All');
      assert.equal(leastFor('GET', '/groups/{id}/threads', scheme), 'Group-Conversation.Read.All');
      assert.equal(leastFor('GET', '/groups/{id}/onPremisesSyncBehavior', scheme), 'Group-OnPremisesSyncBehavior.ReadWrite.All');
      assert.equal(leastFor('PATCH', '/groups/{id}', scheme), 'Group.ReadWrite.All');
    }
    // calendarView is missing from the data; the API reference gives it the permissions of events.
    assert.equal(least('GET', '/me/calendarView', 'DelegatedWork'), 'Calendars.ReadBasic');
    assert.match(index.match('GET', '/me/calendarView')!.adjustment ?? '', /permissions of events/);
    // An item addressed by path in a special folder (the app folder) is matched as a drive item.
    const approot = index.match('PUT', '/me/drive/special/approot:/offer/settings.json:/content')!;
    assert.equal(approot.template, '/me/drive/items/{id}/content');
    assert.match(approot.adjustment ?? '', /approot:/);
    // Without the basic-profile permission (a $select beyond it), the User permission beats Intune's and Directory's.
    const full = index.match('GET', '/users')!.claims.get('DelegatedWork')!.filter((claim) => claim.permission !== 'User.ReadBasic.All');
    assert.equal(rankClaims(full, '/users')[0]!.permission, 'User.Read.All');
  });

  it('ranks a write by the data\'s mark unless it is a read permission\'s or another product\'s; an entity\'s update needs its ReadWrite permission', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    const least = (method: string, graphPath: string, scheme: 'DelegatedWork' | 'Application') => rankedFirst(index, method, graphPath, scheme);
    // Property-scoped permissions (User-Mail.ReadWrite.All, Group-NestingSupport.ReadWrite.All) update one property.
    assert.equal(least('PATCH', '/users/{id}', 'Application'), 'User.ReadWrite.All');
    assert.equal(least('PATCH', '/groups/{id}', 'Application'), 'Group.ReadWrite.All');
    assert.equal(least('PATCH', '/groups/{id}', 'DelegatedWork'), 'Group.ReadWrite.All');
    // A read permission marked least for a write, or Intune's for the organization: the single-method write stands in.
    assert.equal(least('POST', '/identity/conditionalAccess/namedLocations', 'Application'), 'Policy.ReadWrite.ConditionalAccess');
    assert.equal(least('PATCH', '/organization/{id}', 'Application'), 'Organization.ReadWrite.All');
    // A write the data marks on a grouped pathSet of the path's own resource keeps its mark.
    assert.equal(least('DELETE', '/users/{id}', 'Application'), 'User.DeleteRestore.All');
    // Reads are unchanged: a read grouped with writes is not least.
    assert.equal(least('GET', '/me/messages', 'DelegatedWork'), 'Mail.ReadBasic');
    // PATCH /me is listed only as PATCH /users/{id}: matched there, reported as /me.
    const me = index.match('PATCH', '/me')!;
    assert.equal(me.template, '/me');
    assert.match(me.adjustment ?? '', /only as \/users\/\{id\}/);
    assert.equal(index.match('GET', '/me')!.adjustment, undefined);
  });

  it('matches adding a reference the data omits (POST /groups/{id}/members/$ref) with the permissions of removing one', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    const match = index.match('POST', '/groups/{id}/members/$ref')!;
    assert.equal(match.template, '/groups/{id}/members/$ref');
    assert.match(match.adjustment ?? '', /adding one takes the permissions of removing one/);
    assert.equal(rankClaims(match.claims.get('Application')!, match.template, 'POST')[0]!.permission, 'GroupMember.ReadWrite.All');
    // Where the data lists the POST itself, that is what is matched.
    assert.equal(index.match('POST', '/groups/{id}/owners/$ref')!.adjustment, 'dropped $ref');
    // A reference nothing lists is still unmatched, not guessed.
    assert.equal(index.match('POST', '/widgets/{id}/parts/$ref'), undefined);
  });

  it('matches a path under a group\'s root site as the site\'s; the root site itself as the data lists it', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    const match = index.match('GET', '/groups/d7e4fa8f-0fb7-494d-9e6b-622718cf6298/sites/root/lists/{id}/items')!;
    assert.match(match.adjustment ?? '', /group's root site matched as \/sites\/\{id\}/);
    assert.equal(rankClaims(match.claims.get('DelegatedWork')!, match.template, 'GET')[0]!.permission, 'Sites.Read.All');
    assert.equal(index.match('GET', '/groups/{id}/sites/root')!.adjustment, undefined);
  });

  it('matches a folder\'s search or delta as the drive root\'s, which the data lists', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    for (const graphPath of ["/drives/{id}/items/{id}/search(q='{id}')", '/me/drive/items/{id}/search(q=\'report\')']) {
      const match = index.match('GET', graphPath)!;
      assert.match(match.adjustment ?? '', /search\(q\) matched as the drive root's/);
      assert.equal(rankClaims(match.claims.get('DelegatedWork')!, match.template, 'GET')[0]!.permission, 'Files.Read');
    }
  });

  it('matches a path through a cast (digits in the type name too) as the path without it', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    const match = index.match('POST', '/deviceAppManagement/mobileApps/{id}/microsoft.graph.win32LobApp/contentVersions/{id}/files')!;
    assert.equal(match.template.toLowerCase(), '/deviceappmanagement/mobileapps/{id}/contentversions/{id}/files');
    assert.match(match.adjustment ?? '', /dropped the cast microsoft\.graph\.win32lobapp inside the path/);
    // A trailing cast with digits is dropped as before, not taken for an id.
    assert.match(index.match('GET', '/deviceAppManagement/mobileApps/microsoft.graph.win32LobApp')?.adjustment ?? '', /dropped the cast/);
  });

  it('matches a user\'s calendar itself, which the data does not list, as the user\'s events (a group\'s calendar is not)', () => {
    const index = GraphPermissionIndex.load(requireSharedData());
    const least = (method: string, graphPath: string, scheme: 'DelegatedWork' | 'Application') => {
      const match = index.match(method, graphPath)!;
      assert.match(match.adjustment ?? '', /a calendar has no entry in the data/);
      return rankClaims(match.claims.get(scheme)!, match.template, method)[0]!.permission;
    };
    assert.equal(least('GET', '/me/calendar', 'DelegatedWork'), 'Calendars.ReadBasic');
    assert.equal(least('PATCH', '/me/calendar', 'DelegatedWork'), 'Calendars.ReadWrite');
    assert.equal(least('PATCH', '/users/{id}/calendars/{id}', 'Application'), 'Calendars.ReadWrite');
    assert.equal(least('GET', '/users/{id}/calendar', 'Application'), 'Calendars.ReadBasic');
    assert.equal(index.match('PATCH', '/groups/{id}/calendar'), undefined);
    assert.equal(index.match('GET', '/me/calendars')!.adjustment, undefined);
  });

  it('breaks ties by the resource the path names', () => {
    const claim = (permission: string) => ({ permission, least: false, alsoRequires: [], methodCount: 1, privilegeLevel: 3, rsc: false, leastElsewhere: false });
    const claims = [claim('DeviceManagementApps.Read.All'), claim('Directory.Read.All'), claim('User.Read.All')];
    assert.deepEqual(rankClaims(claims).map((entry) => entry.permission), ['DeviceManagementApps.Read.All', 'Directory.Read.All', 'User.Read.All']);
    assert.deepEqual(rankClaims(claims, '/users/{id}').map((entry) => entry.permission)[0], 'User.Read.All');
    assert.deepEqual(rankClaims(claims, '/me').map((entry) => entry.permission)[0], 'User.Read.All');
    assert.deepEqual(rankClaims([claim('Files.Read.All'), claim('Sites.Read.All')], '/sites/{id}/lists').map((entry) => entry.permission)[0], 'Sites.Read.All');
  });
});

describe('knowledge/graph/graph-path', () => {
  it('normalises templates and requests to the same segments', () => {
    assert.deepEqual(normalizeGraphPath('/users/{user-id}/messages/{message-id}'), ['users', '{id}', 'messages', '{id}']);
    assert.deepEqual(normalizeGraphPath("/users('jane@contoso.com')/Messages?$top=5"), ['users', '{id}', 'messages']);
    assert.deepEqual(normalizeGraphPath("/applications(appId='1234')"), ['applications(appid)']);
    assert.deepEqual(normalizeGraphPath('/me/mailFolders/inbox/messages/delta()'), ['me', 'mailfolders', 'inbox', 'messages', 'delta']);
    assert.deepEqual(normalizeGraphPath('/me/drive/root:/a/b c.docx:/content'), ['me', 'drive', 'root:', '{id}:', 'content']);
    assert.deepEqual(normalizeGraphPath('/users/8f2e1c6a-1b2c-4d5e-9f00-112233445566'), ['users', '{id}']);
  });
  it('splits Graph URLs on every national cloud and refuses other hosts', () => {
    assert.deepEqual(parseGraphUrl('https://graph.microsoft.com/beta/me/events?$top=5'), { host: 'graph.microsoft.com', version: 'beta', path: '/me/events', query: '$top=5' });
    assert.equal(parseGraphUrl('https://graph.microsoft.us/v1.0/me')?.path, '/me');
    // Joined base and path: a doubled or trailing slash names the same resource.
    assert.deepEqual(parseGraphUrl('https://graph.microsoft.com/v1.0//education//classes/?$top=5'), { host: 'graph.microsoft.com', version: 'v1.0', path: '/education/classes', query: '$top=5' });
    assert.equal(parseGraphUrl('https://microsoftgraph.chinacloudapi.cn/v1.0/me')?.version, 'v1.0');
    assert.equal(parseGraphUrl('https://evil.example.com/v1.0/me'), undefined);
    assert.deepEqual(parseGraphUrl('v1.0/me/photo/$value'), { host: undefined, version: 'v1.0', path: '/me/photo/$value', query: undefined });
  });
});
