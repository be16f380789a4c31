import { createHash } from 'node:crypto';
import { PLACEHOLDER_VALUE, REFERENCE_VALUE, SECRET_RULES } from '../../knowledge/secrets/rules.ts';
import type { SourceFile } from '../../sources/source-file.ts';
import { maskSecret } from '../../util/mask.ts';
import { escapeRegExp } from '../../util/regexp.ts';

/**
 * Hard-coded secrets in the working tree. Each file is tested against the rules' literal markers first
 * and only then against the patterns; a value that is a placeholder, an example or too regular to be
 * random is not reported; files that are test fixtures are recorded apart. The secret itself never leaves
 * this module: facts carry it masked, with a hash for baselines.
 */
export interface SecretFact {
  rule: string;
  title: string;
  file: string;
  line: number;
  column: number;
  /** The secret masked (a few leading characters and asterisks). */
  masked: string;
  /** SHA-256 of the secret, truncated: the same secret in two places has the same hash, and nothing leaks. */
  hash: string;
  /** Found in a test fixture or example file: reported apart, not as a finding. */
  fixture?: boolean;
}

/** Every rule's markers in one pattern: a file is read once to learn which rules can match it. */
// Longest first, and a rule's marker counts as present inside a longer one found (`assword` in `assword=`).
const MARKERS = [...new Set(SECRET_RULES.flatMap((rule) => rule.markers))].sort((a, b) => b.length - a.length);
const MARKER_PATTERN = new RegExp(MARKERS.map(escapeRegExp).join('|'), 'g');

const FIXTURE_PATH = /(^|\/)(test|tests|__tests__|__fixtures__|fixtures?|spec|testdata|examples?|samples?|mocks?)\/|\.(test|spec)\.[a-z]+$|(^|\/)[^/]*\.(example|sample|template)(\.[a-z]+)?$|(^|\/)\.env\.(example|sample|template)$/i;
const MAX_FINDINGS_PER_FILE = 200;

export function findSecrets(files: readonly SourceFile[]): SecretFact[] {
  const facts: SecretFact[] = [];
  for (const file of files) {
    if (file.path.includes('!') || /\.(lock|min\.js|map|svg)$|(^|\/)(package-lock\.json|yarn\.lock|pnpm-lock\.yaml)$/i.test(file.path)) continue;
    const text = file.text;
    const present = new Set<string>();
    MARKER_PATTERN.lastIndex = 0;
    for (let marker = MARKER_PATTERN.exec(text); marker && present.size < MARKERS.length; marker = MARKER_PATTERN.exec(text)) present.add(marker[0]);
    if (present.size === 0) continue;
    let count = 0;
    for (const rule of SECRET_RULES) {
      if (!rule.markers.some((marker) => [...present].some((found) => found.includes(marker)))) continue;
      rule.pattern.lastIndex = 0;
      for (let match = rule.pattern.exec(text); match && count < MAX_FINDINGS_PER_FILE; match = rule.pattern.exec(text)) {
        const secret = match.groups?.secret;
        if (!secret || !isSecretLike(secret, rule.minEntropy)) continue;
        const offset = match.index + match[0].indexOf(secret);
        const at = file.locOf(offset);
        facts.push({
          rule: rule.id,
          title: rule.title,
          file: file.path,
          line: at.line,
          column: at.column,
          masked: rule.id === 'private-key' ? '-----BEGIN … PRIVATE KEY----- (contents hidden)' : maskSecret(secret),
          hash: createHash('sha256').update(secret).digest('hex').slice(0, 16),
          ...(FIXTURE_PATH.test(file.path) ? { fixture: true } : {}),
        });
        count++;
      }
    }
  }
  return dedupe(facts);
}

/** Not a placeholder, not an example, and random enough where the rule asks for it. */
function isSecretLike(value: string, minEntropy: number | undefined): boolean {
  if (PLACEHOLDER_VALUE.test(value) || REFERENCE_VALUE.test(value)) return false;
  if (/^(.)\1+$/.test(value)) return false;
  if (minEntropy !== undefined && entropy(value) < minEntropy) return false;
  return true;
}

/** Shannon entropy in bits per character. */
export function entropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let bits = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    bits -= p * Math.log2(p);
  }
  return bits;
}

/** One fact per place: overlapping rules (a client secret that is also in a setting) report once. */
function dedupe(facts: SecretFact[]): SecretFact[] {
  const seen = new Set<string>();
  return facts.filter((fact) => {
    const key = `${fact.file}:${fact.line}:${fact.hash}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
