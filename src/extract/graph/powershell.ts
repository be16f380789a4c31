import path from 'node:path';
import { isKnownPath, PLACEHOLDER, parseGraphUrl, queryOptions, type GraphUrl } from '../../knowledge/graph/graph-path.ts';
import { batchStepUrl, isBatchPath } from './batch.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { emptyCodeFacts, type CodeGraphFacts } from './javascript.ts';
import { CURATED_CMDLETS, type CmdletTarget } from '../../knowledge/graph/powershell-commands.ts';
import type { GraphCall } from './types.ts';
import { fillTemplate, hasSlots, joinTemplate, markedTemplate, mayReachGraph, parameterMarker, suppliesRoot, templateText, type UrlTemplate } from './url-templates.ts';
import { isGraphRootSegment } from './sdk-shapes.ts';

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
  /** For double-quoted strings: the text between the quotes, before expansion (a helper re-expands it with its parameters). */
  raw?: string;
  line: number;
}


/**
 * `imported`: the string variables of the scripts this one dot-sources (`. $PSScriptRoot\config.ps1`), by lower-case
 * name with their `$`: as PowerShell runs a dot-sourced script in the caller's scope, its variables are the caller's.
 */
export function extractPowerShell(file: SourceFile, imported?: ReadonlyMap<string, string>): CodeGraphFacts {
  const facts = emptyCodeFacts();
  let tokens: Token[];
  try {
    tokens = tokenize(file.text, imported);
  } catch (error) {
    facts.parseError = { message: (error as Error).message };
    return facts;
  }
  const matches = bracketMatches(tokens);
  const all = statements(tokens);
  const splats = hashtablesIn(tokens, matches);
  const { helpers, requestsInHelpers, forwarders } = helpersIn(tokens, all, matches, splats, file.path);
  if (helpers.size) facts.powershellHelpers = [...helpers.values()];
  if (forwarders.length) facts.powershellForwarders = forwarders;
  const lists = listsIn(tokens, matches);
  const variables = new Map<string, string>(imported);
  /** Variables given one of several strings by a conditional assignment. */
  const alternatives = new Map<string, string[]>();
  let conditional: { name: string; branches: string[] } | undefined;
  const where = (token: Token) => ({ file: file.path, line: token.line });
  for (const statement of all) {
    const [first, second, third] = statement;
    // $Base = 'https://graph.microsoft.com/v1.0' — a constant for later strings.
    if (first?.kind === 'variable' && second?.text === '=' && third?.kind === 'string' && statement.length === 3) {
      variables.set(first.text.toLowerCase(), third.value ?? '');
      alternatives.delete(first.text.toLowerCase());
      continue;
    }
    // $uri = ("{0}/users/{1}" -f $base, $id), $uri = ($base + "/me"): a bracketed value worked out (a value not
    // known here is a path segment).
    if (first?.kind === 'variable' && second?.text === '=' && opensGroup(third)) {
      const value = groupedValue(statement, 2, (name) => variables.get(name));
      if (value !== undefined) {
        variables.set(first.text.toLowerCase(), value);
        alternatives.delete(first.text.toLowerCase());
        continue;
      }
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
    const command = commandOf(statement);
    // A helper's own request, or its call of itself for the next page: its call sites are the calls.
    if (!command || requestsInHelpers.has(command)) continue;
    const name = command.text;
    const args = statement.slice(statement.indexOf(command) + 1);
    const has = (parameterName: string) => args.some((token) => token.kind === 'parameter' && token.text.toLowerCase() === `-${parameterName.toLowerCase()}`);
    if (/^Connect-MgGraph$/i.test(name)) {
      const scopes = listParameter(args, /^-scopes?$/i, lists, variables);
      if (scopes) {
        for (const item of scopes.items) {
          for (const scope of itemsOf(item)) {
            // Two Connect-MgGraph of one list (`if ($tenant) { … -Tenant $tenant -Scopes $scopes } else { … -Scopes $scopes }`) request it once.
            if (!facts.scopes.some((known) => known.name === scope && known.source.line === item.line)) facts.scopes.push({ name: scope, source: where(item) });
          }
        }
        facts.flows.push({ flow: 'delegated', kind: has('UseDeviceAuthentication') || has('UseDeviceCode') ? 'device-code' : 'auth-code', source: where(command) });
      } else if (has('Identity')) facts.flows.push({ flow: 'application', kind: 'managed-identity', source: where(command) });
      else if (has('ClientId') || has('CertificateThumbprint') || has('ClientSecretCredential') || has('Certificate') || has('AppId')) facts.flows.push({ flow: 'application', kind: 'client-credentials', source: where(command) });
      continue;
    }
    if (REQUEST_COMMAND.test(name)) {
      const request = requestArguments(args, splats);
      // A bracketed URI (`-Uri ("v1.0/users/{0}" -f $id)`, `-Uri ($base + "/sites/root")`) is worked out, never read as `(`.
      const uri = opensGroup(request.uri) ? groupedValue(args, args.indexOf(request.uri!), (name) => variables.get(name)) : request.uri && tokenValue(request.uri, variables);
      const method = ((request.method && tokenValue(request.method, variables)) ?? 'GET').toUpperCase();
      const sdk = SDK_REQUEST.test(name);
      if (!sdk) recordConnection(facts, name, uri, args, where(command));
      if (!uri) {
        if (sdk && request.uri) facts.unresolved.push({ via: 'powershell', reason: `Invoke-MgGraphRequest with a URI known only at run time (${opensGroup(request.uri) ? 'a bracketed expression' : request.uri.text})`, source: where(command) });
        continue;
      }
      const uriToken = request.uri;
      const candidates = (uriToken?.kind === 'variable' && alternatives.get(uriToken.text.toLowerCase())) || [uri];
      for (const candidate of candidates) {
        const target = parseGraphUrl(candidate);
        // JSON batching: each inner request of the body is a call; the batch itself is none.
        if (target && (target.host || sdk) && isBatchPath(target.path)) {
          addBatchRequests(facts, batchRequestsOf(args, all, splats), target, variables, where(command));
          continue;
        }
        // A URI that is a run-time value as a whole ("$uri") has no Graph path either.
        if (!target || (!sdk && !target.host) || !isKnownPath(target.path)) {
          if (sdk) facts.unresolved.push({ via: 'powershell', reason: `Invoke-MgGraphRequest with a URI built at run time (${candidate})`, source: where(command) });
          continue;
        }
        facts.calls.push(callTo(method, target, sdk ? 'powershell-invoke' : 'powershell-http', where(command)));
      }
      continue;
    }
    if (/^\w+-Mg\w+$/i.test(name) && !SDK_SESSION_COMMANDS.has(name.toLowerCase())) {
      // Resolved against the SDK's command map (or the curated table) once every file is read: see graph/index.ts.
      (facts.cmdlets ??= []).push({ name, ...cmdletArguments(args), ...selectedProperties(args, lists, variables), source: where(command) });
      continue;
    }
    // A request helper of this script, or perhaps of another script of the app (matched in graph/index.ts).
    const helper = helpers.get(name.toLowerCase());
    const invocation = invocationOf(name, args, variables, where(command));
    if (helper) {
      const result = helperCall(helper, invocation);
      if (result.call) facts.calls.push(result.call);
      else facts.unresolved.push({ via: 'powershell-helper', reason: result.unresolved, source: invocation.source });
    } else if (!OUTPUT_COMMAND.test(name) && (passesGraphPath(invocation) || passesRelativePath(invocation))) (facts.powershellInvocations ??= []).push(invocation);
  }
  return facts;
}

/** The Graph PowerShell SDK's own request command, under its name or its alias `Invoke-GraphRequest`. */
const SDK_REQUEST = /^Invoke-(Mg)?GraphRequest$/i;
const REQUEST_COMMAND = /^(Invoke-MgGraphRequest|Invoke-GraphRequest|Invoke-RestMethod|Invoke-WebRequest)$/i;
/** Built-in commands that print or pipe what they are given: never a script's request helper. */
const OUTPUT_COMMAND = /^(Write|Out|Format)-\w+$|^(Select|Where|ForEach|Sort)-Object$/i;

/**
 * A script function that requests a URL built from its parameters (`function Invoke-Graph { param($Endpoint,
 * $Method = 'GET') … Invoke-MgGraphRequest -Uri "https://graph.microsoft.com/v1.0/$Endpoint" -Method $Method }`):
 * its call sites are the calls — in its own script, or in any script of the app (modules dot-source their functions).
 */
export interface PowerShellHelper {
  /** Lower case, as PowerShell matches names. */
  name: string;
  /** The parameters in declaration order, lower case with their `$`. */
  params: string[];
  defaults: (string | undefined)[];
  template: UrlTemplate;
  /** The HTTP method, or the parameter giving it (`-Method $Method`). */
  method: string | { param: number };
}

/** A call of a function, with the values given by name and by position (undefined: known only at run time). */
export interface PowerShellInvocation {
  name: string;
  named: [string, string | undefined][];
  positional: (string | undefined)[];
  source: { file: string; line: number };
}

/**
 * A function handing its parameters on to another function (`Invoke-GetRequest` calling `Invoke-Request "GET"
 * $CollectionPath`): a request helper once the function it calls is one (see forwardedHelper). The invocation's
 * values carry the function's own parameters as markers.
 */
export interface PowerShellForwarder {
  name: string;
  params: string[];
  defaults: (string | undefined)[];
  invocation: PowerShellInvocation;
}

/** The Graph call a helper's call site makes, or why it cannot be told. */
export function helperCall(helper: PowerShellHelper, invocation: PowerShellInvocation): { call: Omit<GraphCall, 'appRoot'>; unresolved?: undefined } | { call?: undefined; unresolved: string } {
  const given = boundValues(helper, invocation);
  const url = templateText(fillTemplate(helper.template, given.map((value) => (value === undefined ? undefined : [value]))));
  const target = parseGraphUrl(url);
  if (!target || !isKnownPath(target.path) || target.version === PLACEHOLDER) return { unresolved: `${invocation.name} is given a path known only at run time (${url})` };
  const method = typeof helper.method === 'string' ? helper.method : (given[helper.method.param]?.toUpperCase() ?? 'GET');
  return { call: callTo(method, target, 'powershell-helper', invocation.source) };
}

/**
 * The request helper a forwarder is, given the helper it calls: that helper's URL and method with the values the
 * forwarder passes, its own parameters left as slots (`Invoke-GetRequest $path` → GET of Invoke-Request's base + path).
 */
export function forwardedHelper(forwarder: PowerShellForwarder, target: PowerShellHelper): PowerShellHelper {
  const given = boundValues(target, forwarder.invocation);
  const template = fillTemplate(target.template, given.map((value) => (value === undefined ? undefined : markedTemplate(value))));
  let method: PowerShellHelper['method'] = typeof target.method === 'string' ? target.method : 'GET';
  if (typeof target.method !== 'string') {
    const value = given[target.method.param];
    const slots = value === undefined ? [] : markedTemplate(value);
    if (slots.length === 1 && typeof slots[0] !== 'string') method = { param: slots[0]!.param };
    else if (value !== undefined && !hasSlots(slots)) method = value.toUpperCase();
  }
  return { name: forwarder.name, params: forwarder.params, defaults: forwarder.defaults, template, method };
}

/** The value each of a helper's parameters has at a call: by name (or an unambiguous start of it), by position, else its default. */
function boundValues(helper: PowerShellHelper, invocation: PowerShellInvocation): (string | undefined)[] {
  const values = helper.params.map((): string | undefined => undefined);
  const bound = new Set<number>();
  for (const [name, value] of invocation.named) {
    // PowerShell takes a parameter's name or any unambiguous start of it.
    const exact = helper.params.indexOf(`$${name}`);
    const prefixed = helper.params.flatMap((param, at) => (param.startsWith(`$${name}`) ? [at] : []));
    const index = exact !== -1 ? exact : prefixed.length === 1 ? prefixed[0] : undefined;
    if (index === undefined) continue;
    values[index] = value;
    bound.add(index);
  }
  let next = 0;
  for (const value of invocation.positional) {
    while (bound.has(next)) next++;
    if (next >= values.length) break;
    values[next] = value;
    bound.add(next++);
  }
  return values.map((value, index) => (bound.has(index) ? value : helper.defaults[index]));
}

/** The call a script makes to a parsed Graph URL, with its query string's `$select` and `$expand`; `version`: a batch's, for its inner requests. */
function callTo(method: string, target: GraphUrl, via: string, source: { file: string; line: number }, version = target.version): Omit<GraphCall, 'appRoot'> {
  const { select, expand } = queryOptions(target.query);
  return { method, path: target.path, apiVersion: version === 'beta' ? 'beta' : 'v1.0', via, confidence: 'high', source, ...(select ? { select } : {}), ...(expand ? { expand } : {}) };
}

interface ScriptFunction {
  name: string;
  params: { name: string; value?: string }[];
  /** The `function` keyword's index, and the body's first token after the parameter block and its closing brace. */
  header: number;
  start: number;
  end: number;
}

/** Each script function: its lower-case name, its declared parameters (`param(…)` or `function Name($a, $b)`), where its body is. */
function functionsIn(tokens: Token[], matches: Int32Array): ScriptFunction[] {
  const found: ScriptFunction[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (tokens[i]!.kind !== 'word' || !/^(function|filter)$/i.test(tokens[i]!.text) || tokens[i + 1]!.kind !== 'word') continue;
    let cursor = i + 2;
    let inline: Token[] = [];
    if (tokens[cursor]?.kind === 'other' && tokens[cursor]!.text === '(') {
      const end = closingOf(matches, cursor, tokens.length);
      inline = tokens.slice(cursor + 1, end);
      cursor = end + 1;
    }
    while (tokens[cursor]?.kind === 'separator' && tokens[cursor]!.text === '\n') cursor++;
    if (tokens[cursor]?.kind !== 'separator' || tokens[cursor]!.text !== '{') continue;
    const end = closingOf(matches, cursor, tokens.length);
    // param(…) opens the body, after newlines and attributes such as [CmdletBinding()].
    let first = cursor + 1;
    while (first < end && (tokens[first]!.kind === 'separator' || tokens[first]!.text === '[')) first = tokens[first]!.text === '[' ? closingOf(matches, first, end) + 1 : first + 1;
    const block = first < end && tokens[first]!.kind === 'word' && /^param$/i.test(tokens[first]!.text) && tokens[first + 1]?.text === '(' ? closingOf(matches, first + 1, end) : -1;
    const params = parametersOf(block === -1 ? inline : tokens.slice(first + 2, block));
    found.push({ name: tokens[i + 1]!.text.toLowerCase(), params, header: i, start: block === -1 ? cursor + 1 : block + 1, end });
  }
  return found;
}

const OPENERS: Record<string, string> = { '(': ')', '{': '}', '[': ']' };

/** The index of the token closing each bracket (−1 when none does), in one pass: nesting thousands deep stays linear. */
function bracketMatches(tokens: Token[]): Int32Array {
  const matches = new Int32Array(tokens.length).fill(-1);
  const open: number[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.kind !== 'other' && token.kind !== 'separator') continue;
    if (OPENERS[token.text]) open.push(i);
    else if (open.length && OPENERS[tokens[open[open.length - 1]!]!.text] === token.text) matches[open.pop()!] = i;
  }
  return matches;
}

