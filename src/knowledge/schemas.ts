import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import ajvDraft04 from 'ajv-draft-04';
import type { ValidateFunction } from 'ajv';
import { decodePointer } from '../config/config.ts';

export interface SchemaViolation {
  /** Path of the offending value inside the manifest. */
  path: (string | number)[];
  message: string;
}

export type SchemaOutcome =
  | { status: 'valid'; schema: string; unresolvedPlaceholders: number }
  | { status: 'invalid'; schema: string; violations: SchemaViolation[]; unresolvedPlaceholders: number }
  | { status: 'unavailable'; schema: string; reason: string };

// The package is CommonJS whose module.exports is the class; its typings describe only `.default`.
const Ajv04 = ajvDraft04.default;
type AjvInstance = InstanceType<typeof Ajv04>;

const MAX_VIOLATIONS = 50;
/** Agents Toolkit fills `${{VAR}}` at provisioning time; such values cannot be judged before that. */
const PLACEHOLDER = /\$\{\{[^}]*\}\}|\{\{[^}]*\}\}/;

/** Validates manifests against the official JSON schemas held in the data directory, compiling each schema once. */
export class SchemaStore {
  readonly #dataDir: string;
  readonly #compiled = new Map<string, ValidateFunction | Error>();
  #ajv: AjvInstance | undefined;

  constructor(dataDir: string) {
    this.#dataDir = dataDir;
  }

  validate(schemaPath: string, value: unknown): SchemaOutcome {
    const validator = this.#load(schemaPath);
    if (validator instanceof Error) return { status: 'unavailable', schema: schemaPath, reason: validator.message };
    if (validator(value)) return { status: 'valid', schema: schemaPath, unresolvedPlaceholders: 0 };
    let unresolvedPlaceholders = 0;
    const violations: SchemaViolation[] = [];
    for (const error of validator.errors ?? []) {
      const pointer = error.instancePath.split('/').slice(1).map(decodePointer).map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
      const offending = valueAt(value, pointer);
      if (typeof offending === 'string' && PLACEHOLDER.test(offending)) {
        unresolvedPlaceholders++;
        continue;
      }
      if (violations.length < MAX_VIOLATIONS) violations.push({ path: pointer, message: describe(error) });
    }
    if (violations.length === 0) return { status: 'valid', schema: schemaPath, unresolvedPlaceholders };
    return { status: 'invalid', schema: schemaPath, violations: dedupe(violations), unresolvedPlaceholders };
  }

  #load(schemaPath: string): ValidateFunction | Error {
    const cached = this.#compiled.get(schemaPath);
    if (cached) return cached;
    let validator: ValidateFunction | Error;
    const file = path.join(this.#dataDir, schemaPath);
    if (!existsSync(file)) {
      validator = new Error(`schema ${schemaPath} is not in the data directory (${this.#dataDir}); run "m365cert data update"`);
    } else {
      try {
        const schema = JSON.parse(readFileSync(file, 'utf8').replace(/^\uFEFF/, '')) as Record<string, unknown>;
        delete schema.$schema;
        this.#ajv ??= createAjv();
        validator = this.#ajv.compile(schema);
      } catch (error) {
        validator = new Error(`schema ${schemaPath} could not be used: ${(error as Error).message}`);
      }
    }
    this.#compiled.set(schemaPath, validator);
    return validator;
  }
}

function createAjv(): AjvInstance {
  // Published schemas use escapes such as \: that are invalid in unicode-mode regular expressions.
  const ajv = new Ajv04({ allErrors: true, strict: false, validateFormats: true, logger: false, unicodeRegExp: false });
  ajv.addFormat('uri', (text: string) => /^[a-z][a-z0-9+.-]*:/i.test(text) && URL.canParse(text));
  ajv.addFormat('uuid', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
  ajv.addFormat('email', /^[^\s@]+@[^\s@]+\.[^\s@]+$/);
  return ajv;
}

function describe(error: { keyword: string; message?: string; params: Record<string, unknown> }): string {
  if (error.keyword === 'additionalProperties') return `unknown property "${String(error.params.additionalProperty)}"`;
  if (error.keyword === 'required') return `missing required property "${String(error.params.missingProperty)}"`;
  if (error.keyword === 'enum') return `${error.message}: ${(error.params.allowedValues as unknown[]).map(String).join(', ')}`;
  return error.message ?? error.keyword;
}

function dedupe(violations: SchemaViolation[]): SchemaViolation[] {
  const seen = new Set<string>();
  return violations.filter((violation) => {
    const key = `${violation.path.join('/')}|${violation.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function valueAt(value: unknown, pointer: readonly (string | number)[]): unknown {
  let current = value;
  for (const segment of pointer) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string | number, unknown>)[segment];
  }
  return current;
}
