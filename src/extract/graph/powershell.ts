import { PLACEHOLDER, parseGraphUrl } from '../../knowledge/graph/graph-path.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { emptyCodeFacts, type CodeGraphFacts } from './javascript.ts';
import { CURATED_CMDLETS, type CmdletTarget } from '../../knowledge/graph/powershell-commands.ts';
import type { GraphCall } from './types.ts';

/**
 * Microsoft Graph use in PowerShell scripts. No tree-sitter grammar exists for PowerShell, so this is a
 * tokenizer that knows the language's comments (`#`, `<# #>`), quoting (single, double with `$var` and
 * `$(…)` expansion, here-strings), backtick continuations and statement separators, and recognisers over
 * the commands: `Invoke-MgGraphRequest`, `Invoke-RestMethod`/`Invoke-WebRequest` with Graph URLs,
 * `Connect-MgGraph` (scopes and auth flow), and `*-Mg*` cmdlet uses, resolved later against the Graph
 * PowerShell SDK's command map or m365cert's curated table (`resolveCmdlet`).
 */

interface Token {
  kind: 'word' | 'string' | 'variable' | 'parameter' | 'separator' | 'other';
  text: string;
  /** For strings: the value with expansions replaced (known variables) or `{id}`. */
  value?: string;
  line: number;
}


export function extractPowerShell(file: SourceFile): CodeGraphFacts {
  const facts = emptyCodeFacts();
  let tokens: Token[];
  try {
    tokens = tokenize(file.text);
  } catch (error) {
    facts.parseError = { message: (error as Error).message };
    return facts;
  }
  const variables = new Map<string, string>();
  /** Variables given one of several strings by a conditional assignment. */
  const alternatives = new Map<string, string[]>();
  let conditional: { name: string; branches: string[] } | undefined;
  const where = (token: Token) => ({ file: file.path, line: token.line });
  for (const statement of statements(tokens)) {
    const [first, second, third] = statement;
    // $Base = 'https://graph.microsoft.com/v1.0' — a constant for later strings.
    if (first?.kind === 'variable' && second?.text === '=' && third?.kind === 'string' && statement.length === 3) {
      variables.set(first.text.toLowerCase(), third.value ?? '');
      alternatives.delete(first.text.toLowerCase());
      continue;
    }
    // $uri = if ($x) { 'https://…/a' } else { 'https://…/b' } — every branch's string is a possible value. Braces
    // end statements, so the branches arrive as the statements that follow: lone strings, `else`, `elseif (…)`.
    if (conditional) {
      if (statement.length === 1 && first?.kind === 'string') {
        conditional.branches.push(first.value ?? '');
        continue;
      }
      if (first?.kind === 'word' && /^else(if)?$/i.test(first.text)) continue;
      if (conditional.branches.length) {
        variables.set(conditional.name, conditional.branches[0]!);
        alternatives.set(conditional.name, conditional.branches);
      }
      conditional = undefined;
    }
    if (first?.kind === 'variable' && second?.text === '=' && third?.kind === 'word' && /^if$/i.test(third.text)) {
      conditional = { name: first.text.toLowerCase(), branches: [] };
      variables.delete(conditional.name);
      continue;
    }
    const command = statement.find((token) => token.kind === 'word');
    if (!command) continue;
    const name = command.text;
    const args = statement.slice(statement.indexOf(command) + 1);
    const parameter = (parameterName: string) => valueOf(args, parameterName, variables);
    const has = (parameterName: string) => args.some((token) => token.kind === 'parameter' && token.text.toLowerCase() === `-${parameterName.toLowerCase()}`);
    if (/^Connect-MgGraph$/i.test(name)) {
      const scopeIndex = args.findIndex((token) => token.kind === 'parameter' && /^-scopes?$/i.test(token.text));
      if (scopeIndex !== -1) {
        for (const token of args.slice(scopeIndex + 1)) {
          if (token.kind === 'parameter') break;
          if (token.kind === 'string' || token.kind === 'word') for (const scope of (token.value ?? token.text).split(/[,\s]+/).filter(Boolean)) facts.scopes.push({ name: scope, source: where(token) });
        }
        facts.flows.push({ flow: 'delegated', kind: has('UseDeviceAuthentication') || has('UseDeviceCode') ? 'device-code' : 'auth-code', source: where(command) });
      } else if (has('Identity')) facts.flows.push({ flow: 'application', kind: 'managed-identity', source: where(command) });
      else if (has('ClientId') || has('CertificateThumbprint') || has('ClientSecretCredential') || has('Certificate') || has('AppId')) facts.flows.push({ flow: 'application', kind: 'client-credentials', source: where(command) });
      continue;
    }
    if (/^Invoke-MgGraphRequest$/i.test(name) || /^Invoke-(RestMethod|WebRequest)$/i.test(name)) {
      const uri = parameter('Uri') ?? positional(args, variables);
      const method = (parameter('Method') ?? 'GET').toUpperCase();
      const sdk = /^Invoke-MgGraphRequest$/i.test(name);
      if (!sdk) recordConnection(facts, name, uri, args, where(command));
      if (!uri) {
        const given = args[args.findIndex((token) => token.kind === 'parameter' && /^-uri:?$/i.test(token.text)) + 1];
        if (sdk && given) facts.unresolved.push({ via: 'powershell', reason: `Invoke-MgGraphRequest with a URI known only at run time (${given.text})`, source: where(command) });
        continue;
      }
      const uriToken = args[args.findIndex((token) => token.kind === 'parameter' && /^-uri:?$/i.test(token.text)) + 1];
      const candidates = (uriToken?.kind === 'variable' && alternatives.get(uriToken.text.toLowerCase())) || [uri];
      for (const candidate of candidates) {
        const target = parseGraphUrl(candidate);
        if (!target || (!sdk && !target.host) || target.path === '/') {
          if (sdk) facts.unresolved.push({ via: 'powershell', reason: `Invoke-MgGraphRequest with a URI built at run time (${candidate})`, source: where(command) });
          continue;
        }
        facts.calls.push({ method, path: target.path, apiVersion: target.version === 'beta' ? 'beta' : 'v1.0', via: sdk ? 'powershell-invoke' : 'powershell-http', confidence: 'high', source: where(command) });
      }
      continue;
    }
    if (/^\w+-Mg\w+$/i.test(name) && !SDK_SESSION_COMMANDS.has(name.toLowerCase())) {
      // Resolved against the SDK's command map (or the curated table) once every file is read: see graph/index.ts.
      (facts.cmdlets ??= []).push({ name, ...cmdletArguments(args), source: where(command) });
    }
  }
  return facts;
}

