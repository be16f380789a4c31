import { SaxesParser } from 'saxes';
import type { SourceFile } from '../source-file.ts';
import { MAX_NESTING, nestingTooDeep, type ParseResult, type Position } from './parse-result.ts';

/** An XML element with the position of its start tag. Namespace prefixes are kept in `name`; `local` drops them. */
export interface XmlElement {
  name: string;
  local: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
  position: Position;
}

export interface XmlDocument {
  root: XmlElement;
}

/**
 * Parses XML without ever expanding entities: a DOCTYPE that declares entities (the "billion laughs" and
 * external-entity attacks) is refused with a clear error, and no DTD or external resource is fetched.
 */
export function parseXml(file: SourceFile): ParseResult<XmlDocument> {
  const parser = new SaxesParser({ position: true });
  const stack: XmlElement[] = [];
  let root: XmlElement | undefined;
  let failure: { message: string; line?: number; column?: number } | undefined;

  const fail = (message: string) => {
    failure ??= { message, line: parser.line, column: parser.column };
  };
  parser.on('error', (error) => fail(error.message.replace(/^(?:[^:]*:)?\d+:\d+: /, '')));
  parser.on('doctype', (doctype) => {
    if (/<!ENTITY/i.test(doctype)) fail('the DOCTYPE declares entities; m365cert never expands XML entities');
  });
  parser.on('opentag', (tag) => {
    if (failure) return;
    if (stack.length >= MAX_NESTING) return fail(nestingTooDeep().message);
    const element: XmlElement = {
      name: tag.name,
      local: tag.name.includes(':') ? tag.name.slice(tag.name.indexOf(':') + 1) : tag.name,
      attributes: tag.attributes as Record<string, string>,
      children: [],
      text: '',
      position: { line: parser.line, column: parser.column },
    };
    const parent = stack[stack.length - 1];
    if (parent) parent.children.push(element);
    else root ??= element;
    if (!tag.isSelfClosing) stack.push(element);
  });
  parser.on('closetag', (tag) => {
    if (!tag.isSelfClosing) stack.pop();
  });
  const appendText = (text: string) => {
    const current = stack[stack.length - 1];
    if (current) current.text += text;
  };
  parser.on('text', appendText);
  parser.on('cdata', appendText);

  try {
    parser.write(file.text.charCodeAt(0) === 0xfeff ? file.text.slice(1) : file.text);
    if (!failure) parser.close();
  } catch (error) {
    fail((error as Error).message.replace(/^(?:[^:]*:)?\d+:\d+: /, ''));
  }
  if (failure) return { ok: false, error: failure };
  if (!root) return { ok: false, error: { message: 'no root element' } };
  return { ok: true, doc: { root } };
}

/** Child elements by local name (namespace prefixes ignored). */
export function childrenNamed(element: XmlElement, local: string): XmlElement[] {
  return element.children.filter((child) => child.local === local);
}

export function firstChild(element: XmlElement, local: string): XmlElement | undefined {
  return element.children.find((child) => child.local === local);
}

/** Every element below `element` (depth first), for searches that do not care where a value sits. */
export function* descendants(element: XmlElement): Generator<XmlElement> {
  const pending = [...element.children].reverse();
  while (pending.length) {
    const next = pending.pop() as XmlElement;
    yield next;
    for (let i = next.children.length - 1; i >= 0; i--) pending.push(next.children[i] as XmlElement);
  }
}
