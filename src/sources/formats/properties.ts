import type { SourceFile } from '../source-file.ts';

/** `key=value` / `key: value` entries of a Java properties file; a trailing backslash continues the value. */
export function propertiesEntries(file: SourceFile): { key: string; value: string; line: number }[] {
  const entries: { key: string; value: string; line: number }[] = [];
  const lines = file.text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const start = index;
    let line = lines[index]!.replace(/\r$/, '').trimStart();
    if (!line || line.startsWith('#') || line.startsWith('!')) continue;
    while (line.endsWith('\\') && index + 1 < lines.length) line = line.slice(0, -1) + lines[++index]!.replace(/\r$/, '').trimStart();
    const match = /^((?:\\.|[^=:\s])+)\s*[=:\s]\s*(.*)$/.exec(line);
    if (match) entries.push({ key: match[1]!, value: match[2]!, line: start + 1 });
  }
  return entries;
}