/** Where the bracket opened at `open` closes, or `limit` when it never does. */
function closingOf(matches: Int32Array, open: number, limit: number): number {
  const close = matches[open]!;
  return close === -1 || close > limit ? limit : close;
}

/** The variables a parameter list declares (not those inside attributes such as `[Parameter(Mandatory = $true)]`), with their string defaults. */
function parametersOf(list: Token[]): { name: string; value?: string }[] {
  const params: { name: string; value?: string }[] = [];
  let depth = 0;
  for (let i = 0; i < list.length; i++) {
    const token = list[i]!;
    if (token.kind === 'other' && (token.text === '(' || token.text === '[')) depth++;
    else if (token.kind === 'other' && (token.text === ')' || token.text === ']')) depth--;
    else if (depth === 0 && token.kind === 'variable' && !/^\$(true|false|null)$/i.test(token.text)) {
      const value = list[i + 1]?.text === '=' && list[i + 2]?.kind === 'string' ? list[i + 2]!.value : undefined;
      params.push({ name: token.text.toLowerCase(), value });
    }
  }
  return params;
}

/**
 * The functions of a script that are request helpers, by lower-case name, and the request commands inside them
 * (their URIs are the helpers' templates, not calls). The body is read with each parameter as a marker, with
 * string assignments and `+` concatenations followed in order.
 */
