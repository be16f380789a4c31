import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ScanProblem } from '../engine/types.ts';
import { decodeText } from './decode.ts';
import { IacSyntaxError, parseIac, type IacEntry } from './formats/iac.ts';
import { parseJson, type JsonDocument } from './formats/json.ts';
import type { ParseResult } from './formats/parse-result.ts';
import { parseXml, type XmlDocument } from './formats/xml.ts';
import { parseYaml, type YamlDocument } from './formats/yaml.ts';
import { SourceFile } from './source-file.ts';
import { errorCode, formatBytes, sizeLimitOf, walk, type WalkOptions } from './walk.ts';

/** Text of every file stays in memory for the extractors; past this much, a tree is not one app. */
export const DEFAULT_MAX_TOTAL_BYTES = 2 * 1024 * 1024 * 1024;
import { readZipManifests } from './zip.ts';

export type StructuredDoc =
  | { format: 'json'; doc: JsonDocument }
  | { format: 'yaml'; doc: YamlDocument }
  | { format: 'xml'; doc: XmlDocument }
  | { format: 'iac'; doc: IacEntry[] };

/**
 * Everything read from the tree: each file read and decoded once. Structured files are parsed at most once:
 * manifest candidates and well-known configuration files while loading, any other on first use through
 * `parse`, so nothing is parsed that no extractor needs.
 */
export interface ProjectSources {
  root: string;
  files: SourceFile[];
  /** Structured files parsed so far, by path. */
  structured: Map<string, StructuredDoc>;
  /** Parses a JSON, YAML or XML file of the tree on first use; a parse error is recorded once in `problems`. */
  parse(path: string): StructuredDoc | undefined;
  problems: ScanProblem[];
  bytesRead: number;
  filesSkipped: number;
  /** Binary files without a text extension (images, fonts): counted, not listed one by one. */
  binaryFiles: string[];
}

export type ProgressListener = (done: number, total: number) => void;

const STRUCTURED_FORMATS: [RegExp, StructuredDoc['format']][] = [
  [/\.(json|jsonc|json5)$|(^|\/)\.(babelrc|eslintrc|prettierrc)$/i, 'json'],
  [/\.(ya?ml)$/i, 'yaml'],
  [/\.(xml|csproj|config|resx|props|targets|xsd|wsdl)$/i, 'xml'],
  [/\.(tf|tfvars|bicep|bicepparam)$/i, 'iac'],
];
const ZIP = /\.zip$/i;

export function structuredFormatOf(path: string): StructuredDoc['format'] | undefined {
  return STRUCTURED_FORMATS.find(([pattern]) => pattern.test(path))?.[1];
}

/** Text that marks a JSON file as a possible manifest or app registration (cheap to test, no parse). */
const MANIFEST_MARKERS = ['"manifestVersion"', '"requiredResourceAccess"', '"schema_version"', '"instructions"', '"solution"', 'declarative-agent'];
/** Configuration files every scan reads, by name. */
const CONFIG_NAMES = /(^|\/)(appsettings[\w.-]*\.json|local\.settings\.json|web\.config|aad\.manifest[\w.-]*\.json|(teamsapp|m365agents)[\w.-]*\.ya?ml|azure-pipelines[\w.-]*\.ya?ml)$|(^|\/)\.github\/workflows\/[^/]+\.ya?ml$/i;

/** Whether a structured file is parsed while loading rather than on first use. */
export function parsedEagerly(path: string, format: StructuredDoc['format'], text: string): boolean {
  if (path.includes('!') || CONFIG_NAMES.test(path)) return true;
  if (format === 'json') return MANIFEST_MARKERS.some((marker) => text.includes(marker));
  if (format === 'xml') return text.includes('<OfficeApp');
  return false;
}