/** Invoke-RestMethod / Invoke-WebRequest: an outbound connection to the URI's host, or to a run-time one. */
function recordConnection(facts: CodeGraphFacts, command: string, uri: string | undefined, args: Token[], source: { file: string; line: number }): void {
  const base = { direction: 'outbound' as const, kind: 'code' as const, via: command, source };
  if (uri && /^(https?|wss?):\/\//i.test(uri)) facts.connectivity.references.push({ ...base, url: uri });
  else if (!uri || uri.startsWith(PLACEHOLDER)) {
    const token = args.find((candidate) => candidate.kind === 'variable' || candidate.kind === 'string');
    facts.connectivity.references.push({ ...base, dynamic: token?.text ?? 'URI built at run time' });
  }
}

function valueOf(args: Token[], name: string, variables: Map<string, string>): string | undefined {
  const index = args.findIndex((token) => token.kind === 'parameter' && token.text.toLowerCase().startsWith(`-${name.toLowerCase()}`.slice(0, Math.max(3, name.length + 1))) && `-${name}`.toLowerCase().startsWith(token.text.toLowerCase().replace(/:$/, '')));
  const token = index === -1 ? undefined : args[index + 1];
  return token ? tokenValue(token, variables) : undefined;
}

function positional(args: Token[], variables: Map<string, string>): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token.kind === 'parameter') {
      i++;
      continue;
    }
    if (token.kind === 'string' || token.kind === 'variable') return tokenValue(token, variables);
  }
  return undefined;
}

function tokenValue(token: Token, variables: Map<string, string>): string | undefined {
  if (token.kind === 'string') return token.value;
  if (token.kind === 'variable') return variables.get(token.text.toLowerCase());
  return token.text;
}