function helpersIn(tokens: Token[], all: Token[][], matches: Int32Array, splats: Map<string, Hashtable>, file: string): { helpers: Map<string, PowerShellHelper>; requestsInHelpers: Set<Token>; forwarders: PowerShellForwarder[] } {
  const helpers = new Map<string, PowerShellHelper>();
  const requestsInHelpers = new Set<Token>();
  let forwarders: PowerShellForwarder[] = [];
  const functions = functionsIn(tokens, matches);
  if (!functions.length) return { helpers, requestsInHelpers, forwarders };
  // Script-level string constants ($GraphBase = '…'), for the helpers' URLs.
  const constants = new Map<string, string>();
  for (const statement of all) {
    if (statement.length === 3 && statement[0]!.kind === 'variable' && statement[1]!.text === '=' && statement[2]!.kind === 'string') constants.set(statement[0]!.text.toLowerCase(), statement[2]!.value ?? '');
  }
  const byHeader = new Map(functions.map((fn) => [fn.header, fn]));
  for (const fn of functions) {
    // The function's own statements: a function nested in it is read on its own turn.
    const own: Token[] = [];
    for (let i = fn.start; i < fn.end; i++) {
      const nested = byHeader.get(i);
      if (nested) i = nested.end;
      else own.push(tokens[i]!);
    }
    const local = new Map<string, string>(fn.params.map((param, index) => [param.name, parameterMarker(index)]));
    const lookup = (name: string) => local.get(name) ?? constants.get(name);
    for (const statement of statements(own)) {
      // `$uri = …`, also typed: `[string]$uri = $graph + $Endpoint`.
      const cast = statement[0]?.text === '[' && statement[0].kind === 'other' ? statement.findIndex((token) => token.kind === 'other' && token.text === ']') + 1 : 0;
      const [first, second] = statement.slice(cast);
      if (first?.kind === 'variable' && second?.text === '=') {
        const assigned = statement.slice(cast + 2);
        const value = opensGroup(assigned[0]) ? groupedValue(assigned, 0, lookup) : concatenation(assigned, lookup);
        if (value !== undefined) {
          local.set(first.text.toLowerCase(), value);
          continue;
        }
        // `$response = Invoke-RestMethod …` is no string, but maybe the request. A URL reassigned to what cannot be
        // read (`$uri = $uri -replace …` in a branch, the next page's link) keeps the template it had: the
        // request is made with it on some path.
        if (!hasSlots(markedTemplate(local.get(first.text.toLowerCase()) ?? ''))) local.delete(first.text.toLowerCase());
      }
      const command = commandOf(statement);
      if (!command) continue;
      if (!REQUEST_COMMAND.test(command.text)) {
        // A call handing this function's parameters on: perhaps to a request helper (resolved below, or in graph/index.ts).
        // The Graph SDK's own cmdlets are read as such (see resolveCmdlet), wherever they are called from.
        const forwarded = NOT_A_CALL.test(command.text) || /^\w+-Mg\w+$/i.test(command.text) || forwarders.some((known) => known.name === fn.name) ? undefined : invocationOf(command.text, statement.slice(statement.indexOf(command) + 1), (token) => valueWith(token, lookup), { file, line: command.line });
        if (forwarded && [...forwarded.named.map(([, value]) => value), ...forwarded.positional].some((value) => value?.includes(MARKER))) {
          forwarders.push({ name: fn.name, params: fn.params.map((param) => param.name), defaults: fn.params.map((param) => param.value), invocation: forwarded });
          requestsInHelpers.add(command);
        }
        continue;
      }
      const requestArgs = statement.slice(statement.indexOf(command) + 1);
      const request = requestArguments(requestArgs, splats);
      const uri = opensGroup(request.uri) ? groupedValue(requestArgs, requestArgs.indexOf(request.uri!), lookup) : request.uri && valueWith(request.uri, lookup);
      const marked = uri === undefined ? [] : markedTemplate(uri);
      if (!hasSlots(marked)) continue;
      // Invoke-MgGraphRequest takes URIs relative to Graph (`v1.0/$Endpoint`).
      const relative = SDK_REQUEST.test(command.text) && typeof marked[0] === 'string' && !/^(https?:|\/)/i.test(marked[0]);
      const template = relative ? joinTemplate(['https://graph.microsoft.com/', marked]) : marked;
      if (!suppliesRoot(template) || !mayReachGraph(template)) continue;
      requestsInHelpers.add(command);
      if (helpers.has(fn.name)) continue;
      const methodValue = request.method && valueWith(request.method, lookup);
      const methodSlot = methodValue === undefined ? [] : markedTemplate(methodValue);
      helpers.set(fn.name, {
        name: fn.name,
        params: fn.params.map((param) => param.name),
        defaults: fn.params.map((param) => param.value),
        template,
        // A method given by a parameter (`-Method $Method`) is the call site's.
        method: methodSlot.length === 1 && typeof methodSlot[0] !== 'string' ? { param: methodSlot[0]!.param } : (methodValue?.toUpperCase() ?? 'GET'),
      });
    }
    // A helper calling itself (paging through `@odata.nextLink`) makes no call of its own.
    if (helpers.has(fn.name)) for (const token of own) if (token.kind === 'word' && token.text.toLowerCase() === fn.name) requestsInHelpers.add(token);
  }
  // A function making a request itself is no forwarder; one calling this script's helper becomes a helper (in turn
  // callable by another forwarder); the rest may call another script's (graph/index.ts).
  forwarders = forwarders.filter((forwarder) => !helpers.has(forwarder.name));
  return { helpers, requestsInHelpers, forwarders: resolveForwarders(forwarders, (name) => helpers.get(name), (helper) => helpers.set(helper.name, helper)) };
}

