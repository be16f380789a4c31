import { DOTENV_FILE, dotenvEntries } from '../../sources/formats/dotenv.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import type { InsecurePattern } from './types.ts';

/** `NODE_TLS_REJECT_UNAUTHORIZED=0` in a .env file turns certificate checks off for the whole Node process. */
export function patternsInSettings(files: readonly SourceFile[]): InsecurePattern[] {
  const patterns: InsecurePattern[] = [];
  for (const file of files) {
    if (!DOTENV_FILE.test(file.path) || !file.text.includes('NODE_TLS_REJECT_UNAUTHORIZED')) continue;
    for (const entry of dotenvEntries(file)) {
      if (entry.key === 'NODE_TLS_REJECT_UNAUTHORIZED' && entry.value.trim().replace(/^["']|["']$/g, '') === '0') patterns.push({ rule: 'tls-verification-disabled', detail: 'NODE_TLS_REJECT_UNAUTHORIZED=0', source: { file: file.path, line: entry.line } });
    }
  }
  return patterns;
}
