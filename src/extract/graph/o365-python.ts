import type { Node as TsNode } from 'web-tree-sitter';
import { PLACEHOLDER } from '../../knowledge/graph/graph-path.ts';
import type { LanguageRules, SdkAction } from './tree-languages.ts';
import { loopStep, sdkRequest, withLoopNames } from './library-rules.ts';

/**
 * The `O365` Python library (`from O365 import Account`), which wraps Graph in objects of its own: an `Account`
 * hands out a mailbox, schedule, storage or directory for the signed-in user (`/me`) or another
 * (`account.mailbox('a@b')`: `/users/{id}`); their getters fetch and return further objects (folders, calendars,
 * drives, items) and their methods send the requests (`inbox.get_messages()`, `message.mark_as_read()`).
 * Read as SDK chains: the getters are steps, each request method a call on the chain's path. A method not listed
 * makes no call here (the library has many that only read what was fetched).
 */
export const O365_IMPORT = /^[ \t]*(from[ \t]+O365(\.\w+)*[ \t]+import|import[ \t]+O365)\b/m;

/**
 * Methods navigating to an object without a request of their own, as the path segment they add (`id`: followed by
 * the object's key). Every getter that fetches (see ACTIONS) is a step too, to the path it requests.
 */
const STEPS: Record<string, { name: string; id?: boolean } | 'resource' | 'skip'> = {
  // The account's services: its own user unless given another's mailbox (a resource).
  mailbox: 'resource',
  schedule: 'resource',
  storage: 'resource',
  address_book: 'resource',
  directory: { name: 'users' },
  sharepoint: { name: 'sites' },
  inbox_folder: { name: 'mailFolders', id: true },
  junk_folder: { name: 'mailFolders', id: true },
  deleted_folder: { name: 'mailFolders', id: true },
  drafts_folder: { name: 'mailFolders', id: true },
  sent_folder: { name: 'mailFolders', id: true },
  outbox_folder: { name: 'mailFolders', id: true },
  archive_folder: { name: 'mailFolders', id: true },
  new_message: { name: 'messages', id: true },
  new_event: { name: 'events', id: true },
  // A reply or forward is a new draft of the same mailbox: its send() is a message's (POST …/messages/{id}/send).
  reply: 'skip',
  forward: 'skip',
};

const get = (...segments: string[]) => sdkRequest('GET', ...segments);
const post = (...segments: string[]) => sdkRequest('POST', ...segments);
/** Methods sending a request, by name, with what they add to the path of the object they are called on. */
const ACTIONS: Record<string, SdkAction> = {
  get_messages: get('messages'),
  get_message: get('messages', PLACEHOLDER),
  get_folders: get('mailFolders'),
  get_folder: get('mailFolders', PLACEHOLDER),
  create_child_folder: post('mailFolders'),
  get_default_calendar: get('calendar'),
  list_calendars: get('calendars'),
  get_calendar: get('calendars', PLACEHOLDER),
  get_events: get('events'),
  get_default_drive: get('drive'),
  get_drives: get('drives'),
  get_drive: get('drives', PLACEHOLDER),
  get_root_folder: get('root'),
  get_item: get('items', PLACEHOLDER),
  // An item addressed by its path (`root:/a/b.xlsx:`): an item of the drive.
  get_item_by_path: get('items', PLACEHOLDER),
  get_items: get('children'),
  get_child_folders: get('children'),
  get_users: get(),
  get_user: get(PLACEHOLDER),
  get_site: get(PLACEHOLDER),
  get_lists: get('lists'),
  get_list: get('lists', PLACEHOLDER),
  get_list_by_name: get('lists', PLACEHOLDER),
  get_contacts: get('contacts'),
  send: post('send'),
  mark_as_read: sdkRequest('PATCH'),
  mark_as_unread: sdkRequest('PATCH'),
  save_message: sdkRequest('PATCH'),
  save_draft: sdkRequest('PATCH'),
  move: post('move'),
  copy: post('copy'),
  reply: post('createReply'),
  forward: post('createForward'),
  accept_event: post('accept'),
  decline_event: post('decline'),
  save: sdkRequest('PATCH'),
  delete: sdkRequest('DELETE'),
  download: get('content'),
  upload_file: { method: 'PUT', segments: ['content'], itemPath: true },
};

