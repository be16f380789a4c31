/**
 * A reader for the parts of Terraform (HCL) and Bicep that hold data: blocks, attributes, objects, arrays and
 * strings, each with its line. Expressions that compute values (references, function calls, conditionals,
 * for-expressions) are kept as their source text, never evaluated. Enough to find app registrations and
 * settings in infrastructure code; not a full language implementation (no type checking, no modules).
 */
export type IacValue =
  | { kind: 'object'; entries: IacEntry[]; line: number }
  | { kind: 'array'; items: IacValue[]; line: number }
  | { kind: 'string'; value: string; line: number }
  | { kind: 'expression'; text: string; line: number };

export interface IacEntry {
  key: string;
  /** Block labels (`resource "azuread_application" "app"` → ["azuread_application", "app"]); Bicep resource type. */
  labels: string[];
  value: IacValue;
  line: number;
}

type Token = { type: 'string' | 'word' | 'punct' | 'newline'; text: string; line: number };

export class IacSyntaxError extends Error {
  override name = 'IacSyntaxError';
  readonly line: number;
  constructor(message: string, line: number) {
    super(message);
    this.line = line;
  }
}

const MAX_DEPTH = 64;

function tokenize(text: string, language: 'hcl' | 'bicep'): Token[] {
  const tokens: Token[] = [];
  let line = 1;
  let index = 0;
  const length = text.length;
  while (index < length) {
    const char = text[index]!;
    const next = text[index + 1];
    if (char === '\n') {
      tokens.push({ type: 'newline', text: '\n', line });
      line++;
      index++;
    } else if (char === ' ' || char === '\t' || char === '\r') index++;
    else if ((char === '/' && next === '/') || (char === '#' && language === 'hcl')) {
      while (index < length && text[index] !== '\n') index++;
    } else if (char === '/' && next === '*') {
      const end = text.indexOf('*/', index + 2);
      const stop = end === -1 ? length : end + 2;
      for (let i = index; i < stop; i++) if (text[i] === '\n') line++;
      index = stop;
    } else if (language === 'bicep' && text.startsWith("'''", index)) {
      const end = text.indexOf("'''", index + 3);
      const value = text.slice(index + 3, end === -1 ? length : end);
      tokens.push({ type: 'string', text: value, line });
      line += value.split('\n').length - 1;
      index = end === -1 ? length : end + 3;
    } else if ((language === 'bicep' && char === "'") || (language === 'hcl' && char === '"')) {
      const start = line;
      let value = '';
      let cursor = index + 1;
      let depth = 0;
      while (cursor < length) {
        const current = text[cursor]!;
        if (current === '\\' && cursor + 1 < length) {
          value += text[cursor + 1];
          cursor += 2;
          continue;
        }
        if (current === '\n') break;
        if (current === '$' && text[cursor + 1] === '{') depth++;
        if (current === '}' && depth > 0) depth--;
        if (current === char && depth === 0) break;
        value += current;
        cursor++;
      }
      tokens.push({ type: 'string', text: value, line: start });
      index = cursor + 1;
    } else if (language === 'hcl' && char === '<' && next === '<') {
      const match = /^<<-?\s*([A-Za-z_]\w*)\r?\n/.exec(text.slice(index, index + 80));
      if (!match) {
        tokens.push({ type: 'punct', text: '<', line });
        index++;
        continue;
      }
      const bodyStart = index + match[0].length;
      const found = new RegExp(`^\\s*${match[1]}\\s*$`, 'm').exec(text.slice(bodyStart));
      const body = found ? text.slice(bodyStart, bodyStart + found.index) : text.slice(bodyStart);
      tokens.push({ type: 'string', text: body, line });
      const consumed = found ? match[0].length + found.index + found[0].length : length - index;
      for (let i = index; i < index + consumed; i++) if (text[i] === '\n') line++;
      index += consumed;
    } else if (/[A-Za-z0-9_.\-*@!?<>|&%+]/.test(char)) {
      let cursor = index;
      while (cursor < length && /[A-Za-z0-9_.\-*@!?<>|&%+/]/.test(text[cursor]!) && !(text[cursor] === '/' && (text[cursor + 1] === '/' || text[cursor + 1] === '*'))) cursor++;
      tokens.push({ type: 'word', text: text.slice(index, cursor), line });
      index = cursor;
    } else {
      tokens.push({ type: 'punct', text: char, line });
      index++;
    }
  }
  return tokens;
}

