/**
 * oxc's parser recurses once per level of nesting with no depth guard (oxc-project/oxc#24375): a JavaScript file
 * nested a few thousand levels deep overflows the thread's native stack and kills the process, past any try/catch
 * (measured on an 8 MB main thread: 4,400 generic type arguments, 6,100 parentheses or labels, 8,500 arrows or
 * assignments, 29,000 `!`). Before oxc sees a file, this estimates from its characters the stack its parse takes,
 * and the file is refused above a bound: a clear "not parsed" instead of a crash.
 *
 * The estimate adds, for every bracket open at a point (parentheses, brackets, braces, `${`, JSX elements), a
 * frame, and for each level the cost of the constructs that may be nesting there since the level's last statement
 * or list boundary (`;`, `,`, or a value followed by a new statement). Costs are bytes of stack per construct,
 * measured on oxc-parser 0.159 and rounded up (see the table below); real code stays far below the bound.
 */

/** Stack the parse of a file may use, at most: half an 8 MB main thread, and the extraction threads get more (parallel.ts). */
export const NESTING_STACK_LIMIT = 3 * 1024 * 1024;

/** Bytes of native stack per nesting construct (measured per level, rounded up). */
const COST = {
  frame: 2560, // ( [ { ${: 1.4 KB for parentheses, 2 KB for template substitutions
  element: 1024, // a JSX element: 0.5 KB
  group: 128, // a closed group continuing an expression: f(a)(b)(c)
  typeArguments: 2560, // <: 1.9 KB per Array<Array<…
  label: 1536, // : — labels 1.3 KB, object members, ternary else
  ternary: 1024, // ?
  arrowOrAssign: 1280, // => and = at 1 KB
  statement: 1536, // if for while with do: 1.3 KB
  prefix: 640, // new await yield typeof void delete …: 0.5 KB
  unary: 384, // ! ~ + -: 0.3 KB
  other: 128, // . and binary operators: 0.1 KB
  templateStart: 512,
} as const;

/** `else` costs nothing of its own: an else-if chain nests by its `if`s (1.3 KB per link, measured). */
const STATEMENT_KEYWORDS = new Set(['if', 'for', 'while', 'with', 'do']);
const PREFIX_KEYWORDS = new Set(['new', 'await', 'yield', 'typeof', 'void', 'delete', 'keyof', 'readonly', 'infer', 'unique', 'async', 'asserts']);
/** Words that continue the construct before them rather than start a statement: no boundary before them. */
const CONTINUING_KEYWORDS = new Set(['in', 'of', 'instanceof', 'as', 'satisfies', 'is', 'extends', 'implements', 'else', 'catch', 'finally', 'from']);
/** Words after which a `(` is a statement's head: the group closing it is no value (if (a) /re/.test(x), if (a) if (b)). */
const HEADER_KEYWORDS = new Set(['if', 'for', 'while', 'with', 'switch', 'catch']);
/** Words that are values: a `/` after them divides. */
const VALUE_KEYWORDS = new Set(['this', 'super', 'null', 'true', 'false', 'undefined']);

/** What the scanner reads: code, a template's text, a JSX tag, or a JSX element's children. */
const Mode = { Code: 0, Template: 1, JsxTag: 2, JsxChildren: 3 } as const;
type Mode = (typeof Mode)[keyof typeof Mode];

/** Where a JSX element began, to read it again as code if it turns out not to be one (`<T,>(x: T) => x` in .tsx). */
interface Snapshot {
  index: number;
  line: number;
  frames: number;
  total: number;
  pending: number;
}

interface Frame {
  pending: number;
  /** What closing the frame returns to. */
  resume: Mode;
  /** A statement's head `(…)`, a JSX element (closed by its closing tag), or any other bracket. */
  kind: 'bracket' | 'header' | 'jsx';
  /** JSX: where the element (or the tag whose attribute this brace is in) began. */
  snapshot?: Snapshot;
}

