import type { ScanResult } from '../engine/types.ts';
import { renderCycloneDx } from './cyclonedx.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderJunit } from './junit.ts';
import { renderMarkdown } from './markdown.ts';
import { renderSarif } from './sarif.ts';
import { renderTerminal, type TerminalOptions } from './terminal.ts';

export const FORMATS = ['terminal', 'json', 'sarif', 'html', 'md', 'junit', 'cyclonedx'] as const;
export type Format = (typeof FORMATS)[number];

/** File name each format gets when several formats are written into one folder. */
export const FILE_NAMES: Record<Format, string> = {
  terminal: 'm365cert-report.txt',
  json: 'm365cert-report.json',
  sarif: 'm365cert-report.sarif',
  html: 'm365cert-report.html',
  md: 'm365cert-report.md',
  junit: 'm365cert-report.junit.xml',
  cyclonedx: 'm365cert-sbom.cdx.json',
};

export function render(format: Format, result: ScanResult, terminal: TerminalOptions = { color: false }): string {
  switch (format) {
    case 'terminal':
      return renderTerminal(result, terminal);
    case 'json':
      return renderJson(result);
    case 'sarif':
      return renderSarif(result);
    case 'html':
      return renderHtml(result);
    case 'md':
      return renderMarkdown(result);
    case 'junit':
      return renderJunit(result);
    case 'cyclonedx':
      return renderCycloneDx(result);
  }
}