/**
 * Turns forwarders calling a known helper into helpers, until none is left that can be (chains of forwarders);
 * returns those still calling an unknown function.
 */
export function resolveForwarders(forwarders: readonly PowerShellForwarder[], helperNamed: (name: string) => PowerShellHelper | undefined, add: (helper: PowerShellHelper) => void): PowerShellForwarder[] {
  let pending = [...forwarders];
  for (let changed = true; changed && pending.length; ) {
    changed = false;
    pending = pending.filter((forwarder) => {
      if (helperNamed(forwarder.name)) return false;
      const target = helperNamed(forwarder.invocation.name);
      if (!target) return true;
      add(forwardedHelper(forwarder, target));
      changed = true;
      return false;
    });
  }
  return pending;
}

/** Words starting a statement that are no command call: keywords, and the built-in commands a helper never is. */
const NOT_A_CALL = /^(if|elseif|else|while|for|foreach|switch|do|until|return|throw|try|catch|finally|break|continue|exit|param|begin|process|end|function|filter|trap|Write-\w+|Out-\w+|Start-Sleep|Set-Variable|Add-Member|ConvertTo-Json|ConvertFrom-Json|Select-Object|Where-Object|ForEach-Object|Test-Path|Remove-Item|Join-Path)$/i;
const MARKER = parameterMarker(0).charAt(0);

