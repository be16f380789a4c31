/**
 * Masks a secret so that no report ever carries it: keeps a short prefix that helps a person find the
 * value (key type, first characters) and hides the rest.
 */
export function maskSecret(value: string): string {
  if (value.length <= 8) return '*'.repeat(Math.max(4, value.length));
  const visible = Math.min(4, Math.floor(value.length / 6));
  return `${value.slice(0, visible)}${'*'.repeat(Math.min(12, value.length - visible))}`;
}

/** Removes user:password from a URL before it is shown anywhere. */
export function maskUrlCredentials(text: string): string {
  return text.replace(/\b([a-z][a-z0-9+.-]*:\/\/)([^/\s@:]+)(:[^/\s@]*)?@/gi, (_match, scheme: string) => `${scheme}***@`);
}
