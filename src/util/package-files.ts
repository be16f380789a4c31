import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Reads a file shipped with the package (schemas/, package.json). Works from src/ under tsx and from
 * dist/ once built, because both sit one folder below the package root.
 */
export function readPackageFile(relative: string): string {
  return readFileSync(packagePath(relative), 'utf8');
}

export function packagePath(relative: string): string {
  return fileURLToPath(new URL(`../../${relative}`, import.meta.url));
}

let version: string | undefined;
export function toolVersion(): string {
  version ??= (JSON.parse(readPackageFile('package.json')) as { version: string }).version;
  return version;
}