/** The token given after a named parameter (`-Uri $x`, `-Uri:$x`). */
function argumentAfter(args: Token[], name: string): Token | undefined {
  const index = args.findIndex((token) => token.kind === 'parameter' && token.text.replace(/:$/, '').toLowerCase() === `-${name.toLowerCase()}`);
  return index === -1 ? undefined : args[index + 1];
}

/** A string's or a variable's value in a scope (double-quoted strings expanded again with it). */
function valueWith(token: Token, lookup: (name: string) => string | undefined): string | undefined {
  if (token.kind === 'string') return token.raw !== undefined ? expand(token.raw, lookup) : token.value;
  if (token.kind === 'variable') return lookup(token.text.toLowerCase());
  return undefined;
}

/**
 * The string variables a script sets at its top level (`$graphBaseUrl = "https://graph.microsoft.com/v1.0"`), by
 * lower-case name with their `$`, for the scripts that dot-source it; `imported` are those of the scripts it dot-sources.
 */
export function scriptConstants(file: SourceFile, imported?: ReadonlyMap<string, string>): Map<string, string> {
  // A dot-sourced script's own dot-sourced variables are in its scope too.
  const constants = new Map<string, string>(imported);
  let tokens: Token[];
  try {
    tokens = tokenize(file.text, imported);
  } catch {
    return constants;
  }
  for (const statement of statements(tokens)) {
    const [first, second, third] = statement;
    if (first?.kind === 'variable' && second?.text === '=' && third?.kind === 'string' && statement.length === 3) constants.set(first.text.toLowerCase(), third.value ?? '');
  }
  return constants;
}

/**
 * The scripts a script dot-sources (`. .\config.ps1`, `. "$PSScriptRoot/settings.ps1"`), as paths of the tree;
 * a path built at run time is left out.
 */
export function dotSourcedPaths(file: SourceFile): string[] {
  if (!/^[ \t]*\.[ \t]/m.test(file.text)) return [];
  const paths: string[] = [];
  for (const match of file.text.matchAll(/^[ \t]*\.[ \t]+(?:"([^"\n]+)"|'([^'\n]+)'|([^\s;|]+))/gm)) {
    const written = (match[1] ?? match[2] ?? match[3]!).replace(/\$\{?PSScriptRoot\}?/gi, '.').replace(/\\/g, '/');
    if (!/\.psm?1$/i.test(written) || written.includes('$') || /^([A-Za-z]:|\/)/.test(written)) continue;
    paths.push(path.posix.normalize(path.posix.join(path.posix.dirname(file.path), written)));
  }
  return paths;
}

/** The command a statement runs: its first word, after `return` (`return Invoke-RestMethod -Uri …`). */
function commandOf(statement: Token[]): Token | undefined {
  return statement.find((token) => token.kind === 'word' && !/^return$/i.test(token.text));
}

/** Whether a token opens a bracketed expression (`(`). */
function opensGroup(token: Token | undefined): boolean {
  return token?.kind === 'other' && token.text === '(';
}

/**
 * The value of a bracketed expression starting at `open`: a format (`"users/{0}/memberOf" -f $id`) or strings and
 * variables joined with `+`; undefined for anything else.
 */
function groupedValue(tokens: Token[], open: number, lookup: (name: string) => string | undefined): string | undefined {
  let depth = 0;
  let close = open;
  for (; close < tokens.length; close++) {
    if (opensGroup(tokens[close])) depth++;
    if (tokens[close]!.kind === 'other' && tokens[close]!.text === ')' && --depth === 0) break;
  }
  const inner = tokens.slice(open + 1, close);
  const format = inner.findIndex((token) => token.kind === 'parameter' && /^-f$/i.test(token.text));
  if (format === 1 && inner[0]!.kind === 'string') {
    const values = inner.slice(2).filter((token) => token.text !== ',');
    return valueWith(inner[0]!, lookup)?.replace(/\{(\d+)(?::[^}]*)?\}/g, (_, index: string) => (values[Number(index)] ? valueWith(values[Number(index)]!, lookup) : undefined) ?? PLACEHOLDER);
  }
  return concatenation(inner, lookup);
}

/** Strings and variables joined with `+`; undefined for anything else (a command's output, an expression). */
function concatenation(tokens: Token[], lookup: (name: string) => string | undefined): string | undefined {
  if (!tokens.length || tokens.length % 2 === 0) return undefined;
  let text = '';
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (i % 2 === 1) {
      if (token.text !== '+') return undefined;
      continue;
    }
    if (token.kind !== 'string' && token.kind !== 'variable') return undefined;
    text += valueWith(token, lookup) ?? PLACEHOLDER;
  }
  return text;
}