/** Splits tokens into statements at newlines (unless continued), `;` and `|`. */
function statements(tokens: Token[]): Token[][] {
  const result: Token[][] = [];
  let current: Token[] = [];
  for (const token of tokens) {
    if (token.kind === 'separator') {
      if (current.length) result.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length) result.push(current);
  return result;
}

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  const variables = new Map<string, string>();
  let line = 1;
  let index = 0;
  const push = (kind: Token['kind'], value: string, extra: Partial<Token> = {}) => tokens.push({ kind, text: value, line, ...extra });
  while (index < text.length) {
    const char = text[index]!;
    if (char === '\n') {
      push('separator', '\n');
      line++;
      index++;
      continue;
    }
    if (char === '`' && (text[index + 1] === '\n' || (text[index + 1] === '\r' && text[index + 2] === '\n'))) {
      index += text[index + 1] === '\r' ? 3 : 2;
      line++;
      continue;
    }
    if (/\s/.test(char)) {
      index++;
      continue;
    }
    if (char === '<' && text[index + 1] === '#') {
      const end = text.indexOf('#>', index + 2);
      const stop = end === -1 ? text.length : end + 2;
      line += countLines(text.slice(index, stop));
      index = stop;
      continue;
    }
    if (char === '#') {
      while (index < text.length && text[index] !== '\n') index++;
      continue;
    }
    if (char === ';' || char === '|' || char === '{' || char === '}') {
      push('separator', char);
      index++;
      continue;
    }
    if (char === '@' && (text[index + 1] === '"' || text[index + 1] === "'") && /\r?\n/.test(text.slice(index + 2, index + 4))) {
      const quote = text[index + 1]!;
      const end = text.indexOf(`\n${quote}@`, index + 2);
      const stop = end === -1 ? text.length : end + 3;
      const body = text.slice(index + 2, end === -1 ? text.length : end).replace(/^\r?\n/, '');
      push('string', text.slice(index, stop), { value: quote === '"' ? expand(body, variables) : body });
      line += countLines(text.slice(index, stop));
      index = stop;
      continue;
    }
    if (char === "'") {
      let value = '';
      let cursor = index + 1;
      for (; cursor < text.length; cursor++) {
        if (text[cursor] === "'" && text[cursor + 1] === "'") {
          value += "'";
          cursor++;
        } else if (text[cursor] === "'") break;
        else value += text[cursor];
      }
      push('string', text.slice(index, cursor + 1), { value });
      line += countLines(value);
      index = cursor + 1;
      continue;
    }
    if (char === '"') {
      let raw = '';
      let cursor = index + 1;
      for (; cursor < text.length; cursor++) {
        if (text[cursor] === '`' && cursor + 1 < text.length) {
          raw += text[cursor]! + text[cursor + 1]!;
          cursor++;
        } else if (text[cursor] === '"' && text[cursor + 1] === '"') {
          raw += '"';
          cursor++;
        } else if (text[cursor] === '"') break;
        else raw += text[cursor];
      }
      push('string', text.slice(index, cursor + 1), { value: expand(raw, variables) });
      line += countLines(raw);
      index = cursor + 1;
      continue;
    }
    if (char === '$') {
      const match = at(VARIABLE, text, index);
      const name = match ? match[0] : '$';
      push('variable', name);
      index += name.length;
      // Remember `$x = '…'` assignments so double-quoted strings can expand them.
      const assigned = at(ASSIGNMENT, text, index);
      if (assigned && match) variables.set(name.toLowerCase(), assigned[1] === '"' ? expand(assigned[2]!, variables) : assigned[2]!);
      continue;
    }
    if (char === '-' && /[A-Za-z]/.test(text[index + 1] ?? '') && (tokens.length === 0 || tokens[tokens.length - 1]!.kind !== 'other' || /\s/.test(text[index - 1] ?? ' '))) {
      const match = at(PARAMETER, text, index)!;
      push('parameter', match[0]);
      index += match[0].length;
      continue;
    }
    const word = at(WORD, text, index);
    if (word) {
      push('word', word[0]);
      index += word[0].length;
      continue;
    }
    push('other', char);
    index++;
  }
  return tokens;
}

