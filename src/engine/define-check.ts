import type { AppKind, Evidence, Location, Severity } from './types.ts';
import { SEVERITIES } from './types.ts';
import type { Inventory } from '../extract/inventory.ts';

/** Check folders, one per subject. A check's domain equals its folder name. */
export const CHECK_DOMAINS = ['manifest', 'addin', 'spfx', 'entra', 'graph', 'connectivity', 'tls', 'http', 'secrets', 'code', 'repo', 'deps'] as const;
export type CheckDomain = (typeof CHECK_DOMAINS)[number];

export interface CheckMeta<M extends string = string> {
  /** kebab-case `<domain>-<subject>-<desired state>`; equals the file name; never changes. */
  id: string;
  /** The condition that should hold, as a sentence fragment (reads well for pass and fail). */
  title: string;
  domain: CheckDomain;
  severity: Severity;
  /** Catalog control ids this check supplies evidence for. */
  controls: string[];
  /** Kinds of manifest the check looks at; with none of them in the tree the check is not applicable. Empty: any tree. */
  appliesTo: AppKind[];
  /** Knowledge datasets the check needs; when one is missing the check is "not assessed" with the command that fixes it. */
  needsData?: string[];
  description: string;
  remediation: string;
  references: string[];
  /** messageId → template with {{placeholders}}. */
  messages: Record<M, string>;
}

export interface ReportInput<M extends string> {
  messageId: M;
  data?: Record<string, string | number>;
  at?: Location;
  evidence?: Evidence[];
  /** What makes this finding unique within its file (a pointer, a value); keeps the fingerprint stable when lines move. */
  key?: string;
  fix?: string;
}

export interface CheckContext<M extends string> {
  report(input: ReportInput<M>): void;
  /** The check could not judge (part of) the tree; the reason reaches every report. */
  notAssessed(reason: string): void;
  /** The tree has nothing this check looks at (used when `appliesTo` cannot say it, e.g. no Graph use). */
  notApplicable(reason: string): void;
}

export interface Check<M extends string = string> {
  meta: CheckMeta<M>;
  /** Pure: reads the inventory and reports. No file, network or clock access. */
  run(inventory: Inventory, context: CheckContext<M>): void;
}

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)+$/;

/** Declares a check and validates its metadata, so a malformed check fails at load, not in a report. */
export function defineCheck<M extends string>(check: Check<M>): Check<M> {
  const problems = metaProblems(check.meta);
  if (problems.length) throw new Error(`check ${check.meta.id || '(no id)'} has invalid metadata: ${problems.join('; ')}`);
  return check;
}

export function metaProblems(meta: CheckMeta): string[] {
  const problems: string[] = [];
  if (!ID.test(meta.id)) problems.push('id must be kebab-case with at least two words');
  if (!meta.id.startsWith(`${meta.domain}-`)) problems.push(`id must start with its domain "${meta.domain}-"`);
  if (!CHECK_DOMAINS.includes(meta.domain)) problems.push(`unknown domain ${meta.domain}`);
  if (!SEVERITIES.includes(meta.severity)) problems.push(`unknown severity ${meta.severity}`);
  if (!meta.title || meta.title.length > 120 || /^ensure\b/i.test(meta.title)) problems.push('title must be 1-120 characters and must not start with "Ensure"');
  if (!meta.description || meta.description.length > 600) problems.push('description must be 1-600 characters');
  if (!meta.remediation) problems.push('remediation is required');
  if (meta.controls.length === 0) problems.push('a check must support at least one control');
  if (Object.keys(meta.messages).length === 0) problems.push('at least one message is required');
  for (const link of meta.references) if (!link.startsWith('https://')) problems.push(`reference ${link} must be an https link`);
  return problems;
}

export function renderMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (match, name: string) => (name in data ? String(data[name]) : match));
}
