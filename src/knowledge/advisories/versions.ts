import type { Ecosystem } from '../../extract/dependencies/types.ts';

/**
 * Version ordering per ecosystem, as OSV ranges need it: SemVer 2.0.0 (npm, Go with its "v"), NuGet
 * (SemVer with up to four numeric parts, case-insensitive labels), PEP 440 (PyPI) and Maven's
 * ComparableVersion. Each parser returns undefined for text that is not a version of its ecosystem,
 * so a bad range in an advisory is reported instead of compared wrongly.
 */

export type Comparator = (a: string, b: string) => number;

export interface VersionScheme {
  valid(version: string): boolean;
  compare: Comparator;
}

export class VersionError extends Error {}

// ---- SemVer ---------------------------------------------------------------------------------------------
interface SemVer {
  numbers: number[];
  prerelease: (string | number)[];
}

const SEMVER = /^v?(\d+)(?:\.(\d+))?(?:\.(\d+))?(?:\.(\d+))?(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/;

function parseSemVer(text: string, parts: 3 | 4, caseInsensitive = false): SemVer | undefined {
  const match = SEMVER.exec(text.trim());
  if (!match) return undefined;
  if (parts === 3 && match[4] !== undefined) return undefined;
  const numbers = [match[1], match[2], match[3], match[4]].slice(0, parts).map((part) => Number(part ?? 0));
  if (numbers.some((number) => !Number.isSafeInteger(number))) return undefined;
  const label = caseInsensitive ? match[5]?.toLowerCase() : match[5];
  return { numbers, prerelease: label ? label.split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)) : [] };
}