// Sticky patterns match at a position without copying the rest of the text (slicing per token is quadratic).
const VARIABLE = /\$(\{[^}]*\}|[\w:]+)/y;
const ASSIGNMENT = /[ \t]*=[ \t]*(['"])([^\n]*?)\1/y;
const PARAMETER = /-[A-Za-z]\w*:?/y;
const WORD = /[A-Za-z_][\w.-]*/y;

function at(pattern: RegExp, text: string, index: number): RegExpExecArray | null {
  pattern.lastIndex = index;
  return pattern.exec(text);
}

/** Expands `$name` and `$(…)` in a double-quoted string: known string variables by value, anything else as `{id}`. */
function expand(raw: string, variables: Map<string, string>): string {
  return raw
    .replace(/`(.)/g, '$1')
    .replace(/\$\([^)]*\)/g, PLACEHOLDER)
    .replace(/\$(\{[^}]*\}|[\w:]+)/g, (name) => variables.get(name.toLowerCase()) ?? PLACEHOLDER);
}

function countLines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
  return count;
}

/**
 * The parameter names of a cmdlet call, and whether a value is given by position. A parameter's value may be a
 * string, a variable (with `.Property` after it) or a bracketed expression (`("appId eq '" + $id + "'")`,
 * `@{ … }`); only a value outside any parameter is positional.
 */
function cmdletArguments(args: Token[]): { parameters: string[]; positional: boolean } {
  const parameters: string[] = [];
  let positional = false;
  let depth = 0;
  let expectValue = false;
  for (const token of args) {
    if (token.kind === 'other' && '([{'.includes(token.text)) {
      if (depth === 0 && !expectValue) positional = true;
      depth++;
      continue;
    }
    if (token.kind === 'other' && ')]}'.includes(token.text)) {
      depth = Math.max(0, depth - 1);
      if (depth === 0) expectValue = false;
      continue;
    }
    if (depth > 0) continue;
    if (token.kind === 'parameter') {
      parameters.push(token.text.slice(1).replace(/:$/, '').toLowerCase());
      expectValue = true;
    } else if (token.kind === 'string' || token.kind === 'variable' || token.kind === 'word') {
      if (expectValue) expectValue = false;
      else if (token.kind !== 'word') positional = true;
    }
  }
  return { parameters, positional };
}

/** Commands of the SDK's Authentication module that manage the session locally and call no Graph API. */
const SDK_SESSION_COMMANDS = new Set(['connect-mggraph', 'disconnect-mggraph', 'get-mgcontext', 'get-mggraphoption', 'set-mggraphoption', 'select-mgprofile', 'get-mgprofile', 'find-mggraphcommand', 'find-mggraphpermission', 'get-mgenvironment', 'add-mgenvironment', 'set-mgenvironment', 'remove-mgenvironment', 'get-mgrequestcontext', 'set-mgrequestcontext', 'invoke-mggraphrequest']);

/** A `*-Mg*` cmdlet invocation, before it is matched to a method and path. */
export interface CmdletUse {
  name: string;
  /** Parameter names given, lower case, without the dash. */
  parameters: string[];
  /** A value given without a parameter name (the first positional parameter is the id in Get cmdlets). */
  positional: boolean;
  source: { file: string; line: number };
}

/** The curated table by lower-case cmdlet name (PowerShell names are case-insensitive). */
const CURATED_BY_NAME = new Map(Object.entries(CURATED_CMDLETS).map(([name, target]) => [name.toLowerCase(), target]));

/** The Graph call a cmdlet use makes, from the SDK's command map when present, else the curated table. */
export function resolveCmdlet(use: CmdletUse, map: { resolve(name: string): CmdletTarget | undefined } | undefined): Omit<GraphCall, 'appRoot'> | undefined {
  const beta = /^\w+-MgBeta/i.test(use.name);
  const target = map?.resolve(use.name) ?? CURATED_BY_NAME.get(use.name.replace(/-MgBeta/i, '-Mg').toLowerCase());
  if (!target) return undefined;
  const selectsOne = target.id ? use.parameters.includes(target.id.toLowerCase()) || use.positional : true;
  const path = target.list && !selectsOne ? target.list : target.path;
  return { method: target.method, path, apiVersion: target.apiVersion ?? (beta ? 'beta' : 'v1.0'), via: 'powershell-cmdlet', confidence: 'high', source: use.source };
}
