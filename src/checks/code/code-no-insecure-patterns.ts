// Secure software development (OPS-12 [S1]): a secure-coding standard references the OWASP Top 10; these are its common code-level findings.
import { defineCheck } from '../../engine/define-check.ts';
import { PATTERN_TITLES } from '../../extract/patterns/types.ts';

export const check = defineCheck({
  meta: {
    id: 'code-no-insecure-patterns',
    title: 'No weak hashes, tokens in browser storage or logs, eval of computed code, or CORS open to every origin with credentials',
    domain: 'code',
    severity: 'medium',
    controls: ['OPS-12'],
    appliesTo: [],
    description: 'Finds MD5 and SHA-1 hashes (createHash, hashlib, MD5.Create, MessageDigest), tokens and secrets written to localStorage or sessionStorage (readable by any script on the page), eval and new Function of computed strings, cors() allowing any origin together with credentials, and tokens, passwords or secrets passed to console, logger and logging calls.',
    remediation: 'Use SHA-256 or better (and a password hash such as bcrypt or Argon2 for passwords); keep tokens in memory or let MSAL manage them; parse data instead of evaluating it; allow only the origins the app needs; log that a token was obtained, never the token.',
    references: ['https://owasp.org/Top10/', 'https://learn.microsoft.com/microsoft-365-app-certification/docs/operational-security'],
    messages: {
      pattern: '{{title}}: {{detail}}',
    },
  },
  run(inventory, context) {
    for (const pattern of inventory.patterns ?? []) {
      if (pattern.rule === 'tls-verification-disabled') continue;
      context.report({ messageId: 'pattern', data: { title: PATTERN_TITLES[pattern.rule], detail: pattern.detail }, at: { file: pattern.source.file, line: pattern.source.line, column: pattern.source.column }, key: `${pattern.rule}|${pattern.detail}` });
    }
  },
});