const frameCost = (frame: Frame) => (frame.kind === 'jsx' ? COST.element : COST.frame);

/** Character codes of names: letters, digits, _ and $ (and everything beyond ASCII, as oxc allows Unicode names). */
const NAME_CHARACTER = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) NAME_CHARACTER[code] = /[\w$]/.test(String.fromCharCode(code)) ? 1 : 0;
const isNameCharacter = (code: number) => code >= 128 || NAME_CHARACTER[code] === 1;
/** Every keyword the estimate reads is lower-case ASCII and at most this long; longer or other words are names. */
const LONGEST_KEYWORD = 10;
/** Characters a JSX tag holds besides names, strings and braces; anything else means it is no tag. */
const JSX_TAG_CHARACTER = /[\w$\u0080-\uffff\s.:=-]/;
/** After this many `<` that were not JSX after all, every `<` of the file counts as an operator (no rescanning). */
const MAX_JSX_RETRIES = 20;

/**
 * The line at which the estimated stack of parsing `text` first passes `limit`, or undefined when it never does.
 * `jsx`: the file may hold JSX (.js, .jsx, .tsx), whose elements nest like brackets and whose text is no code.
 * One pass over the characters (a `<` read as JSX that is not is read again as code, a bounded number of times).
 */
export function deepNesting(text: string, jsx: boolean, limit = NESTING_STACK_LIMIT): { line: number; bytes: number } | undefined {
  const frames: Frame[] = [{ pending: 0, resume: Mode.Code, kind: 'bracket' }];
  const length = text.length;
  let total = 0;
  let line = 1;
  let index = 0;
  let mode: Mode = Mode.Code;
  /** The last token was a value (a name, a literal, a closing bracket): `/` divides, and a word after it starts a statement. */
  let afterValue = false;
  /** The last token was `.`: the word after it is a property name, whatever it spells. */
  let afterDot = false;
  /** The last word was if/for/while/…: the `(` after it is the statement's head. */
  let headerNext = false;
  let tagStart: Snapshot | undefined;
  const notJsx = new Set<number>();
  let jsxAllowed = jsx;

  const top = () => frames[frames.length - 1]!;
  const add = (cost: number) => {
    top().pending += cost;
    total += cost;
  };
  /** A statement or list item ends: the constructs pending on this level are closed. */
  const boundary = () => {
    total -= top().pending;
    top().pending = 0;
  };
  const open = (kind: Frame['kind'], resume: Mode, snapshot?: Snapshot) => {
    const frame: Frame = { pending: 0, resume, kind, snapshot };
    frames.push(frame);
    total += frameCost(frame);
  };
  const snapshot = (): Snapshot => ({ index, line, frames: frames.length, total, pending: top().pending });
  /** Reads the text from a `<` taken for JSX again, as code with that `<` an operator. */
  const notJsxAfterAll = (start: Snapshot | undefined) => {
    if (!start) {
      mode = Mode.Code;
      index += 1;
      return;
    }
    frames.length = start.frames;
    top().pending = start.pending;
    total = start.total;
    line = start.line;
    index = start.index;
    notJsx.add(index);
    if (notJsx.size >= MAX_JSX_RETRIES) jsxAllowed = false;
    mode = Mode.Code;
    afterValue = false;
  };
  /** Closes the innermost frame (for a JSX closing tag, up to the innermost element) and returns to what it was opened from. */
  const close = (element: boolean) => {
    while (frames.length > 1) {
      const frame = frames.pop()!;
      total -= frameCost(frame) + frame.pending;
      if (element && frame.kind !== 'jsx') continue;
      add(COST.group);
      if (frame.kind === 'jsx') {
        mode = top().kind === 'jsx' ? Mode.JsxChildren : frame.resume;
        afterValue = true;
      } else {
        mode = frame.resume;
        if (mode === Mode.JsxTag) tagStart = frame.snapshot;
        afterValue = frame.kind !== 'header';
      }
      return;
    }
    afterValue = true;
  };
  /** The innermost JSX element whose children are being read. */
  const element = () => {
    for (let at = frames.length - 1; at > 0; at -= 1) if (frames[at]!.kind === 'jsx') return frames[at]!;
    return undefined;
  };

  while (index < length) {
    if (total > limit) return { line, bytes: total };
    const char = text[index]!;
    if (char === '\n') line += 1;

    if (mode === Mode.Template) {
      if (char === '\\') index += 2;
      else if (char === '`') {
        mode = Mode.Code;
        afterValue = true;
        index += 1;
      } else if (char === '$' && text[index + 1] === '{') {
        open('bracket', Mode.Template);
        mode = Mode.Code;
        afterValue = false;
        index += 2;
      } else index += 1;
      continue;
    }

    if (mode === Mode.JsxChildren) {
      if (char === '{') {
        open('bracket', Mode.JsxChildren);
        mode = Mode.Code;
        afterValue = false;
        index += 1;
      } else if (char === '<' && text[index + 1] === '/') {
        const end = text.indexOf('>', index);
        const name = text.slice(index + 2, end === -1 ? length : end);
        if (end === -1 || !/^[\s\w$.:-]*$/.test(name)) notJsxAfterAll(element()?.snapshot);
        else {
          line += countNewlines(name);
          index = end + 1;
          close(true);
        }
      } else if (char === '<' && /[A-Za-z>]/.test(text[index + 1] ?? '') && !notJsx.has(index)) {
        tagStart = snapshot();
        mode = Mode.JsxTag;
        index += 1;
      } else if (char === '>' || char === '}') notJsxAfterAll(element()?.snapshot);
      else index += 1;
      continue;
    }

    if (mode === Mode.JsxTag) {
      if (char === '"' || char === "'") index = skipString(text, index, char);
      else if (char === '{') {
        open('bracket', Mode.JsxTag, tagStart);
        mode = Mode.Code;
        afterValue = false;
        index += 1;
      } else if (char === '/' && text[index + 1] === '>') {
        // A self-closing element is a value where it stands.
        index += 2;
        add(COST.group);
        mode = element() && top().kind === 'jsx' ? Mode.JsxChildren : Mode.Code;
        afterValue = true;
      } else if (char === '>') {
        index += 1;
        open('jsx', Mode.Code, tagStart);
        mode = Mode.JsxChildren;
      } else if (JSX_TAG_CHARACTER.test(char)) index += 1;
      else notJsxAfterAll(tagStart);
      continue;
    }

    // Code.
    if (char === ' ' || char === '\t' || char === '\r' || char === '\n') {
      index += 1;
      continue;
    }
    if (char === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      index = end === -1 ? length : end;
      continue;
    }
    if (char === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      line += countNewlines(text.slice(index, end === -1 ? length : end));
      index = end === -1 ? length : end + 2;
      continue;
    }
    const dotted = afterDot;
    afterDot = false;
    if (char === '"' || char === "'") {
      if (afterValue) boundary();
      index = skipString(text, index, char);
      afterValue = true;
      continue;
    }
    if (char === '`') {
      if (afterValue) boundary();
      add(COST.templateStart);
      mode = Mode.Template;
      index += 1;
      continue;
    }
    if (char === '/' && !afterValue) {
      index = skipRegex(text, index);
      afterValue = true;
      continue;
    }
    const code = text.charCodeAt(index);
    if (isNameCharacter(code)) {
      let end = index + 1;
      while (end < length && isNameCharacter(text.charCodeAt(end))) end += 1;
      const word = dotted || end - index > LONGEST_KEYWORD || code < 97 || code > 122 ? '' : text.slice(index, end);
      // A word after a value starts a new statement (automatic semicolon insertion), unless it continues the construct.
      if (afterValue && !CONTINUING_KEYWORDS.has(word)) boundary();
      const cost = STATEMENT_KEYWORDS.has(word) ? COST.statement : PREFIX_KEYWORDS.has(word) ? COST.prefix : 0;
      if (cost) add(cost);
      headerNext = HEADER_KEYWORDS.has(word);
      afterValue = VALUE_KEYWORDS.has(word) || !(cost || CONTINUING_KEYWORDS.has(word) || headerNext || RESERVED_NON_VALUES.has(word));
      index = end;
      continue;
    }
    if (char === '(' || char === '[' || char === '{') {
      open(char === '(' && headerNext ? 'header' : 'bracket', Mode.Code);
      headerNext = false;
      afterValue = false;
      index += 1;
      continue;
    }
    headerNext = false;
    if (char === ')' || char === ']' || char === '}') {
      index += 1;
      close(false);
      continue;
    }
    if (char === ';' || char === ',') {
      // A statement chain (if (a); else if (b); …) goes on past the `;` when `else` follows.
      if (!(char === ';' && elseFollows(text, index + 1))) boundary();
      afterValue = false;
      index += 1;
      continue;
    }
    if (char === '<' && jsxAllowed && !afterValue && /[A-Za-z>]/.test(text[index + 1] ?? '') && !notJsx.has(index)) {
      tagStart = snapshot();
      mode = Mode.JsxTag;
      index += 1;
      continue;
    }
    add(operatorCost(text, index));
    afterDot = char === '.';
    afterValue = false;
    index += char === '=' && text[index + 1] === '>' ? 2 : 1;
  }
  return total > limit ? { line, bytes: total } : undefined;
}

