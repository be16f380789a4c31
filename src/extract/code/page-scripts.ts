/**
 * The JavaScript inside pages: HTML, server-side templates (EJS, Handlebars, Razor, PHP, JSP, ASP.NET) and
 * single-file components (Vue, Svelte) call Graph from their `<script>` blocks as any script does. The blocks
 * are cut out at their own offsets, everything else blanked (line breaks kept), so the JavaScript parser reads
 * them with the page's own lines and columns; template tags inside them (`<%- token %>`, `{{ url }}`,
 * `@Model.Url`) become a number of the same length, so the script still parses.
 */

/** Files whose `<script>` blocks are read as code. */
export const PAGE_FILES = /\.(html?|ejs|hbs|handlebars|mustache|njk|liquid|cshtml|vbhtml|razor|aspx|ascx|master|jsp|php|vue|svelte)$/i;
/** Pages rendered on the server, whose text outside the scripts is code of another language (C#, PHP, Java). */
export const SERVER_PAGES = /\.(cshtml|vbhtml|razor|aspx|ascx|master|jsp|php)$/i;
const RAZOR_PAGES = /\.(cshtml|vbhtml|razor)$/i;

/** `type` values that hold code; anything else (`text/template`, `application/json`, `text/x-handlebars`) is data. */
const SCRIPT_TYPES = /^(text\/javascript|application\/javascript|text\/ecmascript|application\/ecmascript|module|text\/babel|text\/typescript|)$/i;
/** Server-side tags: EJS/ASP/JSP `<% … %>`, PHP `<?php … ?>`/`<?= … ?>`, mustache `{{ … }}`/`{{{ … }}}`, Jinja/Liquid `{% … %}`. */
const TEMPLATE_TAGS: [string, string][] = [['<%', '%>'], ['<?', '?>'], ['{{', '}}'], ['{%', '%}']];

export interface PageScripts {
  /** The page's text with only its scripts left, at their offsets; template tags in them made numbers. */
  code: string;
  /** The page's text with its scripts blanked: the server-side code of a server page. */
  rest: string;
  /** Whether a block declares TypeScript (`<script lang="ts">`). */
  typescript: boolean;
}

/** The page's scripts (see the module comment); undefined when it has no inline script. */
export function pageScripts(path: string, text: string): PageScripts | undefined {
  const kept: { start: number; end: number }[] = [];
  let typescript = false;
  // indexOf on a lower-case copy rather than one regular expression: an unclosed tag stops the search instead of
  // being tried again from every later opening tag (quadratic on a hostile page).
  const lower = text.toLowerCase();
  for (let open = lower.indexOf('<script'); open !== -1; open = lower.indexOf('<script', open + 1)) {
    if (/[\w-]/.test(lower[open + 7] ?? '')) continue; // <scripts>, <script-x>
    const tagEnd = lower.indexOf('>', open);
    const close = tagEnd === -1 ? -1 : lower.indexOf('</script', tagEnd);
    if (close === -1) break;
    const attributes = text.slice(open + 7, tagEnd);
    const type = /\btype\s*=\s*["']?([^"'\s>]*)/i.exec(attributes)?.[1] ?? '';
    open = close;
    if (!SCRIPT_TYPES.test(type) || !text.slice(tagEnd + 1, close).trim()) continue;
    if (/\blang\s*=\s*["']?(ts|typescript)\b/i.test(attributes) || /typescript/i.test(type)) typescript = true;
    kept.push({ start: tagEnd + 1, end: close });
  }
  if (kept.length === 0) return undefined;
  const code: string[] = [];
  const rest: string[] = [];
  let at = 0;
  for (const { start, end } of kept) {
    code.push(blank(text.slice(at, start)));
    rest.push(text.slice(at, start));
    const script = text.slice(start, end);
    code.push(maskTemplateTags(script, RAZOR_PAGES.test(path)));
    rest.push(blank(script));
    at = end;
  }
  code.push(blank(text.slice(at)));
  rest.push(text.slice(at));
  return { code: code.join(''), rest: rest.join(''), typescript };
}

/** Spaces for every character but line breaks, so offsets, lines and columns stay. */
function blank(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** A number standing for a template tag, of the tag's length (`<%-token%>` → `0         `), line breaks kept. */
function asNumber(tag: string): string {
  return `0${blank(tag.slice(1))}`;
}

function maskTemplateTags(script: string, razor: boolean): string {
  let masked = script;
  for (const [open, close] of TEMPLATE_TAGS) masked = maskBetween(masked, open, close);
  return razor ? maskRazor(masked) : masked;
}

/** Each `open … close` span made a number (`{{{ … }}}` with its third brace); an unclosed one is left as it is. */
function maskBetween(text: string, open: string, close: string): string {
  let out = '';
  let index = 0;
  for (let start = text.indexOf(open); start !== -1; start = text.indexOf(open, index)) {
    const closeAt = text.indexOf(close, start + open.length);
    if (closeAt === -1) break;
    let end = closeAt + close.length;
    if (open === '{{' && text[start + 2] === '{' && text[end] === '}') end++;
    out += text.slice(index, start) + asNumber(text.slice(start, end));
    index = end;
  }
  return out + text.slice(index);
}

/**
 * Razor expressions in a script: `@Model.Url`, `@ViewBag.Scopes[0]`, `@Html.Raw(Json.Serialize(x))`, `@(expr)`,
 * `@{ … }` — a name with members, calls and indexes, brackets balanced. `@@` is a literal `@`, and an `@` inside
 * a word (an e-mail address) is no expression.
 */
function maskRazor(script: string): string {
  let out = '';
  let index = 0;
  while (index < script.length) {
    const at = script.indexOf('@', index);
    if (at === -1) break;
    out += script.slice(index, at);
    if (script[at + 1] === '@') {
      out += '@@';
      index = at + 2;
      continue;
    }
    const end = /[\w.]/.test(script[at - 1] ?? '') ? at + 1 : razorExpressionEnd(script, at + 1);
    out += end === at + 1 ? '@' : asNumber(script.slice(at, end));
    index = end;
  }
  return out + script.slice(index);
}

/** Where a Razor expression starting at `from` (just after `@`) ends. */
function razorExpressionEnd(script: string, from: number): number {
  let index = from;
  if (script[index] === '(' || script[index] === '{') return balancedEnd(script, index);
  const name = /^[A-Za-z_]\w*/.exec(script.slice(index, index + 200));
  if (!name) return from;
  index += name[0].length;
  for (;;) {
    const next = script[index];
    if (next === '(' || next === '[') index = balancedEnd(script, index);
    else if (next === '.' && /[A-Za-z_]/.test(script[index + 1] ?? '')) index += 1 + /^[A-Za-z_]\w*/.exec(script.slice(index + 1, index + 201))![0].length;
    else return index;
  }
}

/** The offset after the bracket closing the one at `open` (strings not considered: template code is short). */
function balancedEnd(script: string, open: number): number {
  const closing: Record<string, string> = { '(': ')', '[': ']', '{': '}' };
  const stack: string[] = [];
  for (let index = open; index < script.length; index++) {
    const char = script[index]!;
    if (closing[char]) stack.push(closing[char]!);
    else if (char === stack[stack.length - 1]) {
      stack.pop();
      if (stack.length === 0) return index + 1;
    }
  }
  return script.length;
}
