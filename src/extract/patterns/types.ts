import type { SourceRef } from '../graph/types.ts';

/**
 * Insecure code patterns (secure development): what the code does, where, and the rule it breaks.
 * `tls-verification-disabled` turns certificate checks off; the others weaken the app's own security.
 */
export type PatternRule = 'tls-verification-disabled' | 'weak-hash' | 'token-in-browser-storage' | 'dynamic-code-evaluation' | 'cors-any-origin-with-credentials';

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
};
