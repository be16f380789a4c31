import type { SourceRef } from '../graph/types.ts';

/**
 * Insecure code patterns (secure development): what the code does, where, and the rule it breaks.
 * `tls-verification-disabled` turns certificate checks off; the others weaken the app's own security.
 */
export type PatternRule = 'tls-verification-disabled' | 'weak-hash' | 'token-in-browser-storage' | 'dynamic-code-evaluation' | 'cors-any-origin-with-credentials' | 'secret-in-log';

export interface InsecurePattern {
  rule: PatternRule;
  /** What was written, in a few words (`rejectUnauthorized: false`, `createHash('md5')`). */
  detail: string;
  source: SourceRef;
}

export const PATTERN_TITLES: Record<PatternRule, string> = {
  'tls-verification-disabled': 'TLS certificate verification disabled',
  'weak-hash': 'MD5 or SHA-1 hash',
  'token-in-browser-storage': 'Token kept in browser storage',
  'dynamic-code-evaluation': 'Code evaluated at run time',
  'cors-any-origin-with-credentials': 'CORS allowing any origin with credentials',
  'secret-in-log': 'Token or secret written to a log',
};

/** Names of values that are credentials: what must never reach a log line. */
export const CREDENTIAL_NAME = /(^|[._])(access_?token|id_?token|refresh_?token|bearer_?token|token|password|passwd|client_?secret|secret|authorization|api_?key)$/i;