/**
 * The inner requests of a `$batch` body: the hashtable the body is made from (`-Body ($batch | ConvertTo-Json)`,
 * or `-Body $json` after `$json = $batch | ConvertTo-Json`) and its `requests = @( @{ id = …; method = …; url = … }, … )`,
 * each as its key-value tokens (keys lower case). Undefined when the body is no such hashtable of this script.
 */
function batchRequestsOf(args: Token[], all: Token[][], hashtables: Map<string, Hashtable>): Map<string, Token>[] | undefined {
  const body = args.findIndex((token) => token.kind === 'parameter' && /^-body:?$/i.test(token.text));
  if (body === -1) return undefined;
  let name: string | undefined;
  for (let i = body + 1; i < args.length && args[i]!.kind !== 'parameter' && !name; i++) if (args[i]!.kind === 'variable') name = args[i]!.text.slice(1).toLowerCase();
  // Followed through variables given it (`$json = $batch | ConvertTo-Json`: the pipe ends the statement).
  for (let hops = 0; name && hops < 4 && !hashtables.has(name); hops++) {
    const alias = all.find((statement) => statement[0]?.kind === 'variable' && statement[0].text.slice(1).toLowerCase() === name && statement[1]?.text === '=' && statement[2]?.kind === 'variable');
    name = alias?.[2]!.text.slice(1).toLowerCase();
  }
  return name ? hashtables.get(name)?.nested.get('requests') : undefined;
}

/** The calls a `$batch` request's inner requests make (see batchRequestsOf); a body built otherwise is reported. */
function addBatchRequests(facts: CodeGraphFacts, requests: Map<string, Token>[] | undefined, batch: GraphUrl, variables: Map<string, string>, source: { file: string; line: number }): void {
  if (!requests) {
    facts.unresolved.push({ via: 'powershell-batch', reason: 'a $batch request whose inner requests are built at run time', source });
    return;
  }
  for (const request of requests) {
    const url = request.get('url');
    const value = url && tokenValue(url, variables);
    const target = value ? parseGraphUrl(batchStepUrl(value)) : undefined;
    const where = url ? { file: source.file, line: url.line } : source;
    if (!target || !isKnownPath(target.path)) {
      facts.unresolved.push({ via: 'powershell-batch', reason: 'a $batch inner request with a url known only at run time', source: where });
      continue;
    }
    const method = ((request.get('method') && tokenValue(request.get('method')!, variables)) ?? 'GET').toUpperCase();
    facts.calls.push(callTo(method, target, 'powershell-batch', where, batch.version));
  }
}

/**
 * A hashtable a script assigns to a variable: its entries by lower-case key (a value's first token), and the
 * hashtables listed under a key (`requests = @( @{ … }, @{ … } )`, a `$batch` body's).
 */
interface Hashtable {
  entries: Map<string, Token>;
  nested: Map<string, Map<string, Token>[]>;
}

/** Hashtables assigned to variables (`$request = @{ Uri = '…'; Method = 'POST' }`, for splatting), by lower-case name without `$`. */
function hashtablesIn(tokens: Token[], matches: Int32Array): Map<string, Hashtable> {
  const hashtables = new Map<string, Hashtable>();
  for (let i = 0; i + 3 < tokens.length; i++) {
    if (tokens[i]!.kind !== 'variable' || tokens[i + 1]!.text !== '=' || tokens[i + 2]!.text !== '@' || tokens[i + 3]!.text !== '{' || tokens[i + 3]!.kind !== 'separator') continue;
    const end = closingOf(matches, i + 3, tokens.length);
    const nested = new Map<string, Map<string, Token>[]>();
    // `key = @( @{ … }, … )`: the hashtables of the list, read one by one.
    for (let j = i + 4; j + 3 < end; j++) {
      if (tokens[j]!.kind !== 'word' || tokens[j + 1]!.text !== '=' || tokens[j + 2]!.text !== '@' || tokens[j + 3]!.text !== '(') continue;
      const listEnd = closingOf(matches, j + 3, end);
      const items: Map<string, Token>[] = [];
      for (let k = j + 4; k < listEnd; k++) {
        if (tokens[k]!.text !== '@' || tokens[k + 1]?.text !== '{') continue;
        const close = closingOf(matches, k + 1, listEnd);
        items.push(entriesOf(tokens.slice(k + 2, close)));
        k = close;
      }
      nested.set(tokens[j]!.text.toLowerCase(), items);
      j = listEnd;
    }
    hashtables.set(tokens[i]!.text.slice(1).toLowerCase(), { entries: entriesOf(tokens.slice(i + 4, end)), nested });
  }
  // Entries set afterwards: `$request.Uri = $Uri`, `$request['Method'] = 'POST'`.
  for (let i = 0; i + 4 < tokens.length; i++) {
    const entries = tokens[i]!.kind === 'variable' ? hashtables.get(tokens[i]!.text.slice(1).toLowerCase())?.entries : undefined;
    if (!entries) continue;
    const dotted = tokens[i + 1]!.text === '.' && tokens[i + 2]!.kind === 'word' && tokens[i + 3]!.text === '=';
    const indexed = tokens[i + 1]!.text === '[' && tokens[i + 2]!.kind === 'string' && tokens[i + 3]!.text === ']' && tokens[i + 4]!.text === '=';
    const value = tokens[i + (dotted ? 4 : 5)];
    if ((dotted || indexed) && value && value.kind !== 'separator') entries.set((dotted ? tokens[i + 2]!.text : (tokens[i + 2]!.value ?? '')).toLowerCase(), value);
  }
  return hashtables;
}

