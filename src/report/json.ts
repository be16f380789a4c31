import type { ScanResult } from '../engine/types.ts';

/** The canonical report: the result object itself, described by schemas/report.schema.json. */
export function renderJson(result: ScanResult): string {
  return `${JSON.stringify(result, null, 2)}\n`;
}