export async function loadProject(options: WalkOptions, onProgress?: ProgressListener): Promise<ProjectSources> {
  const walked = await walk(options);
  const problems: ScanProblem[] = walked.skipped.map((skip) => ({ kind: 'skipped', file: skip.path, message: skip.reason }));
  const files: SourceFile[] = [];
  const structured = new Map<string, StructuredDoc>();
  const byPath = new Map<string, SourceFile>();
  let bytesRead = 0;
  let filesSkipped = walked.skipped.length;
  const binaryFiles: string[] = [];
  let done = 0;

  const addText = (path: string, bytes: Uint8Array) => {
    const decoded = decodeText(bytes);
    if (decoded.binary) {
      if (looksLikeSource(path)) problems.push({ kind: 'skipped', file: path, message: 'binary content in a file with a text extension' });
      else binaryFiles.push(path);
      filesSkipped++;
      return;
    }
    const file = new SourceFile(path, decoded.text, decoded.encoding, bytes.length);
    files.push(file);
    byPath.set(path, file);
    const format = structuredFormatOf(path);
    if (format && parsedEagerly(path, format, file.text)) parseOnce(file, format);
  };

  const attempted = new Set<string>();
  const parseOnce = (file: SourceFile, format: StructuredDoc['format']): StructuredDoc | undefined => {
    if (attempted.has(file.path)) return structured.get(file.path);
    attempted.add(file.path);
    const parsed = parseStructured(file, format);
    if (parsed.ok) {
      structured.set(file.path, parsed.doc);
      return parsed.doc;
    }
    const formatName = format === 'iac' ? (/\.bicep/i.test(file.path) ? 'Bicep' : 'Terraform') : format.toUpperCase();
    problems.push({ kind: 'parse-error', file: file.path, line: parsed.error.line, column: parsed.error.column, message: `could not parse ${formatName}: ${parsed.error.message}` });
    return undefined;
  };

  const budget = options.maxTotalBytes ?? DEFAULT_MAX_TOTAL_BYTES;
  let overBudget = 0;
  // Reserved before the read starts: reads run concurrently, so bytesRead alone would let them all through.
  let reserved = 0;
  const readOne = async (index: number) => {
    const entry = walked.files[index]!;
    if (reserved + entry.size > budget) {
      overBudget++;
      filesSkipped++;
      return;
    }
    reserved += entry.size;
    let bytes: Uint8Array;
    try {
      bytes = await readFile(entry.absPath);
    } catch (error) {
      problems.push({ kind: 'read-error', file: entry.path, message: `could not be read: ${errorCode(error)}` });
      filesSkipped++;
      return;
    }
    // Pseudo-files report size 0 and then stream on; the limit is checked on what was really read.
    const limit = sizeLimitOf(entry.path, options.maxFileBytes);
    if (bytes.length > limit) {
      problems.push({ kind: 'skipped', file: entry.path, message: `larger than the ${formatBytes(limit)} limit once read (${formatBytes(bytes.length)})` });
      filesSkipped++;
      return;
    }
    bytesRead += bytes.length;
    if (ZIP.test(entry.path)) {
      try {
        for (const inner of readZipManifests(bytes)) addText(`${entry.path}!${inner.name}`, inner.bytes);
      } catch (error) {
        problems.push({ kind: 'skipped', file: entry.path, message: `zip archive not read: ${(error as Error).message}` });
        filesSkipped++;
      }
      return;
    }
    addText(entry.path, bytes);
  };

  // Bounded concurrency keeps many reads in flight without opening every file at once.
  let next = 0;
  const worker = async () => {
    while (next < walked.files.length) {
      const index = next++;
      await readOne(index);
      onProgress?.(++done, walked.files.length);
    }
  };
  await Promise.all(Array.from({ length: Math.max(4, availableParallelism() * 4) }, worker));

  if (overBudget) problems.push({ kind: 'skipped', message: `${overBudget} file(s) not read: the scan reached its ${formatBytes(budget)} reading budget (a folder much larger than one app? narrow it with include/exclude)` });
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.file ?? '').localeCompare(b.file ?? '') || a.message.localeCompare(b.message));
  binaryFiles.sort();
  const parse = (path: string) => {
    const file = byPath.get(path);
    const format = structuredFormatOf(path);
    return file && format ? parseOnce(file, format) : undefined;
  };
  return { root: options.root, files, structured, parse, problems, bytesRead, filesSkipped, binaryFiles };
}

function parseStructured(file: SourceFile, format: StructuredDoc['format']): ParseResult<StructuredDoc> {
  if (format === 'iac') {
    try {
      return { ok: true, doc: { format, doc: parseIac(file.text, /\.bicep/i.test(file.path) ? 'bicep' : 'hcl') } };
    } catch (error) {
      if (error instanceof IacSyntaxError) return { ok: false, error: { message: error.message, line: error.line } };
      throw error;
    }
  }
  const result = format === 'json' ? parseJson(file) : format === 'yaml' ? parseYaml(file) : parseXml(file);
  if (!result.ok) return result;
  return { ok: true, doc: { format, doc: result.doc } as StructuredDoc };
}

const SOURCE_EXTENSIONS = /\.(json|jsonc|ya?ml|xml|js|mjs|cjs|ts|tsx|jsx|cs|py|java|ps1|psm1|go|html?|css|md|txt|env|config|csproj|sh|bicep|tf)$/i;

function looksLikeSource(path: string): boolean {
  return SOURCE_EXTENSIONS.test(path);
}