/** A hashtable's `key = value` statements: each value's first token, by lower-case key. */
function entriesOf(body: Token[]): Map<string, Token> {
  const entries = new Map<string, Token>();
  for (const [key, equals, value] of statements(body)) {
    if (key && value && equals?.text === '=' && (key.kind === 'word' || key.kind === 'string')) entries.set((key.kind === 'string' ? (key.value ?? '') : key.text).toLowerCase(), value);
  }
  return entries;
}

/**
 * The items of a list-valued parameter (`-Scopes "a","b"`, `-Property id,displayName`, `-Scopes $scopes`): its
 * strings and words, and the items of a list the script assigns to a variable given there (they count where
 * they are written) or the string it assigns (`$props = "id,mail"`); `unknown` when a value is known only at run
 * time. Undefined when the parameter is absent.
 */
function listParameter(args: Token[], parameter: RegExp, lists: Map<string, Token[]>, variables: Map<string, string>): { items: Token[]; unknown: boolean } | undefined {
  const at = args.findIndex((token) => token.kind === 'parameter' && parameter.test(token.text));
  if (at === -1) return undefined;
  const items: Token[] = [];
  let unknown = false;
  for (const token of args.slice(at + 1)) {
    if (token.kind === 'parameter') break;
    if (token.kind === 'variable') {
      const list = lists.get(token.text.toLowerCase());
      const value = variables.get(token.text.toLowerCase());
      if (list) items.push(...list);
      else if (value !== undefined) items.push({ ...token, kind: 'string', value });
      else unknown = true;
    } else if (token.kind === 'string' || token.kind === 'word' || token.text === '*') items.push(token);
  }
  return { items, unknown };
}

/** The names one list item gives (`"id,displayName"`, `User.Read Mail.Send`). */
function itemsOf(item: Token): string[] {
  return (item.value ?? item.text).split(/[,\s]+/).filter(Boolean);
}

/**
 * The `$select` and `$expand` a cmdlet asks for with `-Property` and `-ExpandProperty` (`-Property
 * signInActivity` needs AuditLog.Read.All too; `-Property *` asks for every property). A list known only at run
 * time selects nothing known.
 */
function selectedProperties(args: Token[], lists: Map<string, Token[]>, variables: Map<string, string>): { select?: string[]; expand?: string[] } {
  const read = (parameter: RegExp) => {
    const list = listParameter(args, parameter, lists, variables);
    const names = list && !list.unknown ? list.items.flatMap(itemsOf) : [];
    if (names.includes('*')) return ['*'];
    return names.length && !names.some((name) => name.includes(PLACEHOLDER)) ? names : undefined;
  };
  const select = read(/^-property:?$/i);
  const expand = read(/^-expandproperty:?$/i);
  return { ...(select ? { select } : {}), ...(expand ? { expand } : {}) };
}

/** String lists assigned to variables (`$scopes = @("a", "b")` over any lines, `$scopes = "a", "b"`): their string tokens, by lower-case `$name`. */
function listsIn(tokens: Token[], matches: Int32Array): Map<string, Token[]> {
  const lists = new Map<string, Token[]>();
  for (let i = 0; i + 2 < tokens.length; i++) {
    if (tokens[i]!.kind !== 'variable' || tokens[i + 1]!.text !== '=') continue;
    let items: Token[] = [];
    if (tokens[i + 2]!.text === '@' && tokens[i + 3]?.text === '(') items = tokens.slice(i + 4, closingOf(matches, i + 3, tokens.length)).filter((token) => token.kind === 'string');
    else if (tokens[i + 2]!.kind === 'string' && tokens[i + 3]?.text === ',') {
      for (let j = i + 2; j < tokens.length && (tokens[j]!.kind === 'string' || tokens[j]!.text === ','); j++) if (tokens[j]!.kind === 'string') items.push(tokens[j]!);
    }
    if (items.length) lists.set(tokens[i]!.text.toLowerCase(), items);
  }
  return lists;
}

/** The hashtable a command is splatted with (`Invoke-RestMethod @request`), if the script assigns one. */
function splatUsed(args: Token[], hashtables: Map<string, Hashtable>): Map<string, Token> | undefined {
  const at = args.findIndex((token, index) => token.text === '@' && token.kind === 'other' && args[index + 1]?.kind === 'word');
  return at === -1 ? undefined : hashtables.get(args[at + 1]!.text.toLowerCase())?.entries;
}

/** A command's arguments by name and by position (bracketed expressions and splats are neither). */
function invocationOf(name: string, args: Token[], read: Map<string, string> | ((token: Token) => string | undefined), source: { file: string; line: number }): PowerShellInvocation {
  const valueOf = typeof read === 'function' ? read : (token: Token) => tokenValue(token, read);
  const named: [string, string | undefined][] = [];
  const positional: (string | undefined)[] = [];
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token.kind === 'other' && OPENERS[token.text]) {
      // Skip the bracketed expression (a value computed at run time).
      for (let depth = 0; i < args.length; i++) {
        const inner = args[i]!;
        if (inner.kind !== 'other') continue;
        if (OPENERS[inner.text]) depth++;
        else if (')]'.includes(inner.text) && --depth === 0) break;
      }
      continue;
    }
    if (token.kind === 'parameter') {
      const value = args[i + 1];
      const given = value && (value.kind === 'string' || value.kind === 'variable' || value.kind === 'word') ? value : undefined;
      named.push([token.text.slice(1).replace(/:$/, '').toLowerCase(), given ? valueOf(given) : undefined]);
      if (given) i++;
      // A bare word is a string in argument mode (`Invoke-Graph users POST`).
    } else if (token.kind === 'string' || token.kind === 'variable' || token.kind === 'word') positional.push(valueOf(token) ?? (token.kind === 'word' ? token.text : undefined));
  }
  return { name: name.toLowerCase(), named, positional, source };
}

