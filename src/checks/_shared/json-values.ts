import { localKindOf } from '../../extract/hosts/endpoint-url.ts';
import { MAX_NESTING } from '../../sources/formats/parse-result.ts';

export interface StringLeaf {
  path: (string | number)[];
  value: string;
}

/** Every string value of a JSON document with its path, depth first, within the parser's nesting limit. */
export function* stringLeaves(value: unknown, path: (string | number)[] = []): Generator<StringLeaf> {
  if (path.length > MAX_NESTING) return;
  if (typeof value === 'string') yield { path, value };
  else if (Array.isArray(value)) for (let i = 0; i < value.length; i++) yield* stringLeaves(value[i], [...path, i]);
  else if (value && typeof value === 'object') for (const [key, child] of Object.entries(value)) yield* stringLeaves(child, [...path, key]);
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Agents Toolkit placeholders (`${{TAB_DOMAIN}}`) are filled at provisioning time and cannot be judged here. */
export function hasPlaceholder(text: string): boolean {
  return /\$\{\{[^}]*\}\}|\{\{[^}]*\}\}/.test(text);
}

/** Host of an http(s) URL, or undefined when the text is not one. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Loopback hosts (plain text to them never leaves the machine); IPv6 literals may come with their brackets. */
export function isLoopbackHost(host: string): boolean {
  return localKindOf(host.replace(/^\[(.*)\]$/, '$1')) === 'loopback';
}