function compareSemVer(a: SemVer, b: SemVer): number {
  for (let i = 0; i < a.numbers.length; i++) if (a.numbers[i] !== b.numbers[i]) return a.numbers[i]! < b.numbers[i]! ? -1 : 1;
  if (!a.prerelease.length || !b.prerelease.length) return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.max(a.prerelease.length, b.prerelease.length); i++) {
    const x = a.prerelease[i];
    const y = b.prerelease[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x < y ? -1 : 1;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return 0;
}

function semverScheme(parts: 3 | 4, caseInsensitive: boolean): VersionScheme {
  const parse = (text: string) => {
    const parsed = parseSemVer(text, parts, caseInsensitive);
    if (!parsed) throw new VersionError(`${JSON.stringify(text)} is not a version`);
    return parsed;
  };
  return { valid: (text) => parseSemVer(text, parts, caseInsensitive) !== undefined, compare: (a, b) => compareSemVer(parse(a), parse(b)) };
}

// ---- PEP 440 --------------------------------------------------------------------------------------------
interface Pep440 {
  epoch: number;
  release: number[];
  pre?: [number, number];
  post?: number;
  dev?: number;
  local: (string | number)[];
}

const PEP440 = /^v?(?:(\d+)!)?(\d+(?:\.\d+)*)(?:[-_.]?(a|alpha|b|beta|c|rc|pre|preview)[-_.]?(\d+)?)?(?:-(\d+)|[-_.]?(post|rev|r)[-_.]?(\d+)?)?(?:[-_.]?(dev)[-_.]?(\d+)?)?(?:\+([a-z0-9]+(?:[-_.][a-z0-9]+)*))?$/i;
const PRE_RANK: Record<string, number> = { a: 0, alpha: 0, b: 1, beta: 1, c: 2, rc: 2, pre: 2, preview: 2 };

export function parsePep440(text: string): Pep440 | undefined {
  const match = PEP440.exec(text.trim());
  if (!match) return undefined;
  const [, epoch, release, preLabel, preNumber, implicitPost, postLabel, postNumber, devLabel, devNumber, local] = match;
  return {
    epoch: Number(epoch ?? 0),
    release: release!.split('.').map(Number),
    pre: preLabel ? [PRE_RANK[preLabel.toLowerCase()]!, Number(preNumber ?? 0)] : undefined,
    post: implicitPost !== undefined ? Number(implicitPost) : postLabel ? Number(postNumber ?? 0) : undefined,
    dev: devLabel ? Number(devNumber ?? 0) : undefined,
    local: local ? local.toLowerCase().split(/[-_.]/).map((part) => (/^\d+$/.test(part) ? Number(part) : part)) : [],
  };
}

function compareNumbers(a: number[], b: number[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** The ordering key of packaging.version: a dev release sorts before its pre-releases, a final after them. */
function comparePep440(a: Pep440, b: Pep440): number {
  if (a.epoch !== b.epoch) return a.epoch < b.epoch ? -1 : 1;
  const release = compareNumbers(a.release, b.release);
  if (release) return release;
  const preKey = (v: Pep440) => (v.pre ? v.pre : v.post === undefined && v.dev !== undefined ? [-Infinity, 0] : [Infinity, 0]);
  const pre = compareNumbers(preKey(a), preKey(b));
  if (pre) return pre;
  const post = compareNumbers([a.post ?? -Infinity], [b.post ?? -Infinity]);
  if (post) return post;
  const dev = compareNumbers([a.dev ?? Infinity], [b.dev ?? Infinity]);
  if (dev) return dev;
  for (let i = 0; i < Math.max(a.local.length, b.local.length); i++) {
    const x = a.local[i];
    const y = b.local[i];
    if (x === y) continue;
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (typeof x !== typeof y) return typeof x === 'number' ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return 0;
}

const pep440Scheme: VersionScheme = {
  valid: (text) => parsePep440(text) !== undefined,
  compare(a, b) {
    const x = parsePep440(a);
    const y = parsePep440(b);
    if (!x || !y) throw new VersionError(`${JSON.stringify(x ? b : a)} is not a PEP 440 version`);
    return comparePep440(x, y);
  },
};

// ---- Maven ----------------------------------------------------------------------------------------------
/** Maven's well-known qualifiers in order; "" (a release) sits between snapshot and sp. */
const MAVEN_QUALIFIERS = ['alpha', 'beta', 'milestone', 'rc', 'snapshot', '', 'sp'];
const MAVEN_ALIASES: Record<string, string> = { a: 'alpha', b: 'beta', m: 'milestone', cr: 'rc', ga: '', final: '', release: '' };

type MavenItem = number | string | MavenItem[];

/** Parses like org.apache.maven.artifact.versioning.ComparableVersion: "." separates items, "-" and digit/letter changes open a sub-list. */
function parseMaven(text: string): MavenItem[] {
  const version = text.trim().toLowerCase();
  const root: MavenItem[] = [];
  let list = root;
  const stack: MavenItem[][] = [root];
  let start = 0;
  let digit = false;
  const push = (token: string, isDigit: boolean) => {
    if (isDigit) list.push(Number(token.replace(/^0+(?=\d)/, '')));
    else {
      const full = token.length === 1 && /[abm]/.test(token) && /\d/.test(version[start + 1] ?? '') ? MAVEN_ALIASES[token]! : token;
      list.push(MAVEN_ALIASES[full] ?? full);
    }
  };
  for (let i = 0; i <= version.length; i++) {
    const c = version[i];
    if (c === '.' || c === '-' || c === undefined) {
      push(i === start ? '0' : version.slice(start, i), i === start ? true : digit);
      if (c === '-') {
        const sub: MavenItem[] = [];
        list.push(sub);
        stack.push(sub);
        list = sub;
      }
      start = i + 1;
      continue;
    }
    const isDigit = c >= '0' && c <= '9';
    if (i > start && isDigit !== digit) {
      push(version.slice(start, i), digit);
      const sub: MavenItem[] = [];
      list.push(sub);
      stack.push(sub);
      list = sub;
      start = i;
    }
    digit = isDigit;
  }
  normalizeMaven(root);
  return root;
}

/** Trailing "null" items (0, "", release aliases, empty lists) do not count: 1.0 = 1 = 1.0.0 = 1-ga. */
function normalizeMaven(list: MavenItem[]): void {
  for (const item of list) if (Array.isArray(item)) normalizeMaven(item);
  while (list.length && isMavenNull(list[list.length - 1]!)) list.pop();
}

function isMavenNull(item: MavenItem): boolean {
  return item === 0 || item === '' || (Array.isArray(item) && item.length === 0);
}

function qualifierRank(text: string): [number, string] {
  const index = MAVEN_QUALIFIERS.indexOf(text);
  return index === -1 ? [MAVEN_QUALIFIERS.length, text] : [index, ''];
}

function compareMavenItem(a: MavenItem | undefined, b: MavenItem | undefined): number {
  if (a === undefined && b === undefined) return 0;
  if (a === undefined) return -compareMavenItem(b, undefined);
  if (typeof a === 'number') {
    if (b === undefined) return a === 0 ? 0 : 1;
    if (typeof b === 'number') return a === b ? 0 : a < b ? -1 : 1;
    return 1; // a number is newer than a qualifier or a sub-list
  }
  if (typeof a === 'string') {
    if (b === undefined) return compareQualifiers(a, '');
    if (typeof b === 'number' || Array.isArray(b)) return -1;
    return compareQualifiers(a, b);
  }
  if (b === undefined) return a.length === 0 ? 0 : compareMavenItem(a[0], undefined) || (a.length > 1 ? compareMavenLists(a, []) : 0);
  if (typeof b === 'number') return -1;
  if (typeof b === 'string') return 1;
  return compareMavenLists(a, b);
}

function compareQualifiers(a: string, b: string): number {
  const [x, xText] = qualifierRank(a);
  const [y, yText] = qualifierRank(b);
  if (x !== y) return x < y ? -1 : 1;
  return xText === yText ? 0 : xText < yText ? -1 : 1;
}

function compareMavenLists(a: MavenItem[], b: MavenItem[]): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const result = compareMavenItem(a[i], b[i]);
    if (result) return result;
  }
  return 0;
}

const MAVEN_VALID = /^[0-9A-Za-z][0-9A-Za-z._+-]*$/;
const mavenScheme: VersionScheme = {
  valid: (text) => MAVEN_VALID.test(text.trim()),
  compare(a, b) {
    if (!MAVEN_VALID.test(a.trim()) || !MAVEN_VALID.test(b.trim())) throw new VersionError(`${JSON.stringify(MAVEN_VALID.test(a.trim()) ? b : a)} is not a Maven version`);
    return compareMavenLists(parseMaven(a), parseMaven(b));
  },
};

const SCHEMES: Record<Ecosystem, VersionScheme> = {
  npm: semverScheme(3, false),
  Go: semverScheme(3, false),
  NuGet: semverScheme(4, true),
  PyPI: pep440Scheme,
  Maven: mavenScheme,
};

export function versionScheme(ecosystem: Ecosystem): VersionScheme {
  return SCHEMES[ecosystem];
}
