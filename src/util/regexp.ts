/** Text made literal inside a regular expression (`graph.microsoft.com` → `graph\.microsoft\.com`). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