/** Keywords that are neither values nor counted constructs, after which `/` starts a regular expression. */
const RESERVED_NON_VALUES = new Set(['return', 'throw', 'case', 'default', 'export', 'import', 'const', 'let', 'var', 'function', 'class', 'interface', 'type', 'enum', 'namespace', 'module', 'declare', 'abstract', 'public', 'private', 'protected', 'static', 'override', 'get', 'set', 'switch', 'try', 'break', 'continue', 'debugger']);

function operatorCost(text: string, index: number): number {
  const char = text[index]!;
  const next = text[index + 1];
  const previous = text[index - 1];
  switch (char) {
    case '<':
      return COST.typeArguments;
    case ':':
      return COST.label;
    case '?':
      return COST.ternary;
    case '=':
      // => and a bare assignment; the = of ==, <=, += … is an operator like the others.
      return next === '>' || (next !== '=' && !/[=!<>+\-*/%&|^?]/.test(previous ?? '')) ? COST.arrowOrAssign : COST.other;
    case '!':
    case '~':
    case '+':
    case '-':
      return COST.unary;
    default:
      return COST.other;
  }
}

/** The end of a regular expression literal starting at `index` (its flags included); a line end stops it. */
function skipRegex(text: string, index: number): number {
  let inClass = false;
  let at = index + 1;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '\\') at += 2;
    else if (char === '\n') return at;
    else if (char === '[') {
      inClass = true;
      at += 1;
    } else if (char === ']') {
      inClass = false;
      at += 1;
    } else if (char === '/' && !inClass) {
      at += 1;
      while (at < text.length && /[a-z]/i.test(text[at]!)) at += 1;
      return at;
    } else at += 1;
  }
  return at;
}

/** Whether the next word after `index` (past blanks) is `else`. */
function elseFollows(text: string, index: number): boolean {
  let at = index;
  while (at < text.length && (text[at] === ' ' || text[at] === '\t' || text[at] === '\n' || text[at] === '\r')) at += 1;
  return text.startsWith('else', at) && !isNameCharacter(text.charCodeAt(at + 4));
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count += 1;
  return count;
}

/** The end of a string literal starting at `index`; an unclosed one ends with its line. */
function skipString(text: string, index: number, quote: string): number {
  let at = index + 1;
  while (at < text.length) {
    const char = text[at]!;
    if (char === '\\') at += 2;
    else if (char === quote) return at + 1;
    else if (char === '\n') return at;
    else at += 1;
  }
  return at;
}