/** Parses a Terraform or Bicep file into its top-level entries. Throws IacSyntaxError with the line. */
export function parseIac(text: string, language: 'hcl' | 'bicep'): IacEntry[] {
  const tokens = tokenize(text, language);
  let position = 0;
  const peek = () => tokens[position];
  const skipNewlines = () => {
    while (peek()?.type === 'newline') position++;
  };
  const fail = (message: string, line?: number): never => {
    throw new IacSyntaxError(message, line ?? peek()?.line ?? tokens[tokens.length - 1]?.line ?? 1);
  };

  /** An expression: a string, object, array, or any other tokens up to the end of the value, kept as text. */
  const value = (depth: number): IacValue => {
    if (depth > MAX_DEPTH) fail(`nesting deeper than ${MAX_DEPTH}`);
    skipNewlines();
    const token = peek();
    if (!token) return fail('a value is missing at the end of the file');
    if (token.type === 'punct' && token.text === '{') return object(depth + 1);
    if (token.type === 'punct' && token.text === '[') return array(depth + 1);
    if (token.type === 'string' && isValueEnd(tokens[position + 1])) {
      position++;
      return { kind: 'string', value: token.text, line: token.line };
    }
    // Anything else (references, calls, conditionals, interpolated concatenations): source text up to the value's end.
    const start = token;
    let text = '';
    let nesting = 0;
    while (position < tokens.length) {
      const current = peek()!;
      if (nesting === 0 && isValueEnd(current)) break;
      if (current.type === 'punct' && '([{'.includes(current.text)) nesting++;
      if (current.type === 'punct' && ')]}'.includes(current.text)) nesting--;
      if (nesting < 0) break;
      text += current.type === 'string' ? JSON.stringify(current.text) : current.type === 'newline' ? ' ' : current.text;
      position++;
    }
    return { kind: 'expression', text: text.trim(), line: start.line };
  };

  const isValueEnd = (token: Token | undefined) => !token || token.type === 'newline' || (token.type === 'punct' && (token.text === ',' || token.text === '}' || token.text === ']' || token.text === ')'));

  const array = (depth: number): IacValue => {
    const open = tokens[position++]!;
    const items: IacValue[] = [];
    for (;;) {
      skipNewlines();
      const token = peek();
      if (!token) return fail(`the array opened on line ${open.line} is not closed`, open.line);
      if (token.type === 'punct' && token.text === ']') {
        position++;
        return { kind: 'array', items, line: open.line };
      }
      if (token.type === 'punct' && token.text === ',') {
        position++;
        continue;
      }
      // Bicep/HCL for-expressions inside brackets are kept whole.
      if (token.type === 'word' && token.text === 'for') {
        let nesting = 1;
        let text = '';
        while (position < tokens.length && nesting > 0) {
          const current = tokens[position++]!;
          if (current.type === 'punct' && current.text === '[') nesting++;
          if (current.type === 'punct' && current.text === ']') nesting--;
          if (nesting > 0) text += current.type === 'string' ? JSON.stringify(current.text) : current.text === '\n' ? ' ' : `${current.text} `;
        }
        return { kind: 'expression', text: `[${text.trim()}]`, line: open.line };
      }
      const before = position;
      items.push(value(depth));
      // A stray token (`)` where an item belongs) is stepped over, never read forever.
      if (position === before) position++;
    }
  };

  /** `{ key = value }` / `{ key: value }` objects, and HCL block bodies (`name "label" { … }`). */
  const object = (depth: number): IacValue => {
    const open = tokens[position++]!;
    const entries = body(depth, open.line);
    return { kind: 'object', entries, line: open.line };
  };

  const body = (depth: number, openLine: number | undefined): IacEntry[] => {
    const entries: IacEntry[] = [];
    for (;;) {
      skipNewlines();
      const token = peek();
      if (!token) {
        if (openLine !== undefined) fail(`the block opened on line ${openLine} is not closed`, openLine);
        return entries;
      }
      if (token.type === 'punct' && token.text === '}') {
        if (openLine === undefined) fail('a closing brace without an opening one');
        position++;
        return entries;
      }
      if (token.type === 'punct' && token.text === ',') {
        position++;
        continue;
      }
      if (token.type !== 'word' && token.type !== 'string') {
        position++;
        continue;
      }
      position++;
      const labels: string[] = [];
      while (peek() && (peek()!.type === 'string' || peek()!.type === 'word')) {
        labels.push(peek()!.text);
        position++;
      }
      const separator = peek();
      if (separator?.type === 'punct' && (separator.text === '=' || separator.text === ':')) {
        position++;
        entries.push({ key: token.text, labels, value: value(depth), line: token.line });
      } else if (separator?.type === 'punct' && separator.text === '{') {
        entries.push({ key: token.text, labels, value: object(depth + 1), line: token.line });
      } else {
        // A statement this reader does not model (Bicep `import`, `targetScope`, decorators): skip its line.
        while (peek() && peek()!.type !== 'newline') position++;
      }
    }
  };

  return body(0, undefined);
}

/** Entries of an object value by key (all of them: HCL repeats block names). */
export function entriesNamed(value: IacValue | undefined, key: string): IacEntry[] {
  return value?.kind === 'object' ? value.entries.filter((entry) => entry.key === key) : [];
}
