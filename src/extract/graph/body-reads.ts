import type { GraphCall } from './types.ts';

/**
 * A read of messages or events that selects nothing returns their body, which ReadBasic permissions leave out.
 * Whether the app needs it shows in its code: a file that goes on to read a body needs Mail.Read or
 * Calendars.Read for such reads, not ReadBasic. The file's text is tested once, where it is parsed; calls are
 * marked once every call of the file is known (PowerShell cmdlets resolve after parsing).
 */

/** Reads of mail or calendar items (lists and single ones, `$value` aside). */
const ITEM_READ = /\/(messages|events|calendarview)(\/\{id\})?$/i;
/**
 * Code that reads an item's body: `.body`, `.Body`, `.body_preview`, `.bodyPreview`, `.uniqueBody`, `['body']` —
 * not one that writes it (`message.body = ItemBody()`, `message.body.content = text` before sending). The
 * lookahead-and-backreference takes the whole member chain at once, so a write cannot match a shorter chain.
 */
const BODY_READ = /(?:\.(?:body|Body|body_?preview|bodyPreview|BodyPreview|unique_?body|uniqueBody|UniqueBody)\b|\[\s*["']body["']\s*\])(?=((?:\.\w+)*))\1(?!\s*=(?!=))/;

export function readsItemBody(text: string): boolean {
  return BODY_READ.test(text);
}

/** Marks the reads of messages or events without `$select` among a file's calls, when the file reads a body. */
export function markBodyReads(calls: Pick<GraphCall, 'method' | 'path' | 'select' | 'readsBody'>[], fileReadsBody: boolean): void {
  if (!fileReadsBody) return;
  for (const call of calls) if (call.method === 'GET' && !call.select?.length && ITEM_READ.test(call.path)) call.readsBody = true;
}
