import type { Node as TsNode } from 'web-tree-sitter';
import type { LanguageRules, SdkAction } from './tree-languages.ts';
import { loopStep, sdkRequest, withLoopNames } from './library-rules.ts';

/**
 * office365-rest-python-client's GraphClient (`from office365.graph_client import GraphClient`), a Python library
 * with shapes of its own beside Microsoft's msgraph-sdk:
 * - properties named after Graph's segments in snake_case, as msgraph-sdk's (`client.me.mail_folders`);
 * - entities by key: `client.users["id"]`, `users.get_by_principal_name(upn)`, `sites.get_by_url(url)`, drive items
 *   by path below a folder, `root.get_by_path("a/b.docx")`, and each entity a `for` loop runs over;
 * - query methods anywhere in the chain (`.select([…]).top(10)`), and `.get()` in the middle of it;
 * - requests queued by `get()`, `get_all()`, `add(…)`, `update()`, `delete_object()` and by methods named after
 *   Graph's actions (`send_mail(…)`, `reply(…)`, `upload(name, content)`), sent by `execute_query()`.
 */
export const OFFICE365_GRAPH_IMPORT = /^[ \t]*(from[ \t]+office365\.graph_client[ \t]+import|import[ \t]+office365\.graph_client)\b/m;

/** Methods shaping the query of the chain they are called on, or sending it: no path segment. */
const QUERY_METHODS = /^(select|expand|top|filter|order_by|skip|paged|get|execute_query|execute_query_retry|set_property)$/;
/** Methods addressing one entity of a collection by a key. */
const KEYED_METHODS = /^(get_by_principal_name|get_by_url|get_by_app_id)$/;
/** The methods that send what the chain queued. */
const SENDS = /^(execute_query|execute_query_retry)$/;

const post = (segment: string): SdkAction => sdkRequest('POST', segment);
/** Methods that are Graph actions and functions, by the library's name; a method not listed is reported, never guessed. */
const ACTIONS: Record<string, SdkAction> = {
  send_mail: post('sendMail'),
  reply: post('reply'),
  reply_all: post('replyAll'),
  forward: post('forward'),
  move: post('move'),
  copy: post('copy'),
  accept: post('accept'),
  decline: post('decline'),
  tentatively_accept: post('tentativelyAccept'),
  create_link: post('createLink'),
  invite: post('invite'),
  create_upload_session: post('createUploadSession'),
  get_member_groups: post('getMemberGroups'),
  check_member_groups: post('checkMemberGroups'),
  assign_license: post('assignLicense'),
  find_meeting_times: post('findMeetingTimes'),
  get_schedule: post('getSchedule'),
  add_password: post('addPassword'),
  // The library's own helpers on drive items: a folder's children (filtered to files or folders), a new folder.
  get_files: sdkRequest('GET', 'children'),
  get_folders: sdkRequest('GET', 'children'),
  create_folder: post('children'),
  download: sdkRequest('GET', 'content'),
  get_content: sdkRequest('GET', 'content'),
  // A file uploaded by name below a folder: PUT …/{folder}:/{name}:/content, the content of a drive item.
  upload: { method: 'PUT', segments: ['content'], itemPath: true },
  upload_file: { method: 'PUT', segments: ['content'], itemPath: true },
};

/** The Python rules for a file using the library: its steps, verbs, actions and sign-in methods on top of msgraph-sdk's. */
export function office365Rules(python: LanguageRules): LanguageRules {
  return {
    ...python,
    step(node: TsNode) {
      // `client.users["id"]` (a loaded collection's `[0]` is one of its entities too).
      if (node.type === 'subscript') return { kind: 'id', next: node.childForFieldName('value') };
      const loop = loopStep(node);
      if (loop) return loop;
      const fn = node.type === 'call' ? node.childForFieldName('function') : null;
      if (fn?.type === 'attribute') {
        const name = fn.childForFieldName('attribute')?.text ?? '';
        const next = fn.childForFieldName('object');
        if (QUERY_METHODS.test(name)) return { kind: 'skip', next };
        if (KEYED_METHODS.test(name)) return { kind: 'id', next };
        if (name === 'get_by_path') return { kind: 'item-path', next };
      }
      return python.step(node);
    },
    declaration: withLoopNames(python.declaration),
    sdkVerbs: { ...python.sdkVerbs, get_all: 'GET', add: 'POST', update: 'PATCH', delete_object: 'DELETE' },
    actions: ACTIONS,
    sdkVia: 'office365',
    sends: SENDS,
    // add(…) takes the new entity's properties, names included (`site.pages.add("Home")`).
    verbsTakingNames: new Set(['add']),
    flows: [
      ...python.flows,
      [/^(with_client_secret|with_certificate)$/, 'application', 'client-credentials'],
      [/^with_token_interactive$/, 'delegated', 'auth-code'],
      [/^with_username_and_password$/, 'delegated', 'password'],
    ],
  };
}