/** Whether a call passes something that reads as a Graph path or URL (only such calls are kept for other scripts' helpers). */
function passesGraphPath(invocation: PowerShellInvocation): boolean {
  const values = [...invocation.named.map(([, value]) => value), ...invocation.positional];
  return values.some((value) => value !== undefined && (/^https:\/\//i.test(value) || isGraphRootSegment(/^\/?(?:(?:v1\.0|beta)\/)?([A-Za-z]+)/.exec(value)?.[1] ?? '')));
}

/**
 * Whether a call passes a path relative to some base (`Invoke-PostRequest "mobileApps"`, `"mobileApps/$id"`): kept
 * too, for another script's helper that puts its base before it; a value with spaces is text, not a path.
 */
function passesRelativePath(invocation: PowerShellInvocation): boolean {
  const values = [...invocation.named.map(([, value]) => value), ...invocation.positional];
  // Verb-Noun: a function of the module, not a keyword or a hashtable's key read as a command.
  if (!/^[A-Za-z]+-[A-Za-z]\w*$/.test(invocation.name) || NOT_A_CALL.test(invocation.name)) return false;
  return values.some((value) => value !== undefined && /^[A-Za-z][\w.{}-]*(\/[^\s]*)?$/.test(value) && !/^(GET|POST|PUT|PATCH|DELETE)$/i.test(value));
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

/**
 * The URI and method a request command is given: by name (`-Uri`, `-Method`), in a splatted hashtable
 * (`Invoke-RestMethod @request`), or, for the URI, as the first value outside any named parameter.
 */
function requestArguments(args: Token[], splats: Map<string, Hashtable>): { uri?: Token; method?: Token } {
  const splatted = splatUsed(args, splats);
  return { uri: argumentAfter(args, 'Uri') ?? splatted?.get('uri') ?? firstPositional(args), method: argumentAfter(args, 'Method') ?? splatted?.get('method') };
}

function firstPositional(args: Token[]): Token | undefined {
  for (let i = 0; i < args.length; i++) {
    const token = args[i]!;
    if (token.kind === 'parameter') {
      i++;
      continue;
    }
    if (token.kind === 'string' || token.kind === 'variable') return token;
  }
  return undefined;
}

function tokenValue(token: Token, variables: Map<string, string>): string | undefined {
  if (token.kind === 'string') return token.value;
  if (token.kind === 'variable') return variables.get(token.text.toLowerCase());
  return token.text;
}

/** Splits tokens into statements at newlines (unless continued), `;` and `|`. */
function statements(tokens: Token[], hashtables = true): Token[][] {
  const result: Token[][] = [];
  let current: Token[] = [];
  // A hashtable written in a statement (`-Headers @{ Authorization = "Bearer $t"; Accept = 'json' }`) is part of it:
  // its braces and `;` are brackets and punctuation there, not statement separators.
  let hashtableDepth = 0;
  for (const token of tokens) {
    const opensHashtable = hashtables && token.text === '{' && token.kind === 'separator' && current.at(-1)?.text === '@';
    if (opensHashtable || (hashtableDepth > 0 && token.kind === 'separator')) {
      if (token.text === '{') hashtableDepth++;
      if (token.text === '}') hashtableDepth--;
      // A newline between entries separates them as `;` does.
      current.push({ ...token, kind: 'other', text: token.text === '\n' ? ';' : token.text });
      continue;
    }
    if (token.kind === 'separator') {
      if (current.length) result.push(current);
      current = [];
    } else current.push(token);
  }
  if (current.length) result.push(current);
  // A hashtable never closed (a script PowerShell itself would reject) must not swallow the rest of the file.
  return hashtableDepth > 0 ? statements(tokens, false) : result;
}

export function tokenize(text: string, seed?: ReadonlyMap<string, string>): Token[] {
  const tokens: Token[] = [];
  const variables = new Map<string, string>(seed);
  const known = (name: string) => variables.get(name);
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
      push('string', text.slice(index, stop), quote === '"' ? { value: expand(body, known), raw: body } : { value: body });
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
      push('string', text.slice(index, cursor + 1), { value: expand(raw, known), raw });
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
      if (assigned && match) variables.set(name.toLowerCase(), assigned[1] === '"' ? expand(assigned[2]!, known) : assigned[2]!);
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

/**
 * Expands `$name` and `$(…)` in a double-quoted string: known string variables by value (`lookup` takes the
 * lower-case `$name`), anything else as `{id}`. A backtick escapes the next character: "`$filter" is `$filter`.
 */
function expand(raw: string, lookup: (name: string) => string | undefined): string {
  return raw.replace(/`(.)|\$\([^)]*\)|\$(\{[^}]*\}|[\w:]+)/g, (match, escaped: string | undefined) => {
    if (escaped !== undefined) return escaped;
    // `$($base)`: a subexpression of one variable is that variable; any other is known only at run time.
    const single = /^\$\(\s*(\$[\w:]+)\s*\)$/.exec(match)?.[1];
    if (single) return lookup(single.toLowerCase()) ?? PLACEHOLDER;
    return match.startsWith('$(') ? PLACEHOLDER : (lookup(match.toLowerCase()) ?? PLACEHOLDER);
  });
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
  /** Properties asked for with `-Property` and `-ExpandProperty`. */
  select?: string[];
  expand?: string[];
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
  return { method: target.method, path, apiVersion: target.apiVersion ?? (beta ? 'beta' : 'v1.0'), via: 'powershell-cmdlet', confidence: 'high', source: use.source, ...(use.select ? { select: use.select } : {}), ...(use.expand ? { expand: use.expand } : {}) };
}