/** A getter's step: to the path it requests (`get_folder(…)` → mailFolders/{id}, `get_users()` → nothing more). */
function getterStep(action: SdkAction, next: TsNode | null): ReturnType<LanguageRules['step']> {
  const [name, key] = action.segments;
  if (name === undefined) return { kind: 'skip', next };
  if (name === PLACEHOLDER) return { kind: 'id', next };
  return { kind: 'segment', name, next, id: key === PLACEHOLDER };
}

/**
 * A chain read from the account outwards starts with the account's own user (`me`, or `users/{id}` for a
 * main_resource); a service given a resource of its own (`users/{id}`) or the sites replaces it.
 */
function withOwnResource(segments: readonly string[]): readonly string[] {
  const own = segments[0] === 'me' ? 1 : segments[0] === 'users' && segments[1] === PLACEHOLDER ? 2 : 0;
  return own && /^(users|sites)$/.test(segments[own] ?? '') ? segments.slice(own) : segments;
}

/** The sign-in an `Account` is made for: `auth_flow_type='credentials'` is the app's own identity. */
const FLOW_TYPES: Record<string, [flow: 'application' | 'delegated', kind: string]> = {
  credentials: ['application', 'client-credentials'],
  authorization: ['delegated', 'auth-code'],
  public: ['delegated', 'auth-code'],
  password: ['delegated', 'password'],
};

/** The auth flow an `Account(…)` call names (the library's default is the authorization-code flow). */
function accountFlow(call: TsNode): ['application' | 'delegated', string] | undefined {
  const fn = call.childForFieldName('function');
  if (fn?.type !== 'identifier' || fn.text !== 'Account') return undefined;
  const given = /auth_flow_type\s*=\s*["'](\w+)["']/.exec(call.text)?.[1];
  return FLOW_TYPES[given ?? 'authorization'];
}

/** The Python rules for a file using O365, on top of msgraph-sdk's. */
export function o365Rules(python: LanguageRules): LanguageRules {
  return {
    ...python,
    step(node: TsNode) {
      const fn = node.type === 'call' ? node.childForFieldName('function') : null;
      // The account is the client the chains start from, acting for the signed-in user or its main_resource, unless
      // a service is given another's resource (see withOwnResource).
      if (fn?.type === 'identifier' && fn.text === 'Account') return /\bmain_resource\s*=/.test(node.text) ? { kind: 'segment', name: 'users', next: fn, id: true } : { kind: 'segment', name: 'me', next: fn };
      if (node.type === 'identifier' && node.text === 'Account' && node.parent?.type === 'call') return { kind: 'root', name: 'client' };
      const loop = loopStep(node);
      if (loop) return loop;
      // `self.account`, `self.mailbox`: an object the instance keeps, followed to what it was given (see valueAt).
      if (node.type === 'attribute' && node.childForFieldName('object')?.text === 'self') return { kind: 'root', name: node.childForFieldName('attribute')?.text ?? '' };
      if (fn?.type === 'attribute') {
        const name = fn.childForFieldName('attribute')?.text ?? '';
        const next = fn.childForFieldName('object');
        if (name === 'get_item_by_path') return { kind: 'item-path', next };
        const step = Object.hasOwn(STEPS, name) ? STEPS[name]! : undefined;
        if (step === 'skip') return { kind: 'skip', next };
        if (step === 'resource') {
          const given = (node.childForFieldName('arguments')?.namedChildren ?? []).some((argument) => argument && (argument.type !== 'keyword_argument' || argument.childForFieldName('name')?.text === 'resource'));
          return given ? { kind: 'segment', name: 'users', next, id: true } : { kind: 'skip', next };
        }
        if (step) return { kind: 'segment', name: step.name, next, id: step.id };
        const getter = Object.hasOwn(ACTIONS, name) && ACTIONS[name]!.method === 'GET' ? ACTIONS[name]! : undefined;
        if (getter) return getterStep(getter, next);
      }
      return python.step(node);
    },
    declaration: withLoopNames(python.declaration),
    chainSegments: withOwnResource,
    actions: ACTIONS,
    sdkVia: 'o365',
    flowOf: accountFlow,
  };
}
