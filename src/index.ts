/** The programmatic API: run a scan, render its result in any format, read the catalog. */
export { scan, REPORT_SCHEMA_VERSION, type ScanOptions } from './engine/scan.ts';
export { loadConfig, DEFAULT_CONFIG, type Config, type SuppressionRule } from './config/config.ts';
export { resolveDataDir, type DataDir } from './knowledge/data-dir.ts';
export { updateData, importData } from './knowledge/update.ts';
export { render, FORMATS, type Format } from './report/index.ts';
export { ALL_CHECKS } from './checks/index.gen.ts';
export { CONTROLS, DOMAINS, type Control } from './catalog/controls.ts';
export { defineCheck, type Check, type CheckMeta, type CheckContext } from './engine/define-check.ts';
export type * from './engine/types.ts';
export type { Inventory, Manifest } from './extract/inventory.ts';
