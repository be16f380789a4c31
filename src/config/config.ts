import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { Ajv } from 'ajv';
import type { Severity } from '../engine/types.ts';
import type { HostAnnotation } from '../extract/hosts/index.ts';
import { ConfigError } from '../engine/errors.ts';
import { DEFAULT_PATCH_WINDOWS, type PatchWindows } from '../extract/vulnerabilities/index.ts';
import { parseJson } from '../sources/formats/json.ts';
import { SourceFile } from '../sources/source-file.ts';
import { readPackageFile } from '../util/package-files.ts';

export const CONFIG_FILE_NAME = 'm365cert.config.json';

export interface SuppressionRule {
  check: string;
  path?: string;
  fingerprint?: string;
  reason: string;
  owner?: string;
  expires?: string;
}

export interface Config {
  /** Where the configuration came from, or undefined for the defaults. */
  file?: string;
  include: string[];
  exclude: string[];
  respectGitignore: boolean;
  maxFileBytes: number;
  endpoints: string[];
  failOn: Severity;
  failOnNotAssessed: boolean;
  checks: { only?: string[]; disable: string[]; severity: Record<string, Severity> };
  suppressions: SuppressionRule[];
  /** Written business justifications of high-privilege Graph permissions, by permission name. */
  permissions: { justifications: Record<string, string> };
  /** The publisher's own domains and notes on hosts m365cert cannot classify (operator, service, purpose). */
  connectivity: { publisherDomains: string[]; hosts: Record<string, HostAnnotation> };
  /** Days a fix may wait, by severity (the publisher's patch policy; m365cert's defaults otherwise). */
  patchWindows: PatchWindows;
  /** Where change-control evidence beyond the tree is: an exported branch-protection file; how much history to read. */
  repository: { branchProtection?: string; historyCommits: number };
}

/** Folders of dependencies and build output: never the app's own code, and often huge. */
export const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/bower_components/**', '**/.venv/**', '**/__pycache__/**', '**/bin/Debug/**', '**/bin/Release/**', '**/obj/**', '**/dist/**', '**/lib/**/*.js.map', '**/temp/**', '**/.vs/**'];

export const DEFAULT_CONFIG: Config = {
  include: [],
  exclude: [],
  respectGitignore: true,
  maxFileBytes: 5 * 1024 * 1024,
  endpoints: [],
  failOn: 'high',
  failOnNotAssessed: false,
  checks: { disable: [], severity: {} },
  suppressions: [],
  permissions: { justifications: {} },
  connectivity: { publisherDomains: [], hosts: {} },
  patchWindows: DEFAULT_PATCH_WINDOWS,
  repository: { historyCommits: 200 },
};

let validateConfig: ReturnType<Ajv['compile']> | undefined;

/**
 * Loads the configuration: the file named by --config, or m365cert.config.json in the scan root, or the
 * defaults. An invalid file is an error naming the file, the line and what is wrong — never ignored.
 */
export function loadConfig(root: string, explicitPath?: string): Config {
  const file = explicitPath ? path.resolve(explicitPath) : path.join(root, CONFIG_FILE_NAME);
  if (!existsSync(file)) {
    if (explicitPath) throw new ConfigError(`${explicitPath}: configuration file not found`);
    return { ...DEFAULT_CONFIG };
  }
  const display = explicitPath ?? path.relative(process.cwd(), file);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError(`${display}: could not be read (${(error as Error).message})`);
  }
  const source = new SourceFile(display, text);
  const parsed = parseJson(source);
  if (!parsed.ok) {
    const where = parsed.error.line ? `:${parsed.error.line}:${parsed.error.column}` : '';
    throw new ConfigError(`${display}${where}: not valid JSON: ${parsed.error.message}`);
  }
  validateConfig ??= new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readPackageFile('schemas/config.schema.json')));
  if (!validateConfig(parsed.doc.value)) {
    const messages = (validateConfig.errors ?? []).map((error) => {
      const pointer = error.instancePath.split('/').slice(1).map(decodePointer);
      const at = parsed.doc.locate(pointer);
      const where = at ? `:${at.line}:${at.column}` : '';
      const extra = error.keyword === 'additionalProperties' ? ` (${(error.params as { additionalProperty: string }).additionalProperty})` : '';
      return `${display}${where}: ${error.instancePath || '(root)'} ${error.message}${extra}`;
    });
    throw new ConfigError(`invalid configuration:\n  ${messages.join('\n  ')}`);
  }
  const value = parsed.doc.value as Partial<Config> & { checks?: Partial<Config['checks']>; permissions?: Partial<Config['permissions']>; connectivity?: Partial<Config['connectivity']>; repository?: Partial<Config['repository']> };
  return {
    file: display,
    include: value.include ?? DEFAULT_CONFIG.include,
    exclude: value.exclude ?? DEFAULT_CONFIG.exclude,
    respectGitignore: value.respectGitignore ?? DEFAULT_CONFIG.respectGitignore,
    maxFileBytes: value.maxFileBytes ?? DEFAULT_CONFIG.maxFileBytes,
    endpoints: value.endpoints ?? [],
    failOn: value.failOn ?? DEFAULT_CONFIG.failOn,
    failOnNotAssessed: value.failOnNotAssessed ?? false,
    checks: { only: value.checks?.only, disable: value.checks?.disable ?? [], severity: value.checks?.severity ?? {} },
    suppressions: value.suppressions ?? [],
    permissions: { justifications: value.permissions?.justifications ?? {} },
    connectivity: { publisherDomains: value.connectivity?.publisherDomains ?? [], hosts: value.connectivity?.hosts ?? {} },
    patchWindows: { ...DEFAULT_PATCH_WINDOWS, ...value.patchWindows },
    repository: { branchProtection: value.repository?.branchProtection, historyCommits: value.repository?.historyCommits ?? DEFAULT_CONFIG.repository.historyCommits },
  };
}

export function decodePointer(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}
