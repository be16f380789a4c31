import path from 'node:path';
import { DOTENV_FILE, dotenvEntries } from '../../sources/formats/dotenv.ts';
import type { SourceFile } from '../../sources/source-file.ts';

/**
 * URLs the app's `.env` files give its environment variables (`GRAPH_API_ENDPOINT=https://graph.microsoft.com/`),
 * by folder: code reading `process.env.GRAPH_API_ENDPOINT` gets the value of the nearest folder's files, as
 * dotenv loads them. Only URL values are kept: nothing else of the environment matters to a call, and a secret
 * never enters the extraction.
 */
export type EnvironmentUrls = Record<string, Record<string, string>>;

/** Which of several `.env` files of a folder wins: the file the app loads, then local and development ones, then templates. */
function preference(file: string): number {
  const name = path.posix.basename(file).toLowerCase();
  const order = ['.env', '.env.local', '.env.development', '.env.development.local', '.env.dev', '.env.example', '.env.sample', '.env.template'];
  const index = order.indexOf(name);
  return index === -1 ? order.length : index;
}

export function environmentUrls(files: readonly SourceFile[]): EnvironmentUrls {
  const urls: EnvironmentUrls = {};
  const envFiles = files.filter((file) => DOTENV_FILE.test(file.path) && !file.path.includes('!')).sort((a, b) => preference(a.path) - preference(b.path) || a.path.localeCompare(b.path));
  for (const file of envFiles) {
    const folder = path.posix.dirname(file.path);
    const values = (urls[folder] ??= {});
    for (const { key, value } of dotenvEntries(file)) {
      const unquoted = value.trim().replace(/^(["'])(.*)\1$/, '$2');
      if (!(key in values) && /^https?:\/\/[^\s/]+(\/\S*)?$/i.test(unquoted)) values[key] = unquoted;
    }
  }
  return urls;
}

/** The value a file sees for a variable: from its folder's `.env` files, else the nearest parent folder's. */
export function environmentUrl(urls: EnvironmentUrls | undefined, file: string, name: string): string | undefined {
  if (!urls) return undefined;
  for (let folder = path.posix.dirname(file); ; folder = path.posix.dirname(folder)) {
    const value = urls[folder]?.[name];
    if (value !== undefined) return value;
    if (folder === '.' || folder === '/' || folder === '') return undefined;
  }
}
