import type { SourceFile } from '../source-file.ts';

/**
 * `.env` files (dotenv format, also the Agents Toolkit's `env/.env.<environment>` and `.env.example`):
 * `KEY=value` lines, `export` allowed, `#` comments. Values keep their quotes; an inline ` # comment` is cut.
 */
export const DOTENV_FILE = /(^|\/)(\.env(\.[\w-]+)*|[\w-]*\.env|example\.env)$/i;

export interface DotenvEntry {
  key: string;
  value: string;
  line: number;
}

export function dotenvEntries(file: SourceFile): DotenvEntry[] {
  const entries: DotenvEntry[] = [];
  file.text.split(/\r?\n/).forEach((text, index) => {
    if (text.trim().startsWith('#')) return;
    const match = /^\s*(?:export\s+)?([\w.-]+)\s*=\s*(.*)$/.exec(text);
    if (match) entries.push({ key: match[1]!, value: match[2]!.replace(/\s+#.*$/, ''), line: index + 1 });
  });
  return entries;
}
